import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, list } from "./policy";

/** The raw response headers, for any server: the answer every other snippet produces. */
export function genericHeaders(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const origin = any
    ? "*"
    : policy.origins.length === 1
      ? (policy.origins[0] ?? "*")
      : request.t("fix.generic-headers.origin-of", { origins: policy.origins.join(", ") });
  const lines = [...heading(request, "#"), ...comment(request, "#", "fix.generic-headers.preflight")];
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.methods.length > 0) lines.push(`Access-Control-Allow-Methods: ${list(policy.methods)}`);
  if (policy.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${list(policy.headers)}`);
  lines.push(`Access-Control-Max-Age: ${policy.maxAge}`);
  if (!any) lines.push("Vary: Origin");
  lines.push("", ...comment(request, "#", "fix.generic-headers.actual"));
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.exposeHeaders.length > 0)
    lines.push(`Access-Control-Expose-Headers: ${list(policy.exposeHeaders)}`);
  if (!any) lines.push("Vary: Origin");
  return lines.join("\n");
}
