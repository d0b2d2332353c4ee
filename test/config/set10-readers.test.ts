/**
 * Shapes held-out set 10 found misread or refused (test/fixes/HELDOUT10.md), each checked on the
 * model (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import type { ObservedExchange } from "../../src/engine";
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

describe("Koa: @koa/cors with its defaults, the page sends cookies", () => {
  const text = `const Koa = require("koa");
const cors = require("@koa/cors");

const app = new Koa();
app.use(cors());
app.use((ctx) => {
  ctx.body = { user: ctx.cookies.get("sid") ? "ada" : null };
});
app.listen(3000);
`;
  it("gets a credentials function true for the page's origin only (never credentials: true)", () => {
    const file = js("index.js", text);
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `app.use(cors({ credentials: (ctx) => ["${PAGE}"].includes(ctx.get("Origin")) }));`,
    );
    // Every other origin keeps `*` without credentials: judged by the standard requests.
    expect(
      r.rows.filter((x) => x.before.verdict === "allowed").every((x) => x.after.verdict === "allowed"),
    ).toBe(true);
  });
});

describe("Hono: cors() mounted on '/api/**'", () => {
  const text = `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono();
app.use("/api/**", cors({ origin: "${PAGE}" }));
app.get("/api/items", (c) => c.json([]));
export default app;
`;
  const file = js("server.mjs", text);
  it("runs for none of the routes under /api (as hono 4.13 does); check names it; fix writes /api/*", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders?.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "hono-cors-double-wildcard@5",
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(text.replace('"/api/**"', '"/api/*"'));
  });
});

describe("Koa: a hand-set Allow-Origin and a route that ctx.throw()s", () => {
  const text = `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "*");
  await next();
});

const router = new Router({ prefix: "/api" });
router.get("/items/:id", (ctx) => {
  if (ctx.params.id !== "1") ctx.throw(404, "item not found");
  ctx.body = { id: 1 };
});
app.use(router.routes());
app.listen(3000);
`;
  const file = js("server.js", text);
  /** What the browser saw: the route's 404 without the header (Koa's onerror dropped it). */
  const thrown = (): ObservedExchange[] =>
    recordedFrom([file], [{ url: "http://h/api/items/42", origin: PAGE }]).map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        status: 404,
        responseHeaders: (h.responseHeaders ?? []).filter(([n]) => !/^access-control-/i.test(n)),
      })),
    }));

  it("the recorded 404 of a throwing route has no CORS headers in the model; fix wraps await next()", () => {
    const found = checkConfig([file]).findings.find((f) => f.code === "koa-hand-headers-lost-on-throw");
    expect([found?.line, found?.also?.[0]?.line]).toEqual([7, 13]);
    const r = fixConfig([file], thrown());
    expect(r.ok, JSON.stringify(r.rows.map((x) => [x.id, x.url, x.before, x.after]))).toBe(true);
    expect(r.rows.find((x) => x.source === "evidence")?.before.verdict).toBe("blocked");
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`  try {
    await next();
  } catch (err) {
    if (err instanceof Error)
      Object.assign(err, { headers: { ...Reflect.get(err, "headers"), ...Object.fromEntries(Object.entries(ctx.response.headers).filter(([name]) => /^(access-control-|vary$)/.test(name))) } });
    throw err;
  }`);
    // Fixed: the same file again needs nothing.
    expect(fixConfig([{ ...file, text: after }], thrown()).edits).toEqual([]);
  });
});

