/**
 * Fetch Standard request classification (https://fetch.spec.whatwg.org/#cors-safelisted-method,
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header; Chromium `IsCorsSafelistedHeader` in
 * `services/network/public/cpp/cors/cors.cc`):
 * safelisted methods and headers, forbidden names, CORS-unsafe header names.
 */
import { byteLength } from "./headers";
import type { HeaderList } from "./types";

const SAFELISTED_METHODS = new Set(["GET", "HEAD", "POST"]);

/** https://fetch.spec.whatwg.org/#cors-safelisted-method: byte-case-insensitive GET, HEAD, POST. */
export function isSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method.toUpperCase());
}

const FORBIDDEN_REQUEST_HEADERS = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);

/**
 * https://fetch.spec.whatwg.org/#forbidden-request-header: set by the browser, never by script, so never CORS-unsafe.
 * (The X-HTTP-Method-Override family is forbidden only with a forbidden method value.)
 */
export function isForbiddenRequestHeader(name: string, value = ""): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADERS.has(lower)) return true;
  if (lower.startsWith("proxy-") || lower.startsWith("sec-")) return true;
  if (lower === "x-http-method" || lower === "x-http-method-override" || lower === "x-method-override") {
    return value.split(",").some((m) => /^(connect|trace|track)$/i.test(m.trim()));
  }
  return false;
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte: controls other than HTAB, `"():<>?@[\]{}` and DEL. */
export function hasCorsUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || UNSAFE_PUNCTUATION.has(c)) return true;
  }
  return false;
}

const UNSAFE_PUNCTUATION = new Set(Array.from('"():<>?@[\\]{}', (ch) => ch.charCodeAt(0)));

const SAFE_CONTENT_TYPES = new Set([
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
]);

/** The essence of a MIME type by the strict "parse a MIME type" (not "extract"), or null on failure. */
export function mimeEssence(value: string): string | null {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  const match = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[\t\n\r ]*(;.*)?$/s.exec(
    trimmed,
  );
  if (!match) return null;
  return `${match[1]}/${match[2]}`.toLowerCase();
}

/** https://fetch.spec.whatwg.org/#simple-range-header-value: one `bytes=start-[end]` range, no suffix ranges. */
export function isSimpleRange(value: string): boolean {
  const match = /^bytes=([0-9]+)-([0-9]*)$/i.exec(value);
  if (!match) return false;
  if (match[2] === "" || match[2] === undefined) return true;
  return Number(match[1]) <= Number(match[2]);
}

/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header for one (name, value). */
export function isSafelistedRequestHeader(name: string, value: string): boolean {
  if (byteLength(value) > 128) return false;
  switch (name.toLowerCase()) {
    case "accept":
      return !hasCorsUnsafeByte(value);
    case "accept-language":
    case "content-language":
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case "content-type": {
      if (hasCorsUnsafeByte(value)) return false;
      const essence = mimeEssence(value);
      return essence !== null && SAFE_CONTENT_TYPES.has(essence);
    }
    case "range":
      return isSimpleRange(value);
    default:
      return false;
  }
}

/**
 * https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names: sorted, lower-cased, unique. Safelisted values adding
 * up to more than 1024 bytes make every safelisted name unsafe too.
 */
export function corsUnsafeHeaderNames(headers: HeaderList): string[] {
  const unsafe = new Set<string>();
  const safelisted: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of headers) {
    if (isForbiddenRequestHeader(name, value)) continue;
    const lower = name.toLowerCase();
    if (isSafelistedRequestHeader(lower, value)) {
      safelisted.push(lower);
      safelistedBytes += byteLength(value);
    } else {
      unsafe.add(lower);
    }
  }
  if (safelistedBytes > 1024) for (const name of safelisted) unsafe.add(name);
  return [...unsafe].sort();
}

/**
 * Headers the browser itself adds (or DevTools adds with "Disable cache"): they appear in observed
 * request headers but never trigger a preflight, because script did not set them.
 */
const BROWSER_ADDED_HEADERS = new Set([
  "user-agent",
  "cache-control",
  "pragma",
  "priority",
  "upgrade-insecure-requests",
  "x-client-data",
  "purpose",
  "x-purpose",
  "save-data",
  "device-memory",
  "dpr",
  "viewport-width",
  "width",
  "rtt",
  "downlink",
  "ect",
  "if-none-match",
  "if-modified-since",
]);

/** CORS-unsafe names among headers observed on the wire, leaving out the browser's own. */
export function scriptSetUnsafeHeaderNames(observed: HeaderList): string[] {
  return corsUnsafeHeaderNames(observed.filter(([name]) => !BROWSER_ADDED_HEADERS.has(name.toLowerCase())));
}
