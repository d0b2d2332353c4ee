import { hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, finding } from "./context";

/** `Access-Control-Allow-Origin: null` with credentials: any sandboxed iframe or file: page can read. */
export const nullOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || combinedHeader(hop.responseHeaders, "access-control-allow-origin") !== "null") return null;
  if (combinedHeader(hop.responseHeaders, "access-control-allow-credentials") !== "true") return null;
  return finding(
    "null-origin-allowed",
    ctx.t("finding.null-origin-allowed.title"),
    ctx.t("finding.null-origin-allowed.message", { host: hostOf(hop.url) }),
  );
};
