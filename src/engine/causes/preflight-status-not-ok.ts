/**
 * The preflight passed the origin check but its status is not 2xx (401/404/405/500, also 304).
 * Emitted by `../rules/check-preflight.ts` (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0: an https://fetch.spec.whatwg.org/#ok-status).
 */
import { statusFocus } from "./fix-focus";
import { always, type CauseSpec, WEB_DEV_CORS } from "./spec";
import { statusNote, subjectParams, yes } from "./words";

export const preflightStatusNotOk: CauseSpec<"preflight-status-not-ok"> = {
  code: "preflight-status-not-ok",
  chromium: always("PreflightInvalidStatus"),
  firefox: always("CORSPreflightDidNotSucceed3"),
  chromiumConsole: () => "It does not have HTTP ok status.",
  chromiumDocs: WEB_DEV_CORS,
  text: (ctx) => ({
    title: ctx.t("cause.preflight-status-not-ok.title", {
      known: yes(ctx.failure.value !== null),
      status: ctx.failure.value ?? "",
    }),
    message:
      ctx.t("cause.preflight-status-not-ok.message", {
        ...subjectParams(ctx),
        status: ctx.failure.value ?? "",
      }) + statusNote(ctx, Number(ctx.failure.value)),
  }),
  failingRow: "preflight-status",
  fixFocus: (ctx) => statusFocus(ctx.failure.hop?.status ?? null, "preflight-route"),
  clientAlternative: always(null),
};
