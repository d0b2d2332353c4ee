import { code, hostOf } from "../explain/context";
import { combinedHeader } from "../headers";
import { type FindingRule, finding } from "./context";

/** `Access-Control-Allow-Origin: null` with credentials: any sandboxed iframe or file: page can read. */
export const nullOriginAllowed: FindingRule = (ctx) => {
  const hop = ctx.facts.finalHop;
  if (!hop || combinedHeader(hop.responseHeaders, "access-control-allow-origin") !== "null") return null;
  if (combinedHeader(hop.responseHeaders, "access-control-allow-credentials") !== "true") return null;
  return finding(
    "null-origin-allowed",
    "The API trusts Origin: null with credentials",
    `${hostOf(hop.url)} answers ${code("Access-Control-Allow-Origin: null")} with ${code("Access-Control-Allow-Credentials: true")}. Any page can get the origin ${code("null")} (a sandboxed iframe, a data: document) and read your users' data. Allow named origins only.`,
  );
};
