import { debVersion } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";
import { files, startPython } from "./python-common";

const LAST_ROUTE = 'app.router.add_delete("/api/things/{i}", remove)';

/** An aiohttp app as aiohttp-cors's README writes one: routes, then `aiohttp_cors.setup` and `cors.add`. */
function app(cors: string | null, middlewares = ""): string {
  return `import os

${cors === null ? "" : "import aiohttp_cors\n"}from aiohttp import web


async def items(request):
    return web.json_response([])


async def create(request):
    await request.json()
    return web.json_response({"id": 1}, status=201)


async def item(request):
    return web.json_response({"id": int(request.match_info["i"])})


async def remove(request):
    return web.Response(status=204)


async def me(request):
    return web.json_response({"user": "ada"})


async def fail(request):
    raise RuntimeError("boom")


async def create_thing(request):
    return web.json_response({"id": 7}, status=201)
${middlewares}

app = web.Application(${middlewares === "" ? "" : "middlewares=[require_key]"})
app.router.add_get("/api/items", items)
app.router.add_post("/api/items", create)
app.router.add_put("/api/items/{i}", item)
app.router.add_patch("/api/items/{i}", item)
app.router.add_delete("/api/items/{i}", remove)
app.router.add_get("/api/me", me)
app.router.add_get("/api/fail", fail)
app.router.add_get("/api/things", items)
app.router.add_post("/api/things", create_thing)
app.router.add_get("/api/things/{i}", item)
app.router.add_put("/api/things/{i}", item)
app.router.add_patch("/api/things/{i}", item)
${LAST_ROUTE}
${cors ?? ""}

web.run_app(app, host="127.0.0.1", port=int(os.environ["PORT"]))
`;
}

/** The README's set-up: one origin's ResourceOptions, CORS on every route. */
function setup(origin: string, options: string, each: "route" | "resource" = "route"): string {
  return `
cors = aiohttp_cors.setup(app, defaults={
    "${origin}": aiohttp_cors.ResourceOptions(${options}),
})
for ${each} in list(app.router.${each}s()):
    cors.add(${each})`;
}

const AUTH = `

@web.middleware
async def require_key(request, handler):
    if request.path.startswith("/api/items/") and "X-Api-Key" not in request.headers:
        return web.json_response({"error": "unauthorized"}, status=401)
    return await handler(request)
`;

const cases: StackCase[] = [
  { name: "no-cors", target: "list", config: () => app(null), expect: ["missing-allow-origin"], bare: true },
  {
    name: "no-cors-twice",
    target: "update",
    config: () => app(null),
    expect: ["missing-allow-origin"],
    bare: true,
    times: 2,
  },
  {
    name: "header-missing",
    target: "update",
    // The README's per-route set-up: every route's own method is allowed, allow_methods is left out.
    config: (o) => app(setup(o, 'allow_credentials=True, allow_headers=("Content-Type", "X-Trace-Id")')),
    // aiohttp-cors says no with a 403 and no CORS header: Chromium sees no Access-Control-Allow-Origin.
    expect: ["missing-allow-origin"],
    says: "aiohttp-cors rejected the preflight",
  },
  {
    name: "method-missing",
    target: "remove",
    // CORS per resource: allow_methods then decides every preflight's method.
    config: (o) =>
      app(
        setup(
          o,
          'allow_credentials=True, allow_methods=["GET", "HEAD", "POST", "PUT", "PATCH"], allow_headers="*"',
          "resource",
        ),
      ),
    expect: ["missing-allow-origin"],
    says: "the method (DELETE) is not in allow_methods",
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) => app(setup(o, 'allow_credentials=True, allow_headers="*"'), AUTH),
    expect: ["missing-allow-origin", "preflight-status-not-ok"],
  },
];

export const aiohttpCorsStack: StackUnderTest = {
  stack: "aiohttp-cors",
  label: "aiohttp + aiohttp-cors",
  version: () => {
    const a = debVersion("python3-aiohttp");
    const c = debVersion("python3-aiohttp-cors");
    return a && c ? `aiohttp ${a}, aiohttp-cors ${c} (Debian)` : null;
  },
  detected: "aiohttp-cors",
  install: "apt-get install python3-aiohttp python3-aiohttp-cors",
  cases,
  notApplicable: {
    "wildcard-credentials":
      'aiohttp-cors answers the request\'s own origin, never *, even for its "*" key (cors_config.py, _on_response_prepare)',
    "error-no-cors":
      "aiohttp-cors adds its headers in on_response_prepare, which aiohttp runs for its own 500 too (seen: the 500 carries Access-Control-Allow-Origin)",
    "header-missing-string":
      'ResourceOptions takes a sequence or "*", never a comma-joined string (it raises ValueError)',
    "origin-missing":
      "not covered yet: aiohttp-cors sends no CORS header to an origin that is not a key of defaults (its preflights get a 403 without one), so no evidence shows a set-up to edit, and the printed set-up leaves the resources the first one configured alone",
    "preflight-redirect":
      "not covered yet: aiohttp redirects a trailing slash only with normalize_path_middleware, which this app does not use",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: (config, port, dir) => startPython(files({ "app.py": config }), ["app.py"], port, dir),
  shape: { syntax: "python", call: "ResourceOptions(", anchor: LAST_ROUTE },
  broad: true,
};
