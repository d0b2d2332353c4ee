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
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const file = (text: string, path = "app.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig([file("import aiohttp_cors\n")], wasm);
});

const HEAD = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


async def item(request):
    return web.json_response({})


app = web.Application()
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}
const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];
function known(a: ReturnType<typeof ask>) {
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return a;
}
const preflight = (method: string, headers = "", origin = APP): HeaderList => [
  ["Origin", origin],
  ["Access-Control-Request-Method", method],
  ...(headers ? ([["Access-Control-Request-Headers", headers]] as HeaderList) : []),
];
const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`);

describe("aiohttp-cors 0.7.0: what it answers", () => {
  it("the README's loop: * reflects the origin with credentials; routes after the loop get nothing", () => {
    const text = `${HEAD}cors = aiohttp_cors.setup(app, defaults={
    "*": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*"),
})
app.router.add_get("/api/items", items)
for route in list(app.router.routes()):
    cors.add(route)
app.router.add_put("/api/items/{id}", item)
`;
    expect(detectFormat(file(text))).toEqual({ format: "aiohttp" });
    const a = known(ask(text, { url: "http://h/api/items" }));
    expect(value(a.headers, "access-control-allow-origin")).toBe(APP);
    expect(value(a.headers, "access-control-allow-credentials")).toBe("true");
    expect(value(a.headers, "vary")).toBeUndefined();
    const pre = known(
      ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "x-a") }),
    );
    expect(pre.status).toBe(200);
    expect(value(pre.headers, "access-control-allow-headers")).toBe("X-A");
    // The PUT route is a new resource registered after the loop: its preflight goes to GET's resource.
    const put = known(
      ask(text, { url: "http://h/api/items/1", method: "OPTIONS", headers: preflight("PUT") }),
    );
    expect(put.status).toBe(405);
    expect(codes(text)).toEqual(["aiohttp-any-origin-credentials:15", "aiohttp-route-after-loop:20"]);
  });
});

const SETUP = (defaults: string) => `${HEAD}cors = aiohttp_cors.setup(app, defaults={${defaults}})\n`;
const LOOP = "for route in list(app.router.routes()):\n    cors.add(route)\n";
const RO = (args = "") => `aiohttp_cors.ResourceOptions(${args})`;

describe("aiohttp-cors: preflights and actual requests", () => {
  it("refuses every requested header by default, and a method no route config or allow_methods names", () => {
    const text = `${SETUP(`"${APP}": ${RO()}`)}resource = app.router.add_resource("/api/items")
cors.add(resource)
resource.add_route("GET", items)
`;
    // cors.add(resource) then a route on it: the resource is CORS-enabled, its methods need allow_methods.
    const get = known(ask(text, { url: "http://h/api/items" }));
    expect(value(get.headers, "access-control-allow-origin")).toBe(APP);
    const pre = known(ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET") }));
    expect(pre.status).toBe(403);
    const added = `${SETUP(`"${APP}": ${RO()}`)}cors.add(app.router.add_get("/api/items", items))\n`;
    expect(
      known(ask(added, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET") })).status,
    ).toBe(200);
    const hdr = known(
      ask(added, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "content-type") }),
    );
    expect(hdr.status).toBe(403);
  });

  it("looks the exact origin up in every layer before any '*' (a ChainMap)", () => {
    const text = `${SETUP(`"${APP}": ${RO("allow_headers=('X-A',)")}`)}cors.add(
    app.router.add_get("/api/items", items),
    {"*": ${RO('allow_credentials=True, allow_headers="*"')}},
)
`;
    const pre = known(
      ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "x-b") }),
    );
    // The defaults' exact origin wins over the route's "*": x-b is not in its allow_headers.
    expect(pre.status).toBe(403);
    const other = known(
      ask(text, {
        url: "http://h/api/items",
        method: "OPTIONS",
        headers: preflight("GET", "x-b", "https://other.example"),
      }),
    );
    expect(other.status).toBe(200);
    expect(value(other.headers, "access-control-allow-origin")).toBe("https://other.example");
    expect(value(other.headers, "access-control-allow-credentials")).toBe("true");
  });

  it("answers a CorsViewMixin view's preflight from the view's configs, routes without cors.add get nothing", () => {
    const text = `import aiohttp_cors
