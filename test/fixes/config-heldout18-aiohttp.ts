/**
 * Issue #23's eighteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const API_STATUS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/",
  headers: { "x-ha-access": "legacy-api-password" },
  credentials: "omit",
  body: null,
};
const STATES: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/states",
  headers: { authorization: "Bearer ha-long-lived-access-token" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT18_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/home-assistant/core/issues/18566 — "Impossible to send Authorization headers":
    // the HTTP component sets aiohttp-cors up for the configured `cors_allowed_origins` with a fixed list
    // of allowed request headers (Origin, Accept, X-Requested-With, Content-Type and the legacy
    // X-HA-Access password header) that leaves out Authorization, so a React app on an allowed origin
    // sending its long-lived token as a bearer token is refused at the preflight ("CORS preflight request
    // failed: headers are not allowed: AUTHORIZATION"). The component's set-up is written with two of the
    // API's views, the React app as the page. Root: the allowed headers list without Authorization.
    name: "heldout18 aiohttp: the allowed CORS headers leave out Authorization, the bearer-token call refused at the preflight",
    url: "https://github.com/home-assistant/core/issues/18566",
    rootText: "ALLOWED_CORS_HEADERS = [",
    app: `import aiohttp_cors
from aiohttp import hdrs, web

HTTP_HEADER_HA_AUTH = "X-HA-access"
HTTP_HEADER_X_REQUESTED_WITH = "X-Requested-With"

ALLOWED_CORS_HEADERS = [
    hdrs.ORIGIN,
    hdrs.ACCEPT,
    HTTP_HEADER_X_REQUESTED_WITH,
    hdrs.CONTENT_TYPE,
    HTTP_HEADER_HA_AUTH,
]


def setup_cors(app, origins):
    """Set up CORS for the configured origins."""
    cors = aiohttp_cors.setup(
        app,
        defaults={
            host: aiohttp_cors.ResourceOptions(allow_headers=ALLOWED_CORS_HEADERS, allow_methods="*")
            for host in origins
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)


async def api_status(request):
    return web.json_response({"message": "API running."})


async def api_states(request):
    return web.json_response([{"entity_id": "sun.sun", "state": "above_horizon"}])


# configuration.yaml: http: cors_allowed_origins: - <the React app>
app = web.Application()
app.router.add_get("/api/", api_status)
app.router.add_get("/api/states", api_states)
setup_cors(app, ["{{ORIGIN}}"])
`,
    calls: [API_STATUS, STATES],
  },
];

/**
 * A correct aiohttp app: aiohttp-cors set up with no defaults and each route added with its own options
 * for the two front ends (credentials, the methods and headers the page sends); serves itself on $PORT.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT18_AIOHTTP_CORRECT = `import os

import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([{"id": 1}])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["item_id"])})


async def me(request):
    return web.json_response({"user": "ada"})


def front_ends(methods):
    options = aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        allow_headers=("Content-Type", "Authorization"),
        allow_methods=methods,
        max_age=600,
    )
    return {"{{ORIGIN}}": options, "{{ORIGIN2}}": options}


app = web.Application()
cors = aiohttp_cors.setup(app)
cors.add(app.router.add_get("/api/items", items), front_ends(["GET"]))
cors.add(app.router.add_put("/api/items/{item_id}", update_item), front_ends(["PUT"]))
cors.add(app.router.add_get("/api/me", me), front_ends(["GET"]))

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(os.environ["PORT"]), print=None)
`;
