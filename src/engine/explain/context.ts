import type { Translate } from "../../i18n";
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
  /** The words, in the language asked for. */
  t: Translate;
}

export { hostOf } from "../origin";

/** Inline code for messages: values are shown as text by the UI, never as HTML. */
export function code(value: string): string {
  return `\`${value}\``;
}

// `short` lives in a leaf module (src/engine/text.ts) so that server-stack.ts can use it without
// importing the explanation's context, which imports server-stack's types (a cycle before).
export { short } from "../text";

/** What differs between an allowed origin and the request's: the `difference` select of the message. */
export function originDifference(
  allowed: string,
  origin: string,
): { difference: string; allowedScheme?: string; originScheme?: string } {
  if (allowed === `${origin}/` || allowed.startsWith(`${origin}/`)) return { difference: "path" };
  if (allowed.toLowerCase() === origin.toLowerCase()) return { difference: "case" };
  if (origin === "null") return { difference: "tainted" };
  if (allowed === "null") return { difference: "null" };
  // `localhost:5173` parses as a URL of scheme "localhost": a value without `scheme://` has none.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(allowed)) return { difference: "noscheme" };
  try {
    const a = new URL(allowed);
    const b = new URL(origin);
    if (a.protocol !== b.protocol)
      return {
        difference: "scheme",
        allowedScheme: a.protocol.slice(0, -1),
        originScheme: b.protocol.slice(0, -1),
      };
    if (a.host !== b.host && a.hostname === b.hostname) return { difference: "port" };
    if (a.hostname !== b.hostname) return { difference: "host" };
  } catch {
    // not URL-like: covered by the invalid-value explanation
  }
  return { difference: "different" };
}
