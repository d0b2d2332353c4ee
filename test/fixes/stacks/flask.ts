import { debVersion } from "../harness";
import { movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { files, startPython } from "./python-common";

function app(before: string, cors: string | null): string {
  return `import os
from flask import Flask, jsonify, request
${cors === null ? "" : "from flask_cors import CORS\n"}
app = Flask(__name__)
${before}
${cors === null ? "" : `CORS(app, ${cors})`}


@app.get("/api/items")
def items():
    return jsonify([])


@app.post("/api/items")
def create():
    request.get_json()
    return jsonify(id=1), 201


@app.route("/api/items/<int:i>", methods=["PUT", "PATCH", "DELETE"])
def item(i):
    return ("", 204) if request.method == "DELETE" else jsonify(id=i)


@app.route("/api/folders/<int:i>/", methods=["PATCH"])
def folder(i):
    return jsonify(id=i)


@app.get("/api/me")
def me():
    return jsonify(user="ada")


@app.get("/api/fail")
def fail():
    raise RuntimeError("boom")


@app.route("/api/things", methods=["GET", "POST"])
def things():
    return (jsonify(id=7), 201) if request.method == "POST" else jsonify([])


@app.route("/api/things/<int:i>", methods=["GET", "PUT", "PATCH", "DELETE"])
def thing(i):
    return ("", 204) if request.method == "DELETE" else jsonify(id=i)


app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
}

const AUTH = `

@app.before_request
def require_key():
    if request.path.startswith("/api/items/") and "x-api-key" not in request.headers:
        return jsonify(error="unauthorized"), 401
`;

const cases: StackCase[] = [
  {
    name: "no-cors",
    target: "list",
    config: () => app("", null),
    expect: ["missing-allow-origin"],
    bare: true,
  },
  {
    name: "no-cors-twice",
    target: "update",
    config: () => app("", null),
    expect: ["missing-allow-origin"],
    bare: true,
    times: 2,
  },
  {
    name: "origin-missing",
    target: "list",
    config: () => app("", `origins=["https://admin.example", "https://staging.example"]`),
    expect: ["missing-allow-origin"],
    bare: true,
  },
  {
    name: "header-missing",
    target: "update",
    config: (o) =>
      app("", `origins=["${o}", "https://admin.example"], allow_headers=["content-type", "x-trace-id"]`),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) =>
      app("", `origins=["${o}", "https://admin.example"], methods=["GET", "POST", "PUT", "PATCH"]`),
    expect: ["method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) => app(AUTH, `origins=["${o}", "https://admin.example"]`),
    expect: ["preflight-status-not-ok"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/folders/1")],
    config: (o) => app("", `origins=["${o}", "https://admin.example"]`),
    expect: ["preflight-redirected"],
  },
];

export const flaskStack: StackUnderTest = {
  stack: "flask-cors",
  label: "Flask + flask-cors",
  version: () => {
    const f = debVersion("python3-flask");
    const c = debVersion("python3-flask-cors");
    return f && c ? `Flask ${f}, flask-cors ${c} (Debian)` : null;
  },
  install: "apt-get install python3-flask python3-flask-cors",
  cases,
  notApplicable: {
    "wildcard-credentials":
      "flask-cors answers the request's origin, not *, when origins is * and supports_credentials is on",
    "error-no-cors": "flask-cors adds its headers in after_request, which Flask runs for error responses too",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: (config, port, dir) => startPython(files({ "app.py": config }), ["app.py"], port, dir),
  shape: { syntax: "python", call: "CORS(app", anchor: "app = Flask(__name__)" },
  broad: true,
};
