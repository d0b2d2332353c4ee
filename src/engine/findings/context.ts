import type { Translate } from "../../i18n";
import type { Evaluation } from "../evaluate";
import type { RequestFacts } from "../facts";
import { defineLazy } from "../lazy";
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

export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  "status-masked": "error",
  "referrer-policy-not-cause": "info",
  "referrer-stripped": "warning",
  "origin-null": "warning",
  "opaque-response": "warning",
  "authorization-wildcard": "warning",
  "vary-origin-missing": "warning",
  "preflight-cached": "info",
  "preflight-avoidable": "info",
  "max-age-capped": "info",
  "header-not-exposed": "info",
  "response-header-in-request": "error",
  "origin-reflected-with-credentials": "warning",
  "null-origin-allowed": "warning",
  "insecure-origin-allowed": "warning",
  "not-cors": "info",
  "browser-difference": "info",
};

/** A finding; its fixes, when it has some, are rendered on first read (see lazy.ts). */
export function finding(code: FindingCode, title: string, message: string, fixes?: () => Fix[]): Finding {
  const f: Finding = { code, severity: FINDING_SEVERITY[code], title, message };
  if (fixes) defineLazy(f, "fixes", fixes);
  return f;
}
