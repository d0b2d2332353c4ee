/**
 * Issue #23's ninth never-seen measure, Django: broken settings (django-cors-headers) and one
 * hand-written CORS middleware, rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line
 * (the first line holding it), in `rootFile` when not settings.py.
 */
import { CREATE, type DjangoCase, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the tracker project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout9")
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

export const HELD_OUT9_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/78 — CORS_ALLOW_HEADERS set to the
    // project's own headers only: the setting replaces the defaults, content-type among them, so the
    // JSON POST's preflight is refused. Root: the CORS_ALLOW_HEADERS line.
    name: "heldout9 Django: CORS_ALLOW_HEADERS replaces the defaults without content-type, the JSON POST refused",
    url: "https://github.com/adamchainz/django-cors-headers/issues/78",
    rootText: "CORS_ALLOW_HEADERS = (",
    settings: `${HEAD}
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_HEADERS = (
    "authorization",
    "dnt",
    "x-api-key",
)
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/gtech-mulearn/mulearnbackend/pull/2646 — CorsMiddleware listed below a
    // middleware that refuses requests (here the project's API-key check): the key-less preflight is
    // answered 401 before CorsMiddleware runs (the PR moves CorsMiddleware to the top). Root: the
    // API-key middleware line placed above CorsMiddleware.
    name: "heldout9 Django: an API-key middleware above CorsMiddleware answers the preflight 401",
    url: "https://github.com/gtech-mulearn/mulearnbackend/pull/2646",
    rootText: '    "auth.ApiKeyMiddleware",',
    settings: `${HEAD}
from corsheaders.defaults import default_headers

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "auth.ApiKeyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/mozilla/code-review/pull/2398 — "the CORS_ORIGIN_WHITELIST setting was renamed
    // CORS_ALLOWED_ORIGINS": the front end is listed under the old name while the new one is also set
    // (read from the environment, empty by default); django-cors-headers uses the new name, so no
    // origin is allowed. Root: the CORS_ALLOWED_ORIGINS line.
    name: "heldout9 Django: the front end listed under CORS_ORIGIN_WHITELIST, the (empty) CORS_ALLOWED_ORIGINS wins",
    url: "https://github.com/mozilla/code-review/pull/2398",
    rootText: 'CORS_ALLOWED_ORIGINS = [o for o in os.environ.get("CORS_ALLOWED", "").split(",") if o]',
    settings: `${HEAD}
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

# Front ends allowed to call the API.
CORS_ORIGIN_WHITELIST = [
    "{{ORIGIN}}",
]
CORS_ALLOWED_ORIGINS = [o for o in os.environ.get("CORS_ALLOWED", "").split(",") if o]
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/OrlandoSentinel/TabsOnTallahassee/issues/121 — "Request header field x-apikey
    // is not allowed by Access-Control-Allow-Headers in preflight response": the project's own CORS
    // middleware answers the preflight with a fixed Allow-Headers list that does not name the API-key
    // header the front end sends. Root: that Allow-Headers line of middleware.py.
    name: "heldout9 Django: a hand-written middleware's Allow-Headers lacks x-api-key, the keyed PUT refused",
    url: "https://github.com/OrlandoSentinel/TabsOnTallahassee/issues/121",
    rootText: 'response["Access-Control-Allow-Headers"] = "Content-Type, Authorization"',
    rootFile: "middleware.py",
    config: ["settings.py", "middleware.py"],
    settings: `${HEAD_OWN_CORS}
MIDDLEWARE = [
    "middleware.SimpleCorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

API_CLIENT_ORIGINS = ["{{ORIGIN}}"]
`,
    middleware: `from django.conf import settings
from django.http import HttpResponse


class SimpleCorsMiddleware:
    """Adds CORS headers for the front ends listed in settings.API_CLIENT_ORIGINS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
        else:
            response = self.get_response(request)
        if origin in settings.API_CLIENT_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Vary"] = "Origin"
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"
                response["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
                response["Access-Control-Max-Age"] = "600"
        return response
`,
    calls: [LIST, UPDATE],
  },
];