from aiohttp import web


class Items(web.View, aiohttp_cors.CorsViewMixin):
    cors_config = {"${APP}": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",))}

    async def get(self):
        return web.json_response([])


async def health(request):
    return web.Response(text="ok")


app = web.Application()
cors = aiohttp_cors.setup(app)
cors.add(app.router.add_view("/api/items", Items))
app.router.add_get("/health", health)
`;
    const pre = known(
      ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "content-type") }),
    );
    expect(pre.status).toBe(200);
    expect(
      known(ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("DELETE") })).status,
    ).toBe(403);
    expect(
      value(known(ask(text, { url: "http://h/api/items" })).headers, "access-control-allow-origin"),
    ).toBe(APP);
    expect(
      value(known(ask(text, { url: "http://h/health" })).headers, "access-control-allow-origin"),
    ).toBeUndefined();
    // /health beside /api/…: left without CORS on purpose, not reported; /api/me would be.
    expect(codes(text)).toEqual([]);
    expect(codes(text.replace('"/health"', '"/api/health"'))).toEqual(["aiohttp-route-not-added:19"]);
  });

  it("reads a factory no line calls, and origins from a dict comprehension", () => {
    const text = `import aiohttp_cors
from aiohttp import web

ORIGINS = ["https://shop.example.com", "${APP}"]


async def items(request):
    return web.json_response([])


def create_app():
    app = web.Application()
    app.router.add_get("/api/items", items)
    cors = aiohttp_cors.setup(app, defaults={o: aiohttp_cors.ResourceOptions() for o in ORIGINS})
    for route in list(app.router.routes()):
        cors.add(route)
    return app
`;
    expect(
      value(known(ask(text, { url: "http://h/api/items" })).headers, "access-control-allow-origin"),
    ).toBe(APP);
    expect(codes(text)).toEqual([]);
  });

  it("says what it cannot follow, and refuses a file that does not parse (exit 2)", () => {
    const text = `${HEAD}cors = aiohttp_cors.setup(app)\nfor path in PATHS:\n    cors.add(app.router.add_get(path, items))\n`;
    const a = ask(text, { url: "http://h/api/items" });
    expect(a.kind === "unknown" && a.why.key).toBe("config.aiohttp.unknown.code");
    expect(() => readConfig([file(`${HEAD}cors = aiohttp_cors.setup(app\n`)])).toThrow(/config.error.syntax/);
  });

  it("says unknown where the app sets CORS headers itself by code it does not read", () => {
    const text = `from aiohttp import web


@web.middleware
async def cors(request, handler):
    response = await handler(request)
    if request.path.startswith("/api"): response.headers["Access-Control-Allow-Origin"] = "*"
    return response


app = web.Application(middlewares=[cors])
`;
    const a = ask(text, { url: "http://h/" });
    expect(a.kind === "unknown" && a.why).toEqual({
      key: "config.aiohttp.unknown.own-headers",
      params: { line: 7 },
    });
  });

  it("reads an aiohttp app that names CORS_ORIGINS as aiohttp, not Django", () => {
    expect(detectFormat(file(`import aiohttp_cors\nCORS_ORIGINS = ["https://a.example"]\n`))).toEqual({
      format: "aiohttp",
    });
  });
});

describe("aiohttp-cors: check", () => {
  it("names the app that does not start, with the line aiohttp-cors raises at", () => {
    const options = `${HEAD}
async def opts(request):
    return web.Response()


cors = aiohttp_cors.setup(app, defaults={"${APP}": ${RO()}})
app.router.add_get("/api/items", items)
app.router.add_route("OPTIONS", "/api/items", opts)
${LOOP}`;
    expect(codes(options)).toEqual(["aiohttp-app-does-not-start:23"]);
    const twice = `${SETUP(`"${APP}": ${RO()}`)}cors.add(app.router.add_get("/api/items", items))\n${LOOP}`;
    expect(codes(twice)).toEqual(["aiohttp-app-does-not-start:17"]);
    const keyword = `${SETUP(`"${APP}": ${RO("allow_origin=True")}`)}`;
    expect(codes(keyword)).toEqual(["aiohttp-app-does-not-start:14"]);
    const star = `${SETUP(`"${APP}": ${RO()}`)}cors.add(app.router.add_route("*", "/api/items", items))\n`;
    expect(codes(star)).toEqual(["aiohttp-app-does-not-start:15"]);
    // fix says it cannot (exit 1), it does not guess.
    const ev = recordedFrom(
      [file(`${SETUP(`"${APP}": ${RO()}`)}`)],
      [{ url: "http://127.0.0.1:8080/api/items" }],
    );
    const r = fixConfig([file(options)], ev);
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
  });

  it("names origins aiohttp-cors never matches, * with credentials, and setup with no origin", () => {
    const text = `${SETUP(`
    "https://shop.example.com/": ${RO()},
    "https://*.example.com": ${RO()},
    "*": ${RO("allow_credentials=True")},
`)}${LOOP}`;
    expect(codes(text)).toEqual([
      "aiohttp-origin-not-exact:15",
      "aiohttp-origin-not-exact:16",
      "aiohttp-any-origin-credentials:17",
    ]);
    const none = `${HEAD}cors = aiohttp_cors.setup(app)\napp.router.add_get("/api/items", items)\n${LOOP}`;
    expect(codes(none)).toEqual(["aiohttp-no-origin:14"]);
  });

  it("names a second resource of the same path whose preflight the first one refuses", () => {
    const text = `${SETUP(`"${APP}": ${RO('allow_headers="*"')}`)}app.router.add_get("/api/items", items)
app.router.add_get("/api/me", items)
app.router.add_post("/api/items", item)
${LOOP}`;
    expect(codes(text)).toEqual(["aiohttp-split-resource:17"]);
    const methods = text.replace('allow_headers="*"', 'allow_headers="*", allow_methods="*"');
    expect(codes(methods)).toEqual([]);
  });
});

describe("aiohttp-cors: middlewares", () => {
  const MW = (guard: string) => `import aiohttp_cors
from aiohttp import web


@web.middleware
async def auth(request, handler):
${guard}    if "Authorization" not in request.headers:
        raise web.HTTPUnauthorized()
    return await handler(request)


@web.middleware
async def errors(request, handler):
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return web.json_response({"error": "not found"}, status=404)


async def items(request):
    return web.json_response([])


app = web.Application(middlewares=[errors, auth])
cors = aiohttp_cors.setup(app, defaults={"${APP}": aiohttp_cors.ResourceOptions(allow_headers="*")})
cors.add(app.router.add_get("/api/items", items))
`;
  it("names a middleware that answers before the handler without letting OPTIONS through", () => {
    const text = MW("");
    expect(codes(text)).toEqual(["aiohttp-middleware-answers-preflight:6"]);
    // The statement that answers (the `if` around the raise, line 7) is named as the other line.
    expect(checkConfig([file(text)]).findings[0]?.also).toEqual([{ file: "app.py", line: 7 }]);
    // What it answers the preflight with is the record's; unrecorded, unknown.
    const req = { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "authorization") };
    const a = ask(text, req);
    expect(a.kind === "unknown" && a.why.key).toBe("config.aiohttp.unknown.middleware");
    const refused = known(ask(text, { ...req, upstream: { status: 401, headers: [] } }));
    expect(refused.status).toBe(401);
    expect(value(refused.headers, "access-control-allow-origin")).toBeUndefined();
    const passed = known(ask(text, { ...req, upstream: { status: 200, headers: [] } }));
    expect(value(passed.headers, "access-control-allow-origin")).toBe(APP);
    // Letting OPTIONS through first: aiohttp-cors answers, nothing to report.
    const fixed = MW('    if request.method == "OPTIONS":\n        return await handler(request)\n');
    expect(codes(fixed)).toEqual([]);
    expect(known(ask(fixed, req)).status).toBe(200);
  });
});

describe("aiohttp-cors: fix", () => {
  const fix = (text: string, specs: Parameters<typeof recordedFrom>[1]) => {
    const ev = recordedFrom([file(text)], specs);
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    // Idempotent: the patched file needs nothing more for the same evidence.
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
    return { r, after, diff: fixDiff(r) };
  };
  const PUT = {
    url: "http://127.0.0.1:8080/api/items/1",
    method: "PUT",
    headers: [
      ["Content-Type", "application/json"],
      ["X-Api-Key", "k"],
    ] as HeaderList,
  };

  it("moves the loop below routes registered after it", () => {
    const text = `${SETUP(`"${APP}": ${RO('allow_headers="*"')}`)}app.router.add_get("/api/items", items)

${LOOP}
app.router.add_put("/api/items/{id}", item)  # added later
`;
    const { r, after } = fix(text, [{ url: "http://127.0.0.1:8080/api/items" }, PUT]);
    expect(r.ok).toBe(true);
    expect(
      after,
    ).toBe(`${SETUP(`"${APP}": ${RO('allow_headers="*"')}`)}app.router.add_get("/api/items", items)

app.router.add_put("/api/items/{id}", item)  # added later

${LOOP}`);
    expect(r.edits.map((e) => e.why.key)).toContain("config.aiohttp.fix.move-loop");
  });

  it("moves the loop below the call of the function that registers routes after it", () => {
    const text = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


def setup_routes(app):
    app.router.add_put("/api/items/{id}", items)


def create_app():
    app = web.Application()
    cors = aiohttp_cors.setup(app, defaults={"${APP}": aiohttp_cors.ResourceOptions(allow_headers="*")})
    app.router.add_get("/api/items", items)
    for route in list(app.router.routes()):
        cors.add(route)
    setup_routes(app)
    return app
`;
    const { r, after } = fix(text, [{ url: "http://127.0.0.1:8080/api/items" }, PUT]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `    app.router.add_get("/api/items", items)\n    setup_routes(app)\n\n    for route in list(app.router.routes()):\n        cors.add(route)\n    return app\n`,
    );
    // A route registered where the cors name is not bound is not wrapped (it would not start): said so.
    const apart = text.replace(
      "    for route in list(app.router.routes()):\n        cors.add(route)\n",
      '    cors.add(app.router.add_post("/api/other", items))\n',
    );
    const ev = recordedFrom([file(apart)], [PUT]);
    const stuck = fixConfig([file(apart)], ev);
    expect(stuck.ok).toBe(false);
    expect(stuck.cannot[0]?.why.key).toBe("config.aiohttp.cannot.cover");
  });

  it("writes the loop when setup is called but no route is given to cors.add", () => {
    const text = `${SETUP(`"${APP}": ${RO()}`)}app.router.add_get("/api/items", items)\n`;
    const { r, after } = fix(text, [{ url: "http://127.0.0.1:8080/api/items" }]);
    expect(r.ok, JSON.stringify(r.cannot) + after).toBe(true);
    expect(after.endsWith(`app.router.add_get("/api/items", items)\n\n${LOOP}`)).toBe(true);
  });

  it("adds the page's origin beside the others with their options, then the header it sends", () => {
    const text = `${SETUP(`
    "https://shop.example.com": ${RO('allow_headers=("Content-Type",)')},  # storefront
`)}app.router.add_put("/api/items/{id}", item)
${LOOP}`;
    const { r, after } = fix(text, [PUT]);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `    "https://shop.example.com": ${RO('allow_headers=("Content-Type",)')},  # storefront\n    "${APP}": ${RO('allow_headers=("Content-Type", "x-api-key",)')},\n`,
    );
    // The storefront keeps what it had, and is not widened.
    expect(after).toContain(`"https://shop.example.com": ${RO('allow_headers=("Content-Type",)')}`);
  });

  it("adds the origin to the comprehension's list, and allow_credentials=True for a page with cookies", () => {
    const text = `import aiohttp_cors
from aiohttp import web

ORIGINS = [
    "https://shop.example.com",
]


async def me(request):
    return web.json_response({})


app = web.Application()
cors = aiohttp_cors.setup(app, defaults={o: aiohttp_cors.ResourceOptions() for o in ORIGINS})
cors.add(app.router.add_get("/api/me", me))
`;
    const { r, after } = fix(text, [{ url: "http://127.0.0.1:8080/api/me", credentials: "include" }]);
    expect(r.ok).toBe(true);
    expect(after).toContain(`    "https://shop.example.com",\n    "${APP}",\n]`);
    expect(after).toContain("aiohttp_cors.ResourceOptions(allow_credentials=True) for o in ORIGINS");
  });

  it("does not add an exact origin that would hide a '*' another route lets it in by", () => {
    const text = `${SETUP(`"https://shop.example.com": ${RO()}`)}cors.add(app.router.add_get("/api/items", items))
cors.add(app.router.add_put("/api/items/{id}", item), {"*": ${RO('allow_headers="*"')}})
`;
    const ev = recordedFrom([file(text)], [{ url: "http://127.0.0.1:8080/api/items" }]);
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(false);
    expect(r.cannot[0]?.why.key).toBe("config.aiohttp.cannot.origin");
  });
});

