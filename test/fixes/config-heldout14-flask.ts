/**
 * Issue #23's fourteenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
 * rebuilt from public reports (cited above each case; no text copied), written blind to the readers.
 * {{ORIGIN}} is the test page's origin. `rootText`: the root cause's line (the first line holding it).
 */
import type { FlaskCase } from "./config-flask-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const ARTICLES: PageRequest = {
  name: "list",
  method: "GET",
  path: "/api/articles",
  headers: {},
  credentials: "omit",
  body: null,
};
const LOGIN: PageRequest = {
  name: "create",
  method: "POST",
  path: "/api/auth/login",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"email":"a@example.com","password":"secret"}',
};
const STATUS: PageRequest = {
  name: "list",
  method: "GET",
  path: "/status",
  headers: {},
  credentials: "omit",
  body: null,
};
const QUERY: PageRequest = {
  name: "create",
  method: "POST",
  path: "/query",
  headers: { "content-type": "application/json" },
  credentials: "omit",
  body: '{"from":"unittest","limit":10}',
};

/** flask-react-spa serves its application factory (as `flask run` calls it). */
const RUN_FACTORY = `import os

from app import create_app

create_app().run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

export const HELD_OUT14_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/briancappello/flask-react-spa/issues/24 — "CORS Policy": the project's
    // application factory builds the Flask app, its bundles and blueprints, with no CORS set up, so the
    // separately served React front end cannot read the REST API's answers (the reporter adds
    // `CORS(app, resources={r"/api/*": {"origins": "*"}})` right after the app is created). Root: the
    // app created without CORS.
    name: "heldout14 Flask: the application factory sets up no CORS, the React front end's API calls refused",
    url: "https://github.com/briancappello/flask-react-spa/issues/24",
    rootText: "app = Flask(__name__, **kwargs)",
    app: `from flask import Blueprint, Flask, jsonify, request

api = Blueprint('api', __name__, url_prefix='/api')

ARTICLES = [{'id': 1, 'title': 'Hello World', 'slug': 'hello-world'}]


@api.route('/articles')
def articles():
    return jsonify(ARTICLES)


@api.route('/auth/login', methods=['POST'])
def login():
    data = request.get_json(silent=True) or {}
    return jsonify({'token': 'token-for-' + str(data.get('email'))})


def get_bundles():
    return [api]


def configure_app(app, config_object=None):
    app.config['SECRET_KEY'] = 'not-so-secret'
    app.config['JSON_SORT_KEYS'] = False


def register_blueprints(app, bundles):
    for blueprint in bundles:
        app.register_blueprint(blueprint)


def create_app(config_object=None, **kwargs):
    app = Flask(__name__, **kwargs)
    app.bundles = list(get_bundles())
    configure_app(app, config_object)
    register_blueprints(app, app.bundles)
    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [ARTICLES, LOGIN],
  },
  {
    // https://github.com/mozilla/ActiveData/issues/2 — "Cross-origin request fails in browser due to
    // preflighting": the service's catch-all route lists only GET and POST and its answers carry the
    // Access-Control-Allow-Origin it adds itself, but the JSON query is preflighted and Flask answers
    // that OPTIONS on its own (automatic OPTIONS), without any CORS header, so the browser never sends
    // the query. Root: the catch-all route whose methods leave the preflight to Flask.
    name: "heldout14 Flask: the catch-all route answers with its own Allow-Origin, Flask's automatic OPTIONS has none",
    url: "https://github.com/mozilla/ActiveData/issues/2",
    rootText: "@app.route('/<path:path>', methods=['GET', 'POST'])",
    app: `import json

from flask import Flask, Response, request

app = Flask(__name__)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Content-Type": "application/json",
}


def query(data):
    return {"meta": {"format": "list"}, "data": [{"build": {"branch": "mozilla-central"}}], "request": data}


@app.route('/', defaults={'path': ''}, methods=['GET', 'POST'])
@app.route('/<path:path>', methods=['GET', 'POST'])
def catch_all(path):
    if path == "status":
        return Response(json.dumps({"ok": True}), status=200, headers=CORS_HEADERS)
    data = request.get_json(silent=True) or {}
    return Response(json.dumps(query(data)), status=200, headers=CORS_HEADERS)
`,
    calls: [STATUS, QUERY],
  },
];
