import type { FixRequest } from "./policy";
import { anyOrigin, heading, list } from "./policy";

export const genericWhere = "On every response of the API, error responses and preflights included.";

/** The raw response headers, for any server: the answer every other snippet produces. */
export function genericHeaders(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const origin = any
    ? "*"
    : policy.origins.length === 1
      ? (policy.origins[0] ?? "*")
      : `<the request's Origin, when it is one of: ${policy.origins.join(", ")}>`;
  const lines = [
    ...heading(request, "#"),
    "# Preflight (OPTIONS) response: status 204, before any authentication",
  ];
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.methods.length > 0) lines.push(`Access-Control-Allow-Methods: ${list(policy.methods)}`);
  if (policy.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${list(policy.headers)}`);
  lines.push(`Access-Control-Max-Age: ${policy.maxAge}`);
  if (!any) lines.push("Vary: Origin");
  lines.push("", "# Every actual response, error responses (4xx/5xx) included");
  lines.push(`Access-Control-Allow-Origin: ${origin}`);
  if (policy.credentials && !any) lines.push("Access-Control-Allow-Credentials: true");
  if (policy.exposeHeaders.length > 0)
    lines.push(`Access-Control-Expose-Headers: ${list(policy.exposeHeaders)}`);
  if (!any) lines.push("Vary: Origin");
  return lines.join("\n");
}
