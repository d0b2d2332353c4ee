/**
 * `check --config` findings added for shapes held-out set 13 brought (test/fixes/HELDOUT13.md), each on
 * a file of its own: the code and the line it names (and the other lines, `also`), and nothing on the
 * same file made right.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from flask import Flask\n" },
      { path: "config.ru", text: "use Rack::Cors\n" },
    ],
    grammarBytes,
  );
});

const findings = (path: string, text: string) => checkConfig([{ path, text }]).findings;
const codes = (path: string, text: string) => findings(path, text).map((f) => `${f.code}@${f.line}`);
/** Each finding as code@line with its other lines: "code@4+9+12". */
const named = (path: string, text: string) =>
  findings(path, text).map((f) => [`${f.code}@${f.line}`, ...(f.also ?? []).map((a) => a.line)].join("+"));

describe("Express and Hono", () => {
  it('"*" inside an origin list matches no Origin (cors, hono/cors), not @fastify/cors', () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.use(
  cors({
    origin: ["*"],
  }),
);
app.get("/api", (req, res) => res.json([]));
`;
    expect(codes("app.js", text)).toContain("origin-wildcard-in-list@6");
    expect(codes("app.js", text.replace('["*"]', '"*"'))).not.toContain("origin-wildcard-in-list@6");
    const hono = `import { Hono } from "hono";
import { cors } from "hono/cors";
const app = new Hono();
app.use("/api/*", cors({ origin: ["https://a.example", "*"] }));
app.get("/api/notes", (c) => c.json([]));
export default app;
`;
    expect(codes("server.mjs", hono)).toContain("origin-wildcard-in-list@4");
    // @fastify/cors reads a list holding "*" as "*" (its `origin` handling): nothing to say.
    const fastify = `const fastify = require("fastify")();
fastify.register(require("@fastify/cors"), { origin: ["*"] });
fastify.get("/api", async () => []);
`;
    expect(codes("server.js", fastify).filter((c) => c.startsWith("origin-wildcard-in-list"))).toEqual([]);
  });

  it("an app-wide cors() with other options registered ahead of the configured one answers the preflights", () => {
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors());
app.use(express.json());
app.use(cors({ origin: "https://a.example", credentials: true }));
app.put("/api/profile", (req, res) => res.json({}));
`;
    expect(named("app.js", text)).toContain("preflight-answered-first@4+6");
    // One cors() only, or the first passing the preflight on: nothing to say.
    expect(codes("app.js", text.replace("app.use(cors());\n", ""))).not.toContain(
      "preflight-answered-first@4",
    );
    expect(
      codes("app.js", text.replace("app.use(cors());", "app.use(cors({ preflightContinue: true }));")),
    ).not.toContain("preflight-answered-first@4");
    // The same options twice, or on other paths: nothing either.
    expect(
      codes(
        "app.js",
        text.replace(
          "app.use(cors());",
          'app.use(cors({ origin: "https://a.example", credentials: true }));',
        ),
      ),
    ).not.toContain("preflight-answered-first@4");
    const apart = text
      .replace("app.use(cors());", 'app.use("/public", cors());')
      .replace("app.use(cors({", 'app.use("/api", cors({');
    expect(codes("app.js", apart)).not.toContain("preflight-answered-first@4");
    // An origin function passes the origins it refuses on to the next cors(): nothing either.
    const shared = text.replace(
      "app.use(cors());",
      'app.use(cors({ origin: (o, cb) => cb(null, o === "https://b.example") }));',
    );
    expect(codes("app.js", shared)).not.toContain("preflight-answered-first@4");
  });
});

describe("Fastify", () => {
  const text = `const fastify = require("fastify")({ logger: false });

function keyCheck(instance, options, done) {
  instance.addHook("onRequest", (request, reply, next) => {
    if (request.headers.authorization !== "Bearer k") {
      reply.code(401).send({ error: "Unauthorized" });
      return;
    }
    next();
  });
  done();
}
keyCheck[Symbol.for("skip-override")] = true;

fastify.register(keyCheck);
fastify.register(require("@fastify/cors"), { origin: "https://a.example" });
fastify.get("/api/items", async () => []);
`;
  it("@fastify/cors after a plugin that skips encapsulation and adds an auth hook", () => {
    expect(named("server.js", text)).toContain("cors-after-auth@16+15");
    // An encapsulated plugin's hook reaches its own routes only: nothing to say.
    const encapsulated = text.replace('keyCheck[Symbol.for("skip-override")] = true;\n', "");
    expect(codes("server.js", encapsulated).filter((c) => c.startsWith("cors-after-auth"))).toEqual([]);
  });
});

