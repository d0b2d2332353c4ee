/**
 * Issue #23's fourteenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout14")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

/** The AJAX POST with Django's CSRF token in its header, sent with the session cookie. */
const CREATE_WITH_TOKEN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/items",
  headers: { "content-type": "application/json", "x-csrftoken": "hjk1Ueo5c3b8p0Qx" },
  credentials: "include",
  body: '{"name":"a"}',
};

export const HELD_OUT14_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/15 — "Add `X-CSRFToken` to default
    // `CORS_ALLOW_HEADERS`": the cross-origin AJAX calls carry Django's CSRF token in the X-CSRFToken
    // header, which the allowed-headers list does not name, so their preflight is refused (the IRC fix:
    // "allow X-CSRFToken in the CORS settings for incoming headers"). The list is written as the
    // project's own (the package's defaults of the time, without x-csrftoken). Root: CORS_ALLOW_HEADERS.
    name: "heldout14 Django: CORS_ALLOW_HEADERS leaves out X-CSRFToken, the AJAX POST's preflight refused",
    url: "https://github.com/adamchainz/django-cors-headers/issues/15",
    rootText: "CORS_ALLOW_HEADERS = (",
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = (
    "x-requested-with",
    "content-type",
    "accept",
    "origin",
    "authorization",
)
`,
    calls: [LIST, CREATE_WITH_TOKEN],
  },
  {
    // https://github.com/the-paperless-project/paperless/pull/387 — "Enable CORS for localhost": the pull
    // request lets a new front end served on localhost call the Django API with
    // `CORS_ORIGIN_REGEX_WHITELIST = (r'^(https?:\\/\\/)?localhost(:[0-9]{4})?$', )`; the maintainer asks
    // for more, since users run on other hosts "and/or a different port": the pattern allows a port of
    // exactly four digits, so a front end on any other port (here the page's five-digit one) is refused.
    // Root: the regex whitelist.
    name: "heldout14 Django: the origin regex allows localhost on four-digit ports only, the front end refused",
    url: "https://github.com/the-paperless-project/paperless/pull/387",
    rootText: "CORS_ORIGIN_REGEX_WHITELIST = (",
    settings: `${HEAD}
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

# Allow the new front end, served separately on localhost, to call the API
CORS_ORIGIN_REGEX_WHITELIST = (r'^(https?:\\/\\/)?localhost(:[0-9]{4})?$', )
`,
    calls: [LIST],
  },
];
