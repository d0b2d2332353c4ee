/**
 * Issue #23's sixteenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const GET: PageRequest = {
  name: "list",
  method: "GET",
  path: "/get?show_env=1",
  headers: {},
  credentials: "omit",
  body: null,
};
const HEADERS: PageRequest = {
  name: "me",
  method: "GET",
  path: "/headers",
  headers: { "x-custom-header": "from-the-page" },
  credentials: "omit",
  body: null,
};
const DATASETS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/1/datasets/?page_size=5",
  headers: {},
  credentials: "omit",
  body: null,
};
const DATASETS_MASKED: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/1/datasets/?page_size=20",
  headers: { "x-fields": "data{id,title}", "x-api-key": "key-1" },
  credentials: "omit",
  body: null,
};

/** The project serves its application factory (as `flask run` calls it). */
const RUN_FACTORY = `import os

from app import create_app

create_app().run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

export const HELD_OUT16_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/postmanlabs/httpbin/issues/147 — "CORS Access-Control-Allow-Headers": the service's
    // after_request hook reflects the Origin, allows credentials and, for OPTIONS, sets the allowed methods
    // and a max age, but "doesn't allow specifying custom headers": no Access-Control-Allow-Headers is
    // sent, so a request carrying a header of the page's own is refused at its preflight (the issue
    // suggests echoing the requested headers). Written with two of the service's endpoints. Root: the
    // after_request hook's preflight branch without Allow-Headers.
    name: "heldout16 Flask: the after_request CORS hook sends no Allow-Headers, the custom-header call refused at the preflight",
    url: "https://github.com/postmanlabs/httpbin/issues/147",
    rootText: 'if request.method == "OPTIONS":',
    app: `from flask import Flask, jsonify, request

app = Flask(__name__)


def get_dict(*keys):
    data = {"url": request.url, "args": request.args.to_dict(), "headers": dict(request.headers)}
    return {k: data[k] for k in keys}


@app.after_request
def set_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")
    response.headers["Access-Control-Allow-Credentials"] = "true"

    if request.method == "OPTIONS":
        # only used for the preflight
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, PATCH, OPTIONS"
        response.headers["Access-Control-Max-Age"] = "3600"
    return response


@app.route("/get", methods=("GET",))
def view_get():
    return jsonify(get_dict("url", "args", "headers"))


@app.route("/headers")
def view_headers():
    return jsonify(get_dict("headers"))
`,
    calls: [GET, HEADERS],
  },
  {
    // https://github.com/opendatateam/udata/pull/860 — "Allow more headers in CORS preflight request": the
    // portal's API sets flask-cors up for /api/* with an explicit allow_headers list, and requests from
    // other sites that carry the API's own headers (the field mask and the API key) get a preflight
    // answer without them, so the browser refuses them ("Added some required or common headers to
    // preflight request authorized headers"). Written with the API's init_app and the datasets endpoint
    // in an application factory. Root: the allow_headers list.
    name: "heldout16 Flask: flask-cors allow_headers leaves out X-Fields, the masked datasets call refused at the preflight",
    url: "https://github.com/opendatateam/udata/pull/860",
    rootText: 'allow_headers=["Content-Type", "X-API-KEY"],',
    app: `from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS

cors = CORS()
apiv1 = Blueprint("api", __name__, url_prefix="/api/1")

DATASETS = [{"id": "5c4ae55a634f4117716d5656", "title": "Base Adresse Nationale", "slug": "ban"}]


@apiv1.route("/datasets/")
def list_datasets():
    fields = request.headers.get("X-Fields")
    data = DATASETS
    if fields:
        data = [{k: d[k] for k in ("id", "title")} for d in DATASETS]
    return jsonify({"data": data, "page": 1, "page_size": int(request.args.get("page_size", 20))})


def init_app(app):
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": "*"}},
        allow_headers=["Content-Type", "X-API-KEY"],
    )
    app.register_blueprint(apiv1)


def create_app():
    app = Flask(__name__)
    init_app(app)
    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [DATASETS, DATASETS_MASKED],
  },
];
