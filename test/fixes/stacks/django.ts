import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withImports } from "../apply-printed";
import { debVersion } from "../harness";
import { movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { editFile, files, splitFiles, startPython } from "./python-common";

const URLS = `from django.http import HttpResponse, JsonResponse
from django.urls import path


def items(request):
    if request.method == "POST":
        return JsonResponse({"id": 1}, status=201)
    return JsonResponse([], safe=False)


def item(request, i):
    if request.method == "DELETE":
        return HttpResponse(status=204)
    return JsonResponse({"id": i})


def me(request):
    return JsonResponse({"user": "ada"})


def fail(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("api/items", items),
    path("api/items/<int:i>", item),
    path("api/things/<int:i>/", item),
    path("api/me", me),
    path("api/fail", fail),
]
`;

const AUTH = `from django.http import JsonResponse


class RequireKey:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/items/") and "x-api-key" not in request.headers:
            return JsonResponse({"error": "unauthorized"}, status=401)
        return self.get_response(request)
`;

/** The seed's hand-written middleware, reproduced: `*` on every response, a fixed header list. */
const SEED_MIDDLEWARE = `from django.http import HttpResponse


class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Access-Control-Max-Age"] = 86400
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "DELETE, GET, OPTIONS, PATCH, POST, PUT"
        response["Access-Control-Allow-Headers"] = "accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with"
        return response
`;

const RUN = `import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line

execute_from_command_line(["manage.py", "runserver", "--noreload", "127.0.0.1:" + os.environ["PORT"]])
`;

function settings(middleware: string[], cors: string, apps = '["corsheaders"]'): string {
  return `SECRET_KEY = "fix-test"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
INSTALLED_APPS = ${apps}
MIDDLEWARE = [${middleware.map((m) => `"${m}"`).join(", ")}]
${cors}
`;
}

const project = (s: string, extra: Record<string, string> = {}) =>
  files({ "settings.py": s, "urls.py": URLS, "auth.py": AUTH, "run.py": RUN, ...extra });

const CORS = "corsheaders.middleware.CorsMiddleware";
const COMMON = "django.middleware.common.CommonMiddleware";

const corsHeadersCases: StackCase[] = [
  {
    name: "header-missing",
    target: "update",
    config: (o) =>
      project(
        settings([CORS, COMMON], `CORS_ALLOWED_ORIGINS = ["${o}"]\nCORS_ALLOW_HEADERS = ["content-type"]`),
      ),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      project(
        settings(
          [CORS, COMMON],
          `CORS_ALLOWED_ORIGINS = ["${o}"]\nCORS_ALLOW_METHODS = ["GET", "OPTIONS", "PATCH", "POST", "PUT"]`,
        ),
      ),
    expect: ["method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) => project(settings(["auth.RequireKey", CORS, COMMON], `CORS_ALLOWED_ORIGINS = ["${o}"]`)),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/things/1")],
    // CommonMiddleware above CorsMiddleware: its APPEND_SLASH 301 goes out without CORS headers.
    config: (o) => project(settings([COMMON, CORS], `CORS_ALLOWED_ORIGINS = ["${o}"]`)),
    expect: ["missing-allow-origin", "preflight-redirected"],
  },
];

const djangoVersion = (extra: string | null) => {
  const d = debVersion("python3-django");
  return d ? `Django ${d}${extra ? `, ${extra}` : ""} (Debian)` : null;
};

export const djangoCorsHeadersStack: StackUnderTest = {
  stack: "django-cors-headers",
  label: "Django + django-cors-headers",
  version: () => {
    const c = debVersion("python3-django-cors-headers");
    return c ? djangoVersion(`django-cors-headers ${c}`) : null;
  },
  install: "apt-get install python3-django python3-django-cors-headers",
  cases: corsHeadersCases,
  notApplicable: {
    "wildcard-credentials":
      "django-cors-headers answers the request's origin, not *, when CORS_ALLOW_ALL_ORIGINS and CORS_ALLOW_CREDENTIALS are both on",
    "error-no-cors":
      "Django turns exceptions into responses inside every middleware, so CorsMiddleware adds its headers to 500s",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: (config, port, dir) => startPython(config, ["run.py"], port, dir),
  apply(config, fix) {
    // "At the end of settings.py."
    // And its imports where settings.py lacks them ("if your file does not import it yet").
    return editFile(config, "settings.py", (s) => `${withImports(s, fix)}\n${fix.snippet}\n`);
  },
};

const SEED = "cors.CorsMiddleware";
const seedCases: StackCase[] = [
  {
    name: "wildcard-credentials",
    target: "me",
    config: () => project(settings([SEED, COMMON], "", "[]"), { "cors.py": SEED_MIDDLEWARE }),
    expect: ["wildcard-origin-with-credentials"],
  },
  {
    name: "header-missing",
    target: "update",
    config: () => project(settings([SEED, COMMON], "", "[]"), { "cors.py": SEED_MIDDLEWARE }),
    expect: ["header-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "remove",
    config: () =>
      project(settings(["auth.RequireKey", SEED, COMMON], "", "[]"), { "cors.py": SEED_MIDDLEWARE }),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/things/1")],
    config: () => project(settings([COMMON, SEED], "", "[]"), { "cors.py": SEED_MIDDLEWARE }),
    expect: ["missing-allow-origin", "preflight-redirected"],
  },
];

export const djangoSeedStack: StackUnderTest = {
  stack: "django",
  label: "Django + the seed's middleware",
  version: () => djangoVersion(null),
  install: "apt-get install python3-django",
  cases: seedCases,
  notApplicable: {
    "method-missing": "the seed's middleware lists every method",
    "error-no-cors":
      "Django turns exceptions into responses inside every middleware, so the seed's headers reach 500s",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: (config, port, dir) => {
    writeFileSync(join(dir, "cors.py"), splitFiles(config).get("cors.py") ?? "");
    return startPython(config, ["run.py"], port, dir);
  },
  apply(config, fix) {
    // "Replace your own CORS middleware class with this one (same module), and keep it first in MIDDLEWARE."
    const replaced = editFile(config, "cors.py", () => `${fix.snippet}\n`);
    return editFile(replaced, "settings.py", (s) =>
      s.replace(/^MIDDLEWARE = \[(.*)\]$/m, (_all, list: string) => {
        const rest = list
          .split(",")
          .map((m) => m.trim())
          .filter((m) => m !== `"${SEED}"`);
        return `MIDDLEWARE = ["${SEED}", ${rest.join(", ")}]`;
      }),
    );
  },
};
