/**
 * A credentialed request whose `Access-Control-Allow-Credentials` is not exactly `true`. Emitted by
 * `../rules/check-allow-origin.ts` (https://fetch.spec.whatwg.org/#concept-cors-check: credentials need `Access-Control-Allow-Credentials: true`).
 */
import { short } from "../explain/context";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { credentialsOption, subjectParams, yes } from "./words";

export const allowCredentialsNotTrue: CauseSpec<"allow-credentials-not-true"> = {
  code: "allow-credentials-not-true",
  chromium: preflightVariant("InvalidAllowCredentials"),
  firefox: always("CORSMissingAllowCredentials"),
  chromiumConsole: (v, kind) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${v}' which must be 'true' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.allow-credentials-not-true.title"),
    message:
      ctx.t("cause.allow-credentials-not-true.message", {
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
