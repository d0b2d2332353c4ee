/**
 * Issue #23's fifteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const BASIC = `Basic ${Buffer.from("test_user1:test").toString("base64")}`;

const GROUPS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/groups",
  headers: { authorization: BASIC },
  credentials: "omit",
  body: null,
};
const NEW_GROUP: PageRequest = {
  name: "create",
  method: "POST",
  path: "/groups",
  headers: { authorization: BASIC, "content-type": "application/json" },
  credentials: "omit",
  body: '{"link":{"id":"g-root","name":"g1"}}',
};

export const HELD_OUT15_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/HDFGroup/hsds/pull/32 — "Cors handling with aiohttp-cors": the service node drops
    // its hand-made OPTIONS routes and sets aiohttp-cors up for every route of its table; the maintainer
    // then finds that the CORS headers are "not getting added now" for some calls. The route table adds
    // POST /groups apart from GET /groups (other paths in between), so aiohttp makes two resources for
    // the one path; the preflight handler aiohttp-cors puts on the first knows only its GET, and the
    // POST's preflight is refused (403). The route table is written as the module-level app run.py
    // serves. Root: the POST /groups route added apart from its path's GET.
    name: "heldout15 aiohttp: POST /groups added apart from GET /groups, aiohttp-cors refuses the POST's preflight",
    url: "https://github.com/HDFGroup/hsds/pull/32",
    rootText: "app.router.add_route('POST', '/groups', POST_Group)",
    app: `import aiohttp_cors
from aiohttp import web

GROUPS = {"g-root": {"id": "g-root", "linkCount": 0}}


async def GET_Domain(request):
    return web.json_response({"root": "g-root", "owner": "test_user1"})


async def GET_Groups(request):
    return web.json_response({"groups": list(GROUPS)})


async def GET_Group(request):
    group_id = request.match_info["id"]
    if group_id not in GROUPS:
        raise web.HTTPNotFound()
    return web.json_response(GROUPS[group_id])


async def POST_Group(request):
    body = await request.json()
    group_id = "g-%d" % (len(GROUPS) + 1)
    GROUPS[group_id] = {"id": group_id, "linkCount": 0, "link": body.get("link")}
    return web.json_response(GROUPS[group_id], status=201)


async def DELETE_Group(request):
    GROUPS.pop(request.match_info["id"], None)
    return web.json_response({})


app = web.Application()
app.router.add_route('GET', '/', GET_Domain)
app.router.add_route('GET', '/groups', GET_Groups)
app.router.add_route('GET', '/groups/{id}', GET_Group)
app.router.add_route('DELETE', '/groups/{id}', DELETE_Group)
app.router.add_route('POST', '/groups', POST_Group)

# Add CORS to all routes
cors = aiohttp_cors.setup(app, defaults={"*": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*",)})
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [GROUPS, NEW_GROUP],
  },
];
