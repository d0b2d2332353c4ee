/**
 * Issue #23's ninth never-seen measure, aiohttp + aiohttp-cors: broken apps rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test
 * page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT9_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/Cornices/cornice/issues/302 — "Request header field Content-Type is not
    // allowed by Access-Control-Allow-Headers": the CORS defaults name no allowed header (aiohttp-cors
    // allows none unless told), so the preflight of the JSON POST is refused (403). Root: the
    // ResourceOptions line.
    name: "heldout9 aiohttp: ResourceOptions without allow_headers, the JSON POST's preflight refused",
    url: "https://github.com/Cornices/cornice/issues/302",
    rootText: '"{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_methods=["GET", "POST"]),',
    app: `import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def list_items(request):
    return web.json_response([])


@routes.post("/api/items")
async def create_item(request):
    body = await request.json()
    return web.json_response({"id": 1, **body}, status=201)


app = web.Application()
app.add_routes(routes)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_methods=["GET", "POST"]),
    },
)
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/hzlmn/aiohttp-jwt/issues/97 — "OPTIONS request was intercepted by the
    // middleware": an authentication middleware runs before the route aiohttp-cors registers for the
    // preflight, and refuses it because it carries no key. Root: the middleware's refusal condition.
    name: "heldout9 aiohttp: an API-key middleware refuses the key-less preflight (401)",
    url: "https://github.com/hzlmn/aiohttp-jwt/issues/97",
    rootText: 'if request.path.startswith("/api/items/") and "X-Api-Key" not in request.headers:',
    app: `import aiohttp_cors
from aiohttp import web


@web.middleware
async def api_key_required(request, handler):
    if request.path.startswith("/api/items/") and "X-Api-Key" not in request.headers:
        raise web.HTTPUnauthorized(text="missing api key")
    return await handler(request)


async def list_items(request):
    return web.json_response([])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["id"])})


def create_app():
    app = web.Application(middlewares=[api_key_required])
    app.router.add_get("/api/items", list_items)
    app.router.add_put("/api/items/{id}", update_item)
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers="*", allow_methods="*"),
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)
    return app


app = create_app()
`,
    calls: [LIST, UPDATE],
  },
];

/**
 * A correct aiohttp app (the set's correct aiohttp configuration): aiohttp-cors for the two front
 * ends, credentials, the headers and methods the page uses, every route added. {{ORIGIN}} and
 * {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT9_AIOHTTP_CORRECT = `import os

import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def list_items(request):
    return web.json_response([{"id": 1}])


@routes.put("/api/items/{id}")
async def update_item(request):
    return web.json_response({"id": int(request.match_info["id"])})


@routes.get("/api/me")
async def me(request):
    return web.json_response({"user": "ada"})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    options = aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        allow_headers=("Content-Type", "Authorization"),
        allow_methods=["GET", "PUT"],
    )
    cors = aiohttp_cors.setup(app, defaults={"{{ORIGIN}}": options, "{{ORIGIN2}}": options})
    for route in list(app.router.routes()):
        cors.add(route)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ["PORT"]), print=None)
`;
