/**
 * The target is not http(s). Emitted by the request-stage check in `../diagnose.ts` (Fetch Standard,
 * main fetch: only HTTP(S) schemes go through CORS).
 */
import { code, short } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const schemeNotSupported: CauseSpec<"scheme-not-supported"> = {
  code: "scheme-not-supported",
  chromium: always("CorsDisabledScheme"),
  firefox: always("CORSRequestNotHttp"),
  // The scheme list Chromium prints is build-dependent: no guess.
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: "Not an HTTP(S) URL",
    message: `The request targets ${code(short(ctx.exchange.url))}; browsers make CORS requests only to http and https URLs${ctx.facts.origin === "null" ? ", and a file: page has the opaque origin null" : ""}.`,
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: () =>
    clientFix(
      "Serve the page over HTTP",
      "Open the page from a local server (for example `npx serve .` then http://localhost:3000) instead of a file: URL.",
    ),
};
