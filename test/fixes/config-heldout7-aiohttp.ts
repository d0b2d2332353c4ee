/**
 * Issue #23's seventh never-seen measure, aiohttp + aiohttp-cors: broken apps rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test
 * page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT7_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/193 — an authentication middleware on the
    // application runs before aiohttp-cors's preflight handler and refuses the preflight (it carries
    // no key) with 401. Root: the middleware's key check.
    name: "heldout7 aiohttp: an auth middleware refuses the preflight before aiohttp-cors answers it",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/193",
    rootText: 'if request.path.startswith("/api/items/") and request.headers.get("X-Api-Key") != "k1":',
    app: `import aiohttp_cors
from aiohttp import web


@web.middleware
async def auth_middleware(request, handler):
    if request.path.startswith("/api/items/") and request.headers.get("X-Api-Key") != "k1":
        raise web.HTTPUnauthorized(text="missing key")
    return await handler(request)


async def list_items(request):
    return web.json_response([])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["id"])})


def create_app():
    app = web.Application(middlewares=[auth_middleware])
    app.router.add_get("/api/items", list_items)
    app.router.add_put("/api/items/{id}", update_item)
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
                allow_headers=("Content-Type", "X-Api-Key"),
                allow_methods=["GET", "PUT"],
            )
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)
    return app


app = create_app()
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/155 — every route given to cors.add() in a loop,
    // with defaults that set expose_headers but leave allow_headers at its empty default: the JSON
    // POST's preflight asks for Content-Type and is refused (403). Root: the ResourceOptions line.
    name: "heldout7 aiohttp: ResourceOptions without allow_headers, the JSON POST's preflight refused",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/155",
    rootText: '"{{ORIGIN}}": aiohttp_cors.ResourceOptions(expose_headers="*"),',
    app: `import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items")
async def create_item(request):
    return web.json_response({"id": 1}, status=201)


app = web.Application()
app.router.add_routes(routes)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(expose_headers="*"),
    },
)
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
  },
];
