import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list, originPattern } from "./policy";

/**
 * Caddy v2 Caddyfile: preflights answered in their own handle (the `handle` directive sorts before
 * `respond` and `reverse_proxy`); the other responses get their headers deferred, so they replace
 * an upstream app's own copies instead of adding a second one, on error responses too.
 */
export function caddy(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const single = !any && policy.origins.length === 1;
  const origin = any ? "*" : single ? (policy.origins[0] ?? "*") : "{header.Origin}";
  const on = any || single ? "" : " @cors_origin";
  const credentials = policy.credentials && !any;
  const lines = [...heading(request, "#"), ...comment(request, "#", "fix.caddy.place")];
  if (request.focus === "no-preflight-redirect")
    lines.push(
      ...comment(request, "#", "fix.caddy.redir"),
      "#   @moved {",
      "#       path /old/path",
      "#       not method OPTIONS",
      "#   }",
      "#   redir @moved /new/path 308",
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
    ...comment(request, "#", "fix.caddy.defer"),
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
