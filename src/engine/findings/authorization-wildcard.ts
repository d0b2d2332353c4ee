import { roomTranslator } from "../../i18n";
import { KO } from "./authorization-wildcard.ko";
import { type FindingRule, type FindingSpec, finding } from "./context";

/** This finding's words in English, the source; Korean in ./authorization-wildcard.ko.ts. */
export const EN = {
  title: "Authorization is allowed only by *",
  message:
    "The preflight answered `Access-Control-Allow-Headers: *`, which by the Fetch Standard does not cover `Authorization`. Chromium and Firefox still accept it with a deprecation warning; list it explicitly (`Access-Control-Allow-Headers: authorization, …`) before they enforce the standard.",
  ruleTitle: "Authorization is allowed only by *",
  ruleDescription:
    "`Access-Control-Allow-Headers: *` does not cover `Authorization`; it must be listed by name.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const authorizationWildcardSpec: FindingSpec<"authorization-wildcard"> = {
  code: "authorization-wildcard",
  severity: "warning",
  words,
};

/**
 * `Authorization` allowed only through `Access-Control-Allow-Headers: *`: Chromium (feature off) and
 * Firefox (pref on) accept it today with a deprecation warning; the Fetch Standard does not.
 */
export const authorizationWildcard: FindingRule = (ctx) => {
  if (!ctx.evaluation?.authorizationByWildcard) return null;
  return finding(authorizationWildcardSpec, words(ctx.t.lang)("title"), words(ctx.t.lang)("message"));
};
