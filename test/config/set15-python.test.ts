/**
 * Python shapes held-out set 15 found refused or misread (test/fixes/HELDOUT15.md), each checked on
 * the model (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import type { HeaderList } from "../../src/engine";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

describe("an argument added to a call written with a trailing comma (valid Python)", () => {
  it('aiohttp: allow_methods goes before the comma of ResourceOptions(…, allow_headers="*",)', () => {
    const text = `import aiohttp_cors
from aiohttp import web


async def list_groups(request):
    return web.json_response([])


async def new_group(request):
    return web.json_response({}, status=201)


async def one(request):
    return web.json_response({})


app = web.Application()
app.router.add_route('GET', '/groups', list_groups)
app.router.add_route('GET', '/groups/{id}', one)
app.router.add_route('POST', '/groups', new_group)

cors = aiohttp_cors.setup(app, defaults={"*": aiohttp_cors.ResourceOptions(expose_headers="*", allow_headers="*",)})
for route in list(app.router.routes()):
    cors.add(route)
`;
    const file = { path: "app.py", text };
    const ev = recordedFrom(
      [file],
      [
        {
          url: "http://h/groups",
          method: "POST",
          origin: PAGE,
          headers: [["content-type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `aiohttp_cors.ResourceOptions(expose_headers="*", allow_headers="*", allow_methods=['POST'],)})`,
    );
  });

  it("FastAPI and Flask: keywords added inline keep the writer's trailing comma", () => {
    const fastapi = {
      path: "app.py",
      text: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["${PAGE}",],)


@app.get("/items")
def items():
    return []
`,
    };
    const a = fixConfig(
      [fastapi],
      recordedFrom([fastapi], [{ url: "http://h/items", origin: PAGE, credentials: "include" }]),
    );
    expect(a.ok, fixDiff(a)).toBe(true);
    expect(a.files[0]?.after).toContain(
      `app.add_middleware(CORSMiddleware, allow_origins=["${PAGE}",], allow_credentials=True,)`,
    );
    const flask = {
      path: "app.py",
      text: `from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["${PAGE}"],)


@app.route("/items")
def items():
    return {}
`,
    };
    const b = fixConfig(
      [flask],
      recordedFrom([flask], [{ url: "http://h/items", origin: PAGE, credentials: "include" }]),
    );
    expect(b.ok, fixDiff(b)).toBe(true);
    expect(b.files[0]?.after).toContain(`CORS(app, origins=["${PAGE}"], supports_credentials=True,)`);
  });
});

describe("FastAPI: a handler registered for Exception with add_exception_handler answers a 404", () => {
  const text = `import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse


class NotFound(Exception):
    pass


def domain_errors(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, NotFound):
        return JSONResponse(status_code=404, content={"detail": str(exc)})
    return JSONResponse(status_code=500, content={"detail": "error"})


def create_app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins=["${PAGE}"])
    app.add_exception_handler(Exception, domain_errors)

    @app.get("/items/{i}")
    def item(i: str):
        raise NotFound(i)

    return app


app = create_app()
`;
  // ServerErrorMiddleware's handler answered: no CORS headers (recorded from an app without CORS).
  const error = { status: 404, headers: [["content-type", "application/json"]] as HeaderList };
  const evidence = () =>
    recordedFrom(
      [{ path: "app.py", text: "from fastapi import FastAPI\n\napp = FastAPI()\n" }],
      [{ url: "http://h/items/7", origin: PAGE, recorded: { preflight: null, actual: error } }],
    );

  it("reads the 404 as made outside CORSMiddleware; fix calls the handler from a middleware inside it", () => {
    const file = { path: "app.py", text };
    const a = readConfig([file]).answer({
      method: "GET",
      url: "http://h/items/7",
      headers: [["Origin", PAGE]],
      upstream: error,
    });
    expect(a).toMatchObject({ kind: "known", status: 404, headers: error.headers });
    const r = fixConfig([file], evidence());
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain("from starlette.concurrency import run_in_threadpool\n");
    expect(after).toContain(
      '    @app.middleware("http")\n    async def errors_inside_cors(request, call_next):\n',
    );
    expect(after).toContain(
      "        except Exception as exc:\n" +
        '            logging.getLogger("uvicorn.error").exception("Exception in ASGI application")\n' +
        "            return await run_in_threadpool(domain_errors, request, exc)\n",
    );
    expect(after.indexOf("errors_inside_cors")).toBeLessThan(after.indexOf("app.add_middleware("));
    expect(fixDiff(fixConfig([{ path: "app.py", text: after }], evidence()))).toBe("");
    // An async handler is awaited.
    const asyncText = text.replace("def domain_errors(", "async def domain_errors(");
    const b = fixConfig([{ path: "app.py", text: asyncText }], evidence());
    expect(b.ok, fixDiff(b)).toBe(true);
    expect(b.files[0]?.after).toContain("            return await domain_errors(request, exc)\n");
    expect(b.files[0]?.after).not.toContain("run_in_threadpool");
  });

  it("check names the add_exception_handler line, CORSMiddleware's and the raise beside it", () => {
    const f = checkConfig([{ path: "app.py", text }]).findings.find(
      (x) => x.code === "starlette-error-outside-cors",
    );
    expect(f?.line).toBe(21);
    expect(f?.words.key).toBe("config.starlette.check.error-to-handler");
    expect(f?.also?.map((x) => x.line)).toContain(20);
  });

  it("a handler for another class stays inside CORSMiddleware: the recorded 404 is not read as its", () => {
    const other = text.replace("add_exception_handler(Exception,", "add_exception_handler(NotFound,");
    const a = readConfig([{ path: "app.py", text: other }]).answer({
      method: "GET",
      url: "http://h/items/7",
      headers: [["Origin", PAGE]],
      upstream: error,
    });
    expect(a.kind === "known" && a.headers.some(([n]) => n === "Access-Control-Allow-Origin")).toBe(true);
  });
});

describe("Flask: a view decorator of the app's own sets Allow-Origin to a comma-separated list", () => {
  const text = `from functools import wraps

from flask import Flask, current_app, jsonify, make_response, request

ALLOWED = "https://admin.example.com, ${PAGE}"

app = Flask(__name__)
app.config["ALLOWED_ORIGINS"] = ALLOWED


def with_cors(f):
    @wraps(f)
    def inner(*a, **kw):
        allowed = current_app.config["ALLOWED_ORIGINS"]
        resp = make_response(f(*a, **kw))
        resp.headers["Access-Control-Allow-Origin"] = allowed
        return resp

    return inner


@app.route("/api/items")
@with_cors
def items():
    return jsonify([])
`;
  const ask = (t: string, origin = PAGE) =>
    readConfig([{ path: "app.py", text: t }]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", origin]],
    });

  it("reads the header the decorator sends; fix sends the request's origin when listed, the list kept", () => {
    expect(ask(text)).toMatchObject({
      kind: "known",
      headers: [["Access-Control-Allow-Origin", `https://admin.example.com, ${PAGE}`]],
    });
    const file = { path: "app.py", text };
    const ev = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      '        resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin") if request.headers.get("Origin") in [o.strip() for o in allowed.split(",")] else allowed\n' +
        '        resp.vary.add("Origin")\n',
    );
    expect(after).toContain(`ALLOWED = "https://admin.example.com, ${PAGE}"`);
    for (const origin of [PAGE, "https://admin.example.com"])
      expect(ask(after, origin)).toMatchObject({
        kind: "known",
        headers: [["Access-Control-Allow-Origin", origin]],
      });
    expect(fixDiff(fixConfig([{ path: "app.py", text: after }], ev))).toBe("");
  });

  it("leaves to the recorded answer a value it cannot read, and a decorator above the route", () => {
    // Loaded from a config file: the decorator's header is not modelled (the application's own answer).
    const loaded = text.replace(
      'app.config["ALLOWED_ORIGINS"] = ALLOWED\n',
      'app.config.from_object("settings")\n',
    );
    const l = ask(loaded);
    expect(l.kind === "known" && l.headers.length).toBe(0);
    // Above the route decorator it wraps nothing the route registers: no header from it.
    const above = text.replace(
      '@app.route("/api/items")\n@with_cors\n',
      '@with_cors\n@app.route("/api/items")\n',
    );
    const a = ask(above);
    expect(a.kind === "known" && a.headers.length).toBe(0);
    // A route that lists OPTIONS: its view answers the preflight through the decorator, unread.
    const own = text.replace(
      '@app.route("/api/items")',
      '@app.route("/api/items", methods=["GET", "OPTIONS"])',
    );
    const pre = readConfig([{ path: "app.py", text: own }]).answer({
      method: "OPTIONS",
      url: "http://h/api/items",
      headers: [
        ["Origin", PAGE],
        ["Access-Control-Request-Method", "PUT"],
      ],
    });
    expect(pre).toMatchObject({ kind: "unknown", why: { key: "config.flask.unknown.hand-deco" } });
  });

  it("an origin the list does not name: no edit of the decorator, said", () => {
    const other = text.replace(`, ${PAGE}"`, ', https://b.example.com"');
    const file = { path: "app.py", text: other };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok).toBe(false);
    expect(r.cannot[0]?.why.key).toBe("config.flask.cannot.hand-deco");
  });
});

describe("check: a Flask decorator of the app's own sending a comma-separated Allow-Origin", () => {
  it("is named at the header's line, and not once fixed", () => {
    const text = `from functools import wraps

from flask import Flask, jsonify, make_response

app = Flask(__name__)
app.config["FRONT_ENDS"] = "https://a.example.com, https://b.example.com"


def cors(f):
    @wraps(f)
    def inner(*a, **kw):
        resp = make_response(f(*a, **kw))
        resp.headers["Access-Control-Allow-Origin"] = app.config["FRONT_ENDS"]
        return resp

    return inner


@app.route("/api/items")
@cors
def items():
    return jsonify([])
`;
    const r = checkConfig([{ path: "app.py", text }]);
    expect(r.findings.map((f) => `${f.code}:${f.line}`)).toEqual(["flask-origin-list:13"]);
    expect(r.notes.map((n) => n.key)).not.toContain("config.note.no-cors");
    const one = text.replace(', https://b.example.com"', '"');
    expect(checkConfig([{ path: "app.py", text: one }]).findings).toEqual([]);
  });
});
