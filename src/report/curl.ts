/**
 * "Copy as cURL" for the preflight and the actual request, with the exact `Origin` and
 * `Access-Control-Request-*` headers, so the server's answer can be reproduced outside the browser.
 */
import { combinedHeader, type HeaderList, isSafelistedMethod } from "../engine";
import type { ReportExchange } from "./report";

/** POSIX shell single quoting. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Headers the browser adds on its own; curl sends its own equivalents. */
export const BROWSER_OWN =
  /^(host|connection|content-length|accept-encoding|user-agent|sec-ch-|sec-fetch-|priority|upgrade-insecure-requests|accept-language|cache-control|pragma)/i;

/** The request's own headers, without those the browser (and so curl, fetch, PowerShell) adds itself. */
export function pageHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name]) => !BROWSER_OWN.test(name));
}

/** What the preflight asks: `Origin`, `Access-Control-Request-Method` and `-Headers`, as sent. */
export function preflightAsk(exchange: ReportExchange): HeaderList | null {
  const asked = exchange.preflight?.requestHeaders;
  if (
    !exchange.preflight &&
    isSafelistedMethod(exchange.method) &&
    !exchange.findings.some((f) => f.code === "preflight-avoidable")
  )
    return null;
  const origin = exchange.origin ?? combinedHeader(asked, "origin");
  const names = combinedHeader(asked, "access-control-request-headers");
  const ask: Array<readonly [string, string]> = [];
  if (origin) ask.push(["Origin", origin]);
  ask.push([
    "Access-Control-Request-Method",
    combinedHeader(asked, "access-control-request-method") ?? exchange.method,
  ]);
  if (names) ask.push(["Access-Control-Request-Headers", names]);
  return ask;
}

/** The actual request's headers as sent, with `Origin` added where the record lacks it. */
export function actualHeaders(exchange: ReportExchange): HeaderList {
  const headers = pageHeaders(exchange.requestHeaders ?? exchange.hops[0]?.requestHeaders ?? []);
  return exchange.origin && combinedHeader(headers, "origin") === null
    ? [...headers, ["Origin", exchange.origin]]
    : headers;
}

function headerArgs(headers: HeaderList): string[] {
  return headers.map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
}

export function preflightCurl(exchange: ReportExchange): string | null {
  const ask = preflightAsk(exchange);
  if (!ask) return null;
  return [`curl -i -X OPTIONS ${shellQuote(exchange.url)}`, ...headerArgs(ask)].join(" \\\n  ");
}

export function actualCurl(exchange: ReportExchange): string {
  return [
    `curl -i -X ${exchange.method} ${shellQuote(exchange.url)}`,
    ...headerArgs(actualHeaders(exchange)),
  ].join(" \\\n  ");
}
