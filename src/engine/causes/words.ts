/** What several causes' messages share: the failing response's name, and what its status means. */
import type { Params } from "../../i18n";
import { type CauseContext, hostOf, short } from "../explain/context";

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

/** What a 4xx/5xx on the failing response usually means: a sentence to append, or "". */
export function statusNote(ctx: CauseContext, status: number | null): string {
  if (status === null || Number.isNaN(status) || status < 400) return "";
  const key =
    status === 401 || status === 403
      ? "cause.status-note.auth"
      : status === 404 || status === 405
        ? "cause.status-note.no-route"
        : "cause.status-note.server-error";
  return ` ${ctx.t(key, { status })}`;
}
