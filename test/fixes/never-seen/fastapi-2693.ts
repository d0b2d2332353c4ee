// https://github.com/fastapi/fastapi/issues/2693 — "CORS Error when I return an Error code from
// Middleware": an auth middleware declared after add_middleware(CORSMiddleware) wraps it, so it
// answers the preflight (which carries no Authorization) with a bare 401; the answer in the
// thread: let CORSMiddleware run first (add it last / outermost) or let OPTIONS through.
import { files, startPython } from "../stacks/python-common";
import { FASTAPI_ROUTES } from "./python-routes";
import { type Report, request } from "./report";

export const fastapi2693: Report = {
  url: "https://github.com/fastapi/fastapi/issues/2693",
  id: "fastapi/fastapi#2693",
  stack: "fastapi",
  mistake: "the auth middleware runs before CORSMiddleware and answers the preflight with 401",
  names: [/401/, /before (any )?CORS/i],
  target: "token" as Report["target"],
  extra: [request("token", "GET", "/api/items", { authorization: "Bearer t" })],
  expect: ["preflight-status-not-ok", "missing-allow-origin"],
  config: () =>
    files({
      "app.py": `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"], allow_headers=["*"])


@app.middleware("http")
async def auth(request: Request, call_next):
    if "authorization" not in request.headers:
        return Response(status_code=401, content="Token not valid")
    return await call_next(request)
${FASTAPI_ROUTES}`,
    }),
  start: (config, port, dir) =>
    startPython(
      config,
      ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", String(port)],
      port,
      dir,
    ),
  shape: { syntax: "python", call: "add_middleware(CORSMiddleware", anchor: null },
};
