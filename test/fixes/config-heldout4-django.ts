/**
 * Issue #23's fourth never-seen measure, Django: broken settings (django-cors-headers) and one
 * project with a hand-written CORS middleware (middleware.py), rebuilt from public reports (cited
 * above each case; situation rebuilt, no text copied), written blind to the readers. {{ORIGIN}} is
 * the page's origin. `rootText`: the root cause's line, in `rootFile` when not settings.py.
 */
import {
  APPS,
  AUTHN,
  COMMON,
  CORS,
  CSRF,
  type DjangoCase,
  HEAD,
  LIST,
  ME,
  MW,
  REMOVE,
  SECURITY,
  SESSION,
  UPDATE,
} from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const BOTH = ["settings.py", "middleware.py"];

export const HELD_OUT4_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/tdameros/42-transcendence/issues/110 — the allowed origins chosen by DEBUG:
    // the development front end is only in the DEBUG list, and the project runs with DEBUG off.
    // Root: the production list.
    name: "heldout4 Django: CORS_ALLOWED_ORIGINS chosen by DEBUG, the page's origin only in the debug list",
    url: "https://github.com/tdameros/42-transcendence/issues/110",
    rootText: 'CORS_ALLOWED_ORIGINS = ["https://localhost", "https://transcendence.example.org"]',
    settings: `${HEAD}${APPS}${MW([SECURITY, CORS, SESSION, COMMON, CSRF, AUTHN])}
if DEBUG:
    CORS_ALLOWED_ORIGINS = [
        "{{ORIGIN}}",  # For debug only
        "https://localhost",
    ]
else:
    CORS_ALLOWED_ORIGINS = ["https://localhost", "https://transcendence.example.org"]
`,
    calls: [LIST, REMOVE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/547 — every origin allowed
    // (CORS_ORIGIN_ALLOW_ALL = True, CorsMiddleware at the top) for a front end that sends its
    // cookies: without CORS_ALLOW_CREDENTIALS the answer has no Allow-Credentials, so the browser
    // refuses the credentialed call. Root: the allow-all setting.
    name: "heldout4 Django: CORS_ORIGIN_ALLOW_ALL without CORS_ALLOW_CREDENTIALS, the cookie call refused",
    // Since the first run: refused with the reason (see HELDOUT4.md), asserted.
    expect: "cannot",
    said: "would let every site read the user's data",
    url: "https://github.com/adamchainz/django-cors-headers/issues/547",
    rootText: "CORS_ORIGIN_ALLOW_ALL = True",
    settings: `${HEAD}${APPS}${MW([CORS, SECURITY, SESSION, COMMON, CSRF, AUTHN])}
CORS_ORIGIN_ALLOW_ALL = True
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/297 — CORS meant for "only a few
    // views" through CORS_URLS_REGEX, written for the list view alone: the item URLs the page also
    // calls get no CORS header. Root: the regex.
    name: "heldout4 Django: CORS_URLS_REGEX matches the list view only, the item DELETE refused",
    url: "https://github.com/adamchainz/django-cors-headers/issues/297",
    rootText: 'CORS_URLS_REGEX = r"^/api/items$"',
    settings: `${HEAD}${APPS}${MW([SECURITY, CORS, SESSION, COMMON, CSRF, AUTHN])}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
# Only the public list is shared with the front end
CORS_URLS_REGEX = r"^/api/items$"
`,
    calls: [LIST, REMOVE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/3 — a CORS middleware that only adds
    // headers to whatever the view stack answers: the preflight goes through the project's API-key
    // middleware, which refuses it (401, no key on an OPTIONS); the headers are there, the status is
    // not OK. Root: the middleware passing every request on (middleware.py).
    name: "heldout4 Django middleware: headers added to every answer, the preflight passed on to the API-key check (401)",
    url: "https://github.com/adamchainz/django-cors-headers/issues/3",
    rootText: "response = self.get_response(request)",
    rootFile: "middleware.py",
    config: BOTH,
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsHeadersMiddleware", SESSION, COMMON, "auth.ApiKeyMiddleware", CSRF, AUTHN])}`,
    middleware: `"""CORS headers for the single-page app (added to every response)."""


class CorsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "{{ORIGIN}}"
        response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
        response["Access-Control-Allow-Headers"] = "content-type, x-api-key"
        response["Access-Control-Max-Age"] = "86400"
        return response
`,
    calls: [LIST, UPDATE],
  },
];
