import { roomTranslator } from "../../i18n";
import { KO } from "./django.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, list, methodsOr, quoted } from "./policy";

/** The Django's hand-written middleware fix's own words in English (where it goes, its comments), the source; Korean in ./django.ko.ts. */
export const EN = {
  where:
    "Replace your own CORS middleware class with this one (same module), and keep it first in MIDDLEWARE, above CommonMiddleware and any auth middleware.",
  place:
    "Replaces your CORS middleware class; keep it first in MIDDLEWARE so it answers preflights\nbefore CommonMiddleware's redirects and auth, and wraps error responses too.",
  /** The set-up as the change sentence names it. */
  setup: 'your middleware\'s `response["Access-Control-…"]` lines',
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/**
 * A hand-written Django middleware, the seed's shape done right: echo an allowed origin instead
 * of `*`, allow credentials, answer preflights with 204 before any view or auth runs.
 */
export function django(request: FixRequest): string {
  const { policy } = request;
  const allowAll = anyOrigin(policy);
  const lines = [
    ...heading(request, "#"),
    ...comment("#", words(request.t.lang)("place")),
    "from django.http import HttpResponse",
    "from django.utils.cache import patch_vary_headers",
    "",
  ];
  if (!allowAll) lines.push(`ALLOWED_ORIGINS = {${quoted(policy.origins)}}`, "");
  lines.push(
    "",
    "class CorsMiddleware:",
    "    def __init__(self, get_response):",
    "        self.get_response = get_response",
    "",
    "    def __call__(self, request):",
    '        origin = request.headers.get("Origin")',
    '        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:',
    "            response = HttpResponse(status=204)",
    `            response["Access-Control-Allow-Methods"] = ${JSON.stringify(list(methodsOr(policy)))}`,
    // Where the server allowed any header, the request's own list is answered back, as before.
    policy.anyHeaders
      ? '            response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "")'
      : `            response["Access-Control-Allow-Headers"] = ${JSON.stringify(list(policy.headers))}`,
    `            response["Access-Control-Max-Age"] = "${policy.maxAge}"`,
    "        else:",
    "            response = self.get_response(request)",
  );
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
  return lines.join("\n");
}
