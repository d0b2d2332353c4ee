/**
 * `Access-Control-Allow-Methods` does not parse as a list of method tokens. Emitted by
 * `../rules/check-preflight.ts` via `../rules/parse-allow-list.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0:
 * https://fetch.spec.whatwg.org/#extract-header-list-values fails).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { KO } from "./invalid-allow-methods.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

/** This cause's words in English, the source; Korean in ./invalid-allow-methods.ko.ts. */
export const EN = {
  title: "Access-Control-Allow-Methods cannot be parsed",
  message:
    "The preflight's `Access-Control-Allow-Methods: {list}` contains `{value}`, which is not a method token. List methods separated by commas: `{method}, GET, POST`.",
  ruleTitle: "Access-Control-Allow-Methods cannot be parsed",
  ruleDescription:
    "The preflight's `Access-Control-Allow-Methods` contains an item that is not a method token, so the browser rejects the whole list. List methods separated by commas.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const invalidAllowMethods: CauseSpec<"invalid-allow-methods"> = {
  code: "invalid-allow-methods",
  words,
  emittedBy: ["rules/check-preflight.ts"],
  chromium: always("InvalidAllowMethodsPreflightResponse"),
  firefox: always("CORSInvalidAllowMethod"),
  chromiumConsole: () =>
    "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      list: short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods") ?? ""),
      value: ctx.failure.value ?? "",
      method: ctx.facts.method,
    }),
  }),
  failingRow: "header",
  fixFocus: always("methods"),
  clientAlternative: always(null),
};
