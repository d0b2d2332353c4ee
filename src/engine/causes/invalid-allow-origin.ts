/**
 * `Access-Control-Allow-Origin` is not an origin (`localhost`, `host:port`, empty). Emitted by
 * `../rules/check-allow-origin.ts` (Chromium `cors.cc` CheckAccess: not parseable as a URL).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { KO } from "./invalid-allow-origin.ko";
import { always, type CauseSpec, FETCH_HINT, preflightVariant, WEB_DEV_CORS } from "./spec";
import { SUBJECT, subjectParams } from "./words";

/** This cause's words in English, the source; Korean in ./invalid-allow-origin.ko.ts. */
export const EN = {
  title: "Access-Control-Allow-Origin is not an origin",
  message: `${SUBJECT} sent \`Access-Control-Allow-Origin: {value}\`, which is not a valid origin. It must be the exact origin \`{origin}\` (scheme, host and port, no path) or \`*\`.`,
  ruleTitle: "Access-Control-Allow-Origin is not an origin",
  ruleDescription:
    "`Access-Control-Allow-Origin` holds a value that is not a serialized origin (a host without a scheme, a path, a pattern). It must be the exact origin (scheme, host and port, no path) or `*`.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const invalidAllowOrigin: CauseSpec<"invalid-allow-origin"> = {
  code: "invalid-allow-origin",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("InvalidAllowOriginValue"),
  firefox: always("CORSAllowOriginNotMatchingOrigin"),
  chromiumConsole: (v, kind) =>
    `The 'Access-Control-Allow-Origin' header contains the invalid value '${v}'.${kind === "fetch" ? FETCH_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      ...subjectParams(ctx),
      value: short(ctx.failure.value ?? ""),
      origin: ctx.origin,
    }),
  }),
  failingRow: "header",
  fixFocus: (ctx) => (ctx.origin === "null" ? "null-origin" : "allow-origin"),
  clientAlternative: always(null),
};
