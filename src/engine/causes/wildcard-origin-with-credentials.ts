/**
 * `Access-Control-Allow-Origin: *` on a request with credentials. Emitted by
 * `../rules/check-allow-origin.ts` (Fetch Standard, CORS check step 3: `*` only when the credentials
 * mode is not "include").
 */
import { code } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { credentialed, subject } from "./words";

export const wildcardOriginWithCredentials: CauseSpec<"wildcard-origin-with-credentials"> = {
  code: "wildcard-origin-with-credentials",
  chromium: preflightVariant("WildcardOriginNotAllowed"),
  firefox: always("CORSNotSupportingCredentials"),
  chromiumConsole: (_v, kind) =>
    `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: "Wildcard origin with credentials",
    message: `${subject(ctx)} answered ${code("Access-Control-Allow-Origin: *")}, but ${credentialed(ctx)}. With credentials the browser requires the exact origin ${code(ctx.origin)} and ${code("Access-Control-Allow-Credentials: true")}.`,
  }),
  failingRow: "header",
  fixFocus: always("credentials"),
  clientAlternative: (ctx) =>
    clientFix(
      "Or, if this request needs no cookies",
      `fetch(${JSON.stringify(ctx.exchange.url)}, { credentials: "same-origin" });`,
    ),
};
