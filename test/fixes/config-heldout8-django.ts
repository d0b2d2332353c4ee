/**
 * Issue #23's eighth never-seen measure, Django: broken settings (django-cors-headers) and one
 * hand-written CORS middleware, rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line
 * (the first line holding it), in `rootFile` when not settings.py.
 */
import { CREATE, type DjangoCase, LIST, ME, MOVED } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the catalogue project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout8")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
`;

/** The same project without django-cors-headers installed (its CORS is the project's own middleware). */
const HEAD_OWN_CORS = HEAD.replace('    "corsheaders",\n', "");

export const HELD_OUT8_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/ccnmtl/mediathread/pull/5720 — CorsMiddleware listed after CommonMiddleware: the
    // APPEND_SLASH redirect CommonMiddleware answers by itself never passes through CorsMiddleware and
    // reaches the page without CORS. Root: the CorsMiddleware line (placed below CommonMiddleware).
    name: "heldout8 Django: CorsMiddleware after CommonMiddleware, the APPEND_SLASH redirect has no CORS",
    url: "https://github.com/ccnmtl/mediathread/pull/5720",
    rootText: '    "corsheaders.middleware.CorsMiddleware",',
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
`,
    calls: [LIST, MOVED],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/998 — CORS_URLS_REGEX narrowed to the
    // versioned API prefix while the front end calls /api/... directly: the middleware skips those
    // paths and adds no headers. Root: the CORS_URLS_REGEX line.
    name: "heldout8 Django: CORS_URLS_REGEX names /api/v1/ only, the /api/ calls get no CORS",
    url: "https://github.com/adamchainz/django-cors-headers/issues/998",
    rootText: 'CORS_URLS_REGEX = r"^/api/v1/.*$"',
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
    "https://admin.example.com",
]
CORS_URLS_REGEX = r"^/api/v1/.*$"
`,
    calls: [LIST, CREATE],
  },
  {
    // https://geops.com/en/blog/cors-in-django-in-debug-mode — the CORS settings (localhost origins
    // by regex, credentials) kept inside `if DEBUG:` so that only internal instances allow them: on the
    // instance the front end is developed against DEBUG is off, and no origin is allowed. Root: the
    // `if DEBUG:` line.
    name: "heldout8 Django: the CORS settings live under `if DEBUG:`, DEBUG is off on the instance",
    // Since the first run: refused with the reason (see HELDOUT8.md) — settings under a condition the
    // file does not decide are not evaluated; `check` names the `if` line (django-cors-under-condition).
    // Asserted.
    expect: "cannot",
    said: "is computed by code CORS Lens does not evaluate",
    url: "https://geops.com/en/blog/cors-in-django-in-debug-mode",
    rootText: "if DEBUG:",
    settings: `${HEAD}
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

if DEBUG:
    CORS_ALLOW_CREDENTIALS = True
    CORS_ALLOWED_ORIGIN_REGEXES = [
        r"^http://localhost:[0-9]+$",
        r"^http://127\\.0\\.0\\.1:[0-9]+$",
    ]
`,
    calls: [LIST, CREATE],
  },
  {
    // https://pypi.org/project/django-dcors/ — a project middleware in the manner of django-dcors:
    // CORS_ALLOW_ORIGIN and CORS_ALLOW_CREDENTIALS read from settings and written on every answer.
    // With the origin left at "*" and credentials "true", the credentialed call is refused (a wildcard
    // cannot be used with credentials). Root: the CORS_ALLOW_ORIGIN line of settings.py.
    name: "heldout8 Django: a hand-written middleware sends Allow-Origin '*' with Allow-Credentials true",
    url: "https://pypi.org/project/django-dcors/",
    rootText: 'CORS_ALLOW_ORIGIN = "*"',
    config: ["settings.py", "middleware.py"],
    settings: `${HEAD_OWN_CORS}
MIDDLEWARE = [
    "middleware.CorsHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOW_ORIGIN = "*"
CORS_ALLOW_METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS"]
CORS_ALLOW_HEADERS = ["content-type", "x-api-key"]
CORS_ALLOW_CREDENTIALS = "true"
`,
    middleware: `from django.conf import settings
from django.http import HttpResponse


class CorsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse()
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = settings.CORS_ALLOW_ORIGIN
        response["Access-Control-Allow-Methods"] = ", ".join(settings.CORS_ALLOW_METHODS)
        response["Access-Control-Allow-Headers"] = ", ".join(settings.CORS_ALLOW_HEADERS)
        response["Access-Control-Allow-Credentials"] = settings.CORS_ALLOW_CREDENTIALS
        return response
`,
    calls: [LIST, ME],
  },
];

/**
 * A correct Django settings file (the set's correct Django configuration): CorsMiddleware first, the
 * two front ends, credentials, the headers the page sends. {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT8_DJANGO_CORRECT = `${HEAD}
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
    "{{ORIGIN2}}",
]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "x-api-key"]
`;
