/**
 * Which finished requests the panel lists: cross-origin ones the CORS protocol applies to, plus
 * cross-origin failures. Same-origin requests, and the thousands of plain no-cors images and
 * scripts a page loads without error, are not kept.
 */
import { hasHeader, type ObservedExchange, originOf } from "../engine";

const ALWAYS_CORS = new Set(["fetch", "font", "beacon", "websocket"]);

/** The request's origin as the exchange's builder decided it, against every URL it went to. */
export function isCrossOrigin(exchange: ObservedExchange): boolean {
  const from = exchange.origin;
  if (from === null) return exchange.preflight !== null;
  const urls = [exchange.url, ...exchange.hops.map((h) => h.url)];
  return from === "null" || urls.some((url) => originOf(url) !== from);
}

/**
 * Chromium's font loader first asks the cache only (`net::ERR_CACHE_MISS` when nothing is cached),
 * then makes the real request: the probe is not something the page did.
 */
function isCacheProbe(exchange: ObservedExchange): boolean {
  const last = exchange.hops[exchange.hops.length - 1];
  return last?.status === null && last.error === "net::ERR_CACHE_MISS";
}

export function isWorthRecording(exchange: ObservedExchange): boolean {
  if (!isCrossOrigin(exchange) || isCacheProbe(exchange)) return false;
  if (exchange.preflight || ALWAYS_CORS.has(exchange.resourceType)) return true;
  if (hasHeader(exchange.requestHeaders, "origin")) return true;
  return exchange.error !== null || exchange.hops.some((h) => h.error !== null);
}
