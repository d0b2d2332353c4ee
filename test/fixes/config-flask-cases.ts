/**
 * Broken Flask apps with flask-cors, written the way projects write them (situations rebuilt from
 * flask-cors' documentation and users' questions and issues, no text copied). {{ORIGIN}} is the
 * page's origin.
 */
import { CREATE, LIST, ME, REMOVE, UPDATE } from "./config-django-cases";
import type { PageRequest } from "./page";

const IMPORTS = `import os

from flask import Flask, jsonify
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

export const RUN = `import os

from app import app

app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

export interface FlaskCase {
  name: string;
  app: string;
  calls: PageRequest[];
  check?: { code: string; line: number };
  /** As PythonCase: "cannot" when no safe patch exists and the fix says why (`said`). */
  expect?: "fixed" | "cannot";
  said?: string;
  /** The case's own files (a run.py that calls the application factory). */
  files?: Record<string, string>;
}

/** How an application factory is served (`flask --app app run` and gunicorn call it the same way). */
const RUN_FACTORY = `import os

from app import create_app

create_app().run(host="127.0.0.1", port=int(os.environ["PORT"]))
`;

const APP = `${IMPORTS}
app = Flask(__name__)
`;

export const FLASK_CASES: FlaskCase[] = [
  {
    name: "origins lists the production front end only",
    app: `${APP}CORS(app, origins=["https://shop.example.com"])
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    name: "a resource for /api/* with one origin as a string",
    app: `${APP}CORS(app, resources={r"/api/*": {"origins": "https://shop.example.com"}})
${ROUTES}`,
    calls: [LIST],
  },
  {
    name: "methods narrowed to GET and POST",
    app: `${APP}CORS(app, origins=["{{ORIGIN}}"], methods=["GET", "POST"])
${ROUTES}`,
    calls: [LIST, UPDATE, REMOVE],
  },
  {
    name: "allow_headers without the page's header",
    app: `${APP}CORS(app, origins=["{{ORIGIN}}"], allow_headers=["Content-Type"])
${ROUTES}`,
    calls: [LIST, UPDATE],
  },
  {
    name: "cookies sent, supports_credentials not set",
    app: `${APP}CORS(app, origins=["{{ORIGIN}}"])
${ROUTES}`,
    calls: [LIST, ME],
  },
  {
    name: "flask-cors never set up",
    app: `from flask import Flask, jsonify

app = Flask(__name__)
${ROUTES}`,
    calls: [LIST],
  },
  {
    name: "origins from the environment with a default, split on commas",
    app: `${APP}CORS(app, origins=os.environ.get("CORS_ORIGINS", "https://shop.example.com").split(","))
${ROUTES}`,
    calls: [LIST, CREATE],
  },
  {
    name: "@cross_origin on the view with another front end's origin",
    app: `${APP}

@app.route("/api/items", methods=["GET", "POST"])
@cross_origin(origins=["https://shop.example.com"])
def items():
    return jsonify([])
`,
    calls: [LIST],
  },
  {
    name: "a glob-like origin flask-cors reads as a regex",
    app: `${APP}CORS(app, resources={r"/api/*": {"origins": ["https://*.shop.example.com"]}})
${ROUTES}`,
    calls: [LIST],
    check: { code: "flask-origin-regex-dot", line: 7 },
  },
  {
    name: "a multi-line CORS call with commented origins, cookies sent",
    app: `${APP}CORS(
    app,
    origins=[
        "https://shop.example.com",  # storefront
    ],
    max_age=600,
)
${ROUTES}`,
    calls: [LIST, ME],
  },
  {
    // The application-factory layout of Flask's tutorial
    // (https://flask.palletsprojects.com/en/stable/patterns/appfactories/): the app, its CORS and its
    // routes are made inside create_app(); the origins come from the environment with a default.
    name: "an application factory whose origins list lacks the page",
    app: `${IMPORTS}

def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(SECRET_KEY=os.environ.get("SECRET_KEY", "dev"))

    allowed = os.environ.get("ALLOWED_ORIGINS", "https://shop.example.com").split(",")
    CORS(app, origins=allowed)

    @app.route("/api/items", methods=["GET", "POST"])
    def items():
        return jsonify([])

    @app.route("/api/items/<int:i>", methods=["PUT", "DELETE"])
    def item(i):
        return jsonify({"id": i})

    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [LIST, CREATE, UPDATE],
  },
  {
    // A factory that never set CORS up: the blueprint is defined at module level and registered
    // inside create_app() (the printed CORS(…) goes inside the factory, after the app is made).
    name: "an application factory with a module-level blueprint and no CORS at all",
    app: `import os

from flask import Blueprint, Flask, jsonify

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@api.route("/me")
def me():
    return jsonify({"user": "ada"})


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api)
    return app
`,
    files: { "run.py": RUN_FACTORY },
    calls: [LIST, CREATE],
  },
];

export const FLASK_CORRECT: string[] = [
  `${APP}CORS(app, resources={r"/api/*": {"origins": ["https://shop.example.com"]}}, supports_credentials=True)
${ROUTES}`,
];
