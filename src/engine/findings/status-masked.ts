import { hostOf } from "../explain/context";
import { type FindingRule, finding } from "./context";

/**
 * A blocked response that carried 4xx/5xx: the real failure is the server's error, and its error
 * path lacks CORS headers (framework error handler, proxy 502, nginx add_header without `always`).
 */
export const statusMasked: FindingRule = (ctx) => {
  if (ctx.verdict !== "blocked" || !ctx.cause) return null;
  const status =
    ctx.cause.stage === "preflight" ? ctx.exchange.preflight?.status : ctx.facts.finalHop?.status;
  if (status === null || status === undefined || status < 400) return null;
  const origin = ctx.facts.origin ?? "*";
  return finding(
    "status-masked",
    ctx.t("finding.status-masked.title", { status }),
    ctx.t("finding.status-masked.message", {
      stage: ctx.cause.stage === "preflight" ? "preflight" : "response",
      host: hostOf(ctx.exchange.url),
      status,
      method: ctx.facts.method,
      origin,
    }),
    () => (ctx.cause?.fixes ?? []).filter((f) => f.stack !== "s3" && f.stack !== "client"),
  );
};
