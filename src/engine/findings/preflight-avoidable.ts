import { type RoomTranslate, roomTranslator } from "../../i18n";
import type { PreflightTrigger } from "../rules/preflight-reasons";
import { type FindingRule, type FindingSpec, finding } from "./context";
import { KO } from "./preflight-avoidable.ko";

/** This finding's words in English, the source; Korean in ./preflight-avoidable.ko.ts. */
export const EN = {
  title: "Why this request was preflighted",
  message:
    'The browser sent an OPTIONS preflight first because of {triggers}. Without {count, plural, one {it} other {them}} the request would be "simple" and go out directly; otherwise the server must answer the preflight (a cached one saves the round trip, up to Access-Control-Max-Age).',
  method: "the method `{method}` (only GET, HEAD and POST are simple)",
  contentType:
    "`Content-Type: {value}` (only text/plain, multipart/form-data and application/x-www-form-urlencoded are simple)",
  valueTooLong: "the `{name}` value is longer than 128 bytes",
  unsafeBytes: 'the `{name}` value contains characters such as ( ) : < > ? @ [ ] {braces} " or controls',
  range: "`Range: {value}` is not a single bytes=start-end range",
  totalTooLong: "the simple header values add up to more than 1024 bytes (`{name}`)",
  notSafelisted: "the custom header `{name}`",
  separator: "; ",
  ruleTitle: "Why the request was preflighted",
  ruleDescription:
    "The request needed a preflight because of its method or a header the page set; without them it would be a simple request.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const preflightAvoidableSpec: FindingSpec<"preflight-avoidable"> = {
  code: "preflight-avoidable",
  severity: "info",
  words,
};

function describeTrigger(trigger: PreflightTrigger, t: RoomTranslate<keyof typeof EN>): string {
  if (trigger.kind === "method") return t("method", { method: trigger.method });
  switch (trigger.why) {
    case "content-type":
      return t("contentType", { value: trigger.value ?? "" });
    case "value-too-long":
      return t("valueTooLong", { name: trigger.name });
    case "unsafe-bytes":
      return t("unsafeBytes", { name: trigger.name, braces: "{ }" });
    case "range":
      return t("range", { value: trigger.value ?? "" });
    case "total-too-long":
      return t("totalTooLong", { name: trigger.name });
    case "not-safelisted":
      return t("notSafelisted", { name: trigger.name });
  }
}

/** Why this request was preflighted, each trigger named, and what would make it simple. */
export const preflightAvoidable: FindingRule = (ctx) => {
  const triggers = ctx.facts.triggers;
  if (triggers.length === 0 || (!ctx.exchange.preflight && ctx.facts.needsPreflight !== true)) return null;
  const w = words(ctx.t.lang);
  return finding(
    preflightAvoidableSpec,
    w("title"),
    w("message", {
      triggers: triggers.map((trigger) => describeTrigger(trigger, w)).join(w("separator")),
      count: triggers.length,
    }),
  );
};
