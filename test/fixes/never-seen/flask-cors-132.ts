// https://github.com/corydolphin/flask-cors/issues/132 — `CORS(app)` and a request with
// credentials: "Credentials flag is 'true', but the 'Access-Control-Allow-Credentials' header is
// ''"; the maintainer's answer: add supports_credentials=True.
import { files, startPython } from "../stacks/python-common";
import { FLASK_ROUTES, FLASK_RUN } from "./python-routes";
import type { Report } from "./report";

export const flaskCors132: Report = {
  url: "https://github.com/corydolphin/flask-cors/issues/132",
  id: "flask-cors#132",
  stack: "flask-cors",
  mistake: "CORS(app) without supports_credentials=True for a request with credentials",
  names: [/supports_credentials/],
  target: "me",
  expect: ["wildcard-origin-with-credentials", "allow-credentials-not-true"],
  config: () =>
    files({
      "app.py": `import os
from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app)
${FLASK_ROUTES}${FLASK_RUN}`,
    }),
  start: (config, port, dir) => startPython(config, ["app.py"], port, dir),
  shape: { syntax: "python", call: "CORS(app", anchor: "app = Flask(__name__)" },
};
