/**
 * Issue #23's second never-seen measure, Flask with flask-cors (Debian's Flask 2.2, flask-cors
 * 3.0.10): each case rebuilds a public report (cited above it), written blind to the readers.
 * {{ORIGIN}} is the page's origin; `rootAt` the root cause's line; no `check` (codes not known blind).
 * The app is run by the Flask suite's run.py.
 */
import { CREATE, LIST } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { HeldOut2PythonCase } from "./config-heldout2-django";
import type { PageRequest } from "./page";

export type HeldOut2FlaskCase = FlaskCase & HeldOut2PythonCase;

/** The page's call with its bearer token and its session cookie. */
const ME_WITH_TOKEN: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: { authorization: "Bearer t0ken" },
  credentials: "include",
  body: null,
};

export const HELD_OUT2_FLASK: HeldOut2FlaskCase[] = [
  {
    // https://github.com/corydolphin/flask-cors/issues/201 — CORS set up right (origin,
    // Authorization allowed, credentials), but a `before_request` JWT check runs for every request,
    // the preflight included, and answers it 401. Root cause: the `@app.before_request` hook.
    name: "heldout2: Flask: a before_request token check answers the preflight 401",
    source: "https://github.com/corydolphin/flask-cors/issues/201",
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["CORS_ENABLED"] = True
if app.config["CORS_ENABLED"] is True:
    CORS(app, origins="{{ORIGIN}}", allow_headers=[
        "Content-Type", "Authorization", "Access-Control-Allow-Credentials"],
        supports_credentials=True)


def authorize_jwt(req):
    if req.headers.get("Authorization") != "Bearer t0ken":
        raise ValueError("no valid token")


@app.before_request
def authorize_token():
    if request.endpoint != "token":
        try:
            authorize_jwt(request)
        except Exception as e:
            return "401 Unauthorized\\n{}\\n\\n".format(e), 401


@app.route("/token", methods=["POST"])
def token():
    return jsonify("t0ken")


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})
`,
    calls: [ME_WITH_TOKEN],
    rootAt: "@app.before_request",
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/200 — `resources={r"/*": {"origins": "*"}}`
    // with no supports_credentials; the page posts JSON with its cookies (withCredentials), so the
    // preflight's `*` and missing Allow-Credentials refuse it. Root cause: the CORS(...) line.
    name: "heldout2: Flask: origins * without supports_credentials, a JSON post with cookies",
    source: "https://github.com/corydolphin/flask-cors/issues/200",
    app: `#library imports
from flask import Flask, abort, jsonify, request
from flask_cors import CORS, cross_origin

app = Flask(__name__)
CORS(app, resources={r"/*": {"origins": "*"}})
app.config['CORS_HEADERS'] = 'Content-Type'


@app.route('/img', methods=['POST'])
def image_upload():
    if not request.json:
        abort(400)
    print(request.json)
    return jsonify('working')


@app.route('/api/items')
def items():
    return jsonify([])
`,
    calls: [LIST, { ...CREATE, path: "/img", credentials: "include" }],
    rootAt: "CORS(app, resources=",
    // origins "*" for every site: credentials for all of them is not a safe patch (refused, said).
    expect: "cannot",
    said: "supports_credentials=True would let every site read",
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/292 (the url_prefix comment) — a blueprint
    // mounted at a prefix with its route "/": /api/items answers with a redirect to /api/items/,
    // which a preflight may not follow. Root cause: the blueprint's `@api.route("/", …)` line.
    name: "heldout2: Flask: a blueprint's '/' route under url_prefix redirects the preflight",
    source: "https://github.com/corydolphin/flask-cors/issues/292",
    app: `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

api = Blueprint("items", __name__)


@api.route("/", methods=["GET", "POST"])
def items():
    return jsonify([])


app = Flask(__name__)
CORS(app)
app.register_blueprint(api, url_prefix="/api/items")
`,
    calls: [LIST, CREATE],
    rootAt: '@api.route("/"',
  },
];
