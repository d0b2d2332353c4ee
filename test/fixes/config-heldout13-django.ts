/**
 * Issue #23's thirteenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST, ME, MOVED } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout13")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

export const HELD_OUT13_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/mozilla/treeherder/pull/1538 — "Correct the ordering of CorsMiddleware":
    // CorsMiddleware is listed after Django's CommonMiddleware, so the answers CommonMiddleware makes
    // itself (its APPEND_SLASH redirect to the URL with the slash) replace the response CORS decorated
    // and go out without the headers; the docs say it must come before. Root: the CorsMiddleware entry
    // below CommonMiddleware.
    name: "heldout13 Django: CorsMiddleware listed after CommonMiddleware, its APPEND_SLASH redirect has no CORS",
    url: "https://github.com/mozilla/treeherder/pull/1538",
    rootText: '    "corsheaders.middleware.CorsMiddleware",',
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

CORS_ORIGIN_ALLOW_ALL = True
`,
    calls: [LIST, MOVED],
  },
  {
    // https://github.com/techwithtim/Django-React-Full-Stack-App/issues/7 — "corheaders setting issue":
    // the tutorial's settings allow every origin and switch credentials on with `CORS_ALLOWS_CREDENTIALS`,
    // a name django-cors-headers does not read, so the React app's credentialed calls get Allow-Origin
    // '*' and no Allow-Credentials and are refused. Root: the misspelt credentials setting.
    name: "heldout13 Django: CORS_ALLOWS_CREDENTIALS (misspelt) with allow-all, the React app's cookie calls refused",
    url: "https://github.com/techwithtim/Django-React-Full-Stack-App/issues/7",
    // Since the first run (HELDOUT13.md): refused on purpose: every origin with credentials would let any site read the user's data, and listing the page's origins would take `*` from every other site. Asserted: exit 1, these words, no file written.
    expect: "cannot",
    said: "would let every site read the user's data",
    rootText: "CORS_ALLOWS_CREDENTIALS = True",
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

CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOWS_CREDENTIALS = True
`,
    calls: [LIST, ME],
  },
];
