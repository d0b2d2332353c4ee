import type { BrowserName, Cause, Verdict } from "../types";
import { type FindingContext, finding } from "./context";

const LABEL: Record<BrowserName, string> = { chromium: "Chromium", firefox: "Firefox" };

export interface OtherBrowserOutcome {
  browser: BrowserName;
  verdict: Verdict;
  cause: Cause | null;
}

/**
 * Chromium and Firefox decide or name this case differently (Gecko `nsCORSListenerProxy.cpp` vs Chromium `cors.cc`; checked by the e2e oracles in test/e2e): a different
 * verdict, a different first failing check, or a name that says something else.
 */
export function browserDifference(ctx: FindingContext, other: OtherBrowserOutcome) {
  const here = LABEL[ctx.browser];
  const there = LABEL[other.browser];
  if (ctx.verdict !== other.verdict && ctx.verdict !== "unknown" && other.verdict !== "unknown") {
    return finding(
      "browser-difference",
      `${there} would decide differently`,
      `${here} ${ctx.verdict === "blocked" ? "blocks" : "allows"} this request, but ${there} would ${other.verdict === "blocked" ? `block it (${other.cause?.title ?? "CORS"})` : "allow it"}.`,
    );
  }
  const cause = ctx.cause;
  if (!cause || !other.cause) return null;
  if (cause.code !== other.cause.code) {
    return finding(
      "browser-difference",
      `${there} names a different first failure`,
      `${here} stops at "${cause.title}" (${ctx.browser === "chromium" ? cause.chromium : cause.firefox}); ${there} checks in another order and reports "${other.cause.title}" (${other.browser === "chromium" ? other.cause.chromium : other.cause.firefox}) first. Both must be fixed.`,
    );
  }
  const firefoxSaysOther =
    (cause.code === "multiple-allow-origin" || cause.code === "invalid-allow-origin") &&
    cause.firefox === "CORSAllowOriginNotMatchingOrigin";
  if (firefoxSaysOther) {
    return finding(
      "browser-difference",
      "Firefox words this differently",
      `Chromium reports ${cause.chromium}; Firefox reports the same block as "CORS header 'Access-Control-Allow-Origin' does not match" (${cause.firefox}).`,
    );
  }
  if (cause.code === "preflight-redirected" && cause.firefox !== "CORSExternalRedirectNotAllowed") {
    return finding(
      "browser-difference",
      "Firefox words this differently",
      `Chromium reports ${cause.chromium}; Firefox checks the redirect's Access-Control-Allow-Origin first and reports ${cause.firefox} with the redirect's status.`,
    );
  }
  return null;
}
