/**
 * Issue #23's fifth never-seen measure, Django: broken settings (django-cors-headers) and one
 * hand-written CORS middleware, rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the page's origin. `rootText`: the root cause's line;
 * `rootFile` when that line is in middleware.py.
 */
import {
  APPS,
  AUTHN,
  COMMON,
  CORS,
  CREATE,
  CSRF,
  type DjangoCase,
  HEAD,
  LIST,
  MW,
  SECURITY,
  SESSION,
  UPDATE,
} from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const BOTH = ["settings.py", "middleware.py"];

export const HELD_OUT5_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/637 — CORS_ALLOWED_ORIGINS lists the
    // React dev server on three host spellings (localhost, 0.0.0.0, 127.0.0.1, all :3000); the page
    // that calls the API is served from another origin, so no Allow-Origin comes back. Root: the list.
    name: "heldout5 Django: CORS_ALLOWED_ORIGINS lists three spellings of :3000, not the page's origin",
    url: "https://github.com/adamchainz/django-cors-headers/issues/637",
    rootText: "CORS_ALLOWED_ORIGINS = [",
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, CORS, COMMON, CSRF, AUTHN])}
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": [],
}

CORS_ALLOWED_ORIGINS = [
    "http://localhost:3000",
    "http://0.0.0.0:3000",
    "http://127.0.0.1:3000",
]
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/249 — CORS_ALLOW_HEADERS overridden
    // with a tuple of its own (accept … x-requested-with): the front end's extra header is not in it,
    // so the preflight is refused. Root: the CORS_ALLOW_HEADERS override.
    name: "heldout5 Django: CORS_ALLOW_HEADERS overridden without the page's X-Api-Key",
    url: "https://github.com/adamchainz/django-cors-headers/issues/249",
    rootText: "CORS_ALLOW_HEADERS = (",
    settings: `${HEAD}${APPS}${MW([SECURITY, CORS, SESSION, COMMON, CSRF, AUTHN])}
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "{{ORIGIN}}").split(",")
CORS_ALLOW_CREDENTIALS = True

CORS_ALLOW_HEADERS = (
    "accept",
    "accept-encoding",
    "authorization",
    "content-type",
    "dnt",
    "origin",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
)
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://django-doc.vercel.app/static-assets-and-frontend-integration/managing-cors — the guide's
    // settings spell the header and method lists CORS_ALLOWED_HEADERS / CORS_ALLOWED_METHODS, names
    // django-cors-headers does not read (it reads CORS_ALLOW_HEADERS / CORS_ALLOW_METHODS): the
    // project's X-Api-Key, listed there, is never allowed. Root: the misspelled headers setting.
    name: "heldout5 Django: CORS_ALLOWED_HEADERS (a name the package does not read) lists X-Api-Key",
    url: "https://django-doc.vercel.app/static-assets-and-frontend-integration/managing-cors",
    rootText: "CORS_ALLOWED_HEADERS = [",
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, CORS, COMMON, CSRF, AUTHN])}
# CORS settings
CORS_ALLOWED_ORIGINS = [
    "http://localhost:3000",  # React dev server
    "{{ORIGIN}}",  # Vite dev server
    "https://myapp.com",  # Production frontend
]

# Allowed methods
CORS_ALLOWED_METHODS = [
    "DELETE",
    "GET",
    "OPTIONS",
    "PATCH",
    "POST",
    "PUT",
]

# Allowed headers
CORS_ALLOWED_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "origin",
    "x-csrftoken",
    "x-requested-with",
    "x-api-key",
]
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://web.learnmodernpython.com/?p=506 — CORS done by hand in Django, without
    // django-cors-headers: a middleware of the project's own that sets Allow-Origin and Allow-Methods
    // on every answer but no Allow-Headers, so the JSON POST's preflight (answered by the view, 200)
    // does not allow Content-Type. Root: the middleware's header lines (middleware.py).
    name: "heldout5 Django middleware: hand-written, Allow-Origin and Allow-Methods but no Allow-Headers",
    url: "https://web.learnmodernpython.com/?p=506",
    rootText: 'response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"',
    rootFile: "middleware.py",
    config: BOTH,
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, "middleware.SimpleCorsMiddleware", COMMON, CSRF, AUTHN])}
FRONTEND_ORIGINS = os.environ.get("FRONTEND_ORIGINS", "{{ORIGIN}}").split(",")
`,
    middleware: `"""CORS for the single-page app, without a third-party package."""
from django.conf import settings


class SimpleCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.headers.get("Origin")
        if origin and origin in settings.FRONTEND_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            response["Vary"] = "Origin"
        return response
`,
    calls: [LIST, CREATE],
  },
];
