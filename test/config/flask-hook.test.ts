/**
 * A hand-written Flask after_request hook that sets the CORS headers itself: read as adding them
 * to every response (Flask's automatic OPTIONS answer too), patched in its own lines, linted for
 * what the app's routes need that it never sets. (Run on the real Flask in Chromium by
 * test/fixes/config-flask-chromium.fixes.test.ts, held-out set 5's hook case.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";
beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

const app = (hook: string, imports = "from flask import Flask, jsonify, request") => `${imports}

app = Flask(__name__)


@app.route("/api/items", methods=["GET", "POST"])
def items():
    return jsonify([])


@app.route("/api/items/<int:item_id>", methods=["PUT", "DELETE"])
def item(item_id):
    return jsonify({"id": item_id})


@app.after_request
def add_cors_headers(response):
${hook}    return response
`;

const ORIGIN_ONLY = `    response.headers["Access-Control-Allow-Origin"] = "*"\n`;
const preflight = (method: string, headers = "content-type") => ({
  method: "OPTIONS",
  url: "http://h/api/items/1",
  headers: [
    ["Origin", PAGE],
    ["Access-Control-Request-Method", method],
    ["Access-Control-Request-Headers", headers],
  ] as Array<[string, string]>,
});

describe("Flask: a hand-written after_request hook", () => {
  it("adds what it sets to Flask's own OPTIONS answer (200), and nothing else", () => {
    const a = readConfig([{ path: "app.py", text: app(ORIGIN_ONLY) }]).answer(preflight("PUT"));
    expect(a.kind === "known" && [a.status, a.headers]).toEqual([
      200,
      [["Access-Control-Allow-Origin", "*"]],
    ]);
  });

  it("adds the missing Allow-Headers and Allow-Methods lines before `return response`; a second run changes nothing", () => {
    const file = { path: "app.py", text: app(ORIGIN_ONLY) };
    const ev = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      `${ORIGIN_ONLY}    response.headers["Access-Control-Allow-Methods"] = "PUT"\n    response.headers["Access-Control-Allow-Headers"] = "Content-Type"\n    return response\n`,
    );
    const fixed = { path: "app.py", text: after };
    const again = fixConfig(
      [fixed],
      recordedFrom(
        [fixed],
        [
          {
            url: "http://h/api/items/1",
            method: "PUT",
            origin: PAGE,
            headers: [["Content-Type", "application/json"]],
          },
        ],
      ),
    );
    expect(fixDiff(again)).toBe("");
  });

  it("grows a list it sets, keeping what it allowed", () => {
    const hook = `${ORIGIN_ONLY}    response.headers.add("Access-Control-Allow-Methods", "GET, POST")\n    response.headers.set("Access-Control-Allow-Headers", "Content-Type")\n`;
    const file = { path: "app.py", text: app(hook) };
    const ev = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "DELETE",
          origin: PAGE,
          headers: [["Authorization", "Bearer t"]],
        },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(
      `+    response.headers.add("Access-Control-Allow-Methods", "GET, POST, DELETE")`,
    );
    expect(fixDiff(r)).toContain(
      `+    response.headers.set("Access-Control-Allow-Headers", "Content-Type, Authorization")`,
    );
  });

  it("a literal origin answers the page with its own origin, the old value kept for the others, Vary added", () => {
    const hook = `    response.headers["Access-Control-Allow-Origin"] = "https://shop.example.com"\n`;
    const file = { path: "app.py", text: app(hook) };
    const ev = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      `response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin") if request.headers.get("Origin") in ["https://shop.example.com", "${PAGE}"] else "https://shop.example.com"\n    response.headers["Vary"] = "Origin"\n`,
    );
    const config = readConfig([{ path: "app.py", text: after }]);
    for (const [origin, want] of [
      [PAGE, PAGE],
      ["https://shop.example.com", "https://shop.example.com"],
      ["https://evil.example", "https://shop.example.com"],
    ])
      expect(
        (() => {
          const a = config.answer({
            method: "GET",
            url: "http://h/api/items",
            headers: [["Origin", origin as string]],
          });
          return a.kind === "known"
            ? a.headers.find(([n]) => n === "Access-Control-Allow-Origin")?.[1]
            : a.why.key;
        })(),
      ).toBe(want);
  });

  it("without flask's request imported, the origin is refused with the reason", () => {
    const hook = `    response.headers["Access-Control-Allow-Origin"] = "https://shop.example.com"\n`;
    const file = { path: "app.py", text: app(hook, "from flask import Flask, jsonify") };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok).toBe(false);
    expect(r.cannot.map((c) => c.why.key)).toContain("config.flask.cannot.hook-origin");
  });

  it("beside flask-cors, or on a blueprint, or doing more than set headers: unknown, as before", () => {
    const beside = app(ORIGIN_ONLY)
      .replace("app = Flask(__name__)\n", "app = Flask(__name__)\nCORS(app)\n")
      .replace("request\n", "request\nfrom flask_cors import CORS\n");
    const logic = app(
      `    if request.method == "OPTIONS":\n        response.status_code = 204\n${ORIGIN_ONLY}`,
    );
    for (const text of [beside, logic]) {
      const a = readConfig([{ path: "app.py", text }]).answer(preflight("PUT"));
      expect(a.kind === "unknown" && a.why.key).toBe("config.flask.unknown.hand-set");
    }
  });

  it("check: no Allow-Headers with POST/PUT routes (warning), no Allow-Methods with PUT/DELETE routes (error), * with credentials; a complete hook has none", () => {
    const codes = (hook: string) =>
      checkConfig([{ path: "app.py", text: app(hook) }]).findings.map((f) => [f.code, f.severity, f.line]);
    const hookLine = app(ORIGIN_ONLY).split("\n").indexOf("@app.after_request") + 1;
    expect(codes(ORIGIN_ONLY)).toEqual([
      ["flask-hook-no-allow-headers", "warning", hookLine],
      ["flask-hook-no-allow-methods", "error", hookLine],
    ]);
    const creds = `${ORIGIN_ONLY}    response.headers["Access-Control-Allow-Credentials"] = "true"\n    response.headers["Access-Control-Allow-Headers"] = "Content-Type"\n    response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"\n`;
    expect(codes(creds)).toEqual([["wildcard-with-credentials", "error", hookLine + 3]]);
    expect(codes(creds.replace('"true"', '"false"'))).toEqual([]);
  });
});
