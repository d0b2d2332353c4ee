/**
 * The Python readers' changes for held-out set 16's misses (test/fixes/HELDOUT16.md), each on a file of
 * its own: what the reader now reads, and the patch `fix` writes from it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  prepareConfig,
  readConfig,
} from "../../src/config";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:5173";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOW_ALL_ORIGINS = True\n" }], wasm);
});

/** The patched text's new lines, and whether the same requests need anything more after it. */
function fixed(files: ConfigFile[], specs: Parameters<typeof recordedFrom>[1]) {
  const r = fixConfig(files, recordedFrom(files, specs));
  const next = files.map((f) => ({ ...f, text: r.files.find((x) => x.path === f.path)?.after ?? f.text }));
  const before = new Set(files.flatMap((f) => f.text.split("\n")));
  const again = fixConfig(next, recordedFrom(next, specs));
  return {
    r,
    text: next.map((f) => f.text).join("\n"),
    added: next.flatMap((f) => f.text.split("\n")).filter((l) => !before.has(l)),
    again: again.edits.length,
  };
}

describe("aiohttp: a module constant named CORS_… is no Django setting (esphome/device-builder#163)", () => {
  const text = `from aiohttp import web

CORS_HEADERS = {"Access-Control-Allow-Origin": "*"}


@web.middleware
async def cors_middleware(request, handler):
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response


app = web.Application(middlewares=[cors_middleware])
`;
  it("read as aiohttp, and check says nothing of Django's MIDDLEWARE", () => {
    expect(detectFormat({ path: "app.py", text })).toEqual({ format: "aiohttp" });
    const codes = checkConfig([{ path: "app.py", text }]).findings.map((f) => f.code);
    expect(codes).not.toContain("django-no-middleware");
    // A Django settings file is still Django's.
    expect(
      detectFormat({ path: "settings.py", text: 'CORS_ALLOWED_ORIGINS = ["https://a.example"]\n' }),
    ).toEqual({
      format: "django",
    });
  });
});

describe("Flask: flask-cors set up in a helper the factory hands the app to (opendatateam/udata#860)", () => {
  const text = `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

cors = CORS()
api = Blueprint("api", __name__, url_prefix="/api/1")


@api.route("/datasets/")
def datasets():
    return jsonify([])


def init_app(application):
    cors.init_app(
        application,
        resources={r"/api/*": {"origins": "*"}},
        allow_headers=["Content-Type", "X-API-KEY"],
    )
    application.register_blueprint(api)


def create_app():
    app = Flask(__name__)
    init_app(app)
    return app
`;
  it("the init_app list is read and extended in place, nothing added after the app", () => {
    const f = fixed(
      [{ path: "app.py", text }],
      [{ url: "http://localhost:5000/api/1/datasets/", origin: PAGE, headers: [["X-Fields", "data{id}"]] }],
    );
    expect(f.r.ok).toBe(true);
    expect(f.added.map((l) => l.toLowerCase())).toEqual([
      '        allow_headers=["content-type", "x-api-key", "x-fields"],',
    ]);
    expect(f.again).toBe(0);
  });
});

describe("Django: origins from an environment helper of the file (mitodl/open-discussions#3285)", () => {
  const text = (call: string) => `import os

SECRET_KEY = "x"
ROOT_URLCONF = "urls"


def get_list_of_str(name, default):
    """A comma-separated environment variable as a list."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def get_strict(name, default):
    return [item.strip() for item in os.environ[name].split(",")]


INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ORIGIN_WHITELIST = ${call}
`;
  const call = 'get_list_of_str("CORS_ORIGIN_WHITELIST", ["http://localhost:8053"])';
  it("read as its default, said so; the page's origin added after the call, where a deployed value keeps it", () => {
    const files = [{ path: "settings.py", text: text(call) }];
    const known = readConfig(files).answer({
      method: "GET",
      url: "http://localhost:8000/api/x/",
      headers: [["Origin", "http://localhost:8053"]],
    });
    expect(known.kind === "known" && known.headers).toContainEqual([
      "Access-Control-Allow-Origin",
      "http://localhost:8053",
    ]);
    const f = fixed(files, [{ url: "http://localhost:8000/api/x/", origin: PAGE }]);
    expect(f.r.ok).toBe(true);
    expect(f.added).toEqual([`CORS_ORIGIN_WHITELIST = [*${call}, "${PAGE}"]`]);
    expect(f.again).toBe(0);
    const said = f.r.rows[0]?.before.assumed ?? [];
    expect(JSON.stringify(said)).toContain("config.django.assumed.env-default");
  });
  it("a helper that does not hand its default back stays unknown", () => {
    const files = [{ path: "settings.py", text: text(call.replace("get_list_of_str", "get_strict")) }];
    expect(() => recordedFrom(files, [{ url: "http://localhost:8000/api/x/", origin: PAGE }])).toThrow(
      /unknown/,
    );
  });
});

