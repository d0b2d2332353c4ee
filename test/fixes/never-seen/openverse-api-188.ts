// https://github.com/WordPress/openverse-api/issues/188 (fixed by
// https://github.com/WordPress/openverse-api/pull/189) — "API not adding CORS headers to responses"
// with CORS_ORIGIN_ALLOW_ALL on: CorsMiddleware sat below CommonMiddleware, whose APPEND_SLASH
// redirect (/v1/images → /v1/images/) went out without CORS headers; the fix: move CorsMiddleware
// above CommonMiddleware, as the django-cors-headers README says.
import { djangoCorsHeadersStack } from "../stacks/django";
import { files, startPython } from "../stacks/python-common";
import { type Report, request } from "./report";

const URLS = `from django.http import HttpResponse, JsonResponse
from django.urls import path, re_path


def images(request):
    return JsonResponse({"results": []})


def api(request, rest):
    if rest == "fail":
        return JsonResponse({"error": "boom"}, status=500)
    if request.method == "DELETE":
        return HttpResponse(status=204)
    return JsonResponse({"ok": True}, status=201 if request.method == "POST" else 200)


urlpatterns = [
    path("api/images/", images),
    re_path(r"^api/(?!images)(?P<rest>.*)$", api),
]
`;

const RUN = `import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line

execute_from_command_line(["manage.py", "runserver", "--noreload", "127.0.0.1:" + os.environ["PORT"]])
`;

export const openverse188: Report = {
  url: "https://github.com/WordPress/openverse-api/issues/188",
  id: "openverse-api#188",
  stack: "django-cors-headers",
  mistake:
    "CorsMiddleware is below CommonMiddleware, whose APPEND_SLASH redirect answers without CORS headers",
  names: [/CommonMiddleware|APPEND_SLASH/, /CorsMiddleware|MIDDLEWARE/],
  target: "search" as Report["target"],
  extra: [request("search", "GET", "/api/images?q=birds")],
  expect: ["missing-allow-origin"],
  config: () =>
    files({
      "settings.py": `SECRET_KEY = "never-seen"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
USE_TZ = True
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
CORS_ORIGIN_ALLOW_ALL = True
`,
      "urls.py": URLS,
      "run.py": RUN,
    }),
  start: (config, port, dir) => startPython(config, ["run.py"], port, dir),
  apply: (config, fix) => djangoCorsHeadersStack.apply?.(config, fix, "preflight-redirect") ?? config,
};
