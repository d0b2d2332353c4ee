/**
 * Issue #23's fifth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers, as their projects write them (a
 * create_app() factory, route tables, a register_routes() helper). {{ORIGIN}} is the page's origin;
 * the suite's run.py imports `app` from app.py. `rootText`: the root cause's line.
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT5_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://colinch4.github.io/2023-09-07/13-03-19-970304 — CORS "handled" by a middleware that sets
    // the headers on the handler's response: the JSON POST's OPTIONS preflight has no route, the
    // handler raises 405 before the headers are set, and the preflight fails. Root: the middleware's
    // call of the handler.
    name: "heldout5 aiohttp: a header-setting middleware, the preflight's 405 raised past it",
    // Refused on the first run (see HELDOUT5.md: the app's own headers not modelled); read since the
    // app's own CORS middleware is (2026-12-06).
    url: "https://colinch4.github.io/2023-09-07/13-03-19-970304",
    rootText: "response = await handler(request)",
    app: `from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items")
async def create_item(request):
    return web.json_response({"id": 1}, status=201)


@web.middleware
async def cors_middleware(request, handler):
    response = await handler(request)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def create_app():
    app = web.Application(middlewares=[cors_middleware])
    app.add_routes(routes)
    return app


app = create_app()
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/343 — a resource with a fixed path registered
    // after a variable one that also matches it (`/items/{id}` before `/items/merge`): aiohttp-cors
    // answers the preflight from the first resource, which has no PUT (403). Root: the later
    // add_resource of the fixed path.
    name: "heldout5 aiohttp: /api/items/merge registered after /api/items/{item_id}, its PUT preflight refused",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/343",
    rootText: 'merge = router.add_resource("/api/items/merge")',
    app: `import aiohttp_cors
from aiohttp import web


async def list_items(request):
    return web.json_response([])


async def get_item(request):
    return web.json_response({"id": request.match_info["item_id"]})


async def merge_items(request):
    return web.json_response({"merged": True})


def register_routes(app):
    router = app.router

    items = router.add_resource("/api/items")
    items.add_route("GET", list_items)

    item = router.add_resource("/api/items/{item_id}")
    item.add_route("GET", get_item)

    merge = router.add_resource("/api/items/merge")
    merge.add_route("PUT", merge_items)


def create_app():
    app = web.Application()
    register_routes(app)

    cors = aiohttp_cors.setup(app, defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        ),
    })
    for route in list(app.router.routes()):
        cors.add(route)
    return app


app = create_app()
`,
    calls: [
      LIST,
      {
        name: "update",
        method: "PUT",
        path: "/api/items/merge",
        headers: { "content-type": "application/json" },
        credentials: "omit",
        body: '{"ids":[1,2]}',
      },
    ],
  },
];
