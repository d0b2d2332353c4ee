/**
 * Issue #23's eighth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const FAIL: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/fail",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT8_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/Ganesh-403/semantic-plagiarism-detector/issues/2567 — CORSMiddleware with
    // allow_credentials=True and the allowed origins configured as "*" (read from the environment): a
    // credentialed call without a cookie gets Allow-Origin "*" with Allow-Credentials true, which the
    // browser refuses. Root: the line reading the origins with its "*" default.
    name: "heldout8 FastAPI: allowed origins '*' from the environment with allow_credentials, the credentialed call gets '*'",
    // Since the first run: refused with the reason (see HELDOUT8.md) — credentials for every origin
    // would let any site read the user's data; listing the origins would narrow the `*` the other sites
    // have. Asserted.
    expect: "cannot",
    said: "would let every site read the user's data",
    url: "https://github.com/Ganesh-403/semantic-plagiarism-detector/issues/2567",
    rootText: 'allowed_origins = os.getenv("CORS_ALLOWED", "*").split(",")',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

allowed_origins = os.getenv("CORS_ALLOWED", "*").split(",")

app = FastAPI(title="Plagiarism detector API")
app.add_middleware(
    CORSMiddleware,
    allow_origins=allowed_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/api/items")
async def list_items():
    return []


@app.get("/api/me")
async def me():
    return {"user": "ada"}
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/kugel-masa/kugelpos-backend/issues/202 — the service's generic
    // @app.exception_handler(Exception): Starlette runs a handler keyed on Exception in
    // ServerErrorMiddleware, outside CORSMiddleware, so the 500 it answers reaches the page without
    // CORS headers. Root: the exception_handler(Exception) decorator.
    name: "heldout8 FastAPI: the exception_handler(Exception) 500 is answered outside CORSMiddleware, without CORS",
    url: "https://github.com/kugel-masa/kugelpos-backend/issues/202",
    rootText: "@app.exception_handler(Exception)",
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(Exception)
async def unexpected_error(request: Request, exc: Exception):
    return JSONResponse({"code": "900999", "message": "unexpected error"}, status_code=500)


@app.get("/api/items")
def list_items():
    return []


@app.get("/api/fail")
def report():
    raise RuntimeError("report backend unavailable")
`,
    calls: [LIST, FAIL],
  },
  {
    // https://github.com/mcp-hangar/mcp-hangar/pull/999 — the only CORSMiddleware sits on the mounted
    // API sub-application while the combined application serves other routes itself: those answer
    // without CORS. Root: the add_middleware call on the sub-application.
    name: "heldout8 FastAPI: CORSMiddleware on the mounted sub-app only, the parent app's routes get none",
    url: "https://github.com/mcp-hangar/mcp-hangar/pull/999",
    rootText: "api_app.add_middleware(",
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

api_app = FastAPI()
api_app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)


@api_app.get("/status")
async def status():
    return {"ok": True}


app = FastAPI()


@app.get("/api/items")
async def list_items():
    return []


@app.post("/api/items", status_code=201)
async def create_item(item: dict):
    return {"id": 1, **item}


app.mount("/api/v1", api_app)
`,
    calls: [LIST, CREATE],
  },
];
