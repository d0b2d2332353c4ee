import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  prepareConfig,
  readConfig,
} from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const file = (text: string, path = "app.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig([file("from flask import Flask\n")], wasm);
});

const HEAD = `from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}
const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];
function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}

describe("Flask (flask-cors 3.0.10): what it answers", () => {
  it("reflects any origin by default, Vary for regex origins, lists on a preflight", () => {
    const text = `${HEAD}CORS(app)\n`;
    expect(detectFormat(file(text))).toEqual({ format: "flask" });
    const h = headersOf(ask(text, { url: "http://h/api/x" }));
    expect(value(h, "access-control-allow-origin")).toBe(APP);
    expect(value(h, "vary")).toBe("Origin");
    const pre = headersOf(
      ask(text, {
        url: "http://h/api/x",
        method: "OPTIONS",
        headers: [
          ["Origin", APP],
          ["Access-Control-Request-Method", "PUT"],
          ["Access-Control-Request-Headers", "x-api-key"],
        ],
      }),
    );
    expect(value(pre, "access-control-allow-methods")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    expect(value(pre, "access-control-allow-headers")).toBe("x-api-key");
  });

  it("matches resources as regexes anchored at the start, the most specific first", () => {
    const text = `${HEAD}CORS(app, resources={r"/api/*": {"origins": "${APP}"}, r"/public/*": {"origins": "*"}})\n`;
    expect(value(headersOf(ask(text, { url: "http://h/api/items" })), "access-control-allow-origin")).toBe(
      APP,
    );
    expect(
      value(
        headersOf(ask(text, { url: "http://h/api/items", headers: [["Origin", "https://evil.example"]] })),
        "access-control-allow-origin",
      ),
    ).toBeUndefined();
    expect(
      value(headersOf(ask(text, { url: "http://h/other" })), "access-control-allow-origin"),
    ).toBeUndefined();
  });
});

describe("Flask: fix and check", () => {
  it("turns a single origin string into a list with the page's origin, and is idempotent", () => {
    const text = `${HEAD}CORS(app, resources={r"/api/*": {"origins": "https://admin.example.com"}})\n`;
    const ev = recordedFrom([file(text)], [{ url: "http://127.0.0.1:5000/api/items" }]);
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`{"origins": ["https://admin.example.com", "${APP}"]}`);
    expect(r.ok).toBe(true);
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
  });

  it("adds methods, headers and credentials where the options are written", () => {
    const text = `${HEAD}CORS(
    app,
    origins=["${APP}"],
    methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)
