import { headerValues } from "../headers";
import { type FindingRule, finding } from "./context";

/** `Origin: null` was sent: an opaque origin (file:, sandboxed frame) or a tainting redirect. */
export const originNull: FindingRule = (ctx) => {
  const sent = [
    ctx.facts.requestHeaders,
    ctx.exchange.preflight?.requestHeaders,
    ...ctx.exchange.hops.map((h) => h.requestHeaders),
  ]
    .flatMap((headers) => headerValues(headers, "origin"))
    .some((value) => value.trim() === "null");
  const tainted = ctx.evaluation?.finalOrigin === "null" && ctx.facts.origin !== "null";
  if (!sent && !tainted && ctx.facts.origin !== "null") return null;
  return finding(
    "origin-null",
    ctx.t("finding.origin-null.title"),
    ctx.t("finding.origin-null.message", { tainted: tainted ? "yes" : "no" }),
  );
};