describe("Fastify: an event stream written with reply.raw.writeHead", () => {
  const text = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const app = Fastify();
app.register(cors, { origin: ["${PAGE}"] });

app.get("/api/events", (request, reply) => {
  reply.hijack();
  reply.raw.writeHead(200, {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
  });
  reply.raw.end("data: 1\\n\\n");
});

app.listen({ port: 3000 });
`;
  const file = js("server.js", text);
  it("sends none of @fastify/cors' headers in the model; fix passes reply.getHeaders() along, first", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "fastify-raw-skips-cors@9",
    );
    const evidence = recordedFrom([file], [{ url: "http://h/api/events", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    const r = fixConfig([file], evidence);
    expect(
      r.ok,
      `${fixDiff(r)}${JSON.stringify([r.cannot, r.rows.map((x) => [x.id, x.before, x.after])])}`,
    ).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        '    "Content-Type": "text/event-stream",',
        '    ...reply.getHeaders(),\n    "Content-Type": "text/event-stream",',
      ),
    );
    expect(fixConfig([{ ...file, text: r.files[0]?.after ?? "" }], evidence).edits).toEqual([]);
  });
});

describe("Caddy: header -Access-Control-Allow-Origin beside the file's own +Access-Control-Allow-Origin", () => {
  const text = `:8080 {
	header -Access-Control-Allow-Origin
	header +Access-Control-Allow-Origin "${PAGE}"
	header Access-Control-Allow-Credentials "true"

	reverse_proxy 127.0.0.1:3000
}
`;
  const file = { path: "Caddyfile", text };
  it("the deferred deletion takes the file's own Allow-Origin too; fix drops it and defers the set", () => {
    const evidence = recordedFrom([file], [{ url: "http://localhost:8080/api/items", origin: PAGE }]);
    expect(evidence[0]?.hops.at(-1)?.responseHeaders.some(([n]) => /allow-origin/i.test(n))).toBe(false);
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "deferred-delete-takes-own@2",
    );
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(`:8080 {
	header Access-Control-Allow-Origin "${PAGE}" {
		defer
	}
	header Access-Control-Allow-Credentials "true"

	reverse_proxy 127.0.0.1:3000
}
`);
  });
});

describe("rack-cors: a first allow block with origins '*' shadows the credentialed one", () => {
  const text = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'
    resource '/api/v1/*', headers: :any, methods: %i[get post]
  end

  allow do
    origins '${PAGE}'
    resource '/api/v1/me', headers: :any, methods: %i[get], credentials: true
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`;
  const file = { path: "config.ru", text };
  it("moves the credentialed block first, with the methods the '*' block allowed there: nothing refused that passed", () => {
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line, f.also?.[0]?.line])).toContainEqual([
      "rack-cors-block-shadowed",
      5,
      9,
    ]);
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/v1/me", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(`require 'rack/cors'

use Rack::Cors do
  allow do
    origins '${PAGE}'
    resource '/api/v1/me', headers: :any, methods: %i[get post], credentials: true
  end

  allow do
    origins '*'
    resource '/api/v1/*', headers: :any, methods: %i[get post]
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`);
    expect(
      r.rows.filter((x) => x.before.verdict === "allowed").every((x) => x.after.verdict === "allowed"),
    ).toBe(true);
  });
});

describe('Django: CORS_ALLOW_HEADERS = ("my-auth-origin"), a string where a tuple was meant', () => {
  const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ALLOWED_ORIGINS = ["${PAGE}"]
CORS_ALLOW_HEADERS = ("my-auth-origin")
`;
  const file = { path: "settings.py", text };
  it("is read as its characters (as django-cors-headers joins it); check names it; fix writes the tuple", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "django-setting-string:4",
    );
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [{ url: "http://localhost:8000/api/items/", origin: PAGE, headers: [["my-auth-origin", "1"]] }],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(text.replace('("my-auth-origin")', '("my-auth-origin",)'));
  });
});

describe("aiohttp: a Basic-auth middleware listed before the app's own CORS middleware", () => {
  const text = `from aiohttp import web


@web.middleware
async def basic_auth(request, handler):
    if request.method == "OPTIONS":
        return await handler(request)
    if request.headers.get("Authorization", "") != "Basic eA==":
        return web.Response(status=401, text="Authorization required.")
    return await handler(request)


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        response = web.Response()
    else:
        response = await handler(request)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
    return response


async def queue(request):
    return web.json_response([])


app = web.Application(middlewares=[basic_auth, cors_middleware])
app.router.add_get("/api/queue", queue)
`;
  const file = { path: "app.py", text };
  /** What the browser saw: basic_auth's 401, without the header. */
  const refused = (): ObservedExchange[] =>
    recordedFrom([file], [{ url: "http://h/api/queue", origin: PAGE }]).map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        status: 401,
        responseHeaders: h.responseHeaders.filter(([n]) => !/^access-control-/i.test(n)),
      })),
    }));
  it("reads the if/else form; the listed-first 401 has no CORS header; fix puts the CORS middleware first", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "aiohttp-cors-middleware-order@28",
    );
    const r = fixConfig([file], refused());
    expect(
      r.ok,
      `${fixDiff(r)}${JSON.stringify([r.cannot, r.rows.map((x) => [x.id, x.before, x.after])])}`,
    ).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace("[basic_auth, cors_middleware]", "[cors_middleware, basic_auth]"),
    );
  });
});

describe("Apache: Allow-Origin from %{HTTP_ORIGIN}e with env=HTTP_ORIGIN, a variable no line sets", () => {
  const text = `<VirtualHost *:8080>
    Header always set Access-Control-Allow-Origin "%{HTTP_ORIGIN}e" env=HTTP_ORIGIN
    Header always merge Vary Origin
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`;
  const file = { path: "site.conf", text };
  it("sends none; fix sets the variable for the page's origin with SetEnvIf Origin, above that line", () => {
    const found = checkConfig([file]).findings.find((f) => f.code === "origin-env-http");
    expect(found?.line).toBe(2);
    expect(found?.words.params).toEqual({ name: "HTTP_ORIGIN", read: "%{Origin}i" });
    const evidence = recordedFrom([file], [{ url: "http://localhost:8080/api/items", origin: PAGE }]);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        "    Header always set",
        '    SetEnvIf Origin "^(https://page\\.example\\.com)$" HTTP_ORIGIN=$1\n    Header always set',
      ),
    );
  });
});

