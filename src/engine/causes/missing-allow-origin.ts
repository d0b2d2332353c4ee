/**
 * No `Access-Control-Allow-Origin` on the response or the preflight. Emitted by
 * `../rules/check-allow-origin.ts` (Fetch Standard, CORS check step 2).
 */
import { code } from "../explain/context";
import { statusFocus } from "./fix-focus";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS } from "./spec";
import { statusNote, subject } from "./words";

export const missingAllowOrigin: CauseSpec<"missing-allow-origin"> = {
  code: "missing-allow-origin",
  chromium: preflightVariant("MissingAllowOriginHeader"),
  firefox: always("CORSMissingAllowOrigin2"),
  chromiumConsole: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title:
      ctx.failure.stage === "preflight"
        ? "Preflight has no Access-Control-Allow-Origin"
        : "No Access-Control-Allow-Origin header",
    message: `${subject(ctx)} has no ${code("Access-Control-Allow-Origin")} header, so the browser ${ctx.failure.stage === "preflight" ? `never sent the ${ctx.facts.method} request` : `hid the response from the page at ${ctx.origin}`}. The server must answer with ${code(`Access-Control-Allow-Origin: ${ctx.origin}`)}.${statusNote(ctx.failure.hop?.status ?? null)}`,
  }),
  failingRow: "header",
  fixFocus: (ctx) => {
    const status = ctx.failure.hop?.status ?? null;
    if (ctx.failure.stage === "preflight") return statusFocus(status, "allow-origin");
    return status !== null && status >= 400 ? "error-responses" : "allow-origin";
  },
  clientAlternative: always(null),
};
