/**
 * The Flask reader's changes for held-out set 18's misses (test/fixes/HELDOUT18.md): a login check
 * under @cross_origin that aborts 401 (corydolphin/flask-cors#19), and a @jwt_required view whose
 * route lists OPTIONS, the preflight answered 500 by the view (vimalloc/flask-jwt-extended#475).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import type { ObservedExchange } from "../../src/engine";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:41234";
const API = "http://localhost:8000";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\napp = Flask(__name__)\n" }], wasm);
});

/** The exchange as Chromium recorded it: the answer's status and headers replaced. */
function recorded(
  files: ConfigFile[],
  spec: Parameters<typeof recordedFrom>[1][number],
  change: { preflight?: (h: NonNullable<ObservedExchange["preflight"]>) => object; actual?: object },
): ObservedExchange {
  const [x] = recordedFrom(files, [spec]);
  if (!x) throw new Error("no exchange");
  return {
    ...x,
    preflight:
      x.preflight && change.preflight ? { ...x.preflight, ...change.preflight(x.preflight) } : x.preflight,
    hops: change.actual ? x.hops.map((h) => ({ ...h, ...change.actual })) : x.hops,
    error: "net::ERR_FAILED",
  };
}

describe("Flask: a login check under @cross_origin aborts 401 (corydolphin/flask-cors#19)", () => {
  const text = `from functools import wraps

from flask import Flask, abort, jsonify, request
from flask_cors import cross_origin

app = Flask(__name__)


def login_required(view):
    @wraps(view)
    def decorated_view(*args, **kwargs):
        if "remember_token" not in request.cookies:
            abort(401)
        return view(*args, **kwargs)

    return decorated_view


@app.route("/api/public")
@cross_origin(origins=["${PAGE}"])
def public():
    return jsonify(motd="Welcome")


@app.route("/api/profile")
@cross_origin(origins=["${PAGE}"], supports_credentials=True)
@login_required
def profile():
    return jsonify(user="ada")
`;
  const files = [{ path: "app.py", text }];
  const profile = { url: `${API}/api/profile`, origin: PAGE, credentials: "include" as const };
  const blocked = () =>
    recorded(files, profile, {
      actual: { status: 401, responseHeaders: [["Content-Type", "text/html; charset=utf-8"]] },
    });

  it("the 401 is read as blocked, and `fix` adds CORS(app) for the profile's rule with the decorator's options", () => {
    const r = fixConfig(files, [
      blocked(),
      ...recordedFrom(files, [{ url: `${API}/api/public`, origin: PAGE }]),
    ]);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain("+from flask_cors import CORS");
    expect(fixDiff(r)).toContain(
      `+CORS(app, resources={"^/api/profile$": {"origins": ["${PAGE}"], "supports_credentials": True}})`,
    );
    expect(JSON.stringify(r)).toContain("config.flask.fix.aborts-under");
  });

  it("check names the @cross_origin line; not when the decorator only returns its 401", () => {
    const found = checkConfig(files).findings.filter((f) => f.code === "flask-cross-origin-abort");
    expect(found.map((f) => f.line)).toEqual([26]);
    expect(JSON.stringify(found)).toContain("config.flask.check.cross-abort-under");
    const returns = text.replace("            abort(401)", '            return jsonify(msg="login"), 401');
    expect(checkConfig([{ path: "app.py", text: returns }]).findings.map((f) => f.code)).not.toContain(
      "flask-cross-origin-abort",
    );
  });
});

describe("Flask: a @jwt_required view whose route lists OPTIONS answers the preflight 500 (vimalloc/flask-jwt-extended#475)", () => {
  const text = `from functools import wraps

from flask import Flask, g, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["JWT_EXEMPT_METHODS"] = ["OPTIONS"]
CORS(app, origins=["${PAGE}"])


def jwt_required():
    def wrapper(fn):
        @wraps(fn)
        def decorator(*args, **kwargs):
            if request.method not in app.config["JWT_EXEMPT_METHODS"]:
                if not request.headers.get("Authorization", "").startswith("Bearer "):
                    return jsonify(msg="Missing Authorization Header"), 401
                g._jwt_identity = "ada"
            return fn(*args, **kwargs)

        return decorator

    return wrapper


@app.route("/api/health")
def health():
    return jsonify(status="ok")


@app.route("/api/protected", methods=["GET", "OPTIONS"])
@jwt_required()
def protected():
    return jsonify(logged_in_as=g._jwt_identity), 200
`;
  const files = [{ path: "app.py", text }];
  const me = {
    url: `${API}/api/protected`,
    origin: PAGE,
    headers: [["Authorization", "Bearer x"]] as Array<[string, string]>,
  };
  // The view's 500, which flask-cors' intercept_exceptions still gives its headers.
  const blocked = (t = text) =>
    recorded([{ path: "app.py", text: t }], me, { preflight: () => ({ status: 500 }) });

  it("`fix` removes OPTIONS from the route's methods; the patched file reads the preflight as Flask's 200", () => {
    const r = fixConfig(files, [
      blocked(),
      ...recordedFrom(files, [{ url: `${API}/api/health`, origin: PAGE }]),
    ]);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain('+@app.route("/api/protected", methods=["GET"])');
    expect(JSON.stringify(r)).toContain("config.flask.fix.drop-options");
    const row = r.rows.find((x) => x.url.endsWith("/api/protected"));
    expect(row?.after.verdict).toBe("allowed");
    expect(JSON.stringify(row?.after.assumed)).toContain("config.flask.assumed.automatic-options");
    const after = r.files[0]?.after ?? text;
    expect(fixConfig([{ path: "app.py", text: after }], [blocked()]).edits).toHaveLength(0);
  });

  it("check names the route's line (flask-options-to-view); not once OPTIONS is dropped", () => {
    expect(
      checkConfig(files)
        .findings.filter((f) => f.code === "flask-options-to-view")
        .map((f) => f.line),
    ).toEqual([31]);
    const dropped = text.replace('methods=["GET", "OPTIONS"]', 'methods=["GET"]');
    expect(checkConfig([{ path: "app.py", text: dropped }]).findings.map((f) => f.code)).not.toContain(
      "flask-options-to-view",
    );
  });

  it("refused with its reason where the view handles OPTIONS itself", () => {
    const own = text.replace(
      "def protected():\n",
      'def protected():\n    if request.method == "OPTIONS":\n        return jsonify(ok=False), 500\n',
    );
    const r = fixConfig([{ path: "app.py", text: own }], [blocked(own)]);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain("config.flask.cannot.view-options");
  });
});
