/**
 * Issue #23's fourth never-seen measure, Flask: broken apps rebuilt from public reports (cited above
 * each case; situation rebuilt, no text copied), written blind to the readers. {{ORIGIN}} is the
 * page's origin. `rootText`: the root cause's line.
 */
import { CREATE, LIST } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

/** The page's token call (a preflight: Authorization). */
const TOKEN_LIST: PageRequest = { ...LIST, headers: { authorization: "Bearer t0k3n" } };
const TOKEN_ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: { authorization: "Bearer t0k3n" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT4_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/227 — a blueprint with a url_prefix whose view
    // is routed at "/": the page calls the prefix without the slash, Flask redirects, and the
    // preflight may not be redirected ("Response for preflight is invalid (redirect)"). Root: the
    // route of the blueprint's view.
    name: "heldout4 Flask: the blueprint's '/' route makes the preflight a redirect",
    url: "https://github.com/corydolphin/flask-cors/issues/227",
    rootText: '@journal_blueprint.route("/", methods=["GET"])',
    app: `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

app = Flask(__name__, instance_relative_config=True)
CORS(app, supports_credentials=True, headers=["Content-Type", "Authorization"])

journal_blueprint = Blueprint("journal", __name__, url_prefix="/api/items")


@journal_blueprint.route("/", methods=["GET"])
def get_all_journals():
    response = jsonify([{"id": 1}])
    response.status_code = 200
    return response


app.register_blueprint(journal_blueprint)
`,
    calls: [TOKEN_LIST],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/65 — a JWT check decorator stacked above
    // @cross_origin: it runs first and refuses the preflight (no Authorization on an OPTIONS), so
    // the 401 carries no CORS header. Root: the auth decorator's line on the view.
    name: "heldout4 Flask: an auth decorator above @cross_origin refuses the preflight (401)",
    url: "https://github.com/corydolphin/flask-cors/issues/65",
    rootText: "@requires_auth",
    app: `from functools import wraps

from flask import Flask, jsonify, request
from flask_cors import cross_origin

app = Flask(__name__)


def requires_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        auth = request.headers.get("Authorization", None)
        if not auth or not auth.startswith("Bearer "):
            return jsonify({"code": "authorization_header_missing"}), 401
        return f(*args, **kwargs)

    return decorated


@app.route("/api/me", methods=["GET"])
@requires_auth
@cross_origin(headers=["Content-Type", "Authorization"])
def me():
    return jsonify({"user": "ada"})
`,
    calls: [TOKEN_ME],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/42 — CORS set through app.config and the
    // @cross_origin decorator, written above @app.route: the route registers the undecorated view,
    // so neither the answers nor the automatic OPTIONS get CORS headers. Root: the decorator line.
    name: "heldout4 Flask: @cross_origin written above @app.route (the registered view is undecorated)",
    url: "https://github.com/corydolphin/flask-cors/issues/42",
    rootText: "@cross_origin()",
    app: `from flask import Flask, jsonify
from flask_cors import cross_origin

app = Flask(__name__)
app.config["CORS_ORIGINS"] = ["{{ORIGIN}}"]
app.config["CORS_HEADERS"] = ["Content-Type", "Authorization"]
app.config["CORS_AUTOMATIC_OPTIONS"] = True


@cross_origin()
@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([{"id": 1}])
`,
    calls: [LIST, CREATE],
  },
];
