/**
 * Issue #23's twentieth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const DATA: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/data",
  headers: {},
  credentials: "omit",
  body: null,
};
const CREATE_PROJECT: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/create-project",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"project_name":"todo-app"}',
};

const RESOURCES: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/resources?page=2",
  headers: {},
  credentials: "omit",
  body: null,
};
const LANGUAGES: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/languages",
  headers: {},
  credentials: "omit",
  body: null,
};

export const HELD_OUT20_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/stitionai/devika/pull/618 — "fix: cors error": the AI engineer's Flask server gives
    // flask-cors an origins list of https://localhost:3000 and http://localhost:3000, while its UI runs on
    // another port, so out of the box the UI's calls are refused; the PR adds the UI's actual port to the
    // list. The server's endpoints are written as stubs (no agent behind them), the UI on its own port as
    // the page. Root: the CORS call whose origins miss the UI's port.
    name: "heldout20 Flask: flask-cors allows localhost:3000 only, the UI on its own port refused",
    url: "https://github.com/stitionai/devika/pull/618",
    rootText:
      'CORS(app, resources={r"/*": {"origins": ["https://localhost:3000", "http://localhost:3000"]}})',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask("devika")
CORS(app, resources={r"/*": {"origins": ["https://localhost:3000", "http://localhost:3000"]}})

PROJECTS = ["demo"]


@app.route("/api/data", methods=["GET"])
def data():
    return jsonify({"projects": PROJECTS, "models": ["claude-3-opus"], "search_engines": ["DuckDuckGo"]})


@app.route("/api/create-project", methods=["POST"])
def create_project():
    PROJECTS.append(request.json.get("project_name"))
    return jsonify({"message": "Project created"})
`,
    calls: [DATA, CREATE_PROJECT],
  },
  {
    // https://github.com/OperationCode/resources_api/pull/263 — "Fix CORS issue": the resources API is a
    // Flask app whose API blueprint sends no CORS headers, so the Next.js front end can fetch the first page
    // of resources on the server but not the following pages (or anything else) from the browser; the PR
    // adds flask-cors with the allowed origins on the API routes. The blueprint's routes are written over an
    // in-memory list (no database, no metrics decorators), the front end as the page. Root: the app and its
    // blueprint set up with no CORS.
    name: "heldout20 Flask: the resources API blueprint has no CORS, the front end's paging and language reads refused",
    url: "https://github.com/OperationCode/resources_api/pull/263",
    rootText: 'app.register_blueprint(bp, url_prefix="/api/v1")',
    app: `from flask import Blueprint, Flask, jsonify, request

bp = Blueprint("api", __name__)

RESOURCES = [{"id": i, "name": f"Resource {i}", "category": "Books"} for i in range(1, 61)]


@bp.route("/resources", methods=["GET"], endpoint="get_resources")
def resources():
    page = int(request.args.get("page", 1))
    return jsonify({"data": RESOURCES[(page - 1) * 20 : page * 20], "page": page})


@bp.route("/languages", methods=["GET"], endpoint="get_languages")
def languages():
    return jsonify({"data": [{"id": 1, "name": "Python"}, {"id": 2, "name": "JavaScript"}]})


app = Flask(__name__)
app.register_blueprint(bp, url_prefix="/api/v1")
`,
    calls: [RESOURCES, LANGUAGES],
  },
];
