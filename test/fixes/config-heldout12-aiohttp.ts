/**
 * Issue #23's twelfth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const GROUPS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/groups",
  headers: { authorization: "Basic dGVzdF91c2VyMTp0ZXN0" },
  credentials: "omit",
  body: null,
};
const CREATE_GROUP: PageRequest = {
  name: "create",
  method: "POST",
  path: "/groups",
  headers: { authorization: "Basic dGVzdF91c2VyMTp0ZXN0", "content-type": "application/json" },
  credentials: "omit",
  body: '{"link":{"id":"g-1","name":"g1"}}',
};

export const HELD_OUT12_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/HDFGroup/hsds/issues/92 — "CORS broken for PUSH/DELETE on /groups…": the
    // service node sets up aiohttp-cors with defaults that name no allow_methods and enables it per
    // resource; preflights to /groups are then refused (403), and adding allow_methods to the defaults
    // fixes it. Root: the defaults' ResourceOptions without allow_methods.
    name: "heldout12 aiohttp: aiohttp-cors defaults without allow_methods, the resources' preflights refused 403",
    url: "https://github.com/HDFGroup/hsds/issues/92",
    rootText:
      'cors = aiohttp_cors.setup(app, defaults={cors_domain: aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*")})',
    app: `import aiohttp_cors
from aiohttp import web

GROUPS = {}


async def GET_Groups(request):
    return web.json_response({"groups": list(GROUPS)})


async def POST_Group(request):
    body = await request.json()
    group_id = body["link"]["id"]
    GROUPS[group_id] = body["link"]
    return web.json_response({"id": group_id}, status=201)


async def DELETE_Group(request):
    GROUPS.pop(request.match_info["id"], None)
    return web.json_response({})


app = web.Application()
app.router.add_route("GET", "/groups", GET_Groups)
app.router.add_route("POST", "/groups", POST_Group)
app.router.add_route("DELETE", "/groups/{id}", DELETE_Group)

cors_domain = "*"
cors = aiohttp_cors.setup(app, defaults={cors_domain: aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*")})
for resource in list(app.router.resources()):
    cors.add(resource)
`,
    calls: [GROUPS, CREATE_GROUP],
  },
];
