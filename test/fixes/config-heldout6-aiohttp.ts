/**
 * Issue #23's sixth never-seen measure, aiohttp (aiohttp-cors or the app's own middleware): broken
 * apps rebuilt from public reports (cited above each case; no text copied), written blind to the
 * readers. {{ORIGIN}} is the page's origin. `rootText`: the root cause's line (the first line holding
 * it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST, REMOVE, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HANDLERS = `async def list_items(request):
    return web.json_response([])


async def create_item(request):
    return web.json_response({"id": 1}, status=201)


async def update_item(request):
    return web.json_response({"id": int(request.match_info["item_id"])})


async def delete_item(request):
    return web.Response(status=204)
`;

export const HELD_OUT6_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/element-hq/matrix-content-scanner-python/pull/42 — CORS written as an aiohttp
    // middleware that answers every OPTIONS itself and adds fixed headers to every response; its
    // Allow-Methods was cut down to GET, POST, OPTIONS, and the page updates and deletes. Root: the
    // Allow-Methods line.
    name: "heldout6 aiohttp: the app's own CORS middleware allows GET, POST, OPTIONS only",
    url: "https://github.com/element-hq/matrix-content-scanner-python/pull/42",
    rootText: '"Access-Control-Allow-Methods": "GET, POST, OPTIONS",',
    app: `from aiohttp import web

_CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-Api-Key",
}


@web.middleware
async def cors_middleware(request, handler):
    if request.method == "OPTIONS":
        # No route answers OPTIONS: answer the preflight here.
        return web.Response(status=200, headers=_CORS_HEADERS)
    response = await handler(request)
    response.headers.update(_CORS_HEADERS)
    return response


${HANDLERS}

app = web.Application(middlewares=[cors_middleware])
app.router.add_get("/api/items", list_items)
app.router.add_post("/api/items", create_item)
app.router.add_put("/api/items/{item_id}", update_item)
app.router.add_delete("/api/items/{item_id}", delete_item)
`,
    calls: [LIST, CREATE, UPDATE, REMOVE],
  },
  {
    // https://archive.frozenlogic.org/tape-6/python/undercoat_eyre.py (an aiohttp-cors usage guide) —
    // "setup() alone does not change any route behavior": the app calls aiohttp_cors.setup() with its
    // front end's options and never passes a route or resource to cors.add(), so no response carries
    // CORS headers and the preflights get aiohttp's 405. Root: the setup() line.
    name: "heldout6 aiohttp: aiohttp_cors.setup() with defaults, no route ever given to cors.add()",
    url: "https://archive.frozenlogic.org/tape-6/python/undercoat_eyre.py",
    rootText: "cors = aiohttp_cors.setup(",
    app: `import os

import aiohttp_cors
from aiohttp import web

${HANDLERS}

app = web.Application()
app.router.add_get("/api/items", list_items)
app.router.add_post("/api/items", create_item)
app.router.add_put("/api/items/{item_id}", update_item)

cors = aiohttp_cors.setup(
    app,
    defaults={
        os.environ.get("FRONTEND_URL", "{{ORIGIN}}"): aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers=("X-Request-Id",),
            allow_headers=("Content-Type", "X-Api-Key"),
            allow_methods="*",
            max_age=3600,
        )
    },
)
`,
    calls: [LIST, CREATE, UPDATE],
  },
];
