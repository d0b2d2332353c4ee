/**
 * Issue #23's fourth never-seen measure, aiohttp (aiohttp-cors): broken apps rebuilt from public
 * reports (cited above each case; situation rebuilt, no text copied), written blind to the readers.
 * {{ORIGIN}} is the page's origin. `rootText`: the root cause's line.
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const TOKEN_LIST: PageRequest = { ...LIST, headers: { authorization: "Bearer t0k3n" } };
/** A URL the app has no route for: aiohttp's own 404. */
const UNKNOWN: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/unknown/url",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT4_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/foglamp/FogLAMP/pull/645 — an authentication middleware of the app runs
    // before every handler, aiohttp-cors' preflight handler included: the preflight (no token) is
    // refused 401. Root: the middleware's token check.
    name: "heldout4 aiohttp: the app's auth middleware refuses the preflight (401)",
    url: "https://github.com/foglamp/FogLAMP/pull/645",
    rootText: "if not token:",
    app: `import aiohttp_cors
from aiohttp import web


@web.middleware
async def auth_middleware(request, handler):
    token = request.headers.get("Authorization")
    if not token:
        raise web.HTTPUnauthorized(reason="token required")
    return await handler(request)


async def items(request):
    return web.json_response([{"id": 1}])


app = web.Application(middlewares=[auth_middleware])
app.router.add_get("/api/items", items)

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
    calls: [TOKEN_LIST],
  },
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/172 — every route added to aiohttp-cors, but an
    // unknown URL is answered by aiohttp's built-in 404, which aiohttp-cors never sees: the page
    // cannot read the 404. Root: the setup of aiohttp-cors.
    name: "heldout4 aiohttp: aiohttp's built-in 404 has no CORS header (unknown URL)",
    // Since the first run: refused with the reason (see HELDOUT4.md), asserted.
    expect: "cannot",
    said: "no route of this app answers",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/172",
    rootText: "cors = aiohttp_cors.setup(app, defaults={",
    app: `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([{"id": 1}])


app = web.Application()
app.router.add_get("/api/items", items)

cors = aiohttp_cors.setup(app, defaults={
    "*": aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        expose_headers="*",
        allow_headers="*",
        allow_methods="*",
    )
})
for route in app.router.routes():
    cors.add(route)
`,
    calls: [LIST, UNKNOWN],
  },
];
