import type { RoomWords, Translate } from "../../i18n";
import type { Evaluation } from "../evaluate";
import type { RequestFacts } from "../facts";
import { defineLazy } from "../lazy";
import type { RuleKey } from "../rule-words";
import type {
  BrowserName,
  Cause,
  Finding,
  FindingCode,
  Fix,
  ObservedExchange,
  Severity,
  Verdict,
} from "../types";

/** What every finding rule may look at: the exchange, the facts, and the decision already made. */
export interface FindingContext {
  exchange: ObservedExchange;
  facts: RequestFacts;
  browser: BrowserName;
  verdict: Verdict;
  evaluation: Evaluation | null;
  cause: Cause | null;
  /** true / false when known or inferred, null when the credentials mode is unknown. */
  credentialed: boolean | null;
  t: Translate;
}

export type FindingRule = (ctx: FindingContext) => Finding | null;

/**
 * What one finding code is, declared in its room (`<code>.ts` in this folder, beside its rule and
 * its words): the code, how grave it is, and its words (of which its rule words).
 */
export interface FindingSpec<C extends FindingCode = FindingCode> {
  code: C;
  severity: Severity;
  words: RoomWords<RuleKey>;
}

/** A finding; its fixes, when it has some, are rendered on first read (see lazy.ts). */
export function finding(spec: FindingSpec, title: string, message: string, fixes?: () => Fix[]): Finding {
  const f: Finding = { code: spec.code, severity: spec.severity, title, message };
  if (fixes) defineLazy(f, "fixes", fixes);
  return f;
}
