/**
 * Several values, or several header lines, in `Access-Control-Allow-Origin` (a proxy and the app both
 * add it). Emitted by `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check: the value
 * must be one serialized origin).
 */
import { type CauseContext, short } from "../explain/context";
import { proxyLayer } from "../server-stack";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { proxyAndApp, subjectParams } from "./words";

/** Both layers the response shows, named where each adds its copy: the fix goes in one of them. */
function layers(ctx: CauseContext): string {
  const proxy = proxyLayer(ctx.failure.hop, ctx.server);
  if (!proxy || !ctx.server) return "";
  return ` ${ctx.t("cause.multiple-allow-origin.layers", { proxy, app: ctx.server.stack, basis: short(ctx.server.basis, 60) })}`;
}

export const multipleAllowOrigin: CauseSpec<"multiple-allow-origin"> = {
  code: "multiple-allow-origin",
  chromium: preflightVariant("MultipleAllowOriginValues"),
  // Firefox counts header lines: one line holding a list is "does not match" (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: ({ allowOriginLines }) =>
    allowOriginLines > 1 ? "CORSMultipleAllowOriginNotAllowed" : "CORSAllowOriginNotMatchingOrigin",
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header contains multiple values '${v}', but only one is allowed.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.multiple-allow-origin.title"),
    message:
      ctx.t("cause.multiple-allow-origin.message", {
        ...subjectParams(ctx),
        value: short(ctx.failure.value ?? ""),
        lines: ctx.failure.lines,
        origin: ctx.origin,
      }) + (layers(ctx) || proxyAndApp(ctx)),
  }),
  failingRow: "header",
  fixFocus: always("single-origin"),
  clientAlternative: always(null),
};
