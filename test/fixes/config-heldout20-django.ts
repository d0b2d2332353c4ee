/**
 * Issue #23's twentieth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

/** The code manager's logout: its session (cookie) removed with credentials. */
const LOGOUT: PageRequest = {
  name: "remove",
  method: "DELETE",
  path: "/api/items/1",
  headers: {},
  credentials: "include",
  body: null,
};
/** The front end's dataset read and update, its token in an API-KEY header. */
const DATASET: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/items/1",
  headers: { "api-key": "5a1a6b2e-93c5-4d0e-8f3c-6c2f0a9b7d11" },
  credentials: "omit",
  body: null,
};
const DATASET_UPDATE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { "api-key": "5a1a6b2e-93c5-4d0e-8f3c-6c2f0a9b7d11", "content-type": "application/json" },
  credentials: "omit",
  body: '{"data":{"GSE3303":["GSM74854"]}}',
};
/** The review app's read of the current profile, no credentials. */
const PROFILE: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT20_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/mozilla/addons-server/issues/11100 — "Allow credentials to be included in
    // cross-site HTTP requests (accounts/session endpoint)": the add-ons API answers with
    // Access-Control-Allow-Origin `*` (CORS allowed for every origin, no credentials), so the code manager,
    // hosted on another domain, cannot send its cookies when it logs the user out (the browser refuses a
    // wildcard for a credentialed request); the team decides to change the CORS config for that endpoint.
    // The settings are written as the API's CORS part (every origin, the API URL regex), the logout as the
    // credentialed DELETE of the suite's item route, the code manager as the page. Root: allowing every
    // origin, which answers `*` and no credentials.
    name: "heldout20 Django: CORS is open to every origin without credentials, the code manager's logout refused",
    url: "https://github.com/mozilla/addons-server/issues/11100",
    // Added after the first run (HELDOUT20.md): refused on purpose, as sets 12 and 13's — every origin
    // with credentials would let any site read the user's data, and a list of the page's origins would
    // take `*` from every other site (never narrower). The refusal is asserted: exit 1, the reason said,
    // no file written.
    expect: "cannot",
    said: "would let every site read the user's data",
    rootText: "CORS_ORIGIN_ALLOW_ALL = True",
    settings: `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-heldout20-olympia")
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
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

# Add Access-Control-Allow-Origin: * header for the new API with
# django-cors-headers.
CORS_ORIGIN_ALLOW_ALL = True
CORS_URLS_REGEX = r"^/api/.*$"
`,
    calls: [LIST, LOGOUT],
  },
  {
    // https://github.com/mozilla/network-pulse-api/pull/334 — "CORS env fix" (for #331, "Review app CORS
    // whitelist regex isn't working"): the review apps of the Pulse front end were refused by the API's
    // CORS, because the settings read the origin regex list from an environment variable whose value on
    // Heroku was written with Python's raw-string wrapper, `r'…'`, so the quote characters became part of
    // the pattern and it matched nothing (the PR also fixes a typo in the variable's name). The settings are
    // written with that value as the default, the review app (any localhost port in the pattern) as the
    // page. Root: the origin regex whose value carries the r'…' wrapper.
    name: "heldout20 Django: the origin regex from the environment carries r'…' quotes, the review app refused",
    url: "https://github.com/mozilla/network-pulse-api/pull/334",
    rootText: "CORS_ORIGIN_REGEX_WHITELIST = (os.environ.get(",
    settings: `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-heldout20-pulseapi")
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
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

# we want to restrict API calls to domains we know
CORS_ORIGIN_ALLOW_ALL = False
# and we want origin whitelisting
CORS_ORIGIN_WHITELIST = os.environ.get(
    "CORS_ORIGIN_WHITELIST", "https://www.mozillapulse.org,https://foundation.mozilla.org"
).split(",")
CORS_ORIGIN_REGEX_WHITELIST = (os.environ.get(
    "CORS_ORIGIN_REGEX_WHITELIST", r"r'^(https?://)?localhost(:\\d+)?$'"
),)
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, PROFILE],
  },
  {
    // https://github.com/AlexsLemonade/refinebio/pull/1169 — "Allow API-KEY header": the refine.bio API's
    // Django settings allow CORS from every origin but leave the allowed request headers at
    // django-cors-headers' defaults, so the front end, which sends its token in an `API-KEY` header when it
    // reads and updates a dataset, is refused at the preflight ("Request header field api-key is not
    // allowed"); the PR adds API-KEY to the allowed headers. The settings are written as the API's CORS part
    // (unrestricted, default headers), the dataset read and update as the suite's item routes, the front end
    // as the page. Root: the unrestricted CORS setting left with the default header list.
    name: "heldout20 Django: CORS allows every origin with the default headers only, the front end's API-KEY calls refused",
    url: "https://github.com/AlexsLemonade/refinebio/pull/1169",
    rootText: "CORS_ORIGIN_ALLOW_ALL = True",
    settings: `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout20-refinebio")
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

REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 25,
}

# CORS - unrestricted
CORS_ORIGIN_ALLOW_ALL = True
`,
    calls: [DATASET, DATASET_UPDATE],
  },
];
