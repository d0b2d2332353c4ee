/**
 * A `no-cors` request whose redirect mode is not `follow`. Emitted by the request-stage check in
 * `../diagnose.ts` (https://fetch.spec.whatwg.org/#main-fetch: "request's mode is no-cors" and its
 * redirect mode not "follow" → network error).
 */
import { roomTranslator } from "../../i18n";
import { clientFix } from "../fixes";
import { KO } from "./no-cors-redirect-mode.ko";
import { always, type CauseSpec } from "./spec";

/** This cause's words in English, the source; Korean in ./no-cors-redirect-mode.ko.ts. */
export const EN = {
  title: "no-cors needs redirect: follow",
  message:
    'A request with mode `no-cors` must use `redirect: "follow"`; the browser rejected it before sending anything.',
  client: "Follow redirects",
  ruleTitle: "no-cors request without redirect: follow",
  ruleDescription:
    'A request with mode `no-cors` must use `redirect: "follow"`; the browser rejects any other redirect mode before sending it.',
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const noCorsRedirectMode: CauseSpec<"no-cors-redirect-mode"> = {
  code: "no-cors-redirect-mode",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("NoCorsRedirectModeNotFollow"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumRendererMessage: (url) =>
    `Fetch API cannot load ${url}. Request mode is "no-cors" but the redirect mode is not "follow".`,
  chromiumDocs: null,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message"),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      words(ctx.t.lang)("client"),
      `fetch(${JSON.stringify(ctx.exchange.url)}, { mode: "no-cors", redirect: "follow" });`,
    ),
};
