/**
 * `check` on held-out set 20's Python misses (test/fixes/HELDOUT20.md): Django, an origin regex
 * copied with its quotes and Python's r prefix into the environment variable's value
 * (mozilla/network-pulse-api#334); Flask, no CORS with the routes brought by a blueprint
 * (OperationCode/resources_api#263).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { quotedRegex } from "../../src/config/origin-regex";
import { pythonGrammarBytes as wasm } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOWED_ORIGINS = []\n" }], wasm);
});

const SETTINGS = (regexes: string) => `import os

INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ORIGIN_ALLOW_ALL = False
${regexes}
CORS_ALLOW_CREDENTIALS = True
`;

describe("django-regex-quoted", () => {
  it("an env default holding r'…': named at the string and at the setting's line", () => {
    const text = SETTINGS(`CORS_ORIGIN_REGEX_WHITELIST = (os.environ.get(
    "CORS_ORIGIN_REGEX_WHITELIST", r"r'^(https?://)?localhost(:\\d+)?$'"
),)`);
    const found = checkConfig([{ path: "settings.py", text }]).findings.filter(
      (f) => f.code === "django-regex-quoted",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", line: 7, also: [{ file: "settings.py", line: 6 }] });
    expect(found[0]?.words).toEqual({
      key: "config.check.regex-quoted",
      params: { regex: "r'^(https?://)?localhost(:\\d+)?$'" },
    });
  });

  it("quoted with double quotes too; an unquoted pattern, or one with a quote inside only, is not", () => {
    const text = SETTINGS(
      `CORS_ALLOWED_ORIGIN_REGEXES = ['"^https://app\\\\.example\\\\.com$"', r"^https://app\\.example\\.com$"]`,
    );
    const codes = checkConfig([{ path: "settings.py", text }]).findings.map((f) => [f.code, f.line]);
    expect(codes.filter(([c]) => c === "django-regex-quoted")).toEqual([["django-regex-quoted", 6]]);
    expect(quotedRegex("^https://a'b\\.example$")).toBe(false);
    expect(quotedRegex("r'^x$'")).toBe(true);
    expect(quotedRegex("'^x$\"")).toBe(false);
  });
});

describe("Flask no-cors names the blueprint registrations too (OperationCode/resources_api#263)", () => {
  it("the app's line, and each register_blueprint as also", () => {
    const text = `from flask import Blueprint, Flask, jsonify

bp = Blueprint("api", __name__)


@bp.route("/resources")
def resources():
    return jsonify([])


app = Flask(__name__)
app.register_blueprint(bp, url_prefix="/api/v1")
`;
    const found = checkConfig([{ path: "app.py", text }]).findings.filter((f) => f.code === "no-cors");
    expect(found).toEqual([expect.objectContaining({ line: 11, also: [{ file: "app.py", line: 12 }] })]);
    // No blueprint: no also.
    const plain = checkConfig([
      {
        path: "app.py",
        text: 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/x")\ndef x():\n    return ""\n',
      },
    ]).findings.filter((f) => f.code === "no-cors");
    expect(plain).toHaveLength(1);
    expect(plain[0]?.also).toBeUndefined();
  });
});
