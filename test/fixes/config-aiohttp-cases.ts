/**
 * Broken aiohttp apps with aiohttp-cors, written the way projects write them (situations rebuilt from
 * aiohttp-cors' README and users' issues — routes registered after the `cors.add` loop, setup without
 * defaults, a route never given to cors.add, an OPTIONS route of the app's own —, no text copied).
 * {{ORIGIN}} is the page's origin. `check` lines are found by the text on the line.
 */
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { PageRequest } from "./page";

const HANDLERS = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


async def create(request):
    return web.json_response({"id": 1}, status=201)


async def item(request):
    return web.json_response({"id": int(request.match_info["id"])})


async def me(request):
    return web.json_response({"user": "ada"})


app = web.Application()
`;

export const RUN = `import os

from aiohttp import web

from app import app

web.run_app(app, host="127.0.0.1", port=int(os.environ["PORT"]), print=None)
`;

export interface AiohttpCase {
  name: string;
  app: string;
  calls: PageRequest[];
  /** The planted problem: its code, and the text of the line `check` must name. */
  check?: { code: string; at: string };
  /** As PythonCase's: "cannot" when no patch can be proven, said in `said`. */
  expect?: "fixed" | "cannot";
  said?: string;
}

/** The 1-based line of the first line holding `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line holds ${needle}`);
  return i + 1;
}

export const AIOHTTP_CASES: AiohttpCase[] = [
  {
    name: "routes registered after the cors.add loop (the README's loop, then more routes)",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers="*"),
})

app.router.add_get("/api/items", items)

for route in list(app.router.routes()):
    cors.add(route)

app.router.add_post("/api/items", create)
app.router.add_put("/api/items/{id}", item)
`,
    calls: [LIST, CREATE, UPDATE],
    check: { code: "aiohttp-route-after-loop", at: 'add_post("/api/items"' },
  },
  {
    name: "aiohttp_cors.setup without defaults, every route added without a config",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app)

app.router.add_get("/api/items", items)
app.router.add_post("/api/items", create)

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
    check: { code: "aiohttp-no-origin", at: "aiohttp_cors.setup(app)" },
  },
  {
    name: "allow_headers without the page's header, a route with a config of its own",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "https://shop.example.com": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),
})

cors.add(app.router.add_get("/api/items", items))
cors.add(
    app.router.add_put("/api/items/{id}", item),
    {"{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",), max_age=600)},
)
`,
    calls: [LIST, UPDATE],
  },
  {
    name: "cookies sent, allow_credentials not set",
    app: `${HANDLERS}cors = aiohttp_cors.setup(
    app,
    defaults={
        "{{ORIGIN}}": aiohttp_cors.ResourceOptions(
            expose_headers="*",
            allow_headers="*",
        ),
    },
)

app.router.add_get("/api/items", items)
app.router.add_get("/api/me", me)

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, ME],
  },
  {
    name: "the origin written with a trailing slash",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}/": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),  # front end
})

app.router.add_get("/api/items", items)
app.router.add_post("/api/items", create)

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
    check: { code: "aiohttp-origin-not-exact", at: '"{{ORIGIN}}/"' },
  },
  {
    name: "a route never given to cors.add",
    app: `${HANDLERS}cors = aiohttp_cors.setup(
    app, defaults={"{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_credentials=True)}
)

cors.add(app.router.add_get("/api/items", items))
app.router.add_get("/api/me", me)
`,
    calls: [LIST, ME],
    check: { code: "aiohttp-route-not-added", at: 'add_get("/api/me"' },
  },
  {
    name: "a RouteTableDef app, * with credentials and allow_headers without the page's header",
    app: `import aiohttp_cors
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/items")
async def items(request):
    return web.json_response([])


@routes.put("/api/items/{id}")
async def item(request):
    return web.json_response({"id": int(request.match_info["id"])})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    cors = aiohttp_cors.setup(app, defaults={
        "*": aiohttp_cors.ResourceOptions(allow_credentials=True, allow_headers=["Content-Type"]),
    })
    for route in list(app.router.routes()):
        cors.add(route)
    return app


app = create_app()
`,
    calls: [LIST, UPDATE],
    check: { code: "aiohttp-any-origin-credentials", at: "allow_credentials=True" },
  },
  {
    name: "a POST registered after another path: a second resource whose preflight goes to the first",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers="*"),
})

