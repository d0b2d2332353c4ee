/**
 * Issue #23's fifth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers, as their projects write them
 * (a create_app() factory, settings from the environment, routers). {{ORIGIN}} is the page's origin;
 * the suite serves `app:app` with uvicorn. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME, REMOVE } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";

const TOKEN = { authorization: "Bearer t0k3n" };

export const HELD_OUT5_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://hivebrain.dev/entry/1311 — "CORS middleware must be added BEFORE other middleware that
    // might return early (e.g. auth middleware)": the token check is an @app.middleware("http") added
    // after CORSMiddleware, so it is the outer layer and answers the preflight (no Authorization) 401.
    // Root: the token middleware's decorator.
    name: "heldout5 FastAPI: a token-checking http middleware added after CORSMiddleware answers the preflight 401",
    url: "https://hivebrain.dev/entry/1311",
    rootText: '@app.middleware("http")',
    app: `import os

from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

API_TOKEN = os.getenv("API_TOKEN", "t0k3n")
FRONTEND_ORIGINS = os.getenv("FRONTEND_ORIGINS", "{{ORIGIN}}").split(",")

router = APIRouter(prefix="/api", tags=["items"])


@router.get("/items")
def list_items():
    return []


@router.put("/items/{item_id}")
def update_item(item_id: int):
    return {"id": item_id}


def create_app() -> FastAPI:
    app = FastAPI(title="inventory")

    app.add_middleware(
        CORSMiddleware,
        allow_origins=FRONTEND_ORIGINS,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )

    @app.middleware("http")
    async def require_token(request: Request, call_next):
        if request.headers.get("authorization") != f"Bearer {API_TOKEN}":
            return JSONResponse({"detail": "Not authenticated"}, status_code=401)
        return await call_next(request)

    app.include_router(router)
    return app


app = create_app()
`,
    calls: [
      { ...LIST, headers: TOKEN },
      {
        name: "update",
        method: "PUT",
        path: "/api/items/1",
        headers: { ...TOKEN, "content-type": "application/json" },
        credentials: "omit",
        body: '{"name":"b"}',
      },
    ],
  },
  {
    // https://github.com/Kludex/starlette/issues/810 — a Starlette app with
    // Middleware(CORSMiddleware, allow_methods=["GET", "OPTIONS"], allow_headers=[...]): the page's
    // POST and DELETE preflights are refused (400). Root: the allow_methods line.
    name: "heldout5 Starlette: CORSMiddleware allow_methods GET and OPTIONS only, the POST and DELETE refused",
    url: "https://github.com/Kludex/starlette/issues/810",
    rootText: 'allow_methods=["GET", "OPTIONS"],',
    app: `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


async def homepage(request):
    return JSONResponse({"message": "hi"})


async def items(request):
    if request.method == "POST":
        return JSONResponse({"id": 1}, status_code=201)
    return JSONResponse([])


async def item(request):
    if request.method == "DELETE":
        return Response(status_code=204)
    return JSONResponse({"id": request.path_params["item_id"]})


middleware = [
    Middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "OPTIONS"],
        allow_headers=["Token", "Origin", "X-Requested-With", "Content-Type", "Accept"],
    )
]

routes = [
    Route("/", homepage),
    Route("/api/items", items, methods=["GET", "POST"]),
    Route("/api/items/{item_id:int}", item, methods=["GET", "DELETE"]),
]

app = Starlette(routes=routes, middleware=middleware)
`,
    calls: [LIST, CREATE, REMOVE],
  },
  {
    // https://github.com/OpenGradient/BitQuant/pull/134 — regular expressions written into
    // allow_origins, which compares origins as literal strings: the localhost pattern never matches,
    // local development is blocked. Root: the localhost regex entry.
    name: "heldout5 FastAPI: a localhost regex written into allow_origins (compared literally)",
    url: "https://github.com/OpenGradient/BitQuant/pull/134",
    rootText: 'r"^http://localhost:(3000|3001|\\d+)$",',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

ALLOWED_ORIGINS = [
    "https://bitquant.example.io",
    r"^http://localhost:(3000|3001|\\d+)$",
    r"^https://defi-chat-hub-git-[\\w-]+-open-gradient\\.vercel\\.app$",
]


def create_app() -> FastAPI:
    app = FastAPI(title=os.getenv("APP_NAME", "bitquant"))
    app.add_middleware(
        CORSMiddleware,
        allow_origins=ALLOWED_ORIGINS,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )

    @app.get("/api/items")
    def items():
        return []

    @app.get("/api/me")
    def me():
        return {"user": "ada"}

    return app


app = create_app()
`,
    calls: [LIST, ME],
  },
];
