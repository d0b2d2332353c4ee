/**
 * Shapes held-out set 7 found unread or refused (test/fixes/HELDOUT7.md), each checked on the model
 * (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const need = createRequire(import.meta.url);
const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
  await prepareConfig([{ path: "config.ru", text: "use Rack::Cors do\nend\n" }], grammarBytes);
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

describe("Fastify: @fastify/cors registered in a sibling plugin's scope", () => {
  const text = `const Fastify = require("fastify");

async function publicRoutes(api) {
  api.register(require("@fastify/cors"), { origin: "${PAGE}" });

  api.get("/health", async () => ({ ok: true }));
}

async function itemRoutes(api) {
  api.get("/items", async () => [{ id: 1 }]);
  api.put("/items/:id", async () => ({ id: 1 }));
}

const app = Fastify();
app.register(publicRoutes, { prefix: "/public" });
app.register(itemRoutes, { prefix: "/api" });

module.exports = app;
`;
  it("is moved onto the app (the plugin's own routes keep it), and the printed app answers both (for real)", async () => {
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/api/items", origin: PAGE },
          {
            url: "http://h/api/items/1",
            method: "PUT",
            origin: PAGE,
            headers: [["Content-Type", "application/json"]],
          },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(`-  api.register(require("@fastify/cors"), { origin: "${PAGE}" });`);
    // Moved as written, PUT added to the methods @fastify/cors allows by default (GET, HEAD, POST).
    expect(fixDiff(r)).toContain(
      `+app.register(require("@fastify/cors"), { origin: "${PAGE}", methods: ["GET", "HEAD", "POST", "PUT"] });`,
    );
    const module = { exports: {} as Record<string, unknown> };
    new Function("require", "module", "process", r.files[0]?.after ?? "")(need, module, { env: {} });
    const app = module.exports as unknown as {
      inject: (o: object) => Promise<{ statusCode: number; headers: Record<string, string> }>;
      close: () => Promise<void>;
    };
    try {
      for (const url of ["/api/items", "/public/health"]) {
        const res = await app.inject({ method: "GET", url, headers: { origin: PAGE } });
        expect([url, res.statusCode, res.headers["access-control-allow-origin"]]).toEqual([url, 200, PAGE]);
      }
      const pre = await app.inject({
        method: "OPTIONS",
        url: "/api/items/1",
        headers: { origin: PAGE, "access-control-request-method": "PUT" },
      });
      expect(pre.statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });
});

describe("rack-cors: a regular expression written in quotes", () => {
  it("check names it (a string, compared whole); the Regexp itself is not", () => {
    const text = (origin: string) => `require "rack/cors"

use Rack::Cors do
  allow do
    origins ${origin}
    resource "/api/*", headers: :any, methods: [:get, :post]
  end
end

run ->(env) { [200, {}, ["ok"]] }
`;
    const codes = (o: string) =>
      checkConfig([{ path: "config.ru", text: text(o) }]).findings.map((f) => [f.code, f.line]);
    expect(codes(`'/\\Ahttp:\\/\\/localhost(:\\d+)?\\z/'`)).toEqual([["rack-cors-origin-regex-string", 5]]);
    expect(codes(`/\\Ahttp:\\/\\/localhost(:\\d+)?\\z/`)).toEqual([]);
  });
});
