/**
 * The preflight passed the origin check but its status is not 2xx (401/404/405/500, also 304).
 * Emitted by `../rules/check-preflight.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0: an https://fetch.spec.whatwg.org/#ok-status).
 */

import { roomTranslator } from "../../i18n";
import { KO } from "./preflight-status-not-ok.ko";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { PREFLIGHT, statusFocus, statusNote, subjectParams, yes } from "./words";

/** This cause's words in English, the source; Korean in ./preflight-status-not-ok.ko.ts. */
export const EN = {
  title: "{known, select, yes {Preflight answered {status}} other {Preflight answered a non-2xx status}}",
  message: `${PREFLIGHT} passed the origin check but was answered with status {status}; a preflight needs a 2xx status (204 is usual).`,
  ruleTitle: "Preflight answered with a non-2xx status",
  ruleDescription:
    "The preflight (OPTIONS) request was answered with a status outside 200–299 (often an authentication layer, a missing OPTIONS route or a server error), so the browser never sent the request. Answer OPTIONS with 204 and the CORS headers before authentication.",
} as const;

const words = roomTranslator({ en: EN, ko: KO });

export const preflightStatusNotOk: CauseSpec<"preflight-status-not-ok"> = {
  code: "preflight-status-not-ok",
  words,
  emittedBy: ["rules/check-preflight.ts"],
  chromium: always("PreflightInvalidStatus"),
  firefox: always("CORSPreflightDidNotSucceed3"),
  chromiumConsole: () => "It does not have HTTP ok status.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: words(ctx.t.lang)("title", {
      known: yes(ctx.failure.value !== null),
      status: ctx.failure.value ?? "",
    }),
    message:
      words(ctx.t.lang)("message", {
        ...subjectParams(ctx),
        status: ctx.failure.value ?? "",
      }) + statusNote(ctx, Number(ctx.failure.value)),
  }),
  failingRow: "preflight-status",
  fixFocus: (ctx) => statusFocus(ctx.failure.hop?.status ?? null, "preflight-route"),
  clientAlternative: always(null),
};
