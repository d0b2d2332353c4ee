import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { MAX_AGE_CAP } from "../rules/max-age";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./preflight-cached.ko";

/** This finding's words in English, the source; Korean in ./preflight-cached.ko.ts. */
export const EN = {
  title: "Served from the preflight cache",
  message:
    "This {method} request to {host} needs a preflight, but none was sent: the browser reused a cached preflight for this URL. It stays cached for `Access-Control-Max-Age` seconds (default 5; at most {cap} in {browser}). A change to the server's preflight answer shows only after that.",
  ruleTitle: "Served from the preflight cache",
  ruleDescription:
    "No preflight was sent because the browser reused a cached one; a change to the server's CORS answer shows only after the cache entry expires.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const preflightCachedSpec: FindingSpec<"preflight-cached"> = {
  code: "preflight-cached",
  severity: "info",
  words,
};

/** A request that needs a preflight went out without one: the browser reused a cached preflight. */
export const preflightCached: FindingRule = (ctx) => {
  const { exchange, facts } = ctx;
  if (exchange.preflight || facts.needsPreflight !== true || !exchange.visibility.preflights) return null;
  if (exchange.hops.length === 0 || facts.mode !== "cors") return null;
  return finding(
    preflightCachedSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", {
      method: facts.method,
      host: hostOf(exchange.url),
      cap: MAX_AGE_CAP[ctx.browser],
      browser: ctx.browser === "chromium" ? "Chromium" : "Firefox",
    }),
  );
};
