import { code, hostOf } from "../explain/context";
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
  const where = ctx.cause.stage === "preflight" ? "preflight" : "response";
  const origin = ctx.facts.origin ?? "*";
  return finding(
    "status-masked",
    `The server answered ${status}: the CORS error hides it`,
    `The ${where} from ${hostOf(ctx.exchange.url)} was a ${status}. The browser reports a CORS error only because that error response has no CORS headers; fix the ${status} itself${ctx.cause.stage === "preflight" ? " (let OPTIONS through before authentication or routing)" : ` (check the server log for this ${ctx.facts.method})`}, and send ${code(`Access-Control-Allow-Origin: ${origin}`)} on error responses too so the page can read them.`,
    // The cause's own fixes: the page's policy, aimed at the failing status (auth, route, error path).
    () => (ctx.cause?.fixes ?? []).filter((f) => f.stack !== "s3" && f.stack !== "client"),
  );
};
