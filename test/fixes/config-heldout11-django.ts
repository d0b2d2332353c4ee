/**
 * Issue #23's eleventh never-seen measure, Django (django-cors-headers settings and a hand-written
 * middleware): broken projects rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the test page's origin. `rootText`: the root cause's
 * line (the first line holding it).
 */
import { type DjangoCase, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout11")
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

const PATCH_ITEM: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/api/items/1",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"b"}',
};
/** The front end's call without the trailing slash the URLconf wants, with its token (preflighted). */
const THINGS_WITH_TOKEN: PageRequest = {
  name: "moved",
  method: "GET",
  path: "/api/things",
  headers: { authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT11_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/OkunaOrg/okuna-api/pull/733 — "add PATCH to allowed CORS": the settings
    // replace django-cors-headers' method list with one that has no PATCH, so the app's PATCH calls
    // are refused at their preflight. Root: the CORS_ALLOW_METHODS line.
    name: "heldout11 Django: CORS_ALLOW_METHODS replaced without PATCH, the PATCH refused at its preflight",
    url: "https://github.com/OkunaOrg/okuna-api/pull/733",
    rootText: "CORS_ALLOW_METHODS = (",
    settings: `${HEAD}
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

CORS_ORIGIN_ALLOW_ALL = True
CORS_ALLOW_METHODS = (
    "DELETE",
    "GET",
    "OPTIONS",
    "POST",
    "PUT",
)
`,
    calls: [LIST, PATCH_ITEM],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/691 — "Redirect is not allowed for a
    // preflight request": CorsMiddleware is listed last, after CommonMiddleware, so for the URL without
    // its trailing slash CommonMiddleware answers the preflight with APPEND_SLASH's redirect before
    // CorsMiddleware can answer it. Root: the CorsMiddleware line at the end of MIDDLEWARE.
    name: "heldout11 Django: CorsMiddleware listed last, CommonMiddleware redirects the preflight (APPEND_SLASH)",
    url: "https://github.com/adamchainz/django-cors-headers/issues/691",
    rootText: '    "corsheaders.middleware.CorsMiddleware",',
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
`,
    calls: [THINGS_WITH_TOKEN],
  },
  {
    // https://github.com/harvard-lil/perma/pull/3109 — "Reworked CORS management": the project's own
    // middleware adds the CORS headers to whatever the rest of the stack answers, the preflight
    // included; the preflight carries no credentials, so the authentication below answers it 401 and
    // the browser rejects the preflight (the fix forces 204 for OPTIONS). Root: the middleware passing
    // the preflight on.
    name: "heldout11 Django: a hand-written CORS middleware passes the preflight to the API-key check (401)",
    url: "https://github.com/harvard-lil/perma/pull/3109",
    rootText: "response = self.get_response(request)",
    rootFile: "middleware.py",
    config: ["settings.py", "middleware.py"],
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "middleware.CORSMiddleware",
    "django.middleware.common.CommonMiddleware",
    "auth.ApiKeyMiddleware",
]

CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    middleware: `from django.conf import settings


class CORSMiddleware:
    """Lets the allowed front ends call the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.headers.get("Origin")
        if origin in settings.CORS_ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-API-Key"
            response["Vary"] = "Origin"
        return response
`,
    calls: [LIST, UPDATE],
  },
];
