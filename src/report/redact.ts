/**
 * Secrets are replaced by "<redacted>" in everything that leaves the extension (docs/report-format.md):
 * `Cookie`, `Set-Cookie`, `Authorization`, `Proxy-Authorization`, and headers whose name contains
 * token, secret, key or session.
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

export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]): [string, string] => {
    if (isSecretHeader(name)) return [name, REDACTED];
    return [name, name.toLowerCase() === "location" ? redactUrl(value) : value];
  });
}

function redactHop(hop: Hop): Hop {
  return {
    ...hop,
    requestHeaders: redactHeaders(hop.requestHeaders),
    responseHeaders: redactHeaders(hop.responseHeaders),
  };
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

/** URL userinfo is a secret too (`https://user:pass@host/`). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, `$1${REDACTED}@`);
}

export function redactExchange(exchange: ObservedExchange): ObservedExchange {
  return {
    ...exchange,
    url: redactUrl(exchange.url),
    requestHeaders: exchange.requestHeaders ? redactHeaders(exchange.requestHeaders) : null,
    preflight: exchange.preflight ? redactHop(exchange.preflight) : null,
    hops: exchange.hops.map((hop) => ({ ...redactHop(hop), url: redactUrl(hop.url) })),
  };
}
