/**
 * Issue #23's fourteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

/** An HS256 token for admin@example.com (secret "dev-secret"), as the front end sends it. */
const ADMIN_JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlbWFpbCI6ImFkbWluQGV4YW1wbGUuY29tIn0.0M0D8RfYuSeMZXkjcerKl8wZE-KXdmlWdkqv8qu6FMU";

const CLUSTER: PageRequest = {
  name: "list",
  method: "GET",
  path: "/libreapi/base/cluster",
  headers: {},
  credentials: "omit",
  body: null,
};
const UPDATE_CLUSTER: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/libreapi/base/cluster",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"defaultCluster","members":["sbc1"]}',
};
const ITEMS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/items",
  headers: { authorization: `Bearer ${ADMIN_JWT}` },
  credentials: "include",
  body: null,
};

export const HELD_OUT14_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/hnimminh/libresbc/issues/43 — "[Feature Request] API Requests": a web interface
    // on another origin sends PUT requests to the LibreSBC API, which has no CORS set up at all; the
    // browser's preflight is refused by FastAPI with `{"detail":"Method Not Allowed"}` and the call
    // fails (the maintainer then adds CORS support). Root: the app created without CORS.
    name: "heldout14 FastAPI: the LibreSBC API has no CORS, the web UI's PUT preflight answered 405",
    url: "https://github.com/hnimminh/libresbc/issues/43",
    rootText: "app = FastAPI(title='LibreSBC LIBRE API'",
    app: `from typing import List

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

__version__ = "0.5.0"

librerouter = APIRouter()

CLUSTER = {"name": "defaultCluster", "members": ["sbc1"]}


class ClusterModel(BaseModel):
    name: str = Field(regex=r"^[a-zA-Z][a-zA-Z0-9_]+$", max_length=32)
    members: List[str] = Field(min_items=1, max_items=16)


@librerouter.get("/libreapi/base/cluster", status_code=200)
def get_cluster():
    return CLUSTER


@librerouter.put("/libreapi/base/cluster", status_code=200)
def update_cluster(reqbody: ClusterModel):
    CLUSTER.update(reqbody.dict())
    return {"passed": True}


app = FastAPI(title='LibreSBC LIBRE API', version=__version__)
app.include_router(librerouter)
`,
    calls: [CLUSTER, UPDATE_CLUSTER],
  },
  {
    // https://github.com/pycasbin/fastapi-authz/issues/15 — "Encounterd with preflight request failure
    // when using fastapi-authz with axios": the app adds CORSMiddleware first, then CasbinMiddleware and
    // AuthenticationMiddleware; Starlette runs the last-added first, so the preflight (no Authorization)
    // becomes an anonymous user whom the Casbin enforcer refuses (403) before CORSMiddleware can answer.
    // fastapi-authz and casbin are not installed here: a small middleware with their behaviour (the
    // enforcer's policy as a list of (subject, path, method) rules) stands in for them; python-jose is
    // written as PyJWT. Root: the Casbin middleware added after CORSMiddleware.
    name: "heldout14 FastAPI: the Casbin and auth middlewares run ahead of CORSMiddleware, the preflight gets 403",
    url: "https://github.com/pycasbin/fastapi-authz/issues/15",
    rootText: "app.add_middleware(CasbinMiddleware, enforcer=enforcer)",
    app: `import fnmatch

import jwt
from fastapi import FastAPI, HTTPException, status
from fastapi.middleware.cors import CORSMiddleware
from starlette.authentication import AuthCredentials, AuthenticationBackend, SimpleUser
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.responses import JSONResponse

SECRET_KEY = "dev-secret"


class JWTAuth(AuthenticationBackend):
    async def authenticate(self, request):
        if "Authorization" not in request.headers:
            return None

        if "Authorization" in request.headers and not request.headers["Authorization"].startswith("Bearer"):
            return None

        auth = request.headers["Authorization"]
        try:
            scheme, token = auth.split()
            payload = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
            email = payload["email"]
        except (jwt.PyJWTError, ValueError, KeyError):
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Cannot validate credential")

        return AuthCredentials(["authenticated"]), SimpleUser(email)


class Enforcer:
    """Stands in for casbin.Enforcer over the model's policy file."""

    def __init__(self, policy):
        self.policy = policy

    def enforce(self, sub, obj, act):
        return any(sub == p[0] and fnmatch.fnmatch(obj, p[1]) and act == p[2] for p in self.policy)


class CasbinMiddleware:
    """Stands in for fastapi_authz.CasbinMiddleware: anonymous unless authenticated, then enforced."""

    def __init__(self, app, enforcer):
        self.app = app
        self.enforcer = enforcer

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        user = scope.get("user")
        sub = user.display_name if user is not None and user.is_authenticated else "anonymous"
        if not self.enforcer.enforce(sub, scope["path"], scope["method"]):
            response = JSONResponse({"message": "Forbidden"}, status_code=403)
            return await response(scope, receive, send)
        await self.app(scope, receive, send)


enforcer = Enforcer([
    ("admin@example.com", "/api/v1/*", "GET"),
    ("admin@example.com", "/api/v1/*", "POST"),
])

app = FastAPI(title="rbac demo")

app.add_middleware(CORSMiddleware,
        allow_origins=["{{ORIGIN}}"],
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
app.add_middleware(CasbinMiddleware, enforcer=enforcer)
app.add_middleware(AuthenticationMiddleware, backend=JWTAuth())


@app.get("/api/v1/items")
async def items():
    return [{"id": 1, "name": "widget"}]
`,
    calls: [ITEMS],
  },
];
