import { hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, finding } from "./context";

/** An https API trusts an http origin: anyone on the network path of that origin can read. */
export const insecureOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop?.url.startsWith("https:")) return null;
  const allowed = combinedHeader(hop.responseHeaders, "access-control-allow-origin");
  if (!allowed?.startsWith("http://")) return null;
  return finding(
    "insecure-origin-allowed",
    ctx.t("finding.insecure-origin-allowed.title"),
    ctx.t("finding.insecure-origin-allowed.message", { host: hostOf(hop.url), allowed }),
  );
};
