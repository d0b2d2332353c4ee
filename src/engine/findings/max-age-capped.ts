import { effectiveMaxAge, MAX_AGE_CAP } from "../rules/max-age";
import { type FindingRule, finding } from "./context";

/** `Access-Control-Max-Age` above the browser's cap (Chromium 7200 s, Firefox 86400 s) or unparseable. */
export const maxAgeCapped: FindingRule = (ctx) => {
  const preflight = ctx.exchange.preflight;
  if (!preflight || preflight.status === null) return null;
  const maxAge = effectiveMaxAge(preflight.responseHeaders, ctx.browser);
  if (!maxAge.capped && !maxAge.unparseable) return null;
  const browser = ctx.browser === "chromium" ? "Chromium" : "Firefox";
  // The other browser's cap, read from the one table (MAX_AGE_CAP), not written into the words.
  const other = ctx.browser === "chromium" ? "firefox" : "chromium";
  const message = maxAge.unparseable
    ? ctx.t("finding.max-age-capped.unparseable", { raw: maxAge.raw, browser })
    : ctx.t("finding.max-age-capped.capped", {
        raw: maxAge.raw,
        browser,
        effective: maxAge.effective,
        minutes: maxAge.effective / 60,
        otherBrowser: other === "chromium" ? "Chromium" : "Firefox",
        otherCap: MAX_AGE_CAP[other],
      });
  return finding("max-age-capped", ctx.t("finding.max-age-capped.title"), message);
};
