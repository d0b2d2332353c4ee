/**
 * Held-out FastAPI apps for `cors-lens fix --config` (issue #23's never-seen measure), each
 * rebuilding a public report, written blind to the readers (no src/config, docs/config.md or
 * test/config read). `check` is omitted: the finding codes are not known to the case writer; each
 * comment names the root cause's line, judged apart (a `check` expectation is added after judging, where
 * `check` names that line). {{ORIGIN}} is the page's origin.
 */
import type { FastapiCase } from "./config-fastapi-cases";
import { CREATE, LIST, ME, REMOVE, UPDATE } from "./config-fastapi-cases";

const ROUTES = `

@app.get("/api/items")
def list_items():
    return []


@app.post("/api/items", status_code=201)
def create_item():
    return {"id": 1}


@app.put("/api/items/{i}")
def update_item(i: int):
    return {"id": i}


@app.delete("/api/items/{i}", status_code=204)
def delete_item(i: int):
    return Response(status_code=204)


@app.get("/api/me")
def me():
    return {"user": "ada"}
`;

const IMPORTS = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
`;

export const HELD_OUT_FASTAPI: FastapiCase[] = [
  // https://github.com/GlycemicGPT/GlycemicGPT/pull/310 (and kugel-masa/kugelpos-backend#202): an
  // http middleware declared after CORSMiddleware wraps it and refuses the preflight first.
  // Root cause: line 7 (CORSMiddleware added before the key-check middleware of line 15).
  {
    name: "held-out: an @app.middleware('http') key check declared after add_middleware(CORS)",
    app: `${IMPORTS}
app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.middleware("http")
async def require_key(request: Request, call_next):
    if request.url.path.startswith("/api/items/") and "x-api-key" not in request.headers:
        return JSONResponse({"detail": "missing key"}, status_code=401)
    return await call_next(request)
${ROUTES}`,
    calls: [LIST, UPDATE],
    check: { code: "starlette-middleware-order", line: 7 },
  },
  // https://github.com/fastapi/fastapi/issues/133 : the method the page sends (POST) left out of
  // allow_methods. Root cause: line 10.
  {
    name: "held-out: allow_methods lists GET, PUT, DELETE but not POST",
    app: `${IMPORTS}
app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["GET", "PUT", "DELETE"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE, REMOVE],
  },
  // https://github.com/fastapi/fastapi/issues/1663 (the comment passing Middleware(...) to
  // FastAPI(middleware=...)): another dev origin, methods and headers left at their defaults.
  // Root cause: line 7 (origins), line 11 (no methods/headers).
  {
    name: "held-out: FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=origins)])",
    app: `from fastapi import FastAPI
from fastapi.responses import Response
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

origins = [
    "http://localhost:5000",
]

middleware = [
    Middleware(CORSMiddleware, allow_origins=origins)
]

app = FastAPI(middleware=middleware)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  // FIRST RUN (since fixed: the comprehension is evaluated, the slash removed at its literal): fix exits 1: "unknown: allow_origins (line 11) is computed by code CORS Lens does not evaluate: [str(origin) for origin in BACKEND_CORS_ORIGINS]"; headed "Nothing to change: every recorded request already passes" though both are blocked.
  // https://github.com/rafsaf/minimal-fastapi-postgres-template/pull/61 : origins kept as URLs whose
  // str() ends with "/", so no Origin ever matches. Root cause: line 7 (and line 13).
  {
    name: "held-out: origins written as URLs with a trailing slash",
    app: `${IMPORTS}
app = FastAPI()

BACKEND_CORS_ORIGINS = ["{{ORIGIN}}/", "https://dashboard.example.com/"]

app.add_middleware(
    CORSMiddleware,
    allow_origins=[str(origin) for origin in BACKEND_CORS_ORIGINS],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
    check: { code: "starlette-origin-form", line: 7 },
  },
  // FIRST RUN (since fixed: a call without a cookie is judged without one; `*` becomes allow_origin_regex=".*"): fix --write exits 0 and leaves app.py unchanged; in Chromium "me" (credentials, no cookie: Starlette answers *) still fails: "me: TypeError: Failed to fetch".
  // https://github.com/weaviate/Verba/issues/393 : allow_origins=["*"] with allow_credentials=True;
  // the credentialed call gets `*`. Root cause: line 9 (allow_origins=["*"]).
  {
    name: "held-out: allow_origins=['*'] with allow_credentials=True, a credentialed call",
    app: `${IMPORTS}
app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, ME],
    check: { code: "starlette-any-origin-credentials", line: 9 },
  },
];

/** Held-out cases that failed because of CORS Lens on their first run: not run (see the report). */
export const HELD_OUT_FASTAPI_FAILING: FastapiCase[] = [];
