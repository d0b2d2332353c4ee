/**
 * The CORS-preflight response checks, in each browser's order (Chromium `services/network/cors/preflight_controller.cc`, Gecko `nsCORSListenerProxy.cpp`):
 * Chromium: redirect → origin/credentials → status → parse methods, parse headers → method → header.
 * Firefox: origin/credentials → redirect → status → parse methods → method → parse headers → header.
 * The cause code of a redirected preflight is the same in both; Firefox only names it after the
 * origin check (see browser-names.ts).
 */
import { combinedHeader, splitList } from "../headers";
import type { BrowserName, Hop } from "../types";
import { type AccessFailureCode, checkAllowOrigin } from "./check-allow-origin";
import { checkAllowedHeaders } from "./check-allowed-headers";
import { isMethodAllowed } from "./check-allowed-method";
import { isRedirectStatus } from "./check-response-chain";
import type { CheckFailure } from "./failure";
import { parseAllowList } from "./parse-allow-list";

export interface PreflightRequest {
  /** The method the preflight asked for (`Access-Control-Request-Method`). */
  method: string;
  /** CORS-unsafe header names the preflight asked for, lower-cased and sorted. */
  unsafeNames: string[];
  origin: string;
  credentialed: boolean;
}

export interface PreflightOutcome {
  failure: CheckFailure | null;
  authorizationByWildcard: boolean;
}

/** The method and header names a preflight asked for, from its own request headers. */

export function askedByPreflight(preflight: Hop): { method: string | null; unsafeNames: string[] | null } {
  const method = combinedHeader(preflight.requestHeaders, "access-control-request-method");
  const names = combinedHeader(preflight.requestHeaders, "access-control-request-headers");
  return {
    method,
    unsafeNames: names === null ? null : [...new Set(splitList(names).map((n) => n.toLowerCase()))].sort(),
  };
}

export function checkPreflight(
  preflight: Hop,
  request: PreflightRequest,
  browser: BrowserName,
): PreflightOutcome {
  const status = preflight.status;
  const headers = preflight.responseHeaders;
  const fail = (failure: Omit<CheckFailure, "stage" | "hop">): PreflightOutcome => ({
    failure: { ...failure, stage: "preflight", hop: preflight },
    authorizationByWildcard: false,
  });

  if (status === null) {
    return fail({
      code: "network-error",
      header: null,
      value: preflight.error,
      expected: "a response",
      lines: 0,
    });
  }
  const access = checkAllowOrigin(headers, request.origin, request.credentialed);
  // https://fetch.spec.whatwg.org/#redirect-status (301, 302, 303, 307, 308), with a Location to follow: a 304 or a 300 is
  // a status that is not ok (both browsers: `PreflightInvalidStatus`, `CORSPreflightDidNotSucceed3`).
  if (isRedirectStatus(status) && combinedHeader(headers, "location") !== null) {
    return fail({
      code: "preflight-redirected",
      header: "location",
      value: combinedHeader(headers, "location"),
      expected: "a 2xx answer to OPTIONS at this URL",
      lines: access?.allowOriginLines ?? 0,
      redirectAccessFailure: access?.code ?? null,
    });
  }
  if (access) {
    return fail({
      code: access.code,
      header: access.header,
      value: access.value,
      expected: access.expected,
      lines: access.allowOriginLines,
    });
  }
  if (status < 200 || status > 299) {
    return fail({
      code: "preflight-status-not-ok",
      header: null,
      value: String(status),
      expected: "200–299",
      lines: 1,
    });
  }

  const methods = parseAllowList(headers, "access-control-allow-methods");
  const allowHeaders = parseAllowList(headers, "access-control-allow-headers");
  const methodFailure = (): PreflightOutcome | null => {
    if (!methods.ok) {
      return fail({
        code: "invalid-allow-methods",
        header: "access-control-allow-methods",
        value: methods.badToken,
        expected: "a comma-separated list of method tokens",
        lines: 1,
      });
    }
    if (!isMethodAllowed(request.method, methods.items, request.credentialed)) {
      return fail({
        code: "method-not-allowed",
        header: "access-control-allow-methods",
        value: request.method,
        expected: request.method,
        lines: 1,
      });
    }
    return null;
  };
  const headersParseFailure = (): PreflightOutcome | null =>
    allowHeaders.ok
      ? null
      : fail({
          code: "invalid-allow-headers",
          header: "access-control-allow-headers",
          value: allowHeaders.badToken,
          expected: "a comma-separated list of header names",
          lines: 1,
        });

  // Chromium parses both lists before checking the method (an unparseable methods list first);
  // Firefox checks the method before it parses the headers list.
  const order =
    browser === "chromium" && methods.ok
      ? [headersParseFailure, methodFailure]
      : [methodFailure, headersParseFailure];
  for (const check of order) {
    const failure = check();
    if (failure) return failure;
  }
  const items = allowHeaders.ok ? allowHeaders.items : [];
  const check = checkAllowedHeaders(request.unsafeNames, items, request.credentialed);
  if (check.rejected !== null) {
    return fail({
      code: "header-not-allowed",
      header: "access-control-allow-headers",
      value: check.rejected,
      expected: check.rejected,
      lines: 1,
    });
  }
  return { failure: null, authorizationByWildcard: check.authorizationByWildcard };
}

export type { AccessFailureCode };
