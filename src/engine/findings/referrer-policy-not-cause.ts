import { type FindingRule, finding } from "./context";

/**
 * Referrer-Policy never changes `Origin` on CORS requests nor any CORS check
 * (https://fetch.spec.whatwg.org/#append-a-request-origin-header): said on every blocked exchange.
 */
export const referrerPolicyNotCause: FindingRule = (ctx) => {
  if (ctx.verdict !== "blocked") return null;
  return finding(
    "referrer-policy-not-cause",
    ctx.t("finding.referrer-policy-not-cause.title"),
    ctx.t("finding.referrer-policy-not-cause.message"),
  );
};
