/**
 * What the server must send for the page's requests to this API to pass, whatever the stack:
 * every fix is this policy rendered in one stack's terms, plus notes on where the stack usually
 * goes wrong. The policy is the page's (every request it made of the API, and everything the
 * server already allowed), never only the request in view: a fix only adds.
 */
import type { Translate } from "../../i18n";

export interface CorsPolicy {
  /** The exact origins to allow; `["*"]` (any origin) only when no request carries credentials. */
  origins: string[];
  credentials: boolean;
  /** Methods exactly as the page sends them (case matters), plus those already allowed. */
  methods: string[];
  /**
   * Every method the page sent, the CORS-safelisted GET, HEAD and POST included: `methods` leaves
   * those out (a CORS answer never needs to list them), but an S3 rule matches a request only when
   * its method is in AllowedMethods, POST included.
   */
  pageMethods: string[];
  /** Request header names to allow, lower-case, plus those already allowed. */
  headers: string[];
  /** Response headers to expose to scripts (those the server already exposes). */
  exposeHeaders: string[];
  /** Seconds to cache the preflight (Chromium caps at 7200). */
  maxAge: number;
  /** The server allowed any request header (mirrored or `*`): the fix keeps that instead of listing `headers`. */
  anyHeaders: boolean;
  /** The server allowed every method: the fix keeps that instead of listing `methods`. */
  anyMethods: boolean;
}

/**
 * What the server's current set-up lacks for the page's requests: the change a fix makes to it.
 * Only additions; everything else the set-up says stays as it is.
 */
export interface PolicyDelta {
  /** A CORS set-up answered at all (some response carried Access-Control-Allow-Origin). */
  configured: boolean;
  origins: string[];
  methods: string[];
  headers: string[];
  /** The server answered `*` where the credentialed requests need their exact origin. */
  starToOrigins: boolean;
  /** Credentials must be allowed and are not. */
  credentials: boolean;
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
  /** The CORS middleware is registered after the route that answered: it must come before the routes. */
  | "before-routes"
  | "null-origin"
  | "expose";

export interface FixRequest {
  policy: CorsPolicy;
  /** What to add to the set-up the server has. */
  delta: PolicyDelta;
  focus: FixFocus;
  /** One sentence on what this fix changes, for the comment at its top. */
  summary: string;
  /** What the server already allowed and the fix keeps, in words; null when nothing was seen. */
  keeps: string | null;
  /** `keeps` for a set-up that can only list request headers: the names seen, never "any". */
  keepsListed: string | null;
  /** What the fix adds to what the server allowed, in words; null when nothing was seen. */
  adds: string | null;
  /** The language of the snippet's comments. */
  t: Translate;
  /** The failing answer carried `WWW-Authenticate`: an authentication layer answered it. */
  challenged?: boolean;
}

/** Comma-joined list, or a fallback when empty. */
export function list(items: readonly string[], fallback = ""): string {
  return items.length > 0 ? items.join(", ") : fallback;
}

export function quoted(items: readonly string[], quote = '"'): string {
  return items.map((i) => `${quote}${i}${quote}`).join(", ");
}

/**
 * A comment of one or more lines ("\n" between them): a stack's own words, formatted in the
 * request's language by its room, each line behind the stack's comment mark.
 */
export function comment(mark: string, words: string): string[] {
  return words.split("\n").map((line) => `${mark} ${line}`);
}

/** The snippet's opening comment: what it changes, what it keeps, what it adds. */
export function heading(request: FixRequest, mark: string, listsHeaders = false): string[] {
  const lines = [`${mark} ${request.summary}`];
  // A library with no "any header" (no `*`, no echo) narrows a server that answered back any: said.
  const narrows = listsHeaders && request.policy.anyHeaders;
  const keeps = narrows ? request.keepsListed : request.keeps;
  if (keeps) lines.push(`${mark} ${request.t("fix.heading.keeps", { keeps })}`);
  if (narrows)
    lines.push(`${mark} ${request.t("fix.heading.lists-headers", { list: list(request.policy.headers) })}`);
  if (request.adds) lines.push(`${mark} ${request.t("fix.heading.adds", { adds: request.adds })}`);
  return lines;
}

export function anyOrigin(policy: CorsPolicy): boolean {
  return policy.origins.includes("*");
}

/** Methods a preflight answer must list: the policy's, else the usual pair. */
export function methodsOr(policy: CorsPolicy, fallback: readonly string[] = ["GET", "POST"]): string[] {
  return policy.methods.length > 0 ? policy.methods : [...fallback];
}

/** Methods a header-writing set-up lists: every standard one where the server allowed all, else the policy's (or GET, POST). */
export function allMethodsOr(policy: CorsPolicy): string[] {
  return policy.anyMethods ? [...new Set([...STANDARD_METHODS, ...policy.methods])] : methodsOr(policy);
}

/** An anchored regular expression matching exactly the allowed origins (dots escaped). */
export function originPattern(origins: readonly string[]): string {
  const escaped = origins.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return `^(${escaped.join("|")})$`;
}

/** The methods a fetch() can send that a "allow every method" set-up must cover. */
export const STANDARD_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * The methods a library's option must list, given what the library allows where the option is
 * absent: null when the default already covers every method the page and the server need (the
 * option is then left out, keeping the default's breadth), else the default plus those.
 */
export function methodOption(policy: CorsPolicy, defaults: readonly string[]): string[] | null {
  const needed = policy.anyMethods ? [...STANDARD_METHODS, ...policy.methods] : policy.methods;
  if (needed.every((m) => defaults.includes(m))) return null;
  return [...new Set([...defaults, ...needed])];
}
