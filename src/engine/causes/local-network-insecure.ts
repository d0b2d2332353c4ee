/**
 * A non-secure page reaching a more private address. Emitted by the request-stage check in
 * `../diagnose.ts`, from the browser's error as `../rules/classify-error.ts` reads it (Chromium
 * `services/network/private_network_access_checker.cc`, Local Network Access).
 */

import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./local-network-insecure.ko";
import { always, type CauseSpec, LOCAL_NETWORK } from "./spec";
import { yes } from "./words";

/** This cause's words in English, the source; Korean in ./local-network-insecure.ko.ts. */
export const EN = {
  title: "Insecure page reaching the local network",
  message:
    "The page at {known, select, yes {{pageOrigin}} other {this origin}} is not a secure context but asked {host}, a more private address; Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.",
  client: "Serve the page from a secure context",
  clientHow: "Serve the page over https:// (or from http://localhost) so Local Network Access can prompt.",
  ruleTitle: "Insecure page reaching the local network",
  ruleDescription:
    "A page that is not a secure context asked a more private address (local network, loopback); Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const localNetworkInsecure: CauseSpec<"local-network-insecure"> = {
  code: "local-network-insecure",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("InsecureLocalNetwork"),
  firefox: always(null),
  // The address space Chromium names is not visible to an extension: no guess.
  chromiumConsole: always(null),
  chromiumDocs: LOCAL_NETWORK,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      known: yes(ctx.facts.origin !== null),
      pageOrigin: ctx.facts.origin ?? "",
      host: hostOf(ctx.exchange.url),
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) => clientFix(words(ctx.t.lang)("client"), words(ctx.t.lang)("clientHow")),
};
