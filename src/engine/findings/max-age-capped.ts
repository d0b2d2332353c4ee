import { roomTranslator } from "../../i18n";
import { effectiveMaxAge, MAX_AGE_CAP } from "../rules/max-age";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./max-age-capped.ko";

/** This finding's words in English, the source; Korean in ./max-age-capped.ko.ts. */
export const EN = {
  title: "Access-Control-Max-Age is capped",
  unparseable:
    "`Access-Control-Max-Age: {raw}` is not a number of seconds; {browser} {browser, select, Chromium {falls back to 5 s} other {does not cache the preflight at all}}.",
  capped:
    "`Access-Control-Max-Age: {raw}` asks for more than {browser} allows: it caches the preflight for {effective} s ({otherBrowser}: up to {otherCap} s). Every {minutes} minutes the preflight is sent again.",
  ruleTitle: "Access-Control-Max-Age is capped",
  ruleDescription:
    "Browsers cap how long they cache a preflight (Chromium 2 hours, Firefox 24 hours); a larger `Access-Control-Max-Age` is not honoured.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const maxAgeCappedSpec: FindingSpec<"max-age-capped"> = {
  code: "max-age-capped",
  severity: "info",
  words,
};

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
    ? words(ctx.t.lang)("unparseable", { raw: maxAge.raw, browser })
    : words(ctx.t.lang)("capped", {
        raw: maxAge.raw,
        browser,
        effective: maxAge.effective,
        minutes: maxAge.effective / 60,
        otherBrowser: other === "chromium" ? "Chromium" : "Firefox",
        otherCap: MAX_AGE_CAP[other],
      });
  return finding(maxAgeCappedSpec, words(ctx.t.lang)("title"), message);
};