`;
    const ev = recordedFrom(
      [file(text)],
      [
        { url: "http://127.0.0.1:5000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] },
        { url: "http://127.0.0.1:5000/api/me", credentials: "include" },
      ],
    );
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    console.log(
      after,
      JSON.stringify(r.rows.map((x) => [x.id, x.before, x.after])),
      JSON.stringify(r.cannot),
    );
    expect(after).toContain('methods=["GET", "POST", "PUT"]');
    expect(after).toContain('allow_headers=["Content-Type", "x-api-key"]');
    expect(after).toContain("    supports_credentials=True,\n)");
    expect(r.ok).toBe(true);
  });

  it("refuses supports_credentials=True beside every origin: any site would read with cookies", () => {
    for (const cors of [
      "CORS(app)",
      'CORS(app, resources={r"/*": {"origins": "*"}})',
      'CORS(app, origins=r".*")',
    ]) {
      const text = `${HEAD}${cors}\n\n\n@app.get("/api/me")\ndef me():\n    return jsonify({})\n`;
      const ev = recordedFrom(
        [file(text)],
        [{ url: "http://127.0.0.1:5000/api/me", credentials: "include" }],
      );
      const r = fixConfig([file(text)], ev);
      expect(fixDiff(r), cors).toBe("");
      expect(r.ok).toBe(false);
      expect(r.cannot.map((c) => c.why.key)).toEqual(["config.flask.cannot.all-credentials"]);
    }
  });

  it("adds CORS(app, origins=[…]) and its import when the app has none", () => {
    const text =
      "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/api/items')\ndef items():\n    return []\n";
    const ev = recordedFrom([file(text)], [{ url: "http://127.0.0.1:5000/api/items" }]);
    const after = fixConfig([file(text)], ev).files[0]?.after ?? "";
    expect(after).toBe(
      `from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, origins=['${APP}'])\n\n\n@app.get('/api/items')\ndef items():\n    return []\n`,
    );
  });

  it("check: every origin with credentials, origin regexes with dots", () => {
    const any = `${HEAD}CORS(app, supports_credentials=True)\n`;
    expect(checkConfig([file(any)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-any-origin-credentials:5",
    ]);
    const regex = `${HEAD}CORS(app, origins=["https://*.example.com"])\n`;
    expect(checkConfig([file(regex)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-origin-regex-dot:5",
    ]);
    expect(
      checkConfig([file(`${HEAD}CORS(app, origins=["${APP}"], supports_credentials=True)\n`)]).findings,
    ).toEqual([]);
  });

  it("check: an option flask-cors does not know (ignored without a word), with the one meant", () => {
    const typo = `${HEAD}CORS(app, support_credentials=True)\n`;
    const found = checkConfig([file(typo)]).findings;
    expect(found.map((f) => `${f.code}:${f.line}`)).toEqual(["flask-unknown-option:5"]);
    expect(found[0]?.words.params).toEqual({ name: "support_credentials", suggest: "supports_credentials" });
    const resource = `${HEAD}CORS(app, resources={r"/api/*": {"origins": "${APP}", "headerz": ["x"]}})\n`;
    expect(checkConfig([file(resource)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-unknown-option:5",
    ]);
    const decorated = `${HEAD}\n@app.route("/x")\n@cross_origin(origin="${APP}", whatever=1)\ndef x():\n    return ""\n`;
    expect(
      checkConfig([file(decorated)]).findings.map((f) => `${f.code}:${f.words.params?.suggest}`),
    ).toEqual(["flask-unknown-option:origins", "flask-unknown-option:none"]);
  });
});

describe("Flask: a path no resources pattern matches", () => {
  const calls = [{ url: "http://127.0.0.1:5000/api/items" }, { url: "http://127.0.0.1:5000/api/me" }];
  const fix = (text: string) => {
    const r = fixConfig([file(text)], recordedFrom([file(text)], calls));
    return { r, after: r.files[0]?.after ?? "" };
  };

  it("adds a pattern to a resources list, in its style, and keeps the others", () => {
    const text = `${HEAD}CORS(app, resources=[r"/v1/*", r"/admin/v1/*"], supports_credentials=True)\n`;
    const { r, after } = fix(text);
    expect(after).toBe(text.replace('r"/admin/v1/*"]', 'r"/admin/v1/*", r"/api/*"]'));
    expect(r.ok).toBe(true);
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.flask.fix.resource"]);
    expect(fixDiff(fixConfig([file(after)], recordedFrom([file(after)], calls)))).toBe("");
  });

  it("turns a single pattern into a list, and adds a resource to a dict with the page's origin", () => {
    const one = `${HEAD}CORS(app, resources="/v1/*")\n`;
    expect(fix(one).after).toBe(one.replace('"/v1/*"', '["/v1/*", "/api/*"]'));
    const dict = `${HEAD}CORS(app, origins=["https://admin.example.com"], resources={
    r"/v1/*": {"methods": ["GET"]},
})
`;
    const { r, after } = fix(dict);
    expect(after).toBe(
      dict.replace(
        '{"methods": ["GET"]},\n',
        `{"methods": ["GET"]},\n    r"/api/*": {"origins": ["${APP}"]},\n`,
      ),
    );
    expect(r.ok).toBe(true);
  });
});

describe("Flask: which view and which CORS() Flask routes a request to", () => {
  it("CORS(bp) acts on its blueprint's routes only; fix adds the same CORS() for the route's blueprint", () => {
    const text = `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
