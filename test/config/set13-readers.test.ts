/**
 * Shapes held-out set 13 found refused (test/fixes/HELDOUT13.md), each checked on the model (the
 * printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixConfig, fixDiff, prepareConfig } from "../../src/config";
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

describe("Flask: an extension class whose init_app registers a before_request auth hook", () => {
  const text = `from flask import Flask, Response, jsonify, request
from flask_cors import CORS


class BasicAuth:
    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        @app.before_request
        def require_basic_auth():
            if not request.headers.get('Authorization', '').startswith('Basic '):
                return Response(status=401, headers={'WWW-Authenticate': 'Basic realm=""'})
            return None


app = Flask(__name__)
basic_auth = BasicAuth(app)
CORS(app)


@app.route('/api/devices')
def devices():
    return jsonify([])
`;
  const file = { path: "app.py", text };
  it("reads the hook as the app's: the preflight's 401 is its answer, and fix lets preflights through it", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/api/devices", origin: PAGE, headers: [["Authorization", "Basic YTpi"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 401;
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace(
        "        def require_basic_auth():\n",
        "        def require_basic_auth():\n            if request.method == 'OPTIONS' and 'Access-Control-Request-Method' in request.headers:\n                return None\n",
      ),
    );
  });

  it("does not take a class the app is not handed to", () => {
    const unused = text.replace("basic_auth = BasicAuth(app)\n", "basic_auth = BasicAuth()\n");
    const evidence = recordedFrom(
      [{ path: "app.py", text: unused }],
      [{ url: "http://h/api/devices", origin: PAGE, headers: [["Authorization", "Basic YTpi"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 401;
    const r = fixConfig([{ path: "app.py", text: unused }], evidence);
    expect(r.files[0]?.after ?? unused).not.toContain("Access-Control-Request-Method");
  });
});

describe("Flask: a before_request key check answers the preflight 401 ahead of the hand-written hook", () => {
  const text = `from flask import Flask, jsonify, request

app = Flask(__name__)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Trace",
}


@app.before_request
def require_api_key():
    if request.headers.get("Authorization", "") != "Bearer k":
        return jsonify({"error": "invalid API key"}), 401
    return None


@app.route("/v1/<path:subpath>", methods=["OPTIONS"])
def cors_preflight(subpath):
    return "", 204, CORS_HEADERS


@app.after_request
def add_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@app.route("/v1/models")
def models():
    return jsonify([])
`;
  const file = { path: "app.py", text };
  it("lets preflights through the check, and the hook adds Allow-Headers without overwriting the view's", () => {
    const evidence = recordedFrom(
      [file],
      [{ url: "http://h/v1/models", origin: PAGE, headers: [["Authorization", "Bearer k"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 401;
    pf.responseHeaders = [["Access-Control-Allow-Origin", "*"]];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text
        .replace(
          "def require_api_key():\n",
          `def require_api_key():\n    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:\n        return None\n`,
        )
        .replace(
          '    response.headers["Access-Control-Allow-Origin"] = "*"\n',
          '    response.headers["Access-Control-Allow-Origin"] = "*"\n    response.headers.setdefault("Access-Control-Allow-Headers", "Authorization")\n',
        ),
    );
  });
});

describe("aiohttp: an auth middleware that calls the handler only inside `if <token matches>:`", () => {
  const text = `import os

import aiohttp_cors
from aiohttp import web
from aiohttp.web import middleware

TOKEN = os.environ.get("API_TOKEN", "t")


@middleware
async def auth(request, handler):
    if request.headers.get("Authorization") == f"Bearer {TOKEN}":
        return await handler(request)
    return web.Response(status=401)


async def list_jobs(request):
    return web.json_response([])


app = web.Application(middlewares=[auth])
app.router.add_get("/jobs", list_jobs)

cors = aiohttp_cors.setup(app, defaults={
    "${PAGE}": aiohttp_cors.ResourceOptions(allow_credentials=True, allow_headers="*", allow_methods="*"),
})
for route in list(app.router.routes()):
    cors.add(route)
`;
  const file = { path: "app.py", text };
  it("reads every other request, the preflight too, as answered 401; fix lets preflights through first", () => {
    // What the browser recorded: the middleware's bare 401 (the same app without it, for the rest).
    const evidence = recordedFrom(
      [{ path: "app.py", text: text.replace("web.Application(middlewares=[auth])", "web.Application()") }],
      [{ url: "http://h/jobs", origin: PAGE, headers: [["Authorization", "Bearer t"]] }],
    );
    const pf = evidence[0]?.preflight;
    if (!pf) throw new Error("no preflight");
    pf.status = 401;
    pf.responseHeaders = [];
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      'async def auth(request, handler):\n    if request.method == "OPTIONS"',
    );
  });
});

describe("rack-cors: options read from an OpenStruct config constant, credentials never passed", () => {
  const text = `require 'rack/cors'
require 'ostruct'

CorsConfig = OpenStruct.new(
  origins: ['${PAGE}'],
  headers: :any,
  request_methods: [:get, :post, :put, :patch, :delete, :options],
  max_age: 300,
  credentials: true
)

use Rack::Cors do
  allow do
    origins(*CorsConfig.origins)
    resource '/api/*',
             headers: CorsConfig.headers,
             methods: CorsConfig.request_methods,
             max_age: CorsConfig.max_age
  end
end

run ->(env) { [200, { 'content-type' => 'application/json' }, ['{}']] }
`;
  const file = { path: "config.ru", text };
  it("reads the struct's members; fix passes credentials to resource", () => {
    const evidence = recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]);
    const r = fixConfig([file], evidence);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain("credentials: true\n  end");
    expect(r.files[0]?.after).toMatch(/max_age: CorsConfig\.max_age,\s+credentials: true/);
  });
});
