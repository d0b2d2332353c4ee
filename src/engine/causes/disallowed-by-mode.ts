/**
 * `mode: "same-origin"` to another origin. Emitted by the request-stage check in `../diagnose.ts`
 * (https://fetch.spec.whatwg.org/#main-fetch: "request's mode is same-origin" → network error).
 */

import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./disallowed-by-mode.ko";
import { always, type CauseSpec } from "./spec";

/** This cause's words in English, the source; Korean in ./disallowed-by-mode.ko.ts. */
export const EN = {
  title: "Request mode forbids other origins",
  message:
    "The request was made with mode `same-origin` but goes to {host}, another origin, so the browser refused it before sending anything.",
  client: "Use CORS mode",
  ruleTitle: "Request mode forbids other origins",
  ruleDescription:
    "The request was made with mode `same-origin` to another origin; the browser refuses it before sending anything. Make the request in CORS mode, or to the page's own origin.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const disallowedByMode: CauseSpec<"disallowed-by-mode"> = {
  code: "disallowed-by-mode",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("DisallowedByMode"),
  // Firefox logs a security error, not a CORS reason (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: always(null),
  chromiumConsole: () => "Cross origin requests are not allowed by request mode.",
  chromiumDocs: null,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", { host: hostOf(ctx.exchange.url) }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(words(ctx.t.lang)("client"), `fetch(${JSON.stringify(ctx.exchange.url)}, { mode: "cors" });`),
};
