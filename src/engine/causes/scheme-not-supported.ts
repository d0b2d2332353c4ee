/**
 * The target is not http(s). Emitted by the request-stage check in `../diagnose.ts`
 * (https://fetch.spec.whatwg.org/#main-fetch: only HTTP(S) schemes go through CORS).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./scheme-not-supported.ko";
import { always, type CauseSpec } from "./spec";
import { yes } from "./words";

/** This cause's words in English, the source; Korean in ./scheme-not-supported.ko.ts. */
export const EN = {
  title: "Not an HTTP(S) URL",
  message:
    "The request targets `{url}`; browsers make CORS requests only to http and https URLs{filePage, select, yes {, and a file: page has the opaque origin null} other {}}.",
  client: "Serve the page over HTTP",
  clientHow:
    "Open the page from a local server (for example `npx serve .` then http://localhost:3000) instead of a file: URL.",
  ruleTitle: "Cross-origin request to a URL that is not HTTP(S)",
  ruleDescription:
    "Browsers make CORS requests only to http and https URLs; other schemes (file:, custom ones) fail before any request. Serve both the page and the API over HTTP(S).",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const schemeNotSupported: CauseSpec<"scheme-not-supported"> = {
  code: "scheme-not-supported",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("CorsDisabledScheme"),
  firefox: always("CORSRequestNotHttp"),
  // The scheme list Chromium prints is build-dependent: no guess.
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      url: short(ctx.exchange.url),
      filePage: yes(ctx.facts.origin === "null"),
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) => clientFix(words(ctx.t.lang)("client"), words(ctx.t.lang)("clientHow")),
};
