/**
 * Issue #23's twelfth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, type DjangoCase, LIST, ME } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout12")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

/** The front end's create call with the header its HTTP client wrongly adds to every request. */
const CREATE_WITH_ACAO: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/items",
  headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
  credentials: "omit",
  body: '{"name":"a"}',
};

export const HELD_OUT12_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/600 — "django-cors-headers is not
    // working": CORS_ALLOWED_ORIGINS lists the React app as http://127.0.0.1:3000, but the page is
    // opened under another origin (localhost, another port), which the list does not hold, so no
    // Allow-Origin is sent. Root: the CORS_ALLOWED_ORIGINS entry.
    name: "heldout12 Django: CORS_ALLOWED_ORIGINS names the app as 127.0.0.1:3000, the page's origin is not listed",
    url: "https://github.com/adamchainz/django-cors-headers/issues/600",
    rootText: '    "http://127.0.0.1:3000"',
    settings: `${HEAD}
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

CORS_ALLOWED_ORIGINS = [
    "http://127.0.0.1:3000"
]
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/Fueled/django-init/pull/336 — "Add 'access-control-allow-origin' to CORS
    // headers": the front end sends Access-Control-Allow-Origin as a request header, which is not in
    // django-cors-headers' default CORS_ALLOW_HEADERS, so its preflights are refused (the fix extends
    // the default headers with it). Root: the CORS settings, which keep the default header list.
    name: "heldout12 Django: the client sends an Access-Control-Allow-Origin request header, not in the allowed headers",
    url: "https://github.com/Fueled/django-init/pull/336",
    rootText: "CORS_ORIGIN_WHITELIST = [",
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

# CORS
# ------------------------------------------------------------------------------
CORS_ORIGIN_WHITELIST = [
    "{{ORIGIN}}",
]
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, CREATE_WITH_ACAO],
  },
  {
    // https://github.com/BuiKhanhHuy/myjob_api/pull/50 — "Fix CORS: disable allow_all, enable
    // credentials, specific origins": the settings allow every origin but never allow credentials, so
    // django-cors-headers answers with Allow-Origin "*" and no Allow-Credentials, and the job site's
    // cookie-authenticated calls are refused. Root: the CORS_ALLOW_ALL_ORIGINS line.
    name: "heldout12 Django: CORS_ALLOW_ALL_ORIGINS without credentials, the job site's cookie calls get '*'",
    url: "https://github.com/BuiKhanhHuy/myjob_api/pull/50",
    // Added after the first run (HELDOUT12.md): CORS Lens refuses this one on purpose — every origin
    // with credentials would let any site read the user's data, and a list of the page's origins
    // would take `*` from every other site (never narrower). The refusal is asserted: exit 1, the
    // reason said, no file written.
    expect: "cannot",
    said: "would let every site read the user's data",
    rootText: "CORS_ALLOW_ALL_ORIGINS = True",
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

# CORS
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]
`,
    calls: [LIST, ME],
  },
];
