/**
 * Local Network Access was not granted; no header fixes it. Emitted by the request-stage check in
 * `../diagnose.ts`, from the browser's error (`ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS`) as
 * `../rules/classify-error.ts` reads it.
 */

import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./local-network-permission-denied.ko";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";
import { yes } from "./words";

/** This cause's words in English, the source; Korean in ./local-network-permission-denied.ko.ts. */
export const EN = {
  title: "Local network access not permitted",
  message:
    "Chrome blocked the request from {known, select, yes {{pageOrigin}} other {this page}} to {host} on the local network because Local Network Access permission was not granted ({hasError, select, yes {{error}} other {denied}}). No response header fixes it.",
  client: "Grant Local Network Access",
  clientHow:
    'Allow "Local network access" for this site (click the icon left of the address bar, Site settings).',
  ruleTitle: "Local network access not permitted",
  ruleDescription:
    "Chrome blocked a request to the local network because the Local Network Access permission was not granted to the page. No response header fixes it.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const localNetworkPermissionDenied: CauseSpec<"local-network-permission-denied"> = {
  code: "local-network-permission-denied",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("LocalNetworkAccessPermissionDenied"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      known: yes(ctx.facts.origin !== null),
      pageOrigin: ctx.facts.origin ?? "",
      host: hostOf(ctx.exchange.url),
      hasError: yes(ctx.facts.error !== null),
      error: ctx.facts.error ?? "",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) => clientFix(words(ctx.t.lang)("client"), words(ctx.t.lang)("clientHow")),
};
