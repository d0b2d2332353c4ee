/**
 * No response at all (refused, DNS, TLS): Firefox calls it a CORS failure, it is not one. Recognized
 * from the browser's error by `../rules/classify-error.ts`.
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const networkError: CauseSpec<"network-error"> = {
  code: "network-error",
  // Chromium reports the net error (net::ERR_CONNECTION_REFUSED …), no CorsError.
  chromium: always(null),
  firefox: always("CORSDidNotSucceed2"),
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: "No response (network error)",
    message: `${ctx.failure.stage === "preflight" ? "The preflight" : "The request"} to ${hostOf(ctx.exchange.url)} got no response (${ctx.failure.value ?? "network error"}): the connection failed before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault.`,
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix("Check that the server answers at all", `curl -v ${JSON.stringify(ctx.exchange.url)}`),
};
