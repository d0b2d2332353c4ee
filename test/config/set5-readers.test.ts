/**
 * What held-out set 5 showed the readers missing (test/fixes/HELDOUT5.md), pinned on small files:
 * each fails on the code before the change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

function headers(
  files: ConfigFile[],
  req: { method: string; url: string; headers?: Array<[string, string]> },
) {
  const a = readConfig(files).answer({
    headers: [["Origin", PAGE], ...(req.headers ?? [])],
    ...req,
  } as never);
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return new Map(a.headers.map(([n, v]) => [n.toLowerCase(), v]));
}

describe("JavaScript apps", () => {
  it("Koa: cors(…) on one route only is used app-wide, before the router, for the routes without it", () => {
    const text = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const corsOptions = { origin: "${PAGE}", allowMethods: "GET,POST,DELETE" };
const app = new Koa();
const router = new Router();
router.get("/api/notes", cors(corsOptions), (ctx) => {
  ctx.body = [];
});
router.post("/api/notes", (ctx) => {
  ctx.status = 201;
});
app.use(router.routes());
app.use(router.allowedMethods());
`;
    const file = { path: "index.js", text };
    const ev = [
      {
        url: "http://h/api/notes",
        method: "POST",
        headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
        origin: PAGE,
      },
    ];
    // The evidence as a server without that route-level cors would answer it (blocked).
    const r = fixConfig(
      [file],
      recordedFrom([{ path: "index.js", text: text.replace("cors(corsOptions), ", "") }], ev),
    );
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain("});\napp.use(cors(corsOptions));\napp.use(router.routes());\n");
    // The route that had it keeps it.
    expect(r.files[0]?.after).toContain('router.get("/api/notes", cors(corsOptions), (ctx) => {');
  });

  it("Hono: new Hono().basePath('/api') puts every route and app.use('*') under /api", () => {
    const text = `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono().basePath("/api");
app.use("*", cors({ origin: "${PAGE}", allowHeaders: ["Content-Type"] }));
app.get("/items", (c) => c.json([]));
`;
    const file = { path: "index.mjs", text };
    expect(
      headers([file], { method: "GET", url: "http://h/api/items" }).get("access-control-allow-origin"),
    ).toBe(PAGE);
    // Outside the base path, nothing of the app answers with CORS.
    expect(headers([file], { method: "GET", url: "http://h/items" }).has("access-control-allow-origin")).toBe(
      false,
    );
    const ev = recordedFrom(
      [file],
      [{ url: "http://h/api/items", method: "GET", headers: [["Authorization", "Bearer t"]], origin: PAGE }],
    );
    const r = fixConfig([file], ev);
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toContain(
      '+app.use("*", cors({ origin: "https://page.example.com", allowHeaders: ["Content-Type", "Authorization"] }));',
    );
  });

  it("Fastify: @fastify/cors hoisted out of a plain plugin takes the plugin's options constant written out", () => {
    const text = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

async function corsPlugin(fastify) {
  const corsOptions = { origin: ["${PAGE}"] };
  fastify.register(cors, corsOptions);
}

async function routes(fastify) {
  fastify.get("/api/items", async () => []);
}

const app = Fastify();
app.register(corsPlugin);
app.register(routes);
`;
    const file = { path: "app.js", text };
    const ev = recordedFrom(
      [{ path: "app.js", text: text.replace("  fastify.register(cors, corsOptions);\n", "") }],
      [{ url: "http://h/api/items", method: "GET", origin: PAGE }],
    );
    const r = fixConfig([file], ev);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`const app = Fastify();\napp.register(cors, { origin: ["${PAGE}"] });\n`);
    expect(after).not.toContain("fastify.register(cors, corsOptions);");
  });
});

describe("Flask", () => {
  it("CORS(resources=…) made apart and init_app()'d is read as one, and patched where its options are", () => {
    const text = `from flask import Flask
from flask_cors import CORS

cors = CORS(resources={r"/api/*": {"origins": ["http://localhost:3000"]}})


def create_app():
    app = Flask(__name__)
    cors.init_app(app)

    @app.route("/api/items")
    def items():
        return "[]"

    return app
`;
    const file = { path: "app.py", text };
    expect(
      headers([file], { method: "GET", url: "http://h/api/items" }).has("access-control-allow-origin"),
    ).toBe(false);
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toContain(
      `+cors = CORS(resources={r"/api/*": {"origins": ["http://localhost:3000", "${PAGE}"]}})`,
    );
  });

  it("an after_request hook that sets Access-Control-* headers by code CORS Lens does not read: every answer unknown, with its line", () => {
    const text = `from flask import Flask, request

app = Flask(__name__)


@app.after_request
def add_cors(response):
    if request.path.startswith("/api"):
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response
`;
    const a = readConfig([{ path: "app.py", text }]).answer({
      method: "GET",
      url: "http://h/x",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "unknown" && a.why).toEqual({
      key: "config.flask.unknown.hand-set",
      params: { line: 6 },
    });
  });
});

describe("Django", () => {
  it("a CORS_* name django-cors-headers never reads is named, with the setting it resembles", () => {
    const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
CORS_ALLOWED_HEADERS = ["x-api-key"]
CORS_FRONTENDS = ["https://a.example.com"]
CORS_ORIGIN_WHITELIST = CORS_FRONTENDS
`;
    const findings = checkConfig([{ path: "settings.py", text }]).findings;
    const notRead = findings.filter((f) => f.code === "django-setting-not-read");
    // CORS_FRONTENDS is read again by the file: the project's own name, not a mistaken setting.
    expect(notRead.map((f) => [f.line, f.words])).toEqual([
      [
        4,
        {
          key: "config.django.check.not-read-near",
          params: { name: "CORS_ALLOWED_HEADERS", near: "CORS_ALLOW_HEADERS" },
        },
      ],
    ]);
  });
});
