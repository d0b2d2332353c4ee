/**
 * Issue #23's seventh never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT7_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/Eshajha19/agri/issues/1406 — the production front end written into
    // allow_origins with a trailing slash: an Origin never has one, the exact match fails.
    // Root: the line holding the slashed origin.
    name: "heldout7 FastAPI: the front end's origin in allow_origins ends with a slash",
    url: "https://github.com/Eshajha19/agri/issues/1406",
    rootText: 'FRONTEND_URL = os.getenv("FRONTEND_URL", "{{ORIGIN}}/")',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

FRONTEND_URL = os.getenv("FRONTEND_URL", "{{ORIGIN}}/")

app = FastAPI(title="Crop advisory API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=[FRONTEND_URL],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/api/items")
async def list_items():
    return []


@app.post("/api/items", status_code=201)
async def create_item(item: dict):
    return {"id": 1, **item}
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/pincerhq/pincer/pull/184 — an @app.middleware("http") token check added after
    // CORSMiddleware: the last one added is the outermost, so the preflight is answered 401 before
    // CORS runs. Root: the decorator of the token middleware.
    name: "heldout7 FastAPI: an http token middleware added after CORSMiddleware (outermost) 401s the preflight",
    url: "https://github.com/pincerhq/pincer/pull/184",
    rootText: '@app.middleware("http")',
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

API_TOKEN = "k1"

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Content-Type", "X-Api-Key"],
)


@app.middleware("http")
async def require_api_key(request: Request, call_next):
    if request.url.path.startswith("/api/items/") and request.headers.get("x-api-key") != API_TOKEN:
        return JSONResponse({"detail": "Invalid token"}, status_code=401)
    return await call_next(request)


@app.get("/api/items")
async def list_items():
    return []


@app.put("/api/items/{item_id}")
async def update_item(item_id: int, item: dict):
    return {"id": item_id, **item}
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/geopython/pygeoapi/issues/1740 — a Starlette app whose CORSMiddleware is set
    // with origins only: allow_methods defaults to GET, so every other method's preflight is answered
    // 400. Root: the Middleware(CORSMiddleware, ...) line.
    name: "heldout7 Starlette: CORSMiddleware with origins only (allow_methods defaults to GET), the POST refused",
    url: "https://github.com/geopython/pygeoapi/issues/1740",
    rootText: 'Middleware(CORSMiddleware, allow_origins=["*"]),',
    app: `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route


async def items(request):
    if request.method == "POST":
        return JSONResponse({"id": 1}, status_code=201)
    return JSONResponse([])


async def me(request):
    return JSONResponse({"user": "ada"})


routes = [
    Route("/api/items", items, methods=["GET", "POST"]),
    Route("/api/me", me),
]

middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"]),
]

app = Starlette(routes=routes, middleware=middleware)
`,
    calls: [LIST, CREATE],
  },
];

/**
 * A correct FastAPI app (the set's correct FastAPI configuration): CORSMiddleware over two front ends
 * with credentials, the methods and headers the page uses. {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT7_FASTAPI_CORRECT = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}", "{{ORIGIN2}}"],
    allow_credentials=True,
    allow_methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Content-Type", "Authorization"],
)


@app.get("/api/items")
async def list_items():
    return [{"id": 1}]


@app.put("/api/items/{item_id}")
async def update_item(item_id: int, item: dict):
    return {"id": item_id}


@app.get("/api/me")
async def me():
    return {"user": "ada"}
`;
