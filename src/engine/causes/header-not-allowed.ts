/**
 * A request header the page set is missing from `Access-Control-Allow-Headers`. Emitted by
 * `../rules/check-allowed-headers.ts` (Fetch Standard, CORS-preflight fetch step 7.7).
 */

import { code, short } from "../explain/context";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

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
      title: `Request header ${ctx.failure.value} not allowed`,
      message: `The request sends the ${code(ctx.failure.value ?? "")} header, but the preflight's ${code("Access-Control-Allow-Headers")} is ${allowed === null ? "missing" : code(short(allowed))}, which does not list it.${allowed?.split(",").some((h) => h.trim() === "*") && ctx.credentialed ? ` ${code("*")} does not count for a request with credentials.` : ""}`,
    };
  },
  failingRow: "header",
  fixFocus: always("headers"),
  clientAlternative: always(null),
};
