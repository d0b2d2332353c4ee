/**
 * Held-out Django settings for `cors-lens fix --config` (issue #23's never-seen measure), each
 * rebuilding a public report, written blind to the readers (no src/config, docs/config.md or
 * test/config read). The project's other files (urls.py, auth.py, run.py) are the suite's. `check`
 * is omitted: the finding codes are not known to the case writer; each comment names the root
 * cause's line, judged apart (a `check` expectation is added after judging, where `check` names
 * that line). {{ORIGIN}} is the page's origin (http://localhost:PORT, a 5-digit
 * ephemeral port).
 */
import type { DjangoCase } from "./config-django-cases";
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "django-insecure-held-out"
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

const MIDDLEWARE = `
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
`;

/** A second API version the URLconf serves outside /api/. */
const V2_LIST: PageRequest = {
  name: "beyond-v2",
  method: "GET",
  path: "/v2/items",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT_DJANGO: DjangoCase[] = [
  // https://github.com/adamchainz/django-cors-headers/issues/863 : `CORS_ALLOW_CREDENTIALS: True`
  // (an annotation, not an assignment). Root cause: line 32.
  {
    name: "held-out: CORS_ALLOW_CREDENTIALS written with a colon (annotation, never set)",
    settings: `${HEAD}${MIDDLEWARE}
CORS_ALLOWED_ORIGINS = [
    "{{ORIGIN}}",
]
CORS_ALLOW_CREDENTIALS: True
`,
    calls: [LIST, ME],
    check: { code: "django-setting-annotated", line: 32 },
  },
  // https://github.com/gtech-mulearn/mulearnbackend/pull/2645 : CorsMiddleware below a middleware
  // that refuses the preflight (here the project's API-key check). Root cause: line 24 (CorsMiddleware
  // listed after auth.ApiKeyMiddleware, line 23).
  {
    name: "held-out: CorsMiddleware below the project's API-key middleware",
    settings: `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "auth.ApiKeyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

from corsheaders.defaults import default_headers  # noqa: E402

CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
CORS_ALLOW_HEADERS = list(default_headers) + ["x-api-key"]
`,
    calls: [LIST, UPDATE],
    check: { code: "django-middleware-order", line: 24 },
  },
  // https://github.com/adamchainz/django-cors-headers/issues/647 (and djangotricks.com's
  // CORS_URLS_REGEX tip): the regex covers /api/ only; the page also calls /v2/. Root cause: line 30.
  {
    name: "held-out: CORS_URLS_REGEX limited to /api/, the page calls /v2/items",
    settings: `${HEAD}${MIDDLEWARE}
CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}", "https://app.example.com"]
CORS_URLS_REGEX = r"^/api/.*$"
`,
    calls: [LIST, V2_LIST],
  },
  // https://www.mintlify.com/jairordtgz/RestAPI/configuration/cors : production block with its own
  // CORS_ALLOW_HEADERS list (authorization, no content-type): the JSON POST's preflight fails.
  // Root cause: line 37.
  {
    name: "held-out: production-only CORS_ALLOW_HEADERS without content-type",
    settings: `${HEAD}${MIDDLEWARE}
if DEBUG:
    CORS_ALLOW_ALL_ORIGINS = True
    CORS_ALLOW_HEADERS = ["*"]

if not DEBUG:
    CORS_ALLOW_CREDENTIALS = True
    CORS_ALLOW_ALL_ORIGINS = False
    CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
    CORS_ALLOW_HEADERS = ["accept", "authorization", "x-csrftoken"]
`,
    calls: [LIST, CREATE],
  },
  // https://github.com/adamchainz/django-cors-headers/issues/70 : CORS_ORIGIN_REGEX_WHITELIST with
  // a 4-digit port pattern; the page's port has 5 digits. Root cause: line 31.
  {
    name: "held-out: CORS_ORIGIN_REGEX_WHITELIST with a 4-digit port pattern",
    settings: `${HEAD}${MIDDLEWARE}
CORS_ALLOW_CREDENTIALS = True
CORS_ORIGIN_REGEX_WHITELIST = (
    r"^(https?://)?localhost:\\d{4}$",
    r"^(https?://)?192\\.168\\.\\d+\\.\\d+(:\\d{4})?$",
)
`,
    calls: [LIST, ME],
  },
];

/** Held-out cases that failed because of CORS Lens on their first run: not run (see the report). */
export const HELD_OUT_DJANGO_FAILING: DjangoCase[] = [];
