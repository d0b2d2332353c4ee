/**
 * The Python readers' changes for held-out set 17's misses (test/fixes/HELDOUT17.md), each on a file of
 * its own: what the reader now reads, and the patch `fix` writes from it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, prepareConfig, readConfig } from "../../src/config";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:41234";
const API = "http://localhost:8000";

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
    next,
  };
}

const ask = (files: ConfigFile[], req: { method?: string; url: string; headers: Array<[string, string]> }) =>
  readConfig(files).answer({ method: "GET", ...req });

const DJANGO_HEAD = `import json
import os

SECRET_KEY = "x"
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
`;

describe("Django: CORS_ALLOW_CREDENTIALS through a same-file to_bool(os.environ.get(…, False)) (Substra/substra-backend#259)", () => {
  const text = `${DJANGO_HEAD}

def to_bool(value):
    return str(value).lower() in ("1", "true", "yes", "y")


CORS_ORIGIN_WHITELIST = json.loads(os.environ.get("CORS_ORIGIN_WHITELIST", '["${PAGE}"]'))
CORS_ALLOW_CREDENTIALS = to_bool(os.environ.get("CORS_ALLOW_CREDENTIALS", False))
`;
  const files = [{ path: "settings.py", text }];
  const me = { url: `${API}/api/me`, origin: PAGE, credentials: "include" as const };
  it("read as the default's value (False), said; `fix` makes the default True, the variable still decides where set", () => {
    const a = ask(files, { url: `${API}/api/me`, headers: [["Origin", PAGE]] });
    expect(a.kind).toBe("known");
    if (a.kind !== "known") return;
    expect(a.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    expect(a.headers.map(([n]) => n)).not.toContain("Access-Control-Allow-Credentials");
    expect(JSON.stringify(a.assumed)).toContain("CORS_ALLOW_CREDENTIALS");
    const f = fixed(files, [me]);
    expect(f.r.ok).toBe(true);
    expect(f.added).toEqual([
      'CORS_ALLOW_CREDENTIALS = to_bool(os.environ.get("CORS_ALLOW_CREDENTIALS", True))',
    ]);
    expect(f.again).toBe(0);
  });
  it("a helper whose body is not followed stays unknown", () => {
    const loop = text.replace(
      '    return str(value).lower() in ("1", "true", "yes", "y")',
      "    for v in value:\n        pass\n    return True",
    );
    expect(() => recordedFrom([{ path: "settings.py", text: loop }], [me])).toThrow(/unknown/);
  });
});

describe("Django: CORS_ALLOWED_ORIGINS from a same-file get_env(…, default='[…]', is_json=True) (RedHatProductSecurity/osidb#348)", () => {
  const text = `${DJANGO_HEAD}

def get_env(key, default=None, is_json=False):
    value = os.environ.get(key, default)
    return json.loads(value) if is_json and value is not None else value


CORS_ALLOWED_ORIGINS = get_env(
    "OSIDB_CORS_ALLOWED_ORIGINS", default='["${PAGE}"]', is_json=True
)
CORS_ALLOW_CREDENTIALS = True
`;
  const files = [{ path: "settings.py", text }];
  it("the helper's JSON default read as the origins (said); `fix` adds the refused header to CORS_ALLOW_HEADERS", () => {
    const a = ask(files, { url: `${API}/api/items`, headers: [["Origin", PAGE]] });
    expect(a.kind === "known" && a.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    expect(JSON.stringify(a.kind === "known" && a.assumed)).toContain("OSIDB_CORS_ALLOWED_ORIGINS");
    const f = fixed(files, [
      {
        url: `${API}/api/items/1`,
        method: "PUT",
        origin: PAGE,
        credentials: "include",
        headers: [
          ["Content-Type", "application/json"],
          ["Bugzilla-Api-Key", "bz"],
        ],
      },
    ]);
    expect(f.r.ok).toBe(true);
    expect(f.text).toMatch(/CORS_ALLOW_HEADERS = \(\*default_headers, "bugzilla-api-key"\)/i);
    expect(f.again).toBe(0);
  });
  it("without is_json the value is the JSON text itself: no origin list", () => {
    const one = text.replace(", is_json=True", "");
    const a = ask([{ path: "settings.py", text: one }], {
      url: `${API}/api/items`,
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "known" && a.headers.map(([n]) => n)).not.toContain("Access-Control-Allow-Origin");
  });
});

describe("Flask: resources=get_cors_config(), a same-file function returning a dict literal (data-for-change/anyway#1953)", () => {
  const text = `from flask import Flask, jsonify
from flask_cors import CORS

SITE_LIST_PROD = ["https://www.anyway.co.il"]
SITE_LIST_DEV = SITE_LIST_PROD + ["${PAGE}"]
SERVER_ENV = "dev"

app = Flask(__name__)


def get_cors_config() -> dict:
    cors_site_list = SITE_LIST_PROD
    if SERVER_ENV == "dev":
        cors_site_list = SITE_LIST_DEV

    return {
        r"/api/news-flash": {"origins": "*"},
        r"/authorize/*": {"origins": cors_site_list, "supports_credentials": True},
        r"/user/*": {"origins": "*"},
    }


CORS(app, resources=get_cors_config())


@app.route("/api/news-flash")
def news_flash():
    return jsonify([])


@app.route("/authorize/login")
def login():
    return jsonify({})


@app.route("/user/info")
def user_info():
    return jsonify({})
`;
  const files = [{ path: "app.py", text }];
  it("the returned dict read as the resources (its `if` decided, its local names bound); `fix` answers inside it", () => {
    const login = ask(files, { url: "http://localhost:5000/authorize/login", headers: [["Origin", PAGE]] });
    expect(login.kind === "known" && login.headers).toContainEqual([
      "Access-Control-Allow-Credentials",
      "true",
    ]);
    expect(login.kind === "known" && login.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    const f = fixed(files, [
      { url: "http://localhost:5000/api/news-flash", origin: PAGE },
      { url: "http://localhost:5000/user/info", origin: PAGE, credentials: "include" },
    ]);
    // `/user/*` allows every site: supports_credentials=True there would let any site read with the
    // user's cookies, and narrowing it would block sites allowed today (flask.test.ts): refused, the
    // line named inside the returned literal.
    expect(f.r.cannot.map((c) => [c.why.key, c.why.params?.line])).toEqual([
      ["config.flask.cannot.all-credentials", 19],
    ]);
    // A resource of the literal that lists its sites gets credentials added where it is written.
    const listed = text.replace('r"/user/*": {"origins": "*"}', 'r"/user/*": {"origins": cors_site_list}');
    const g = fixed(
      [{ path: "app.py", text: listed }],
      [{ url: "http://localhost:5000/user/info", origin: PAGE, credentials: "include" }],
    );
    expect(g.r.ok).toBe(true);
    expect(g.added).toEqual([
      '        r"/user/*": {"origins": cors_site_list, "supports_credentials": True},',
    ]);
    expect(g.again).toBe(0);
  });
  it("an `if` the function cannot decide leaves the resources unknown", () => {
    const env = text.replace('SERVER_ENV = "dev"', 'SERVER_ENV = os.environ["SERVER_ENV"]');
    expect(() =>
      recordedFrom(
        [{ path: "app.py", text: env }],
        [{ url: "http://localhost:5000/user/info", origin: PAGE }],
      ),
    ).toThrow(/unknown/);
  });
});

describe("aiohttp: aiohttp-cors added by a walk in a startup hook, a view registered by a later hook (home-assistant/core#59360)", () => {
  const text = `import aiohttp_cors
from aiohttp import hdrs, web

ALLOWED_CORS_HEADERS = [hdrs.ORIGIN, hdrs.ACCEPT, "X-Requested-With", hdrs.CONTENT_TYPE, hdrs.AUTHORIZATION]


def setup_cors(app, origins):
    cors = aiohttp_cors.setup(
        app,
        defaults={
            host: aiohttp_cors.ResourceOptions(allow_headers=ALLOWED_CORS_HEADERS, allow_methods="*")
            for host in origins
        },
    )

    async def cors_startup(app):
        for route in list(app.router.routes()):
            if isinstance(route.resource, web.StaticResource):
                continue
            cors.add(route)

    app.on_startup.append(cors_startup)


async def api_status(request):
    return web.json_response({"message": "API running."})


async def api_states(request):
    return web.json_response([])


async def async_setup_integrations(app):
    app.router.add_get("/api/states", api_states)


app = web.Application()
setup_cors(app, ["${PAGE}"])
app.router.add_get("/api/", api_status)
app.on_startup.append(async_setup_integrations)
`;
  const files = [{ path: "app.py", text }];
  const call = (path: string) => ({
    url: `http://127.0.0.1:8123${path}`,
    origin: PAGE,
    headers: [["Authorization", "Bearer t"]] as Array<[string, string]>,
  });
  it("the route registered before the walk is covered, the later hook's is not; `fix` runs that hook before the walk", () => {
    const pre = (path: string) =>
      ask(files, {
        method: "OPTIONS",
        url: `http://127.0.0.1:8123${path}`,
        headers: [
          ["Origin", PAGE],
          ["Access-Control-Request-Method", "GET"],
          ["Access-Control-Request-Headers", "authorization"],
        ],
      });
    const root = pre("/api/");
    expect(root.kind === "known" && root.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    const states = pre("/api/states");
    expect(states.kind === "known" && states.status).toBe(405);
    const f = fixed(files, [call("/api/"), call("/api/states")]);
    expect(f.r.ok).toBe(true);
    expect(f.again).toBe(0);
    expect(f.text.indexOf("app.on_startup.append(async_setup_integrations)")).toBeLessThan(
      f.text.indexOf('setup_cors(app, ["'),
    );
  });
  it("check names the walk's hook, the later route's line beside", () => {
    const found = checkConfig(files).findings.map((x) => [x.code, x.line, x.also?.map((a) => a.line)]);
    expect(found).toContainEqual(["aiohttp-route-after-startup-walk", 22, [34]]);
    expect(found.map(([c]) => c)).not.toContain("aiohttp-route-after-loop");
  });
});
