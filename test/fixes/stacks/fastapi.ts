import { debVersion } from "../harness";
import type { StackCase, StackUnderTest } from "../stack";
import { files, startPython } from "./python-common";

function app(middleware: string): string {
  return `from fastapi import FastAPI
${middleware.includes("CORSMiddleware") ? "from fastapi.middleware.cors import CORSMiddleware\n" : ""}from fastapi.responses import JSONResponse, Response

app = FastAPI()
${middleware}


@app.get("/api/items")
def items():
    return []


@app.post("/api/items", status_code=201)
def create():
    return {"id": 1}


@app.put("/api/items/{i}")
@app.patch("/api/items/{i}")
def item(i: int):
    return {"id": i}


@app.delete("/api/items/{i}", status_code=204)
def remove(i: int):
    return Response(status_code=204)


@app.get("/api/me")
def me():
    return {"user": "ada"}


@app.get("/api/fail")
def fail():
    raise RuntimeError("boom")


@app.get("/api/things")
def things():
    return []


@app.post("/api/things", status_code=201)
async def create_thing():
    return {"id": 7}


@app.get("/api/things/{i}")
@app.put("/api/things/{i}")
@app.patch("/api/things/{i}")
def thing(i: int):
    return {"id": i}


@app.delete("/api/things/{i}", status_code=204)
def remove_thing(i: int):
    return Response(status_code=204)
`;
}

const AUTH_AFTER = `

@app.middleware("http")
async def require_key(request, call_next):
    if request.url.path.startswith("/api/items/") and "x-api-key" not in request.headers:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    return await call_next(request)
`;

const cases: StackCase[] = [
  { name: "no-cors", target: "list", config: () => app(""), expect: ["missing-allow-origin"], bare: true },
  {
    name: "no-cors-twice",
    target: "update",
    config: () => app(""),
    expect: ["missing-allow-origin"],
    bare: true,
    times: 2,
  },
  {
    name: "wildcard-credentials",
    target: "me",
    config: () =>
      app(
        'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])',
      ),
    expect: ["wildcard-origin-with-credentials"],
  },
  {
    name: "header-missing",
    target: "update",
    config: (o) =>
      app(
        `app.add_middleware(CORSMiddleware, allow_origins=["${o}", "https://admin.example"], allow_methods=["*"], allow_headers=["content-type", "x-trace-id"])`,
      ),
    // Starlette says no with a 400 that carries its CORS headers: Chromium's "status not ok".
    expect: ["preflight-status-not-ok"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      app(
        `app.add_middleware(CORSMiddleware, allow_origins=["${o}", "https://admin.example"], allow_methods=["GET", "POST", "PUT", "PATCH"], allow_headers=["*"])`,
      ),
    expect: ["preflight-status-not-ok"],
    says: "DELETE is not in allow_methods",
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      app(
        `app.add_middleware(CORSMiddleware, allow_origins=["${o}", "https://admin.example"], allow_methods=["*"], allow_headers=["*"])${AUTH_AFTER}`,
      ),
    expect: ["missing-allow-origin"],
  },
  {
    name: "error-no-cors",
    target: "fail",
    config: (o) =>
      app(
        `app.add_middleware(CORSMiddleware, allow_origins=["${o}", "https://admin.example"], allow_methods=["*"], allow_headers=["*"])`,
      ),
    expect: ["missing-allow-origin"],
  },
];

export const fastapiStack: StackUnderTest = {
  stack: "fastapi",
  label: "FastAPI / Starlette (uvicorn)",
  version: () => {
    const f = debVersion("python3-fastapi");
    const s = debVersion("python3-starlette");
    const u = debVersion("python3-uvicorn");
    return f && s && u ? `FastAPI ${f}, Starlette ${s}, uvicorn ${u} (Debian)` : null;
  },
  detected: "fastapi",
  install: "apt-get install python3-fastapi python3-starlette python3-uvicorn",
  cases,
  notApplicable: {
    "origin-missing":
      "Starlette sends neither Access-Control-Allow-Origin nor Vary to an origin it does not list, so no evidence shows a CORS set-up to edit (the printed fix is then a whole set-up)",
    "preflight-redirect":
      "CORSMiddleware answers every preflight before routing, so the trailing-slash redirect never meets one",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: (config, port, dir) =>
    startPython(
      files({ "app.py": config }),
      ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", String(port)],
      port,
      dir,
    ),
  shape: { syntax: "python", call: "add_middleware(CORSMiddleware", anchor: null },
  broad: true,
};
