/**
 * Issue #23's fourteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const STATS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/stats/",
  headers: { authorization: "Bearer opsdroid-token" },
  credentials: "omit",
  body: null,
};
const MESSAGE: PageRequest = {
  name: "create",
  method: "POST",
  path: "/connector/websocket",
  headers: { authorization: "Bearer opsdroid-token", "content-type": "application/json" },
  credentials: "omit",
  body: '{"message":"hello"}',
};

export const HELD_OUT14_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/opsdroid/opsdroid/issues/1932 — "Add possibility to configure CORS in routes":
    // testing the opsdroid-web front end against opsdroid's aiohttp web server, "we aren't handling CORS
    // at all": the app's calls carry an Authorization header, so the browser preflights them, and the
    // server, with no CORS set up, answers the OPTIONS itself (405) with no CORS headers. The web server's
    // setup is written as the module-level application it builds. Root: the application created
    // without any CORS.
    name: "heldout14 aiohttp: opsdroid's web server handles no CORS, the web app's token calls refused",
    url: "https://github.com/opsdroid/opsdroid/issues/1932",
    rootText: "app = web.Application()",
    app: `import json

from aiohttp import web

STATS = {"messages_parsed": 0, "webhooks_called": 0, "total_response_time": 0}


async def web_index_handler(request):
    return web.json_response({"message": "Welcome to the opsdroid API"})


async def web_stats_handler(request):
    return web.json_response({"version": "0.26.0", "messages": STATS})


async def websocket_message_handler(request):
    payload = await request.json()
    STATS["messages_parsed"] += 1
    return web.json_response({"received": payload.get("message")})


app = web.Application()
app.router.add_get("/", web_index_handler)
app.router.add_get("/stats/", web_stats_handler)
app.router.add_post("/connector/websocket", websocket_message_handler)
`,
    calls: [STATS, MESSAGE],
  },
];
