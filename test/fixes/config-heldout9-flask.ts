/**
 * Issue #23's ninth never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT9_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/133 — "Credentials flag is 'true', but the
    // 'Access-Control-Allow-Credentials' header is ''": CORS(app) without supports_credentials while the
    // front end sends its session cookie. Root: the CORS(...) line.
    name: "heldout9 Flask: CORS() without supports_credentials, the cookie call refused",
    url: "https://github.com/corydolphin/flask-cors/issues/133",
    rootText: 'CORS(app, origins=["{{ORIGIN}}"])',
    app: `from flask import Blueprint, Flask, jsonify, session
from flask_cors import CORS

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items")
def items():
    return jsonify([])


@api.route("/me")
def me():
    return jsonify({"user": session.get("user", "ada")})


app = Flask(__name__)
app.secret_key = "dev"
app.register_blueprint(api)
CORS(app, origins=["{{ORIGIN}}"])
`,
    calls: [LIST, ME],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/252 — "Request header field content-type is not
    // allowed by Access-Control-Allow-Headers": allow_headers given as the string 'content_type'
    // (underscore), which matches no header the browser asks for, so the JSON POST's preflight gets no
    // Allow-Headers. Root: the CORS(...) line with allow_headers.
    name: "heldout9 Flask: allow_headers='content_type' (underscore), the JSON POST's preflight refused",
    url: "https://github.com/corydolphin/flask-cors/issues/252",
    rootText: "CORS(app, resources=r\"/api/*\", allow_headers='content_type', origins='*')",
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources=r"/api/*", allow_headers='content_type', origins='*')


@app.route("/api/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1, **(request.get_json() or {})}), 201
    return jsonify([])
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/AOT-Technologies/forms-flow-ai/pull/1205 — "Enable CORS for PUT and DELETE":
    // the API's CORS configuration (read in the application factory) lists GET and POST as methods, so
    // the preflight of the front end's PUT is refused. Root: the methods line of the CORS settings.
    name: "heldout9 Flask: the factory's CORS methods list GET and POST only, the PUT's preflight refused",
    url: "https://github.com/AOT-Technologies/forms-flow-ai/pull/1205",
    rootText: '"methods": ["GET", "POST", "OPTIONS"],',
    app: `import os

from flask import Flask, jsonify, request
from flask_cors import CORS

CORS_SETTINGS = {
    "origins": os.environ.get("FRONTEND_URL", "{{ORIGIN}}"),
    "methods": ["GET", "POST", "OPTIONS"],
    "allow_headers": "*",
}


def create_app():
    app = Flask(__name__)
    CORS(app, resources={r"/api/*": CORS_SETTINGS})

    @app.route("/api/items")
    def list_items():
        return jsonify([])

    @app.route("/api/items/<int:item_id>", methods=["PUT"])
    def update_item(item_id):
        return jsonify({"id": item_id, **(request.get_json() or {})})

    return app


app = create_app()
`,
    calls: [LIST, UPDATE],
  },
];
