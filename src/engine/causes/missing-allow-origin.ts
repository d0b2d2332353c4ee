/**
 * No `Access-Control-Allow-Origin` on the response (or the preflight's). Emitted by
 * `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#cors-check: a null origin header
 * value fails the check).
 */
import { roomTranslator } from "../../i18n";
import type { CauseContext } from "../explain/context";
import { variesOnOrigin } from "../headers";
import { KO } from "./missing-allow-origin.ko";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS } from "./spec";
import {
  afterTheRoute,
  barePreflightMethod,
  corsSkippedForRoute,
  originExactly,
  proxyAlways,
  SUBJECT,
  slashRedirect,
  statusFocus,
  statusNote,
  subjectParams,
} from "./words";

/** This cause's words in English, the source; Korean in ./missing-allow-origin.ko.ts. */
export const EN = {
  title:
    "{stage, select, preflight {Preflight has no Access-Control-Allow-Origin} other {No Access-Control-Allow-Origin header}}",
  message: `${SUBJECT} has no \`Access-Control-Allow-Origin\` header, so the browser {stage, select, preflight {never sent the {method} request} other {hid the response from the page at {origin}}}. The server must answer with \`Access-Control-Allow-Origin: {origin}\`.`,
  refused:
    "It varies on `Origin` all the same: a CORS set-up ran, compared the origin and did not allow `{origin}` (it is missing from the set-up's origin list, or its origin function said no).",
  ruleTitle: "Access-Control-Allow-Origin missing",
  ruleDescription:
    "The response (or the preflight's response) has no `Access-Control-Allow-Origin` header, so the browser hides it from the page or never sends the request. The server must answer with the page's exact origin, or `*` for requests without credentials.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

/**
 * `Vary: Origin` without `Access-Control-Allow-Origin` on a 2xx: a CORS set-up ran, compared the
 * origin and said no (the cors package, hono/cors and @fastify/cors vary on Origin whenever their
 * `origin` is a list or a function): the origin is missing from that list.
 */
function refusedOrigin(ctx: CauseContext): string {
  const hop = ctx.failure.hop;
  const ok = hop?.status != null && hop.status >= 200 && hop.status < 300;
  return ok && variesOnOrigin(hop) ? ` ${words(ctx.t.lang)("refused", { origin: ctx.origin })}` : "";
}

export const missingAllowOrigin: CauseSpec<"missing-allow-origin"> = {
  code: "missing-allow-origin",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("MissingAllowOriginHeader"),
  firefox: always("CORSMissingAllowOrigin2"),
  chromiumConsole: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title", {
      stage: ctx.failure.stage === "preflight" ? "preflight" : "response",
    }),
    message:
      words(ctx.t.lang)("message", { ...subjectParams(ctx), origin: ctx.origin }) +
      statusNote(ctx, ctx.failure.hop?.status ?? null) +
      refusedOrigin(ctx) +
      (refusedOrigin(ctx) !== "" || ctx.rejection?.focus === "allow-origin" ? originExactly(ctx) : "") +
      afterTheRoute(ctx) +
      slashRedirect(ctx) +
      proxyAlways(ctx) +
      barePreflightMethod(ctx),
  }),
  failingRow: "header",
  fixFocus: (ctx) => {
    const status = ctx.failure.hop?.status ?? null;
    if (ctx.failure.stage === "preflight") return statusFocus(status, "allow-origin");
    // The set-up runs for other routes but not this one: its place is the fix, not its options.
    if (corsSkippedForRoute(ctx)) return "before-routes";
    return status !== null && status >= 400 ? "error-responses" : "allow-origin";
  },
  clientAlternative: always(null),
};
