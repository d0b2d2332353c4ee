/**
 * Shapes held-out set 8 found unread or refused (test/fixes/HELDOUT8.md), each checked on the model
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
});

/** `fix` on the files with the evidence the model of the same files renders for these calls. */
const fixFor = (files: Array<{ path: string; text: string }>, calls: Parameters<typeof recordedFrom>[1]) =>
  fixConfig(files, recordedFrom(files, calls));

/** The module the printed CommonJS text exports, run with the real packages. */
function loaded(text: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "process", text)(need, module, { env: {} });
  return module.exports;
}

/** The answers of a Node request handler, served on a real port, to a GET of `path` from each origin. */
async function served(
  handler: (req: never, res: never) => void,
  path: string,
  origins: string[],
): Promise<Response[]> {
  const { createServer } = need("node:http") as typeof import("node:http");
  const server = createServer(handler as never);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    const port = (server.address() as { port: number }).port;
    const out: Response[] = [];
    for (const origin of origins)
      out.push(await fetch(`http://127.0.0.1:${port}${path}`, { headers: { origin } }));
    return out;
  } finally {
    server.close();
  }
}

type Injectable = {
  inject: (o: object) => Promise<{ statusCode: number; headers: Record<string, string> }>;
  close: () => Promise<void>;
};

describe("Fastify: @fastify/cors registered by a module function given the server", () => {
  const text = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

function registerCors(server) {
  const corsSettings = { origin: "*" };
  server.register(cors, corsSettings);
}

const server = Fastify();
registerCors(server);

server.get("/api/items", async () => [{ id: 1 }]);
server.put("/api/items/:id", async (request) => ({ id: request.params.id }));

module.exports = server;
`;
  const file = { path: "server.js", text };
  const put = {
    url: "http://h/api/items/1",
    method: "PUT",
    origin: PAGE,
    headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
  };

  it("is read where the function is called: fix adds PUT to the options there (the default methods refused it), and the printed app answers it (for real)", async () => {
    const r = fixFor([file], [{ url: "http://h/api/items", origin: PAGE }, put]);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      '+  const corsSettings = { origin: "*", methods: ["GET", "HEAD", "POST", "PUT"] };',
    );
    const app = loaded(r.files[0]?.after ?? "") as Injectable;
    try {
      const pre = await app.inject({
        method: "OPTIONS",
        url: "/api/items/1",
        headers: { origin: PAGE, "access-control-request-method": "PUT" },
      });
      expect(pre.headers["access-control-allow-methods"]).toContain("PUT");
    } finally {
      await app.close();
    }
  });
});

describe("Express: routes registered by a module function given the app, cors() after its call", () => {
  const text = `const express = require("express");
const cors = require("cors");

function addRoutes(router) {
  router.get("/api/items", (req, res) => res.json([{ id: 1 }]));
  router.post("/api/items", (req, res) => res.status(201).json({ id: 2 }));
}

const app = express();
app.use(express.json());
addRoutes(app);
app.use(cors({ origin: "${PAGE}" }));

module.exports = app;
`;
  const file = { path: "server.js", text };

  it("check names cors() after the routes; fix moves it above the call, and the printed app answers (for real)", async () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain("cors-after-route:12");
    const r = fixFor(
      [file],
      [
        { url: "http://h/api/items", origin: PAGE },
        {
          url: "http://h/api/items",
          method: "POST",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.indexOf(`app.use(cors({ origin: "${PAGE}" }));`)).toBeLessThan(
      after.indexOf("addRoutes(app);"),
    );
    const app = loaded(after) as (req: unknown, res: unknown) => void;
    const [res] = await served(app, "/api/items", [PAGE]);
    expect(res?.headers.get("access-control-allow-origin")).toBe(PAGE);
  });
});

describe("Express: a hand-written middleware sends Access-Control-Allow-Origin '*/*'", () => {
  const text = `const express = require("express");

const app = express();

app.use(function (req, res, next) {
  res.header("Access-Control-Allow-Origin", "*/*");
  res.header("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, Authorization");
  if (req.method === "OPTIONS") {
    res.sendStatus(204);
    return;
  }
  next();
});

app.get("/api/items", (req, res) => res.json([{ id: 1 }]));

module.exports = app;
`;
  const file = { path: "server.js", text };

  it("check names the line (origin-invalid); fix writes '*', what it meant, and nothing else", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain("origin-invalid:6");
    const r = fixFor(
      [file],
      [{ url: "http://h/api/items", origin: PAGE, headers: [["Authorization", "Bearer t"]] }],
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(text.replace('"*/*"', '"*"'));
  });

  it("with a credentialed call: the page's origin reflected, '*' for every other", () => {
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      `+  res.header("Access-Control-Allow-Origin", ["${PAGE}"].includes(req.headers.origin) ? req.headers.origin : "*");`,
    );
  });
});

describe("FastAPI: CORSMiddleware on a mounted sub-application only", () => {
  const text = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

api_app = FastAPI()
api_app.add_middleware(
    CORSMiddleware,
    allow_origins=["${PAGE}"],
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)


@api_app.get("/status")
async def status():
    return {"ok": True}


app = FastAPI()


@app.get("/api/items")
async def list_items():
    return []


@app.post("/api/items", status_code=201)
async def create_item(item: dict):
    return {"id": 1, **item}


app.mount("/api/v1", api_app)
`;
  const file = { path: "main.py", text };
  // The GET alone: a model cannot make up the preflight an app without CORSMiddleware answers (the
  // suite records it in Chromium, and its POST passes after the patch).
  const calls = [{ url: "http://h/api/items", origin: PAGE }];

  it("check names the sub-app's CORSMiddleware; fix adds one to the served app, the sub-app's left as it is", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "starlette-cors-on-sub-app:5",
    );
    const r = fixFor([file], calls);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(text.slice(0, text.indexOf("@api_app.get")));
    expect(after).toMatch(
      /\napp = FastAPI\(\)\n+app\.add_middleware\(CORSMiddleware, allow_origins=\["https:\/\/page\.example\.com"\]/,
    );
  });

  it("a call under the mount path is unknown, not judged by the served app's stack", () => {
    expect(() => recordedFrom([file], [{ url: "http://h/api/v1/status", origin: PAGE }])).toThrow(
      /unknown evidence/,
    );
  });
});

