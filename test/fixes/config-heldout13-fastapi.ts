/**
 * Issue #23's thirteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const get = (path: string, headers: Record<string, string> = {}): PageRequest => ({
  name: "list",
  method: "GET",
  path,
  headers,
  credentials: "omit",
  body: null,
});

export const HELD_OUT13_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/flathub-infra/backend/pull/115 — "Add cors middleware that allows
    // localhost:3000": the backend app is created and its routes declared with no CORSMiddleware at all,
    // so the website's development front end on another port is refused on every call. Root: the
    // app created without CORS.
    name: "heldout13 FastAPI: the backend declares its routes with no CORSMiddleware, the website refused",
    url: "https://github.com/flathub-infra/backend/pull/115",
    rootText: "app = FastAPI(title=",
    app: `from fastapi import FastAPI

app = FastAPI(title="Flathub backend")

APPS = {
    "org.gnome.Maps": {"name": "Maps", "summary": "Find places around the world"},
    "org.videolan.VLC": {"name": "VLC", "summary": "VLC media player"},
}


@app.get("/list")
def list_appstream():
    return sorted(APPS)


@app.get("/appstream/{appid}")
def get_appstream(appid: str):
    return APPS.get(appid)


@app.get("/summary/{appid}")
def get_summary(appid: str):
    return {"appid": appid, "installed_size": 1024}
`,
    calls: [get("/list"), get("/appstream/org.gnome.Maps")],
  },
  {
    // https://github.com/fastapi/fastapi/issues/457 — "CORS headers on exception handler responses": the
    // app adds CORSMiddleware and an exception handler for unexpected errors; that handler's 500 is
    // produced outside the CORS middleware (Starlette's ServerErrorMiddleware wraps the whole stack),
    // so the error body reaches the page without Allow-Origin and cannot be read (the answer: wrap the
    // app with Starlette's CORSMiddleware). Root: the add_middleware line, inside the error handling.
    name: "heldout13 FastAPI: the catch-all exception handler's 500 is sent outside CORSMiddleware, unreadable",
    url: "https://github.com/fastapi/fastapi/issues/457",
    rootText:
      'app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["*"], allow_headers=["*"])',
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

origins = ["{{ORIGIN}}"]

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["*"], allow_headers=["*"])


@app.exception_handler(Exception)
async def unexpected_error(request: Request, exc: Exception):
    return JSONResponse(status_code=500, content={"detail": "Something went wrong", "error": type(exc).__name__})


@app.get("/api/items")
def items():
    return [{"id": 1}]


@app.get("/api/items/{item_id}/report")
def report(item_id: int):
    raise ValueError(f"no report for {item_id}")
`,
    calls: [get("/api/items"), get("/api/items/7/report")],
  },
  {
    // https://github.com/aw537/orion/issues/75 — "TokenAuthMiddleware blocks CORS preflight (OPTIONS)
    // requests": the middlewares run RateLimitMiddleware → TokenAuthMiddleware → CORSMiddleware, so
    // with ORION_LOCAL_TOKEN set the token check sees the preflight first and answers 401 (a preflight
    // never carries the token). Root: the TokenAuthMiddleware added after CORSMiddleware (Starlette runs
    // the last-added first).
    name: "heldout13 FastAPI: TokenAuthMiddleware runs ahead of CORSMiddleware, the token-less preflight gets 401",
    url: "https://github.com/aw537/orion/issues/75",
    rootText: "app.add_middleware(TokenAuthMiddleware)",
    app: `import os
import time

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse

LOCAL_TOKEN = os.environ.get("ORION_LOCAL_TOKEN", "orion-dev-token")
_AUTH_EXEMPT_PATHS = {"/health", "/docs", "/openapi.json"}


class TokenAuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if LOCAL_TOKEN and request.url.path not in _AUTH_EXEMPT_PATHS:
            if request.headers.get("authorization") != f"Bearer {LOCAL_TOKEN}":
                return JSONResponse({"detail": "invalid or missing token"}, status_code=401)
        return await call_next(request)


class RateLimitMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, per_minute: int = 120):
        super().__init__(app)
        self.per_minute = per_minute
        self.hits: dict[str, list[float]] = {}

    async def dispatch(self, request: Request, call_next):
        key = request.client.host if request.client else "?"
        now = time.monotonic()
        recent = [t for t in self.hits.get(key, []) if now - t < 60]
        if len(recent) >= self.per_minute:
            return JSONResponse({"detail": "rate limited"}, status_code=429)
        self.hits[key] = recent + [now]
        return await call_next(request)


app = FastAPI(title="Orion")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(TokenAuthMiddleware)
app.add_middleware(RateLimitMiddleware)


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/api/missions")
def missions():
    return [{"id": 1, "name": "survey"}]
`,
    calls: [get("/api/missions", { authorization: "Bearer orion-dev-token" })],
  },
];

/**
 * A correct FastAPI app (the set's correct FastAPI configuration): CORSMiddleware with the two front
 * ends, credentials, the methods and headers the page sends; serves itself on $PORT with uvicorn.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT13_FASTAPI_CORRECT = `import os

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}", "{{ORIGIN2}}"],
    allow_credentials=True,
    allow_methods=["GET", "PUT"],
    allow_headers=["Content-Type", "Authorization"],
    max_age=600,
)


@app.get("/api/items")
def items():
    return [{"id": 1}]


@app.put("/api/items/{item_id}")
def update_item(item_id: int):
    return {"id": item_id}


@app.get("/api/me")
def me():
    return {"user": "ada"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]), log_level="warning")
`;
