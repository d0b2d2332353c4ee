/**
 * Shapes held-out set 11 found misread or refused (test/fixes/HELDOUT11.md), each checked on the
 * model (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  prepareConfig,
  readConfig,
} from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from flask import Flask\n" },
      { path: "config.ru", text: "use Rack::Cors\n" },
    ],
    grammarBytes,
  );
});

const js = (path: string, text: string) => ({ path, text });

describe("Hono: the app's own middleware sets the headers after await next()", () => {
  const text = `import { Hono } from "hono";
import { createMiddleware } from "hono/factory";

const FRONT_ENDS = ["${PAGE}"];

const corsForFrontEnds = createMiddleware(async (c, next) => {
  const origin = c.req.header("Origin");
  if (!origin || !FRONT_ENDS.includes(origin)) return next();
  if (c.req.method === "OPTIONS" && c.req.header("Access-Control-Request-Method")) {
    return c.body(null, 204, {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Credentials": "true",
      "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
      "Access-Control-Allow-Headers": "Content-Type, Authorization",
      Vary: "Origin",
    });
  }
  await next();
  c.header("Access-Control-Allow-Origin", origin);
  c.header("Access-Control-Allow-Credentials", "true");
  c.header("Vary", "Origin");
});

const app = new Hono();
app.use("/api/*", corsForFrontEnds);
app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", async (c) => c.json({ id: c.req.param("id") }));
export default app;
`;
  const file = js("server.mjs", text);
  it("answers with the headers set after next(), so fix has nothing to change", () => {
    const config = readConfig([file]);
    const got = config.answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    } as never);
    expect(JSON.stringify(got)).toContain("Access-Control-Allow-Origin");
    const evidence = recordedFrom(
      [file],
      [
        { url: "http://h/api/items", origin: PAGE, credentials: "include" },
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
          credentials: "include",
        },
      ],
    );
    expect(
      evidence.every((e) => e.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))),
    ).toBe(true);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files.every((f) => f.after === f.before)).toBe(true);
    expect(checkConfig([file]).findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("Koa: a ctx.throw(404) catch-all after allowedMethods() takes the preflight", () => {
  const text = `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", ctx.get("Origin") || "*");
  ctx.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
  ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  await next();
});

router.put("/api/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});

app
  .use(router.routes())
  .use(router.allowedMethods())
  .use((ctx) => {
    ctx.throw(404, "boom");
  });

app.listen(3000);
`;
  const file = js("server.js", text);
  it("answers the preflight in the hand-written middleware, before the chain can throw", () => {
    const evidence = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `  ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  if (ctx.method === "OPTIONS") {
    ctx.status = 204;
    return;
  }
  await next();`,
    );
  });
});

describe("Hono: cors() on '/api/*' under basePath('/api')", () => {
  const text = `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono().basePath("/api");

app.use("/api/*", cors({
  origin: ["${PAGE}"],
  allowHeaders: ["Content-Type", "Authorization"],
  credentials: true,
}));

app.get("/v1/status", (c) => c.json({ ok: true }));
app.post("/v1/heart/:userId", async (c) => c.json({ user: c.req.param("userId") }));
export default app;
`;
  const file = js("server.mjs", text);
  it("runs for /api/api/* only; check names it; fix writes the path without the base", () => {
    const evidence = recordedFrom(
      [file],
      [
        { url: "http://h/api/v1/status", origin: PAGE },
        {
          url: "http://h/api/v1/heart/u1",
          method: "POST",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    expect(evidence[0]?.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain("hono-cors-base-path@6");
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(text.replace('app.use("/api/*"', 'app.use("/*"'));
  });
});

describe("Fastify: @fastify/cors options as a property of a config object, origins one comma string", () => {
  const text = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const config = {
  cors: {
    origin: process.env.CORS_ALLOW_LIST || "${PAGE},https://other.example.com",
    allowedHeaders: ["Accept", "Authorization", "Content-Type"],
    methods: ["GET", "POST"],
  },
};

const server = Fastify({ logger: false });
server.register(cors, config.cors);

server.get("/api/docs", async () => []);
server.post("/api/docs/convert", async (request) => ({ converted: true }));
server.listen({ port: 3000 });
`;
  const file = js("server.js", text);
  it("reads config.cors and splits the origin string into the list it means", () => {
    const evidence = recordedFrom(
      [file],
      [
        { url: "http://h/api/docs", origin: PAGE },
        {
          url: "http://h/api/docs/convert",
          method: "POST",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).not.toBe(text);
    expect(fixDiff(r)).toMatch(/origin: .*split/);
  });
});

describe("FastAPI: CORSMiddleware options read from a dataclass instance, allow_methods given the headers", () => {
  const text = `from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


@dataclass
class CORSConfiguration:
    allow_origins: list = field(default_factory=lambda: ["${PAGE}"])
    allow_credentials: bool = False
    allow_methods: list = field(default_factory=lambda: ["GET", "POST", "PUT", "DELETE"])
    allow_headers: list = field(default_factory=lambda: ["Authorization", "Content-Type"])


cors = CORSConfiguration()

app = FastAPI(title="lightspeed")
app.add_middleware(
    CORSMiddleware,
    allow_origins=cors.allow_origins,
    allow_credentials=cors.allow_credentials,
    allow_methods=cors.allow_headers,
    allow_headers=cors.allow_headers,
)


@app.put("/api/items/{item_id}")
async def update_item(item_id: int, body: dict):
    return {"id": item_id, **body}
`;
  const file = { path: "app/main.py", text };
  it("reads the fields' defaults; fix adds PUT where the methods come from", () => {
    const evidence = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace("allow_methods=cors.allow_headers", "allow_methods=cors.allow_methods"),
    );
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "option-reads-other-option@22",
    );
  });
});

describe("Flask: @cross_origin view raising the app's own exception, answered by an errorhandler", () => {
  const text = `from flask import Flask, jsonify
from flask_cors import cross_origin

FRONT_END = ["${PAGE}"]
ITEMS = {1: {"id": 1}}

app = Flask(__name__)


class ApplicationError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


@app.errorhandler(ApplicationError)
def handle_error(err):
    return jsonify({"error": str(err)}), err.status


@app.route("/api/items/<int:item_id>")
@cross_origin(origins=FRONT_END, methods=["GET"])
def get_item(item_id):
    if item_id not in ITEMS:
        raise ApplicationError(404, "no such item")
    return jsonify(ITEMS[item_id])
`;
  const file = { path: "app.py", text };
  it("reads the recorded 404 without headers as the decorator passed by; check and fix name it", () => {
    // What the browser recorded: the errorhandler's 404, without the decorator's headers.
    const evidence = recordedFrom([file], [{ url: "http://h/api/items/9", origin: PAGE }]);
    const hop = evidence[0]?.hops.at(-1);
    if (!hop) throw new Error("no hop");
    hop.status = 404;
    hop.responseHeaders = [["Content-Type", "application/json"]];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain("CORS(app");
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "flask-cross-origin-abort@22",
    );
  });
});

describe("Apache: DirectorySlash's 301 for a directory asked without its slash", () => {
  const text = `<VirtualHost *:80>
    ServerName spaceapi.example.org
    DocumentRoot /srv/htdocs

    <Directory /srv/htdocs>
        Require all granted
        DirectoryIndex index.json
    </Directory>

    Header set Access-Control-Allow-Origin "*"
</VirtualHost>
`;
  const file = { path: "site.conf", text };
  it("is httpd's own answer, without the onsuccess headers; fix writes always", () => {
    const evidence = recordedFrom([file], [{ url: "http://spaceapi.example.org/spaceapi", origin: PAGE }]);
    const hop = evidence[0]?.hops.at(-1);
    if (!hop) throw new Error("no hop");
    hop.status = 301;
    hop.responseHeaders = [["Location", "http://spaceapi.example.org/spaceapi/"]];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain('Header always set Access-Control-Allow-Origin "*"');
  });
});

describe("Caddy: Allow-Origin filled from the Referer header", () => {
  const text = `:8080 {
	@api path /api/*
	header @api {
		Access-Control-Allow-Origin {http.request.header.Referer}
		Access-Control-Allow-Credentials true
		Vary Origin
	}

	reverse_proxy 127.0.0.1:9000
}
`;
  const file = { path: "Caddyfile", text };
  it("reflects the page's origins under the line's own path instead", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h:8080/api/me", origin: PAGE, credentials: "include" }].map((x) => ({
        ...x,
        credentials: "include" as const,
      })),
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(`:8080 {
	@api path /api/*
	header @api {
		Access-Control-Allow-Credentials true
		Vary Origin
	}
	@cors_origin {
		path /api/*
		header Origin ${PAGE}
	}
	header @cors_origin Access-Control-Allow-Origin "{header.Origin}"

	reverse_proxy 127.0.0.1:9000
}
`);
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "origin-from-other-header@4",
    );
  });
});

describe("aiohttp: the cors.add loop leaves the add_static route out", () => {
  const text = `import pathlib

import aiohttp_cors
from aiohttp import web

STATIC_DIR = pathlib.Path(__file__).resolve().parent / "static"


async def list_items(request):
    return web.json_response([])


app = web.Application()
app.router.add_get("/api/items", list_items)
app.router.add_static("/static/", STATIC_DIR)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "*": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        )
    },
)
for route in list(app.router.routes()):
    if not isinstance(route.resource, web.StaticResource):
        cors.add(route)
`;
  const file = { path: "app.py", text };
  it("answers the static file without CORS headers; fix removes the test", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/static/config.json", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        "    if not isinstance(route.resource, web.StaticResource):\n        cors.add(route)\n",
        "    cors.add(route)\n",
      ),
    );
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "aiohttp-static-left-out@28",
    );
  });
});

describe("aiohttp: the API sub-application is added after the cors.add loop", () => {
  const text = `import aiohttp_cors
from aiohttp import web


async def health(request):
    return web.json_response({"status": "ok"})


async def list_items(request):
    return web.json_response([])


api = web.Application()
api.router.add_get("/items", list_items)

app = web.Application()
app.router.add_get("/health", health)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "${PAGE}": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        )
    },
)
for route in list(app.router.routes()):
    cors.add(route)

app.add_subapp("/api/", api)
`;
  const file = { path: "app.py", text };
  it("reads the sub-app's routes under its prefix; fix moves the loop below add_subapp", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text
        .replace("for route in list(app.router.routes()):\n    cors.add(route)\n\n", "")
        .replace(
          'app.add_subapp("/api/", api)\n',
          'app.add_subapp("/api/", api)\n\nfor route in list(app.router.routes()):\n    cors.add(route)\n',
        ),
    );
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "aiohttp-route-after-loop@32",
    );
  });
});

describe("Django: settings listing the project's own CORSMiddleware, and that middleware", () => {
  const settings = `SECRET_KEY = "x"
ROOT_URLCONF = "urls"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "middleware.CORSMiddleware",
    "django.middleware.common.CommonMiddleware",
    "auth.ApiKeyMiddleware",
]

CORS_ALLOWED_ORIGINS = ["${PAGE}"]
`;
  const middleware = `from django.conf import settings


class CORSMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = request.headers.get("Origin")
        if origin in settings.CORS_ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-API-Key"
            response["Vary"] = "Origin"
        return response
`;
  const files = [
    { path: "settings.py", text: settings },
    { path: "middleware.py", text: middleware },
  ];
  it("reads the pair as Django (not Starlette's CORSMiddleware); check names the preflight passed on", () => {
    expect(detectFormat(files[0] as ConfigFile)).toEqual({ format: "django" });
    expect(checkConfig(files).findings.map((f) => `${f.code}@${f.file}:${f.line}`)).toEqual([
      "django-mw-preflight-passed-on@middleware.py:9",
    ]);
  });
});

describe("Apache: the CORS header in a .htaccess passed from a checkout, AllowOverride None", () => {
  const site = `<VirtualHost *:80>
    ServerName data.example.com
    DocumentRoot /var/www/data/htdocs

    <Directory /var/www/data/htdocs>
        Options -Indexes
        AllowOverride None
        Require all granted
    </Directory>
</VirtualHost>
`;
  const files = [
    { path: "site.conf", text: site },
    { path: "checkout/htdocs/.htaccess", text: 'Header set Access-Control-Allow-Origin "*"\n' },
  ];
  it("is taken as the DocumentRoot's; check names it, and the AllowOverride line", () => {
    const found = checkConfig(files).findings.find((f) => f.code === "htaccess-ignored");
    expect(`${found?.file}:${found?.line}`).toBe("checkout/htdocs/.htaccess:1");
    expect(found?.also).toEqual([{ file: "site.conf", line: 7 }]);
  });
});

describe("Koa: a session check's ctx.throw(401) after the hand-written CORS middleware", () => {
  const text = `const Koa = require("koa");

const app = new Koa();

app.use(async (ctx, next) => {
  const origin = ctx.get("Origin");
  if (origin === "${PAGE}") {
    ctx.set("Access-Control-Allow-Origin", origin);
    ctx.set("Access-Control-Allow-Credentials", "true");
    ctx.vary("Origin");
  }
  await next();
});

app.use(async (ctx, next) => {
  if (ctx.path.startsWith("/api/me") && !ctx.get("Authorization")) {
    ctx.throw(401, "not logged in");
  }
  await next();
});

app.use((ctx) => {
  if (ctx.path === "/api/me") ctx.body = { user: "ada" };
});

app.listen(3000);
`;
  const file = js("server.js", text);
  it("loses the headers to ctx.onerror; fix carries them in err.headers", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]);
    expect(evidence[0]?.hops.at(-1)?.status).toBe(401);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain("headers");
    expect(r.files[0]?.after).toContain("catch (");
  });
});

describe("Express: a token check CORS Lens does not follow, after the hand-written CORS middleware", () => {
  const text = `const express = require("express");
const jsonwebtoken = require("jsonwebtoken");

const app = express();

app.use(function (req, res, next) {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "X-Requested-With,content-type");
  if (req.method === "OPTIONS") return res.sendStatus(204);
  next();
});

app.use(function (req, res, next) {
  const header = req.get("Authorization");
  if (!header) return next();
  try {
    req.user = jsonwebtoken.verify(header.replace(/^Bearer /, ""), "secretToken");
    next();
  } catch (err) {
    res.status(401).json({ message: "invalid token" });
  }
});

app.get("/api/users/me", (req, res) => res.json({ user: req.user || null }));
app.listen(3000);
`;
  const file = js("server.js", text);
  it("keeps the headers already set: the fix to Allow-Headers is proven", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/api/users/me", origin: PAGE, headers: [["Authorization", "Bearer x.y.z"]] }],
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain('"X-Requested-With,content-type,Authorization"');
  });
});

describe("Flask: CORS(app) and a preflight to a path no route has (the API's 404)", () => {
  const text = `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}})


@app.route("/api/items")
def items():
    return jsonify([])


@app.errorhandler(404)
def not_found(error):
    return jsonify({"message": "Resource not found"}), 404
`;
  const file = { path: "app.py", text };
  it("gets a before_request hook that answers OPTIONS, which flask-cors completes", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/api/reports/2020", origin: PAGE, headers: [["Authorization", "Bearer t"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 404;
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text
        .replace("from flask_cors import CORS\n", "from flask_cors import CORS\nfrom flask import request\n")
        .replace(
          'CORS(app, resources={r"/api/*": {"origins": "*"}})\n',
          'CORS(app, resources={r"/api/*": {"origins": "*"}})\n\n\n@app.before_request\ndef answer_preflight():\n    if request.method == "OPTIONS":\n        return app.make_default_options_response()\n',
        ),
    );
  });
});

describe("Fastify: an onSend hook, and a hand-written OPTIONS route whose header name ends in ':'", () => {
  const text = `const Fastify = require("fastify");

const fastify = Fastify({ logger: false });

fastify.addHook("onSend", async (request, reply, payload) => {
  if (request.method !== "OPTIONS") reply.header("Access-Control-Allow-Origin", "*");
  return payload;
});

fastify.route({
  method: 'OPTIONS',
  url: '/*',
  handler: async (request, reply) => {
    reply.code(204)
      .header('Content-Length', '0')
      .header('Access-Control-Allow-Origin:', '*')
      .header('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE')
      .send()
  }
});

fastify.get("/user", async () => []);
fastify.delete("/user/:id", async (request, reply) => {
  reply.code(204);
});
fastify.listen({ port: 3000 });
`;
  const file = js("server.js", text);
  it("runs the onSend hook on every answer; the bad name is a 500, named by check and renamed by fix", () => {
    const evidence = recordedFrom(
      [file],
      [
        { url: "http://h/user", origin: PAGE },
        { url: "http://h/user/1", method: "DELETE", origin: PAGE },
      ],
    );
    expect(evidence[0]?.hops.at(-1)?.responseHeaders).toContainEqual(["Access-Control-Allow-Origin", "*"]);
    expect(evidence[1]?.preflight?.status).toBe(500);
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "header-name-invalid@16",
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace("'Access-Control-Allow-Origin:'", "'Access-Control-Allow-Origin'"),
    );
  });
});

describe("Express: handlers set the headers a function of the file builds (res.set(buildCorsHeaders(req)))", () => {
  const text = `const express = require("express");

const app = express();
const FRONT_ENDS = ["${PAGE}"];

function buildCorsHeaders(req) {
  const origin = req.get("Origin");
  if (!origin || !FRONT_ENDS.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    Vary: "Origin",
  };
}

function verifyAuth(req, res, next) {
  const header = req.get("Authorization") || "";
  if (!header) return res.status(401).json({ error: "missing token" });
  return next();
}

app.get("/api/events", (req, res) => {
  res.set(buildCorsHeaders(req)).json([]);
});

app.get("/api/events/mine", verifyAuth, (req, res) => {
  res.set(buildCorsHeaders(req)).json([]);
});

app.listen(3000);
`;
  const file = js("server.js", text);
  it("reads the function's answer per origin; the auth 401 has none", () => {
    const config = readConfig([file]);
    const ok = config.answer({
      method: "GET",
      url: "http://h/api/events",
      headers: [["Origin", PAGE]],
    } as never);
    expect(JSON.stringify(ok)).toContain(`["Access-Control-Allow-Origin","${PAGE}"]`);
    const other = config.answer({
      method: "GET",
      url: "http://h/api/events",
      headers: [["Origin", "https://stranger.example"]],
    } as never);
    expect(JSON.stringify(other)).not.toContain("Access-Control-Allow-Origin");
    const denied = config.answer({
      method: "GET",
      url: "http://h/api/events/mine",
      headers: [["Origin", PAGE]],
    } as never);
    expect(JSON.stringify(denied)).toContain('"status":401');
    expect(JSON.stringify(denied)).not.toContain("Access-Control-Allow-Origin");
  });
});

describe("Express: a token check's 401 comes before the handlers that set the CORS headers", () => {
  const text = `const express = require("express");
const jwt = require("jsonwebtoken");

const app = express();
const FRONT_ENDS = ["${PAGE}", "https://other.example.com"];

function buildCorsHeaders(req) {
  const origin = req.get("Origin");
  if (!origin || !FRONT_ENDS.includes(origin)) return {};
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Headers": "Authorization", Vary: "Origin" };
}

app.options("/{*splat}", (req, res) => {
  res.set(buildCorsHeaders(req)).sendStatus(204);
});

function verifyAuth(req, res, next) {
  const header = req.get("Authorization") || "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: "missing token" });
  try {
    req.user = jwt.verify(token, "secret");
    return next();
  } catch (err) {
    return res.status(401).json({ error: "invalid token" });
  }
}

app.get("/api/events/mine", verifyAuth, (req, res) => {
  res.set(buildCorsHeaders(req)).json([]);
});

app.listen(3000);
`;
  const file = js("server.js", text);
  it("follows the catch the recorded 401 says; fix sets the same headers in a middleware ahead", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/api/events/mine", origin: PAGE, headers: [["Authorization", "Bearer expired"]] }],
    );
    const hop = evidence[0]?.hops.at(-1);
    if (!hop) throw new Error("no hop");
    hop.status = 401;
    hop.responseHeaders = [["Content-Type", "application/json"]];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        "const app = express();\n",
        "const app = express();\n\napp.use((req, res, next) => {\n  res.set(buildCorsHeaders(req));\n  next();\n});\n",
      ),
    );
  });
});

describe("Fastify: an onSend hook (with done) blanks Allow-Origin after @fastify/cors set it", () => {
  const text = `const fastify = require("fastify")({ logger: false });
const fastifyCors = require("@fastify/cors");

fastify.register(fastifyCors, { origin: "*" });
fastify.addHook("onSend", (request, reply, payload, next) => {
  reply.header("Access-Control-Allow-Origin", "");
  reply.header("Access-Control-Allow-Headers", "Origin, Content-Type");
  next();
});

fastify.get("/api/items", async () => []);
fastify.listen({ port: 3000 });
`;
  const file = js("app.js", text);
  it("is read as the hook it is; fix takes the blanking line out", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders).toContainEqual(["Access-Control-Allow-Origin", ""]);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(text.replace('  reply.header("Access-Control-Allow-Origin", "");\n', ""));
  });
});

describe("Express: everything registered in a module function init() called at the top level", () => {
  const text = `const express = require("express");
const cors = require("cors");

const config = { cors: { origin: "${PAGE}", credentials: true } };

const app = express();

function init() {
  app.use(cors());
  app.use(express.json());
  app.use(cors(config.cors));

  const api = express.Router();
  api.get("/profile", (req, res) => res.json({ user: "ada" }));
  api.put("/profile", (req, res) => res.json({ user: "ada" }));
  app.use("/v1/profile-svcs", api);

  app.listen(3000);
}

init();
`;
  const file = js("server.js", text);
  it("reads init()'s registrations; the bare cors() answers the credentialed preflight with '*'", () => {
    const evidence = recordedFrom(
      [file],
      [
        { url: "http://h/v1/profile-svcs/profile", origin: PAGE, credentials: "include" },
        {
          url: "http://h/v1/profile-svcs/profile",
          method: "PUT",
          origin: PAGE,
          credentials: "include",
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    expect(evidence[0]?.hops.at(-1)?.responseHeaders).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    expect(evidence[1]?.preflight?.responseHeaders).toContainEqual(["Access-Control-Allow-Origin", "*"]);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
  });
});

describe("Flask: no OPTIONS hook where a view of the app answers OPTIONS itself", () => {
  const text = `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}})


@app.route("/api/upload", methods=["OPTIONS"])
def upload_options():
    return "", 204, {"X-Upload-Limit": "10MB"}
`;
  const file = { path: "app.py", text };
  it("refuses instead of answering that view's OPTIONS from a hook", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/api/reports/2020", origin: PAGE, headers: [["Authorization", "Bearer t"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 404;
    const r = fixConfig([file], evidence);
    expect(r.ok).toBe(false);
    expect(r.files.every((f) => f.after === f.before)).toBe(true);
  });
});
