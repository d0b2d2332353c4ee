import { code, hostOf } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** Blocked for a reason that is not CORS: an extension, ORB, CSP, CORP, mixed content, tracking protection. */
export const notCors: FindingRule = (ctx) => {
  if (ctx.facts.errorKind !== "not-cors" || ctx.facts.error === null) return null;
  const error = ctx.facts.error;
  const what = /BLOCKED_BY_CLIENT/.test(error)
    ? "an extension (an ad or content blocker) cancelled it"
    : /ORB/.test(error)
      ? "Opaque Response Blocking refused a no-cors response whose type looked like data"
      : /CSP/.test(error)
        ? "the page's Content-Security-Policy (connect-src) forbids it"
        : /CORP|BLOCKED_BY_RESPONSE/.test(error)
          ? "a Cross-Origin-Resource-Policy or embedder policy forbids it"
          : /TRACKING|FINGERPRINTING|CRYPTOMINING|SOCIALTRACKING|CONTENT_BLOCKED/.test(error)
            ? "tracking protection blocked it"
            : "a browser policy blocked it";
  return finding(
    "not-cors",
    "Blocked, but not by CORS",
    `The request to ${hostOf(ctx.exchange.url)} failed with ${code(error)}: ${what}. No CORS header changes that.`,
  );
};
