/**
 * Issue #23's sixteenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST, ME } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout16")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

/** The front end's SDK call, traced by Sentry's browser SDK (its sentry-trace header added). */
const TRACED_FLAGS: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {
    "x-environment-key": "ser.9ECKmVfrcnZhnEBhhAyAKc",
    "sentry-trace": "771a43a4192642f0b136d5159a501700-b4c8f0f4c2d6a8e1-1",
  },
  credentials: "omit",
  body: null,
};

/** The new API version's list endpoint (the URLconf serves it under /v2/). */
const V2_LIST: PageRequest = {
  name: "beyond-v2-list",
  method: "GET",
  path: "/v2/items",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT16_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/Flagsmith/flagsmith/pull/449 — "Allow sentry-trace header in CORS restrictions":
    // the API lists its allowed request headers (django-cors-headers' defaults plus its own SDK key
    // headers), and Sentry's browser SDK injects a `sentry-trace` header into the front end's requests,
    // so "calls to the Flagsmith api fail": the header is not in the preflight answer. Root: the
    // CORS_ALLOW_HEADERS list.
    name: "heldout16 Django: CORS_ALLOW_HEADERS leaves out sentry-trace, the traced SDK call refused at the preflight",
    url: "https://github.com/Flagsmith/flagsmith/pull/449",
    rootText: "CORS_ALLOW_HEADERS = [*default_headers,",
    settings: `${HEAD}
from corsheaders.defaults import default_headers

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
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

CORS_ORIGIN_ALLOW_ALL = True
CORS_ALLOW_HEADERS = [*default_headers, "X-Environment-Key", "X-E2E-Test-Auth-Token"]
`,
    calls: [LIST, TRACED_FLAGS],
  },
  {
    // https://github.com/mitodl/open-discussions/pull/3285 — "update django-cors-headers to allow regex"
    // (for #3284, "add support for setting CORS allow regexes"): the allowed origins are read from the
    // environment as a comma-separated list, so the site's front ends served from other addresses (the PR
    // builds, each on its own host) are refused; the manual test's fetch with credentials gets a CORS
    // error until its origin is listed. Here the front end runs on its development server's port, which
    // the list (its environment default) leaves out. Root: the whitelist read from the environment.
    name: "heldout16 Django: the origin whitelist read from the environment leaves out the front end's dev server, its cookie calls refused",
    url: "https://github.com/mitodl/open-discussions/pull/3285",
    rootText:
      'CORS_ORIGIN_WHITELIST = get_list_of_str("CORS_ORIGIN_WHITELIST", ["http://localhost:8053", "https://xpro.mit.edu"])',
    settings: `${HEAD}

def get_list_of_str(name, default):
    """open_discussions/envs.py: a comma-separated environment variable as a list."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


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
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

CORS_ORIGIN_WHITELIST = get_list_of_str("CORS_ORIGIN_WHITELIST", ["http://localhost:8053", "https://xpro.mit.edu"])
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/mozilla/addons-server/pull/8291 — "match both v3 and v4 when we're testing for api
    // in middleware, etc" (fixes #8290): the site allows CORS for its API with CORS_ORIGIN_ALLOW_ALL and
    // CORS_URLS_REGEX, but the regex was written for the v3 API's prefix, so the new API version's
    // endpoints get no CORS headers and the front ends' calls to them are refused (the fix points the
    // regex at a pattern matching both versions). The project's URLconf serves the first version under
    // /api/ and the new one under /v2/ here. Root: the CORS_URLS_REGEX that covers the first prefix only.
    name: "heldout16 Django: CORS_URLS_REGEX covers the first API prefix only, the new version's endpoint gets no CORS",
    url: "https://github.com/mozilla/addons-server/pull/8291",
    rootText: 'CORS_URLS_REGEX = r"^/api/.*$"',
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

# Add Access-Control-Allow-Origin: * header for the API with django-cors-headers.
CORS_ORIGIN_ALLOW_ALL = True
CORS_URLS_REGEX = r"^/api/.*$"
`,
    calls: [LIST, V2_LIST],
  },
];

/**
 * A correct configuration (config-heldout16-check.fixes.test.ts serves it with the Django suite's
 * urls.py and run.py): CorsMiddleware high in MIDDLEWARE, both front ends listed, credentials, the API
 * paths only, django-cors-headers' default methods and headers (PUT, authorization, content-type).
 */
export const HELD_OUT16_DJANGO_CORRECT = `"""
Django settings for the orders project.
"""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "django-insecure-orders-correct"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
    "{{ORIGIN2}}",
]
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_PREFLIGHT_MAX_AGE = 600
`;
