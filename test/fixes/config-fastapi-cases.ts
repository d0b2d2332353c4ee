/**
 * Broken FastAPI apps (CORSMiddleware set up the way FastAPI's tutorial and users' questions show
 * it: the origins list above the call, `["*"]` everywhere, a middleware of the project's own; the
 * situations rebuilt from FastAPI/Starlette docs and issue threads, no text copied). {{ORIGIN}} is
 * the page's origin.
 */
import { CREATE, LIST, ME, REMOVE, UPDATE } from "./config-django-cases";
import type { PageRequest } from "./page";

export { CREATE, LIST, ME, REMOVE, UPDATE };

const ROUTES = `

@app.get("/api/items")
def items():
    return []


@app.post("/api/items", status_code=201)
def create():
    return {"id": 1}


@app.put("/api/items/{i}")
def item(i: int):
    return {"id": i}


@app.delete("/api/items/{i}", status_code=204)
def remove(i: int):
    return Response(status_code=204)


@app.get("/api/me")
def me():
    return {"user": "ada"}
`;

const HEAD = `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

app = FastAPI(title="shop")
`;

/** The project's own API-key check, as a class middleware. */
const KEY_CLASS = `

class ApiKeyMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith("/api/items/"):
            headers = dict(scope["headers"])
            if b"x-api-key" not in headers:
                response = JSONResponse({"detail": "missing key"}, status_code=401)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
`;

export interface FastapiCase {
  name: string;
  app: string;
  calls: PageRequest[];
  check?: { code: string; line: number };
  /** As PythonCase: "cannot" when no safe patch exists and the fix says why (`said`). */
  expect?: "fixed" | "cannot";
  said?: string;
}

export const FASTAPI_CASES: FastapiCase[] = [
  {
    name: "the tutorial's origins list without the page's origin",
    app: `${HEAD}
origins = [
    "http://localhost:3000",
    "https://shop.example.com",  # production
]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    name: "allow_methods left at its default (GET only): PUT and DELETE refused with 400",
    app: `${HEAD}
app.add_middleware(CORSMiddleware, allow_origins=["{{ORIGIN}}"], allow_headers=["x-api-key"])
${ROUTES}`,
    calls: [LIST, UPDATE, REMOVE],
  },
  {
    name: "allow_headers left at its default: the custom header refused",
    app: `${HEAD}
app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["GET", "POST", "PUT", "DELETE"],
)
${ROUTES}`,
    calls: [LIST, UPDATE],
  },
  {
    name: "cookies sent, allow_credentials missing",
    app: `${HEAD}
app.add_middleware(CORSMiddleware, allow_origins=["{{ORIGIN}}"])
${ROUTES}`,
    calls: [LIST, ME],
  },
  {
    name: "no CORSMiddleware at all",
    app: `from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()
${ROUTES}`,
    calls: [LIST],
  },
  {
    name: "an API-key middleware added after CORSMiddleware runs first and refuses the preflight",
    app: `${HEAD}${KEY_CLASS}

app.add_middleware(
    CORSMiddleware,
    allow_origins=["{{ORIGIN}}"],
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(ApiKeyMiddleware)
${ROUTES}`,
    calls: [LIST, UPDATE],
    check: { code: "starlette-middleware-order", line: 22 },
  },
  {
    name: "an @app.middleware('http') auth check added after CORS answers 401 first",
    app: `${HEAD}
app.add_middleware(CORSMiddleware, allow_origins=["{{ORIGIN}}"], allow_methods=["*"], allow_headers=["*"])


@app.middleware("http")
async def require_key(request: Request, call_next):
    if request.url.path.startswith("/api/items/") and "x-api-key" not in request.headers:
        return JSONResponse({"detail": "missing key"}, status_code=401)
    return await call_next(request)
${ROUTES}`,
    calls: [LIST, UPDATE],
    check: { code: "starlette-middleware-order", line: 7 },
  },
  {
    name: "origins from the environment, split on commas",
    app: `import os

${HEAD}
app.add_middleware(
    CORSMiddleware,
    allow_origins=os.environ.get("CORS_ORIGINS", "https://shop.example.com").split(","),
    allow_methods=["*"],
)
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    name: "a regex for the company's subdomains, the page elsewhere",
    app: `${HEAD}
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"https://[a-z]+\\.shop\\.example\\.com",
    allow_methods=["*"],
)
${ROUTES}`,
    calls: [LIST],
  },
  {
    name: "an origin written with a trailing slash never matches",
    app: `${HEAD}
ORIGINS = ["{{ORIGIN}}/"]

app.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_methods=["*"])
${ROUTES}`,
    calls: [LIST],
    check: { code: "starlette-origin-form", line: 7 },
  },
  {
    // An application factory (`app = create_app()` at the bottom, as uvicorn `app:app` serves it):
    // CORSMiddleware is added inside the factory with the production origin and the methods a
    // read-only API needed first (https://fastapi.tiangolo.com/tutorial/cors/).
    name: "an application factory whose CORSMiddleware lacks the page and PUT",
    app: `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def create_app() -> FastAPI:
    application = FastAPI(title="shop")
    origins = [os.getenv("FRONTEND_URL", "https://shop.example.com")]
    application.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
    )

    @application.get("/api/items")
    def items():
        return []

    @application.post("/api/items", status_code=201)
    def create():
        return {"id": 1}

    @application.put("/api/items/{i}")
    def item(i: int):
        return {"id": i}

    return application


app = create_app()
`,
    calls: [LIST, CREATE, UPDATE],
  },
  {
    // The factory registers an API-key middleware after CORSMiddleware: it runs first and answers
    // the preflight (no key on an OPTIONS) with 401.
    name: "an application factory whose key check is added after CORSMiddleware",
    app: `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse


def create_app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["{{ORIGIN}}"],
        allow_methods=["*"],
        allow_headers=["*"],
    )

    @app.middleware("http")
    async def require_key(request: Request, call_next):
        if request.url.path.startswith("/api/items/") and "x-api-key" not in request.headers:
            return JSONResponse({"detail": "missing key"}, status_code=401)
        return await call_next(request)

    @app.put("/api/items/{i}")
    def item(i: int):
        return {"id": i}

    return app


app = create_app()
`,
    calls: [UPDATE],
    check: { code: "starlette-middleware-order", line: 8 },
  },
];

export const FASTAPI_CORRECT: string[] = [
  `${HEAD}
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://shop.example.com"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${ROUTES}`,
];
