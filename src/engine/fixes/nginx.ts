import { roomTranslator } from "../../i18n";
import { KO } from "./nginx.ko";
import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list, originPattern } from "./policy";

/** The nginx fix's own words in English (where it goes, its comments), the source; Korean in ./nginx.ko.ts. */
export const EN = {
  where:
    "At the top of every `location` that serves the API (each one: add_header is not inherited into a location that has its own): replace its existing `add_header Access-Control-*` lines and any OPTIONS `if` block; keep its proxy_pass / root / return.",
  place:
    "At the top of every location block of the API, replacing its add_header Access-Control-* lines.\n`always`: also on 4xx/5xx. An add_header inside `if` replaces the inherited ones, hence the repeats.\nproxy_hide_header: the upstream app's own CORS headers would arrive twice (ignored without proxy_pass).",
  /** The set-up as the change sentence names it. */
  setup: "your `add_header Access-Control-…` lines",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

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
    ...comment("#", words(request.t.lang)("place")),
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
