/**
 * Issue #23's eleventh never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const PUT_ITEM: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"b"}',
};
/** A call for an item the API fails on. */
const MISSING_ITEM: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/items/99",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT11_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/lightspeed-core/lightspeed-stack/pull/1080 — a review catches that
    // CORSMiddleware is given `allow_methods=cors.allow_headers`: the allowed methods become the
    // header names (Authorization, Content-Type), so every preflighted call's method is refused.
    // Root: that allow_methods line.
    name: "heldout11 FastAPI: allow_methods is given the allowed headers list, the PUT's preflight refused",
    url: "https://github.com/lightspeed-core/lightspeed-stack/pull/1080",
    rootText: "allow_methods=cors.allow_headers,",
    app: `from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


@dataclass
class CORSConfiguration:
    allow_origins: list = field(default_factory=lambda: ["{{ORIGIN}}"])
    allow_credentials: bool = False
    allow_methods: list = field(default_factory=lambda: ["GET", "POST", "PUT", "DELETE"])
    allow_headers: list = field(default_factory=lambda: ["Authorization", "Content-Type"])


cors = CORSConfiguration()

app = FastAPI(title="lightspeed")
app.add_middleware(
    CORSMiddleware,
    allow_origins=cors.allow_origins,
    allow_credentials=cors.allow_credentials,
    allow_methods=cors.allow_headers,
    allow_headers=cors.allow_headers,
)


@app.get("/api/items")
async def list_items():
    return [{"id": 1}]


@app.put("/api/items/{item_id}")
async def update_item(item_id: int, body: dict):
    return {"id": item_id, **body}
`,
    calls: [LIST, PUT_ITEM],
  },
  {
    // https://github.com/emcie-co/parlant/pull/722 — "exception handler responses weren't getting CORS
    // headers": the handler for the domain's not-found error raises HTTPException instead of returning
    // a response; an exception raised inside a handler escapes to Starlette's outermost error
    // middleware, whose 500 has no Allow-Origin. Root: the raise in the handler.
    name: "heldout11 FastAPI: an exception handler raises HTTPException, the error escapes CORS as a 500",
    url: "https://github.com/emcie-co/parlant/pull/722",
    rootText: "raise HTTPException(status_code=404, detail=str(exc))",
    app: `from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware

ITEMS = {1: {"id": 1, "name": "agent"}}


class ItemNotFoundError(Exception):
    pass


app = FastAPI(title="parlant")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(ItemNotFoundError)
async def item_not_found_handler(request: Request, exc: ItemNotFoundError):
    raise HTTPException(status_code=404, detail=str(exc))


@app.get("/api/items")
async def list_items():
    return list(ITEMS.values())


@app.get("/api/items/{item_id}")
async def get_item(item_id: int):
    if item_id not in ITEMS:
        raise ItemNotFoundError(f"item {item_id} not found")
    return ITEMS[item_id]
`,
    calls: [LIST, MISSING_ITEM],
  },
  {
    // https://github.com/dropbox/aana_sdk/pull/242 — "CORS middleware and custom exception handlers
    // don't work well together": the app's catch-all handler for Exception turns errors into JSON, but
    // a handler for Exception runs in Starlette's outermost error middleware, outside CORSMiddleware,
    // so those JSON errors reach the page without Allow-Origin. Root: the catch-all handler's
    // registration.
    name: "heldout11 FastAPI: a catch-all exception_handler(Exception) answers outside CORSMiddleware",
    url: "https://github.com/dropbox/aana_sdk/pull/242",
    rootText: "@app.exception_handler(Exception)",
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

ITEMS = {1: {"id": 1, "model": "whisper"}}

app = FastAPI(title="aana")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(Exception)
async def custom_exception_handler(request: Request, exc: Exception):
    return JSONResponse(
        status_code=500,
        content={"error": type(exc).__name__, "message": str(exc)},
    )


@app.get("/api/items")
async def list_items():
    return list(ITEMS.values())


@app.get("/api/items/{item_id}")
async def get_item(item_id: int):
    return ITEMS[item_id]
`,
    calls: [LIST, MISSING_ITEM],
  },
];
