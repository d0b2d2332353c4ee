/**
 * Issue #23's twentieth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const READ_FORM: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/form",
  headers: {},
  credentials: "omit",
  body: null,
};
const SAVE_FORM: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/form",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"title":"Statue scan","media_type":"model"}',
};

export const HELD_OUT20_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/gelic-idealab/3deposit/issues/66 — "[gateway] fix CORS issue with frontend
    // requests": the project's aiohttp gateway (an application whose routes the deposit form and the
    // dashboard call under /api) is served with no CORS at all, so the Vue front end, served by its own dev
    // server, cannot read or send the deposit form; the issue points at aiohttp-cors. The gateway's
    // database, session and template set-up are left out, its views written as small JSON handlers, the Vue
    // front end as the page. Root: the gateway's application created and routed with no CORS.
    name: "heldout20 aiohttp: the deposit gateway's routes are served with no CORS, the Vue form's read and save refused",
    url: "https://github.com/gelic-idealab/3deposit/issues/66",
    rootText: "app = web.Application(client_max_size=10 * 1024 * 1024)",
    app: `import json

from aiohttp import web

FORM = {"fields": [{"key": "title", "type": "text"}, {"key": "media_type", "type": "select"}]}
DEPOSITS = []


async def deposit_form(request):
    if request.method == "POST":
        data = await request.json()
        DEPOSITS.append(data)
        return web.json_response({"deposit_id": len(DEPOSITS)}, status=201)
    return web.json_response(FORM)


async def deposits(request):
    return web.json_response(DEPOSITS)


def setup_routes(app):
    # form routes
    app.router.add_get("/api/form", deposit_form)
    app.router.add_post("/api/form", deposit_form)
    # deposit routes
    app.router.add_get("/api/deposits", deposits)


def init_app():
    app = web.Application(client_max_size=10 * 1024 * 1024)  # max client payload of 10MB
    app["config"] = json.loads('{"host": "127.0.0.1", "port": 8080}')
    setup_routes(app)
    return app


app = init_app()
`,
    calls: [READ_FORM, SAVE_FORM],
  },
];
