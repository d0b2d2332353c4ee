/**
 * Issue #23's sixth never-seen measure, Flask (flask-cors): broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

/** How an application factory is served (`flask --app app run` and gunicorn call it the same way). */
const RUN_FACTORY = `import os

from app import create_app

create_app().run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

export const HELD_OUT6_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/170 — a before_request hook refuses what has no
    // key with abort(401), the browser's preflight (which never carries the key) included: flask-cors
    // adds its headers to the 401, but a preflight must be answered with an ok status. Root: the
    // hook's refusing condition.
    name: "heldout6 Flask: a before_request key check aborts the preflight with 401",
    url: "https://github.com/corydolphin/flask-cors/issues/170",
    rootText:
      'if request.path.startswith("/api/items/") and request.headers.get("X-Api-Key") not in API_KEYS:',
    app: `import os

from flask import Flask, abort, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": os.environ.get("FRONTEND", "{{ORIGIN}}")}})

API_KEYS = {"k1", "k2"}


@app.before_request
def require_api_key():
    if request.path.startswith("/api/items/") and request.headers.get("X-Api-Key") not in API_KEYS:
        abort(401)


@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@app.route("/api/items/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify({"id": i})
`,
    calls: [LIST, UPDATE],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/251 — CORS configured blueprint by blueprint:
    // the items blueprint got CORS(), the account blueprint added later did not, so /api/me answers
    // without CORS headers. Root: the CORS(items_bp, …) line (CORS given to one blueprint only).
    name: "heldout6 Flask: CORS() given to the items blueprint only, the account blueprint's /api/me has none",
    url: "https://github.com/corydolphin/flask-cors/issues/251",
    rootText: 'CORS(items_bp, origins=[app.config["FRONTEND_URL"]], supports_credentials=True)',
    app: `import os

from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

items_bp = Blueprint("items", __name__, url_prefix="/api/items")
account_bp = Blueprint("account", __name__, url_prefix="/api")


@items_bp.route("", methods=["GET", "POST"])
def items():
    return jsonify([])


@items_bp.route("/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify({"id": i})


@account_bp.route("/me")
def me():
    return jsonify({"user": "ada"})


def create_app():
    app = Flask(__name__)
    app.config["FRONTEND_URL"] = os.environ.get("FRONTEND_URL", "{{ORIGIN}}")
    CORS(items_bp, origins=[app.config["FRONTEND_URL"]], supports_credentials=True)
    app.register_blueprint(items_bp)
    app.register_blueprint(account_bp)
    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [LIST, CREATE, ME],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/97 — CORS(app, resources=r'/api/*',
    // allow_headers='Content-Type'): the page's calls that send their API key header are refused at
    // the preflight. Root: the CORS() line.
    name: "heldout6 Flask: allow_headers='Content-Type' only, the X-Api-Key call refused",
    url: "https://github.com/corydolphin/flask-cors/issues/97",
    rootText: 'CORS(app, resources=r"/api/*", allow_headers="Content-Type")',
    app: `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources=r"/api/*", allow_headers="Content-Type")

workplaces = [{"id": 1, "name": "north"}]


@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify(workplaces)


@app.route("/api/items/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify(workplaces[0])
`,
    calls: [LIST, CREATE, UPDATE],
  },
];

/**
 * A correct Flask app (the set's correct Flask configuration): flask-cors with two front ends and
 * credentials on /api/*. ORIGIN and ORIGIN2 stand for the two front ends.
 */
export const HELD_OUT6_FLASK_CORRECT = `import os

from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(
    app,
    resources={r"/api/*": {"origins": ["ORIGIN", "ORIGIN2"]}},
    supports_credentials=True,
    allow_headers=["Content-Type", "Authorization"],
    methods=["GET", "POST", "PUT", "DELETE"],
)


@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@app.route("/api/items/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify({"id": i})


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
