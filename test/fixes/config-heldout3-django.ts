/**
 * Issue #23's third never-seen measure, Django: settings.py files with django-cors-headers, and
 * projects whose CORS headers come from a middleware of their own (middleware.py), rebuilt from
 * public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the page's origin. `rootText`: the text of the root cause's line; `rootFile` its file when it
 * is not settings.py.
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
  ME,
  MOVED,
  MW,
  REMOVE,
  SECURITY,
  SESSION,
  UPDATE,
} from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const BOTH = ["settings.py", "middleware.py"];

export const HELD_OUT3_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/onaio/onadata/pull/3021 — CorsMiddleware listed after CommonMiddleware:
    // the APPEND_SLASH redirect is answered before CORS runs, so it has no CORS header
    // (CORS_ORIGIN_ALLOW_ALL = True "not working"). Root: the CorsMiddleware entry.
    name: "heldout3 Django: CorsMiddleware after CommonMiddleware, the APPEND_SLASH redirect without CORS",
    url: "https://github.com/onaio/onadata/pull/3021",
    rootText: `"${CORS}",`,
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, COMMON, CORS, CSRF, AUTHN])}
CORS_ORIGIN_ALLOW_ALL = True
`,
    calls: [LIST, MOVED],
  },
  {
    // https://github.com/cfpb/consumerfinance.gov/pull/6718 — the allowed origins read from an
    // environment variable holding a JSON array, its default naming the production partner only:
    // where the variable is not set (the page's deployment), the page's origin is not allowed.
    // Root: the json.loads line. (Replaces a first draft rebuilding SecObserve/SecObserve#2307, an
    // env string split on ", ": django-cors-headers 3.14 compares origins through urlsplit, which
    // drops the leading space, so that page was never blocked — a harness mistake, not a measure.)
    name: "heldout3 Django: CORS_ALLOWED_ORIGINS from a JSON env variable, its default the production partner only",
    url: "https://github.com/cfpb/consumerfinance.gov/pull/6718",
    rootText: "CORS_ALLOWED_ORIGINS = json.loads(",
    settings: `import json
${HEAD}${APPS}${MW([SECURITY, CORS, SESSION, COMMON, CSRF, AUTHN])}
# A JSON array of origins, e.g. CORS_ALLOWED_ORIGINS='["https://ffiec.cfpb.gov"]'
CORS_ALLOWED_ORIGINS = json.loads(
    os.environ.get("CORS_ALLOWED_ORIGINS", '["https://ffiec.cfpb.gov"]')
)
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/173 — a protection layer that
    // refuses requests without credentials runs before CORS and refuses the preflight (which has
    // none). Here the project's API-key middleware sits above CorsMiddleware. Root: its entry.
    name: "heldout3 Django: the project's API-key middleware above CorsMiddleware refuses the preflight",
    url: "https://github.com/django-oauth/django-oauth-toolkit/issues/173",
    rootText: '"auth.ApiKeyMiddleware",',
    settings: `from corsheaders.defaults import default_headers
${HEAD}${APPS}${MW([SECURITY, "auth.ApiKeyMiddleware", CORS, SESSION, COMMON, CSRF, AUTHN])}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
CORS_ALLOW_HEADERS = list(default_headers) + ["x-api-key"]
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://reacter.space/questions/how-can-you-verify-a-users-identity-on-a-standalone-react-frontend-when-connected-to-a-django-backend-on-the-same-domain-but-different-ports-while-implementing-third-party-cas
    // — a hand-written middleware.py beside settings.py: `*` by default and credentials on by
    // default, so the credentialed call is refused. Root: the `*` default of CORS_ALLOW_ORIGIN.
    name: "heldout3 Django middleware: hand-written, '*' with Allow-Credentials true (getattr defaults)",
    url: "https://reacter.space/questions/how-can-you-verify-a-users-identity-on-a-standalone-react-frontend-when-connected-to-a-django-backend-on-the-same-domain-but-different-ports-while-implementing-third-party-cas",
    rootText: 'CORS_ALLOW_ORIGIN = getattr(settings, "CORS_ALLOW_ORIGIN", "*")',
    rootFile: "middleware.py",
    // First run: not fixed (the middleware's code was not evaluated). Now read (getattr, the
    // set_headers helper), and refused with its reason: the header is set in a method that is not
    // given the request, so the page's Origin cannot be reflected there without changing its call.
    expect: "cannot",
    said: "which is not given the request",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsMiddleware", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `# project_name/middleware.py
from django.conf import settings
from django.http import HttpResponse

# CORS configuration parameters
CORS_ALLOW_ORIGIN = getattr(settings, "CORS_ALLOW_ORIGIN", "*")
CORS_ALLOW_METHODS = getattr(settings, "CORS_ALLOW_METHODS", ["POST", "GET", "PUT", "DELETE", "OPTIONS", "PATCH"])
CORS_ALLOW_HEADERS = getattr(settings, "CORS_ALLOW_HEADERS", ["content-type", "authorization"])
CORS_ALLOW_CREDENTIALS = getattr(settings, "CORS_ALLOW_CREDENTIALS", True)
CORS_EXPOSE_HEADERS = getattr(settings, "CORS_EXPOSE_HEADERS", ["content-type", "location"])


class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def set_headers(self, response):
        # Set CORS headers based on configured parameters
        response["Access-Control-Allow-Origin"] = CORS_ALLOW_ORIGIN
        response["Access-Control-Allow-Methods"] = ", ".join(CORS_ALLOW_METHODS)
        response["Access-Control-Allow-Headers"] = ", ".join(CORS_ALLOW_HEADERS)
        response["Access-Control-Allow-Credentials"] = "true" if CORS_ALLOW_CREDENTIALS else "false"
        response["Access-Control-Expose-Headers"] = ", ".join(CORS_EXPOSE_HEADERS)
        return response

    def __call__(self, request):
        if request.method == "OPTIONS":
            return self.set_headers(HttpResponse())
        return self.set_headers(self.get_response(request))
`,
    config: BOTH,
    calls: [LIST, ME],
  },
  {
    // https://github.com/f-klubben/stregsystemet/pull/324 — a CORS middleware of the project's own
    // that answers preflights itself with a fixed method list (POST, GET, OPTIONS, DELETE): the
    // page's PUT is refused. Root: the Allow-Methods line.
    name: "heldout3 Django middleware: hand-written preflight answer whose method list has no PUT",
    url: "https://github.com/f-klubben/stregsystemet/pull/324",
    rootText: '"POST, GET, OPTIONS, DELETE"',
    rootFile: "middleware.py",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsMiddleware", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `from django.http import HttpResponse


class CorsMiddleware:
    """Lets the fappen front end call the API (CORS)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Headers"] = "*"
            response["Access-Control-Allow-Methods"] = "POST, GET, OPTIONS, DELETE"
            response["Access-Control-Max-Age"] = "600"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = origin if origin else "*"
        response["Access-Control-Allow-Credentials"] = "true"
        return response
`,
    config: BOTH,
    calls: [LIST, REMOVE, UPDATE],
  },
];