api = Blueprint("api", __name__)
admin = Blueprint("admin", __name__, url_prefix="/admin")
CORS(admin, origins=["${APP}"])


@api.route("/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@admin.route("/stats")
def stats():
    return jsonify({})


app.register_blueprint(api, url_prefix="/api")
app.register_blueprint(admin)
`;
    const acao = (path: string) =>
      value(headersOf(ask(text, { url: `http://127.0.0.1:5000${path}` })), "access-control-allow-origin");
    expect(acao("/admin/stats")).toBe(APP);
    expect(acao("/api/items")).toBeUndefined();
    const calls = [
      { url: "http://127.0.0.1:5000/api/items" },
      {
        url: "http://127.0.0.1:5000/api/items",
        method: "POST",
        headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
      },
    ];
    const r = fixConfig([file(text)], recordedFrom([file(text)], calls));
    const after = r.files[0]?.after ?? "";
    expect(after).toBe(
      text.replace(
        `CORS(admin, origins=["${APP}"])\n`,
        `CORS(admin, origins=["${APP}"])\nCORS(api, origins=["${APP}"])\n`,
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.flask.fix.blueprint"]);
    expect(fixDiff(fixConfig([file(after)], recordedFrom([file(after)], calls)))).toBe("");
  });

  it("routes a URL's OPTIONS to the first view declared for it: @cross_origin on the second view is named and copied", () => {
    const text = `from flask import Flask, jsonify
from flask_cors import cross_origin

app = Flask(__name__)


@app.route("/api/items", methods=["GET"])
def list_items():
    return jsonify([])


@app.route("/api/items", methods=["POST"])
@cross_origin(origins=["${APP}"], methods=["POST"])
def create_item():
    return jsonify({}), 201
`;
    const pre = ask(text, {
      url: "http://127.0.0.1:5000/api/items",
      method: "OPTIONS",
      headers: [
        ["Origin", APP],
        ["Access-Control-Request-Method", "POST"],
      ],
    });
    expect(pre).toMatchObject({ kind: "known", status: 200 });
    expect(value(headersOf(pre), "access-control-allow-origin")).toBeUndefined();
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-cross-origin-shadowed:13",
    ]);
    const calls = [
      {
        url: "http://127.0.0.1:5000/api/items",
        method: "POST",
        headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
      },
    ];
    const r = fixConfig([file(text)], recordedFrom([file(text)], calls));
    const after = r.files[0]?.after ?? "";
    expect(after).toBe(
      text.replace(
        'methods=["GET"])\ndef list_items',
        `methods=["GET"])\n@cross_origin(origins=["${APP}"], methods=["POST"])\ndef list_items`,
      ),
    );
    expect(r.ok).toBe(true);
    expect(checkConfig([file(after)]).findings).toEqual([]);
    expect(fixDiff(fixConfig([file(after)], recordedFrom([file(after)], calls)))).toBe("");
  });
});

