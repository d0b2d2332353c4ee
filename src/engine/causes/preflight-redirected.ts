/**
 * The preflight was redirected (a trailing-slash rule, http → https). Emitted by
 * `../rules/check-preflight.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0: redirects are network errors).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./preflight-redirected.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { PREFLIGHT, subjectParams, yes } from "./words";

/** This cause's words in English, the source; Korean in ./preflight-redirected.ko.ts. */
export const EN = {
  title: "Preflight was redirected",
  message: `${PREFLIGHT} was answered with a {status} redirect{hasLocation, select, yes { to \`{location}\`} other {}}. Browsers never follow redirects on a preflight.{slash, select, yes { This is usually a trailing-slash redirect (Django APPEND_SLASH, framework strict routing): call the final URL.} other { Call the final URL directly.}}`,
  client: "Or call the final URL directly",
  ruleTitle: "Preflight was redirected",
  ruleDescription:
    "The preflight was answered with a redirect; browsers never follow redirects on a preflight. Call the final URL directly (often a trailing-slash redirect).",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

/** The redirect's target as an absolute URL; null when the Location does not parse. */
function target(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

export const preflightRedirected: CauseSpec<"preflight-redirected"> = {
  code: "preflight-redirected",
  words,
  emittedBy: ["rules/check-preflight.ts"],
  chromium: always("PreflightDisallowedRedirect"),
  // Firefox checks Access-Control-Allow-Origin on the 3xx first and reports that failure when there
  // is one (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: ({ redirectAccessFailureKey }) => redirectAccessFailureKey ?? "CORSExternalRedirectNotAllowed",
  chromiumConsole: () => "Redirect is not allowed for a preflight request.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => {
    const location = ctx.failure.value;
    const slash =
      location !== null &&
      location.replace(/\/$/, "") === ctx.exchange.url.replace(/\/$/, "").replace(/^https?:\/\/[^/]+/, "");
    return {
      title: words(ctx.t.lang)("title"),
      message: words(ctx.t.lang)("message", {
        ...subjectParams(ctx),
        status: ctx.failure.hop?.status ?? "3xx",
        hasLocation: yes(Boolean(location)),
        location: short(location ?? ""),
        slash: yes(slash || (location?.endsWith("/") ?? false)),
      }),
    };
  },
  failingRow: "preflight-status",
  fixFocus: always("no-preflight-redirect"),
  clientAlternative: (ctx) => {
    const to = ctx.failure.value === null ? null : target(ctx.failure.value, ctx.exchange.url);
    return to ? clientFix(words(ctx.t.lang)("client"), `fetch(${JSON.stringify(to)});`) : null;
  },
};
