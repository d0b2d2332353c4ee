import { combinedHeader, splitList } from "../headers";
import { type FindingRule, finding } from "./context";

/**
 * The request's origin echoed without `Vary: Origin`: a shared cache can serve one origin's answer
 * to another (https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches). A value that is not the
 * request's origin is the same for everyone (a fixed, wrong value): no cache can mix it up.
 */
export const varyOriginMissing: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || hop.status === null) return null;
  const allowOrigin = combinedHeader(hop.responseHeaders, "access-control-allow-origin");
  if (
    allowOrigin === null ||
    allowOrigin === "*" ||
    allowOrigin === "null" ||
    allowOrigin !== ctx.facts.origin
  )
    return null;
  const vary = splitList(combinedHeader(hop.responseHeaders, "vary") ?? "").map((v) => v.toLowerCase());
  if (vary.includes("origin") || vary.includes("*")) return null;
  return finding(
    "vary-origin-missing",
    ctx.t("finding.vary-origin-missing.title"),
    ctx.t("finding.vary-origin-missing.message", { allowed: allowOrigin }),
  );
};
