/**
 * Issue #23's eighteenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST, ME, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-heldout18")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
`;

/** The front end revalidating its cached list with the ETag it holds. */
const REVALIDATE: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: { "if-none-match": '"7c4a8d09ca3762af61e59520943dc26494f8941b"' },
  credentials: "include",
  body: null,
};

export const HELD_OUT18_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/makeplane/plane/pull/4929 (for #4928) — "fix: api requests cors": the API's
    // external endpoints take the user's token in an `X-API-Key` header, and the django-cors-headers
    // settings (origins read from CORS_ALLOWED_ORIGINS, credentials allowed) leave the allowed request
    // headers at the library's defaults, so a browser app calling the API with its key is refused at the
    // preflight; the PR adds X-API-Key to CORS_ALLOW_HEADERS. The deployment's variable holds the web app
    // (the page). Root: the CORS settings, which end without CORS_ALLOW_HEADERS.
    name: "heldout18 Django: CORS_ALLOW_HEADERS left at the defaults, the X-API-Key call refused at the preflight",
    url: "https://github.com/makeplane/plane/pull/4929",
    rootText: "CORS_ALLOW_CREDENTIALS = True",
    settings: `${HEAD}
# CORS settings
cors_origins_raw = os.environ.get("CORS_ALLOWED_ORIGINS", "{{ORIGIN}}")
# Split and strip origins
cors_allowed_origins = [origin.strip() for origin in cors_origins_raw.split(",") if origin.strip()]
if cors_allowed_origins:
    CORS_ALLOWED_ORIGINS = cors_allowed_origins
else:
    CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/pixelpassion/django-saas-boilerplate/issues/20 — "Cors handling update": "Cors not
    // working for frontend" (marked a major problem); the boilerplate's settings take the whitelist from the
    // environment and leave credentials and the allowed headers at django-cors-headers' defaults, while
    // the front end sends its session cookie and revalidates cached answers with If-None-Match; the fix
    // proposed in the thread allows credentials and adds If-None-Match, If-Modified-Since and the other
    // headers the front end uses. Written with os.environ for django-environ, the whitelist's variable
    // holding the front end (the page). Root: the CORS settings without credentials or those headers.
    name: "heldout18 Django: the boilerplate allows no credentials and no If-None-Match, the front end's session calls refused",
    url: "https://github.com/pixelpassion/django-saas-boilerplate/issues/20",
    rootText: 'CORS_ORIGIN_WHITELIST = os.environ.get("CORS_ORIGIN_WHITELIST", "{{ORIGIN}}").split(",")',
    settings: `${HEAD}
CORS_ORIGIN_ALLOW_ALL = os.environ.get("CORS_ORIGIN_ALLOW_ALL", "False") == "True"
CORS_ORIGIN_WHITELIST = os.environ.get("CORS_ORIGIN_WHITELIST", "{{ORIGIN}}").split(",")
`,
    calls: [ME, REVALIDATE],
  },
];
