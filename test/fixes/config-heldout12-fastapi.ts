/**
 * Issue #23's twelfth never-seen measure, FastAPI/Starlette: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST, ME } from "./config-django-cases";
import type { FastapiCase } from "./config-fastapi-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const LIST_WITH_TOKEN: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/items",
  headers: { authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: null,
};
const GET_PIXELS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/get_pixels",
  headers: {},
  credentials: "omit",
  body: null,
};
const SET_PIXEL: PageRequest = {
  name: "create",
  method: "POST",
  path: "/set_pixel",
  headers: { "content-type": "application/json", authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: '{"x":1,"y":2,"rgb":"00ff00"}',
};

export const HELD_OUT12_FASTAPI: Array<FastapiCase & Held3> = [
  {
    // https://github.com/waza-ari/fastapi-keycloak-middleware/issues/41 — "API returns 401 Unauthorized
    // on Options Preflight Calls": CORSMiddleware is added first and the Keycloak middleware after it,
    // so (FastAPI runs the last-added middleware first) the token check sees the preflight, which
    // carries no Authorization, and answers 401. fastapi-keycloak-middleware is not installed here: a
    // small ASGI middleware with its behaviour (a bearer token or 401) stands in for it. Root: the
    // Keycloak middleware added after CORSMiddleware.
    name: "heldout12 FastAPI: the Keycloak middleware is added after CORSMiddleware, the preflight answered 401",
    url: "https://github.com/waza-ari/fastapi-keycloak-middleware/issues/41",
    rootText: "app.add_middleware(KeycloakMiddleware, keycloak_configuration=keycloak_config)",
    app: `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse


class KeycloakConfiguration:
    def __init__(self, url, realm, client_id):
        self.url = url
        self.realm = realm
        self.client_id = client_id


class KeycloakMiddleware:
    """Stands in for fastapi_keycloak_middleware.KeycloakMiddleware: a bearer token, else 401."""

    def __init__(self, app, keycloak_configuration):
        self.app = app
        self.config = keycloak_configuration

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            if not headers.get(b"authorization", b"").startswith(b"Bearer "):
                response = JSONResponse({"detail": "Your request is missing an 'Authorization' HTTP header"}, status_code=401)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


keycloak_config = KeycloakConfiguration(url="https://sso.example.com/auth/", realm="api", client_id="api")

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(KeycloakMiddleware, keycloak_configuration=keycloak_config)


@app.get("/api/items")
async def list_items():
    return [{"id": 1}]
`,
    calls: [LIST_WITH_TOKEN],
  },
  {
    // https://github.com/benavlabs/FastAPI-boilerplate/pull/283 — "replace wildcard CORS default with
    // explicit local origins": CORS_ORIGINS defaults to "*" while CORS_ALLOW_CREDENTIALS defaults to
    // true, and the app authenticates with session cookies, so the front end's credentialed calls get
    // Allow-Origin "*" and are refused. Root: the CORS_ORIGINS default.
    name: "heldout12 FastAPI: CORS_ORIGINS defaults to '*' with CORS_ALLOW_CREDENTIALS true, the cookie call refused",
    url: "https://github.com/benavlabs/FastAPI-boilerplate/pull/283",
    // Added after the first run (HELDOUT12.md): CORS Lens refuses this one on purpose — every origin
    // with credentials would let any site read the user's data, and a list of the page's origins
    // would take `*` from every other site (never narrower). The refusal is asserted: exit 1, the
    // reason said, no file written.
    expect: "cannot",
    said: "would let every site read the user's data",
    rootText: 'CORS_ORIGINS: list[str] = [o.strip() for o in os.getenv("CORS_ORIGINS", "*").split(",")]',
    app: `import os

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware


class Settings:
    APP_NAME: str = os.getenv("APP_NAME", "FastAPI app")
    CORS_ORIGINS: list[str] = [o.strip() for o in os.getenv("CORS_ORIGINS", "*").split(",")]
    CORS_METHODS: list[str] = [m.strip() for m in os.getenv("CORS_METHODS", "*").split(",")]
    CORS_HEADERS: list[str] = [h.strip() for h in os.getenv("CORS_HEADERS", "*").split(",")]
    CORS_ALLOW_CREDENTIALS: bool = os.getenv("CORS_ALLOW_CREDENTIALS", "true").lower() == "true"


settings = Settings()
router = APIRouter(prefix="/api")


@router.get("/items")
async def list_items():
    return [{"id": 1}]


@router.get("/me")
async def read_me():
    return {"user": "ada"}


def create_application() -> FastAPI:
    application = FastAPI(title=settings.APP_NAME)
    application.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_credentials=settings.CORS_ALLOW_CREDENTIALS,
        allow_methods=settings.CORS_METHODS,
        allow_headers=settings.CORS_HEADERS,
    )
    application.include_router(router)
    return application


app = create_application()
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/python-discord/pixels/pull/104 — "Implement CORS for GET and HEAD requests":
    // CORSMiddleware is added with allow_methods=["GET", "HEAD"], so the browser client's authorised
    // POST /set_pixel is refused at its preflight (Starlette answers it "Disallowed CORS method").
    // Root: the allow_methods line.
    name: "heldout12 FastAPI: allow_methods GET and HEAD only, the authorised POST /set_pixel refused",
    url: "https://github.com/python-discord/pixels/pull/104",
    rootText: 'allow_methods=["GET", "HEAD"],',
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(
    title="Pixels",
    docs_url=None,
    redoc_url=None,
)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["GET", "HEAD"],
    allow_headers=["*"],
)

CANVAS = {}


@app.get("/get_pixels")
async def get_pixels():
    return {"pixels": [{"x": x, "y": y, "rgb": rgb} for (x, y), rgb in CANVAS.items()]}


@app.post("/set_pixel")
async def set_pixel(request: Request):
    pixel = await request.json()
    CANVAS[(pixel["x"], pixel["y"])] = pixel["rgb"]
    return {"message": f"added pixel at x={pixel['x']},y={pixel['y']}"}
`,
    calls: [GET_PIXELS, SET_PIXEL],
  },
];
