import { hostOf } from "../explain/context";
import { MAX_AGE_CAP } from "../rules/max-age";
import { type FindingRule, finding } from "./context";

/** A request that needs a preflight went out without one: the browser reused a cached preflight. */
export const preflightCached: FindingRule = (ctx) => {
  const { exchange, facts } = ctx;
  if (exchange.preflight || facts.needsPreflight !== true || !exchange.visibility.preflights) return null;
  if (exchange.hops.length === 0 || facts.mode !== "cors") return null;
  return finding(
    "preflight-cached",
    ctx.t("finding.preflight-cached.title"),
    ctx.t("finding.preflight-cached.message", {
      method: facts.method,
      host: hostOf(exchange.url),
      cap: MAX_AGE_CAP[ctx.browser],
      browser: ctx.browser === "chromium" ? "Chromium" : "Firefox",
    }),
  );
};