describe("Express: a method-guard middleware ahead of cors() answers the preflight 405", () => {
  const text = `const express = require("express");
const cors = require("cors");

const KNOWN = ["GET", "POST", "PUT", "DELETE"];

function allowKnownMethods(req, res, next) {
  if (!KNOWN.includes(req.method)) {
    res.set("Allow", KNOWN.join(", ")).status(405).json({ error: "method not allowed" });
    return;
  }
  next();
}

const items = express.Router();
items.get("/", (req, res) => res.json([]));
items.put("/:id", (req, res) => res.json({ id: req.params.id }));

const app = express();
app.use(express.json());
app.use(allowKnownMethods);
app.use(cors({ origin: ["${PAGE}"], methods: KNOWN }));
app.use("/api/items", items);

module.exports = app;
`;
  const file = { path: "index.js", text };

  it("check names the guard (preflight-refused-before-cors); fix moves cors() above it", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "preflight-refused-before-cors:20",
    );
    const r = fixFor(
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
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.indexOf("app.use(cors(")).toBeLessThan(after.indexOf("app.use(allowKnownMethods);"));
  });

  it("a guard that lets OPTIONS through is not named", () => {
    const passes = text.replace(
      '["GET", "POST", "PUT", "DELETE"]',
      '["GET", "POST", "PUT", "DELETE", "OPTIONS"]',
    );
    expect(checkConfig([{ path: "index.js", text: passes }]).findings.map((f) => f.code)).not.toContain(
      "preflight-refused-before-cors",
    );
  });
});

describe("Flask: @cross_origin on a view that aborts 401", () => {
  const text = `from flask import Blueprint, Flask, abort, jsonify, session
from flask_cors import cross_origin

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/me")
@cross_origin(origins=["${PAGE}"], supports_credentials=True)
def me():
    if "user" not in session:
        abort(401)
    return jsonify({"user": session["user"]})


app = Flask(__name__)
app.secret_key = "dev"
app.register_blueprint(api)
`;
  const file = { path: "app.py", text };
  /** The call as Chromium records it: the 401 came without any CORS header. */
  const evidence = () => {
    const [x] = recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]);
    if (!x) throw new Error("no exchange");
    return [
      {
        ...x,
        hops: x.hops.map((h) => ({
          ...h,
          status: 401,
          responseHeaders: h.responseHeaders.filter(([n]) => !/^access-control-/i.test(n)),
        })),
        error: "net::ERR_FAILED",
      },
    ];
  };

  it("check warns at the decorator (flask-cross-origin-abort)", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "flask-cross-origin-abort:8",
    );
  });

  it("fix adds CORS(app) for the view's rule with the decorator's options; the decorator stays", () => {
    const r = fixConfig([file], evidence());
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain("from flask_cors import CORS\n");
    expect(after).toContain(
      `app = Flask(__name__)\nCORS(app, resources={"^/api/me$": {"origins": ["${PAGE}"], "supports_credentials": True}})\n`,
    );
    expect(after).toContain(`@cross_origin(origins=["${PAGE}"], supports_credentials=True)`);
  });
});

