/**
 * No response at all (refused, DNS, TLS): Firefox calls it a CORS failure, it is not one. Recognized
 * from the browser's error by `../rules/classify-error.ts`.
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";
import { yes } from "./words";

export const networkError: CauseSpec<"network-error"> = {
  code: "network-error",
  // Chromium reports the net error (net::ERR_CONNECTION_REFUSED …), no CorsError.
  chromium: always(null),
  firefox: always("CORSDidNotSucceed2"),
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: ctx.t("cause.network-error.title"),
    message: ctx.t("cause.network-error.message", {
      stage: ctx.failure.stage === "preflight" ? "preflight" : "request",
      host: hostOf(ctx.exchange.url),
      hasError: yes(ctx.failure.value !== null),
      error: ctx.failure.value ?? "",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(ctx.t("cause.network-error.client"), `curl -v ${JSON.stringify(ctx.exchange.url)}`),
};