describe("Flask: check, CORS that reaches none of the routes", () => {
  it("warns when no resources pattern matches any route, and when CORS(bp) leaves another blueprint bare", () => {
    const text = `${HEAD}CORS(app, resources=[r"/v1/*"])


@app.route("/api/items")
def items():
    return "[]"
`;
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.severity}:${f.line}`)).toEqual([
      "flask-cors-covers-no-route:warning:5",
    ]);
    expect(checkConfig([file(text.replace('r"/v1/*"', 'r"/api/*"'))]).findings).toEqual([]);
    const bp = `from flask import Blueprint, Flask
from flask_cors import CORS

app = Flask(__name__)
api = Blueprint("api", __name__)
admin = Blueprint("admin", __name__)
CORS(admin)


@api.route("/items")
def items():
    return "[]"


@admin.route("/stats")
def stats():
    return "{}"


app.register_blueprint(api, url_prefix="/api")
app.register_blueprint(admin, url_prefix="/admin")
`;
    const found = checkConfig([file(bp)]).findings;
    expect(found.map((f) => `${f.code}:${f.severity}:${f.line}`)).toEqual([
      "flask-cors-other-blueprint:warning:7",
    ]);
    expect(found[0]?.words.params).toMatchObject({
      target: "admin",
      name: "api",
      rule: "/api/items",
      line: 10,
    });
    expect(checkConfig([file(bp.replace("CORS(admin)\n", "CORS(admin)\nCORS(api)\n"))]).findings).toEqual([]);
  });
});

describe("Flask: Werkzeug's rule order", () => {
  it("tries a static rule before one with a converter declared earlier", () => {
    const text = `from flask import Flask
from flask_cors import cross_origin

app = Flask(__name__)


@app.route("/api/<name>")
def anything(name):
    return name


@app.route("/api/items")
@cross_origin(origins=["${APP}"])
def items():
    return "[]"
`;
    const acao = (path: string) =>
      value(headersOf(ask(text, { url: `http://127.0.0.1:5000${path}` })), "access-control-allow-origin");
    expect(acao("/api/items")).toBe(APP);
    expect(acao("/api/other")).toBeUndefined();
  });

  it("keeps what a blueprint's CORS() allowed among the requests a fix must not narrow", () => {
    const text = `from flask import Blueprint, Flask
from flask_cors import CORS

app = Flask(__name__)
api = Blueprint("api", __name__)
CORS(api, origins=["https://admin.example.com"], supports_credentials=True)


@api.route("/items")
def items():
    return "[]"


app.register_blueprint(api, url_prefix="/api")
`;
    const allowance = readConfig([file(text)]).allowance();
    expect(allowance).toEqual([
      expect.objectContaining({
        url: "http://127.0.0.1:5000/api/items",
        origins: ["https://admin.example.com"],
        credentials: true,
      }),
    ]);
  });
});

describe("Flask: the fix suite's files", () => {
  it("check names each planted problem's line, and nothing in the correct files", async () => {
    const { FLASK_CASES, FLASK_CORRECT } = await import("../fixes/config-flask-cases");
    for (const c of FLASK_CASES) {
      const found = checkConfig([file(c.app.replaceAll("{{ORIGIN}}", APP))]).findings;
      if (c.check) expect(found, c.name).toContainEqual(expect.objectContaining(c.check));
      expect(
        found.filter((f) => f.severity === "error" && f.code !== c.check?.code),
        c.name,
      ).toEqual([]);
    }
    for (const text of FLASK_CORRECT) expect(checkConfig([file(text)]).findings).toEqual([]);
  });
});

