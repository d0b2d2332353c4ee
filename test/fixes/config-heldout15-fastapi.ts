/**
 * Issue #23's fifteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const AGENTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/platform/agents",
  headers: {},
  credentials: "include",
  body: null,
};
const DEPLOY: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/v1/platform/deployments",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"agent":"orchestrator"}',
};
const PROJECTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/projects",
  headers: {},
  credentials: "omit",
  body: null,
};
const MISSING_PROJECT: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/v1/projects/3f1c9a40-0000-4000-8000-000000000000",
  headers: {},
  credentials: "omit",
  body: null,
};

const LOGIN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/v1/auth/access-token",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  credentials: "include",
  body: "username=partner%40example.org&password=secret",
};
const CURRENT_USER: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/users/current",
  headers: {},
  credentials: "include",
  body: null,
};

export const HELD_OUT15_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/SolaceLabs/solace-agent-mesh/pull/760 — "feat: add cors_allowed_origin_regex config
    // for Platform Service": the Platform Service takes its CORS origins from its configuration, a list
    // of localhost:3000-style entries, and "when using minikube service or other tools that assign random
    // ports, CORS fails because the origin (e.g. http://localhost:52341) is not in the allowed origins
    // list". Written with the component's config defaults and getter; the page runs on its own random
    // port. Root: the configured origin list.
    name: "heldout15 FastAPI: the Platform Service's configured origins list localhost:3000, the page's random port refused",
    url: "https://github.com/SolaceLabs/solace-agent-mesh/pull/760",
    // Not fixed since the first run (HELDOUT15.md): the origins come from an instance's merged config
    // dict and a method's return, which CORS Lens does not evaluate; it says so and writes nothing.
    expect: "cannot",
    said: "is computed by code CORS Lens does not evaluate",
    rootText: '"cors_allowed_origins": ["http://localhost:3000", "http://127.0.0.1:3000"],',
    app: `from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

# app.py: the component's configuration schema defaults
DEFAULT_CONFIG = {
    "frontend_url": "http://localhost:3000",
    "cors_allowed_origins": ["http://localhost:3000", "http://127.0.0.1:3000"],
    "platform_api_prefix": "/api/v1/platform",
}


class PlatformServiceComponent:
    """component.py: holds the service configuration."""

    def __init__(self, config=None):
        self.config = {**DEFAULT_CONFIG, **(config or {})}

    def get_cors_allowed_origins(self):
        return self.config.get("cors_allowed_origins", [])

    def get_api_prefix(self):
        return self.config["platform_api_prefix"]


class Deployment(BaseModel):
    agent: str


component = PlatformServiceComponent()
router = APIRouter(prefix=component.get_api_prefix())


@router.get("/agents")
def list_agents():
    return [{"name": "orchestrator", "status": "running"}]


@router.post("/deployments", status_code=201)
def deploy(body: Deployment):
    return {"agent": body.agent, "status": "queued"}


# api/main.py
app = FastAPI(title="Platform Service")
app.add_middleware(
    CORSMiddleware,
    allow_origins=component.get_cors_allowed_origins(),
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.include_router(router)
`,
    calls: [AGENTS, DEPLOY],
  },
  {
    // https://github.com/open-edge-platform/geti-instant-learn/pull/498 — "Fix display of custom
    // exceptions": the backend maps its domain errors (not found, conflict, invalid) to JSON answers
    // with one handler registered for Exception, and "the body of the error responses couldn't be read
    // because of missing CORS headers": Starlette runs an Exception handler in its outermost
    // ServerErrorMiddleware, outside CORSMiddleware, so those answers never get the CORS headers (the
    // fix wraps the app in Starlette's CORSMiddleware). Written with the project endpoints and two
    // domain errors. Root: the handler registered for Exception.
    name: "heldout15 FastAPI: the domain-error handler is registered for Exception, its 404 answers skip CORSMiddleware",
    url: "https://github.com/open-edge-platform/geti-instant-learn/pull/498",
    rootText: "app.add_exception_handler(Exception, custom_exception_handler)",
    app: `import logging

from fastapi import APIRouter, FastAPI, Request, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

logger = logging.getLogger(__name__)


class ResourceNotFoundError(Exception):
    pass


class ResourceAlreadyExistsError(Exception):
    pass


def custom_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    """Centralized exception handler: domain exceptions to HTTP status codes."""
    if isinstance(exc, ResourceNotFoundError):
        message = str(exc) if str(exc) else "The requested resource was not found."
        return JSONResponse(status_code=status.HTTP_404_NOT_FOUND, content={"detail": message})
    if isinstance(exc, ResourceAlreadyExistsError):
        message = str(exc) if str(exc) else "A conflict occurred with the current state of the resource."
        return JSONResponse(status_code=status.HTTP_409_CONFLICT, content={"detail": message})
    if isinstance(exc, (ValueError, IndexError)):
        return JSONResponse(status_code=status.HTTP_400_BAD_REQUEST, content={"detail": str(exc)})
    logger.error("Internal error for %s %s", request.method, request.url.path, exc_info=exc)
    message = "An internal server error occurred. Please try again later or contact support for assistance."
    return JSONResponse(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, content={"detail": message})


PROJECTS = {"0b7e3c52-0000-4000-8000-000000000001": {"name": "parts-inspection"}}

projects_router = APIRouter(prefix="/api/v1/projects", tags=["Projects"])


@projects_router.get("")
def list_projects():
    return [{"id": k, **v} for k, v in PROJECTS.items()]


@projects_router.get("/{project_id}")
def get_project(project_id: str):
    if project_id not in PROJECTS:
        raise ResourceNotFoundError(f"Project with ID {project_id} not found.")
    return {"id": project_id, **PROJECTS[project_id]}


def create_app() -> FastAPI:
    app = FastAPI(title="Geti Instant Learn")
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["http://localhost:3000", "{{ORIGIN}}"],
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_exception_handler(Exception, custom_exception_handler)
    app.include_router(projects_router)
    return app


app = create_app()
`,
    calls: [PROJECTS, MISSING_PROJECT],
  },
  {
    // https://github.com/gdslab/data-to-science/pull/361 — "Allow configurable CORS origins for
    // credentialed cross-origin access": "Today the API hardcodes Access-Control-Allow-Origin: * with
    // GET-only methods and no credentials, which browsers reject for cookie-bearing requests", so a
    // partner web app cannot log in cross-origin: its login POST and the cookie calls after it are
    // refused. Written with the login form (read from the raw body) and the current-user route. Root:
    // the wildcard CORSMiddleware.
    name: "heldout15 FastAPI: CORSMiddleware with allow_origins ['*'] and GET only, the partner app's cookie login refused",
    url: "https://github.com/gdslab/data-to-science/pull/361",
    // Refused on purpose since the first run (HELDOUT15.md): credentials with allow_origins=["*"] would
    // let every site read the user's data. Asserted: exit 1, these words, no file written.
    expect: "cannot",
    said: "would let every site read the user's data",
    rootText: 'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])',
    app: `from urllib.parse import parse_qs

from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from fastapi.middleware.cors import CORSMiddleware

API_V1_STR = "/api/v1"
USERS = {"partner@example.org": {"id": 7, "email": "partner@example.org", "first_name": "Geo"}}

api_router = APIRouter()


@api_router.post("/auth/access-token")
async def login_access_token(request: Request, response: Response):
    form = parse_qs((await request.body()).decode())
    username = form.get("username", [""])[0]
    if username not in USERS:
        raise HTTPException(status_code=400, detail="Incorrect email or password")
    response.set_cookie("access_token", "token-for-" + username, httponly=True, samesite="none", secure=True)
    return {"access_token": "token-for-" + username, "token_type": "bearer"}


@api_router.get("/users/current")
def read_user_current():
    return USERS["partner@example.org"]


app = FastAPI(title="Data to Science", openapi_url=f"{API_V1_STR}/openapi.json")
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])
app.include_router(api_router, prefix=API_V1_STR)
`,
    calls: [LOGIN, CURRENT_USER],
  },
];
