import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./status-masked.ko";

/** This finding's words in English, the source; Korean in ./status-masked.ko.ts. */
export const EN = {
  title: "The server answered {status}: the CORS error hides it",
  message:
    "The {stage, select, preflight {preflight} other {response}} from {host} was a {status}. The browser reports a CORS error only because that error response has no CORS headers; fix the {status} itself{stage, select, preflight { (let OPTIONS through before authentication or routing)} other { (check the server log for this {method})}}, and send `Access-Control-Allow-Origin: {origin}` on error responses too so the page can read them.",
  ruleTitle: "The server's error status is hidden by a CORS error",
  ruleDescription:
    "The server answered with an error status on a path that adds no CORS headers, so the page sees only a CORS error. Fix the server error, or add the CORS headers to error responses too.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const statusMaskedSpec: FindingSpec<"status-masked"> = {
  code: "status-masked",
  severity: "error",
  words,
};

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
    statusMaskedSpec,
    words(ctx.t.lang)("title", { status }),
    words(ctx.t.lang)("message", {
      stage: ctx.cause.stage === "preflight" ? "preflight" : "response",
      host: hostOf(ctx.exchange.url),
      status,
      method: ctx.facts.method,
      origin,
    }),
    () => (ctx.cause?.fixes ?? []).filter((f) => f.stack !== "s3" && f.stack !== "client"),
  );
};
