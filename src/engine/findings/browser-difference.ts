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
      ctx.t("finding.browser-difference.verdict.title", { there }),
      ctx.t("finding.browser-difference.verdict.message", {
        here,
        there,
        blocks: ctx.verdict === "blocked" ? "yes" : "no",
        otherBlocks: other.verdict === "blocked" ? "yes" : "no",
        otherTitle: other.cause?.title ?? "CORS",
      }),
    );
  }
  const cause = ctx.cause;
  if (!cause || !other.cause) return null;
  if (cause.code !== other.cause.code) {
    return finding(
      "browser-difference",
      ctx.t("finding.browser-difference.order.title", { there }),
      ctx.t("finding.browser-difference.order.message", {
        here,
        there,
        title: cause.title,
        name: (ctx.browser === "chromium" ? cause.chromium : cause.firefox) ?? "",
        otherTitle: other.cause.title,
        otherName: (other.browser === "chromium" ? other.cause.chromium : other.cause.firefox) ?? "",
      }),
    );
  }
  const firefoxSaysOther =
    (cause.code === "multiple-allow-origin" || cause.code === "invalid-allow-origin") &&
    cause.firefox === "CORSAllowOriginNotMatchingOrigin";
  if (firefoxSaysOther) {
    return finding(
      "browser-difference",
      ctx.t("finding.browser-difference.words.title"),
      ctx.t("finding.browser-difference.words.origin", {
        chromium: cause.chromium ?? "",
        firefox: cause.firefox ?? "",
      }),
    );
  }
  if (cause.code === "preflight-redirected" && cause.firefox !== "CORSExternalRedirectNotAllowed") {
    return finding(
      "browser-difference",
      ctx.t("finding.browser-difference.words.title"),
      ctx.t("finding.browser-difference.words.redirect", {
        chromium: cause.chromium ?? "",
        firefox: cause.firefox ?? "",
      }),
    );
  }
  return null;
}
