/**
 * Issue #23's sixteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const PROJECTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/projects",
  headers: {},
  credentials: "include",
  body: null,
};
const MODELS: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/v1/projects/coffee-machine/models",
  headers: {},
  credentials: "include",
  body: null,
};
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.sig";
const COLLECTIONS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/collections",
  headers: {},
  credentials: "omit",
  body: null,
};
const ITEMS: PageRequest = {
  name: "me",
  method: "GET",
  path: "/collections/naip/items",
  headers: { authorization: `Bearer ${TOKEN}` },
  credentials: "omit",
  body: null,
};

const SESSIONS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/airas/v1/sessions",
  headers: {},
  credentials: "include",
  body: null,
};
const RESEARCH: PageRequest = {
  name: "create",
  method: "POST",
  path: "/airas/v1/research",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"topic":"sparse attention"}',
};

export const HELD_OUT16_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/dbinfrago/capella-collab-manager/pull/1843 — "fix: Add CORS Headers to HTTP error
    // 500 responses": internal server errors came back without Access-Control-Allow-Origin, so the front
    // end saw status 0 and treated it as "Backend not reachable"; "there was already handling to add CORS
    // headers, but it didn't add the ALLOW_ORIGIN header". The 500 handler runs outside CORSMiddleware
    // (Starlette's ServerErrorMiddleware), and the helper it calls sets the other CORS headers only.
    // Written with the projects routes and a model lookup that fails. Root: the helper that leaves
    // Allow-Origin out.
    name: "heldout16 FastAPI: the 500 handler's CORS helper sets every header but Allow-Origin, the failing call unreadable",
    url: "https://github.com/dbinfrago/capella-collab-manager/pull/1843",
    rootText: "def add_cors_headers(response: Response) -> Response:",
    app: `import logging

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)

PROJECTS = {"coffee-machine": {"name": "Coffee Machine", "models": None}}

router = APIRouter(prefix="/api/v1/projects")


@router.get("")
def get_projects():
    return [{"slug": slug, "name": p["name"]} for slug, p in PROJECTS.items()]


@router.get("/{project_slug}/models")
def get_models(project_slug: str):
    project = PROJECTS[project_slug]
    return [{"slug": m} for m in project["models"]]


def add_cors_headers(response: Response) -> Response:
    response.headers["Access-Control-Allow-Credentials"] = "true"
    response.headers["Access-Control-Allow-Methods"] = "*"
    response.headers["Access-Control-Allow-Headers"] = "*"
    return response


app = FastAPI(title="Capella Collaboration")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_credentials=True,
    allow_methods=["POST", "GET", "OPTIONS", "DELETE", "PUT", "PATCH"],
    allow_headers=["*"],
)


@app.exception_handler(500)
async def handle_exceptions(request: Request, exc: Exception):
    log.error("Unexpected error on %s", request.url.path, exc_info=exc)
    return add_cors_headers(
        JSONResponse(
            status_code=500,
            content={"detail": {"err_code": "INTERNAL_SERVER_ERROR", "reason": "An internal server error occurred."}},
        )
    )


app.include_router(router)
`,
    calls: [PROJECTS, MODELS],
  },
  {
    // https://github.com/developmentseed/stac-auth-proxy/pull/133 — "feat: handle CORS by default": the
    // auth proxy let OPTIONS through its auth enforcement and forwarded every preflight to the upstream
    // STAC API, "meaning CORS configuration had to live in the upstream API — which was awkward since the
    // proxy is the component introducing authentication requirements"; the upstream's own CORS settings
    // don't allow the Authorization header the proxy requires, so the authenticated calls' preflight is
    // refused (an earlier report: "an OPTIONS pre-flight request seems to return a 400"). The upstream
    // STAC API and the proxy are written as one app, the upstream mounted behind the proxy's auth
    // middleware. Root: the upstream's CORS settings the preflight ends up in.
    name: "heldout16 FastAPI: the auth proxy forwards the preflight to the upstream API, whose CORS settings refuse Authorization (400)",
    url: "https://github.com/developmentseed/stac-auth-proxy/pull/133",
    // Not fixed since the first run (HELDOUT16.md): the preflight is answered by the upstream app
    // mounted at /, whose own CORSMiddleware CORS Lens does not compose with the served app's; it
    // says so and writes nothing.
    expect: "cannot",
    said: "is answered by upstream, mounted at / (line 40), whose own middleware CORS Lens does not read",
    rootText: 'upstream.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"])',
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse

# The upstream STAC API (stac-fastapi), with the CORS settings of its own deployment.
upstream = FastAPI(title="stac-fastapi")
upstream.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"])


@upstream.get("/collections")
def collections():
    return {"collections": [{"id": "naip"}], "links": []}


@upstream.get("/collections/{collection_id}/items")
def items(collection_id: str):
    return {"type": "FeatureCollection", "features": [], "collection": collection_id}


class EnforceAuthMiddleware:
    """stac-auth-proxy: a bearer token for every endpoint that is not public (OPTIONS passes through)."""

    def __init__(self, app, public_endpoints):
        self.app = app
        self.public_endpoints = public_endpoints

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] != "OPTIONS":
            public = scope["method"] in self.public_endpoints.get(scope["path"], [])
            headers = dict(scope["headers"])
            if not public and not headers.get(b"authorization", b"").startswith(b"Bearer "):
                response = JSONResponse({"detail": "Not authenticated"}, status_code=401)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


app = FastAPI(title="STAC Auth Proxy")
app.add_middleware(EnforceAuthMiddleware, public_endpoints={"/collections": ["GET"]})
app.mount("/", upstream)
`,
    calls: [COLLECTIONS, ITEMS],
  },
  {
    // https://github.com/airas-org/airas/pull/840 — "fix: consolidate localhost CORS origins into regex
    // pattern": the API's CORSMiddleware listed the local front end as http://localhost:5173 and
    // http://127.0.0.1:5173 only (beside the production origins in allow_origin_regex), so a front end
    // served on any other local port (another Vite port, the Playwright runner) is refused; the fix
    // removes the hardcoded origins and matches localhost on any port. The front end on its own port is
    // the page. Root: the hardcoded localhost origins.
    name: "heldout16 FastAPI: the allowed origins hardcode localhost:5173, the front end on another local port refused",
    url: "https://github.com/airas-org/airas/pull/840",
    rootText: 'allow_origins=["http://localhost:5173", "http://127.0.0.1:5173"],',
    app: `from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

router = APIRouter(prefix="/airas/v1")


class ResearchRequest(BaseModel):
    topic: str


@router.get("/sessions")
def list_sessions():
    return {"sessions": [{"id": "s-1", "topic": "diffusion models"}]}


@router.post("/research")
def start_research(body: ResearchRequest):
    return {"id": "s-2", "topic": body.topic, "status": "queued"}


app = FastAPI(title="AIRAS API")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173", "http://127.0.0.1:5173"],
    allow_origin_regex=r"https://([a-z0-9-]+\\.)?airas\\.ai",
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.include_router(router)
`,
    calls: [SESSIONS, RESEARCH],
  },
];
