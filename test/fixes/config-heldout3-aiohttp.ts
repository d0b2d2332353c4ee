/**
 * Issue #23's third never-seen measure, aiohttp-cors: apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the page's origin.
 * `rootText`: the text of the root cause's line.
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";

const HANDLERS = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


async def create(request):
    return web.json_response({"id": 1}, status=201)


async def item(request):
    return web.json_response({"id": int(request.match_info["id"])})


async def health(request):
    return web.json_response({"ok": True})

`;

export const HELD_OUT3_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/226 — GET and POST for one path added with
    // another route in between: aiohttp makes two resources for the path, and aiohttp-cors answers
    // the preflight from the first one, which has no POST (403). Root: the add_post line.
    name: "heldout3 aiohttp: GET and POST of one path registered apart (two resources), the POST preflight refused",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/226",
    rootText: 'app.router.add_post("/api/items", create)',
    app: `${HANDLERS}
app = web.Application()
app.router.add_get("/api/items", items)
app.router.add_get("/api/health", health)
app.router.add_post("/api/items", create)

cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        expose_headers="*",
        allow_headers="*",
    )
})

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/129 — allow_headers narrowed to
    // X-Requested-With and Content-Type: the page's PUT sends x-api-key, its preflight is refused.
    // Root: the allow_headers line.
    name: "heldout3 aiohttp: allow_headers narrowed to X-Requested-With, Content-Type (the PUT sends x-api-key)",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/129",
    rootText: 'allow_headers=("X-Requested-With", "Content-Type"),',
    app: `${HANDLERS}
app = web.Application()
app.router.add_get("/api/items", items)
app.router.add_put("/api/items/{id}", item)

cors = aiohttp_cors.setup(app, defaults={
    "*": aiohttp_cors.ResourceOptions(
        expose_headers="*",
        allow_headers=("X-Requested-With", "Content-Type"),
    )
})

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, UPDATE],
  },
];
