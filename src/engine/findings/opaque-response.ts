import { code, hostOf } from "../explain/context";
import { type FindingRule, finding } from "./context";

/** `mode: "no-cors"`: the request "succeeds" but script gets an empty opaque response. */
export const opaqueResponse: FindingRule = (ctx) => {
  // A blocked no-cors request never got its opaque response: the cause says why.
  if (ctx.facts.mode !== "no-cors" || !ctx.facts.crossOrigin || ctx.verdict === "blocked") return null;
  const type = ctx.exchange.resourceType;
  if (type !== "fetch" && type !== "xmlhttprequest" && type !== "xhr" && type !== "other") return null;
  return finding(
    "opaque-response",
    "no-cors: the page cannot read this response",
    `This request to ${hostOf(ctx.exchange.url)} was made with ${code('mode: "no-cors"')}: it is sent, but the page gets an opaque response (status 0, no headers, no body). Remove ${code("no-cors")} and have the server send ${code(`Access-Control-Allow-Origin: ${ctx.facts.origin ?? "<your origin>"}`)} instead.`,
  );
};
