/**
 * Issue #23's tenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const QUEUE_STALE_LOGIN: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/queue",
  headers: { authorization: `Basic ${Buffer.from("comfy:old-password").toString("base64")}` },
  credentials: "omit",
  body: null,
};
const QUEUE: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/queue",
  headers: { authorization: `Basic ${Buffer.from("comfy:secret").toString("base64")}` },
  credentials: "omit",
  body: null,
};

export const HELD_OUT10_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/Comfy-Org/ComfyUI/pull/13762 — "401 responses lack CORS headers when both
    // --enable-cors-header and Basic auth are active": the auth middleware sits before the CORS
    // middleware in the list, returns its 401 early, and the CORS middleware never adds its headers,
    // so the page cannot read the 401 to show its login prompt. Root: the middlewares list.
    name: "heldout10 aiohttp: the Basic-auth middleware listed before the CORS middleware, its 401 has no CORS",
    url: "https://github.com/Comfy-Org/ComfyUI/pull/13762",
    rootText: "app = web.Application(middlewares=[basic_auth_middleware, cors_middleware])",
    app: `import base64

from aiohttp import web

EXPECTED = "Basic " + base64.b64encode(b"comfy:secret").decode()


@web.middleware
async def basic_auth_middleware(request, handler):
    # OPTIONS preflight should always succeed without auth so CORS works.
    if request.method == "OPTIONS":
        return await handler(request)
    if request.headers.get("Authorization", "") != EXPECTED:
        return web.Response(
            status=401,
            headers={"WWW-Authenticate": 'Basic realm="ComfyUI", charset="UTF-8"'},
            text="Authorization required.",
        )
    return await handler(request)


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        response = web.Response()
    else:
        response = await handler(request)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "POST, GET, DELETE, PUT, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
    return response


async def queue(request):
    return web.json_response({"queue_running": [], "queue_pending": []})


app = web.Application(middlewares=[basic_auth_middleware, cors_middleware])
app.router.add_get("/api/queue", queue)
`,
    calls: [QUEUE, QUEUE_STALE_LOGIN],
  },
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/237 — "wildcard ports for localhost": the front
    // end's origin is given to aiohttp-cors as a pattern key, "http://localhost:[0-9]*", but the keys
    // are compared as exact origins, so the local front end is never allowed. Root: that key.
    name: "heldout10 aiohttp: aiohttp-cors given 'http://localhost:[0-9]*' as an origin key, matched literally",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/237",
    rootText: '"http://localhost:[0-9]*": aiohttp_cors.ResourceOptions(',
    app: `import aiohttp_cors
from aiohttp import web


async def list_items(request):
    return web.json_response([])


async def create_item(request):
    body = await request.json()
    return web.json_response({"id": 1, **body}, status=201)


app = web.Application()
app.router.add_get("/api/items", list_items)
app.router.add_post("/api/items", create_item)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "http://localhost:[0-9]*": aiohttp_cors.ResourceOptions(
            expose_headers="*",
            allow_headers="*",
        ),
    },
)
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
  },
];
