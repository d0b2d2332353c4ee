/**
 * Issue #23's eighteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const DEPTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/sys/depts",
  headers: {},
  credentials: "include",
  body: null,
};
const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/sys/users/me",
  headers: {},
  credentials: "include",
  body: null,
};

const HEALTH: PageRequest = {
  name: "list",
  method: "GET",
  path: "/health",
  headers: {},
  credentials: "omit",
  body: null,
};
const PROFILE: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/profile",
  headers: { authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.sig" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT18_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/fastapi-practices/fastapi-best-architecture/pull/789 ("Update the handling of CORS
    // 500 status code", after #167 "Fix CORS 500 status code exception"): the project registers
    // CORSMiddleware for its front end with credentials and a catch-all exception handler for `Exception`;
    // Starlette hands that handler to its outermost ServerErrorMiddleware, outside CORSMiddleware, so the
    // 500 it answers for an unhandled error carries no Access-Control-Allow-Origin and the front end
    // cannot read the error (a CORS error instead of the message). The settings are written inline, one
    // endpoint failing as a bug would. Root: the exception handler registered for Exception.
    name: "heldout18 FastAPI: the catch-all Exception handler answers the 500 outside CORSMiddleware, the front end's error unreadable",
    url: "https://github.com/fastapi-practices/fastapi-best-architecture/pull/789",
    rootText: "@app.exception_handler(Exception)",
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

CORS_ALLOWED_ORIGINS = ["{{ORIGIN}}"]

app = FastAPI(title="FastAPI Best Architecture")

app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(Exception)
async def all_unknown_exception_handler(request: Request, exc: Exception):
    return JSONResponse(status_code=500, content={"code": 500, "msg": "Internal Server Error", "data": None})


@app.get("/api/v1/sys/depts")
async def get_all_depts():
    return {"code": 200, "msg": "Success", "data": [{"id": 1, "name": "test"}]}


@app.get("/api/v1/sys/users/me")
async def get_current_user():
    user = {"id": 1, "username": "admin"}
    return {"code": 200, "msg": "Success", "data": {**user, "dept": user["dept"]["name"]}}
`,
    calls: [DEPTS, ME],
  },
  {
    // https://github.com/waza-ari/fastapi-keycloak-middleware/issues/79 — "Middleware blocks OPTIONS
    // requests": the API is protected by the Keycloak authentication middleware, which looks for the
    // Authorization header on every request, the browser's preflight included (a preflight never carries
    // it), and answers 401; the middleware is added after CORSMiddleware, so in Starlette's order it runs
    // first and CORSMiddleware never sees the preflight (the maintainer points at the order). The library
    // is not installed here: its middleware is written as the ASGI class it amounts to, checking for a
    // bearer token. The SPA is the page. Root: the authentication middleware added last, outside CORS.
    name: "heldout18 FastAPI: the Keycloak middleware added after CORSMiddleware answers the preflight 401",
    url: "https://github.com/waza-ari/fastapi-keycloak-middleware/issues/79",
    rootText:
      'app.add_middleware(KeycloakMiddleware, keycloak_configuration=keycloak_config, exclude_patterns=["/health"])',
    app: `import re

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse

keycloak_config = {
    "url": "https://sso.example.com/",
    "realm": "apps",
    "client_id": "profile-api",
}


class KeycloakMiddleware:
    """fastapi_keycloak_middleware.KeycloakMiddleware: every request needs a bearer token."""

    def __init__(self, app, keycloak_configuration, exclude_patterns=None):
        self.app = app
        self.config = keycloak_configuration
        self.exclude = [re.compile(p) for p in exclude_patterns or []]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or any(p.match(scope["path"]) for p in self.exclude):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        auth = headers.get(b"authorization", b"").decode()
        if not auth.startswith("Bearer "):
            response = JSONResponse({"detail": "Your request is missing an 'Authorization' HTTP header"}, status_code=401)
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["user"] = {"sub": "u1", "preferred_username": "ada"}
        await self.app(scope, receive, send)


app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(KeycloakMiddleware, keycloak_configuration=keycloak_config, exclude_patterns=["/health"])


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/api/profile")
async def profile():
    return {"username": "ada", "roles": ["user"]}
`,
    calls: [HEALTH, PROFILE],
  },
];

/**
 * A correct FastAPI app: CORSMiddleware given in FastAPI's `middleware` list (outermost), the two front
 * ends, credentials, the methods and headers the page sends, the API under an APIRouter at /api; serves
 * itself on $PORT with uvicorn. {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT18_FASTAPI_CORRECT = `import os

import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.middleware import Middleware
from fastapi.middleware.cors import CORSMiddleware

FRONT_ENDS = ["{{ORIGIN}}", "{{ORIGIN2}}"]

api = APIRouter(prefix="/api")


@api.get("/items")
def list_items():
    return [{"id": 1}]


@api.put("/items/{item_id}")
def update_item(item_id: int):
    return {"id": item_id}


@api.get("/me")
def me():
    return {"user": "ada"}


app = FastAPI(
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origins=FRONT_ENDS,
            allow_credentials=True,
            allow_methods=["GET", "PUT"],
            allow_headers=["Content-Type", "Authorization"],
            max_age=600,
        )
    ]
)
app.include_router(api)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]), log_level="warning")
`;
