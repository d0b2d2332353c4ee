/**
 * Decorator order on a Flask view (held-out set 4: flask-cors#42 and #65). Python applies decorators
 * bottom-up: a @cross_origin above @app.route decorates a function the route never registered; one
 * under an auth decorator runs only after that decorator has answered the preflight.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, prepareConfig } from "../../src/config";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const file = (text: string): ConfigFile => ({ path: "app.py", text });

beforeAll(async () => {
  await prepareConfig([file("from flask import Flask\n")], wasm);
});

const ABOVE = `from flask import Flask, jsonify
from flask_cors import cross_origin

app = Flask(__name__)


@cross_origin(origins=["${APP}"])
@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])
`;

const AUTH = `from functools import wraps

from flask import Flask, jsonify, request
from flask_cors import cross_origin

app = Flask(__name__)


def requires_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        if not request.headers.get("Authorization"):
            return jsonify({"error": "missing"}), 401
        return f(*args, **kwargs)

    return decorated


@app.route("/api/me", methods=["GET"])
@requires_auth
@cross_origin(origins=["${APP}"], headers=["Authorization"])
def me():
    return jsonify({"user": "ada"})
`;

describe("Flask: @cross_origin where it wraps nothing, or too late", () => {
  it("flask_login's login_required lets OPTIONS through: not taken for a decorator that answers the preflight", () => {
    const text = AUTH.replace("from functools import wraps\n", "from flask_login import login_required\n")
      .replace(/def requires_auth[\s\S]*?return decorated\n/, "")
      .replace("@requires_auth", "@login_required");
    expect(text).not.toContain("def requires_auth");
    const findings = checkConfig([file(text)]).findings.map((f) => f.code);
    expect(findings).not.toContain("flask-auth-before-cross-origin");
  });

  it("above @app.route: no CORS in the answer, named at its line, moved under the route", () => {
    const files = [file(ABOVE)];
    const ev = recordedFrom(files, [{ url: "http://localhost:5000/api/items" }]);
    expect(readAllowOrigin(ev)).toBeNull();
    expect(checkConfig(files).findings.map((f) => [f.code, f.line])).toContainEqual([
      "flask-cross-origin-above-route",
      7,
    ]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `@app.route("/api/items", methods=["GET", "POST"])\n@cross_origin(origins=["${APP}"])\ndef items():`,
    );
  });

  it("under an auth decorator: the preflight answered 401 without CORS, the auth line named, the decorator moved", () => {
    const files = [file(AUTH)];
    const ev = recordedFrom(files, [
      { url: "http://localhost:5000/api/me", headers: [["Authorization", "Bearer t"]] },
    ]);
    expect(ev[0]?.preflight?.status).toBe(401);
    expect(checkConfig(files).findings.map((f) => [f.code, f.line])).toContainEqual([
      "flask-auth-before-cross-origin",
      20,
    ]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `@app.route("/api/me", methods=["GET"])\n@cross_origin(origins=["${APP}"], headers=["Authorization"])\n@requires_auth\ndef me():`,
    );
  });
});

function readAllowOrigin(ev: ReturnType<typeof recordedFrom>): string | null {
  const h = ev[0]?.hops[0]?.responseHeaders ?? [];
  return h.find(([n]) => n.toLowerCase() === "access-control-allow-origin")?.[1] ?? null;
}
