import { code, hostOf } from "../explain/context";
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
    "An https API trusts an http origin",
    `${hostOf(hop.url)} is served over https but allows ${code(allowed)}, an origin served over plain http: an attacker on that network path can inject script into it and read this API's responses. Allow the https origin instead.`,
  );
};
