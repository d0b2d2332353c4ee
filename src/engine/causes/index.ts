/**
 * Every cause code's room, keyed by code: a missing code is a type error. The checks that emit them
 * keep the Fetch Standard's order in `../rules/`.
 */
import type { CauseCode } from "../types";
import { allowCredentialsNotTrue } from "./allow-credentials-not-true";
import { allowOriginMismatch } from "./allow-origin-mismatch";
import { disallowedByMode } from "./disallowed-by-mode";
import { headerNotAllowed } from "./header-not-allowed";
import { invalidAllowHeaders } from "./invalid-allow-headers";
import { invalidAllowMethods } from "./invalid-allow-methods";
import { invalidAllowOrigin } from "./invalid-allow-origin";
import { localNetworkInsecure } from "./local-network-insecure";
import { localNetworkInvalid } from "./local-network-invalid";
import { localNetworkPermissionDenied } from "./local-network-permission-denied";
import { methodNotAllowed } from "./method-not-allowed";
import { missingAllowOrigin } from "./missing-allow-origin";
import { multipleAllowOrigin } from "./multiple-allow-origin";
import { networkError } from "./network-error";
import { noCorsRedirectMode } from "./no-cors-redirect-mode";
import { preflightRedirected } from "./preflight-redirected";
import { preflightStatusNotOk } from "./preflight-status-not-ok";
import { redirectContainsCredentials } from "./redirect-contains-credentials";
import { schemeNotSupported } from "./scheme-not-supported";
import type { CauseSpec } from "./spec";
import { wildcardOriginWithCredentials } from "./wildcard-origin-with-credentials";

export const CAUSES: { readonly [C in CauseCode]: CauseSpec<C> } = {
  "disallowed-by-mode": disallowedByMode,
  "scheme-not-supported": schemeNotSupported,
  "no-cors-redirect-mode": noCorsRedirectMode,
  "missing-allow-origin": missingAllowOrigin,
  "multiple-allow-origin": multipleAllowOrigin,
  "invalid-allow-origin": invalidAllowOrigin,
  "allow-origin-mismatch": allowOriginMismatch,
  "wildcard-origin-with-credentials": wildcardOriginWithCredentials,
  "allow-credentials-not-true": allowCredentialsNotTrue,
  "preflight-status-not-ok": preflightStatusNotOk,
  "preflight-redirected": preflightRedirected,
  "invalid-allow-methods": invalidAllowMethods,
  "invalid-allow-headers": invalidAllowHeaders,
  "method-not-allowed": methodNotAllowed,
  "header-not-allowed": headerNotAllowed,
  "redirect-contains-credentials": redirectContainsCredentials,
  "local-network-insecure": localNetworkInsecure,
  "local-network-invalid": localNetworkInvalid,
  "local-network-permission-denied": localNetworkPermissionDenied,
  "network-error": networkError,
};

export type { CauseSpec, DocLink, FailingRow, FirefoxNameContext, Text } from "./spec";
