/**
 * Issue #23's seventh never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT7_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/211 — the /api/* resource given one origin as
    // a string, the production site's, while the page runs elsewhere: flask-cors answers without
    // Allow-Origin for it. Root: the line holding the origin.
    name: "heldout7 Flask: the /api/* resource's origins names the production site only",
    url: "https://github.com/corydolphin/flask-cors/issues/211",
    rootText: 'ALLOWED_ORIGIN = os.environ.get("ALLOWED_ORIGIN", "https://www.example.com")',
    app: `import os

from flask import Flask, jsonify, request
from flask_cors import CORS

ALLOWED_ORIGIN = os.environ.get("ALLOWED_ORIGIN", "https://www.example.com")

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": ALLOWED_ORIGIN}})


@app.route("/api/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/250 — CORS(app, resources=...) keyed on one
    // exact path ("/foo") while the routes the page calls are under /api/: those get no CORS at all.
    // Root: the CORS(...) line.
    name: "heldout7 Flask: CORS resources keyed on one path, the /api/ routes the page calls get none",
    url: "https://github.com/corydolphin/flask-cors/issues/250",
    rootText:
      'cors = CORS(app, resources={r"/status": {"origins": ["{{ORIGIN}}", "https://admin.example.com"]}})',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"
cors = CORS(app, resources={r"/status": {"origins": ["{{ORIGIN}}", "https://admin.example.com"]}})


@app.route("/status")
def status():
    return jsonify({"ok": True})


@app.route("/api/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/197 — credentials asked for with a misspelt
    // keyword (support_credentials): flask-cors ignores it and sends no Allow-Credentials, the
    // credentialed call is refused. Root: the CORS(...) line inside the factory.
    name: "heldout7 Flask: support_credentials=True (misspelt) in the factory, no Allow-Credentials sent",
    url: "https://github.com/corydolphin/flask-cors/issues/197",
    rootText: 'CORS(app, origins=["{{ORIGIN}}"], support_credentials=True)',
    app: `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items")
def items():
    return jsonify([])


@api.route("/me")
def me():
    return jsonify({"user": "ada"})


def create_app():
    app = Flask(__name__)
    CORS(app, origins=["{{ORIGIN}}"], support_credentials=True)
    app.register_blueprint(api)
    return app


app = create_app()
`,
    calls: [LIST, ME],
  },
];
