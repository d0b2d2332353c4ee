import { roomTranslator } from "../../i18n";
import type { BrowserName, Cause, Verdict } from "../types";
import { KO } from "./browser-difference.ko";
import { type FindingContext, type FindingSpec, finding } from "./context";

/** This finding's words in English, the source; Korean in ./browser-difference.ko.ts. */
export const EN = {
  verdictTitle: "{there} would decide differently",
  verdictMessage:
    "{here} {blocks, select, yes {blocks} other {allows}} this request, but {there} would {otherBlocks, select, yes {block it ({otherTitle})} other {allow it}}.",
  orderTitle: "{there} names a different first failure",
  orderMessage:
    '{here} stops at "{title}" ({name}); {there} checks in another order and reports "{otherTitle}" ({otherName}) first. Both must be fixed.',
  wordsTitle: "Firefox words this differently",
  wordsOrigin:
    "Chromium reports {chromium}; Firefox reports the same block as \"CORS header 'Access-Control-Allow-Origin' does not match\" ({firefox}).",
  wordsRedirect:
    "Chromium reports {chromium}; Firefox checks the redirect's Access-Control-Allow-Origin first and reports {firefox} with the redirect's status.",
  ruleTitle: "Another browser decides or names this differently",
  ruleDescription:
    "Chromium and Firefox check some CORS rules in a different order or name them differently; in the other browser this request gets a different verdict or a different first failure.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const browserDifferenceSpec: FindingSpec<"browser-difference"> = {
  code: "browser-difference",
  severity: "info",
  words,
};

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
  const w = words(ctx.t.lang);
  if (ctx.verdict !== other.verdict && ctx.verdict !== "unknown" && other.verdict !== "unknown") {
    return finding(
      browserDifferenceSpec,
      w("verdictTitle", { there }),
      w("verdictMessage", {
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
      browserDifferenceSpec,
      w("orderTitle", { there }),
      w("orderMessage", {
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
      browserDifferenceSpec,
      w("wordsTitle"),
      w("wordsOrigin", {
        chromium: cause.chromium ?? "",
        firefox: cause.firefox ?? "",
      }),
    );
  }
  if (cause.code === "preflight-redirected" && cause.firefox !== "CORSExternalRedirectNotAllowed") {
    return finding(
      browserDifferenceSpec,
      w("wordsTitle"),
      w("wordsRedirect", {
        chromium: cause.chromium ?? "",
        firefox: cause.firefox ?? "",
      }),
    );
  }
  return null;
}
