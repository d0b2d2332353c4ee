/**
 * `mode: "same-origin"` to another origin. Emitted by the request-stage check in `../diagnose.ts`
 * (https://fetch.spec.whatwg.org/#main-fetch: "request's mode is same-origin" → network error).
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const disallowedByMode: CauseSpec<"disallowed-by-mode"> = {
  code: "disallowed-by-mode",
  chromium: always("DisallowedByMode"),
  // Firefox logs a security error, not a CORS reason (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: always(null),
  chromiumConsole: () => "Cross origin requests are not allowed by request mode.",
  chromiumDocs: null,
  text: (ctx) => ({
    title: ctx.t("cause.disallowed-by-mode.title"),
    message: ctx.t("cause.disallowed-by-mode.message", { host: hostOf(ctx.exchange.url) }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      ctx.t("cause.disallowed-by-mode.client"),
      `fetch(${JSON.stringify(ctx.exchange.url)}, { mode: "cors" });`,
    ),
};
