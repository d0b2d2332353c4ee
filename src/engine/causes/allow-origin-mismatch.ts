/**
 * `Access-Control-Allow-Origin` names another origin (a trailing slash, http vs https, `null` after a
 * redirect). Emitted by `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check:
 * byte equality with the request's serialized origin).
 */
import { originDifference, short } from "../explain/context";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { subjectParams } from "./words";

export const allowOriginMismatch: CauseSpec<"allow-origin-mismatch"> = {
  code: "allow-origin-mismatch",
  chromium: preflightVariant("AllowOriginMismatch"),
  firefox: always("CORSAllowOriginNotMatchingOrigin"),
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header has a value '${v}' that is not equal to the supplied origin.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.allow-origin-mismatch.title"),
    message: ctx.t("cause.allow-origin-mismatch.message", {
      ...subjectParams(ctx),
      allowed: short(ctx.failure.value ?? ""),
      origin: ctx.origin,
      ...originDifference(ctx.failure.value ?? "", ctx.origin),
    }),
  }),
  failingRow: "header",
  fixFocus: (ctx) => (ctx.origin === "null" ? "null-origin" : "allow-origin"),
  clientAlternative: always(null),
};
