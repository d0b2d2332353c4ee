/**
 * Local Network Access was not granted; no header fixes it. Recognized from the browser's error
 * (`ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS`) by `../rules/classify-error.ts`.
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";

export const localNetworkPermissionDenied: CauseSpec<"local-network-permission-denied"> = {
  code: "local-network-permission-denied",
  chromium: always("LocalNetworkAccessPermissionDenied"),
  firefox: always(null),
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: "Local network access not permitted",
    message: `Chrome blocked the request from ${ctx.facts.origin ?? "this page"} to ${hostOf(ctx.exchange.url)} on the local network because Local Network Access permission was not granted (${ctx.facts.error ?? "denied"}). No response header fixes it.`,
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: () =>
    clientFix(
      "Grant Local Network Access",
      'Allow "Local network access" for this site (click the icon left of the address bar, Site settings).',
    ),
};
