/**
 * Which of a cause's fixes to show, decided once for every place that shows one (the CLI summary,
 * the CI formats, the Playwright helper's error, the panel): the stack the user chose, else the
 * detected server's, else the plain response headers, else the first the engine gives.
 */
import { type Fix, STACK_PACKAGES, type StackPackage } from "../engine";

/** The library a fix is written for, where the framework does not include it (its install line). */
export function fixPackage(fix: Fix): StackPackage | null {
  return fix.stack === "client" ? null : (STACK_PACKAGES[fix.stack] ?? null);
}

export function preferredFix(
  fixes: readonly Fix[],
  chosen: string | null | undefined,
  detected: string | null | undefined,
): Fix | undefined {
  for (const want of [chosen, detected, "generic-headers"]) {
    const fix = want ? fixes.find((f) => f.stack === want) : undefined;
    if (fix) return fix;
  }
  return fixes[0];
}
