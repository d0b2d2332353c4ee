import { roomTranslator } from "../../i18n";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./referrer-policy-not-cause.ko";

/** This finding's words in English, the source; Korean in ./referrer-policy-not-cause.ko.ts. */
export const EN = {
  title: "Referrer-Policy is not the cause",
  message:
    "Referrer-Policy only changes the `Referer` header; it never changes `Origin` on a CORS request nor any CORS check. Changing it will not fix this block.",
  ruleTitle: "Referrer-Policy is not the cause",
  ruleDescription:
    "A `Referrer-Policy` was involved, but it decides only what the `Referer` header holds; it never blocks a CORS request.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const referrerPolicyNotCauseSpec: FindingSpec<"referrer-policy-not-cause"> = {
  code: "referrer-policy-not-cause",
  severity: "info",
  words,
};

/**
 * Referrer-Policy never changes `Origin` on CORS requests nor any CORS check
 * (https://fetch.spec.whatwg.org/#append-a-request-origin-header): said on every blocked exchange.
 */
export const referrerPolicyNotCause: FindingRule = (ctx) => {
  if (ctx.verdict !== "blocked") return null;
  return finding(referrerPolicyNotCauseSpec, words(ctx.t.lang)("title"), words(ctx.t.lang)("message"));
};
