import type { FixRequest } from "./policy";
import { list } from "./policy";

/** Apache httpd with mod_headers and mod_rewrite (`Header always` covers error responses). */
export function apache({ policy, summary }: FixRequest): string {
  const lines = [
    `# ${summary}`,
    "# In the VirtualHost or .htaccess of the API; needs mod_headers and mod_rewrite.",
    `Header always set Access-Control-Allow-Origin "${policy.origin}"`,
  ];
  if (policy.credentials) lines.push('Header always set Access-Control-Allow-Credentials "true"');
  lines.push(`Header always set Access-Control-Allow-Methods "${list(policy.methods, "GET, POST")}"`);
  if (policy.headers.length > 0)
    lines.push(`Header always set Access-Control-Allow-Headers "${list(policy.headers)}"`);
  if (policy.exposeHeaders.length > 0)
    lines.push(`Header always set Access-Control-Expose-Headers "${list(policy.exposeHeaders)}"`);
  lines.push(`Header always set Access-Control-Max-Age "${policy.maxAge}"`);
  if (policy.origin !== "*") lines.push('Header always merge Vary "Origin"');
  lines.push("# Answer preflights here, before authentication or the application sees them.");
  lines.push("RewriteEngine On", "RewriteCond %{REQUEST_METHOD} OPTIONS", "RewriteRule ^ - [R=204,L]");
  return lines.join("\n");
}