describe("aiohttp: an HTTPException the handler raises passes the app's own CORS middleware (esphome/device-builder#163)", () => {
  const text = `from aiohttp import web

CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Content-Type"}


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        return web.Response(status=200, headers=CORS_HEADERS)
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response


async def get_device(request):
    raise web.HTTPNotFound(text="unknown device")


app = web.Application(middlewares=[cors_middleware])
app.router.add_get("/api/devices/{name}", get_device)
`;
  const ask = (t: string, status: number) =>
    readConfig([{ path: "app.py", text: t }]).answer({
      method: "GET",
      url: "http://127.0.0.1:8080/api/devices/x",
      headers: [["Origin", PAGE]],
      upstream: { status, headers: [] },
    });
  it("a recorded 404 the handler raises has no CORS header; `fix` sets them on the exception and re-raises it", () => {
    const raised = ask(text, 404);
    expect(raised.kind === "known" && raised.headers).toEqual([]);
    // A status the handler does not raise is returned through the middleware, as before.
    const returned = ask(text, 409);
    expect(returned.kind === "known" && returned.headers).toContainEqual([
      "Access-Control-Allow-Origin",
      "*",
    ]);
    const files = [{ path: "app.py", text }];
    // As Chromium recorded it: the 404 without any CORS header, blocked.
    const evidence = recordedFrom(files, [{ url: "http://127.0.0.1:8080/api/devices/x", origin: PAGE }]).map(
      (x) => ({
        ...x,
        hops: x.hops.map((h) => ({ ...h, status: 404, responseHeaders: [], error: "net::ERR_FAILED" })),
      }),
    );
    const r = fixConfig(files, evidence);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers.update(CORS_HEADERS)
        raise
    response.headers.update(CORS_HEADERS)`);
    const patched = ask(after, 404);
    expect(patched.kind === "known" && patched.headers).toContainEqual(["Access-Control-Allow-Origin", "*"]);
  });
  it("check names the handler call (aiohttp-hand-raised-skips-cors), and nothing once it is wrapped", () => {
    const found = (t: string) =>
      checkConfig([{ path: "app.py", text: t }]).findings.filter(
        (f) => f.code === "aiohttp-hand-raised-skips-cors",
      );
    expect(
      found(text).map((f) => [f.line, f.severity, f.words.params?.raised, f.words.params?.line]),
    ).toEqual([[10, "error", "HTTPNotFound", 15]]);
    const files = [{ path: "app.py", text }];
    const evidence = recordedFrom(files, [{ url: "http://127.0.0.1:8080/api/devices/x", origin: PAGE }]).map(
      (x) => ({
        ...x,
        hops: x.hops.map((h) => ({ ...h, status: 404, responseHeaders: [], error: "net::ERR_FAILED" })),
      }),
    );
    expect(found(fixConfig(files, evidence).files[0]?.after ?? "")).toEqual([]);
    // A handler that raises nothing: nothing said.
    expect(
      found(text.replace('raise web.HTTPNotFound(text="unknown device")', "return web.json_response({})")),
    ).toEqual([]);
  });
});

describe("Flask: an after_request hook that reflects the Origin and sets the preflight's headers under `if OPTIONS` (postmanlabs/httpbin#147)", () => {
  const text = `from flask import Flask, jsonify, request

app = Flask(__name__)


@app.after_request
def set_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")
    response.headers["Access-Control-Allow-Credentials"] = "true"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    return response


@app.route("/headers")
def headers():
    return jsonify({})
`;
  const ask = (t: string, method: string) =>
    readConfig([{ path: "app.py", text: t }]).answer({
      method,
      url: "http://localhost:5000/headers",
      headers: [
        ["Origin", PAGE],
        ...(method === "OPTIONS" ? [["Access-Control-Request-Method", "GET"] as [string, string]] : []),
      ],
    });
  it("read: the origin sent back, the OPTIONS block on preflights only; the missing Allow-Headers added", () => {
    const get = ask(text, "GET");
    expect(get.kind === "known" && get.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    expect(get.kind === "known" && get.headers.map(([n]) => n)).not.toContain("Access-Control-Allow-Methods");
    const pre = ask(text, "OPTIONS");
    expect(pre.kind === "known" && pre.headers).toContainEqual([
      "Access-Control-Allow-Methods",
      "GET, POST, OPTIONS",
    ]);
    expect(checkConfig([{ path: "app.py", text }]).findings.map((f) => f.code)).not.toContain(
      "wildcard-with-credentials",
    );
    const f = fixed(
      [{ path: "app.py", text }],
      [{ url: "http://localhost:5000/headers", origin: PAGE, headers: [["X-Custom-Header", "1"]] }],
    );
    expect(f.r.ok).toBe(true);
    expect(f.added.map((l) => l.toLowerCase())).toEqual([
      '    response.headers["access-control-allow-headers"] = "x-custom-header"',
    ]);
    expect(f.again).toBe(0);
  });
});

describe("FastAPI: the 500 handler's CORS helper sets every CORS header but Allow-Origin (dbinfrago/capella-collab-manager#1843)", () => {
  const text = `from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse


def add_cors_headers(response: Response) -> Response:
    response.headers["Access-Control-Allow-Credentials"] = "true"
    response.headers["Access-Control-Allow-Methods"] = "*"
    return response


app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["${PAGE}"], allow_credentials=True)


@app.exception_handler(500)
async def handle_exceptions(request: Request, exc: Exception):
    return add_cors_headers(JSONResponse(status_code=500, content={}))
`;
  const found = (t: string) =>
    checkConfig([{ path: "app.py", text: t }]).findings.filter(
      (f) => f.code === "cors-headers-without-allow-origin",
    );
  it("check names the helper's line, with the headers it sets and the handler's line", () => {
    expect(found(text).map((f) => [f.line, f.severity, f.words.params?.names, f.words.params?.line])).toEqual(
      [[6, "error", "access-control-allow-credentials, access-control-allow-methods", 16]],
    );
  });
  it("nothing once the helper sets Allow-Origin, nor for a helper the handler does not call", () => {
    const withOrigin = text.replace(
      "    return response\n",
      `    response.headers["Access-Control-Allow-Origin"] = "${PAGE}"\n    return response\n`,
    );
    expect(found(withOrigin)).toEqual([]);
    expect(found(text.replace("return add_cors_headers(JSONResponse", "return (JSONResponse"))).toEqual([]);
  });
});
