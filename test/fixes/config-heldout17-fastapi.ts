/**
 * Issue #23's seventeenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const METADATA: PageRequest = {
  name: "list",
  method: "GET",
  path: "/my_agency/get_metadata",
  headers: {},
  credentials: "include",
  body: null,
};
const COMPLETION: PageRequest = {
  name: "create",
  method: "POST",
  path: "/my_agency/get_response",
  headers: { "content-type": "application/json", authorization: "Bearer app-token" },
  credentials: "include",
  body: '{"message":"hello"}',
};

const STATUS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/status",
  headers: {},
  credentials: "omit",
  body: null,
};
const SKILLS: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/skills",
  headers: { "x-hermes-session-token": "hs_4f1d2c9a7b" },
  credentials: "omit",
  body: null,
};

const PROBLEMS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/problems",
  headers: {},
  credentials: "omit",
  body: null,
};
const SUBMIT: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/submissions",
  headers: { "content-type": "application/json", authorization: "Bearer judge-token" },
  credentials: "omit",
  body: '{"problem_id":1,"language":"python","source":"print(1)"}',
};

export const HELD_OUT17_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/VRSEN/agency-swarm/issues/548 — the framework's FastAPI server adds CORSMiddleware
    // with `allow_origins=["*"]` and `allow_credentials=True`; a browser client that sends its requests
    // with credentials is refused, since without a cookie on the request Starlette answers the wildcard
    // (the origin is reflected only when a cookie comes along) next to Allow-Credentials, which a
    // credentialed request cannot use. The agency's endpoints are written with a stub agent, the web
    // client as the page. Root: the wildcard origin list beside credentials.
    name: "heldout17 FastAPI: allow_origins ['*'] with allow_credentials, the web client's credentialed calls get '*' and are refused",
    url: "https://github.com/VRSEN/agency-swarm/issues/548",
    rootText: 'allow_origins=["*"],',
    app: `from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel


class Message(BaseModel):
    message: str


def make_agency_router(name: str) -> APIRouter:
    router = APIRouter(prefix=f"/{name}")

    @router.get("/get_metadata")
    async def get_metadata():
        return {"agency": name, "agents": ["CEO", "Developer"]}

    @router.post("/get_response")
    async def get_response(request: Message):
        return {"response": f"CEO: received '{request.message}'"}

    return router


def run_fastapi(agencies: list[str]) -> FastAPI:
    app = FastAPI()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for name in agencies:
        app.include_router(make_agency_router(name))
    return app


app = run_fastapi(["my_agency"])
`,
    calls: [METADATA, COMPLETION],
  },
  {
    // https://github.com/NousResearch/hermes-agent/issues/59052 — the web dashboard's API adds its
    // CORSMiddleware (local origins, any port) first and its session-token check afterwards with
    // `@app.middleware("http")`, which makes the check the outer layer: the browser's preflight for a
    // token-gated `/api/*` call carries no `X-Hermes-Session-Token`, gets a bare 401 with no CORS
    // headers, and the call is never sent ("TypeError: Failed to fetch"; curl, sending no preflight, never
    // showed it). The dashboard is the page. Root: the token middleware registered after CORS.
    name: "heldout17 FastAPI: the session-token middleware wraps CORSMiddleware, the dashboard's token-gated preflight answered 401",
    url: "https://github.com/NousResearch/hermes-agent/issues/59052",
    rootText: '@app.middleware("http")',
    app: `import os
import secrets

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

_SESSION_TOKEN = os.environ.get("HERMES_SESSION_TOKEN", "hs_4f1d2c9a7b")
_PUBLIC_API_PATHS = {"/api/status", "/api/config/defaults"}

app = FastAPI(title="Hermes Agent dashboard")

app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"^https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?$",
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.middleware("http")
async def auth_middleware(request: Request, call_next):
    path = request.url.path
    if path.startswith("/api/") and path not in _PUBLIC_API_PATHS:
        token = request.headers.get("x-hermes-session-token", "")
        if not secrets.compare_digest(token, _SESSION_TOKEN):
            return JSONResponse({"detail": "Unauthorized"}, status_code=401)
    return await call_next(request)


@app.get("/api/status")
async def status():
    return {"status": "ok", "version": "0.9.0"}


@app.get("/api/skills")
async def skills():
    return {"skills": [{"name": "web-search", "enabled": True}]}
`,
    calls: [STATUS, SKILLS],
  },
  {
    // https://github.com/Cong-ty-TNNH-Q-Tech/ICTU-AI-JUDGE/issues/154 — the judge's FastAPI backend lists
    // its allowed origins in the code, the React and Vite development servers (localhost:3000 and
    // localhost:5173), so the web front end served from any other address is refused; the issue asks for
    // the list to come from the configuration. The front end is the page. Root: the hardcoded list.
    name: "heldout17 FastAPI: the allowed origins hardcode localhost:3000 and 5173, the front end from another address refused",
    url: "https://github.com/Cong-ty-TNNH-Q-Tech/ICTU-AI-JUDGE/issues/154",
    rootText: 'allow_origins=["http://localhost:3000", "http://localhost:5173"],',
    app: `from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

app = FastAPI(title="ICTU AI Judge API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000", "http://localhost:5173"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class Submission(BaseModel):
    problem_id: int
    language: str
    source: str


api = APIRouter(prefix="/api")


@api.get("/problems")
async def list_problems():
    return [{"id": 1, "title": "A + B"}]


@api.post("/submissions")
async def submit(submission: Submission):
    return {"id": 42, "problem_id": submission.problem_id, "status": "queued"}


app.include_router(api)
`,
    calls: [PROBLEMS, SUBMIT],
  },
];
