/**
 * Issue #23's third never-seen measure, Flask (flask-cors): apps rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. {{ORIGIN}} is the page's origin.
 * `rootText`: the text of the root cause's line.
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT3_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/126 — supports_credentials given to the
    // /login resource only; the API resource ("*" origins) answers credentialed calls without
    // Allow-Credentials. Root: the CORS(...) resources line.
    name: "heldout3 Flask: supports_credentials on /login only, the credentialed /api call refused",
    url: "https://github.com/corydolphin/flask-cors/issues/126",
    rootText: 'cors = CORS(app, resources={r"/api/*": {"origins": "*"}',
    app: `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
cors = CORS(app, resources={r"/api/*": {"origins": "*"}, r"/login": {"supports_credentials": True}})


@app.route("/login", methods=["POST"])
def login():
    return jsonify({"ok": True})


@app.route("/api/items")
def items():
    return jsonify([])


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})
`,
    calls: [LIST, ME],
    // First run: "fixed" by adding supports_credentials=True beside "*" — every site then reads
    // /api with the user's cookies. Since this stop that patch is refused, with its reason.
    expect: "cannot",
    said: "supports_credentials=True would let every site read",
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/289 — the routes live in a blueprint
    // registered with a url_prefix, the resources pattern was written for the blueprint's own paths:
    // it never matches the served path. Root: the resources line.
    name: "heldout3 Flask: resources written for the blueprint's paths, registered under url_prefix",
    url: "https://github.com/corydolphin/flask-cors/issues/289",
    rootText: 'CORS(app, resources={r"/items*"',
    app: `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

items_bp = Blueprint("items", __name__)


@items_bp.route("/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@items_bp.route("/items/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify({"id": i})


app = Flask(__name__)
CORS(app, resources={r"/items*": {"origins": "{{ORIGIN}}"}})

app.register_blueprint(items_bp, url_prefix="/api")
`,
    calls: [LIST, CREATE],
  },
];
