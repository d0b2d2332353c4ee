/**
 * Issue #23's eleventh never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import { LIST } from "./config-django-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const STATIC_CONFIG: PageRequest = {
  name: "beyond-static",
  method: "GET",
  path: "/static/config.json",
  headers: {},
  credentials: "omit",
  body: null,
};
const HEALTH: PageRequest = {
  name: "beyond-health",
  method: "GET",
  path: "/health",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT11_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/130 — "CORS on static files": every API route is
    // added to aiohttp-cors, but the static route made with add_static is not (the loop skips static
    // resources), so the files reach the page without Allow-Origin ("a simple cors.add(static) fixed
    // this"). The suite's aiohttp case has no file list: the app writes its one static file at import.
    // Root: the loop's line that leaves static resources out.
    name: "heldout11 aiohttp: the add_static route is never added to aiohttp-cors, static files get none",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/130",
    rootText: "if not isinstance(route.resource, web.StaticResource):",
    app: `import pathlib

import aiohttp_cors
from aiohttp import web

STATIC_DIR = pathlib.Path(__file__).resolve().parent / "static"
STATIC_DIR.mkdir(exist_ok=True)
(STATIC_DIR / "config.json").write_text('{"theme": "dark"}')


async def list_items(request):
    return web.json_response([])


app = web.Application()
app.router.add_get("/api/items", list_items)
app.router.add_static("/static/", STATIC_DIR)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "*": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        )
    },
)
for route in list(app.router.routes()):
    if not isinstance(route.resource, web.StaticResource):
        cors.add(route)
`,
    calls: [LIST, STATIC_CONFIG],
  },
  {
    // https://github.com/phenobarbital/navigator/pull/231 — "CORS in subapps": CORS is configured on
    // the main application and its routes, but the API lives in a sub-application added afterwards,
    // whose routes aiohttp-cors never sees. Root: the add_subapp line after the CORS setup.
    name: "heldout11 aiohttp: the API sub-application is added after aiohttp-cors, its routes get none",
    url: "https://github.com/phenobarbital/navigator/pull/231",
    rootText: 'app.add_subapp("/api/", api)',
    app: `import aiohttp_cors
from aiohttp import web


async def health(request):
    return web.json_response({"status": "ok"})


async def list_items(request):
    return web.json_response([])


api = web.Application()
api.router.add_get("/items", list_items)

app = web.Application()
app.router.add_get("/health", health)

cors = aiohttp_cors.setup(
    app,
    defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        )
    },
)
for route in list(app.router.routes()):
    cors.add(route)

app.add_subapp("/api/", api)
`,
    calls: [HEALTH, LIST],
  },
];