describe("Koa: a credentials function trusting a list without the page's origin", () => {
  const text = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const TRUSTED = ["https://app.example.com"];

const router = new Router({ prefix: "/api" });
router.get("/session", (ctx) => {
  ctx.body = { user: "ada" };
});

const app = new Koa();
app.use(
  cors({
    credentials: (ctx) => TRUSTED.includes(ctx.get("Origin")),
  }),
);
app.use(router.routes());

module.exports = app;
`;
  const file = { path: "index.js", text };

  it("is evaluated per request; fix adds the page's origin to the list it reads (not credentials: true), and the printed app answers (for real)", async () => {
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/session", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toBe(text.replace('["https://app.example.com"]', `["https://app.example.com", "${PAGE}"]`));
    const app = loaded(after) as { callback(): (req: unknown, res: unknown) => void };
    const answers = await served(app.callback(), "/api/session", [PAGE, "https://other.example"]);
    expect(answers.map((r) => r.headers.get("access-control-allow-credentials"))).toEqual(["true", null]);
  });
});

describe("aiohttp: a route registered after the call of the function holding the cors.add loop", () => {
  const text = `import aiohttp_cors
from aiohttp import web


async def list_items(request):
    return web.json_response([])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["id"])})


def setup_cors(app):
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "${PAGE}": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)


def setup_admin_routes(app):
    app.router.add_put("/api/items/{id}", update_item)


def create_app():
    app = web.Application()
    app.router.add_get("/api/items", list_items)
    setup_cors(app)
    setup_admin_routes(app)
    return app


app = create_app()
`;
  const file = { path: "app.py", text };

  it("fix moves the call below the later registration (nothing else changes)", () => {
    const r = fixFor(
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
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        "    setup_cors(app)\n    setup_admin_routes(app)\n",
        "    setup_admin_routes(app)\n    setup_cors(app)\n",
      ),
    );
  });
});

describe("aiohttp: normalize_path_middleware redirects the URL without the slash to the slashed route", () => {
  const text = `import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items/")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items/")
async def create_item(request):
    return web.json_response({"id": 1}, status=201)


app = web.Application(middlewares=[web.normalize_path_middleware(append_slash=True)])
app.router.add_routes(routes)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "${PAGE}": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
    },
)
for route in list(app.router.routes()):
    cors.add(route)
`;
  const file = { path: "app.py", text };

  it("check warns at the middleware; fix registers each route for the URL the page calls too", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "aiohttp-normalize-redirect:17",
    );
    const r = fixFor([file], [{ url: "http://h/api/items", origin: PAGE }]);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace('@routes.get("/api/items/")\n', '@routes.get("/api/items")\n@routes.get("/api/items/")\n'),
    );
  });
});

describe("Django: the CORS settings live under `if DEBUG:`", () => {
  const settings = (tail: string) => ({
    path: "settings.py",
    text: `import os

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

INSTALLED_APPS = ["corsheaders"]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

if DEBUG:
    CORS_ALLOW_CREDENTIALS = True
    CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://localhost:[0-9]+$"]
${tail}`,
  });

  it("check warns at the if line (django-cors-under-condition)", () => {
    const f = checkConfig([settings("")]).findings.find((x) => x.code === "django-cors-under-condition");
    expect([f?.line, f?.words.params?.names]).toEqual([
      12,
      "CORS_ALLOW_CREDENTIALS, CORS_ALLOWED_ORIGIN_REGEXES",
    ]);
  });

  it("not with an else that sets its own, nor when a setting is also set outside", () => {
    const other = `else:\n    CORS_ALLOWED_ORIGINS = ["${PAGE}"]\n`;
    expect(checkConfig([settings(other)]).findings.map((x) => x.code)).not.toContain(
      "django-cors-under-condition",
    );
    const outside = `\nCORS_ALLOWED_ORIGIN_REGEXES = [r"^${PAGE.replace(/\./g, "\\\\.")}$"]\n`;
    expect(
      checkConfig([settings(outside)]).findings.filter((x) => x.code === "django-cors-under-condition"),
    ).toEqual([
      expect.objectContaining({
        words: expect.objectContaining({
          params: expect.objectContaining({ names: "CORS_ALLOW_CREDENTIALS" }),
        }),
      }),
    ]);
  });
});

describe("Hono: cors() on '/api' without '/*'", () => {
  const app = (path: string) => ({
    path: "index.ts",
    text: `import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono();
