/**
 * No response at all (refused, DNS, TLS): Firefox calls it a CORS failure, it is not one. Emitted by
 * `../evaluate.ts` (the request or a redirect got no response) and `../rules/check-preflight.ts`
 * (the preflight got none), where `../rules/classify-error.ts` read the browser's error as a
 * network failure (https://fetch.spec.whatwg.org/#concept-network-error).
 */

import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./network-error.ko";
import { always, type CauseSpec } from "./spec";
import { yes } from "./words";

/** This cause's words in English, the source; Korean in ./network-error.ko.ts. */
export const EN = {
  title: "No response (network error)",
  message:
    '{stage, select, preflight {The preflight} other {The request}} to {host} got no response ({hasError, select, yes {{error}} other {network error}}): the connection failed before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault.',
  client: "Check that the server answers at all",
  ruleTitle: "No response (network error)",
  ruleDescription:
    'The request got no response at all (connection refused, DNS, TLS, reset) before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault: check that the server answers.',
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const networkError: CauseSpec<"network-error"> = {
  code: "network-error",
  words,
  emittedBy: ["evaluate.ts", "rules/check-preflight.ts"],
  // Chromium reports the net error (net::ERR_CONNECTION_REFUSED …), no CorsError.
  chromium: always(null),
  firefox: always("CORSDidNotSucceed2"),
  chromiumConsole: always(null),
  chromiumDocs: null,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      stage: ctx.failure.stage === "preflight" ? "preflight" : "request",
      host: hostOf(ctx.exchange.url),
      hasError: yes(ctx.failure.value !== null),
      error: ctx.failure.value ?? "",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(words(ctx.t.lang)("client"), `curl -v ${JSON.stringify(ctx.exchange.url)}`),
};
