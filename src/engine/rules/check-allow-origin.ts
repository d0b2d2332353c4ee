/**
 * The CORS check (https://fetch.spec.whatwg.org/#concept-cors-check; Chromium `services/network/public/cpp/cors/cors.cc` CheckAccess) on one
 * response: `Access-Control-Allow-Origin`, then `Access-Control-Allow-Credentials`.
 */
import { combinedHeader, headerValues } from "../headers";
import { isUrlLike } from "../origin";
import type { HeaderList } from "../types";

export type AccessFailureCode =
  | "missing-allow-origin"
  | "multiple-allow-origin"
  | "invalid-allow-origin"
  | "allow-origin-mismatch"
  | "wildcard-origin-with-credentials"
  | "allow-credentials-not-true";

export interface AccessFailure {
  code: AccessFailureCode;
  header: "access-control-allow-origin" | "access-control-allow-credentials";
  /** The offending value as received (combined), null when absent. */
  value: string | null;
  /** What this request needed instead. */
  expected: string;
  /** How many `Access-Control-Allow-Origin` lines arrived (Firefox counts lines). */
  allowOriginLines: number;
}

/**
 * How many `Access-Control-Allow-Origin` lines the server sent. Firefox hands extensions duplicate
 * lines merged with ", " (observed in Firefox 153): a merged value repeating one origin is two lines,
 * since nobody writes the same origin twice in one header; so is one holding `*` beside an origin
 * (a proxy's `*` and the app's origin), which no server writes as one value either.
 */
export function allowOriginLineCount(values: readonly string[]): number {
  if (values.length !== 1) return values.length;
  const parts = (values[0] ?? "").split(",").map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === "")) return 1;
  const repeated = parts.every((p) => p === parts[0]);
  const starBesideOrigin = parts.length === 2 && parts.includes("*");
  return repeated || starBesideOrigin ? parts.length : 1;
}

/**
 * Chromium's order: absent, then `*` (credentials decide), then equality with the serialized
 * request origin; a different value is "multiple" with a comma or space, a "mismatch" when it is
 * `null` or parses as a URL, else "invalid". Credentials: `Access-Control-Allow-Credentials` must
 * be exactly `true`.
 */
export function checkAllowOrigin(
  responseHeaders: HeaderList,
  requestOrigin: string,
  credentialed: boolean,
): AccessFailure | null {
  const lines = allowOriginLineCount(headerValues(responseHeaders, "access-control-allow-origin"));
  const allowOrigin = combinedHeader(responseHeaders, "access-control-allow-origin");
  const fail = (
    code: AccessFailureCode,
    value: string | null,
    expected: string,
    header: AccessFailure["header"] = "access-control-allow-origin",
  ): AccessFailure => ({ code, header, value, expected, allowOriginLines: lines });

  if (allowOrigin === null) return fail("missing-allow-origin", null, requestOrigin);
  if (allowOrigin === "*") {
    if (credentialed) return fail("wildcard-origin-with-credentials", "*", requestOrigin);
    return null;
  }
  if (allowOrigin !== requestOrigin) {
    if (/[ ,]/.test(allowOrigin)) return fail("multiple-allow-origin", allowOrigin, requestOrigin);
    if (allowOrigin === "null" || isUrlLike(allowOrigin)) {
      return fail("allow-origin-mismatch", allowOrigin, requestOrigin);
    }
    return fail("invalid-allow-origin", allowOrigin, requestOrigin);
  }
  if (!credentialed) return null;
  const allowCredentials = combinedHeader(responseHeaders, "access-control-allow-credentials");
  if (allowCredentials !== "true") {
    return fail("allow-credentials-not-true", allowCredentials, "true", "access-control-allow-credentials");
  }
  return null;
}
