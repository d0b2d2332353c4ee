/**
 * Issue #23's twelfth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const GROUPS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/groups",
  headers: { authorization: "Basic dGVzdF91c2VyMTp0ZXN0" },
  credentials: "omit",
  body: null,
};
const CREATE_GROUP: PageRequest = {
  name: "create",
  method: "POST",
  path: "/groups",
  headers: { authorization: "Basic dGVzdF91c2VyMTp0ZXN0", "content-type": "application/json" },
  credentials: "omit",
  body: '{"link":{"id":"g-1","name":"g1"}}',
};
const RESPONSE: PageRequest = {
  name: "list",
  method: "GET",
  path: "/response",
  headers: {},
  credentials: "omit",
  body: null,
};
const EXCEPTION: PageRequest = {
  name: "beyond-exception",
  method: "GET",
  path: "/exception",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT12_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/HDFGroup/hsds/issues/92 — "CORS broken for PUSH/DELETE on /groups…": the
    // service node sets up aiohttp-cors with defaults that name no allow_methods and enables it per
    // resource; preflights to /groups are then refused (403), and adding allow_methods to the defaults
    // fixes it. Root: the defaults' ResourceOptions without allow_methods.
    name: "heldout12 aiohttp: aiohttp-cors defaults without allow_methods, the resources' preflights refused 403",
    url: "https://github.com/HDFGroup/hsds/issues/92",
    rootText:
      'cors = aiohttp_cors.setup(app, defaults={cors_domain: aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*")})',
    app: `import aiohttp_cors
from aiohttp import web

GROUPS = {}


async def GET_Groups(request):
    return web.json_response({"groups": list(GROUPS)})


async def POST_Group(request):
    body = await request.json()
    group_id = body["link"]["id"]
    GROUPS[group_id] = body["link"]
    return web.json_response({"id": group_id}, status=201)


async def DELETE_Group(request):
    GROUPS.pop(request.match_info["id"], None)
    return web.json_response({})


app = web.Application()
app.router.add_route("GET", "/groups", GET_Groups)
app.router.add_route("POST", "/groups", POST_Group)
app.router.add_route("DELETE", "/groups/{id}", DELETE_Group)

cors_domain = "*"
cors = aiohttp_cors.setup(app, defaults={cors_domain: aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*")})
for resource in list(app.router.resources()):
    cors.add(resource)
`,
    calls: [GROUPS, CREATE_GROUP],
  },
  {
    // https://github.com/playpauseandstop/aiohttp-middlewares/pull/98 — "Handle CORS correctly in case
    // of HTTPException": the CORS middleware adds its headers to the response a handler returns, but a
    // handler that raises an HTTPException (an error, a redirect) bypasses it, so those answers reach
    // the page without Allow-Origin (the report's demo: /response works, /exception fails).
    // aiohttp-middlewares is not installed here: the app's own middleware with the same behaviour
    // stands in for its cors_middleware. Root: the middleware line that only decorates returned responses.
    name: "heldout12 aiohttp: the CORS middleware decorates returned responses only, a raised HTTPException gets none",
    url: "https://github.com/playpauseandstop/aiohttp-middlewares/pull/98",
    rootText: "response = await handler(request)",
    app: `from aiohttp import web

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
}


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        return web.Response(headers=CORS_HEADERS)
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response


async def response(request):
    return web.json_response({"status": "ok"})


async def exception(request):
    raise web.HTTPNotAcceptable(text='{"error": "not acceptable"}', content_type="application/json")


app = web.Application(middlewares=[cors_middleware])
app.router.add_get("/response", response)
app.router.add_get("/exception", exception)
`,
    calls: [RESPONSE, EXCEPTION],
  },
];
