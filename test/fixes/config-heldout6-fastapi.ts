/**
 * Issue #23's sixth never-seen measure, FastAPI / Starlette (uvicorn app:app): broken apps rebuilt from
 * public reports (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is
 * the page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ROUTES = `

@app.get("/api/items")
async def list_items():
    return []


@app.post("/api/items", status_code=201)
async def create_item(item: dict):
    return {"id": 1}


@app.put("/api/items/{item_id}")
async def update_item(item_id: int, item: dict):
    return {"id": item_id}


@app.get("/api/me")
async def me():
    return {"user": "ada"}
`;

export const HELD_OUT6_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/Kludex/starlette/pull/1113 — allow_origins=["*"] with allow_credentials=True:
    // Starlette answers "*" unless the request carries a cookie, so the page's credentialed call
    // made before any cookie is set gets Allow-Origin "*" with credentials, which the browser
    // refuses. Root: the allow_origins line.
    name: "heldout6 FastAPI: allow_origins ['*'] with allow_credentials, the cookie-less credentialed call gets '*'",
    url: "https://github.com/Kludex/starlette/pull/1113",
    rootText: 'allow_origins=["*"],',
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="accounts")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE, ME],
  },
  {
    // https://github.com/fastapi/fastapi/issues/5818 — TrustedHostMiddleware given "host:port"
    // entries (and added last, so it runs first): the API called on 127.0.0.1 gets "Invalid host
    // header" (400) before CORSMiddleware, the preflight included. Root: the allowed_hosts line.
    name: "heldout6 FastAPI: TrustedHostMiddleware (outermost) refuses the API's host, the preflight 400",
    url: "https://github.com/fastapi/fastapi/issues/5818",
    rootText: 'allowed_hosts=os.environ.get("ALLOWED_HOSTS", "api.example.com,localhost:8000").split(","),',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=[os.environ.get("FRONTEND_URL", "{{ORIGIN}}")],
    allow_methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Content-Type", "X-Api-Key"],
)
app.add_middleware(
    TrustedHostMiddleware,
    allowed_hosts=os.environ.get("ALLOWED_HOSTS", "api.example.com,localhost:8000").split(","),
)
${ROUTES}`,
    calls: [LIST, CREATE, UPDATE],
  },
  {
    // https://github.com/Unstructured-IO/unstructured-api/pull/108 — the allowed origins come in as one
    // comma-separated environment string and need splitting into a list; here the string is put in a
    // list as is, so the only allowed "origin" is the whole string and no page matches it. Root: the
    // allow_origins line.
    name: "heldout6 FastAPI: the comma-separated ALLOWED_ORIGINS string put in a list unsplit",
    url: "https://github.com/Unstructured-IO/unstructured-api/pull/108",
    rootText: 'allow_origins=[os.environ.get("ALLOWED_ORIGINS", "https://app.example.com,{{ORIGIN}}")],',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="general")

app.add_middleware(
    CORSMiddleware,
    allow_origins=[os.environ.get("ALLOWED_ORIGINS", "https://app.example.com,{{ORIGIN}}")],
    allow_methods=["GET", "POST"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
];
