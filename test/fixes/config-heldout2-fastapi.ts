/**
 * Issue #23's second never-seen measure, FastAPI (Debian's FastAPI 0.92, Starlette 0.26, uvicorn):
 * each case rebuilds a public report (cited above it), written blind to the readers. {{ORIGIN}} is
 * the page's origin; `rootAt` the root cause's line; no `check` (codes not known blind). The suite
 * serves `app:app` with uvicorn.
 */
import { CREATE, LIST, REMOVE } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { HeldOut2PythonCase } from "./config-heldout2-django";
import type { PageRequest } from "./page";

export type HeldOut2FastapiCase = FastapiCase & HeldOut2PythonCase;

const FAIL: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/fail",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT2_FASTAPI: HeldOut2FastapiCase[] = [
  {
    // https://github.com/fastapi/fastapi/issues/5207 — allow_methods narrowed to GET, PATCH and
    // POST next to an origin regex; the page's DELETE preflight is refused (400).
    // Root cause: the add_middleware line's allow_methods.
    name: "heldout2: FastAPI: allow_methods GET, PATCH, POST beside an origin regex, a DELETE",
    source: "https://github.com/fastapi/fastapi/issues/5207",
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from fastapi import Request, Response, status


ALLOWED_ORIGIN = r"https?:\\/\\/.*\\.example\\.(?:com|cloud)"

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["{{ORIGIN}}"], allow_methods=["GET", "PATCH", "POST"], allow_origin_regex=ALLOWED_ORIGIN)


@app.get("/api/items")
async def cors_get():
    return {"message": "GET allowed"}


@app.delete("/api/items/{i}", status_code=204)
async def cors_delete(i: int):
    return Response(status_code=status.HTTP_204_NO_CONTENT)
`,
    calls: [LIST, REMOVE],
    rootAt: "app.add_middleware(CORSMiddleware",
  },
  {
    // https://github.com/fastapi/fastapi/issues/1663 (the Middleware-list comment) — CORSMiddleware
    // passed to FastAPI(middleware=[...]) with allow_origins only: Starlette's defaults allow GET
    // and no request header, so the page's JSON POST preflight is refused.
    // Root cause: the Middleware(CORSMiddleware, …) line.
    name: "heldout2: FastAPI: Middleware(CORSMiddleware, allow_origins=...) only, a JSON POST",
    source: "https://github.com/fastapi/fastapi/issues/1663",
    app: `from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

origins = [
    "http://localhost:5000",
    "{{ORIGIN}}",
]

middleware = [
    Middleware(CORSMiddleware, allow_origins=origins)
]

app = FastAPI(middleware=middleware)


@app.get("/api/items")
def read_items():
    return []


@app.post("/api/items", status_code=201)
def create_item():
    return {"id": 1}
`,
    calls: [LIST, CREATE],
    rootAt: "Middleware(CORSMiddleware, allow_origins=origins)",
  },
  {
    // https://github.com/Kludex/starlette/issues/1116 — an unhandled exception's 500 is made by
    // ServerErrorMiddleware, outside CORSMiddleware: the error response has no CORS header, so the
    // page cannot read it. Root cause: the add_middleware call (CORS inside the error middleware).
    name: "heldout2: FastAPI: an unhandled exception's 500 comes without CORS headers",
    source: "https://github.com/Kludex/starlette/issues/1116",
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=['*'],
    allow_credentials=True,
    allow_methods=['*'],
    allow_headers=['*'])


@app.get('/api/items')
def index():
    return []


@app.get('/api/fail')
def errorcase():
    raise ValueError
`,
    calls: [LIST, FAIL],
    rootAt: "app.add_middleware(",
  },
];
