/**
 * Issue #23's twentieth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const PING: PageRequest = {
  name: "list",
  method: "GET",
  path: "/ping",
  headers: {},
  credentials: "omit",
  body: null,
};
const UPLOAD: PageRequest = {
  name: "create",
  method: "POST",
  path: "/_upload",
  headers: {
    "reflex-client-token": "c0ffee",
    "reflex-event-handler": "state.upload",
    "content-type": "text/plain",
  },
  credentials: "omit",
  body: "report.pdf",
};

const HEALTH: PageRequest = {
  name: "list",
  method: "GET",
  path: "/health",
  headers: {},
  credentials: "omit",
  body: null,
};
const EXCEPTION: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/exception",
  headers: {},
  credentials: "omit",
  body: null,
};

const SONG: PageRequest = {
  name: "create",
  method: "POST",
  path: "/generate-love-song?character_first=Elizabeth&character_second=Darcy",
  headers: { "content-type": "application/json" },
  credentials: "include",
  body: '{"context":"Pride and Prejudice"}',
};
const ROOT: PageRequest = {
  name: "list",
  method: "GET",
  path: "/",
  headers: {},
  credentials: "include",
  body: null,
};

const PROJECTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/projects",
  headers: {},
  credentials: "omit",
  body: null,
};
const TRANSFORM: PageRequest = {
  name: "update",
  method: "POST",
  path: "/projects/1/transform",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"operation":"filter","column":"age","value":30}',
};

export const HELD_OUT20_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/reflex-dev/reflex/issues/6066 — "cannot specify REFLEX_CORS_ALLOWED_ORIGINS as an
    // envvar": the framework's environment parser splits every sequence setting on the path separator, a
    // colon on POSIX, so an origin given in REFLEX_CORS_ALLOWED_ORIGINS becomes ['http', '//localhost',
    // '3000'] and the backend's CORS middleware allows none of the real origins. The backend (a FastAPI app)
    // is written with the parser and the config field it fills, the deployment's variable as the default,
    // its ping and upload endpoints as stubs, the front end as the page. Root: the parser's split on
    // os.pathsep.
    name: "heldout20 FastAPI: the env parser splits the CORS origins on ':', the front end's ping and upload refused",
    url: "https://github.com/reflex-dev/reflex/issues/6066",
    rootText: "return [item for item in value.split(os.pathsep) if item]",
    app: `import collections.abc
import os
from typing import Sequence, get_origin

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware


# reflex/environment.py
def interpret_env_var_value(value: str, field_type: type):
    if get_origin(field_type) in (list, tuple, collections.abc.Sequence):
        return [item for item in value.split(os.pathsep) if item]
    return value


# rxconfig / reflex/config.py
class Config:
    app_name = "dashboard"
    cors_allowed_origins: Sequence[str] = ["*"]

    def __init__(self):
        env = os.environ.get("REFLEX_CORS_ALLOWED_ORIGINS", "{{ORIGIN}}")
        if env:
            self.cors_allowed_origins = interpret_env_var_value(env, Sequence[str])


config = Config()

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
    allow_origins=config.cors_allowed_origins,
)


@app.get("/ping")
async def ping():
    return "pong"


@app.post("/_upload")
async def upload(request: Request):
    data = await request.body()
    return {"received": len(data)}
`,
    calls: [PING, UPLOAD],
  },
  {
    // https://github.com/timothy-jeong/fastapi-cors-test — "FastAPI CORSMiddleware behaves differently when
    // handling exceptions": the author's app adds CORSMiddleware and a global exception handler, and finds
    // the expected CORS headers missing when an endpoint raises: the handler for Exception runs in
    // Starlette's outermost error middleware, outside CORSMiddleware, so the 500 reaches the browser without
    // Access-Control-Allow-Origin and the client cannot read the error (the repository's fix is a CORS
    // middleware of its own). The app is written with its health endpoint and the raising endpoint, the
    // client on another origin as the page. Root: the catch-all exception handler.
    name: "heldout20 FastAPI: the catch-all exception handler's 500 leaves outside CORSMiddleware, the error unreadable",
    url: "https://github.com/timothy-jeong/fastapi-cors-test",
    rootText: "@app.exception_handler(Exception)",
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


@app.exception_handler(Exception)
async def global_exception_handler(request: Request, exc: Exception):
    return JSONResponse(status_code=500, content={"detail": "Internal Server Error", "error": str(exc)})


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/exception")
async def raise_exception():
    raise Exception("Something went wrong")
`,
    calls: [HEALTH, EXCEPTION],
  },
  {
    // https://github.com/amirgamil/sweetseranade/pull/39 — "fix(server): Fix Cors (delete trailing slash)":
    // the love-song generator's FastAPI server lists its front end's origin with a trailing slash (and,
    // beside it, patterns written as `…/*` and `http://localhost:*`, which CORSMiddleware compares as plain
    // strings), so the deployed front end's calls are refused; the PR deletes the slash. The song endpoints
    // are written as stubs (no OpenAI call), the deployed front end as the page. Root: the front end's
    // origin listed with a trailing slash.
    name: "heldout20 FastAPI: the front end's origin is listed with a trailing slash, its song requests refused",
    url: "https://github.com/amirgamil/sweetseranade/pull/39",
    rootText: '"{{ORIGIN}}/",',
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

app = FastAPI()

origins = [
    "{{ORIGIN}}/",
    "{{ORIGIN}}/*",
    "http://localhost:3000",
    "http://localhost:*",
]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class CompletionRequestBody(BaseModel):
    context: str


@app.get("/")
def root():
    return {"hello": "world"}


@app.post("/generate-love-song")
def generate_love_song_completion(character_first: str, character_second: str, body: CompletionRequestBody):
    return {"completion": f"A song for {character_first} and {character_second}"}
`,
    calls: [ROOT, SONG],
  },
  {
    // https://github.com/c2siorg/dataloom/issues/195 — "CORS rejects the frontend when Vite falls back off
    // port 3200": the backend's cors_origins default is the single origin http://localhost:3200 and it goes
    // straight into CORSMiddleware, while Vite, without strictPort, quietly serves the front end on another
    // port when 3200 is taken, and every API call from there is refused. The settings are written as the
    // pydantic-settings class they amount to (os.environ), the project routes as stubs, the front end on its
    // fallback port as the page. Root: the origin list holding only port 3200.
    name: "heldout20 FastAPI: cors_origins holds only the front end's usual port, the fallback port's calls refused",
    url: "https://github.com/c2siorg/dataloom/issues/195",
    rootText: 'cors_origins: list = ["http://localhost:3200"]',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel


# app/config.py
class Settings:
    database_url: str = os.environ.get("DATABASE_URL", "postgresql://localhost/dataloom")
    cors_origins: list = ["http://localhost:3200"]


settings = Settings()

app = FastAPI(title="DataLoom")
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class Transform(BaseModel):
    operation: str
    column: str
    value: int


@app.get("/projects")
def list_projects():
    return [{"id": 1, "name": "titanic.csv"}]


@app.post("/projects/{project_id}/transform")
def transform(project_id: int, body: Transform):
    return {"project_id": project_id, "applied": body.operation}
`,
    calls: [PROJECTS, TRANSFORM],
  },
];

/**
 * A correct FastAPI app: the API on an APIRouter with the /api prefix, CORSMiddleware added once with the
 * two front ends, credentials, the page's methods and headers; serves itself on $PORT.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT20_FASTAPI_CORRECT = `import os

import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

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


app = FastAPI()
app.include_router(api)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}", "{{ORIGIN2}}"],
    allow_credentials=True,
    allow_methods=["GET", "PUT"],
    allow_headers=["Content-Type", "Authorization"],
    max_age=600,
)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]))
`;
