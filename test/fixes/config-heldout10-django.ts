/**
 * Issue #23's tenth never-seen measure, Django with django-cors-headers: broken settings rebuilt from
 * public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is
 * the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, type DjangoCase, LIST, ME } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the catalog project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout10")
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
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
`;

/** The front end's call with the project's custom header. */
const WITH_AUTH_ORIGIN: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: { "my-auth-origin": "portal" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT10_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/89 — `CORS_ALLOW_HEADERS =
    // ('MY-auth-origin')` is a string, not a tuple (no trailing comma), so the allowed headers become
    // its single characters ("M, Y, -, a, …") and the custom header's preflight is refused. Root:
    // that line.
    name: "heldout10 Django: CORS_ALLOW_HEADERS = ('my-auth-origin') is a string, not a tuple",
    url: "https://github.com/adamchainz/django-cors-headers/issues/89",
    rootText: 'CORS_ALLOW_HEADERS = ("my-auth-origin")',
    settings: `${HEAD}
CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_HEADERS = ("my-auth-origin")
`,
    calls: [WITH_AUTH_ORIGIN],
  },
  {
    // https://github.com/DPS0340/DjangoCRUDBoard/pull/97 — "Set: CORS_ALLOW_CREDENTIALS True": the
    // board's front end sends its session cookie with every call, but the settings allow the origin
    // without credentials, so the credentialed answers lack Access-Control-Allow-Credentials. Root:
    // the CORS settings block that leaves credentials out (its CORS_ALLOWED_ORIGINS line).
    name: "heldout10 Django: CORS_ALLOW_CREDENTIALS left unset, the session-cookie call refused",
    url: "https://github.com/DPS0340/DjangoCRUDBoard/pull/97",
    rootText: "CORS_ALLOWED_ORIGINS = [",
    settings: `${HEAD}
# CORS
CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
    "http://127.0.0.1:8080",
]
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/arkhn-oss/fhir-river/pull/362 — "source allowed_origins from env": the setting
    // is read with os.environ.get("CORS_ALLOWED_ORIGINS", []), so where the variable is not set (the
    // front end's own dev stack) no origin is allowed at all. Root: that line.
    name: "heldout10 Django: CORS_ALLOWED_ORIGINS read from the environment with an empty default",
    url: "https://github.com/arkhn-oss/fhir-river/pull/362",
    rootText: 'CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", [])',
    settings: `${HEAD}
# CorsHeaders
# Used to access api from third-party domain
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", [])
`,
    calls: [LIST, CREATE],
  },
];
