/**
 * Issue #23's sixteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const DEVICES: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/devices",
  headers: {},
  credentials: "omit",
  body: null,
};
const MISSING_DEVICE: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/devices/kitchen-light",
  headers: {},
  credentials: "omit",
  body: null,
};
const SESSIONS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/func/sessions",
  headers: {},
  credentials: "omit",
  body: null,
};
const SLOT_DETAILS: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/func/config/resource-slots/details",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT16_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/esphome/device-builder/pull/163 — "Cover cors_middleware": the dashboard's aiohttp
    // middleware answers OPTIONS itself and adds the permissive CORS headers to whatever the handler
    // returns; the tests document "the known gap that *raised* HTTPException bypasses this middleware (no
    // try/except wrap)": a handler that raises web.HTTPNotFound sends its 404 without the headers, and the
    // page on the development server cannot read it. Written with the device list and a device lookup
    // that raises. Root: the middleware's handler call, not wrapped for raised answers.
    name: "heldout16 aiohttp: the hand CORS middleware misses raised HTTPExceptions, the unknown device's 404 unreadable",
    url: "https://github.com/esphome/device-builder/pull/163",
    rootText: "response = await handler(request)",
    app: `from aiohttp import web

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
}

DEVICES = {"living-room": {"name": "living-room", "platform": "esp32"}}


@web.middleware
async def cors_middleware(request, handler):
    """Permissive CORS for the local development front end."""
    if request.method == "OPTIONS":
        return web.Response(status=200, headers=CORS_HEADERS)
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response


async def list_devices(request):
    return web.json_response(list(DEVICES.values()))


async def get_device(request):
    name = request.match_info["name"]
    if name not in DEVICES:
        raise web.HTTPNotFound(text='{"error": "unknown device"}', content_type="application/json")
    return web.json_response(DEVICES[name])


app = web.Application(middlewares=[cors_middleware])
app.router.add_get("/api/devices", list_devices)
app.router.add_get("/api/devices/{name}", get_device)
`,
    calls: [DEVICES, MISSING_DEVICE],
  },
  {
    // https://github.com/lablup/backend.ai/pull/13635 — "fix(BA-7261): attach CORS headers to coordinator
    // error responses": the manager's routes get their CORS headers from aiohttp-cors, and its
    // exception_middleware re-raises inside its own except blocks (404, 405, bad request) instead of
    // rendering them, so those errors escape and aiohttp renders them without CORS headers; the WebUI
    // "could only report an opaque Failed to fetch, hiding the real status and error_code". Here the
    // WebUI asks for an endpoint this manager does not serve: aiohttp-cors only answers for the routes it
    // was given, and the middleware's re-raised 404 goes out bare. Root: the re-raise in the except block.
    name: "heldout16 aiohttp: exception_middleware re-raises the 404 for an unknown path, aiohttp sends it without CORS",
    url: "https://github.com/lablup/backend.ai/pull/13635",
    // Not fixed since the first run (HELDOUT16.md): aiohttp answers a path no route has with its own
    // 404, and aiohttp-cors adds headers only to the resources given to cors.add; a CORS layer beside
    // aiohttp-cors for such answers is not written. It says so and writes nothing.
    expect: "cannot",
    said: "no route of this app answers GET /func/config/resource-slots/details",
    rootText: 'raise GenericNotFound("Unknown URL path.")',
    app: `import json

import aiohttp_cors
from aiohttp import web


class BackendError(web.HTTPError):
    status_code = 500
    error_type = "https://api.backend.ai/probs/internal-server-error"

    def __init__(self, reason):
        super().__init__(
            text=json.dumps({"type": self.error_type, "title": reason}),
            content_type="application/problem+json",
        )


class GenericNotFound(BackendError):
    status_code = 404
    error_type = "https://api.backend.ai/probs/generic-not-found"


@web.middleware
async def exception_middleware(request, handler):
    try:
        return await handler(request)
    except BackendError:
        raise
    except web.HTTPNotFound:
        raise GenericNotFound("Unknown URL path.")


async def list_sessions(request):
    return web.json_response({"items": [{"name": "ml-train-1", "status": "RUNNING"}]})


app = web.Application(middlewares=[exception_middleware])
app.router.add_get("/func/sessions", list_sessions)

cors = aiohttp_cors.setup(app, defaults={
    "*": aiohttp_cors.ResourceOptions(allow_credentials=False, expose_headers="*", allow_headers="*"),
})
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [SESSIONS, SLOT_DETAILS],
  },
];
