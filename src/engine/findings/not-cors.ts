import { hostOf } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** Blocked for a reason that is not CORS: an extension, ORB, CSP, CORP, mixed content, tracking protection. */
export const notCors: FindingRule = (ctx) => {
  if (ctx.facts.errorKind !== "not-cors" || ctx.facts.error === null) return null;
  const error = ctx.facts.error;
  const why = /BLOCKED_BY_CLIENT/.test(error)
    ? "client"
    : /ORB/.test(error)
      ? "orb"
      : /CSP/.test(error)
        ? "csp"
        : /CORP|BLOCKED_BY_RESPONSE/.test(error)
          ? "corp"
          : /TRACKING|FINGERPRINTING|CRYPTOMINING|SOCIALTRACKING|CONTENT_BLOCKED/.test(error)
            ? "tracking"
            : "policy";
  return finding(
    "not-cors",
    ctx.t("finding.not-cors.title"),
    ctx.t("finding.not-cors.message", { host: hostOf(ctx.exchange.url), error, why }),
  );
};
