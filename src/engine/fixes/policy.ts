/**
 * What the server must send for this exact request to pass, whatever the stack: every fix is this
 * policy rendered in one stack's terms, plus notes on where the stack usually goes wrong.
 */

export interface CorsPolicy {
  /** The exact origin to allow (`*` only for requests without credentials). */
  origin: string;
  credentials: boolean;
  /** Methods exactly as the page sends them (case matters). */
  methods: string[];
  /** Request header names to allow, lower-case. */
  headers: string[];
  /** Response headers the page reads, to expose. */
  exposeHeaders: string[];
  /** Seconds to cache the preflight (Chromium caps at 7200). */
  maxAge: number;
}

/** The part of the fix a cause turns on: each renderer adds its stack's note for it. */
export type FixFocus =
  | "allow-origin"
  | "single-origin"
  | "credentials"
  | "methods"
  | "headers"
  | "preflight-before-auth"
  | "preflight-route"
  | "no-preflight-redirect"
  | "error-responses"
  | "null-origin"
  | "expose";

export interface FixRequest {
  policy: CorsPolicy;
  focus: FixFocus;
  /** One sentence on what this fix changes, for the comment at its top. */
  summary: string;
}

/** Comma-joined list, or a fallback when empty. */
export function list(items: readonly string[], fallback = ""): string {
  return items.length > 0 ? items.join(", ") : fallback;
}

export function quoted(items: readonly string[], quote = '"'): string {
  return items.map((i) => `${quote}${i}${quote}`).join(", ");
}
