/**
 * A credentialed request whose `Access-Control-Allow-Credentials` is not exactly `true`. Emitted by
 * `../rules/check-allow-origin.ts` (Fetch Standard, CORS check step 6).
 */
import { code, short } from "../explain/context";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { credentialed, subject } from "./words";

export const allowCredentialsNotTrue: CauseSpec<"allow-credentials-not-true"> = {
  code: "allow-credentials-not-true",
  chromium: preflightVariant("InvalidAllowCredentials"),
  firefox: always("CORSMissingAllowCredentials"),
  chromiumConsole: (v, kind) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${v}' which must be 'true' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: "Access-Control-Allow-Credentials is not true",
    message: `${subject(ctx)} allowed ${code(ctx.origin)}, but ${credentialed(ctx)} and ${code("Access-Control-Allow-Credentials")} is ${ctx.failure.value === null ? "missing" : code(short(ctx.failure.value))}; it must be exactly ${code("true")}.`,
  }),
  failingRow: "header",
  fixFocus: always("credentials"),
  clientAlternative: always(null),
};
