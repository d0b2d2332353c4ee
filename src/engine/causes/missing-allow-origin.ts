import { statusFocus } from "./fix-focus";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS } from "./spec";
import { statusNote, subjectParams } from "./words";

export const missingAllowOrigin: CauseSpec<"missing-allow-origin"> = {
  code: "missing-allow-origin",
  chromium: preflightVariant("MissingAllowOriginHeader"),
  firefox: always("CORSMissingAllowOrigin2"),
  chromiumConsole: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.missing-allow-origin.title", {
      stage: ctx.failure.stage === "preflight" ? "preflight" : "response",
    }),
    message:
      ctx.t("cause.missing-allow-origin.message", { ...subjectParams(ctx), origin: ctx.origin }) +
      statusNote(ctx, ctx.failure.hop?.status ?? null),
  }),
  failingRow: "header",
  fixFocus: (ctx) => {
    const status = ctx.failure.hop?.status ?? null;
    if (ctx.failure.stage === "preflight") return statusFocus(status, "allow-origin");
    return status !== null && status >= 400 ? "error-responses" : "allow-origin";
  },
  clientAlternative: always(null),
};