const ODD = [
  `import aiohttp_cors\nfrom aiohttp import web\napp = web.Application()\ncors = aiohttp_cors.setup(app, defaults=DEFAULTS)\ncors.add(app.router.add_get(PATH, h))\n`,
  `import aiohttp_cors\nfrom aiohttp import web\napp = web.Application()\ncors = aiohttp_cors.setup(app, defaults={**BASE})\nfor r in app.router.routes(): cors.add(r)\n`,
  `import aiohttp_cors\nfrom aiohttp import web\napp = web.Application()\ncors = aiohttp_cors.setup(app)\ncors.add(app.router.add_route(method="GET", path="/x", handler=h), {1: 2})\n`,
  `import aiohttp_cors\nfrom aiohttp import web\nasync def init():\n    app = web.Application()\n    cors = aiohttp_cors.setup(app, defaults={"*": aiohttp_cors.ResourceOptions(max_age="x", allow_credentials=1)})\n    app.router.add_static("/s", "static")\n    res = app.router.add_resource("/r/{id:\\\\d+}")\n    cors.add(res.add_route("GET", h))\n    cors.add(res.add_route("POST", h), {"https://a": {"allow_headers": ("x",)}})\n    return app\n`,
  `import aiohttp_cors\nfrom aiohttp import web\nroutes = web.RouteTableDef()\n@routes.view("/v")\nclass V(web.View, aiohttp_cors.CorsViewMixin):\n    async def get(self): pass\napp = web.Application()\napp.router.add_routes(routes)\ncors = aiohttp_cors.setup(app)\nfor route in list(app.router.routes()):\n    if not isinstance(route.resource, web.StaticResource):\n        cors.add(route)\n`,
  `from aiohttp import web\napp = web.Application()\napp.router.add_get("/", h)\nweb.run_app(app)\n`,
  `import aiohttp_cors\nfrom aiohttp_cors import setup as cors_setup, ResourceOptions\nfrom aiohttp import web\napp = web.Application()\ncors = cors_setup(app, defaults={o: ResourceOptions() for o in os.environ.get("O", "a,b").split(",")})\ncors.add(app.router.add_get("/", h), webview=True)\nsub = web.Application()\n`,
  `import aiohttp_cors\n`,
  `import aiohttp_cors\nfrom aiohttp import web\ndef make():\n    return make()\napp = make()\n`,
];
it("reads odd apps without throwing: what it cannot follow is unknown, what raises is named", () => {
  for (const text of ODD) {
    const f = [file(text)];
    const c = readConfig(f);
    for (const url of ["http://h/", "http://h/x", "http://h/r/1", "http://h/v"])
      for (const method of ["GET", "OPTIONS", "POST"])
        c.answer({ method, url, headers: preflight("POST", "", "https://a") });
    c.allowance();
    checkConfig(f);
  }
  expect(codes(ODD[3] as string)).toEqual(["aiohttp-app-does-not-start:5"]);
  const sub = ask(ODD[6] as string, { url: "http://h/" });
  expect(sub.kind === "unknown" && sub.why.key).toBe("config.aiohttp.unknown.code");
});
