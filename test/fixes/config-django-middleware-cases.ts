/**
 * Broken Django projects whose CORS headers come from a middleware of their own (middleware.py), the
 * ways projects write one: a class with `__call__`, an old-style MiddlewareMixin, a function
 * middleware; beside MIDDLEWARE's other entries and, in one, django-cors-headers too. The first is
 * the shape of the note CORS Lens was born from (`*` on every response, a fixed header list, a day's
 * Max-Age, a page that sends credentials), written anew. {{ORIGIN}} is the page's origin. Each case
 * names the page calls it breaks, the files `fix --config` is given, and the line `check` names.
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
  MOVED,
  MW,
  REMOVE,
  SECURITY,
  SESSION,
  UPDATE,
} from "./config-django-cases";

const BOTH = ["settings.py", "middleware.py"];

export const DJANGO_MW_CASES: DjangoCase[] = [
  {
    name: "hand-written middleware (the seed's shape): * while the page sends cookies, a fixed header list without its header",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsHeadersMiddleware", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `from django import http


class CorsHeadersMiddleware:
    """Lets the front end call the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = http.HttpResponse()
            response["Content-Length"] = "0"
            response["Access-Control-Max-Age"] = 86400
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "DELETE, GET, OPTIONS, PATCH, POST, PUT"
        response["Access-Control-Allow-Headers"] = "accept, authorization, content-type, x-csrftoken, x-requested-with"
        return response
`,
    config: ["middleware.py"],
    calls: [LIST, UPDATE, ME],
    check: { code: "django-mw-max-age", line: 15 },
  },
  {
    name: "hand-written MiddlewareMixin: the joined method list has no DELETE",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsMiddleware", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `from django.http import HttpResponse
from django.utils.deprecation import MiddlewareMixin

ALLOWED_ORIGINS = ["https://shop.example.com", "{{ORIGIN}}"]
ALLOWED_METHODS = [
    "GET",
    "POST",
    "OPTIONS",
]


class CorsMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if request.method == "OPTIONS":
            return HttpResponse(status=200)
        return None

    def process_response(self, request, response):
        origin = request.META.get("HTTP_ORIGIN")
        if origin in ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = "content-type"
        return response
`,
    config: ["middleware.py"],
    calls: [LIST, REMOVE],
    check: { code: "django-mw-no-vary", line: 21 },
  },
  {
    name: "function middleware: the page's origin is not in its allowlist",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.cors_middleware", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

# Front ends allowed to call the API
ALLOWED_ORIGINS = (
    "https://shop.example.com",  # production
    "http://localhost:3000",  # React dev server
)


def cors_middleware(get_response):
    def middleware(request):
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
        else:
            response = get_response(request)
        if origin in ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            response["Access-Control-Allow-Headers"] = "content-type, x-api-key"
            response["Access-Control-Max-Age"] = "600"
        patch_vary_headers(response, ("Origin",))
        return response

    return middleware
`,
    config: ["middleware.py"],
    calls: [LIST, UPDATE],
  },
  {
    name: "hand-written middleware below CommonMiddleware: the APPEND_SLASH redirect has no CORS headers (settings.py and middleware.py)",
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, COMMON, CSRF, AUTHN, "middleware.CorsMiddleware"])}`,
    middleware: `class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        return response
`,
    config: BOTH,
    calls: [LIST, MOVED],
    check: { code: "django-mw-order", line: 27 },
  },
  {
    name: "hand-written middleware and django-cors-headers both installed: the header list of the outer one lacks the page's header",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.ApiCorsMiddleware", CORS, SESSION, COMMON, CSRF, AUTHN])}
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
`,
    middleware: `from django.http import HttpResponse


class ApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse()
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"
        response.headers["Access-Control-Allow-Headers"] = "content-type"
        return response
`,
    config: BOTH,
    calls: [LIST, UPDATE],
    check: { code: "django-mw-two-layers", line: 24 },
  },
  {
    name: "function middleware: * with Access-Control-Allow-Credentials: true, the page sends cookies",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.cors", SESSION, COMMON, CSRF, AUTHN])}`,
    middleware: `from django.http import HttpResponse


def cors(get_response):
    def middleware(request):
        if request.method == "OPTIONS":
            response = HttpResponse()
        else:
            response = get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Credentials"] = "true"
        response["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
        return response

    return middleware
`,
    config: ["middleware.py"],
    calls: [LIST, ME],
    check: { code: "django-mw-any-credentials", line: 10 },
  },
  {
    name: "hand-written middleware reflecting any origin with credentials never answers the preflight: the API-key middleware below refuses it",
    settings: `${HEAD}${APPS}${MW([SECURITY, "middleware.CorsMiddleware", "auth.ApiKeyMiddleware", SESSION, COMMON, CSRF])}`,
    middleware: `from django.utils.cache import patch_vary_headers


class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, req):
        response = self.get_response(req)
        origin = req.META.get("HTTP_ORIGIN")
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Credentials"] = "true"
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            response["Access-Control-Allow-Headers"] = "content-type, x-api-key"
            patch_vary_headers(response, ("Origin",))
        return response
`,
    config: ["middleware.py"],
    calls: [LIST, UPDATE],
    check: { code: "django-mw-reflect-credentials", line: 12 },
  },
];

/** Correct hand-written middlewares: `check` reports nothing. */
export const DJANGO_MW_CORRECT: string[] = [
  `from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

ALLOWED_ORIGINS = {"https://shop.example.com", "https://admin.shop.example.com"}


def cors_middleware(get_response):
    def middleware(request):
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse()
        else:
            response = get_response(request)
        if origin in ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Credentials"] = "true"
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"
            response["Access-Control-Allow-Headers"] = "content-type, authorization"
            response["Access-Control-Max-Age"] = "3600"
        patch_vary_headers(response, ("Origin",))
        return response

    return middleware
`,
  `from django.http import HttpResponse
from django.utils.deprecation import MiddlewareMixin


class PublicApiCorsMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            return HttpResponse()
        return None

    def process_response(self, request, response):
        if request.path.startswith("/api/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, POST"
            response["Access-Control-Allow-Headers"] = "content-type"
            response["Access-Control-Max-Age"] = "7200"
        return response
`,
];
