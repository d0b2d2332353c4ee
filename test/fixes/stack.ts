import type { CauseCode, Fix, Stack } from "../../src/engine";
import type { AppShape } from "./apply-printed";
import type { Running } from "./harness";
import type { PageRequest, RequestName } from "./page";

/** The common misconfigurations every stack is broken with (the list). */
export type CaseName =
  | "wildcard-credentials"
  | "header-missing"
  | "method-missing"
  | "preflight-auth"
  | "preflight-redirect"
  | "error-no-cors"
  | "duplicate-proxy"
  /** As header-missing, with the lists written as comma-joined strings (the cors README's other form). */
  | "header-missing-string"
  /** The set-up's origin list lacks the page's origin (it lists others). */
  | "origin-missing"
  /** An app with no CORS set-up at all: the printed imports and snippet are its whole set-up. */
  | "no-cors"
  /** The same, with the printed imports and snippet pasted twice: it must work as pasted once. */
  | "no-cors-twice";

export const CASE_NAMES: readonly CaseName[] = [
  "wildcard-credentials",
  "header-missing",
  "method-missing",
  "preflight-auth",
  "preflight-redirect",
  "error-no-cors",
  "duplicate-proxy",
  "header-missing-string",
  "origin-missing",
  "no-cors",
  "no-cors-twice",
];

export interface StackCase {
  name: CaseName;
  /** The page's request this config breaks. */
  target: RequestName;
  /** Requests beyond the page's usual ones (a redirected URL, a malformed body). */
  extra?: PageRequest[];
  /** The broken config, as a user would have it (for `origin`, the page's origin). */
  config(origin: string): string;
  /** What CORS Lens must name (Chromium's check that failed). */
  expect: CauseCode[];
  /** Why the stack cannot be told from this case's evidence (its detection is then not asserted). */
  undetectable?: string;
  /** Words the cause must say (a middleware's own rejection, recognised). */
  says?: string;
  /** How many times the printed fix is applied (2: pasted twice). */
  times?: number;
  /** The page's origin gets no CORS answer before the fix: nothing beyond the page's requests can pass either. */
  bare?: boolean;
}

export interface StackUnderTest {
  stack: Stack;
  /** As the table prints it. */
  label: string;
  /** The server software's version, or null when it is not installed (then the reason). */
  version(): string | null;
  install: string;
  cases: StackCase[];
  /** The stack CORS Lens must recognise from the evidence (and show first), where it can. */
  detected?: Stack;
  /** Cases that cannot arise on this stack, and why (printed in the table as "–"). */
  notApplicable?: Partial<Record<CaseName, string>>;
  /** Starts the server on `port` with `config`, in the scratch directory `dir`. */
  start(config: string, port: number, dir: string): Promise<Running>;
  /**
   * How the app is written, for applying the fix exactly as printed (`apply-printed.ts`): the
   * printed change where the app has a set-up, else the printed imports and snippet.
   */
  shape?: AppShape;
  /** The app's module system, which picks the printed import. */
  form?: "esm" | "cjs";
  /** The starting set-ups allow requests beyond the page's (BEYOND_REQUESTS): at least 5 must pass before and after. */
  broad?: boolean;
  /** Applies the fix to the config where the fix says it goes (stacks without a `shape`). */
  apply?(config: string, fix: Fix, name: CaseName): string;
}
