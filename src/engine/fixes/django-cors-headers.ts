import { roomTranslator } from "../../i18n";
import type { StackPackage } from "../types";
import { KO } from "./django-cors-headers.ko";
import type { FixRequest } from "./policy";
import { anyOrigin, comment, heading, quoted } from "./policy";

/** The django-cors-headers fix's own words in English (where it goes, its comments), the source; Korean in ./django-cors-headers.ko.ts. */
export const EN = {
  where:
    "At the end of settings.py: it adds the app and the middleware only where missing, puts CorsMiddleware first, and overrides any earlier CORS_* setting.",
  place:
    "At the end of settings.py. CorsMiddleware goes first: above CommonMiddleware (whose\nAPPEND_SLASH redirect would otherwise answer the preflight) and above any auth middleware.",
} as const;

export const words = roomTranslator({ en: EN, ko: KO });

/** The library this fix is written for (index.ts: its install line). */
export const PACKAGE: StackPackage = {
  ecosystem: "pypi",
  name: "django-cors-headers",
  modules: ["corsheaders"],
  install: "pip install django-cors-headers",
};

/** django-cors-headers' `default_headers` (corsheaders/defaults.py). */
const DEFAULT_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "authorization",
  "content-type",
  "dnt",
  "origin",
  "user-agent",
  "x-csrftoken",
  "x-requested-with",
]);

/** `django-cors-headers` settings (settings.py), safe to paste whatever is there already. */
export function djangoCorsHeaders(request: FixRequest): string {
  const { policy } = request;
  const any = anyOrigin(policy);
  const lines = [
    ...heading(request, "#", true),
    ...comment("#", words(request.t.lang)("place")),
    'INSTALLED_APPS = [*[a for a in INSTALLED_APPS if a != "corsheaders"], "corsheaders"]',
    'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *[m for m in MIDDLEWARE if m != "corsheaders.middleware.CorsMiddleware"]]',
  ];
  if (any) lines.push("CORS_ALLOW_ALL_ORIGINS = True");
  else lines.push("CORS_ALLOW_ALL_ORIGINS = False", `CORS_ALLOWED_ORIGINS = [${quoted(policy.origins)}]`);
  lines.push(`CORS_ALLOW_CREDENTIALS = ${policy.credentials && !any ? "True" : "False"}`);
  lines.push(
    `CORS_ALLOW_METHODS = [${quoted([...new Set(["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT", ...policy.methods])])}]`,
  );
  const extra = policy.headers.filter((h) => !DEFAULT_HEADERS.has(h));
  lines.push(`CORS_ALLOW_HEADERS = [*default_headers${extra.length > 0 ? `, ${quoted(extra)}` : ""}]`);
  if (policy.exposeHeaders.length > 0) lines.push(`CORS_EXPOSE_HEADERS = [${quoted(policy.exposeHeaders)}]`);
  lines.push(`CORS_PREFLIGHT_MAX_AGE = ${policy.maxAge}`);
  return lines.join("\n");
}
