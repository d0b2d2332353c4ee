import { roomTranslator } from "../../i18n";
import { KO } from "./caddy.ko";
import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list, originPattern } from "./policy";

/** The Caddy fix's own words in English (where it goes, its comments), the source; Korean in ./caddy.ko.ts. */
export const EN = {
  where:
    "Inside the site block that serves the API, first (before reverse_proxy, file_server, respond); replace any existing header Access-Control-* lines.",
  place: "First in the API's site block, before reverse_proxy / file_server / respond.",
  redir:
    "redir sorts before handle in Caddy's directive order, so it answers the preflight first:\ngive every redir of the API a named matcher that skips preflights, e.g.",
  defer: "defer: applied after the response is written, replacing the upstream's own copies.",
  errors:
    "Without defer: also on Caddy's own error responses (basicauth's 401), which deferred headers never reach.",
  auth: "basicauth and forward_auth sort before handle in Caddy's directive order, so they refuse the preflight\n(which carries no credentials) first: give yours a named matcher that keeps its path and skips OPTIONS, e.g.",
  /** The set-up as the change sentence names it. */
  setup: "your `header Access-Control-…` lines",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/**
 * Caddy v2 Caddyfile: preflights answered in their own handle (the `handle` directive sorts before
 * `respond` and `reverse_proxy`); the other responses get their headers deferred, so they replace
 * an upstream app's own copies instead of adding a second one. Deferred changes are not applied
 * when a handler returns an error (https://caddyserver.com/docs/modules/http.handlers.headers),
 * as basicauth's 401 is, so Allow-Origin (and Credentials) is also set at once: a 401 the page
 * could read before the fix stays readable.
 */
export function caddy(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const single = !any && policy.origins.length === 1;
  const origin = any ? "*" : single ? (policy.origins[0] ?? "*") : "{header.Origin}";
  const on = any || single ? "" : " @cors_origin";
  const credentials = policy.credentials && !any;
  const lines = [...heading(request, "#"), ...comment("#", words(request.t.lang)("place"))];
  if (request.focus === "no-preflight-redirect")
    lines.push(
      ...comment("#", words(request.t.lang)("redir")),
      "#   @moved {",
      "#       path /old/path",
      "#       not method OPTIONS",
      "#   }",
      "#   redir @moved /new/path 308",
    );
  if (request.focus === "preflight-before-auth" && request.challenged)
    // basicauth and forward_auth sort before handle in Caddy's directive order
    // (https://caddyserver.com/docs/caddyfile/directives#directive-order): the preflight, which
    // carries no credentials, reaches @cors_preflight only where authentication skips OPTIONS.
    // Said where the refusal carried WWW-Authenticate, as basicauth's does.
    lines.push(
      ...comment("#", words(request.t.lang)("auth")),
      "#   @cors_authed {",
      "#       path /api/*",
      "#       not method OPTIONS",
      "#   }",
      "#   basicauth @cors_authed {",
    );
  if (on) lines.push(`@cors_origin header_regexp Origin ${JSON.stringify(originPattern(policy.origins))}`);
  lines.push(
    "@cors_preflight {",
    "    method OPTIONS",
    "    header Access-Control-Request-Method *",
    "}",
    "handle @cors_preflight {",
    `    header${on} Access-Control-Allow-Origin "${origin}"`,
    ...(credentials ? [`    header${on} Access-Control-Allow-Credentials "true"`] : []),
    `    header Access-Control-Allow-Methods "${list([...new Set(["GET", "HEAD", "POST", ...allMethodsOr(policy)])])}"`,
    ...(policy.anyHeaders
      ? ['    header Access-Control-Allow-Headers "{header.Access-Control-Request-Headers}"']
      : policy.headers.length > 0
        ? [`    header Access-Control-Allow-Headers "${list(policy.headers)}"`]
        : []),
    `    header Access-Control-Max-Age "${policy.maxAge}"`,
    ...(any ? [] : ["    header Vary Origin"]),
    "    respond 204",
    "}",
    ...comment("#", words(request.t.lang)("errors")),
    `header${on} Access-Control-Allow-Origin "${origin}"`,
    ...(credentials ? [`header${on} Access-Control-Allow-Credentials "true"`] : []),
    ...comment("#", words(request.t.lang)("defer")),
    `header${on} {`,
    "    defer",
    `    Access-Control-Allow-Origin "${origin}"`,
    ...(credentials ? ['    Access-Control-Allow-Credentials "true"'] : []),
    ...(policy.exposeHeaders.length > 0
      ? [`    Access-Control-Expose-Headers "${list(policy.exposeHeaders)}"`]
      : []),
    ...(any ? [] : ["    +Vary Origin"]),
    "}",
  );
  return lines.join("\n");
}
