/**
 * `Access-Control-Allow-Headers` does not parse as a list of header names. Emitted by
 * `../rules/check-preflight.ts` via `../rules/parse-allow-list.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0:
 * the header list values must parse).
 */

import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

export const invalidAllowHeaders: CauseSpec<"invalid-allow-headers"> = {
  code: "invalid-allow-headers",
  chromium: always("InvalidAllowHeadersPreflightResponse"),
  firefox: always("CORSInvalidAllowHeader"),
  chromiumConsole: () =>
    "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.invalid-allow-headers.title"),
    message: ctx.t("cause.invalid-allow-headers.message", {
      list: short(combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers") ?? ""),
      value: ctx.failure.value ?? "",
    }),
  }),
  failingRow: "header",
  fixFocus: always("headers"),
  clientAlternative: always(null),
};
