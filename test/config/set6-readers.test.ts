/**
 * Shapes held-out set 6 found unread or mis-patched (test/fixes/HELDOUT6.md), each checked on the
 * model and, where the printed text is code, run as printed on the real packages.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const need = createRequire(import.meta.url);
const PAGE = "https://page.example.com";
const TWO = "https://two.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

describe("Express: origins kept as a JSON array in a string, in a config object", () => {
  const text = `const express = require("express");
const cors = require("cors");

const config = {
  port: Number(process.env.PORT) || 3000,
  corsAllowedOrigins: process.env.CORS_ALLOWED_LIST || '["${PAGE}","${TWO}"]',
};

const app = express();
app.use(express.json());
app.use(cors({ origin: config.corsAllowedOrigins }));

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));

module.exports = app;
`;
  const file = { path: "index.js", text };

  it("reads config.corsAllowedOrigins alone (port's Number(…) need not be readable): the string sent whole", () => {
    const a = readConfig([file]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "known" && a.headers).toContainEqual([
      "Access-Control-Allow-Origin",
      `["${PAGE}","${TWO}"]`,
    ]);
  });

  it("check names the string's own line", () => {
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([["origin-list", 6]]);
  });

  it("fix parses it, and the printed app answers each listed origin with its own (for real)", async () => {
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/api/items", origin: PAGE },
          { url: "http://h/api/items", origin: TWO },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+app.use(cors({ origin: JSON.parse(config.corsAllowedOrigins) }));");
    const s = await serve(r.files[0]?.after ?? "", "express");
    try {
      for (const origin of [PAGE, TWO, "https://evil.example"]) {
        const res = await fetch(`${s.url}/api/items`, { headers: { Origin: origin } });
        expect(res.headers.get("access-control-allow-origin")).toBe(
          origin === "https://evil.example" ? null : origin,
        );
      }
    } finally {
      s.close();
    }
  });
});

describe("nginx: two fixed Allow-Origin lines (one per front end) made one map", () => {
  const site = `server {
    listen 8080;

    location / {
        add_header Access-Control-Allow-Origin http://dev.example.com;
        add_header Access-Control-Allow-Origin https://dev.example.com;
        add_header Access-Control-Allow-Methods "GET, POST, OPTIONS";

        if ($request_method = OPTIONS) {
            return 204;
        }

        proxy_pass http://127.0.0.1:9090;
    }
}
`;
  it("the evidence recorded before the fix is not read as the app sending the old second line", () => {
    const file = { path: "site.conf", text: site };
    const ev = recordedFrom([file], [{ url: "http://h:8080/api/items", origin: "https://dev.example.com" }]);
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = { path: "site.conf", text: r.files[0]?.after ?? "" };
    // Round trip on the old recording: nothing to change (and no pass claimed it cannot see).
    const again = fixConfig([after], ev);
    expect(fixDiff(again)).toBe("");
    // An application that does send its own, other Allow-Origin is still hidden.
    const withApp = ev.map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        responseHeaders: [...h.responseHeaders, ["Access-Control-Allow-Origin", "*"] as [string, string]],
      })),
    }));
    expect(fixDiff(fixConfig([after], withApp))).toContain(
      "+        proxy_hide_header Access-Control-Allow-Origin;",
    );
    // …and so is one that answers the request's own origin (the value nginx adds: two equal lines).
    const reflecting = ev.map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        responseHeaders: [
          ...h.responseHeaders.filter(([n]) => n !== "Access-Control-Allow-Origin"),
          ["Access-Control-Allow-Origin", "https://dev.example.com"] as [string, string],
          ["Access-Control-Allow-Origin", "https://dev.example.com"] as [string, string],
        ],
      })),
    }));
    expect(fixDiff(fixConfig([after], reflecting))).toContain(
      "+        proxy_hide_header Access-Control-Allow-Origin;",
    );
  });
});

describe("Flask: CORS() on one blueprint, its origins from the factory's own app.config", () => {
  const text = (origins: string) => `import os

from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

items_bp = Blueprint("items", __name__, url_prefix="/api/items")
account_bp = Blueprint("account", __name__, url_prefix="/api")


@items_bp.route("", methods=["GET", "POST"])
def items():
    return jsonify([])


@account_bp.route("/me")
def me():
    return jsonify({"user": "ada"})


def create_app():
    app = Flask(__name__)
    app.config["FRONTEND_URL"] = os.environ.get("FRONTEND_URL", "${PAGE}")
    CORS(items_bp, origins=${origins}, supports_credentials=True)
    app.register_blueprint(items_bp)
    app.register_blueprint(account_bp)
    return app
`;
  const file = { path: "app.py", text: text('[app.config["FRONTEND_URL"]]') };

  it('reads app.config["FRONTEND_URL"] set a line above, and @bp.route("") as the prefix itself', () => {
    const config = readConfig([file]);
    const a = config.answer({ method: "GET", url: "http://h/api/items", headers: [["Origin", PAGE]] });
    expect(a.kind === "known" && [a.status, a.headers]).toEqual([
      200,
      expect.arrayContaining([["Access-Control-Allow-Origin", PAGE]]),
    ]);
  });

  it("the other blueprint gets the same CORS(…), and nothing else changes", () => {
    const ev = recordedFrom(
      [file],
      [
        { url: "http://h/api/items", origin: PAGE },
        { url: "http://h/api/me", origin: PAGE, credentials: "include" },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.edits.map((e) => e.line)).toEqual([24]);
    expect(fixDiff(r)).toContain(
      '+    CORS(account_bp, origins=[app.config["FRONTEND_URL"]], supports_credentials=True)',
    );
  });

  it("a list item it cannot read is named in the reason, not left blank", () => {
    const odd = { path: "app.py", text: text("[load_origins()]") };
    const a = readConfig([odd]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "unknown" && a.why).toEqual({
      key: "config.flask.unknown.value",
      params: { name: "origins", line: 23, text: "load_origins()" },
    });
  });
});

describe("Fastify: the CORS headers set in a hook, no route answers the preflight", () => {
  const hook = (style: "async" | "done") =>
    style === "async"
      ? `fastify.addHook("onRequest", async (request, reply) => {
  reply.header("Access-Control-Allow-Origin", WEB_APP);
  reply.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  reply.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
});`
      : `fastify.addHook("onRequest", (request, reply, done) => {
  reply.header("Access-Control-Allow-Origin", WEB_APP);
  reply.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  reply.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
  done();
});`;
  const text = (style: "async" | "done") => `const fastify = require("fastify")();

const WEB_APP = process.env.WEB_APP || "${PAGE}";

${hook(style)}

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));

module.exports = fastify;
`;
  const put = {
    url: "http://h/api/items/1",
    method: "PUT",
    origin: PAGE,
    headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
  };

  it.each(["async", "done"] as const)(
    "%s hook: check names the hook; the printed answer to OPTIONS lets the PUT through on the real Fastify",
    async (style) => {
      const file = { path: "server.js", text: text(style) };
      expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([
        ["preflight-unanswered", 5],
      ]);
      const r = fixConfig([file], recordedFrom([file], [put]));
      expect(r.ok, fixDiff(r)).toBe(true);
      expect(fixDiff(r)).toContain('+  if (request.method === "OPTIONS") return reply.code(204).send();');
      const after = r.files[0]?.after ?? "";
      expect(checkConfig([{ path: "server.js", text: after }]).findings).toEqual([]);
      const module = { exports: {} as Record<string, unknown> };
      new Function("require", "module", "process", after)(need, module, { env: {} });
      const app = module.exports as unknown as {
        inject: (o: object) => Promise<{ statusCode: number; headers: Record<string, string> }>;
        close: () => Promise<void>;
      };
      try {
        const pre = await app.inject({
          method: "OPTIONS",
          url: "/api/items/1",
          headers: {
            origin: PAGE,
            "access-control-request-method": "PUT",
            "access-control-request-headers": "content-type",
          },
        });
        expect([pre.statusCode, pre.headers["access-control-allow-origin"]]).toEqual([204, PAGE]);
        const done = await app.inject({ method: "PUT", url: "/api/items/1", headers: { origin: PAGE } });
        expect([done.statusCode, done.headers["access-control-allow-origin"]]).toEqual([200, PAGE]);
      } finally {
        await app.close();
      }
    },
  );
});

describe("Hono: an origin function that returns true or false", () => {
  const text = `const { Hono } = require("hono");
const { cors } = require("hono/cors");

const allowed = new Set([process.env.WEB_URL || "${PAGE}", process.env.ADMIN_URL || "${TWO}"]);

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: (origin) => allowed.has(origin),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));

module.exports = app;
`;
  const file = { path: "server.js", text };

  it("is read as hono/cors sends it (Allow-Origin: true), named by check, and made to return the origin (for real)", async () => {
    const a = readConfig([file]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "known" && a.headers).toContainEqual(["Access-Control-Allow-Origin", "true"]);
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([
      ["origin-function-boolean", 11],
    ]);
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+    origin: (origin) => allowed.has(origin) ? origin : null,");
    const s = await serve(r.files[0]?.after ?? "", "hono");
    try {
      for (const origin of [PAGE, TWO, "https://evil.example"]) {
        const res = await fetch(`${s.url}/api/items`, { headers: { Origin: origin } });
        expect(res.headers.get("access-control-allow-origin")).toBe(
          origin === "https://evil.example" ? null : origin,
        );
      }
    } finally {
      s.close();
    }
  });
});

describe("Koa: two origins written into @koa/cors's one origin string", () => {
  const text = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const allowed = process.env.CORS_ALLOW || "http://localhost:8080, ${PAGE}";

const app = new Koa();
const router = new Router();

router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});

app.use(cors({ origin: allowed, allowMethods: "GET,POST,PUT,DELETE" }));
app.use(router.routes()).use(router.allowedMethods());

module.exports = app;
`;
  const file = { path: "index.js", text };
  it("becomes the function of ctx @koa/cors takes, answering each listed origin with its own (for real)", async () => {
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([["origin-list", 5]]);
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      '+app.use(cors({ origin: (ctx) => (allowed.split(",").map((s) => s.trim()).includes(ctx.get("Origin")) ? ctx.get("Origin") : ""), allowMethods: "GET,POST,PUT,DELETE" }));',
    );
    const s = await serve(r.files[0]?.after ?? "", "koa");
    try {
      for (const origin of [PAGE, "http://localhost:8080", "https://evil.example"]) {
        const res = await fetch(`${s.url}/api/items`, { headers: { Origin: origin } });
        expect(res.headers.get("access-control-allow-origin")).toBe(
          origin === "https://evil.example" ? null : origin,
        );
      }
    } finally {
      s.close();
    }
  });
});

describe("Express: an allowlist split on ',' that keeps the space after each comma", () => {
  const text = `const express = require("express");
const cors = require("cors");

const allowlist = (process.env.CORS_ALLOWLIST || "https://shop.example.com, ${PAGE}").split(",");

const app = express();
app.use(cors({ origin: allowlist, credentials: true }));
app.get("/api/items", (req, res) => res.json([{ id: 1 }]));

module.exports = app;
`;
  const file = { path: "app.js", text };
  it("check names the split line", () => {
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([["origin-space", 4]]);
  });

  it("each entry is trimmed (nothing else added), and the printed app answers both origins (for real)", async () => {
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      `+const allowlist = (process.env.CORS_ALLOWLIST || "https://shop.example.com, ${PAGE}").split(",").map((s) => s.trim());`,
    );
    const s = await serve(r.files[0]?.after ?? "", "express");
    try {
      for (const origin of [PAGE, "https://shop.example.com"]) {
        const res = await fetch(`${s.url}/api/items`, { headers: { Origin: origin } });
        expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      }
    } finally {
      s.close();
    }
  });
});

describe("FastAPI: TrustedHostMiddleware (added last, so outermost) refuses the API's host", () => {
  const text = `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=[os.environ.get("FRONTEND_URL", "${PAGE}")],
    allow_methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Content-Type"],
)
app.add_middleware(
    TrustedHostMiddleware,
    allowed_hosts=os.environ.get("ALLOWED_HOSTS", "api.example.com,localhost:8000").split(","),
)


@app.get("/api/items")
def items():
    return []
`;
  const file = { path: "app.py", text };
  const put = {
    url: "http://127.0.0.1:8000/api/items/1",
    method: "PUT",
    origin: PAGE,
    headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
  };

  it("answers 400 without CORS headers to a host it does not list (the port cut off first), the preflight too", () => {
    const config = readConfig([file]);
    const pre = config.answer({
      method: "OPTIONS",
      url: put.url,
      headers: [
        ["Origin", PAGE],
        ["Access-Control-Request-Method", "PUT"],
      ],
    });
    expect(pre.kind === "known" && [pre.status, pre.headers]).toEqual([
      400,
      [["Content-Type", "text/plain; charset=utf-8"]],
    ]);
    const listed = config.answer({
      method: "GET",
      url: "http://api.example.com/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(listed.kind === "known" && listed.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
  });

  it("check names the entry with a port; fix adds the host the page called to the list (the deployed one too)", () => {
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toContainEqual([
      "starlette-host-port",
      17,
    ]);
    const r = fixConfig([file], recordedFrom([file], [put]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(`.split(",") + ["127.0.0.1"],`);
    expect(r.edits).toHaveLength(1);
  });
});

const SIX = `from aiohttp import web

_CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-Api-Key",
}


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        # No route answers OPTIONS: answer the preflight here.
        return web.Response(status=200, headers=_CORS_HEADERS)
    response = await handler(request)
    response.headers.update(_CORS_HEADERS)
    return response


async def list_items(request):
    return web.json_response([])


async def update_item(request):
    return web.json_response({})


app = web.Application(middlewares=[cors_middleware])
app.router.add_get("/api/items", list_items)
app.router.add_put("/api/items/{item_id}", update_item)
app.router.add_delete("/api/items/{item_id}", update_item)
`;
const FIVE = `from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items")
async def create_item(request):
    return web.json_response({"id": 1}, status=201)


@web.middleware
async def cors_middleware(request, handler):
    response = await handler(request)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def create_app():
    app = web.Application(middlewares=[cors_middleware])
    app.add_routes(routes)
    return app


app = create_app()
`;

describe("aiohttp: the app's own CORS middleware", () => {
  it("answers OPTIONS itself: its dict's Allow-Methods grown where it is written; check names that line", () => {
    const file = { path: "app.py", text: SIX };
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([["aiohttp-hand-methods", 5]]);
    const ev = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
        { url: "http://h/api/items/1", method: "DELETE", origin: PAGE },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain('+    "Access-Control-Allow-Methods": "GET, POST, OPTIONS, PUT, DELETE",');
    expect(r.edits).toHaveLength(1);
  });

  it("sets the headers after the handler only: the preflight's 405 raised past it; fix answers OPTIONS in it", () => {
    const file = { path: "app.py", text: FIVE };
    const pre = readConfig([file]).answer({
      method: "OPTIONS",
      url: "http://h/api/items",
      headers: [
        ["Origin", PAGE],
        ["Access-Control-Request-Method", "POST"],
      ],
    });
    expect(pre.kind === "known" && [pre.status, pre.headers]).toEqual([405, []]);
    expect(checkConfig([file]).findings.map((f) => [f.code, f.line])).toEqual([
      ["aiohttp-hand-no-preflight", 18],
    ]);
    const post = {
      url: "http://h/api/items",
      method: "POST",
      origin: PAGE,
      headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
    };
    const r = fixConfig([file], recordedFrom([file], [post]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      '+    response = web.Response(status=204) if request.method == "OPTIONS" else await handler(request)',
    );
    const after = { path: "app.py", text: r.files[0]?.after ?? "" };
    expect(checkConfig([after]).findings).toEqual([]);
    expect(fixDiff(fixConfig([after], recordedFrom([after], [post])))).toBe("");
  });

  it("beside another Allow-Origin of the file (an on_response_prepare hook): unknown, as before", () => {
    const text = `${FIVE}\n\nasync def on_prepare(request, response):\n    response.headers["Access-Control-Allow-Origin"] = "*"\n`;
    const a = readConfig([{ path: "app.py", text }]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "unknown" && a.why.key).toBe("config.aiohttp.unknown.own-headers");
  });
});

describe("Express: cors() on the POST route only, the app reading JSON bodies", () => {
  it("check names the POST route (its JSON preflight never reaches that cors()); without a JSON parser, nothing", () => {
    const text = (parser: string) => `const express = require("express");
const cors = require("cors");

const app = express();
${parser}
app.get("/api/items", cors(), (req, res) => res.json([]));
app.post("/api/items", cors(), (req, res) => res.status(201).json({ id: 1 }));

module.exports = app;
`;
    const codes = (t: string) =>
      checkConfig([{ path: "server.js", text: t }]).findings.map((f) => [f.code, f.line]);
    expect(codes(text("app.use(express.json());"))).toEqual([["cors-on-route-only", 7]]);
    expect(codes(text(""))).toEqual([]);
  });
});

describe("Django: a list setting read from the environment without splitting it", () => {
  it("check names it (set: one string; unset: the default, an empty list)", () => {
    const text = `import os

INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_HEADERS = os.environ.get("CORS_HEADERS", "x-api-key").split(",")
`;
    const f = checkConfig([{ path: "settings.py", text }]).findings.filter(
      (x) => x.code === "django-env-list",
    );
    expect(f.map((x) => [x.line, x.words.params])).toEqual([
      [5, { name: "CORS_ALLOWED_ORIGINS", env: "CORS_ALLOWED_ORIGINS", default: "[]" }],
    ]);
  });
});
