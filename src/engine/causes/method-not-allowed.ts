/**
 * The request's method is not in `Access-Control-Allow-Methods` (byte for byte: `patch` is not
 * `PATCH`). Emitted by `../rules/check-allowed-method.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, its method step).
 */

import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { combinedHeader } from "../headers";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { fastifyDefaultMethods, yes } from "./words";

export const methodNotAllowed: CauseSpec<"method-not-allowed"> = {
  code: "method-not-allowed",
  chromium: always("MethodDisallowedByPreflightResponse"),
  firefox: always("CORSMethodNotFound"),
  chromiumConsole: (v) => `Method ${v} is not allowed by Access-Control-Allow-Methods in preflight response.`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => {
    const allowed = combinedHeader(ctx.failure.hop?.responseHeaders, "access-control-allow-methods");
    const method = ctx.failure.value ?? ctx.facts.method;
    const caseOnly =
      allowed
        ?.split(",")
        .some((m) => m.trim() !== method && m.trim().toLowerCase() === method.toLowerCase()) ?? false;
    return {
      title: ctx.t("cause.method-not-allowed.title", { method }),
      message:
        ctx.t("cause.method-not-allowed.message", {
          missing: yes(allowed === null),
          allowed: short(allowed ?? ""),
          method,
          caseOnly: yes(caseOnly),
          starIgnored: yes((allowed?.includes("*") ?? false) && ctx.credentialed),
        }) + fastifyDefaultMethods(ctx, allowed, method),
    };
  },
  failingRow: "header",
  fixFocus: always("methods"),
  clientAlternative: (ctx) =>
    ctx.facts.method !== ctx.facts.method.toUpperCase()
      ? clientFix(
          ctx.t("cause.method-not-allowed.client"),
          `fetch(${JSON.stringify(ctx.exchange.url)}, { method: ${JSON.stringify(ctx.facts.method.toUpperCase())} });`,
        )
      : null,
};
