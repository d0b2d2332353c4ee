/**
 * Issue #23's twelfth never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const MYAPI: PageRequest = {
  name: "create",
  method: "POST",
  path: "/myapi/",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"query":"status"}',
};
const POST_FOO: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/v1/foo",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"a"}',
};
const CREATE_NEW: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/new",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"a"}',
};
const MISSING_REPORT: PageRequest = {
  name: "beyond-missing",
  method: "GET",
  path: "/api/reports/2020",
  headers: { authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT12_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/212 — "How to specify the list of origins?": the
    // allowed front ends are written as bare host names ("*.domain-one.com", "intranet.domain-two.com",
    // and the local one), without a scheme, so no browser Origin (which always has one) ever matches
    // and no Allow-Origin is sent. (The report's local entry is 127.0.0.1; the page here runs on
    // localhost, so the local entry is written that way.) Root: the origins list.
    name: "heldout12 Flask: the CORS origins are bare host names without a scheme, no Origin ever matches",
    url: "https://github.com/corydolphin/flask-cors/issues/212",
    rootText:
      'CORS(app, resources={r"/*": {"origins": ["*.domain-one.com", "intranet.domain-two.com", "localhost"]}})',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/*": {"origins": ["*.domain-one.com", "intranet.domain-two.com", "localhost"]}})


@app.route("/api/items")
def items():
    return jsonify([])


@app.route("/myapi/", methods=["POST"])
def myapi():
    return jsonify({"received": request.get_json()})
`,
    calls: [LIST, MYAPI],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/128 — "Passing a Flask blueprint to CORS
    // constructor fails": CORS is given the blueprint, whose route is declared with a trailing slash;
    // the front end posts to the URL without it, Flask answers the preflight with a redirect to the
    // slashed URL (before the blueprint's CORS ever runs), and a preflight may not be redirected. Root:
    // the slashed route.
    name: "heldout12 Flask: CORS(blueprint) and a '/foo/' route, the preflight of POST /foo redirected",
    url: "https://github.com/corydolphin/flask-cors/issues/128",
    rootText: '@api_v1.route("/foo/", methods=["GET", "POST"])',
    app: `from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS

api_v1 = Blueprint("api_v1", __name__)
CORS(api_v1)


@api_v1.route("/foo/", methods=["GET", "POST"])
def foo():
    if request.method == "POST":
        return jsonify({"created": request.get_json()}), 201
    return jsonify([])


app = Flask(__name__)
app.register_blueprint(api_v1, url_prefix="/api/v1")
`,
    calls: [POST_FOO],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/262 — "CORS failure on invalid paths blocks 404
    // response": the API is wrapped with CORS(app), but for a path no route answers, Flask answers the
    // preflight 404 (not a success), so the front end's token-carrying call gets a CORS error instead of
    // the readable 404 it wants to show. Root: the CORS(app, …) set-up, which answers preflights of known
    // routes only.
    name: "heldout12 Flask: CORS(app) answers known routes only, the preflight to a missing path gets 404",
    url: "https://github.com/corydolphin/flask-cors/issues/262",
    rootText: 'CORS(app, resources={r"/api/*": {"origins": "*"}})',
    app: `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}})


@app.route("/api/items")
def items():
    return jsonify([])


@app.errorhandler(404)
def not_found(error):
    return jsonify({"message": "Resource not found"}), 404
`,
    calls: [LIST, MISSING_REPORT],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/193 — "Can't specify allowed origin of a given
    // port": the application's only allowed origin is written with the wrong address and port
    // ("Typo"), so the front end's own origin is never matched and no Allow-Origin is sent, while a bare
    // CORS(application) works. Root: the origins list.
    name: "heldout12 Flask: the one allowed origin is mistyped (address and port), the front end never matched",
    url: "https://github.com/corydolphin/flask-cors/issues/193",
    rootText: 'CORS(application, origins=["http://192.168.33.121:4021"])',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

application = Flask(__name__)
app = application
CORS(application, origins=["http://192.168.33.121:4021"])


@application.route("/api/items")
def items():
    return jsonify([])


@application.route("/api/new", methods=["POST"])
def new():
    return jsonify({"created": request.get_json()}), 201
`,
    calls: [LIST, CREATE_NEW],
  },
];

/**
 * A correct Flask app (the set's correct Flask configuration): flask-cors on /api/* with an allowlist
 * of the two front ends, credentials, the methods and headers the page sends; served by app.run on
 * $PORT. {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT12_FLASK_CORRECT = `import os

from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(
    app,
    resources={r"/api/*": {"origins": ["{{ORIGIN}}", "{{ORIGIN2}}"]}},
    supports_credentials=True,
    methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Content-Type", "Authorization"],
    max_age=600,
)


@app.route("/api/items")
def items():
    return jsonify([{"id": 1}])


@app.route("/api/items/<int:item_id>", methods=["PUT"])
def update_item(item_id):
    return jsonify({"id": item_id, **(request.get_json() or {})})


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
