/**
 * `Access-Control-Allow-Origin` names another origin (a trailing slash, http vs https, `null` after a
 * redirect). Emitted by `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check:
 * byte equality with the request's serialized origin).
 */

import { roomTranslator } from "../../i18n";
import { originDifference, short } from "../explain/context";
import { KO } from "./allow-origin-mismatch.ko";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { SUBJECT, subjectParams } from "./words";

/** This cause's words in English, the source; Korean in ./allow-origin-mismatch.ko.ts. */
export const EN = {
  title: "Allowed origin does not match",
  message: `${SUBJECT} allows \`{allowed}\`, but the request came from \`{origin}\`: {difference, select, path {the allowed value has a path or trailing slash; an origin never has one} case {they differ only in letter case, and the comparison is case-sensitive} tainted {a cross-origin redirect made the request's origin opaque, so it was sent as \`Origin: null\`} null {\`null\` only matches opaque origins (sandboxed frames, file: pages, tainted redirects)} noscheme {the allowed value has no scheme: an origin is written \`scheme://host[:port]\`} scheme {the scheme differs ({allowedScheme} vs {originScheme})} port {the port differs} host {the host differs} other {they are different origins}}. The browser compares the two byte for byte.`,
  ruleTitle: "Allowed origin does not match the request's origin",
  ruleDescription:
    "The server allowed an origin other than the one the request came from; the browser compares the two byte for byte (scheme, host, port, case, no trailing slash). Answer with the request's own origin when it is on the allowlist.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const allowOriginMismatch: CauseSpec<"allow-origin-mismatch"> = {
  code: "allow-origin-mismatch",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("AllowOriginMismatch"),
  firefox: always("CORSAllowOriginNotMatchingOrigin"),
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header has a value '${v}' that is not equal to the supplied origin.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
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
