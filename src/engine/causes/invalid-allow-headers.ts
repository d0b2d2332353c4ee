/**
 * `Access-Control-Allow-Headers` does not parse as a list of header names. Emitted by
 * `../rules/check-preflight.ts` via `../rules/parse-allow-list.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0:
 * the header list values must parse).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { KO } from "./invalid-allow-headers.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

/** This cause's words in English, the source; Korean in ./invalid-allow-headers.ko.ts. */
export const EN = {
  title: "Access-Control-Allow-Headers cannot be parsed",
  message:
    "The preflight's `Access-Control-Allow-Headers: {list}` contains `{value}`, which is not a header name. List names separated by commas.",
  ruleTitle: "Access-Control-Allow-Headers cannot be parsed",
  ruleDescription:
    "The preflight's `Access-Control-Allow-Headers` contains an item that is not a header name, so the browser rejects the whole list. List header names separated by commas.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const invalidAllowHeaders: CauseSpec<"invalid-allow-headers"> = {
  code: "invalid-allow-headers",
  words,
  emittedBy: ["rules/check-preflight.ts"],
  chromium: always("InvalidAllowHeadersPreflightResponse"),
  firefox: always("CORSInvalidAllowHeader"),
  chromiumConsole: () =>
    "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      list: short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers") ?? ""),
      value: ctx.failure.value ?? "",
    }),
  }),
  failingRow: "header",
  fixFocus: always("headers"),
  clientAlternative: always(null),
};
