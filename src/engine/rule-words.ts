/**
 * A code-scanning rule's words (SARIF `reportingDescriptor`, the CI formats' headings) for a cause
 * or finding code: kept in the code's room beside the words of its results, read here by code.
 */
import type { Lang, RoomWords } from "../i18n";
import { CAUSES } from "./causes";
import { FINDINGS } from "./findings";
import type { CauseCode, FindingCode } from "./types";

/** The keys every room's table has for its rule: a title and a description that fit every result. */
export type RuleKey = "ruleTitle" | "ruleDescription";

const ROOMS: { readonly [C in CauseCode | FindingCode]: { readonly words: RoomWords<RuleKey> } } = {
  ...CAUSES,
  ...FINDINGS,
};

/** The rule of a cause or finding code, in `lang`. */
export function ruleWords(code: CauseCode | FindingCode, lang: Lang): { title: string; description: string } {
  const words = ROOMS[code].words(lang);
  return { title: words("ruleTitle"), description: words("ruleDescription") };
}
