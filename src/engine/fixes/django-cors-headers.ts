import type { FixRequest } from "./policy";
import { quoted } from "./policy";

const DEFAULT_HEADERS = new Set([
  "accept",
  "authorization",
  "content-type",
  "user-agent",
  "x-csrftoken",
  "x-requested-with",
]);

/** `django-cors-headers` settings (settings.py). */
export function djangoCorsHeaders({ policy, summary }: FixRequest): string {
  const lines = [
    `# ${summary}`,
    "# settings.py: CorsMiddleware must come first, above CommonMiddleware and any auth middleware.",
    'INSTALLED_APPS += ["corsheaders"]',
    'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
  ];
  if (policy.origin === "*") lines.push("CORS_ALLOW_ALL_ORIGINS = True");
  else lines.push(`CORS_ALLOWED_ORIGINS = [${quoted([policy.origin])}]`);
  if (policy.credentials) lines.push("CORS_ALLOW_CREDENTIALS = True");
  if (policy.methods.length > 0) {
    lines.push(
      `CORS_ALLOW_METHODS = [${quoted([...new Set(["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT", ...policy.methods])])}]`,
    );
  }
  const extra = policy.headers.filter((h) => !DEFAULT_HEADERS.has(h));
  if (extra.length > 0) {
    lines.push("from corsheaders.defaults import default_headers");
    lines.push(`CORS_ALLOW_HEADERS = (*default_headers, ${quoted(extra)})`);
  }
  if (policy.exposeHeaders.length > 0) lines.push(`CORS_EXPOSE_HEADERS = [${quoted(policy.exposeHeaders)}]`);
  lines.push(`CORS_PREFLIGHT_MAX_AGE = ${policy.maxAge}`);
  return lines.join("\n");
}
