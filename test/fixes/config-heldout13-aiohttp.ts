/**
 * Issue #23's thirteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const JOBS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/jobs",
  headers: { authorization: "Bearer s3cr3t-token" },
  credentials: "omit",
  body: null,
};
const SUBMIT: PageRequest = {
  name: "create",
  method: "POST",
  path: "/jobs",
  headers: { authorization: "Bearer s3cr3t-token", "content-type": "application/json" },
  credentials: "omit",
  body: '{"task":"render"}',
};

export const HELD_OUT13_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/aio-libs/aiohttp-cors/issues/481 — "How can I enforce CORS despite
    // middlewares?": the app's authentication middleware answers 401 to anything without the bearer
    // token, and the browser's OPTIONS preflight never carries it, so aiohttp-cors never gets to answer
    // the preflight (the reporter's workaround lets OPTIONS through). Root: the auth middleware's
    // condition, which OPTIONS does not pass.
    name: "heldout13 aiohttp: the auth middleware answers the token-less preflight 401 before aiohttp-cors",
    url: "https://github.com/aio-libs/aiohttp-cors/issues/481",
    // A miss at the first run (HELDOUT13.md): the model let the preflight past the middleware, which
    // calls the handler only inside `if <token matches>:`; fixed since (the answer after that `if` is
    // every other request's, the preflight's too).
    rootText: 'if request.headers.get("Authorization") == f"Bearer {TOKEN}":',
    app: `import os

import aiohttp_cors
from aiohttp import web
from aiohttp.web import middleware

TOKEN = os.environ.get("API_TOKEN", "s3cr3t-token")
JOBS = []


@middleware
async def auth(request, handler):
    if request.headers.get("Authorization") == f"Bearer {TOKEN}":
        return await handler(request)
    return web.Response(status=401)


async def list_jobs(request):
    return web.json_response(JOBS)


async def submit_job(request):
    job = await request.json()
    JOBS.append(job)
    return web.json_response({"id": len(JOBS)}, status=201)


app = web.Application(middlewares=[auth])
app.router.add_get("/jobs", list_jobs)
app.router.add_post("/jobs", submit_job)

cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        expose_headers="*",
        allow_headers="*",
        allow_methods="*",
    )
})
for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [JOBS, SUBMIT],
  },
];

/**
 * A correct aiohttp app (the set's correct aiohttp configuration): aiohttp-cors with the two front ends,
 * credentials, the headers and methods the page sends, every route added; serves itself on $PORT.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT13_AIOHTTP_CORRECT = `import os

import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([{"id": 1}])


async def update_item(request):
    return web.json_response({"id": int(request.match_info["item_id"])})


async def me(request):
    return web.json_response({"user": "ada"})


app = web.Application()
app.router.add_get("/api/items", items)
app.router.add_put("/api/items/{item_id}", update_item)
app.router.add_get("/api/me", me)

options = aiohttp_cors.ResourceOptions(
    allow_credentials=True,
    allow_headers=("Content-Type", "Authorization"),
    allow_methods=["GET", "PUT"],
    max_age=600,
)
cors = aiohttp_cors.setup(app, defaults={"{{ORIGIN}}": options, "{{ORIGIN2}}": options})
for route in list(app.router.routes()):
    cors.add(route)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(os.environ["PORT"]), print=None)
`;
