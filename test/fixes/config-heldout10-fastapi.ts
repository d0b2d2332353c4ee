/**
 * Issue #23's tenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

/** A call the front end makes to an item the API fails on (an unhandled error, 500). */
const BROKEN_ITEM: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/items/99",
  headers: {},
  credentials: "omit",
  body: null,
};
const LIST_SETTINGS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/sites/1/settings",
  headers: {},
  credentials: "omit",
  body: null,
};
const PATCH_SETTINGS: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/api/sites/1/settings",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"callback_url":"https://hooks.example.com/x"}',
};

export const HELD_OUT10_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/Empreiteiro/data-talks/pull/237 — the front end (Vite, localhost:5173) was
    // blocked because the backend combined allow_origins=["*"] with allow_credentials=True: the
    // browser refuses a credentialed answer whose Allow-Origin is '*'. Root: the allow_origins line.
    name: "heldout10 FastAPI: allow_origins=['*'] with allow_credentials, the cookie call gets '*'",
    url: "https://github.com/Empreiteiro/data-talks/pull/237",
    rootText: 'allow_origins=["*"],',
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="data talks")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/api/items")
async def list_sources():
    return []


@app.post("/api/items", status_code=201)
async def add_source(item: dict):
    return {"id": 1, **item}


@app.get("/api/me")
async def me():
    return {"user": "ada"}
`,
    calls: [LIST, CREATE, ME],
  },
  {
    // https://github.com/Boavizta/boaviztapi/issues/240 — "when the API raises an error which is not
    // caught, FastAPI doesn't put the CORS header": the unhandled exception is answered 500 by
    // Starlette's error middleware, outside CORSMiddleware, so the page sees a CORS error instead of
    // the 500. Root: the CORSMiddleware registration that does not wrap the error answer.
    name: "heldout10 FastAPI: an unhandled error's 500 is answered outside CORSMiddleware, no Allow-Origin",
    url: "https://github.com/Boavizta/boaviztapi/issues/240",
    rootText: "app.add_middleware(",
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

ITEMS = {1: {"id": 1, "name": "laptop"}}

app = FastAPI(title="impacts api")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.get("/api/items")
async def list_items():
    return list(ITEMS.values())


@app.get("/api/items/{item_id}")
async def get_item(item_id: int):
    return ITEMS[item_id]
`,
    calls: [LIST, BROKEN_ITEM],
  },
  {
    // https://github.com/AutomatosAI/automatos-ai/pull/343 — the project's own WidgetCORSMiddleware
    // answers the preflight with a hard-coded Allow-Methods of GET, POST, PUT, DELETE, OPTIONS: the
    // dashboard's PATCH of the site settings is refused after a 200 preflight ("Failed to fetch").
    // Root: that Allow-Methods line.
    name: "heldout10 FastAPI: a hand-written CORS middleware's Allow-Methods lacks PATCH",
    url: "https://github.com/AutomatosAI/automatos-ai/pull/343",
    rootText: '"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",',
    app: `from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response

WIDGET_PREFIX = "/api/sites/"


class WidgetCORSMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        origin = request.headers.get("origin")
        if not request.url.path.startswith(WIDGET_PREFIX) or not origin:
            return await call_next(request)
        if request.method == "OPTIONS":
            return Response(
                status_code=200,
                headers={
                    "Access-Control-Allow-Origin": origin,
                    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Authorization",
                    "Access-Control-Max-Age": "600",
                    "Vary": "Origin",
                },
            )
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
        return response


app = FastAPI(title="automatos")
app.add_middleware(WidgetCORSMiddleware)


@app.get("/api/sites/{site_id}/settings")
async def get_settings(site_id: int):
    return {"site": site_id, "callback_url": None}


@app.patch("/api/sites/{site_id}/settings")
async def patch_settings(site_id: int, body: dict):
    return {"site": site_id, **body}
`,
    calls: [LIST_SETTINGS, PATCH_SETTINGS],
  },
];
