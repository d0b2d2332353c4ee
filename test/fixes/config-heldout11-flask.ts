/**
 * Issue #23's eleventh never-seen measure, Flask + flask-cors: broken apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's
 * origin. `rootText`: the root cause's line (the first line holding it).
 */
import { LIST } from "./config-django-cases";
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const GET_FLASH: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/v1/news-flash/1",
  headers: {},
  credentials: "omit",
  body: null,
};
const PATCH_FLASH: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/api/v1/news-flash/1",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"location_qualification":"manual"}',
};
const MISSING_ITEM: PageRequest = {
  name: "fail",
  method: "GET",
  path: "/api/items/99",
  headers: {},
  credentials: "omit",
  body: null,
};
const PATRON: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/patrons/me",
  headers: {},
  credentials: "omit",
  body: null,
};
const PUT_PATRON: PageRequest = {
  name: "update",
  method: "PUT",
  path: "/api/patrons/me",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"settings":{"email":true}}',
};

export const HELD_OUT11_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/data-for-change/anyway/pull/2611 — "allowing cors for PATCH requests": the
    // app's CORS() call lists the methods it allows and PATCH is not among them, so the news-flash
    // editor's PATCH is refused at its preflight. Root: the CORS(...) line with the methods.
    name: "heldout11 Flask: CORS() methods leave out PATCH, the news-flash PATCH refused at its preflight",
    url: "https://github.com/data-for-change/anyway/pull/2611",
    rootText: 'CORS(app, resources={r"/api/*": {"origins": "*"}}, methods=["GET", "POST", "PUT", "OPTIONS"])',
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}}, methods=["GET", "POST", "PUT", "OPTIONS"])

NEWS_FLASH = {1: {"id": 1, "title": "crash on route 4", "location_qualification": "auto"}}


@app.route("/api/v1/news-flash/<int:news_flash_id>", methods=["GET", "PATCH"])
def news_flash(news_flash_id):
    item = NEWS_FLASH[news_flash_id]
    if request.method == "PATCH":
        item.update(request.get_json() or {})
    return jsonify(item)
`,
    calls: [GET_FLASH, PATCH_FLASH],
  },
  {
    // https://github.com/corydolphin/flask-cors/issues/168 — "Can't intercept Flask error handlers":
    // the views get their CORS headers from the @cross_origin decorator, but an error raised in a view
    // is answered by the app's errorhandler, whose response the decorator never sees, so the error body
    // is unreadable to the page (switching to the CORS extension resolves it). Root: the decorator on
    // the view that raises.
    name: "heldout11 Flask: @cross_origin per view, the errorhandler's 404 response gets no CORS headers",
    url: "https://github.com/corydolphin/flask-cors/issues/168",
    rootText: '@cross_origin(origins=FRONT_END, methods=["GET"])',
    app: `from flask import Flask, jsonify
from flask_cors import cross_origin

FRONT_END = ["{{ORIGIN}}"]
ITEMS = {1: {"id": 1, "name": "a"}}

app = Flask(__name__)


class ApplicationError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message

    def as_response(self):
        response = jsonify({"error": self.message})
        response.status_code = self.status
        return response


@app.errorhandler(ApplicationError)
def handle_error(err):
    return err.as_response()


@app.route("/api/items")
@cross_origin(origins=FRONT_END)
def list_items():
    return jsonify(list(ITEMS.values()))


@app.route("/api/items/<int:item_id>")
@cross_origin(origins=FRONT_END, methods=["GET"])
def get_item(item_id):
    if item_id not in ITEMS:
        raise ApplicationError(404, "no such item")
    return jsonify(ITEMS[item_id])
`,
    calls: [LIST, MISSING_ITEM],
  },
  {
    // https://github.com/NYPL-Simplified/circulation/pull/1678 — "alter OPTIONS behavior on route def,
    // not at call time": the allows_cors decorator only turns off Flask's automatic OPTIONS answer when
    // the view is called, which is too late — Flask decided when the route was registered, answers the
    // preflight itself, and that answer has no CORS headers. Root: the call-time assignment.
    name: "heldout11 Flask: the CORS decorator disables automatic OPTIONS at call time, Flask answers the preflight",
    url: "https://github.com/NYPL-Simplified/circulation/pull/1678",
    rootText: "wrapper.provide_automatic_options = False",
    app: `from functools import wraps

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)

PATRON = {"id": 7, "settings": {"email": False}}


def allows_cors(allowed_methods):
    def decorator(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            wrapper.provide_automatic_options = False
            if request.method == "OPTIONS":
                response = make_response("", 204)
            else:
                response = make_response(f(*args, **kwargs))
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Methods"] = ", ".join(allowed_methods)
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
            return response

        return wrapper

    return decorator


@app.route("/api/patrons/me", methods=["GET", "PUT"])
@allows_cors(["GET", "PUT"])
def patron():
    if request.method == "PUT":
        PATRON["settings"].update((request.get_json() or {}).get("settings", {}))
    return jsonify(PATRON)
`,
    calls: [PATRON, PUT_PATRON],
  },
];
