/**
 * A redirect to a URL with `user:pass@`. Emitted by `../rules/check-response-chain.ts` (Fetch
 * Standard, HTTP-redirect fetch step 8: includes credentials → network error in CORS mode).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./redirect-contains-credentials.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

/** This cause's words in English, the source; Korean in ./redirect-contains-credentials.ko.ts. */
export const EN = {
  title: "Redirect to a URL with user:password",
  message:
    "The request was redirected to `{location}`, which carries a user name and password; browsers refuse such redirects for CORS requests.",
  client: "Remove the credentials from the redirect",
  clientHow: "Redirect to a Location without user:password@, and send credentials in a header instead.",
  ruleTitle: "Redirect to a URL with a user name and password",
  ruleDescription:
    "A CORS request was redirected to a URL carrying `user:password@`; browsers refuse such redirects. Redirect to a URL without credentials and send them in a header.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const redirectContainsCredentials: CauseSpec<"redirect-contains-credentials"> = {
  code: "redirect-contains-credentials",
  words,
  emittedBy: ["rules/check-response-chain.ts"],
  chromium: always("RedirectContainsCredentials"),
  // Firefox rejects it with the generic "did not succeed" (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: always("CORSDidNotSucceed2"),
  chromiumConsole: (v) =>
    `Redirect location '${v}' contains a username and password, which is disallowed for cross-origin requests.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      location: short(ctx.failure.value ?? ""),
    }),
  }),
  failingRow: "header",
  fixFocus: always(null),
  clientAlternative: (ctx) => clientFix(words(ctx.t.lang)("client"), words(ctx.t.lang)("clientHow")),
};
