/**
 * The fixes for a cause: the policy the server must implement for this request, with the stack
 * notes the cause's room (`../causes/<code>.ts`) calls for, plus its page-side alternative.
 */
import { CAUSES } from "../causes";
import { type FixFocus, serverFixes } from "../fixes";
import type { CorsPolicy } from "../fixes/policy";
import { isSafelistedMethod } from "../safelist";
import type { Fix } from "../types";
import type { CauseContext } from "./context";

/** Chromium caps Access-Control-Max-Age at 7200 s; asking for more buys nothing. */
const MAX_AGE = 7200;

export function policyFor(ctx: CauseContext): CorsPolicy {
  const opaque = ctx.origin === "null";
  return {
    origin: opaque ? (ctx.credentialed ? "null" : "*") : ctx.origin,
    credentials: ctx.credentialed,
    methods:
      isSafelistedMethod(ctx.facts.method) && ctx.facts.method === ctx.facts.method.toUpperCase()
        ? []
        : [ctx.facts.method],
    headers: ctx.facts.unsafeNames ?? [],
    exposeHeaders: [],
    maxAge: MAX_AGE,
  };
}

const SUMMARY: Record<FixFocus, (p: CorsPolicy) => string> = {
  "allow-origin": (p) => `Allow ${p.origin} on every response.`,
  "single-origin": (p) =>
    `Send Access-Control-Allow-Origin once, with the one origin ${p.origin} (remove the copy added by the proxy or the app).`,
  credentials: (p) =>
    `Credentialed requests need the exact origin ${p.origin} and Access-Control-Allow-Credentials: true, never *.`,
  methods: (p) => `Allow ${p.methods.join(", ") || "the method"} exactly as the page sends it.`,
  headers: (p) => `Allow the request headers ${p.headers.join(", ")}.`,
  "preflight-before-auth": () =>
    "Answer OPTIONS preflights with 204 before authentication: preflights never carry credentials.",
  "preflight-route": () => "Answer OPTIONS preflights with 204 on this route.",
  "no-preflight-redirect": () => "Answer the preflight at the URL the page calls, without redirecting.",
  "error-responses": (p) => `Add the CORS headers to error responses (4xx/5xx) too, for ${p.origin}.`,
  "null-origin": (p) =>
    `After a cross-origin redirect the origin is "null": avoid the redirect, or allow ${p.origin}.`,
  expose: (p) => `Expose ${p.exposeHeaders.join(", ")} to scripts.`,
};

/**
 * Requests to one API mostly ask for the same policy: their 13 snippets are rendered once and
 * shared (the same strings), so 200,000 blocked exchanges do not hold 200,000 copies (~10 kB each).
 * Bounded: past SHARED_MAX policies the table starts over.
 */
const shared = new Map<string, Fix[]>();
const SHARED_MAX = 2_000;

function sharedServerFixes(policy: CorsPolicy, focus: FixFocus): Fix[] {
  const key = `${focus}\u0000${JSON.stringify(policy)}`;
  let fixes = shared.get(key);
  if (!fixes) {
    if (shared.size >= SHARED_MAX) shared.clear();
    fixes = serverFixes({ policy, focus, summary: SUMMARY[focus](policy) });
    shared.set(key, fixes);
  }
  return fixes;
}

export function fixesForCause(ctx: CauseContext): Fix[] {
  const spec = CAUSES[ctx.failure.code];
  const focus = spec.fixFocus(ctx);
  const fixes: Fix[] = [];
  if (focus !== null) fixes.push(...sharedServerFixes(policyFor(ctx), focus));
  const client = spec.clientAlternative(ctx);
  if (client) fixes.push(client);
  return fixes;
}
