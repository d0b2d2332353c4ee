import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./not-cors.ko";

/** This finding's words in English, the source; Korean in ./not-cors.ko.ts. */
export const EN = {
  title: "Blocked, but not by CORS",
  message:
    "The request to {host} failed with `{error}`: {why, select, client {an extension (an ad or content blocker) cancelled it} orb {Opaque Response Blocking refused a no-cors response whose type looked like data} csp {the page's Content-Security-Policy (connect-src) forbids it} corp {a Cross-Origin-Resource-Policy or embedder policy forbids it} tracking {tracking protection blocked it} other {a browser policy blocked it}}. No CORS header changes that.",
  ruleTitle: "Blocked, but not by CORS",
  ruleDescription:
    "The request was blocked by something other than CORS (an extension, ORB, CSP, CORP, an administrator policy); no CORS header changes that.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const notCorsSpec: FindingSpec<"not-cors"> = { code: "not-cors", severity: "info", words };

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
    notCorsSpec,
    words(ctx.t.lang)("title"),
    words(ctx.t.lang)("message", { host: hostOf(ctx.exchange.url), error, why }),
  );
};
