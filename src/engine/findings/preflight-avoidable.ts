import { code } from "../explain/context";
import type { PreflightTrigger } from "../rules/preflight-reasons";
import { type FindingRule, finding } from "./context";

function describe(trigger: PreflightTrigger): string {
  if (trigger.kind === "method")
    return `the method ${code(trigger.method)} (only GET, HEAD and POST are simple)`;
  switch (trigger.why) {
    case "content-type":
      return `${code(`Content-Type: ${trigger.value ?? ""}`)} (only text/plain, multipart/form-data and application/x-www-form-urlencoded are simple)`;
    case "value-too-long":
      return `the ${code(trigger.name)} value is longer than 128 bytes`;
    case "unsafe-bytes":
      return `the ${code(trigger.name)} value contains characters such as ( ) : < > ? @ [ ] { } " or controls`;
    case "range":
      return `${code(`Range: ${trigger.value ?? ""}`)} is not a single bytes=start-end range`;
    case "total-too-long":
      return `the simple header values add up to more than 1024 bytes (${code(trigger.name)})`;
    case "not-safelisted":
      return `the custom header ${code(trigger.name)}`;
  }
}

/** Why this request was preflighted, each trigger named, and what would make it simple. */
export const preflightAvoidable: FindingRule = (ctx) => {
  const triggers = ctx.facts.triggers;
  if (triggers.length === 0 || (!ctx.exchange.preflight && ctx.facts.needsPreflight !== true)) return null;
  return finding(
    "preflight-avoidable",
    "Why this request was preflighted",
    `The browser sent an OPTIONS preflight first because of ${triggers.map(describe).join("; ")}. Without ${triggers.length === 1 ? "it" : "them"} the request would be "simple" and go out directly; otherwise the server must answer the preflight (a cached one saves the round trip, up to Access-Control-Max-Age).`,
  );
};
