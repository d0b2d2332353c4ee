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
