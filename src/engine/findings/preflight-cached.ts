import { code, hostOf } from "../explain/context";
import { MAX_AGE_CAP } from "../rules/max-age";
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
