/**
 * `Access-Control-Allow-Methods` does not parse as a list of method tokens. Emitted by
 * `../rules/check-preflight.ts` via `../rules/parse-allow-list.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0:
 * https://fetch.spec.whatwg.org/#extract-header-list-values fails).
 */

import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

export const invalidAllowMethods: CauseSpec<"invalid-allow-methods"> = {
  code: "invalid-allow-methods",
  chromium: always("InvalidAllowMethodsPreflightResponse"),
  firefox: always("CORSInvalidAllowMethod"),
  chromiumConsole: () =>
    "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.invalid-allow-methods.title"),
    message: ctx.t("cause.invalid-allow-methods.message", {
      list: short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods") ?? ""),
      value: ctx.failure.value ?? "",
      method: ctx.facts.method,
    }),
  }),
  failingRow: "header",
  fixFocus: always("methods"),
  clientAlternative: always(null),
};
