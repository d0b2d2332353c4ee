import type { FixRequest } from "./policy";
import { list } from "./policy";

/** The raw response headers, for any server: the answer every other snippet produces. */
export function genericHeaders({ policy, summary }: FixRequest): string {
  const lines = [`# ${summary}`, "# Preflight (OPTIONS) response: status 204, before any authentication"];
  lines.push(`Access-Control-Allow-Origin: ${policy.origin}`);
  if (policy.credentials) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.methods.length > 0) lines.push(`Access-Control-Allow-Methods: ${list(policy.methods)}`);
  if (policy.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${list(policy.headers)}`);
  lines.push(`Access-Control-Max-Age: ${policy.maxAge}`);
  if (policy.origin !== "*") lines.push("Vary: Origin");
  lines.push("", "# Every actual response, error responses (4xx/5xx) included");
  lines.push(`Access-Control-Allow-Origin: ${policy.origin}`);
  if (policy.credentials) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.exposeHeaders.length > 0)
    lines.push(`Access-Control-Expose-Headers: ${list(policy.exposeHeaders)}`);
  if (policy.origin !== "*") lines.push("Vary: Origin");
  return lines.join("\n");
}
