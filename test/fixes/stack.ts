import type { CauseCode, Fix, Stack } from "../../src/engine";
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
  | "duplicate-proxy";

export const CASE_NAMES: readonly CaseName[] = [
  "wildcard-credentials",
  "header-missing",
  "method-missing",
  "preflight-auth",
  "preflight-redirect",
  "error-no-cors",
  "duplicate-proxy",
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
  /** Applies the fix to the config where the fix says it goes, mechanically. */
  apply(config: string, fix: Fix, name: CaseName): string;
}
