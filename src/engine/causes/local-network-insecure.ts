/**
 * A non-secure page reaching a more private address. Recognized from the browser's error by
 * `../rules/classify-error.ts` (Chromium `services/network/private_network_access_checker.cc`, Local
 * Network Access).
 */
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";

export const localNetworkInsecure: CauseSpec<"local-network-insecure"> = {
  code: "local-network-insecure",
  chromium: always("InsecureLocalNetwork"),
  firefox: always(null),
  // The address space Chromium names is not visible to an extension: no guess.
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: "Insecure page reaching the local network",
    message: `The page at ${ctx.facts.origin ?? "this origin"} is not a secure context but asked ${hostOf(ctx.exchange.url)}, a more private address; Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.`,
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: () =>
    clientFix(
      "Serve the page from a secure context",
      "Serve the page over https:// (or from http://localhost) so Local Network Access can prompt.",
    ),
};