app.use("${path}", cors({ origin: "${PAGE}" }));
app.get("/api/items", (c) => c.json([]));

export default app;
`,
  });

  it("check names the use line (hono-cors-exact-path); not with /api/*", () => {
    expect(checkConfig([app("/api")]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "hono-cors-exact-path:5",
    );
    expect(checkConfig([app("/api/*")]).findings.map((f) => f.code)).not.toContain("hono-cors-exact-path");
  });
});

describe("FastAPI: an exception_handler(Exception) answers the 500 outside CORSMiddleware", () => {
  const text = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["${PAGE}"])


@app.exception_handler(Exception)
async def unexpected_error(request: Request, exc: Exception):
    return JSONResponse({"message": "unexpected error"}, status_code=500)


@app.get("/api/fail")
def report():
    raise RuntimeError("backend unavailable")
`;

  it("check names the handler's line (where the 500 is made)", () => {
    expect(checkConfig([{ path: "main.py", text }]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "starlette-error-outside-cors:9",
    );
    const without = text.replace(/@app\.exception_handler[\s\S]*?status_code=500\)\n\n\n/, "");
    expect(
      checkConfig([{ path: "main.py", text: without }]).findings.map((f) => `${f.code}:${f.line}`),
    ).toContain("starlette-error-outside-cors:6");
  });
});

describe("Apache: SetEnvIf Origin sets the variable sent as Allow-Origin to $0$1", () => {
  const site = (value: string) => ({
    path: "site.conf",
    text: `<VirtualHost *:80>
    ServerName api.example.com
    SetEnvIf Origin "^http(s)?://(app|admin)\\.example\\.com$" CORS_ALLOW=${value}
    Header always set Access-Control-Allow-Origin "%{CORS_ALLOW}e" env=CORS_ALLOW
    Header always merge Vary Origin
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`,
  });

  it("check names the SetEnvIf line (origin-env-not-whole); not with $0", () => {
    expect(checkConfig([site("$0$1")]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "origin-env-not-whole:3",
    );
    expect(checkConfig([site("$0")]).findings.map((f) => f.code)).not.toContain("origin-env-not-whole");
  });
});

describe("FastAPI: allow_origins read from the environment with the default '*', and credentials", () => {
  const text = `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

allowed_origins = os.getenv("CORS_ALLOWED", "*").split(",")

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=allowed_origins, allow_credentials=True)
`;

  it("check names the line where the '*' is written", () => {
    expect(checkConfig([{ path: "main.py", text }]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "starlette-any-origin-credentials:6",
    );
  });
});

describe("Flask: the aborting view's options name something bound only below the app", () => {
  it("is refused with its reason rather than printing CORS(app, …) the app could not start with", () => {
    const text = `from flask import Flask, abort, jsonify
from flask_cors import cross_origin

app = Flask(__name__)
ALLOWED = ["${PAGE}"]


@app.route("/api/me")
@cross_origin(origins=ALLOWED, supports_credentials=True)
def me():
    abort(401)
`;
    const file = { path: "app.py", text };
    const [x] = recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]);
    if (!x) throw new Error("no exchange");
    const r = fixConfig(
      [file],
      [
        {
          ...x,
          hops: x.hops.map((h) => ({
            ...h,
            status: 401,
            responseHeaders: h.responseHeaders.filter(([n]) => !/^access-control-/i.test(n)),
          })),
          error: "net::ERR_FAILED",
        },
      ],
    );
    expect(r.ok).toBe(false);
    expect(r.files[0]?.after ?? text).toBe(text);
    expect(JSON.stringify(r)).toContain("config.flask.cannot.aborts");
    // Bound above the app: copied as written.
    const above = text.replace(
      `app = Flask(__name__)\nALLOWED = ["${PAGE}"]`,
      `ALLOWED = ["${PAGE}"]\napp = Flask(__name__)`,
    );
    const [y] = recordedFrom(
      [{ path: "app.py", text: above }],
      [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }],
    );
    if (!y) throw new Error("no exchange");
    const ok = fixConfig(
      [{ path: "app.py", text: above }],
      [
        {
          ...y,
          hops: y.hops.map((h) => ({
            ...h,
            status: 401,
            responseHeaders: h.responseHeaders.filter(([n]) => !/^access-control-/i.test(n)),
          })),
          error: "net::ERR_FAILED",
        },
      ],
    );
    expect(ok.ok, fixDiff(ok)).toBe(true);
    expect(fixDiff(ok)).toContain(
      '+CORS(app, resources={"^/api/me$": {"origins": ALLOWED, "supports_credentials": True}})',
    );
  });
});
