/**
 * The address space differs from the declared one. Recognized from the browser's error
 * (`ERR_INCONSISTENT_IP_ADDRESS_SPACE`) by `../rules/classify-error.ts`.
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec } from "./spec";

export const localNetworkInvalid: CauseSpec<"local-network-invalid"> = {
  code: "local-network-invalid",
  chromium: always("InvalidLocalNetworkAccess"),
  firefox: always(null),
  chromiumConsole: always(null),
  // devtools-frontend's CorsIssue.ts has no description (so no link) for it.
  chromiumDocs: null,
  text: (ctx) => ({
    title: ctx.t("cause.local-network-invalid.title"),
    message: ctx.t("cause.local-network-invalid.message", {
      host: hostOf(ctx.exchange.url),
      error: ctx.facts.error ?? "Local Network Access",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(ctx.t("cause.local-network-invalid.client"), ctx.t("cause.local-network-invalid.client-how")),
};
