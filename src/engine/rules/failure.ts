import type { CauseCode, Hop, Stage } from "../types";
import type { AccessFailureCode } from "./check-allow-origin";

/** The first failing check, before it is explained: what the browser required vs what it got. */
export interface CheckFailure {
  code: CauseCode;
  stage: Stage;
  /** The response (or preflight) that failed the check; null for request-stage failures. */
  hop: Hop | null;
  header: string | null;
  value: string | null;
  expected: string | null;
  /** `Access-Control-Allow-Origin` lines on the failing response (Firefox names by lines). */
  lines: number;
  redirectAccessFailure?: AccessFailureCode | null;
}
