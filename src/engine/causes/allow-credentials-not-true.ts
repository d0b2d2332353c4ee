/**
 * A credentialed request whose `Access-Control-Allow-Credentials` is not exactly `true`. Emitted by
 * `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check: credentials need `Access-Control-Allow-Credentials: true`).
 */

import { roomTranslator } from "../../i18n";
import { short } from "../explain/context";
import { KO } from "./allow-credentials-not-true.ko";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { credentialsOption, SUBJECT, subjectParams, yes } from "./words";

/** This cause's words in English, the source; Korean in ./allow-credentials-not-true.ko.ts. */
export const EN = {
  title: "Access-Control-Allow-Credentials is not true",
  message: `${SUBJECT} allowed \`{origin}\`, but this request was sent with credentials ({basis}) and \`Access-Control-Allow-Credentials\` is {missing, select, yes {missing} other {\`{value}\`}}; it must be exactly \`true\`.`,
  ruleTitle: "Access-Control-Allow-Credentials is not true",
  ruleDescription:
    "The request was sent with credentials and the server allowed its origin, but `Access-Control-Allow-Credentials` is missing or not exactly `true`.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const allowCredentialsNotTrue: CauseSpec<"allow-credentials-not-true"> = {
  code: "allow-credentials-not-true",
  words,
  emittedBy: ["rules/check-allow-origin.ts"],
  chromium: preflightVariant("InvalidAllowCredentials"),
  firefox: always("CORSMissingAllowCredentials"),
  chromiumConsole: (v, kind) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${v}' which must be 'true' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message:
      words(ctx.t.lang)("message", {
        ...subjectParams(ctx),
        origin: ctx.origin,
        basis: ctx.credentialsBasis,
        missing: yes(ctx.failure.value === null),
        value: short(ctx.failure.value ?? ""),
      }) + credentialsOption(ctx),
  }),
  failingRow: "header",
  fixFocus: always("credentials"),
  clientAlternative: always(null),
};
