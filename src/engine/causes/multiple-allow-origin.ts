/**
 * Several values, or several header lines, in `Access-Control-Allow-Origin` (a proxy and the app both
 * add it). Emitted by `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check: the value
 * must be one serialized origin).
 */

import { roomTranslator } from "../../i18n";
import { type CauseContext, short } from "../explain/context";
import { proxyLayer } from "../server-stack";
import { KO } from "./multiple-allow-origin.ko";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { proxyAndApp, SUBJECT, subjectParams } from "./words";

/** This cause's words in English, the source; Korean in ./multiple-allow-origin.ko.ts. */
export const EN = {
  layers:
    "Two layers answered: {proxy} (its `Server` header) in front of {app} ({basis}), and each adds its own copy; hide the app's copy in {proxy} (or drop {proxy}'s), the fix shown first.",
  title: "Access-Control-Allow-Origin has several values",
  message: `${SUBJECT} sent \`Access-Control-Allow-Origin: {value}\`{lines, plural, =0 {} =1 {} other { in # separate header lines (typically a proxy and the application both add it)}}, but the header must hold exactly one origin: \`{origin}\`.`,
  ruleTitle: "Access-Control-Allow-Origin has several values",
  ruleDescription:
    "`Access-Control-Allow-Origin` must hold exactly one origin; a list, or the header sent twice (typically by a proxy and the application), fails the check. Send it once, from one place.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

/** Both layers the response shows, named where each adds its copy: the fix goes in one of them. */
function layers(ctx: CauseContext): string {
  const proxy = proxyLayer(ctx.failure.hop, ctx.server);
  if (!proxy || !ctx.server) return "";
  return ` ${words(ctx.t.lang)("layers", { proxy, app: ctx.server.stack, basis: short(ctx.server.basis, 60) })}`;
}

export const multipleAllowOrigin: CauseSpec<"multiple-allow-origin"> = {
  code: "multiple-allow-origin",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("MultipleAllowOriginValues"),
  // Firefox counts header lines: one line holding a list is "does not match" (checked in Firefox 153 by test/e2e/firefox-oracle.e2e.test.ts).
  firefox: ({ allowOriginLines }) =>
    allowOriginLines > 1 ? "CORSMultipleAllowOriginNotAllowed" : "CORSAllowOriginNotMatchingOrigin",
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header contains multiple values '${v}', but only one is allowed.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message:
      words(ctx.t.lang)("message", {
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
