/**
 * The fixes for a cause: the policy the server must implement for this request, with the stack
 * notes the cause calls for, plus a client-side alternative where one exists.
 */
import { clientFix, type FixFocus, serverFixes } from "../fixes";
import type { CorsPolicy } from "../fixes/policy";
import { isSafelistedMethod } from "../safelist";
import type { CauseCode, Fix } from "../types";
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

function statusFocus(status: number | null, fallback: FixFocus): FixFocus {
  if (status === 401 || status === 403) return "preflight-before-auth";
  if (status === 404 || status === 405) return "preflight-route";
  if (status !== null && status >= 400) return "error-responses";
  return fallback;
}

function focusFor(code: CauseCode, ctx: CauseContext): FixFocus | null {
  const status = ctx.failure.hop?.status ?? null;
  switch (code) {
    case "missing-allow-origin":
      if (ctx.failure.stage === "preflight") return statusFocus(status, "allow-origin");
      return status !== null && status >= 400 ? "error-responses" : "allow-origin";
    case "multiple-allow-origin":
      return "single-origin";
    case "invalid-allow-origin":
    case "allow-origin-mismatch":
      return ctx.origin === "null" ? "null-origin" : "allow-origin";
    case "wildcard-origin-with-credentials":
    case "allow-credentials-not-true":
      return "credentials";
    case "preflight-status-not-ok":
      return statusFocus(status, "preflight-route");
    case "preflight-redirected":
      return "no-preflight-redirect";
    case "invalid-allow-methods":
    case "method-not-allowed":
      return "methods";
    case "invalid-allow-headers":
    case "header-not-allowed":
      return "headers";
    default:
      return null;
  }
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

function clientAlternative(code: CauseCode, ctx: CauseContext): Fix | null {
  const url = JSON.stringify(ctx.exchange.url);
  switch (code) {
    case "wildcard-origin-with-credentials":
      return clientFix(
        "Or, if this request needs no cookies",
        `fetch(${url}, { credentials: "same-origin" });`,
      );
    case "method-not-allowed":
      if (ctx.facts.method !== ctx.facts.method.toUpperCase()) {
        return clientFix(
          "Or send the method in upper case",
          `fetch(${url}, { method: ${JSON.stringify(ctx.facts.method.toUpperCase())} });`,
        );
      }
      return null;
    case "preflight-redirected":
      return ctx.failure.value
        ? clientFix(
            "Or call the final URL directly",
            `fetch(${JSON.stringify(new URL(ctx.failure.value, ctx.exchange.url).href)});`,
          )
        : null;
    case "redirect-contains-credentials":
      return clientFix(
        "Remove the credentials from the redirect",
        "Redirect to a Location without user:password@, and send credentials in a header instead.",
      );
    case "local-network-insecure":
      return clientFix(
        "Serve the page from a secure context",
        "Serve the page over https:// (or from http://localhost) so Local Network Access can prompt.",
      );
    case "local-network-invalid":
      return clientFix(
        "Match the declared address space",
        "Remove or correct the targetAddressSpace option, or make the host resolve to the address space the page expects.",
      );
    case "local-network-permission-denied":
      return clientFix(
        "Grant Local Network Access",
        'Allow "Local network access" for this site (click the icon left of the address bar, Site settings).',
      );
    case "network-error":
      return clientFix("Check that the server answers at all", `curl -v ${JSON.stringify(ctx.exchange.url)}`);
    case "scheme-not-supported":
      return clientFix(
        "Serve the page over HTTP",
        "Open the page from a local server (for example `npx serve .` then http://localhost:3000) instead of a file: URL.",
      );
    case "disallowed-by-mode":
      return clientFix("Use CORS mode", `fetch(${url}, { mode: "cors" });`);
    case "no-cors-redirect-mode":
      return clientFix("Follow redirects", `fetch(${url}, { mode: "no-cors", redirect: "follow" });`);
    default:
      return null;
  }
}

export function fixesForCause(code: CauseCode, ctx: CauseContext): Fix[] {
  const focus = focusFor(code, ctx);
  const fixes: Fix[] = [];
  if (focus !== null) {
    const policy = policyFor(ctx);
    fixes.push(...serverFixes({ policy, focus, summary: SUMMARY[focus](policy) }));
  }
  const client = clientAlternative(code, ctx);
  if (client) fixes.push(client);
  return fixes;
}
