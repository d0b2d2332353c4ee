/**
 * A request header the page set is missing from `Access-Control-Allow-Headers`. Emitted by
 * `../rules/check-allowed-headers.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, its header names step).
 */

import { short } from "../explain/context";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { flaskCorsNoHeaderMatched, yes } from "./words";

export const headerNotAllowed: CauseSpec<"header-not-allowed"> = {
  code: "header-not-allowed",
  chromium: always("HeaderDisallowedByPreflightResponse"),
  firefox: always("CORSMissingAllowHeaderFromPreflight2"),
  chromiumConsole: (v) =>
    `Request header field ${v} is not allowed by Access-Control-Allow-Headers in preflight response.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-headers");
    return {
      title: ctx.t("cause.header-not-allowed.title", { header: ctx.failure.value ?? "" }),
      message:
        ctx.t("cause.header-not-allowed.message", {
          header: ctx.failure.value ?? "",
          missing: yes(allowed === null),
          allowed: short(allowed ?? ""),
          starIgnored: yes((allowed?.split(",").some((h) => h.trim() === "*") ?? false) && ctx.credentialed),
        }) + flaskCorsNoHeaderMatched(ctx),
    };
  },
  failingRow: "header",
  fixFocus: always("headers"),
  clientAlternative: always(null),
};
