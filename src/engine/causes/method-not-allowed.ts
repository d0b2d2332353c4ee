/**
 * The request's method is not in `Access-Control-Allow-Methods` (byte for byte: `patch` is not
 * `PATCH`). Emitted by `../rules/check-allowed-method.ts` (Fetch Standard, CORS-preflight fetch step 7.5).
 */

import { code, short } from "../explain/context";
import { clientFix } from "../fixes";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";

export const methodNotAllowed: CauseSpec<"method-not-allowed"> = {
  code: "method-not-allowed",
  chromium: always("MethodDisallowedByPreflightResponse"),
  firefox: always("CORSMethodNotFound"),
  chromiumConsole: (v) => `Method ${v} is not allowed by Access-Control-Allow-Methods in preflight response.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods");
    const method = ctx.failure.value ?? ctx.facts.method;
    const caseOnly = allowed
      ?.split(",")
      .some((m) => m.trim() !== method && m.trim().toLowerCase() === method.toLowerCase());
    return {
      title: `Method ${method} not allowed by the preflight`,
      message: `The preflight allowed ${allowed === null ? "no extra method (no Access-Control-Allow-Methods)" : code(short(allowed))}, which does not include ${code(method)}.${caseOnly ? ` Methods are compared byte for byte: the page sent ${code(method)} exactly as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).` : ""}${allowed?.includes("*") && ctx.credentialed ? ` ${code("*")} does not count for a request with credentials.` : ""}`,
    };
  },
  failingRow: "header",
  fixFocus: always("methods"),
  clientAlternative: (ctx) =>
    ctx.facts.method !== ctx.facts.method.toUpperCase()
      ? clientFix(
          "Or send the method in upper case",
          `fetch(${JSON.stringify(ctx.exchange.url)}, { method: ${JSON.stringify(ctx.facts.method.toUpperCase())} });`,
        )
      : null,
};
