/**
 * Issue #23's nineteenth never-seen measure, Flask (+ flask-cors where the project uses it): broken apps
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
const ME: PageRequest = {
  name: "me",
  method: "GET",
  path: "/api/me",
  headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig" },
  credentials: "include",
  body: null,
};

export const HELD_OUT19_FLASK: Array<FlaskCase & Held3> = [
  {
    // https://github.com/corydolphin/flask-cors/issues/145 — "Access-Control-Allow-Headers not working": the
    // app is set up with `CORS(app, resources=r'/*', allow_headers='Origin, Content-Type, Accept,
    // Authorization, X-Request-With', supports_credentials=True)`, and Chrome keeps reporting that the
    // Authorization request header is not allowed: flask-cors takes a string `allow_headers` as one pattern,
    // not as a comma-separated list (the maintainer: pass a list), so the header the front end sends matches
    // nothing. The front end sending its bearer token with credentials is the page (the health check passes).
    // Root: the CORS call with allow_headers as one string.
    name: "heldout19 Flask: allow_headers given as one comma-separated string, the bearer-token call refused at the preflight",
    url: "https://github.com/corydolphin/flask-cors/issues/145",
    rootText:
      "CORS(app, resources=r'/*', allow_headers='Origin, Content-Type, Accept, Authorization, X-Request-With', supports_credentials=True)",
    app: `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources=r'/*', allow_headers='Origin, Content-Type, Accept, Authorization, X-Request-With', supports_credentials=True)


@app.route('/api/health')
def health():
    return jsonify(status='ok')


@app.route('/api/me')
def me():
    token = request.headers.get('Authorization', '')
    return jsonify(user='ada' if token.startswith('Bearer ') else None)
`,
    calls: [HEALTH, ME],
  },
];

/**
 * A correct Flask app: the API is a Blueprint registered at /api, given flask-cors with the two front
 * ends, credentials, the methods and headers the page sends; serves itself on $PORT.
 * {{ORIGIN}} and {{ORIGIN2}}: the front ends.
 */
export const HELD_OUT19_FLASK_CORRECT = `import os

from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

api = Blueprint("api", __name__)
CORS(
    api,
    origins=["{{ORIGIN}}", "{{ORIGIN2}}"],
    methods=["GET", "PUT"],
    allow_headers=["Content-Type", "Authorization"],
    supports_credentials=True,
    max_age=600,
)


@api.route("/items")
def items():
    return jsonify([{"id": 1}])


@api.route("/items/<int:item_id>", methods=["PUT"])
def update_item(item_id):
    return jsonify({"id": item_id})


@api.route("/me")
def me():
    return jsonify({"user": "ada"})


app = Flask(__name__)
app.register_blueprint(api, url_prefix="/api")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;
