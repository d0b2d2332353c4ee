import { code } from "../explain/context";
import { effectiveMaxAge } from "../rules/max-age";
import { type FindingRule, finding } from "./context";

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
