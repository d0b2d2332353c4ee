/** What several causes' messages share: the failing response's name, and what its status means. */
import type { Params } from "../../i18n";
import { type CauseContext, hostOf, short } from "../explain/context";
import { combinedHeader, hasHeader } from "../headers";

export const yes = (b: boolean): "yes" | "no" => (b ? "yes" : "no");

/** The placeholders naming the failing response (`stage`, `host`, `hasStatus`, `status`, `method`, `path`). */
export function subjectParams(ctx: CauseContext): Params {
  const { stage, hop } = ctx.failure;
  const status = hop?.status ?? null;
  return {
    stage: stage === "preflight" ? "preflight" : stage === "redirect" ? "redirect" : "response",
    path: short(ctx.exchange.url),
    method: ctx.facts.method,
    host: hostOf(hop?.url ?? ctx.exchange.url),
    hasStatus: yes(status !== null),
    status: status ?? "",
  };
}

/**
 * What a 4xx/5xx on the failing response means, as far as its evidence says: a sentence to
 * append, or "". Authentication is named only with `WWW-Authenticate`; nothing is said where the
 * CORS library's own rejection was recognised (its sentence follows instead); the preflight's
 * words only for a preflight.
 */
export function statusNote(ctx: CauseContext, status: number | null): string {
  if (status === null || Number.isNaN(status) || status < 400 || ctx.rejection) return "";
  const hop = ctx.failure.hop;
  const preflight = yes(ctx.failure.stage === "preflight");
  if (status === 401 || status === 403) {
    const challenged = hasHeader(hop?.responseHeaders, "www-authenticate");
    return ` ${ctx.t(challenged ? "cause.status-note.auth" : "cause.status-note.refused", { status, preflight })}`;
  }
  if (status === 404 || status === 405) {
    const allow = combinedHeader(hop?.responseHeaders, "allow");
    return ` ${ctx.t("cause.status-note.no-route", { status, preflight, hasAllow: yes(allow !== null), allow: short(allow ?? "", 60) })}`;
  }
  return ` ${ctx.t("cause.status-note.server-error", { status, clientError: yes(status < 500) })}`;
}
