/**
 * Issue #23's eighth never-seen measure, aiohttp + aiohttp-cors: broken apps rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test
 * page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT8_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/aio-libs/aiohttp-cors/pull/16 — CORS configured by looping over the routes
    // present at that moment; the admin routes are added by a later setup step, so the PUT route has
    // no CORS and its preflight finds no OPTIONS handler. Root: the late add_put line.
    name: "heldout8 aiohttp: a route added after the cors.add() loop, its preflight unanswered",
    url: "https://github.com/aio-libs/aiohttp-cors/pull/16",
    rootText: 'app.router.add_put("/api/items/{id}", update_item)',
    app: `import aiohttp_cors
from aiohttp import web


async def list_items(request):
    return web.json_response([])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["id"])})


def setup_cors(app):
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)


def setup_admin_routes(app):
    app.router.add_put("/api/items/{id}", update_item)


def create_app():
    app = web.Application()
    app.router.add_get("/api/items", list_items)
    setup_cors(app)
    setup_admin_routes(app)
    return app


app = create_app()
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/playpauseandstop/aiohttp-middlewares/pull/98 — the routes declared with a
    // trailing slash and web.normalize_path_middleware() redirecting the URLs without it: the redirect
    // is raised before any route (so before the CORS handling) and goes out without CORS, and a
    // redirected preflight is refused. Root: the middlewares=[...] line with normalize_path_middleware.
    name: "heldout8 aiohttp: normalize_path_middleware redirects to the slashed route, the redirect has no CORS",
    url: "https://github.com/playpauseandstop/aiohttp-middlewares/pull/98",
    rootText: "app = web.Application(middlewares=[web.normalize_path_middleware(append_slash=True)])",
    app: `import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items/")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items/")
async def create_item(request):
    return web.json_response({"id": 1}, status=201)


app = web.Application(middlewares=[web.normalize_path_middleware(append_slash=True)])
app.router.add_routes(routes)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
    },
)
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
  },
];
