/**
 * Issue #23's fifth never-seen measure, Flask: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers, as their projects write them (a
 * create_app() factory, blueprints, settings from the environment). {{ORIGIN}} is the page's origin;
 * the suite's run.py imports `app` from app.py. `rootText`: the root cause's line.
 */
import { CREATE, LIST, ME } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT5_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://openillumi.com/en/en-fix-flask-cors-post-block — GET works, POST is blocked: the app
    // adds Access-Control-Allow-Origin in an after_request hook, and the JSON POST's preflight (which
    // Flask answers by itself) gets no Allow-Headers for Content-Type. Root: the after_request hook.
    name: "heldout5 Flask: after_request adds Allow-Origin only, the JSON POST's preflight lacks Allow-Headers",
    // Printed a CORS(app) the hook defeats on the second run (flask-cors skips a response that has
    // Allow-Origin), then refused with the reason (see HELDOUT5.md); read since the hand-written
    // hook's own lines are (2026-12-06).
    url: "https://openillumi.com/en/en-fix-flask-cors-post-block",
    rootText: "@app.after_request",
    app: `import os

from flask import Blueprint, Flask, jsonify, request

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev")
    app.register_blueprint(api)

    @app.after_request
    def add_cors_headers(response):
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return app


app = create_app()
`,
    calls: [LIST, CREATE],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/271 — the extension object made apart with its
    // resources (`CORS(resources={r'/*': {'origins': ['http://localhost:3000']}})`) and given to the
    // app with init_app() in the factory: the front end now runs elsewhere, so every preflight fails.
    // Root: the resources line with the one origin.
    name: "heldout5 Flask: CORS(resources=...) made apart and init_app()'d, its one origin not the page's",
    url: "https://github.com/corydolphin/flask-cors/issues/271",
    rootText: `cors = CORS(resources={r"/*": {"origins": ["http://localhost:3000"]}})`,
    app: `import os

from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS

# extensions
cors = CORS(resources={r"/*": {"origins": ["http://localhost:3000"]}})

items_bp = Blueprint("items", __name__)


@items_bp.route("/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        return jsonify({"id": 1}), 201
    return jsonify([])


def create_app(config_name=None):
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY=os.environ.get("SECRET_KEY", "dev"))
    cors.init_app(app)
    app.register_blueprint(items_bp, url_prefix="/api")
    return app


app = create_app()
`,
    calls: [LIST, CREATE],
  },
  {
    // https://fdocuments.us/document/flask-cors-documentation.html — flask-cors's documentation:
    // "by default, submission of cookies across domains is disabled". The factory allows the front
    // end's origin but not credentials; the logged-in call (with its cookie) is refused. Root: the
    // CORS(...) line without supports_credentials.
    name: "heldout5 Flask: CORS(app, origins=[FRONTEND_URL]) without supports_credentials, the cookie call refused",
    url: "https://fdocuments.us/document/flask-cors-documentation.html",
    rootText: "CORS(app, origins=[FRONTEND_URL])",
    app: `import os

from flask import Blueprint, Flask, jsonify, session
from flask_cors import CORS

FRONTEND_URL = os.environ.get("FRONTEND_URL", "{{ORIGIN}}")

auth_bp = Blueprint("auth", __name__, url_prefix="/api")
api_bp = Blueprint("api", __name__, url_prefix="/api")


@auth_bp.route("/me")
def me():
    return jsonify({"user": session.get("user", "ada")})


@api_bp.route("/items")
def items():
    return jsonify([])


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ.get("SECRET_KEY", "dev-secret")
    CORS(app, origins=[FRONTEND_URL])
    app.register_blueprint(auth_bp)
    app.register_blueprint(api_bp)
    return app


app = create_app()
`,
    calls: [LIST, ME],
  },
];
