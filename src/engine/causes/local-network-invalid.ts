/**
 * The address space differs from the declared one. Emitted by the request-stage check in
 * `../diagnose.ts`, from the browser's error (`ERR_INCONSISTENT_IP_ADDRESS_SPACE`) as
 * `../rules/classify-error.ts` reads it.
 */

import { roomTranslator } from "../../i18n";
import { hostOf } from "../explain/context";
import { clientFix } from "../fixes";
import { KO } from "./local-network-invalid.ko";
import { always, type CauseSpec } from "./spec";

/** This cause's words in English, the source; Korean in ./local-network-invalid.ko.ts. */
export const EN = {
  title: "Local network address space mismatch",
  message:
    "The request to {host} declared one address space but the server resolved to another ({error}). No response header fixes it.",
  client: "Match the declared address space",
  clientHow:
    "Remove or correct the targetAddressSpace option, or make the host resolve to the address space the page expects.",
  ruleTitle: "Local network address space mismatch",
  ruleDescription:
    "The request declared one address space but the server resolved to another; Chrome's Local Network Access blocks it. No response header fixes it.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const localNetworkInvalid: CauseSpec<"local-network-invalid"> = {
  code: "local-network-invalid",
  words,
  emittedBy: ["diagnose.ts"],
  chromium: always("InvalidLocalNetworkAccess"),
  firefox: always(null),
  chromiumConsole: always(null),
  // devtools-frontend's CorsIssue.ts has no description (so no link) for it.
  chromiumDocs: null,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title"),
    message: words(ctx.t.lang)("message", {
      host: hostOf(ctx.exchange.url),
      error: ctx.facts.error ?? "Local Network Access",
    }),
  }),
  failingRow: null,
  fixFocus: always(null),
  clientAlternative: (ctx) => clientFix(words(ctx.t.lang)("client"), words(ctx.t.lang)("clientHow")),
};
