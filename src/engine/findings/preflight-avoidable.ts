import type { Translate } from "../../i18n";
import type { PreflightTrigger } from "../rules/preflight-reasons";
import { type FindingRule, finding } from "./context";

function describeTrigger(trigger: PreflightTrigger, t: Translate): string {
  if (trigger.kind === "method") return t("finding.preflight-avoidable.method", { method: trigger.method });
  switch (trigger.why) {
    case "content-type":
      return t("finding.preflight-avoidable.content-type", { value: trigger.value ?? "" });
    case "value-too-long":
      return t("finding.preflight-avoidable.value-too-long", { name: trigger.name });
    case "unsafe-bytes":
      return t("finding.preflight-avoidable.unsafe-bytes", { name: trigger.name, braces: "{ }" });
    case "range":
      return t("finding.preflight-avoidable.range", { value: trigger.value ?? "" });
    case "total-too-long":
      return t("finding.preflight-avoidable.total-too-long", { name: trigger.name });
    case "not-safelisted":
      return t("finding.preflight-avoidable.not-safelisted", { name: trigger.name });
  }
}

/** Why this request was preflighted, each trigger named, and what would make it simple. */
export const preflightAvoidable: FindingRule = (ctx) => {
  const triggers = ctx.facts.triggers;
  if (triggers.length === 0 || (!ctx.exchange.preflight && ctx.facts.needsPreflight !== true)) return null;
  return finding(
    "preflight-avoidable",
    ctx.t("finding.preflight-avoidable.title"),
    ctx.t("finding.preflight-avoidable.message", {
      triggers: triggers
        .map((trigger) => describeTrigger(trigger, ctx.t))
        .join(ctx.t("finding.preflight-avoidable.separator")),
      count: triggers.length,
    }),
  );
};
