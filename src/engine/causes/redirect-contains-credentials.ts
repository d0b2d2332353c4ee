/**
 * A redirect to a URL with `user:pass@`. Emitted by `../rules/check-response-chain.ts` (Fetch
 * Standard, HTTP-redirect fetch step 8: includes credentials → network error in CORS mode).
 */
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

export const redirectContainsCredentials: CauseSpec<"redirect-contains-credentials"> = {
  code: "redirect-contains-credentials",
  chromium: always("RedirectContainsCredentials"),
  // Firefox rejects it with the generic "did not succeed" (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: always("CORSDidNotSucceed2"),
  chromiumConsole: (v) =>
    `Redirect location '${v}' contains a username and password, which is disallowed for cross-origin requests.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.redirect-contains-credentials.title"),
    message: ctx.t("cause.redirect-contains-credentials.message", {
      location: short(ctx.failure.value ?? ""),
    }),
  }),
  failingRow: "header",
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      ctx.t("cause.redirect-contains-credentials.client"),
      ctx.t("cause.redirect-contains-credentials.client-how"),
    ),
};
