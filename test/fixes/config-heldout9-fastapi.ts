/**
 * Issue #23's ninth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, UPDATE } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT9_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/betagouv/ComparIA/pull/569 — an auth middleware declared with
    // @app.middleware("http") after CORSMiddleware was added: Starlette makes the last-registered
    // middleware the outermost, so it answers the key-less preflight 401 before CORSMiddleware sees it.
    // Root: the @app.middleware("http") decorator of the auth middleware.
    name: "heldout9 FastAPI: an auth @app.middleware registered after CORSMiddleware answers the preflight 401",
    url: "https://github.com/betagouv/ComparIA/pull/569",
    rootText: '@app.middleware("http")',
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

API_KEYS = {"k1", "k2"}

app = FastAPI(title="arena")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.middleware("http")
async def require_api_key(request: Request, call_next):
    if request.url.path.startswith("/api/items/") and request.headers.get("x-api-key") not in API_KEYS:
        return JSONResponse({"detail": "unauthorized"}, status_code=401)
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
    // https://github.com/Osmantic/ODS/pull/2949 — the allowed origins read from an environment variable
    // and split on "," without stripping: a space after the comma stays in the second origin, and
    // Starlette compares origins exactly, so that front end never gets Allow-Origin. Root: the split.
    name: "heldout9 FastAPI: allowed origins split on ',' without strip, the front end after the comma never matches",
    url: "https://github.com/Osmantic/ODS/pull/2949",
    rootText: 'return raw.split(",")',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def get_allowed_origins():
    raw = os.environ.get("DASHBOARD_ALLOWED", "http://localhost:3001, {{ORIGIN}}")
    return raw.split(",")


app = FastAPI(title="dashboard api")
app.add_middleware(
    CORSMiddleware,
    allow_origins=get_allowed_origins(),
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)


@app.get("/api/items")
def list_items():
    return []


@app.post("/api/items", status_code=201)
def create_item(item: dict):
    return {"id": 1, **item}
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/Lissy93/who-dat/pull/37 — the API takes its key in an X-API-Key header, but the
    // CORS set-up allows Authorization and Content-Type only: the preflight for a call carrying the key
    // is refused (Starlette answers it 400, "Disallowed CORS headers"). Root: the allow_headers line.
    name: "heldout9 FastAPI: allow_headers without X-API-Key, the keyed PUT's preflight refused (400)",
    url: "https://github.com/Lissy93/who-dat/pull/37",
    rootText: 'allow_headers=["Authorization", "Content-Type"],',
    app: `from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

router = APIRouter()


@router.get("/items")
async def list_items():
    return []


@router.put("/items/{item_id}")
async def update_item(item_id: int, item: dict):
    return {"id": item_id, **item}


def create_app() -> FastAPI:
    application = FastAPI(title="lookup")
    application.add_middleware(
        CORSMiddleware,
        allow_origins=["{{ORIGIN}}"],
        allow_methods=["GET", "PUT"],
        allow_headers=["Authorization", "Content-Type"],
    )
    application.include_router(router, prefix="/api")
    return application


app = create_app()
`,
    calls: [LIST, UPDATE],
  },
];
