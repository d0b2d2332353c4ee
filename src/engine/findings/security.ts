import { code, hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, finding } from "./context";

function allowsCredentials(headers: ReadonlyArray<readonly [string, string]>): boolean {
  return combinedHeader(headers, "access-control-allow-credentials") === "true";
}

/** `Access-Control-Allow-Origin: null` with credentials: any sandboxed iframe or file: page can read. */
export const nullOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || combinedHeader(hop.responseHeaders, "access-control-allow-origin") !== "null") return null;
  if (!allowsCredentials(hop.responseHeaders)) return null;
  return finding(
    "null-origin-allowed",
    "The API trusts Origin: null with credentials",
    `${hostOf(hop.url)} answers ${code("Access-Control-Allow-Origin: null")} with ${code("Access-Control-Allow-Credentials: true")}. Any page can get the origin ${code("null")} (a sandboxed iframe, a data: document) and read your users' data. Allow named origins only.`,
  );
};

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
