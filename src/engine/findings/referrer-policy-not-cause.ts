import { type FindingRule, finding } from "./context";

/**
 * Referrer-Policy never changes `Origin` on CORS requests nor any CORS check (Fetch "append a
 * request Origin header", Fetch Standard §3.1): said on every blocked exchange.
 */
export const referrerPolicyNotCause: FindingRule = (ctx) => {
  if (ctx.verdict !== "blocked") return null;
  return finding(
    "referrer-policy-not-cause",
    ctx.t("finding.referrer-policy-not-cause.title"),
    ctx.t("finding.referrer-policy-not-cause.message"),
  );
};
