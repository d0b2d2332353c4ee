// https://github.com/Kludex/starlette/issues/798 — a GraphQL POST with Authorization from the
// browser: the preflight gets 400 and CORSMiddleware's body says "Disallowed CORS method (POST),
// header (authorization) …"; the answer: allow_methods defaults to GET and allow_headers to none,
// set both.
import { files, startPython } from "../stacks/python-common";
import { FASTAPI_ROUTES } from "./python-routes";
import { type Report, request } from "./report";

export const starlette798: Report = {
  url: "https://github.com/Kludex/starlette/issues/798",
  id: "Kludex/starlette#798",
  stack: "fastapi",
  mistake: "CORSMiddleware left at its defaults: allow_methods is GET only and allow_headers empty",
  names: [/POST/, /allow_methods/],
  contradicts: [/authenticat|CSRF/i],
  target: "graphql" as Report["target"],
  extra: [
    request(
      "graphql",
      "POST",
      "/api/graphql",
      { "content-type": "application/json", authorization: "Bearer t" },
      '{"query":"{ me { id } }"}',
    ),
  ],
  expect: ["preflight-status-not-ok"],
  config: () =>
    files({
      "app.py": `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])
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
