/**
 * Issue #23's eighteenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const HEALTH: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/health",
  headers: {},
  credentials: "omit",
  body: null,
};
const PROTECTED: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/protected",
  headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig" },
  credentials: "omit",
  body: null,
};

const TODOS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/todos",
  headers: {},
  credentials: "omit",
  body: null,
};
const TODO_WITHOUT_TASK: PageRequest = {
  name: "bad-body",
  method: "POST",
  path: "/todos",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  credentials: "omit",
  body: "priority=2",
};

const PUBLIC: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/public",
  headers: {},
  credentials: "omit",
  body: null,
};
const PROFILE: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/profile",
  headers: {},
  credentials: "include",
  body: null,
};

export const HELD_OUT18_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/vimalloc/flask-jwt-extended/issues/475 — "@jwt_required does not work with the
    // OPTIONS method": the protected view is routed with methods ["GET", "OPTIONS"] and decorated with
    // @jwt_required(); the token check lets OPTIONS through unverified (OPTIONS is among its exempt
    // methods), Flask calls the view itself for OPTIONS because the route names it, and the view's
    // get_jwt_identity() raises, so the browser's preflight is answered 500. flask-jwt-extended is not
    // installed here: its decorator and get_jwt_identity are written as they behave; flask-cors gives the
    // SPA (the page) its headers. Root: the route that takes OPTIONS into the protected view.
    name: "heldout18 Flask: the @jwt_required view's route lists OPTIONS, the preflight reaches the view and is answered 500",
    url: "https://github.com/vimalloc/flask-jwt-extended/issues/475",
    rootText: '@app.route("/api/protected", methods=["GET", "OPTIONS"])',
    app: `from functools import wraps

from flask import Flask, g, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = "super-secret"
app.config["JWT_EXEMPT_METHODS"] = ["OPTIONS"]
CORS(app, origins=["{{ORIGIN}}"])


# flask_jwt_extended: jwt_required() / get_jwt_identity()
def jwt_required():
    def wrapper(fn):
        @wraps(fn)
        def decorator(*args, **kwargs):
            if request.method not in app.config["JWT_EXEMPT_METHODS"]:
                auth = request.headers.get("Authorization", "")
                if not auth.startswith("Bearer "):
                    return jsonify(msg="Missing Authorization Header"), 401
                g._jwt_identity = "ada"
            return fn(*args, **kwargs)

        return decorator

    return wrapper


def get_jwt_identity():
    if "_jwt_identity" not in g:
        raise RuntimeError(
            "You must call \`@jwt_required()\` or \`verify_jwt_in_request()\` before using this method"
        )
    return g._jwt_identity


@app.route("/api/health")
def health():
    return jsonify(status="ok")


@app.route("/api/protected", methods=["GET", "OPTIONS"])
@jwt_required()
def protected():
    current_user = get_jwt_identity()
    return jsonify(logged_in_as=current_user), 200
`,
    calls: [HEALTH, PROTECTED],
  },
  {
    // https://github.com/flask-restful/flask-restful/issues/600 — "cors can't work when 400 happened": the
    // API is built with `Api(app, decorators=[cors.crossdomain(origin='*')])`, and when the argument parser
    // rejects a request it aborts with 400 from inside the decorated view, so the decorator never adds its
    // header and the browser cannot read the error (the maintainer points at Flask-CORS instead).
    // Flask-RESTful is not installed here: its crossdomain decorator and the parser's abort are written as
    // the plain Flask they amount to. The todo front end is the page, posting a form without its task.
    // Root: the crossdomain decorator that adds its header only to answers the view returns.
    name: "heldout18 Flask: the crossdomain decorator's header is lost when the argument parser aborts 400, the error unreadable",
    url: "https://github.com/flask-restful/flask-restful/issues/600",
    rootText:
      "def crossdomain(origin=None, methods=None, headers=None, max_age=21600, attach_to_all=True, automatic_options=True):",
    app: `from datetime import timedelta
from functools import update_wrapper

from flask import Flask, abort, current_app, jsonify, make_response, request

app = Flask(__name__)


# flask_restful.utils.cors
def crossdomain(origin=None, methods=None, headers=None, max_age=21600, attach_to_all=True, automatic_options=True):
    if methods is not None:
        methods = ", ".join(sorted(x.upper() for x in methods))
    if headers is not None and not isinstance(headers, str):
        headers = ", ".join(x.upper() for x in headers)
    if isinstance(max_age, timedelta):
        max_age = max_age.total_seconds()

    def get_methods():
        if methods is not None:
            return methods
        options_resp = current_app.make_default_options_response()
        return options_resp.headers["allow"]

    def decorator(f):
        def wrapped_function(*args, **kwargs):
            if automatic_options and request.method == "OPTIONS":
                resp = current_app.make_default_options_response()
            else:
                resp = make_response(f(*args, **kwargs))
            if not attach_to_all and request.method != "OPTIONS":
                return resp
            h = resp.headers
            h["Access-Control-Allow-Origin"] = origin
            h["Access-Control-Allow-Methods"] = get_methods()
            h["Access-Control-Max-Age"] = str(max_age)
            if headers is not None:
                h["Access-Control-Allow-Headers"] = headers
            return resp

        f.provide_automatic_options = False
        return update_wrapper(wrapped_function, f)

    return decorator


TODOS = {"todo1": {"task": "build an API"}}


# reqparse.RequestParser().add_argument("task", required=True)
def parse_args():
    task = request.form.get("task")
    if not task:
        abort(400, description={"task": "Missing required parameter in the post body"})
    return {"task": task}


@app.route("/todos", methods=["GET", "POST"])
@crossdomain(origin="*")
def todo_list():
    if request.method == "POST":
        args = parse_args()
        todo_id = "todo%d" % (len(TODOS) + 1)
        TODOS[todo_id] = {"task": args["task"]}
        return jsonify(TODOS[todo_id]), 201
    return jsonify(TODOS)
`,
    calls: [TODOS, TODO_WITHOUT_TASK],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/19 — "Support calls of abort() inside of
    // cross_origin annotated": a view given CORS with the `@cross_origin` decorator gets no CORS headers on
    // its answer when it calls abort(), as Flask-Login's login check does for a visitor who is not logged
    // in, so the front end cannot read the 401 and only sees a CORS failure. The login check is written as
    // Flask-Login's unauthorized handler (an abort 401 when the session cookie is missing); the front end
    // asking for the profile before logging in is the page. Root: the profile view given CORS by the
    // decorator.
    name: "heldout18 Flask: @cross_origin adds nothing when the login check aborts 401, the front end cannot read the profile answer",
    url: "https://github.com/corydolphin/flask-cors/issues/19",
    rootText: '@cross_origin(origins=["{{ORIGIN}}"], supports_credentials=True)',
    app: `from functools import wraps

from flask import Flask, abort, jsonify, request
from flask_cors import cross_origin

app = Flask(__name__)


# flask_login.login_required: unauthorized() aborts 401
def login_required(view):
    @wraps(view)
    def decorated_view(*args, **kwargs):
        if "remember_token" not in request.cookies:
            abort(401)
        return view(*args, **kwargs)

    return decorated_view


@app.route("/api/public")
@cross_origin(origins=["{{ORIGIN}}"])
def public():
    return jsonify(motd="Welcome")


@app.route("/api/profile")
@cross_origin(origins=["{{ORIGIN}}"], supports_credentials=True)
@login_required
def profile():
    return jsonify(user="ada")
`,
    calls: [PUBLIC, PROFILE],
  },
];
