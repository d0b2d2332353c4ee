/**
 * Secrets are replaced by "<redacted>" in everything that leaves the extension (docs/report-format.md):
 * `Cookie`, `Set-Cookie`, `Authorization`, `Proxy-Authorization`, headers whose name contains
 * token, secret, key or session, and in URLs (every URL field, `Referer`, `Location`, the words) the
 * userinfo and the values of query parameters named like a credential (`?token=`, `access_token`,
 * `api_key`, `session`, `sig` …).
 */
import type { HeaderList, Hop, ObservedExchange } from "../engine";

export const REDACTED = "<redacted>";

const SECRET_NAMES = new Set([
  "cookie",
  "cookie2",
  "set-cookie",
  "set-cookie2",
  "authorization",
  "proxy-authorization",
]);

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(lower) || /token|secret|key|session/.test(lower);
}

/** Headers whose value is a URL, redacted as URLs. */
const URL_HEADERS = new Set(["location", "referer", "content-location", "refresh"]);

/**
 * The headers with secrets redacted. The list itself when nothing is (most lists of a large report):
 * header lists are read-only, and copying each cost a tenth of `analyze` in garbage collection.
 */
export function redactHeaders(headers: HeaderList): HeaderList {
  let out: Array<readonly [string, string]> | null = null;
  for (let i = 0; i < headers.length; i++) {
    const [name, value] = headers[i] as readonly [string, string];
    const shown = isSecretHeader(name)
      ? REDACTED
      : URL_HEADERS.has(name.toLowerCase())
        ? redactText(value)
        : value;
    if (shown !== value && out === null) out = headers.slice(0, i);
    if (out !== null) out.push(shown === value ? (headers[i] as readonly [string, string]) : [name, shown]);
  }
  return out ?? headers;
}

/** The hop with secrets redacted; the hop itself when it holds none. */
export function redactHop(hop: Hop): Hop {
  const url = redactUrl(hop.url);
  const requestHeaders = redactHeaders(hop.requestHeaders);
  const responseHeaders = redactHeaders(hop.responseHeaders);
  if (url === hop.url && requestHeaders === hop.requestHeaders && responseHeaders === hop.responseHeaders)
    return hop;
  return { ...hop, url, requestHeaders, responseHeaders };
}

/** Query parameter names that carry credentials (OAuth 2.0 RFC 6749 §4.2.2, signed URLs, API keys). */
const SECRET_PARAM =
  /^(?:access_token|id_token|refresh_token|token|auth|code|jwt|password|passwd|pwd|sig|signature|x-amz-signature|x-goog-signature)$|token|secret|key|session|passw/i;

/**
 * The values of secret-looking query parameters in a text (a URL, or words that quote one), in one
 * pass: each `?`/`&` starts a name that runs to `=`, whose value runs to the next `&`, `#`, quote,
 * backtick or space.
 */
export function redactQuerySecrets(text: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "?" && c !== "&") continue;
    let eq = i + 1;
    while (eq < text.length && !QUERY_END.has(text[eq] as string) && text[eq] !== "=") eq++;
    if (text[eq] !== "=") {
      i = eq - 1;
      continue;
    }
    let end = eq + 1;
    while (end < text.length && !QUERY_END.has(text[end] as string)) end++;
    if (end > eq + 1 && SECRET_PARAM.test(text.slice(i + 1, eq))) {
      out += text.slice(copied, eq + 1) + REDACTED;
      copied = end;
    }
    i = end - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const QUERY_END = new Set(["&", "#", " ", "\t", "\n", "\r", "`", "'", '"', "?"]);

/** Userinfo and secret query values, wherever a URL stands in a text. */
export function redactText(text: string): string {
  return mayHoldSecret(text) ? redactQuerySecrets(redactUserinfo(text)) : text;
}

/**
 * Whether `redactText` could change the text: userinfo needs an `@`, a query secret a `?` or `&`.
 * Most words of a report have none, and telling so costs less than hashing them for a memo.
 */
export function mayHoldSecret(text: string): boolean {
  return text.includes("@") || text.includes("?") || text.includes("&");
}

/** Characters that end a URL's authority, or the text around a URL (quotes, spaces). */
const AUTHORITY_END = new Set(["/", "?", "#", "@", " ", "\t", "\n", "\r", "`", "'", '"']);
const SCHEME_CHAR = /[a-z0-9+.-]/i;

/**
 * Userinfo anywhere in a text (`scheme://user:pass@host`) replaced by "<redacted>", in one pass: a
 * regular expression over long header values backtracks quadratically (a 64 KiB value took 10 s).
 * Each `://` is looked at once and its authority scanned up to the next delimiter, which the next
 * search starts from, so the work is linear in the text.
 */
export function redactUserinfo(text: string): string {
  let out = "";
  let copied = 0;
  let at = text.indexOf("://");
  while (at !== -1) {
    const start = at + 3;
    let end = start;
    while (end < text.length && !AUTHORITY_END.has(text[end] as string)) end++;
    if (text[end] === "@" && end > start && at > 0 && SCHEME_CHAR.test(text[at - 1] as string)) {
      out += text.slice(copied, start) + REDACTED;
      copied = end;
    }
    at = text.indexOf("://", Math.max(end, start));
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** URL userinfo and secret query values are secrets too (`https://user:pass@host/?token=…`). */
export function redactUrl(url: string): string {
  if (!mayHoldSecret(url)) return url;
  return redactQuerySecrets(url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, `$1${REDACTED}@`));
}

/**
 * An exchange with its secrets redacted: what every export carries, and what "Copy as cURL / fetch /
 * PowerShell" copies by default (a report exchange has the same fields).
 */
export function redactExchange<
  T extends Pick<ObservedExchange, "url" | "requestHeaders" | "preflight" | "hops"> & {
    initiator?: string | null;
  },
>(exchange: T): T {
  return {
    ...exchange,
    url: redactUrl(exchange.url),
    // Chromium's initiator is an origin, but a HAR's can be any URL, with userinfo and a query.
    ...(typeof exchange.initiator === "string" ? { initiator: redactText(exchange.initiator) } : {}),
    requestHeaders: exchange.requestHeaders ? redactHeaders(exchange.requestHeaders) : null,
    preflight: exchange.preflight ? redactHop(exchange.preflight) : null,
    hops: exchange.hops.map(redactHop),
  };
}

/**
 * The words of a report's evidence: the credentialed alternative's message quotes the response's
 * header values (`Access-Control-Allow-Credentials`, redirect targets) as a cause's message does.
 */
export function redactEvidence<T extends { credentials: string; unknownReason: string | null }>(
  evidence: T,
): T {
  return {
    ...evidence,
    credentials: redactText(evidence.credentials),
    unknownReason: evidence.unknownReason === null ? null : redactText(evidence.unknownReason),
  };
}

/** What the panel's copies take unless "Include secrets" is ticked. */
export const redactForCopy = redactExchange;
