/**
 * Issue #23's seventeenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const NEWS_FLASH: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/news-flash?source=ynet",
  headers: {},
  credentials: "omit",
  body: null,
};
const USER_INFO: PageRequest = {
  name: "me",
  method: "GET",
  path: "/user/info",
  headers: {},
  credentials: "include",
  body: null,
};

const LOGIN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/auth/user/login",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"email":"joe@example.com","password":"secret"}',
};
const TEACHERS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/teachers",
  headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJ0ZWFjaGVyX2lkIjoxfQ.sig" },
  credentials: "omit",
  body: null,
};

export const HELD_OUT17_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/data-for-change/anyway/issues/1953 (fixed by #1954, "fix cors headers for paths
    // with supports_credentials"): the app's flask-cors resources give the login paths (authorize,
    // callback, logout) the site list with credentials, but `/user/*` only `origins: "*"`; the front end
    // asks `/user/info` with the login cookie, and without Access-Control-Allow-Credentials the browser
    // refuses the answer, so a logged-in user shows as logged out. The Flask-RESTX API is written as
    // plain routes, the front end's development origin in the site list. Root: the `/user/*` resource
    // without credentials.
    name: "heldout17 Flask: flask-cors gives /user/* origins '*' without supports_credentials, the logged-in user's info refused",
    url: "https://github.com/data-for-change/anyway/issues/1953",
    // Not fixed since the first run (HELDOUT17.md): now read (get_cors_config() evaluated), `/user/*`
    // blocked for the missing credentials; fix refuses by policy — credentials on a resource open to
    // every site would let any site read the user's data, and narrowing it would block sites allowed
    // today (the project's own fix, #1954, gave /user/* its credentialed site list).
    expect: "cannot",
    said: 'origins allows every site ("*") and the page sends cookies',
    rootText: 'r"/user/*": {"origins": "*"},',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

ANYWAY_CORS_SITE_LIST_PROD = ["https://www.anyway.co.il", "https://anyway-infographics.web.app"]
ANYWAY_CORS_SITE_LIST_DEV = ANYWAY_CORS_SITE_LIST_PROD + ["{{ORIGIN}}"]
SERVER_ENV = "dev"

app = Flask(__name__)


def get_cors_config() -> dict:
    cors_site_list = ANYWAY_CORS_SITE_LIST_PROD
    if SERVER_ENV == "dev":
        cors_site_list = ANYWAY_CORS_SITE_LIST_DEV

    return {
        r"/location-subscription": {"origins": "*"},
        r"/api/news-flash": {"origins": "*"},
        r"/api/infographics-data": {"origins": "*"},
        r"/authorize/*": {"origins": cors_site_list, "supports_credentials": True},
        r"/callback/*": {"origins": cors_site_list, "supports_credentials": True},
        r"/user/*": {"origins": "*"},
        r"/logout": {"origins": cors_site_list, "supports_credentials": True},
    }


CORS(app, resources=get_cors_config())


@app.route("/api/news-flash")
def news_flash():
    return jsonify([{"id": 1, "source": request.args.get("source", "ynet"), "title": "Crash on route 1"}])


@app.route("/user/info")
def user_info():
    if "session" not in request.cookies:
        return jsonify({"logged_in": False})
    return jsonify({"logged_in": True, "user": {"email": "user@anyway.co.il"}})


@app.route("/logout")
def logout():
    return jsonify({"ok": True})
`,
    calls: [NEWS_FLASH, USER_INFO],
  },
  {
    // https://github.com/joegasewicz/flask-jwt-router/issues/61 — "Handle pre-flight request for POST": the
    // extension checks a JWT on every request before the view (a before_request hook) unless the method
    // and path are in the app's WHITE_LIST_ROUTES, so the login route whitelisted for POST still has its
    // browser preflight, an OPTIONS, refused 401, and the protected routes' preflights too ("A fix for
    // this is to always allow OPTIONS"). The extension (not installed here) is written as its
    // before_request hook; flask-cors answers CORS as the app had it. Root: the token check that runs for
    // the preflight.
    name: "heldout17 Flask: the JWT router's before_request checks OPTIONS too, the login and token calls refused at the preflight",
    url: "https://github.com/joegasewicz/flask-jwt-router/issues/61",
    rootText: "@app.before_request",
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-secret"
app.config["WHITE_LIST_ROUTES"] = [
    ("POST", "/auth/user"),
    ("POST", "/auth/user/login"),
]

CORS(app)


# flask_jwt_router: JwtRoutes(app) — every route needs a token unless whitelisted
@app.before_request
def jwt_route_guard():
    whitelist = app.config.get("WHITE_LIST_ROUTES", [])
    if (request.method, request.path) in whitelist:
        return None
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return jsonify({"error": "Missing or invalid token"}), 401
    return None


@app.route("/auth/user/login", methods=["POST"])
def login():
    return jsonify({"token": "eyJhbGciOiJIUzI1NiJ9.eyJ0ZWFjaGVyX2lkIjoxfQ.sig"})


@app.route("/api/v1/teachers")
def teachers():
    return jsonify([{"id": 1, "name": "Joe"}])
`,
    calls: [LOGIN, TEACHERS],
  },
];
