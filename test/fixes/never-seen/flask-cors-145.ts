// https://github.com/corydolphin/flask-cors/issues/145 — "Request header field Authorization is not
// allowed" with allow_headers='Origin, Content-Type, Accept, Authorization, X-Request-With'; the
// maintainer's answer: allow_headers takes a list, or a string regex — that string is one regex.
import { files, startPython } from "../stacks/python-common";
import { FLASK_ROUTES, FLASK_RUN } from "./python-routes";
import { type Report, request } from "./report";

export const flaskCors145: Report = {
  url: "https://github.com/corydolphin/flask-cors/issues/145",
  id: "flask-cors#145",
  stack: "flask-cors",
  mistake: "allow_headers given as one comma-joined string, which flask-cors reads as a single regex",
  names: [/allow_headers/, /list|regular expression|regex/i],
  target: "token" as Report["target"],
  extra: [
    request(
      "token",
      "PUT",
      "/api/items/1",
      { "content-type": "application/json", authorization: "Bearer t" },
      "{}",
    ),
  ],
  expect: ["header-not-allowed"],
  config: () =>
    files({
      "app.py": `import os
from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources=r'/*', allow_headers='Origin, Content-Type, Accept, Authorization, X-Request-With', supports_credentials=True)
${FLASK_ROUTES}${FLASK_RUN}`,
    }),
  start: (config, port, dir) => startPython(config, ["app.py"], port, dir),
  shape: { syntax: "python", call: "CORS(app", anchor: "app = Flask(__name__)" },
};
