/**
 * `Access-Control-Allow-Origin` is not an origin (`localhost`, `host:port`, empty). Emitted by
 * `../rules/check-allow-origin.ts` (Chromium `cors.cc` CheckAccess: not parseable as a URL).
 */
import { short } from "../explain/context";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { subjectParams } from "./words";

export const invalidAllowOrigin: CauseSpec<"invalid-allow-origin"> = {
  code: "invalid-allow-origin",
  chromium: preflightVariant("InvalidAllowOriginValue"),
  firefox: always("CORSAllowOriginNotMatchingOrigin"),
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header contains the invalid value '${v}'.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.invalid-allow-origin.title"),
    message: ctx.t("cause.invalid-allow-origin.message", {
      ...subjectParams(ctx),
      value: short(ctx.failure.value ?? ""),
      origin: ctx.origin,
    }),
  }),
  failingRow: "header",
  fixFocus: (ctx) => (ctx.origin === "null" ? "null-origin" : "allow-origin"),
  clientAlternative: always(null),
};
