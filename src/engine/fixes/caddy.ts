import type { FixRequest } from "./policy";
import { anyOrigin, heading, list, originPattern } from "./policy";

export const caddyWhere =
  "Inside the site block that serves the API, above its reverse_proxy / file_server; replace any existing header Access-Control-* lines.";

/** Caddy v2 Caddyfile: preflights answered in their own handle, before proxying or auth. */
export function caddy(request: FixRequest): string {
  const { policy, focus } = request;
  const any = anyOrigin(policy);
  const single = !any && policy.origins.length === 1;
  const origin = any ? "*" : single ? (policy.origins[0] ?? "*") : "{header.Origin}";
  const on = any || single ? "" : " @cors_origin";
  const common = [`header${on} Access-Control-Allow-Origin "${origin}"`];
  if (policy.credentials && !any) common.push(`header${on} Access-Control-Allow-Credentials "true"`);
  if (!any) common.push("header Vary Origin");
  const lines = [
    ...heading(request, "#"),
    "# Inside the API's site block, above reverse_proxy / file_server.",
  ];
  if (on) lines.push(`@cors_origin header_regexp Origin ${JSON.stringify(originPattern(policy.origins))}`);
  if (focus === "single-origin")
    lines.push("# The app's own copy must go: reverse_proxy … { header_down -Access-Control-Allow-Origin }");
  lines.push(
    "@cors_preflight {",
    "    method OPTIONS",
    "    header Access-Control-Request-Method *",
    "}",
    "handle @cors_preflight {",
    ...common.map((l) => `    ${l}`),
    `    header Access-Control-Allow-Methods "${list([...new Set(["GET", "HEAD", "POST", ...policy.methods])])}"`,
    ...(policy.headers.length > 0
      ? [`    header Access-Control-Allow-Headers "${list(policy.headers)}"`]
      : []),
    `    header Access-Control-Max-Age "${policy.maxAge}"`,
    "    respond 204",
    "}",
    ...common,
    ...(policy.exposeHeaders.length > 0
      ? [`header Access-Control-Expose-Headers "${list(policy.exposeHeaders)}"`]
      : []),
  );
  return lines.join("\n");
}
