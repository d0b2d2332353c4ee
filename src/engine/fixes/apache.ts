import { roomTranslator } from "../../i18n";
import { KO } from "./apache.ko";
import type { FixRequest } from "./policy";
import { allMethodsOr, anyOrigin, comment, heading, list, originPattern } from "./policy";

/** The Apache fix's own words in English (where it goes, its comments), the source; Korean in ./apache.ko.ts. */
export const EN = {
  where:
    "In the API's <VirtualHost> (not .htaccess, which runs after authentication); replace its existing `Header … Access-Control-*` lines. Needs mod_headers, mod_rewrite and mod_setenvif.",
  place:
    "In the API's VirtualHost (not .htaccess: it runs after authentication), replacing its\nHeader … Access-Control-* lines. Needs mod_headers, mod_rewrite and mod_setenvif.\nThe unset lines drop copies the application (or a proxied backend) sends on its own.",
  preflight: "Answer preflights here, before authentication or the application sees them.",
  /** The set-up as the change sentence names it. */
  setup: "your `Header always set Access-Control-…` lines",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** Apache httpd: `Header always` covers error responses; mod_rewrite answers preflights before auth. */
export function apache(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const several = !any && policy.origins.length > 1;
  const lines = [
    ...heading(request, "#"),
    ...comment("#", words(request.t.lang)("place")),
    "Header unset Access-Control-Allow-Origin",
    "Header unset Access-Control-Allow-Credentials",
    "Header unset Access-Control-Allow-Methods",
    "Header unset Access-Control-Allow-Headers",
  ];
  const cond = several ? " env=CORS_ORIGIN" : "";
  if (several) {
    lines.push(`SetEnvIf Origin "${originPattern(policy.origins)}" CORS_ORIGIN=$0`);
    lines.push(`Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e"${cond}`);
  } else {
    lines.push(`Header always set Access-Control-Allow-Origin "${any ? "*" : policy.origins[0]}"`);
  }
  if (policy.credentials && !any)
    lines.push(`Header always set Access-Control-Allow-Credentials "true"${cond}`);
  lines.push(`Header always set Access-Control-Allow-Methods "${list(allMethodsOr(policy))}"`);
  if (policy.anyHeaders)
    // mod_headers reads environment variables, not request headers: the request's list goes through one.
    lines.push(
      'SetEnvIf Access-Control-Request-Headers "^(.+)$" CORS_REQUEST_HEADERS=$1',
      'Header always set Access-Control-Allow-Headers "%{CORS_REQUEST_HEADERS}e" env=CORS_REQUEST_HEADERS',
    );
  else if (policy.headers.length > 0)
    lines.push(`Header always set Access-Control-Allow-Headers "${list(policy.headers)}"`);
  if (policy.exposeHeaders.length > 0)
    lines.push(`Header always set Access-Control-Expose-Headers "${list(policy.exposeHeaders)}"`);
  lines.push(`Header always set Access-Control-Max-Age "${policy.maxAge}"`);
  if (!any) lines.push('Header always merge Vary "Origin"');
  lines.push(...comment("#", words(request.t.lang)("preflight")));
  lines.push(
    "RewriteEngine On",
    "RewriteCond %{REQUEST_METHOD} OPTIONS",
    "RewriteCond %{HTTP:Access-Control-Request-Method} !^$",
    "RewriteRule ^ - [R=204,L]",
  );
  return lines.join("\n");
}
