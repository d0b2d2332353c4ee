/**
 * `Access-Control-Allow-Origin: *` on a request with credentials. Emitted by
 * `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#cors-check: with credentials
 * included, `*` does not pass; the origin must match exactly).
 */
import { roomTranslator } from "../../i18n";
import { clientFix } from "../fixes";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { KO } from "./wildcard-origin-with-credentials.ko";
import { SUBJECT, subjectParams } from "./words";

/** This cause's words in English, the source; Korean in ./wildcard-origin-with-credentials.ko.ts. */
export const EN = {
  title: "Wildcard origin with credentials",
  message: `${SUBJECT} answered \`Access-Control-Allow-Origin: *\`, but this request was sent with credentials ({basis}). With credentials the browser requires the exact origin \`{origin}\` and \`Access-Control-Allow-Credentials: true\`.`,
  client: "Or, if this request needs no cookies",
  ruleTitle: "Wildcard origin for a request with credentials",
  ruleDescription:
    "The server answered `Access-Control-Allow-Origin: *` to a request sent with credentials (cookies, HTTP authentication). With credentials the browser requires the exact origin and `Access-Control-Allow-Credentials: true`.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const wildcardOriginWithCredentials: CauseSpec<"wildcard-origin-with-credentials"> = {
  code: "wildcard-origin-with-credentials",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("WildcardOriginNotAllowed"),
  firefox: always("CORSNotSupportingCredentials"),
  chromiumConsole: (_v, kind) =>
    `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      ...subjectParams(ctx),
      basis: ctx.credentialsBasis,
      origin: ctx.origin,
    }),
  }),
  failingRow: "header",
  fixFocus: always("credentials"),
  clientAlternative: (ctx) =>
    clientFix(
      words(ctx.t.lang)("client"),
      `fetch(${JSON.stringify(ctx.exchange.url)}, { credentials: "same-origin" });`,
    ),
};
