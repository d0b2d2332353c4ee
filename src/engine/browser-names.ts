/**
 * The names Chromium (`network::mojom::CorsError`, CDP `Network.CorsError`) and Firefox
 * (`security.properties` reason keys) give a cause: cors-reference Part A and B §7.
 */
import type { AccessFailureCode } from "./rules/check-allow-origin";
import type { CauseCode, Stage } from "./types";

const CHROMIUM_ORIGIN_FAMILY: Record<AccessFailureCode, string> = {
  "missing-allow-origin": "MissingAllowOriginHeader",
  "multiple-allow-origin": "MultipleAllowOriginValues",
  "invalid-allow-origin": "InvalidAllowOriginValue",
  "allow-origin-mismatch": "AllowOriginMismatch",
  "wildcard-origin-with-credentials": "WildcardOriginNotAllowed",
  "allow-credentials-not-true": "InvalidAllowCredentials",
};

const CHROMIUM_OTHER: Record<Exclude<CauseCode, AccessFailureCode>, string | null> = {
  "disallowed-by-mode": "DisallowedByMode",
  "scheme-not-supported": "CorsDisabledScheme",
  "no-cors-redirect-mode": "NoCorsRedirectModeNotFollow",
  "preflight-status-not-ok": "PreflightInvalidStatus",
  "preflight-redirected": "PreflightDisallowedRedirect",
  "invalid-allow-methods": "InvalidAllowMethodsPreflightResponse",
  "invalid-allow-headers": "InvalidAllowHeadersPreflightResponse",
  "method-not-allowed": "MethodDisallowedByPreflightResponse",
  "header-not-allowed": "HeaderDisallowedByPreflightResponse",
  "redirect-contains-credentials": "RedirectContainsCredentials",
  "local-network-insecure": "InsecureLocalNetwork",
  "local-network-invalid": "InvalidLocalNetworkAccess",
  "local-network-permission-denied": "LocalNetworkAccessPermissionDenied",
  "network-error": null,
};

function isAccessFailureCode(code: CauseCode): code is AccessFailureCode {
  return code in CHROMIUM_ORIGIN_FAMILY;
}

/** Chromium's `CorsError` name; origin/credentials failures on a preflight get the `Preflight` variant. */
export function chromiumName(code: CauseCode, stage: Stage): string | null {
  if (isAccessFailureCode(code)) {
    const base = CHROMIUM_ORIGIN_FAMILY[code];
    return stage === "preflight" ? `Preflight${base}` : base;
  }
  return CHROMIUM_OTHER[code];
}

/** What Firefox's name depends on beyond the code. */
export interface FirefoxNameContext {
  /** How many `Access-Control-Allow-Origin` lines arrived: Firefox counts lines, not values. */
  allowOriginLines: number;
  /** For a redirected preflight: the origin check's failure on the 3xx, which Firefox reports first. */
  redirectAccessFailure?: AccessFailureCode | null;
}

const FIREFOX: Record<CauseCode, string | null> = {
  "disallowed-by-mode": null,
  "scheme-not-supported": "CORSRequestNotHttp",
  "no-cors-redirect-mode": null,
  "missing-allow-origin": "CORSMissingAllowOrigin2",
  "multiple-allow-origin": "CORSAllowOriginNotMatchingOrigin",
  "invalid-allow-origin": "CORSAllowOriginNotMatchingOrigin",
  "allow-origin-mismatch": "CORSAllowOriginNotMatchingOrigin",
  "wildcard-origin-with-credentials": "CORSNotSupportingCredentials",
  "allow-credentials-not-true": "CORSMissingAllowCredentials",
  "preflight-status-not-ok": "CORSPreflightDidNotSucceed3",
  "preflight-redirected": "CORSExternalRedirectNotAllowed",
  "invalid-allow-methods": "CORSInvalidAllowMethod",
  "invalid-allow-headers": "CORSInvalidAllowHeader",
  "method-not-allowed": "CORSMethodNotFound",
  "header-not-allowed": "CORSMissingAllowHeaderFromPreflight2",
  "redirect-contains-credentials": "CORSDidNotSucceed2",
  "local-network-insecure": null,
  "local-network-invalid": null,
  "local-network-permission-denied": null,
  "network-error": "CORSDidNotSucceed2",
};

/** Firefox's reason key (cors-reference B §4.1, §4.5). */
export function firefoxName(code: CauseCode, context: FirefoxNameContext): string | null {
  if (code === "multiple-allow-origin" && context.allowOriginLines > 1)
    return "CORSMultipleAllowOriginNotAllowed";
  if (code === "preflight-redirected" && context.redirectAccessFailure) {
    return FIREFOX[context.redirectAccessFailure];
  }
  return FIREFOX[code];
}

/** Older Chromium names users still see, mapped to the current ones (cors-reference B §1.1). */
const CHROMIUM_ALIASES: Record<string, string> = {
  InsecurePrivateNetwork: "InsecureLocalNetwork",
  InvalidPrivateNetworkAccess: "InvalidLocalNetworkAccess",
  PrivateNetworkAccessPermissionDenied: "LocalNetworkAccessPermissionDenied",
};

export function currentChromiumName(name: string): string {
  return CHROMIUM_ALIASES[name] ?? name;
}
