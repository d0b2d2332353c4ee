/**
 * Facts about the request that every rule needs, read once from the observed exchange: the origin
 * it was sent from, its mode, the headers script set, and why it needed a preflight.
 */
import { hasHeader, headerValues } from "./headers";
import { isHttpUrl, originOf } from "./origin";
import { askedByPreflight } from "./rules/check-preflight";
import { classifyError, type ErrorKind } from "./rules/classify-error";
import { type PreflightTrigger, preflightTriggers } from "./rules/preflight-reasons";
import { isSafelistedMethod, scriptSetUnsafeHeaderNames } from "./safelist";
import type { HeaderList, Hop, ObservedExchange, RequestMode } from "./types";

export interface RequestFacts {
  /** The serialized request origin as sent (`Origin`), else the initiator's; null when unknown. */
  origin: string | null;
  targetOrigin: string | null;
  crossOrigin: boolean;
  mode: RequestMode;
  /** The method as sent (the preflight's `Access-Control-Request-Method` when there was one). */
  method: string;
  /** The actual request's headers as observed, or null. */
  requestHeaders: HeaderList | null;
  /** CORS-unsafe header names (from the preflight when there was one), or null when not observed. */
  unsafeNames: string[] | null;
  triggers: PreflightTrigger[];
  /** Whether the request needs a preflight; null when the headers were not observed. */
  needsPreflight: boolean | null;
  hasCookie: boolean;
  /**
   * `Sec-Fetch-Storage-Access` was sent: browsers add it to cross-site requests whose credentials
   * mode is "include", and to no other (Storage Access Headers, privacycg.github.io/storage-access-headers;
   * seen from Firefox 153 even without a cookie to send).
   */
  sentStorageAccess: boolean;
  finalHop: Hop | null;
  /** The kind of error that ended the actual request (or its last hop), if any. */
  errorKind: ErrorKind | null;
  error: string | null;
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-request: an OPTIONS request carrying `Access-Control-Request-Method`
 * (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, its first steps). Decided here for every recorder.
 */
export function isPreflightRequest(method: string, headers: HeaderList | null | undefined): boolean {
  return method === "OPTIONS" && headerValues(headers, "access-control-request-method").length > 0;
}

/**
 * Whether a request must be preceded by a preflight (https://fetch.spec.whatwg.org/#http-fetch, the makeCORSPreflight step): a
 * method that is not CORS-safelisted, or a CORS-unsafe header name script set (from the headers,
 * or the names a preflight asked for). Without the names only the method can say yes; null then
 * means "not knowable". Decided here only: `needsPreflight`, the request's facts, and whoever knows
 * which headers the script set (`probe`, the configuration what-if) ask it.
 */
export function preflightNeeded(method: string, unsafeNames: readonly string[] | null): boolean | null {
  if (!isSafelistedMethod(method)) return true;
  if (unsafeNames === null) return null;
  return unsafeNames.length > 0;
}

/** Whether a request with these headers (null: not observed) must be preceded by a preflight. */
export function needsPreflight(method: string, headers: HeaderList | null): boolean | null {
  return preflightNeeded(method, unsafeNamesOf(headers));
}

/** The CORS-unsafe header names script set, from the request's headers; null when not observed. */
export function unsafeNamesOf(headers: HeaderList | null): string[] | null {
  return headers === null ? null : scriptSetUnsafeHeaderNames(headers);
}

/** A browser error that means "blocked by CORS" (Chromium `net::ERR_FAILED`, Firefox `NS_ERROR_DOM_BAD_URI`). */
export function isCorsBlockError(error: string | null | undefined): boolean {
  return classifyError(error ?? null) === "cors";
}

export function actualRequestHeaders(exchange: ObservedExchange): HeaderList | null {
  if (exchange.requestHeaders && exchange.requestHeaders.length > 0) return exchange.requestHeaders;
  const first = exchange.hops[0];
  return first && first.requestHeaders.length > 0 ? first.requestHeaders : (exchange.requestHeaders ?? null);
}

/** The `Origin` header as the request (or its first hop, or its preflight) sent it; null when none was sent. */
export function sentOrigin(exchange: ObservedExchange): string | null {
  return exchange.originSent ? exchange.origin : null;
}

function requestMode(
  exchange: ObservedExchange,
  headers: HeaderList | null,
  crossOrigin: boolean,
): RequestMode {
  if (exchange.mode !== "unknown") return exchange.mode;
  const secFetchMode = headerValues(headers, "sec-fetch-mode")[0]?.trim().toLowerCase();
  if (
    secFetchMode === "cors" ||
    secFetchMode === "no-cors" ||
    secFetchMode === "same-origin" ||
    secFetchMode === "navigate"
  ) {
    return secFetchMode;
  }
  if (secFetchMode === "websocket") return "cors";
  if (exchange.preflight) return "cors";
  if (headers && headers.length > 0) {
    // Browsers send Origin on every CORS-mode request that crosses origins; a cross-origin GET
    // without one was made in no-cors mode (an <img>, a <script> without crossorigin).
    if (hasHeader(headers, "origin")) return "cors";
    // Only from the headers as sent on the wire: DevTools' "provisional" headers of a request that
    // never got a response leave Origin out.
    const answered = exchange.hops.some((hop) => hop.status !== null);
    const onTheWire =
      answered ||
      hasHeader(headers, "accept-encoding") ||
      hasHeader(headers, "host") ||
      hasHeader(headers, "sec-fetch-site");
    if (crossOrigin && onTheWire && isSafelistedMethod(exchange.method)) return "no-cors";
  }
  return "unknown";
}

export function requestFacts(exchange: ObservedExchange): RequestFacts {
  const headers = actualRequestHeaders(exchange);
  const origin = exchange.origin;
  const targetOrigin = isHttpUrl(exchange.url) ? originOf(exchange.url) : "null";
  const crossOrigin =
    origin === null ? exchange.initiator !== null : origin === "null" || origin !== targetOrigin;
  const asked = exchange.preflight
    ? askedByPreflight(exchange.preflight)
    : { method: null, unsafeNames: null };
  const method = asked.method ?? exchange.method;
  const unsafeNames = asked.unsafeNames ?? unsafeNamesOf(headers);
  const triggers = unsafeNames ? preflightTriggers(method, unsafeNames, headers) : [];
  const finalHop = exchange.hops[exchange.hops.length - 1] ?? null;
  const error = finalHop?.error ?? exchange.error ?? null;
  return {
    origin,
    targetOrigin,
    crossOrigin,
    mode: requestMode(exchange, headers, crossOrigin),
    method,
    requestHeaders: headers,
    unsafeNames,
    triggers,
    needsPreflight: preflightNeeded(method, unsafeNames),
    hasCookie: hasHeader(headers, "cookie"),
    sentStorageAccess: hasHeader(headers, "sec-fetch-storage-access"),
    finalHop,
    errorKind: classifyError(error) ?? classifyError(exchange.error),
    error: error ?? exchange.error,
  };
}
