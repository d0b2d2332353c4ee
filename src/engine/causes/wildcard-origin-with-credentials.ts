import { clientFix } from "../fixes";
import { always, type CauseSpec, preflightVariant, WEB_DEV_CORS, XHR_HINT } from "./spec";
import { subjectParams } from "./words";

export const wildcardOriginWithCredentials: CauseSpec<"wildcard-origin-with-credentials"> = {
  code: "wildcard-origin-with-credentials",
  chromium: preflightVariant("WildcardOriginNotAllowed"),
  firefox: always("CORSNotSupportingCredentials"),
  chromiumConsole: (_v, kind) =>
    `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${kind === "XMLHttpRequest" ? XHR_HINT : ""}`,
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.wildcard-origin-with-credentials.title"),
    message: ctx.t("cause.wildcard-origin-with-credentials.message", {
      ...subjectParams(ctx),
      basis: ctx.credentialsBasis,
      origin: ctx.origin,
    }),
  }),
  failingRow: "header",
  fixFocus: always("credentials"),
  clientAlternative: (ctx) =>
    clientFix(
      ctx.t("cause.wildcard-origin-with-credentials.client"),
      `fetch(${JSON.stringify(ctx.exchange.url)}, { credentials: "same-origin" });`,
    ),
};
