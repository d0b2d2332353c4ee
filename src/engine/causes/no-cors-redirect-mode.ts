/**
 * `mode: "no-cors"` with `redirect` other than `follow`. Emitted by the request-stage check in
 * `../diagnose.ts` (Fetch Standard, `Request` constructor step 29; Blink rejects it in the renderer).
 */
import { code } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const noCorsRedirectMode: CauseSpec<"no-cors-redirect-mode"> = {
  code: "no-cors-redirect-mode",
  chromium: always("NoCorsRedirectModeNotFollow"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumRendererMessage: (url) =>
    `Fetch API cannot load ${url}. Request mode is "no-cors" but the redirect mode is not "follow".`,
  chromiumDocs: null,
  text: () => ({
    title: "no-cors needs redirect: follow",
    message: `A request with mode ${code("no-cors")} must use ${code('redirect: "follow"')}; the browser rejected it before sending anything.`,
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      "Follow redirects",
      `fetch(${JSON.stringify(ctx.exchange.url)}, { mode: "no-cors", redirect: "follow" });`,
    ),
};
