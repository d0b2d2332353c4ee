import { code } from "../explain/context";
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
  const why = tainted
    ? "a redirect to another origin made the request's origin opaque"
    : "the page's origin is opaque (a file: page, a sandboxed iframe, or a data: document)";
  return finding(
    "origin-null",
    "Origin: null",
    `The request was sent with ${code("Origin: null")} because ${why}. Only ${code("Access-Control-Allow-Origin: *")} (without credentials) or ${code("null")} can pass; allowing ${code("null")} lets any sandboxed page in, so prefer avoiding the redirect or serving the page from a real origin.`,
  );
};
