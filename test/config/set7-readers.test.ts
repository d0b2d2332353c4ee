/**
 * Shapes held-out set 7 found unread or refused (test/fixes/HELDOUT7.md), each checked on the model
 * (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

describe("Django: a hand-written middleware sends a FRONTEND_URL setting written with a trailing slash", () => {
  const settings = {
    path: "settings.py",
    text: `import os

MIDDLEWARE = [
    "middleware.SimpleCorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

FRONTEND_URL = os.environ.get("FRONTEND_URL", "${PAGE}/")
`,
  };
  const middleware = {
    path: "middleware.py",
    text: `from django.conf import settings
from django.http import HttpResponse


class SimpleCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = settings.FRONTEND_URL
        response["Vary"] = "Origin"
        return response
`,
  };
  const files = [settings, middleware];

  it("check names the setting's line; fix writes the origin there (nothing else changes)", () => {
    expect(checkConfig(files).findings.map((f) => [f.code, f.file, f.line])).toContainEqual([
      "django-mw-origin-path",
      "settings.py",
      8,
    ]);
    const r = fixConfig(files, recordedFrom(files, [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.edits.map((e) => [e.file, e.line])).toEqual([["settings.py", 8]]);
    expect(fixDiff(r)).toContain(`+FRONTEND_URL = os.environ.get("FRONTEND_URL", "${PAGE}")`);
  });

  it("a literal of another origin is not rewritten", () => {
    const other = { ...settings, text: settings.text.replace(`${PAGE}/`, "https://shop.example.com/") };
    const r = fixConfig(
      [other, middleware],
      recordedFrom([other, middleware], [{ url: "http://h/api/items", origin: PAGE }]),
    );
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
  });
});
