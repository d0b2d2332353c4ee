/**
 * Local Network Access was not granted; no header fixes it. Recognized from the browser's error
 * (`ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS`) by `../rules/classify-error.ts`.
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";
import { yes } from "./words";

export const localNetworkPermissionDenied: CauseSpec<"local-network-permission-denied"> = {
  code: "local-network-permission-denied",
  chromium: always("LocalNetworkAccessPermissionDenied"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: ctx.t("cause.local-network-permission-denied.title"),
    message: ctx.t("cause.local-network-permission-denied.message", {
      known: yes(ctx.facts.origin !== null),
      pageOrigin: ctx.facts.origin ?? "",
      host: hostOf(ctx.exchange.url),
      hasError: yes(ctx.facts.error !== null),
      error: ctx.facts.error ?? "",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(
      ctx.t("cause.local-network-permission-denied.client"),
      ctx.t("cause.local-network-permission-denied.client-how"),
    ),
};