describe("FastAPI", () => {
  it("an app with routes and no CORSMiddleware, named where it is made", () => {
    const text = `from fastapi import FastAPI

app = FastAPI(title="x")


@app.get("/list")
def items():
    return []
`;
    expect(codes("app.py", text)).toEqual(["no-cors@3"]);
    // Served by uvicorn.run(app): still nothing adds CORS.
    expect(codes("app.py", `${text}\nimport uvicorn\nuvicorn.run(app, port=8000)\n`)).toEqual(["no-cors@3"]);
    // Handed to a function of another module (which may add the middleware): nothing to say.
    expect(
      codes("app.py", text.replace('app = FastAPI(title="x")\n', 'app = FastAPI(title="x")\nsetup(app)\n')),
    ).toEqual([]);
    expect(
      codes(
        "app.py",
        text.replace(
          'app = FastAPI(title="x")\n',
          'from fastapi.middleware.cors import CORSMiddleware\napp = FastAPI(title="x")\napp.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])\n',
        ),
      ).filter((c) => c.startsWith("no-cors")),
    ).toEqual([]);
  });

  it("every middleware added after CORSMiddleware that answers is named", () => {
    const text = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse


class TokenAuth(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if request.headers.get("authorization") != "Bearer k":
            return JSONResponse({}, status_code=401)
        return await call_next(request)


class RateLimit(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        return JSONResponse({}, status_code=429)


app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
app.add_middleware(TokenAuth)
app.add_middleware(RateLimit)
`;
    expect(named("app.py", text)).toContain("starlette-middleware-order@20+22+21");
    // One of them only: named as before.
    expect(named("app.py", text.replace("app.add_middleware(RateLimit)\n", ""))).toContain(
      "starlette-middleware-order@20+21",
    );
  });

  it("an exception handler for Exception names CORSMiddleware's line too", () => {
    const text = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])


@app.exception_handler(Exception)
async def everything(request: Request, exc: Exception):
    return JSONResponse({"error": "x"}, status_code=500)


@app.get("/api/report")
def report():
    raise ValueError("no report")
`;
    expect(named("app.py", text)).toContain("starlette-error-outside-cors@9+16+6");
    expect(named("app.py", text.replace('    raise ValueError("no report")', "    return {}"))).toContain(
      "starlette-handler-outside-cors@9+6",
    );
  });
});

describe("Flask", () => {
  it("a before_request auth hook ahead of hand-written CORS answers the preflight", () => {
    const text = `from flask import Flask, jsonify, request

app = Flask(__name__)


@app.before_request
def require_key():
    if request.headers.get("Authorization") != "Bearer k":
        return jsonify({"error": "unauthorized"}), 401
    return None


@app.after_request
def add_cors(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@app.route("/v1/models")
def models():
    return jsonify([])
`;
    expect(named("app.py", text)).toContain("flask-before-request-preflight@6+7");
    // OPTIONS let through first: nothing to say.
    const passes = text.replace(
      "def require_key():\n",
      'def require_key():\n    if request.method == "OPTIONS":\n        return None\n',
    );
    expect(codes("app.py", passes).filter((c) => c.startsWith("flask-before-request-preflight"))).toEqual([]);
  });

  it("Flask-BasicAuth with BASIC_AUTH_FORCE beside CORS answers every preflight 401", () => {
    const text = `from flask import Flask, jsonify
from flask_basicauth import BasicAuth
from flask_cors import CORS

app = Flask(__name__)
app.config["BASIC_AUTH_USERNAME"] = "admin"
app.config["BASIC_AUTH_PASSWORD"] = "secret"
app.config["BASIC_AUTH_FORCE"] = True

basic_auth = BasicAuth(app)
CORS(app)


@app.route("/api/devices")
def devices():
    return jsonify([])
`;
    expect(named("app.py", text)).toContain("flask-basic-auth-force@8+10");
    // Without the force (views protected one by one with @basic_auth.required): nothing to say.
    expect(
      codes("app.py", text.replace('app.config["BASIC_AUTH_FORCE"] = True\n', "")).filter((c) =>
        c.startsWith("flask-basic-auth-force"),
      ),
    ).toEqual([]);
    expect(
      codes("app.py", text.replace("= True", "= False")).filter((c) =>
        c.startsWith("flask-basic-auth-force"),
      ),
    ).toEqual([]);
  });
});

describe("aiohttp", () => {
  it("a middleware that calls the handler only for authorised requests answers the preflight", () => {
    const text = `import aiohttp_cors
from aiohttp import web
from aiohttp.web import middleware


@middleware
async def auth(request, handler):
    if request.headers.get("Authorization") == "Bearer k":
        return await handler(request)
    return web.Response(status=401)


async def jobs(request):
    return web.json_response([])


app = web.Application(middlewares=[auth])
app.router.add_get("/jobs", jobs)
cors = aiohttp_cors.setup(app, defaults={"https://a.example": aiohttp_cors.ResourceOptions(allow_headers="*")})
for route in list(app.router.routes()):
    cors.add(route)
`;
    expect(named("app.py", text)).toContain("aiohttp-middleware-answers-preflight@7+8");
    // OPTIONS named in the condition: it passes the preflight on.
    const passes = text.replace(
      'if request.headers.get("Authorization") == "Bearer k":',
      'if request.method == "OPTIONS" or request.headers.get("Authorization") == "Bearer k":',
    );
    expect(
      codes("app.py", passes).filter((c) => c.startsWith("aiohttp-middleware-answers-preflight")),
    ).toEqual([]);
    // The handler called for the other requests too (the answer only on its error): nothing either.
    const both = text.replace(
      "    return web.Response(status=401)\n",
      "    try:\n        return await handler(request)\n    except ValueError:\n        return web.Response(status=400)\n",
    );
    expect(both).not.toBe(text);
    expect(codes("app.py", both).filter((c) => c.startsWith("aiohttp-middleware-answers-preflight"))).toEqual(
      [],
    );
  });
});

describe("Koa", () => {
  it("a router made in an async function, mounted in its .then() ahead of @koa/cors in one chain", () => {
    const text = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

async function makeRouter() {
  const router = new Router();
  router.get("/beer", (ctx) => {
    ctx.body = [];
  });
  return router;
}

const app = new Koa();

makeRouter().then((router) => {
  app
    .use(router.routes())
    .use(router.allowedMethods())
    .use(cors({ origin: "*" }))
    .listen(8080);
});
`;
    expect(named("server.js", text)).toContain("cors-after-route@19+17");
    // @koa/cors first in the chain: nothing to say.
    const first = text
      .replace('    .use(cors({ origin: "*" }))\n', "")
      .replace("  app\n", '  app\n    .use(cors({ origin: "*" }))\n');
    expect(first).not.toBe(text);
    expect(codes("server.js", first).filter((c) => c.startsWith("cors-after-"))).toEqual([]);
  });

  it("fix registers the chained cors() on its own just before the chain (the chain cannot be cut)", () => {
    const text = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const corsOptions = { origin: "*", allowHeaders: "range" };

async function makeRouter() {
  const router = new Router();
  router.get("/beer", (ctx) => {
    ctx.body = [];
  });
  return router;
}

const app = new Koa();

makeRouter().then((router) => {
  app
    .use(router.routes())
    .use(cors(corsOptions))
    .listen(8080);
});
`;
    const files = [{ path: "server.js", text }];
    const ev = recordedFrom(files, [
      { url: "http://127.0.0.1:8080/beer", origin: "https://a.example", headers: [["Range", "rows=0-1"]] },
    ]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain("  app.use(cors(corsOptions));\n  app\n    .use(router.routes())");
  });
});

describe("flask-cors methods and rack-cors options", () => {
  it('flask-cors methods="*" is no wildcard: every preflight refused', () => {
    const text = `from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS

endpoints = Blueprint("api", __name__)
CORS(endpoints, resources="/login", allow_headers="*",
     origins="*", methods="*")


@endpoints.route("/login", methods=["POST"])
def login():
    return jsonify(request.get_json(silent=True))


app = Flask(__name__)
app.register_blueprint(endpoints)
`;
    expect(named("app.py", text)).toContain("flask-methods-wildcard@6+5");
    // On the call's own line: no other line, and no empty list of them.
    const oneLine = findings(
      "app.py",
      text.replace(',\n     origins="*", methods="*")', ', origins="*", methods="*")'),
    );
    const star = oneLine.find((f) => f.code === "flask-methods-wildcard");
    expect(star?.line).toBe(5);
    expect(star && "also" in star).toBe(false);
    expect(
      codes("app.py", text.replace('methods="*"', 'methods=["GET", "POST"]')).filter((c) =>
        c.startsWith("flask-methods-wildcard"),
      ),
    ).toEqual([]);
  });

  it("a rack-cors resource that reads its options from an object which also sets credentials, never passed", () => {
    const text = `require 'rack/cors'
require 'ostruct'

CorsConfig = OpenStruct.new(
  headers: :any,
  request_methods: [:get, :post],
  credentials: true
)

use Rack::Cors do
  allow do
    origins 'https://a.example'
    resource '/api/*',
             headers: CorsConfig.headers,
             methods: CorsConfig.request_methods
  end
end

run ->(env) { [200, {}, ['ok']] }
`;
    expect(named("config.ru", text)).toContain("rack-cors-option-not-passed@13+7");
    const passed = text.replace(
      "             methods: CorsConfig.request_methods\n",
      "             methods: CorsConfig.request_methods,\n             credentials: CorsConfig.credentials\n",
    );
    expect(passed).not.toBe(text);
    expect(codes("config.ru", passed).filter((c) => c.startsWith("rack-cors-option-not-passed"))).toEqual([]);
  });
});
