/**
 * Broken Django `settings.py` files with django-cors-headers, written the way projects write them
 * (situations rebuilt from django-cors-headers' README and issue threads, Stack Overflow questions
 * on "No 'Access-Control-Allow-Origin' header" with Django; no text copied). {{ORIGIN}} stands for the
 * page's origin. Each case names the page calls it breaks and, where a static finding exists, the
 * line `check` must name.
 */
import type { PageRequest } from "./page";

const json = { "content-type": "application/json" };

export const LIST: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: {},
  credentials: "omit",
  body: null,
};
export const CREATE: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/items",
  headers: json,
  credentials: "omit",
  body: '{"name":"a"}',
};
export const UPDATE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { ...json, "x-api-key": "k1" },
  credentials: "omit",
  body: '{"name":"b"}',
};
export const REMOVE: PageRequest = {
  name: "remove",
  method: "DELETE",
  path: "/api/items/1",
  headers: {},
  credentials: "omit",
  body: null,
};
export const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "include",
  body: null,
};
/** A URL the URLconf knows only with its slash: CommonMiddleware's APPEND_SLASH redirects it. */
export const MOVED: PageRequest = {
  name: "moved",
  method: "GET",
  path: "/api/things",
  headers: {},
  credentials: "omit",
  body: null,
};

export const URLS = `from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def items(request):
    if request.method == "POST":
        return JsonResponse({"id": 1}, status=201)
    return JsonResponse([], safe=False)


@csrf_exempt
def item(request, i):
    if request.method == "DELETE":
        return HttpResponse(status=204)
    return JsonResponse({"id": i})


def me(request):
    return JsonResponse({"user": "ada"})


urlpatterns = [
    path("api/items", items),
    path("api/items/<int:i>", item),
    path("api/things/", items),
    path("api/me", me),
    path("v2/items", items),
]
`;

/** An API-key middleware of the project's own: it refuses what has no key, the preflight included. */
export const AUTH = `from django.http import JsonResponse


class ApiKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/items/") and "x-api-key" not in request.headers:
            return JsonResponse({"detail": "missing key"}, status=401)
        return self.get_response(request)
`;

export const RUN = `import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line

execute_from_command_line(["manage.py", "runserver", "--noreload", "127.0.0.1:" + os.environ["PORT"]])
`;

export const HEAD = `"""
Django settings for the shop project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "django-insecure-fix-suite"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

export const APPS = `
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
`;

export const MW = (lines: string[]) => `
MIDDLEWARE = [
${lines.map((l) => `    "${l}",`).join("\n")}
]
`;

export const SECURITY = "django.middleware.security.SecurityMiddleware";
export const SESSION = "django.contrib.sessions.middleware.SessionMiddleware";
export const CORS = "corsheaders.middleware.CorsMiddleware";
export const COMMON = "django.middleware.common.CommonMiddleware";
export const CSRF = "django.middleware.csrf.CsrfViewMiddleware";
export const AUTHN = "django.contrib.auth.middleware.AuthenticationMiddleware";
const GOOD_MW = MW([SECURITY, CORS, SESSION, COMMON, CSRF, AUTHN]);

export interface DjangoCase {
  name: string;
  settings: string;
  calls: PageRequest[];
  /** A static finding `check` reports: its code and the line of the settings file. */
  check?: { code: string; line: number };
  /** A hand-written CORS middleware of the project (middleware.py). */
  middleware?: string;
  /** The files passed to --config, when not settings.py alone. */
  config?: string[];
  /** Other modules of the project (a settings package's base.py). */
  files?: Record<string, string>;
  /** As PythonCase: "cannot" when no safe patch exists and the fix says why (`said`). */
  expect?: "fixed" | "cannot";
  said?: string;
}

export const DJANGO_CASES: DjangoCase[] = [
  {
    name: "the page's origin is not in CORS_ALLOWED_ORIGINS (one origin a line, comments)",
    settings: `${HEAD}${APPS}${GOOD_MW}
# Front ends allowed to call the API
CORS_ALLOWED_ORIGINS = [
    "https://shop.example.com",  # production
    "http://localhost:3000",  # React dev server
]
`,
    calls: [LIST, CREATE],
  },
  {
    name: "a custom header, CORS_ALLOW_HEADERS left at its default",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "list(default_headers) + [...] without the page's header",
    settings: `import os
from corsheaders.defaults import default_headers
${HEAD.replace("import os\n", "")}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
CORS_ALLOW_HEADERS = list(default_headers) + [
    "x-request-id",
]
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "CORS_ALLOW_METHODS narrowed without DELETE",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
CORS_ALLOW_METHODS = ["GET", "OPTIONS", "POST", "PUT"]
CORS_ALLOW_HEADERS = ["content-type", "x-api-key"]
`,
    calls: [LIST, REMOVE],
  },
  {
    name: "the page sends cookies, CORS_ALLOW_CREDENTIALS not set",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    calls: [LIST, ME],
  },
  {
    name: "corsheaders installed but CorsMiddleware never added to MIDDLEWARE",
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, COMMON, CSRF, AUTHN])}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    calls: [LIST],
    check: { code: "django-no-middleware", line: 21 },
  },
  {
    name: "CorsMiddleware below CommonMiddleware: the APPEND_SLASH redirect has no CORS headers",
    settings: `${HEAD}${APPS}${MW([SECURITY, SESSION, COMMON, CSRF, AUTHN, CORS])}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    calls: [LIST, MOVED],
    check: { code: "django-middleware-order", line: 27 },
  },
  {
    name: "the project's API-key middleware above CorsMiddleware refuses the preflight",
    settings: `${HEAD}${APPS}${MW([SECURITY, "auth.ApiKeyMiddleware", CORS, SESSION, COMMON, CSRF])}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
CORS_ALLOW_HEADERS = ["content-type", "x-api-key"]
`,
    calls: [LIST, UPDATE],
    check: { code: "django-middleware-order", line: 24 },
  },
  {
    name: "CORS_URLS_REGEX limited to an old prefix",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/v2/.*$"
`,
    calls: [LIST],
  },
  {
    name: "the old names: CORS_ORIGIN_WHITELIST as a one-line tuple",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ORIGIN_WHITELIST = ("https://shop.example.com",)
`,
    calls: [LIST],
  },
  {
    name: "origins from the environment with a default, split on commas",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "https://shop.example.com").split(",")
`,
    calls: [LIST, CREATE],
  },
  {
    name: "a regex for the company's subdomains, the page on another host",
    settings: `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGIN_REGEXES = [
    r"^https://\\w+\\.shop\\.example\\.com$",
]
`,
    calls: [LIST],
  },
  {
    // A split settings package (cookiecutter-django's layout, flat here): settings.py runs with
    // base.py's names and extends its list; base.py keeps credentials off. Both files change.
    name: "split settings: settings.py extends base.py's origins, base.py keeps credentials off",
    settings: `from base import *  # noqa: F401,F403

DEBUG = False
CORS_ALLOWED_ORIGINS += [
    "https://shop.example.com",
]
`,
    files: {
      "base.py": `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["https://admin.example.com"]
CORS_ALLOW_CREDENTIALS = False
`,
    },
    config: ["base.py", "settings.py"],
    calls: [LIST, ME],
  },
];

/** Correct files: `check` reports nothing. */
export const DJANGO_CORRECT: string[] = [
  `${HEAD}${APPS}${GOOD_MW}
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
CORS_ALLOW_CREDENTIALS = True
`,
  `${HEAD}${APPS}${GOOD_MW}
from corsheaders.defaults import default_headers

CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]
CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")
CORS_URLS_REGEX = r"^/api/.*$"
`,
];
