/**
 * Issue #23's third never-seen measure, FastAPI (Starlette's CORSMiddleware): apps rebuilt from
 * public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}}
 * is the page's origin. `rootText`: the text of the root cause's line.
 */
import { LIST, ME } from "./config-django-cases";
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

export const HELD_OUT3_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/fastapi/fastapi/issues/4071 — errors turned into JSON by an
    // @app.middleware("http") added after CORSMiddleware: it is the outer layer, so its 500 never
    // passes through CORS. Root: the exception-catching middleware's decorator.
    name: "heldout3 FastAPI: an exception-catching http middleware added after CORSMiddleware (its 500 has no CORS)",
    url: "https://github.com/fastapi/fastapi/issues/4071",
    rootText: '@app.middleware("http")',
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.middleware("http")
async def catch_exceptions(request: Request, call_next):
    try:
        return await call_next(request)
    except Exception as exc:  # the project's global error handler
        return JSONResponse({"code": 500, "msg": str(exc)}, status_code=500)


@app.get("/api/items")
def items():
    return []


@app.get("/api/fail")
def fail():
    user = None
    return {"id": user.id}
`,
    calls: [LIST, FAIL],
  },
  {
    // https://github.com/foss42/api/issues/96 — allow_origins=["*"] with allow_credentials=True:
    // a credentialed request without a cookie gets `*` and Allow-Credentials: true, which the
    // browser refuses. Root: the allow_origins line.
    name: 'heldout3 FastAPI: allow_origins=["*"] with allow_credentials=True, a credentialed fetch',
    url: "https://github.com/foss42/api/issues/96",
    rootText: 'allow_origins=["*"],',
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="foss42 api")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["GET", "POST"],
    allow_headers=["*"],
)


@app.get("/api/items")
def items():
    return []


@app.get("/api/me")
def me():
    return {"user": "ada"}
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/fastapi/fastapi/issues/775 — a custom @app.exception_handler(500):
    // Starlette runs 500/Exception handlers in ServerErrorMiddleware, outside every user
    // middleware, so the JSON 500 has no CORS header. Root: the exception_handler(500) line.
    name: "heldout3 FastAPI: @app.exception_handler(500) answers outside CORSMiddleware",
    url: "https://github.com/fastapi/fastapi/issues/775",
    rootText: "@app.exception_handler(500)",
    app: `from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

ALLOWED_ORIGINS = [
    "https://shop.example.com",
    "{{ORIGIN}}",
]

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(500)
async def custom_http_exception_handler(request, exc):
    error = jsonable_encoder({"error": "Something went wrong"})
    return JSONResponse(content=error, status_code=500)


@app.get("/api/items")
def items():
    return []


@app.get("/api/fail")
def fail():
    raise RuntimeError("database is down")
`,
    calls: [LIST, FAIL],
  },
];
