/**
 * Issue #23's sixth never-seen measure, Django (django-cors-headers, and one hand-written CORS
 * middleware): broken settings rebuilt from public reports (cited above each case; no text copied),
 * written blind to the readers. {{ORIGIN}} is the page's origin; the project's urls.py is the suite's
 * (api/items, api/items/<id>, api/me). `rootText`: the root cause's line (the first line holding it),
 * in `rootFile` when not settings.py.
 */
import type { DjangoCase } from "./config-django-cases";
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-dev-only")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

const WITH_CORSHEADERS = `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
`;

const PATCH = {
  name: "update" as const,
  method: "PATCH",
  path: "/api/items/1",
  headers: { "content-type": "application/json" },
  credentials: "omit" as const,
  body: '{"name":"c"}',
};

export const HELD_OUT6_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/384 — CORS meant for "the API part"
    // only, with CORS_URLS_REGEX; the regex names /api/v1/ while the API lives under /api/, so no
    // request of the page gets CORS headers. Root: the CORS_URLS_REGEX line.
    name: "heldout6 Django: CORS_URLS_REGEX names /api/v1/, the API is under /api/",
    url: "https://github.com/adamchainz/django-cors-headers/issues/384",
    rootText: 'CORS_URLS_REGEX = r"^/api/v1/.*$"',
    settings: `${WITH_CORSHEADERS}
CORS_ALLOWED_ORIGINS = [os.environ.get("FRONTEND_URL", "{{ORIGIN}}")]
# Only the API is open to other sites, not the admin
CORS_URLS_REGEX = r"^/api/v1/.*$"
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/arkhn-oss/fhir-river/pull/362 — the allowed origins read from the
    // environment with a list as the default (`os.environ.get("CORS_ALLOWED_ORIGINS", [])`): unset,
    // no origin at all is allowed (and set, it would be one string, not a list). Root: that line.
    name: "heldout6 Django: CORS_ALLOWED_ORIGINS read from the environment, unset: no origin allowed",
    url: "https://github.com/arkhn-oss/fhir-river/pull/362",
    rootText: 'CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", [])',
    settings: `${WITH_CORSHEADERS}
# CorsHeaders
# Used to access the api from the front app's domain
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, CREATE, ME],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/624 — "does not work for PATCH": the
    // preflight's Allow-Methods lacks PATCH; here CORS_ALLOW_METHODS is overridden with a tuple that
    // leaves PATCH out, and the page updates with PATCH. Root: the CORS_ALLOW_METHODS line.
    name: "heldout6 Django: CORS_ALLOW_METHODS overridden without PATCH, the page's PATCH refused",
    url: "https://github.com/adamchainz/django-cors-headers/issues/624",
    rootText: "CORS_ALLOW_METHODS = (",
    settings: `${WITH_CORSHEADERS}
CORS_ALLOWED_ORIGINS = [
    "https://app.example.com",
    "{{ORIGIN}}",
]
CORS_ALLOW_METHODS = (
    "DELETE",
    "GET",
    "OPTIONS",
    "POST",
    "PUT",
)
`,
    calls: [LIST, PATCH],
  },
  {
    // https://github.com/django/djangoproject.com/issues/833 — a project's own middleware.py adding
    // the CORS headers to every response (Allow-Origin *, the methods, the headers, and
    // Allow-Credentials true): the page's credentialed call gets "*" with credentials, which the
    // browser refuses. Root: the Allow-Origin line in middleware.py.
    name: "heldout6 Django middleware: hand-written, Allow-Origin * with Allow-Credentials true",
    url: "https://github.com/django/djangoproject.com/issues/833",
    rootText: 'response["Access-Control-Allow-Origin"] = "*"',
    rootFile: "middleware.py",
    config: ["settings.py", "middleware.py"],
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "middleware.CorsHeadersMiddleware",
    "django.middleware.common.CommonMiddleware",
]
`,
    middleware: `class CorsHeadersMiddleware:
    """Lets the front end (served from another origin) call the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type, X-Api-Key"
        response["Access-Control-Allow-Credentials"] = "true"
        return response
`,
    calls: [LIST, UPDATE, ME],
  },
];
