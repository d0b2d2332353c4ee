import type { ApiProfile } from "../api-profile";
import type { RequestFacts } from "../facts";
import type { CheckFailure } from "../rules/failure";
import type { MiddlewareRejection, ServerGuess } from "../server-stack";
import type { ObservedExchange } from "../types";

/** Everything an explanation or a fix of a cause may name. */
export interface CauseContext {
  failure: CheckFailure;
  exchange: ObservedExchange;
  facts: RequestFacts;
  /** The origin the failing check compared with ("null" after a tainting redirect). */
  origin: string;
  credentialed: boolean;
  /** Why CORS Lens thinks credentials were (not) sent, in words. */
  credentialsBasis: string;
  /** Everything the page asked of this API and the server allowed, when the caller knows it. */
  api?: ApiProfile | null;
  server?: ServerGuess | null;
  /** A CORS middleware's own "no", recognised in the evidence. */
  rejection?: MiddlewareRejection | null;
}

export { hostOf } from "../origin";

/** Inline code for messages: values are shown as text by the UI, never as HTML. */
export function code(value: string): string {
  return `\`${value}\``;
}

/** A value cut to a readable length for a sentence; the evidence table shows it whole. */
export function short(value: string, max = 120): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What differs between an allowed origin and the request's, in words. */
export function originDifference(allowed: string, origin: string): string {
  if (allowed === `${origin}/` || allowed.startsWith(`${origin}/`))
    return "the allowed value has a path or trailing slash; an origin never has one";
  if (allowed.toLowerCase() === origin.toLowerCase())
    return "they differ only in letter case, and the comparison is case-sensitive";
  if (origin === "null")
    return "a cross-origin redirect made the request's origin opaque, so it was sent as `Origin: null`";
  if (allowed === "null")
    return "`null` only matches opaque origins (sandboxed frames, file: pages, tainted redirects)";
  try {
    const a = new URL(allowed);
    const b = new URL(origin);
    if (a.protocol !== b.protocol)
      return `the scheme differs (${a.protocol.slice(0, -1)} vs ${b.protocol.slice(0, -1)})`;
    if (a.host !== b.host && a.hostname === b.hostname) return "the port differs";
    if (a.hostname !== b.hostname) return "the host differs";
  } catch {
    // not URL-like: covered by the invalid-value explanation
  }
  return "they are different origins";
}
