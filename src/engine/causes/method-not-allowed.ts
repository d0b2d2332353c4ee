/**
 * The request's method is not in `Access-Control-Allow-Methods` (byte for byte: `patch` is not
 * `PATCH`). Emitted by `../rules/check-preflight.ts`, which asks `../rules/check-allowed-method.ts`
 * whether the method is allowed (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, its method step).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { clientFix } from "../fixes";
import { combinedHeader } from "../headers";
import { KO } from "./method-not-allowed.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { fastifyDefaultMethods, STAR_IGNORED, yes } from "./words";

/** This cause's words in English, the source; Korean in ./method-not-allowed.ko.ts. */
export const EN = {
  title: "Method {method} not allowed by the preflight",
  message: `The preflight allowed {missing, select, yes {no extra method (no Access-Control-Allow-Methods)} other {\`{allowed}\`}}, which does not include \`{method}\`.{caseOnly, select, yes { Methods are compared byte for byte: the page sent \`{method}\` exactly as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).} other {}}${STAR_IGNORED}`,
  client: "Or send the method in upper case",
  ruleTitle: "Method not allowed by the preflight",
  ruleDescription:
    "The request's method is not in the preflight's `Access-Control-Allow-Methods` (methods are compared byte for byte; `*` does not count with credentials). Add the method to the list the server answers.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const methodNotAllowed: CauseSpec<"method-not-allowed"> = {
  code: "method-not-allowed",
  words,
  emittedBy: ["rules/check-preflight.ts"],
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
      title: words(ctx.t.lang)("title", { method }),
      message:
        words(ctx.t.lang)("message", {
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
          words(ctx.t.lang)("client"),
          `fetch(${JSON.stringify(ctx.exchange.url)}, { method: ${JSON.stringify(ctx.facts.method.toUpperCase())} });`,
        )
      : null,
};
