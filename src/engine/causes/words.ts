/** Phrases several causes' messages share (what failed, why a status matters). */
import { type CauseContext, hostOf, short } from "../explain/context";

/** What a 4xx/5xx on the failing response usually means. */
export function statusNote(status: number | null): string {
  if (status === null || status < 400) return "";
  if (status === 401 || status === 403) {
    return ` The ${status} means an authentication or CSRF layer answered first; browsers never send cookies or Authorization with a preflight.`;
  }
  if (status === 404 || status === 405) return ` The ${status} means no route answers OPTIONS at this URL.`;
  return ` The ${status} is the server's own error; its error path adds no CORS headers.`;
}

export function credentialed(ctx: CauseContext): string {
  return `this request was sent with credentials (${ctx.credentialsBasis})`;
}

export function preflightOf(ctx: CauseContext): string {
  return `The preflight (OPTIONS ${short(ctx.exchange.url)}) for this ${ctx.facts.method} request`;
}

/** "The preflight …", "The redirect response from h (status s)" or "The response from h (status s)". */
export function subject(ctx: CauseContext): string {
  const { stage, hop } = ctx.failure;
  if (stage === "preflight") return preflightOf(ctx);
  const status = hop?.status ?? null;
  const what = stage === "redirect" ? "The redirect response" : "The response";
  return `${what} from ${hostOf(hop?.url ?? ctx.exchange.url)}${status !== null ? ` (status ${status})` : ""}`;
}
