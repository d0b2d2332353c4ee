/**
 * "Copy as fetch" and "Copy as PowerShell", beside cURL: the same request in the forms DevTools'
 * Network panel offers, so the server's answer can be reproduced in the console or on Windows.
 */
import type { HeaderList } from "../engine";
import { actualHeaders, preflightAsk } from "./curl";
import type { ReportExchange } from "./report";

/** Headers a page cannot set (https://fetch.spec.whatwg.org/#forbidden-request-header): the browser adds them. */
const FORBIDDEN =
  /^(origin|cookie|cookie2|referer|host|connection|content-length|date|dnt|expect|keep-alive|te|trailer|transfer-encoding|upgrade|via|access-control-request-|proxy-|sec-)/i;

/** `fetch()` from the DevTools console of the page: the browser adds `Origin` and runs the preflight. */
export function actualFetch(exchange: ReportExchange): string {
  const headers = actualHeaders(exchange).filter(([name]) => !FORBIDDEN.test(name));
  const init: string[] = [];
  if (exchange.method !== "GET") init.push(`  method: ${JSON.stringify(exchange.method)},`);
  if (headers.length > 0) {
    init.push("  headers: {");
    for (const [name, value] of headers) init.push(`    ${JSON.stringify(name)}: ${JSON.stringify(value)},`);
    init.push("  },");
  }
  if (exchange.credentials === "include") init.push('  credentials: "include",');
  if (exchange.mode === "no-cors") init.push('  mode: "no-cors",');
  const body = exchange.method === "GET" || exchange.method === "HEAD" ? [] : ["  // body: not recorded"];
  return init.length + body.length === 0
    ? `await fetch(${JSON.stringify(exchange.url)});`
    : [`await fetch(${JSON.stringify(exchange.url)}, {`, ...init, ...body, "});"].join("\n");
}

/** PowerShell single-quoted string. */
function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const STANDARD_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"]);

function invokeWebRequest(url: string, method: string, headers: HeaderList): string {
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const rest = headers.filter(([name]) => name.toLowerCase() !== "content-type");
  // -Method is case-insensitive; a lowercase `patch` must go out as written, which -CustomMethod does.
  const verb = STANDARD_METHODS.has(method) ? `-Method ${method}` : `-CustomMethod ${psQuote(method)}`;
  const lines = [`Invoke-WebRequest -UseBasicParsing -Uri ${psQuote(url)} ${verb}`];
  if (rest.length > 0) {
    lines[0] += " -Headers @{";
    for (const [name, value] of rest) lines.push(`  ${psQuote(name)} = ${psQuote(value)}`);
    lines.push("}");
  }
  if (contentType !== undefined) lines[lines.length - 1] += ` -ContentType ${psQuote(contentType)}`;
  return lines.join("\n");
}

export function preflightPowerShell(exchange: ReportExchange): string | null {
  const ask = preflightAsk(exchange);
  return ask ? invokeWebRequest(exchange.url, "OPTIONS", ask) : null;
}

export function actualPowerShell(exchange: ReportExchange): string {
  return invokeWebRequest(exchange.url, exchange.method, actualHeaders(exchange));
}
