/**
 * A non-secure page reaching a more private address. Recognized from the browser's error by
 * `../rules/classify-error.ts` (Chromium `services/network/private_network_access_checker.cc`, Local
 * Network Access).
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";
import { yes } from "./words";

export const localNetworkInsecure: CauseSpec<"local-network-insecure"> = {
  code: "local-network-insecure",
  chromium: always("InsecureLocalNetwork"),
  firefox: always(null),
  // The address space Chromium names is not visible to an extension: no guess.
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: ctx.t("cause.local-network-insecure.title"),
    message: ctx.t("cause.local-network-insecure.message", {
      known: yes(ctx.facts.origin !== null),
      pageOrigin: ctx.facts.origin ?? "",
      host: hostOf(ctx.exchange.url),
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) =>
    clientFix(ctx.t("cause.local-network-insecure.client"), ctx.t("cause.local-network-insecure.client-how")),
};
