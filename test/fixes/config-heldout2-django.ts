/**
 * Issue #23's second never-seen measure, Django settings with django-cors-headers (Debian's
 * Django 3.2, django-cors-headers 3.14): each case rebuilds a public report (cited above it), written
 * blind to the readers. {{ORIGIN}} is the page's origin; `rootAt` the root cause's line; no `check`
 * (codes not known blind). The project's urls.py, auth.py and run.py are the Django suite's.
 */
import { CREATE, type DjangoCase, LIST, MOVED, UPDATE } from "./config-django-cases";

export interface HeldOut2PythonCase {
  source: string;
  /** The root cause's line: the first line of the file holding this text. */
  rootAt: string;
}

export type HeldOut2DjangoCase = DjangoCase & HeldOut2PythonCase;

export const HELD_OUT2_DJANGO: HeldOut2DjangoCase[] = [
  {
    // https://github.com/adamchainz/django-cors-headers/issues/314 — CorsMiddleware listed twice
    // (first, and again after CommonMiddleware), the old CORS_ORIGIN_WHITELIST tuple that does not
    // hold the front end now calling. Root cause: the CORS_ORIGIN_WHITELIST line.
    name: "heldout2: Django: CorsMiddleware twice, CORS_ORIGIN_WHITELIST tuple without the page",
    source: "https://github.com/adamchainz/django-cors-headers/issues/314",
    settings: `import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

SECRET_KEY = 'django-insecure-heldout2'
DEBUG = False
ALLOWED_HOSTS = ['*']
ROOT_URLCONF = 'urls'

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'corsheaders',
]

MIDDLEWARE = [
    'corsheaders.middleware.CorsMiddleware',
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'corsheaders.middleware.CorsMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
]

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = (
    'https://www.example.com',
    'http://localhost:8080',
)
`,
    calls: [LIST, CREATE],
    rootAt: "CORS_ORIGIN_WHITELIST = (",
  },
  {
    // https://github.com/adamchainz/django-cors-headers/issues/534 — the project's API-key
    // middleware listed before CorsMiddleware (in a tuple filtered for None, as posted): it answers
    // the preflight, which carries no key, with a 401 of its own. Root cause: the
    // "auth.ApiKeyMiddleware" line ahead of CorsMiddleware.
    name: "heldout2: Django: an API-key middleware ahead of CorsMiddleware refuses the preflight",
    source: "https://github.com/adamchainz/django-cors-headers/issues/534",
    settings: `import os

SECRET_KEY = "django-insecure-heldout2"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]

ALL_MIDDLEWARE_CLASSES = (
    "prof.ProfileMiddleware" if DEBUG else None,
    "auth.ApiKeyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
)
MIDDLEWARE = [m for m in ALL_MIDDLEWARE_CLASSES if m]

CORS_ORIGIN_WHITELIST = [
    "http://localhost:8800",
    "https://console.xyz.com",
    "{{ORIGIN}}",
]

CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

CORS_ALLOW_HEADERS = (
    "x-requested-with",
    "content-type",
    "accept",
    "accept-encoding",
    "origin",
    "authorization",
    "x-csrftoken",
    "x-api-key",
)
`,
    calls: [LIST, UPDATE],
    rootAt: '"auth.ApiKeyMiddleware",',
  },
  {
    // https://github.com/Flagsmith/flagsmith/pull/54 — CorsMiddleware below CommonMiddleware:
    // CommonMiddleware's APPEND_SLASH redirect is made before CORS runs, so it carries no header
    // and the browser refuses to follow it. Root cause: the CorsMiddleware line after
    // CommonMiddleware.
    name: "heldout2: Django: CorsMiddleware after CommonMiddleware, the APPEND_SLASH redirect has no header",
    source: "https://github.com/Flagsmith/flagsmith/pull/54",
    settings: `"""
Settings for the flags API.
"""
import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-heldout2")
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
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

CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]
`,
    calls: [LIST, MOVED],
    rootAt: '"corsheaders.middleware.CorsMiddleware",',
  },
];

/** A correct settings file (check must report no error): CorsMiddleware first, an explicit list with credentials. */
export const HELD_OUT2_DJANGO_CORRECT = `from corsheaders.defaults import default_headers

SECRET_KEY = "django-insecure-correct"
DEBUG = False
ALLOWED_HOSTS = ["api.example.com"]
ROOT_URLCONF = "urls"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
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
    "https://app.example.com",
    "https://admin.example.com",
]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = list(default_headers) + ["x-api-key"]
`;
