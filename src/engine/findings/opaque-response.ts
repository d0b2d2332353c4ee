import { hostOf } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** `mode: "no-cors"`: the request "succeeds" but script gets an empty opaque response. */
export const opaqueResponse: FindingRule = (ctx) => {
  // A blocked no-cors request never got its opaque response: the cause says why.
  if (ctx.facts.mode !== "no-cors" || !ctx.facts.crossOrigin || ctx.verdict === "blocked") return null;
  const type = ctx.exchange.resourceType;
  if (type !== "fetch" && type !== "xmlhttprequest" && type !== "xhr" && type !== "other") return null;
  return finding(
    "opaque-response",
    ctx.t("finding.opaque-response.title"),
    ctx.t("finding.opaque-response.message", {
      host: hostOf(ctx.exchange.url),
      origin: ctx.facts.origin ?? ctx.t("finding.opaque-response.your-origin"),
    }),
  );
};
