import { code } from "../explain/context";
import { type FindingRule, finding } from "./context";

/**
 * Referrer-Policy never changes `Origin` on CORS requests nor any CORS check (Fetch "append a
 * request Origin header", Fetch Standard §3.1): said on every blocked exchange.
 */
export const referrerPolicyNotCause: FindingRule = (ctx) => {
  if (ctx.verdict !== "blocked") return null;
  return finding(
    "referrer-policy-not-cause",
    "Referrer-Policy is not the cause",
    `Referrer-Policy only changes the ${code("Referer")} header; it never changes ${code("Origin")} on a CORS request nor any CORS check. Changing it will not fix this block.`,
  );
};
