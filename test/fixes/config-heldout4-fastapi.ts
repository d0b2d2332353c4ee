/**
 * Issue #23's fourth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; situation rebuilt, no text copied), written blind to the readers.
 * {{ORIGIN}} is the page's origin. `rootText`: the root cause's line.
 */
import { CREATE, LIST } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ROUTES = `

@app.get("/api/items")
def items():
    return [{"id": 1}]


@app.post("/api/items", status_code=201)
def create():
    return {"id": 2}
`;

export const HELD_OUT4_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/fastapi/fastapi/issues/5308 — the front end's address written with its
    // path in allow_origins ("http://localhost:3000/bar"): an Origin never has a path, so nothing
    // matches. Root: the allow_origins entry.
    name: "heldout4 FastAPI: allow_origins holds the front end's URL with a path",
    url: "https://github.com/fastapi/fastapi/issues/5308",
    rootText: '"{{ORIGIN}}/bar",',
    app: `from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=[
        "{{ORIGIN}}/bar",
    ],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/bytedance/deer-flow/pull/1221 — the allowed origins come from a
    // comma-separated CORS_ORIGINS variable split without trimming: the entry after ", " keeps its
    // leading space and never equals the page's Origin. Root: the split.
    name: "heldout4 FastAPI: CORS_ORIGINS split on ',' without strip (' http://…' never matches)",
    url: "https://github.com/bytedance/deer-flow/pull/1221",
    rootText: 'allow_origins=CORS_ORIGINS.split(","),',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

# Comma-separated list of the front ends allowed to call the gateway
CORS_ORIGINS = os.getenv("CORS_ORIGINS", "http://localhost:3000, {{ORIGIN}}")

app = FastAPI(title="gateway")

app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ORIGINS.split(","),
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/PrefectHQ/fastmcp/pull/895 — the CORS middleware given in the app's
    // middleware list with allow_origins only: Starlette's allow_methods default is GET, so the
    // POST's preflight is refused ("Disallowed CORS method"). Root: the Middleware(...) entry.
    name: "heldout4 FastAPI: Middleware(CORSMiddleware, allow_origins=['*']) only, the POST preflight refused",
    url: "https://github.com/PrefectHQ/fastmcp/pull/895",
    rootText: 'Middleware(CORSMiddleware, allow_origins=["*"]),',
    app: `from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

# Define custom middleware
custom_middleware = [
    Middleware(CORSMiddleware, allow_origins=["*"]),
]

app = FastAPI(middleware=custom_middleware)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
];
