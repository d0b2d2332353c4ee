import { code, hostOf } from "../explain/context";
import { effectiveMaxAge, MAX_AGE_CAP } from "../rules/max-age";
import { type FindingRule, finding } from "./context";

/** A request that needs a preflight went out without one: the browser reused a cached preflight. */
export const preflightCached: FindingRule = (ctx) => {
  const { exchange, facts } = ctx;
  if (exchange.preflight || facts.needsPreflight !== true || !exchange.visibility.preflights) return null;
  if (exchange.hops.length === 0 || facts.mode !== "cors") return null;
  return finding(
    "preflight-cached",
    "Served from the preflight cache",
    `This ${facts.method} request to ${hostOf(exchange.url)} needs a preflight, but none was sent: the browser reused a cached preflight for this URL. It stays cached for ${code("Access-Control-Max-Age")} seconds (default 5; at most ${MAX_AGE_CAP[ctx.browser]} in ${ctx.browser === "chromium" ? "Chromium" : "Firefox"}). A change to the server's preflight answer shows only after that.`,
  );
};

/** `Access-Control-Max-Age` above the browser's cap (Chromium 7200 s, Firefox 86400 s) or unparseable. */
export const maxAgeCapped: FindingRule = (ctx) => {
  const preflight = ctx.exchange.preflight;
  if (!preflight || preflight.status === null) return null;
  const maxAge = effectiveMaxAge(preflight.responseHeaders, ctx.browser);
  if (!maxAge.capped && !maxAge.unparseable) return null;
  const browser = ctx.browser === "chromium" ? "Chromium" : "Firefox";
  const message = maxAge.unparseable
    ? `${code(`Access-Control-Max-Age: ${maxAge.raw}`)} is not a number of seconds; ${browser} ${ctx.browser === "chromium" ? "falls back to 5 s" : "does not cache the preflight at all"}.`
    : `${code(`Access-Control-Max-Age: ${maxAge.raw}`)} asks for more than ${browser} allows: it caches the preflight for ${maxAge.effective} s (${ctx.browser === "chromium" ? "Firefox: up to 86400 s" : "Chromium: up to 7200 s"}). Every ${maxAge.effective / 60} minutes the preflight is sent again.`;
  return finding("max-age-capped", "Access-Control-Max-Age is capped", message);
};
