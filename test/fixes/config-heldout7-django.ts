/**
 * Issue #23's seventh never-seen measure, Django: broken settings (django-cors-headers) and one
 * hand-written CORS middleware, rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line
 * (the first line holding it), in `rootFile` when not settings.py.
 */
import { CREATE, type DjangoCase, LIST, ME, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the inventory project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout7")
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

export const HELD_OUT7_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/679 — CorsMiddleware listed in the old
    // MIDDLEWARE_CLASSES setting, which Django no longer reads; the MIDDLEWARE list that runs has no
    // CORS middleware. Root: the MIDDLEWARE list's first line.
    name: "heldout7 Django: CorsMiddleware only in the old MIDDLEWARE_CLASSES, MIDDLEWARE has none",
    url: "https://github.com/adamchainz/django-cors-headers/issues/679",
    rootText: "MIDDLEWARE = [",
    settings: `${HEAD}
MIDDLEWARE_CLASSES = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = [
    "DELETE",
    "GET",
    "OPTIONS",
    "PATCH",
    "POST",
    "PUT",
]
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/pull/36 — every origin allowed while the front
    // end sends cookies: without CORS_ALLOW_CREDENTIALS the middleware answers "*" and no
    // Allow-Credentials, the credentialed call is refused. Root: the allow-all line.
    name: "heldout7 Django: CORS_ALLOW_ALL_ORIGINS without CORS_ALLOW_CREDENTIALS, the cookie call refused",
    // Since the first run: refused with the reason (see HELDOUT7.md) — credentials for every origin
    // would let any site read the user's data; listing the origins instead would narrow the `*` the
    // other sites have. Asserted.
    expect: "cannot",
    said: "would let every site read the user's data",
    url: "https://github.com/adamchainz/django-cors-headers/pull/36",
    rootText: "CORS_ALLOW_ALL_ORIGINS = True",
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

# The SPA and the API live on different hosts in every environment.
CORS_ALLOW_ALL_ORIGINS = True
SESSION_COOKIE_SAMESITE = "None"
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/549 — CORS_ALLOW_HEADERS replaced by the
    // project's own short list: the x-api-key the page sends on its PUT is not in it, the preflight
    // is refused. Root: the CORS_ALLOW_HEADERS line.
    name: "heldout7 Django: CORS_ALLOW_HEADERS overridden without x-api-key, the PUT refused",
    url: "https://github.com/adamchainz/django-cors-headers/issues/549",
    rootText: "CORS_ALLOW_HEADERS = (",
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "x-csrftoken",
)
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/pull/362 — a project's own CORS middleware that
    // answers OPTIONS itself but sets Allow-Origin from a setting holding the front end's URL with a
    // trailing slash: it matches no Origin. Root: the FRONTEND_URL line of settings.py.
    name: "heldout7 Django: a hand-written CORS middleware, FRONTEND_URL with a trailing slash as Allow-Origin",
    url: "https://github.com/adamchainz/django-cors-headers/pull/362",
    rootText: 'FRONTEND_URL = os.environ.get("FRONTEND_URL", "{{ORIGIN}}/")',
    config: ["settings.py", "middleware.py"],
    settings: `${HEAD}
MIDDLEWARE = [
    "middleware.SimpleCorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

FRONTEND_URL = os.environ.get("FRONTEND_URL", "{{ORIGIN}}/")
`,
    middleware: `from django.conf import settings
from django.http import HttpResponse


class SimpleCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = settings.FRONTEND_URL
        response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type, X-Api-Key"
        response["Vary"] = "Origin"
        return response
`,
    calls: [LIST, CREATE],
  },
];
