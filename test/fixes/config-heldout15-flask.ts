/**
 * Issue #23's fifteenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

/** An HS256 token for user 1 (secret "dev-secret"), as the front end sends it. */
const USER_JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.dLbOVn_Kn4xnKVLWOSAI_UFFT0-XqvzEmTKA6RPPFlE";

const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/v1/users/me",
  headers: { authorization: `Bearer ${USER_JWT}` },
  credentials: "omit",
  body: null,
};
const SHIPMENTS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/shipments",
  headers: { authorization: `Bearer ${USER_JWT}` },
  credentials: "omit",
  body: null,
};
const REPOSITORIES: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/repository?public=true",
  headers: {},
  credentials: "omit",
  body: null,
};

/** The project serves its application factory (as `flask run` calls it). */
const RUN_FACTORY = `import os

from app import create_app

create_app().run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

export const HELD_OUT15_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/vimalloc/flask-jwt-extended/issues/357 — "flask cors not working when use
    // @jwt_required in before_request": the app's api blueprint checks the JWT identity in a
    // before_request hook and answers 403 'Not Log In' without one; the browser's preflight carries no
    // Authorization header, so the hook refuses it too (flask-cors still adds its headers, but to a
    // 403), and every authenticated call is blocked. flask_jwt_extended is not installed here:
    // get_jwt_identity reads the Bearer token with PyJWT. Root: the blueprint's before_request hook.
    name: "heldout15 Flask: the api blueprint's before_request answers the preflight 403 'Not Log In'",
    url: "https://github.com/vimalloc/flask-jwt-extended/issues/357",
    rootText: "@api.before_request",
    app: `import jwt
from flask import Blueprint, Flask, g, jsonify, request
from flask_cors import CORS

SECRET = "dev-secret"
USERS = {"1": {"id": 1, "email": "ops@example.com"}}

api = Blueprint("api", __name__)


def forbidden(message):
    response = jsonify({"error": "forbidden", "message": message})
    response.status_code = 403
    return response


def get_jwt_identity():
    """Stands in for flask_jwt_extended's: the identity of the request's Bearer token, if any."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        return jwt.decode(header[7:], SECRET, algorithms=["HS256"]).get("sub")
    except jwt.PyJWTError:
        return None


@api.before_request
def before_request():
    u = get_jwt_identity()
    if u:
        user = USERS.get(u)
    else:
        return forbidden("Not Log In")
    g.current_user = user
    if g.current_user is None:
        return forbidden("Current user not found")


@api.route("/v1/users/me")
def me():
    return jsonify(g.current_user)


@api.route("/v1/shipments")
def shipments():
    return jsonify([{"id": 10, "carrier": "UPS"}])


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "not-so-secret"
    CORS(app)
    app.register_blueprint(api, url_prefix="/api")
    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [ME, SHIPMENTS],
  },
  {
    // https://github.com/quay/quay/pull/1791 — "api: Allow setting multiple CORS_ORIGIN (PROJQUAY-5213)":
    // the registry's crossorigin decorator sends app.config["CORS_ORIGIN"] as the Allow-Origin value as
    // it is; the console integration needs a second front end, and a value listing both ("is this a
    // list, or do you need to split on ',' first?") goes out as one header naming two origins, which the
    // browser refuses. Written with the decorator and the config as the registry's app module, the two
    // front ends as the console's and the page's. Root: the CORS_ORIGIN setting.
    name: "heldout15 Flask: CORS_ORIGIN lists two front ends in one string, the decorator sends both as Allow-Origin",
    url: "https://github.com/quay/quay/pull/1791",
    rootText: 'CORS_ORIGIN = "https://console.example.com, {{ORIGIN}}"',
    app: `from functools import wraps

from flask import Flask, jsonify, make_response, request

# config.yaml (as the app reads it)
CORS_ORIGIN = "https://console.example.com, {{ORIGIN}}"

app = Flask(__name__)
app.config["CORS_ORIGIN"] = CORS_ORIGIN


def crossorigin(anonymous=True):
    """util/request.py: the API's CORS decorator."""

    def decorate(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            cors_origin = app.config.get("CORS_ORIGIN", "*")
            response = make_response(func(*args, **kwargs))
            response.headers["Access-Control-Allow-Origin"] = cors_origin
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
            response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
            return response

        return wrapper

    return decorate


@app.route("/api/v1/repository")
@crossorigin()
def list_repos():
    public = request.args.get("public") == "true"
    return jsonify({"repositories": [{"namespace": "quay", "name": "busybox", "is_public": public}]})
`,
    calls: [REPOSITORIES],
  },
];

/**
 * A correct Flask app serving itself on $PORT (the set's correct Flask configuration): flask-cors on
 * /api/* with both front ends, credentials, the page's methods and headers. {{ORIGIN}} and
 * {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT15_FLASK_CORRECT = `import os

from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(
    app,
    resources={
        r"/api/*": {
            "origins": ["{{ORIGIN}}", "{{ORIGIN2}}"],
            "methods": ["GET", "PUT"],
            "allow_headers": ["Content-Type", "Authorization"],
            "supports_credentials": True,
            "max_age": 600,
        }
    },
)


@app.route("/api/items")
def items():
    return jsonify([{"id": 1}])


@app.route("/api/items/<int:item_id>", methods=["PUT"])
def update_item(item_id):
    return jsonify({"id": item_id})


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
