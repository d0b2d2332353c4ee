/**
 * Issue #23's fifteenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, type DjangoCase, LIST, MOVED } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HEAD = `"""
Django settings for the api project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout15")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
`;

export const HELD_OUT15_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/CheesecakeLabs/django-drf-boilerplate/pull/66 — "fix: Add CorsMiddleware to
    // MIDDLEWARE": the boilerplate installs django-cors-headers (the app in INSTALLED_APPS, the origin
    // whitelist read from the environment) but "the middleware was missing!": nothing ever adds the CORS
    // headers, so the front end's API calls are refused. The whitelist's environment default is the
    // page's origin. Root: the MIDDLEWARE list without CorsMiddleware.
    name: "heldout15 Django: corsheaders installed and the whitelist set, CorsMiddleware missing from MIDDLEWARE",
    url: "https://github.com/CheesecakeLabs/django-drf-boilerplate/pull/66",
    rootText: "MIDDLEWARE = [",
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# CORS
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = os.environ.get("CORS_ORIGIN_WHITELIST", "{{ORIGIN}}").split(",")
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/343 — "'Access-Control-Allow-Origin' header
    // missing in DRF": CorsMiddleware is listed, with CORS_ORIGIN_ALLOW_ALL, but below middleware that
    // answers requests itself, and an answer made above it never gets the CORS headers (the maintainer:
    // the response "might be coming from a middleware higher up the chain"; moving CorsMiddleware to the
    // top fixed it). Here CommonMiddleware, listed first, answers the list call made without its
    // trailing slash with the APPEND_SLASH redirect, which goes out without Allow-Origin. Root: the
    // CorsMiddleware entry listed below CommonMiddleware.
    name: "heldout15 Django: CorsMiddleware listed below CommonMiddleware, its APPEND_SLASH redirect goes out without CORS",
    url: "https://github.com/adamchainz/django-cors-headers/issues/343",
    rootText: '    "corsheaders.middleware.CorsMiddleware",',
    settings: `${HEAD}
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

CORS_ORIGIN_ALLOW_ALL = True
`,
    calls: [LIST, MOVED],
  },
];
