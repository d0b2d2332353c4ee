/**
 * The target is not http(s). Emitted by the request-stage check in `../diagnose.ts`
 * (https://fetch.spec.whatwg.org/#main-fetch: only HTTP(S) schemes go through CORS).
 */
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";
import { yes } from "./words";

export const schemeNotSupported: CauseSpec<"scheme-not-supported"> = {
  code: "scheme-not-supported",
  chromium: always("CorsDisabledScheme"),
  firefox: always("CORSRequestNotHttp"),
  // The scheme list Chromium prints is build-dependent: no guess.
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: ctx.t("cause.scheme-not-supported.title"),
    message: ctx.t("cause.scheme-not-supported.message", {
      url: short(ctx.exchange.url),
      filePage: yes(ctx.facts.origin === "null"),
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(ctx.t("cause.scheme-not-supported.client"), ctx.t("cause.scheme-not-supported.client-how")),
};