app.router.add_get("/api/items", items)
app.router.add_get("/api/me", me)
app.router.add_post("/api/items", create)

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, CREATE],
    check: { code: "aiohttp-split-resource", at: 'add_post("/api/items"' },
  },
  {
    name: "an API-key middleware that answers the preflight (it carries no key) before aiohttp-cors",
    app: `${HANDLERS.replace(
      "app = web.Application()\n",
      `@web.middleware
async def api_key(request, handler):
    """Writes need the key."""
    if request.path.startswith("/api/items/") and "X-Api-Key" not in request.headers:
        raise web.HTTPUnauthorized(text="missing key")
    return await handler(request)


app = web.Application(middlewares=[api_key])
`,
    )}cors = aiohttp_cors.setup(app, defaults={
    "{{ORIGIN}}": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type", "X-Api-Key")),
})

app.router.add_get("/api/items", items)
app.router.add_put("/api/items/{id}", item)

for route in list(app.router.routes()):
    cors.add(route)
`,
    calls: [LIST, UPDATE],
    check: { code: "aiohttp-middleware-answers-preflight", at: "async def api_key" },
  },
];

export const AIOHTTP_CORRECT: string[] = [
  `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "https://shop.example.com": aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        expose_headers="*",
        allow_headers=("Content-Type", "X-Api-Key"),
        allow_methods=["GET", "POST", "PUT"],
    ),
})

app.router.add_get("/api/items", items)
app.router.add_post("/api/items", create)
app.router.add_put("/api/items/{id}", item)
app.router.add_get("/api/me", me)

for route in list(app.router.routes()):
    cors.add(route)
`,
  `import aiohttp_cors
from aiohttp import web


class ItemsView(web.View, aiohttp_cors.CorsViewMixin):
    cors_config = {
        "https://shop.example.com": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),
    }

    async def get(self):
        return web.json_response([])

    @aiohttp_cors.custom_cors({
        "https://admin.example.com": aiohttp_cors.ResourceOptions(allow_headers=("Content-Type",)),
    })
    async def post(self):
        return web.json_response({"id": 1}, status=201)


app = web.Application()
cors = aiohttp_cors.setup(app)
cors.add(app.router.add_view("/api/items", ItemsView))
`,
];

/** Apps aiohttp-cors refuses at startup: `check` names the line, and the real app does not start. */
export const AIOHTTP_DOES_NOT_START: Array<{ name: string; app: string; at: string; raises: RegExp }> = [
  {
    name: "an OPTIONS handler of the app's own on a route given to cors.add",
    app: `${HANDLERS}
async def options(request):
    return web.Response()


cors = aiohttp_cors.setup(app, defaults={"https://shop.example.com": aiohttp_cors.ResourceOptions()})
app.add_routes([web.get("/api/items", items), web.options("/api/items", options)])
for route in list(app.router.routes()):
    cors.add(route)
`,
    at: "cors.add(route)",
    raises: /already has OPTIONS handler/,
  },
  {
    name: "a class-based view without CorsViewMixin",
    app: `import aiohttp_cors
from aiohttp import web


class ItemsView(web.View):
    async def get(self):
        return web.json_response([])


app = web.Application()
cors = aiohttp_cors.setup(app, defaults={"https://shop.example.com": aiohttp_cors.ResourceOptions()})
cors.add(app.router.add_view("/api/items", ItemsView))
`,
    at: "cors.add(app.router.add_view",
    raises: /CorsViewMixin|WebViewMixig|web view should be derived/,
  },
  {
    name: "allow_headers written as a parenthesised string, not a tuple",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "https://shop.example.com": aiohttp_cors.ResourceOptions(allow_headers=("X-Api-Key")),
})
cors.add(app.router.add_get("/api/items", items))
`,
    at: 'allow_headers=("X-Api-Key")',
    raises: /allow_headers' must be either/,
  },
  {
    name: "allow_methods in an options dict",
    app: `${HANDLERS}cors = aiohttp_cors.setup(app, defaults={
    "https://shop.example.com": {"allow_headers": "*", "allow_methods": ["GET", "PUT"]},
})
cors.add(app.router.add_get("/api/items", items))
`,
    at: '"allow_methods"',
    raises: /Unexpected keywords in resource options/,
  },
];
