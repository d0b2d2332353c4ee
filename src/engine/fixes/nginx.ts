import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list, originPattern } from "./policy";

/**
 * nginx: `always` so 4xx/5xx get the headers too; OPTIONS answered by nginx itself before proxying
 * or auth; the app's own copies hidden so the browser sees one of each.
 */
export function nginx(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const several = !any && policy.origins.length > 1;
  const value = any ? "*" : several ? "$cors_origin" : (policy.origins[0] ?? "*");
  const common = [`add_header Access-Control-Allow-Origin "${value}" always;`];
  if (policy.credentials && !any) common.push('add_header Access-Control-Allow-Credentials "true" always;');
  if (!any) common.push('add_header Vary "Origin" always;');
  const preflight = [
    ...common,
    `add_header Access-Control-Allow-Methods "${list(allMethodsOr(policy))}" always;`,
    // Where the server allowed any header, the request's own list is answered back, as before.
    ...(policy.anyHeaders
      ? ["add_header Access-Control-Allow-Headers $http_access_control_request_headers always;"]
      : policy.headers.length > 0
        ? [`add_header Access-Control-Allow-Headers "${list(policy.headers)}" always;`]
        : []),
    `add_header Access-Control-Max-Age ${policy.maxAge} always;`,
    "return 204;",
  ];
  const lines = [
    ...heading(request, "#"),
    ...comment(request, "#", "fix.nginx.place"),
    "proxy_hide_header Access-Control-Allow-Origin;",
    "proxy_hide_header Access-Control-Allow-Credentials;",
    "proxy_hide_header Access-Control-Allow-Methods;",
    "proxy_hide_header Access-Control-Allow-Headers;",
    "proxy_hide_header Access-Control-Expose-Headers;",
    "proxy_hide_header Access-Control-Max-Age;",
  ];
  if (several) {
    lines.push(
      'set $cors_origin "";',
      `if ($http_origin ~ "${originPattern(policy.origins)}") {`,
      "    set $cors_origin $http_origin;",
      "}",
    );
  }
  lines.push(
    "if ($request_method = OPTIONS) {",
    ...preflight.map((l) => `    ${l}`),
    "}",
    ...common,
    ...(policy.exposeHeaders.length > 0
      ? [`add_header Access-Control-Expose-Headers "${list(policy.exposeHeaders)}" always;`]
      : []),
  );
  return lines.join("\n");
}