describe("Flask: app.config, before_request hooks, strict slashes", () => {
  it("merges app.config's CORS_* options as flask-cors does: read by CORS(app) when it runs, keywords win", () => {
    const text = `${HEAD}app.config["CORS_SUPPORTS_CREDENTIALS"] = True
app.config.update(CORS_ORIGINS=["${APP}"], CORS_ENABLED=True)
CORS(app, methods=["GET"])
app.config["CORS_MAX_AGE"] = 60
`;
    const pre = ask(text, {
      url: "http://h/api",
      method: "OPTIONS",
      headers: [
        ["Origin", APP],
        ["Access-Control-Request-Method", "GET"],
      ],
    });
    const h = headersOf(pre);
    expect(value(h, "access-control-allow-origin")).toBe(APP);
    expect(value(h, "access-control-allow-credentials")).toBe("true");
    expect(value(h, "access-control-max-age")).toBeUndefined();
    expect(
      value(
        headersOf(ask(text, { url: "http://h/api", headers: [["Origin", "https://x.example"]] })),
        "access-control-allow-origin",
      ),
    ).toBeUndefined();
    // CORS_ENABLED is not an option, but the file reads nothing of it: said; a key the app reads is not.
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-config-not-option:6",
    ]);
    // An origin added where the config writes the list.
    const ev = recordedFrom(
      [file(text.replace(`["${APP}"]`, `["${APP}", "https://b.example"]`))],
      [{ url: "http://127.0.0.1:5000/api", origin: "https://b.example", method: "PUT" }],
    );
    expect(fixConfig([file(text)], ev).files[0]?.after).toContain(
      `app.config.update(CORS_ORIGINS=["${APP}", "https://b.example"], CORS_ENABLED=True)`,
    );
    expect(
      ask(`${HEAD}app.config["CORS_RESOURCES"] = {}\nCORS(app)\n`, { url: "http://h/api" }),
    ).toMatchObject({
      kind: "unknown",
      why: { key: "config.flask.unknown.config" },
    });
  });

  const hooked = `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
app.config["CORS_ENABLED"] = True
if app.config["CORS_ENABLED"] is True:
    CORS(app, origins="${APP}", allow_headers=["Content-Type", "Authorization"], supports_credentials=True)


@app.before_request
def authorize_token():
    if request.headers.get("Authorization") != "Bearer t0ken":
        return "401 Unauthorized", 401


@app.route("/api/me")
def me():
    return jsonify({"user": "ada"})
`;
  it("reads CORS() inside an `if` on app.config; lets OPTIONS through a before_request that refuses the preflight", () => {
    const me = {
      url: "http://127.0.0.1:5000/api/me",
      headers: [["Authorization", "Bearer t0ken"]] as Array<[string, string]>,
      credentials: "include" as const,
      recorded: { preflight: { status: 401, headers: [] }, actual: null },
    };
    const ev = recordedFrom([file(hooked)], [me]);
    expect(ev[0]?.preflight?.status).toBe(401);
    expect(checkConfig([file(hooked)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-before-request-preflight:10",
    ]);
    const r = fixConfig([file(hooked)], ev);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      'def authorize_token():\n    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:\n        return None\n    if request.headers',
    );
    expect(checkConfig([file(after)]).findings).toEqual([]);
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
    // Not imported: `request` is imported from flask.
    const bare = hooked
      .replace("jsonify, request", "jsonify")
      .replace('if request.headers.get("Authorization") != "Bearer t0ken":', "if True:");
    expect(fixConfig([file(bare)], ev).files[0]?.after).toContain("from flask import request\n");
    // An `if` CORS Lens cannot decide: CORS() is not read (as before).
    const undecided = hooked.replace('if app.config["CORS_ENABLED"] is True:', 'if os.environ.get("CORS"):');
    expect(
      readConfig([file(undecided)])
        .check()
        .map((f) => f.code),
    ).toEqual(["flask-config-not-option"]);
  });

  it("a blueprint's '/' route under url_prefix redirects the URL without the slash: strict_slashes=False", () => {
    const text = `from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

api = Blueprint("items", __name__)


@api.route("/", methods=["GET", "POST"])
def items():
    return jsonify([])


app = Flask(__name__)
CORS(app)
app.register_blueprint(api, url_prefix="/api/items")
`;
    const a = ask(text, { url: "http://h/api/items?x=1" });
    expect(a).toMatchObject({ kind: "known", status: 308 });
    expect(value(headersOf(a), "location")).toBe("/api/items/?x=1");
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "flask-slash-redirect:7",
    ]);
    const ev = recordedFrom(
      [file(text)],
      [
        {
          url: "http://127.0.0.1:5000/api/items",
          method: "POST",
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain('@api.route("/", methods=["GET", "POST"], strict_slashes=False)');
    expect(ask(after, { url: "http://h/api/items" })).toMatchObject({ kind: "known", status: 200 });
    expect(checkConfig([file(after)]).findings).toEqual([]);
  });
});
