import type { FixRequest } from "./policy";
import { list } from "./policy";

/**
 * A hand-written Django middleware, the seed's shape done right: echo an allowed origin instead
 * of `*`, allow credentials, answer preflights with 204 before any view or auth runs.
 */
export function django({ policy, summary }: FixRequest): string {
  const origin = policy.origin;
  const allowAll = origin === "*";
  const lines = [
    `# ${summary}`,
    "# Put this class first in MIDDLEWARE so it also wraps error responses.",
    "from django.http import HttpResponse",
    "from django.utils.cache import patch_vary_headers",
    "",
    allowAll ? "" : `ALLOWED_ORIGINS = {${JSON.stringify(origin)}}`,
    "",
    "",
    "class CorsMiddleware:",
    "    def __init__(self, get_response):",
    "        self.get_response = get_response",
    "",
    "    def __call__(self, request):",
    '        origin = request.headers.get("Origin")',
    '        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
    "            response = HttpResponse(status=204)",
    `            response["Access-Control-Allow-Methods"] = ${JSON.stringify(list(policy.methods, "GET, POST"))}`,
    `            response["Access-Control-Allow-Headers"] = ${JSON.stringify(list(policy.headers))}`,
    `            response["Access-Control-Max-Age"] = "${policy.maxAge}"`,
    "        else:",
    "            response = self.get_response(request)",
  ];
  if (allowAll) {
    lines.push('        response["Access-Control-Allow-Origin"] = "*"');
  } else {
    lines.push("        if origin in ALLOWED_ORIGINS:");
    lines.push('            response["Access-Control-Allow-Origin"] = origin');
    if (policy.credentials) lines.push('            response["Access-Control-Allow-Credentials"] = "true"');
    lines.push('        patch_vary_headers(response, ["Origin"])');
  }
  if (policy.exposeHeaders.length > 0) {
    lines.push(
      `        response["Access-Control-Expose-Headers"] = ${JSON.stringify(list(policy.exposeHeaders))}`,
    );
  }
  lines.push("        return response");
  return lines.filter((line, i, all) => !(line === "" && all[i - 1] === "" && all[i - 2] === "")).join("\n");
}
