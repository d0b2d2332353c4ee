/**
 * Issue #23's eighth never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT8_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/metabrainz/listenbrainz-server/pull/3113 — a hand-written @crossdomain
    // decorator that answers OPTIONS inside the view: the route does not list OPTIONS, so Flask answers
    // the preflight automatically, the decorator never sees it and no CORS headers go out. Root: the
    // route line of the POST view.
    name: "heldout8 Flask: a hand-written crossdomain decorator, Flask answers the preflight itself without CORS",
    url: "https://github.com/metabrainz/listenbrainz-server/pull/3113",
    rootText: '@app.route("/api/items", methods=["GET", "POST"])',
    app: `from functools import wraps

from flask import Flask, jsonify, make_response, request

FRONTEND = "{{ORIGIN}}"


def crossdomain(origin=FRONTEND, methods="GET, POST, OPTIONS", headers="Content-Type"):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if request.method == "OPTIONS":
                response = make_response("", 204)
            else:
                response = make_response(view(*args, **kwargs))
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = methods
            response.headers["Access-Control-Allow-Headers"] = headers
            return response

        return wrapped

    return decorator


app = Flask(__name__)


@app.route("/api/items", methods=["GET", "POST"])
@crossdomain()
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/241 — CORS given per view with @cross_origin:
    // when the view aborts (401 for a missing session) the decorator's headers are never added, so
    // the page cannot read the refusal. Root: the @cross_origin line of the aborting view.
    name: "heldout8 Flask: @cross_origin on a view that aborts 401, the error answer has no CORS",
    url: "https://github.com/corydolphin/flask-cors/issues/241",
    rootText: '@cross_origin(origins=["{{ORIGIN}}"], supports_credentials=True)',
    app: `from flask import Blueprint, Flask, abort, jsonify, session
from flask_cors import cross_origin

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items")
@cross_origin(origins=["{{ORIGIN}}"])
def items():
    return jsonify([])


@api.route("/me")
@cross_origin(origins=["{{ORIGIN}}"], supports_credentials=True)
def me():
    if "user" not in session:
        abort(401)
    return jsonify({"user": session["user"]})


app = Flask(__name__)
app.secret_key = "dev"
app.register_blueprint(api)
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/257 — routes declared with a trailing slash
    // while the front end calls them without: Werkzeug redirects (308), and a redirected preflight is
    // refused ("Redirect is not allowed for a preflight request"). Root: the slashed route.
    name: "heldout8 Flask: the route declared with a trailing slash, the preflight is redirected (308)",
    url: "https://github.com/corydolphin/flask-cors/issues/257",
    rootText: '@app.route("/api/items/", methods=["GET", "POST"])',
    app: `import flask
import flask_cors

app = flask.Flask(__name__)
flask_cors.CORS(app)


@app.route("/api/items/", methods=["GET", "POST"])
def items():
    if flask.request.method == "POST":
        return flask.jsonify({"id": 1}), 201
    return flask.jsonify([])
`,
    calls: [LIST, CREATE],
  },
];
