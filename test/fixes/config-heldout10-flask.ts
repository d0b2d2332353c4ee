/**
 * Issue #23's tenth never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const POSTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/posts/",
  headers: { authorization: `Basic ${Buffer.from("ada:secret").toString("base64")}` },
  credentials: "omit",
  body: null,
};
const PUT_ITEM: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/items/1",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"name":"b"}',
};

export const HELD_OUT10_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/196 — "Why didn't flask_cors return the
    // response directly (before @before_request) for an OPTIONS request?": the API blueprint's
    // before_request checks the Basic credentials on every request, the browser's preflight carries
    // none and is refused before flask-cors answers it. Root: the blueprint's before_request hook.
    name: "heldout10 Flask: the blueprint's before_request auth check refuses the credential-less preflight",
    url: "https://github.com/corydolphin/flask-cors/issues/196",
    rootText: "@api.before_request",
    app: `from flask import Blueprint, Flask, g, jsonify, request
from flask_cors import CORS

USERS = {"ada": "secret"}

api = Blueprint("api", __name__)


def forbidden(message):
    response = jsonify({"error": "forbidden", "message": message})
    response.status_code = 403
    return response


@api.before_request
def before_request():
    auth = request.authorization
    g.current_user = auth.username if auth and USERS.get(auth.username) == auth.password else None
    if not g.current_user:
        return forbidden("Unconfirmed account")


@api.route("/posts/")
def get_posts():
    return jsonify({"posts": [], "user": g.current_user})


app = Flask(__name__)
CORS(app)
app.register_blueprint(api, url_prefix="/api")
`,
    calls: [POSTS],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/248 — "CORS headers not injected when specifying
    // root origins and per-resource origins": with `resources` given, flask-cors only serves the
    // listed resources, and the top-level `origins` does not extend to the rest of the API, so the
    // front end's /api/items calls get no Allow-Origin. Root: the CORS(...) call.
    name: "heldout10 Flask: CORS() given top-level origins and one resource, the other routes get none",
    url: "https://github.com/corydolphin/flask-cors/issues/248",
    rootText: "CORS(",
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(
    app,
    origins=["{{ORIGIN}}"],
    resources={r"/api/swagger.json": {"origins": "*"}},
)


@app.route("/api/swagger.json")
def swagger():
    return jsonify({"openapi": "3.0.0"})


@app.route("/api/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])
`,
    calls: [LIST],
  },
  {
    // https://github.com/pallets/flask/issues/1664 — "OPTIONS default behavior not compatible with
    // Angularjs": the app adds its CORS headers in an after_request hook, but Flask's automatic
    // OPTIONS answer then carries no Access-Control-Allow-Methods, so the PUT is refused ("method not
    // allowed"). Root: the after_request hook that sets the headers.
    name: "heldout10 Flask: an after_request hook without Allow-Methods, the PUT refused",
    url: "https://github.com/pallets/flask/issues/1664",
    rootText: "@app.after_request",
    app: `from flask import Flask, jsonify, request

app = Flask(__name__)


@app.after_request
def apply_cors(response):
    response.headers["Access-Control-Allow-Origin"] = "{{ORIGIN}}"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response


@app.route("/api/items")
def list_items():
    return jsonify([])


@app.route("/api/items/<int:item_id>", methods=["PUT"])
def update_item(item_id):
    return jsonify({"id": item_id, **(request.get_json() or {})})
`,
    calls: [LIST, PUT_ITEM],
  },
];

/**
 * A correct Flask app (the set's correct Flask configuration): flask-cors per view with
 * `@cross_origin`, the two front ends, credentials where the page sends them, the page's headers.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT10_FLASK_CORRECT = `import os

from flask import Flask, jsonify, request
from flask_cors import cross_origin

FRONT_ENDS = ["{{ORIGIN}}", "{{ORIGIN2}}"]

app = Flask(__name__)


@app.route("/api/items")
@cross_origin(origins=FRONT_ENDS)
def list_items():
    return jsonify([{"id": 1}])


@app.route("/api/items/<int:item_id>", methods=["PUT"])
@cross_origin(origins=FRONT_ENDS, supports_credentials=True, allow_headers=["Content-Type", "Authorization"])
def update_item(item_id):
    return jsonify({"id": item_id, **(request.get_json(silent=True) or {})})


@app.route("/api/me")
@cross_origin(origins=FRONT_ENDS, supports_credentials=True)
def me():
    return jsonify({"user": "ada"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
