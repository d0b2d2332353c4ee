/**
 * Issue #23's nineteenth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const BEARER = { authorization: "Bearer omlx-local-key" };

const MODELS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/v1/models",
  headers: BEARER,
  credentials: "omit",
  body: null,
};
const COMPLETION: PageRequest = {
  name: "create",
  method: "POST",
  path: "/v1/chat/completions",
  headers: { ...BEARER, "content-type": "application/json" },
  credentials: "omit",
  body: '{"model":"qwen3-8b","messages":[{"role":"user","content":"hi"}]}',
};

const APPSTREAM: PageRequest = {
  name: "list",
  method: "GET",
  path: "/appstream",
  headers: {},
  credentials: "omit",
  body: null,
};
const APPSTREAM_APP: PageRequest = {
  name: "me",
  method: "GET",
  path: "/appstream/org.gnome.Calculator",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT19_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/jundot/omlx/issues/17 — "`cors_origins` server config is defined but never applied
    // as middleware": the server's configuration has a `cors_origins` field defaulting to `["*"]`, but no
    // CORSMiddleware is ever added to the FastAPI app, so a browser front end (Open WebUI in the report)
    // calling the API with its bearer key gets a 405 on every preflight and no Access-Control headers. The
    // configuration is written as the dataclass it is, the endpoints as stubs, the web UI as the page. Root:
    // the app created without the middleware its configuration describes.
    name: "heldout19 FastAPI: the cors_origins setting is never applied, the web UI's bearer-key calls refused at the preflight",
    url: "https://github.com/jundot/omlx/issues/17",
    rootText: 'app = FastAPI(title="oMLX", version=config.version)',
    app: `from dataclasses import dataclass, field
from typing import List

from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel


@dataclass
class ServerConfig:
    version: str = "0.1.0"
    host: str = "127.0.0.1"
    port: int = 12348
    api_key: str = "omlx-local-key"
    cors_origins: List[str] = field(default_factory=lambda: ["*"])


config = ServerConfig()

app = FastAPI(title="oMLX", version=config.version)


class ChatRequest(BaseModel):
    model: str
    messages: list


def check_key(authorization: str) -> None:
    if authorization != f"Bearer {config.api_key}":
        raise HTTPException(status_code=401, detail="invalid API key")


@app.get("/v1/models")
async def list_models(authorization: str = Header("")):
    check_key(authorization)
    return {"object": "list", "data": [{"id": "qwen3-8b", "object": "model"}]}


@app.post("/v1/chat/completions")
async def chat_completions(body: ChatRequest, authorization: str = Header("")):
    check_key(authorization)
    return {"object": "chat.completion", "model": body.model, "choices": []}
`,
    calls: [MODELS, COMPLETION],
  },
  {
    // https://github.com/flathub-infra/website/issues/2179 — "Allow all origins for appstream CORS
    // requests": querying /api/v2/appstream or /api/v2/appstream/<app id> from JavaScript on another site is
    // refused, because the backend's CORSMiddleware only lets in the website's own origins; the reporter
    // asks for `*` on those public routes (a separate middleware for a sub-application). The backend's
    // settings are written with os.environ for its settings class, the appstream routes as stubs, a third
    // party's page as the page. Root: the origin list holding the website's own origins only.
    name: "heldout19 FastAPI: the CORS origins are the website's own, another site's appstream reads refused",
    url: "https://github.com/flathub-infra/website/issues/2179",
    rootText:
      'cors_origins = os.environ.get("CORS_ORIGINS", "https://flathub.org,https://beta.flathub.org,http://localhost:3000").split(",")',
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


class Settings:
    cors_origins = os.environ.get("CORS_ORIGINS", "https://flathub.org,https://beta.flathub.org,http://localhost:3000").split(",")
    sentry_dsn = os.environ.get("SENTRY_DSN")


settings = Settings()

app = FastAPI(title="Flathub API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

APPSTREAM = {
    "org.gnome.Calculator": {"id": "org.gnome.Calculator", "name": "Calculator", "summary": "Perform arithmetic"},
}


@app.get("/appstream")
def list_appstream():
    return sorted(APPSTREAM)


@app.get("/appstream/{app_id}")
def get_appstream(app_id: str):
    return APPSTREAM.get(app_id)
`,
    calls: [APPSTREAM, APPSTREAM_APP],
  },
];