describe("check: shapes set 10 found, named from the file alone", () => {
  it("header-extra-argument: setHeader's third argument is ignored", () => {
    const text = `const express = require("express");
const app = express();
app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "${PAGE}");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type", "Authorization");
  next();
});
app.listen(3000);
`;
    expect(checkConfig([js("server.js", text)]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "header-extra-argument@5",
    );
  });

  it("origin-localhost-no-port: a warning on the string, none with a port", () => {
    const text = (origin: string) => `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors({ origin: ["${PAGE}", "${origin}"] }));
app.listen(3000);
`;
    const codes = (o: string) =>
      checkConfig([js("server.js", text(o))]).findings.map((f) => `${f.code}@${f.line}`);
    expect(codes("http://localhost")).toContain("origin-localhost-no-port@4");
    expect(codes("http://localhost:5173")).not.toContain("origin-localhost-no-port@4");
  });

  it("preflight-allows-nothing: Apache answers OPTIONS 204 with Allow-Origin alone", () => {
    const text = `<VirtualHost *:8080>
    Header always set Access-Control-Allow-Origin "${PAGE}"
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`;
    const codes = (t: string) =>
      checkConfig([{ path: "site.conf", text: t }]).findings.map((f) => `${f.code}@${f.line}`);
    expect(codes(text)).toContain("preflight-allows-nothing@2");
    expect(
      codes(
        text.replace(
          "    RewriteEngine",
          '    Header always set Access-Control-Allow-Methods "GET, DELETE"\n    RewriteEngine',
        ),
      ),
    ).not.toContain("preflight-allows-nothing@2");
  });
});

describe("Flask: CORS() given top-level origins and one resource", () => {
  it("flask-route-outside-resources at CORS(), naming a route no resource covers", () => {
    const text = `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["${PAGE}"], resources={r"/api/swagger.json": {"origins": "*"}})


@app.route("/api/swagger.json")
def swagger():
    return jsonify({})


@app.route("/api/items")
def items():
    return jsonify([])
`;
    const found = checkConfig([{ path: "app.py", text }]).findings.find(
      (f) => f.code === "flask-route-outside-resources",
    );
    expect([found?.line, found?.words.params?.rule]).toEqual([5, "/api/items"]);
  });
});

describe("fix: rounds that change nothing are taken back", () => {
  it("a Caddyfile whose deletion sits in a header block: no patch repeating lines that help nothing", () => {
    const text = `:8080 {
	header {
		-Access-Control-Allow-Origin
	}
	header +Access-Control-Allow-Origin "${PAGE}"

	reverse_proxy 127.0.0.1:3000
}
`;
    const file = { path: "Caddyfile", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://localhost:8080/api/items", origin: PAGE }]),
    );
    expect(r.ok).toBe(false);
    // Two rounds of lines that changed nothing were taken back, and the first with them: the file as it was.
    expect(r.files[0]?.after).toBe(text);
    expect(r.edits).toEqual([]);
    expect(r.cannot.length).toBeGreaterThan(0);
  });
});

describe("rack-cors: the credentialed resource written with a trailing slash", () => {
  const text = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins '*'
    resource '/api/v1/*', headers: :any, methods: %i[get]
  end

  allow do
    origins '${PAGE}'
    resource '/api/v1/me/', headers: :any, methods: %i[get], credentials: true
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`;
  const file = { path: "config.ru", text };
  it("matches no request (Rack's clean_path_info drops the slash); fix moves the '*' block below and drops it", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}@${f.line}`)).toContain(
      "rack-cors-resource-trailing-slash@11",
    );
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/v1/me/", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(`require 'rack/cors'

use Rack::Cors do
  allow do
    origins '${PAGE}'
    resource '/api/v1/me', headers: :any, methods: %i[get], credentials: true
  end

  allow do
    origins '*'
    resource '/api/v1/*', headers: :any, methods: %i[get]
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['[]']] }
`);
  });

  it("is not moved past another block between them (that one would answer first for other origins)", () => {
    const between = text.replace(
      `\n  allow do\n    origins '${PAGE}'`,
      `\n  allow do\n    origins 'https://other.example.com'\n    resource '/api/v2/*', headers: :any, methods: %i[get]\n  end\n\n  allow do\n    origins '${PAGE}'`,
    );
    expect(between).not.toBe(text);
    const f = { path: "config.ru", text: between };
    const r = fixConfig(
      [f],
      recordedFrom([f], [{ url: "http://h/api/v1/me/", origin: PAGE, credentials: "include" }]),
    );
    expect(r.edits.map((e) => e.why.key)).not.toContain("config.rack.fix.raise");
  });
});
