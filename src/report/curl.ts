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
const BROWSER_OWN =
  /^(host|connection|content-length|accept-encoding|user-agent|sec-ch-|sec-fetch-|priority|upgrade-insecure-requests|accept-language|cache-control|pragma)/i;

function headerArgs(headers: HeaderList): string[] {
  return headers
    .filter(([name]) => !BROWSER_OWN.test(name))
    .map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
}

export function preflightCurl(exchange: ReportExchange): string | null {
  const asked = exchange.preflight?.requestHeaders;
  const origin = exchange.origin ?? combinedHeader(asked, "origin");
  if (
    !exchange.preflight &&
    isSafelistedMethod(exchange.method) &&
    !exchange.findings.some((f) => f.code === "preflight-avoidable")
  )
    return null;
  const parts = [`curl -i -X OPTIONS ${shellQuote(exchange.url)}`];
  if (origin) parts.push(`-H ${shellQuote(`Origin: ${origin}`)}`);
  parts.push(
    `-H ${shellQuote(`Access-Control-Request-Method: ${combinedHeader(asked, "access-control-request-method") ?? exchange.method}`)}`,
  );
  const names = combinedHeader(asked, "access-control-request-headers");
  if (names) parts.push(`-H ${shellQuote(`Access-Control-Request-Headers: ${names}`)}`);
  return parts.join(" \\\n  ");
}

export function actualCurl(exchange: ReportExchange): string {
  const headers = exchange.requestHeaders ?? exchange.hops[0]?.requestHeaders ?? [];
  const parts = [`curl -i -X ${exchange.method} ${shellQuote(exchange.url)}`, ...headerArgs(headers)];
  if (exchange.origin && combinedHeader(headers, "origin") === null)
    parts.push(`-H ${shellQuote(`Origin: ${exchange.origin}`)}`);
  return parts.join(" \\\n  ");
}
