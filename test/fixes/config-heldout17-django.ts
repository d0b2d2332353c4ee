/**
 * Issue #23's seventeenth never-seen measure, Django (django-cors-headers settings): broken projects rebuilt
 * from public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { type DjangoCase, LIST, ME } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEAD = `"""
Django settings for the api project.
"""
import json
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout17")
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

/** OSIM's flaw update: the user's Bugzilla API key travels in its own header, with the session cookie. */
const FLAW_UPDATE: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { "content-type": "application/json", "bugzilla-api-key": "bz-4f1c9e" },
  credentials: "include",
  body: '{"title":"CVE-2023-1234 kernel: use-after-free"}',
};

export const HELD_OUT17_DJANGO: Array<DjangoCase & Held3> = [
  {
    // https://github.com/openstax/openstax-cms/issues/120 — the CMS allows its front ends with
    // CORS_ORIGIN_REGEX_WHITELIST, and the local development entry is written as `^localhost:3000$`; an
    // Origin always carries its scheme, so the pattern never matches and the front end developed locally
    // is refused (the production pattern, `(.*\.)?` before the domain, happens to absorb the scheme). The
    // local front end is the page (on its own port). Root: the regex whitelist.
    name: "heldout17 Django: the origin regex whitelist writes the local front end without its scheme, the developer's front end refused",
    url: "https://github.com/openstax/openstax-cms/issues/120",
    rootText: "CORS_ORIGIN_REGEX_WHITELIST = (",
    settings: `${HEAD}
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_REGEX_WHITELIST = (
    r"^(.*\\.)?openstax\\.org$",
    r"^localhost:3000$",
)
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/Substra/substra-backend/pull/259 — "Disable CORS_ALLOW_CREDENTIALS by default": the
    // backend reads CORS_ALLOW_CREDENTIALS from the environment with False as the default, and the review
    // notes "for front-end you need to set it to true to allow it to login in the backend": a deployment
    // that keeps the default has the front end's cookie calls refused (no Allow-Credentials). The
    // whitelist, read from the environment too, holds the front end (the page). Root: the credentials
    // setting defaulting to False.
    name: "heldout17 Django: CORS_ALLOW_CREDENTIALS read from the environment defaults to False, the front end's login cookie calls refused",
    url: "https://github.com/Substra/substra-backend/pull/259",
    rootText: 'CORS_ALLOW_CREDENTIALS = to_bool(os.environ.get("CORS_ALLOW_CREDENTIALS", False))',
    settings: `${HEAD}

def to_bool(value):
    return str(value).lower() in ("1", "true", "yes", "y")


# A list of origins that are authorized to make cross-site HTTP requests (e.g. the frontend url).
CORS_ORIGIN_WHITELIST = json.loads(os.environ.get("CORS_ORIGIN_WHITELIST", '["{{ORIGIN}}"]'))
CORS_ALLOW_CREDENTIALS = to_bool(os.environ.get("CORS_ALLOW_CREDENTIALS", False))
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-encoding",
    "authorization",
    "content-type",
    "dnt",
    "origin",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
)
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/RedHatProductSecurity/osidb/pull/348 — "Configure CORS_ALLOW_HEADERS": the API's
    // django-cors-headers settings take the allowed origins from OSIDB_CORS_ALLOWED_ORIGINS and allow
    // credentials (#285, for OSIM's login), but leave the allowed request headers at the defaults, and
    // OSIM sends the user's Bugzilla API key in a `Bugzilla-Api-Key` header, so its flaw updates are
    // refused at the preflight (the PR adds the header, #349 merges it). The deployment's origins list
    // holds OSIM (the page). Root: the settings that leave CORS_ALLOW_HEADERS at the defaults.
    name: "heldout17 Django: CORS_ALLOW_HEADERS left at the defaults, OSIM's Bugzilla-Api-Key update refused at the preflight",
    url: "https://github.com/RedHatProductSecurity/osidb/pull/348",
    rootText: "CORS_ALLOWED_ORIGINS = get_env(",
    settings: `${HEAD}

def get_env(key, default=None, is_json=False):
    value = os.environ.get(key, default)
    return json.loads(value) if is_json and value is not None else value


# sets the Access-Control-Allow-Origin response header
# example value: ["https://osidb.example.com", "https://osim.example.com"]
CORS_ALLOWED_ORIGINS = get_env(
    "OSIDB_CORS_ALLOWED_ORIGINS", default='["{{ORIGIN}}"]', is_json=True
)
CORS_ALLOW_CREDENTIALS = True
`,
    calls: [LIST, FLAW_UPDATE],
  },
];
