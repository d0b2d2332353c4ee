// https://github.com/fastapi/fastapi/issues/5453 — preflight refused although the front end's
// origin is listed: it is listed as "http://localhost:3000/"; the answer: an origin has no trailing
// slash (scheme://host:port), remove it. The list is inlined in the call (the report names it
// `origins`) so the printed change has a list to edit.
import { files, startPython } from "../stacks/python-common";
import { FASTAPI_ROUTES } from "./python-routes";
import type { Report } from "./report";

export const fastapi5453: Report = {
  url: "https://github.com/fastapi/fastapi/issues/5453",
  id: "fastapi/fastapi#5453",
  stack: "fastapi",
  mistake:
    'the front end\'s origin is listed with a trailing slash ("http://localhost:3000/"), which never matches',
  names: [/trailing slash|"\/"|ends with \//i],
  target: "update",
  expect: ["missing-allow-origin", "preflight-status-not-ok"],
  config: (o) =>
    files({
      "app.py": `from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://abcd-1234.preview.abc.com", "https://something.netlify.app", "${o}/", "http://localhost.tiangolo.com", "https://localhost.tiangolo.com"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
${FASTAPI_ROUTES}`,
    }),
  start: (config, port, dir) =>
    startPython(
      config,
      ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", String(port)],
      port,
      dir,
    ),
  shape: { syntax: "python", call: "add_middleware(", anchor: null },
};
