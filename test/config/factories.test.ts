/**
 * Apps made in an application factory (a function that makes the app and returns it): read as the
 * server runs them when it calls the function, and patched inside it at its indentation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import type { ConfigFile } from "../../src/config/types";
import { grammarBytes, recordedFrom } from "./recorded";

const SHOP = "https://shop.example.com";
const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

function allowOrigin(files: ConfigFile[], origin: string, path = "/api/items"): string | null {
  const a = readConfig(files).answer({
    method: "GET",
    url: `http://h${path}`,
    headers: [["Origin", origin]],
  });
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers.find(([n]) => n.toLowerCase() === "access-control-allow-origin")?.[1] ?? null;
}

/** The patch for one blocked GET from PAGE (the evidence rendered from a file that blocks it). */
function patched(file: ConfigFile): { ok: boolean; diff: string; after: string } {
  const ev = recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]);
  const r = fixConfig([file], ev);
  return { ok: r.ok, diff: fixDiff(r), after: r.files[0]?.after ?? file.text };
}

const FLASK = `import os

from flask import Blueprint, Flask, jsonify
from flask_cors import CORS

api = Blueprint("api", __name__, url_prefix="/api")


@api.route("/items")
def items():
    return jsonify([])


def create_app():
    app = Flask(__name__)
    allowed = os.environ.get("ALLOWED", "${SHOP}").split(",")
    CORS(app, origins=allowed)
    app.register_blueprint(api)
    return app
`;

const FASTAPI = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def create_app() -> FastAPI:
    application = FastAPI()
    application.add_middleware(CORSMiddleware, allow_origins=["${SHOP}"])

    @application.get("/api/items")
    def items():
        return []

    return application


app = create_app()
`;

const EXPRESS = `const express = require("express");

function createApp() {
  const app = express();
  app.get("/api/items", (req, res) => res.json([]));
  return app;
}

module.exports = createApp;
`;

describe("application factories", () => {
  it("Flask: create_app()'s CORS(…) is read with its local names and the module's blueprint", () => {
    const f = { path: "app.py", text: FLASK };
    expect(allowOrigin([f], SHOP)).toBe(SHOP);
    expect(allowOrigin([f], PAGE)).toBeNull();
    const p = patched(f);
    expect(p.ok).toBe(true);
    // The environment's value is kept; the page is added after the split (inside the factory).
    expect(p.after).toContain(
      `    allowed = os.environ.get("ALLOWED", "${SHOP}").split(",") + ["${PAGE}"]\n`,
    );
  });

  it("Flask: CORS(…) added inside the factory, at its indentation, when there is none", () => {
    const text = FLASK.replace(
      '    allowed = os.environ.get("ALLOWED", "https://shop.example.com").split(",")\n    CORS(app, origins=allowed)\n',
      "",
    );
    expect(text).not.toContain("CORS(app");
    const p = patched({ path: "app.py", text });
    expect(p.ok).toBe(true);
    expect(p.after).toContain(`    app = Flask(__name__)\n    CORS(app, origins=["${PAGE}"])\n`);
  });

  it("two factories: which one the server calls is not in the file, so none is read", () => {
    const text = `${FLASK}

def create_test_app():
    app = Flask(__name__)
    return app
`;
    const p = patched({ path: "app.py", text: FLASK });
    expect(p.ok).toBe(true);
    const r = fixConfig(
      [{ path: "app.py", text }],
      recordedFrom([{ path: "app.py", text: FLASK }], [{ url: "http://h/api/items", origin: PAGE }]),
    );
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
  });

  it("FastAPI: the factory's add_middleware is read and extended in place", () => {
    const f = { path: "app.py", text: FASTAPI };
    expect(allowOrigin([f], SHOP)).toBe(SHOP);
    const p = patched(f);
    expect(p.ok).toBe(true);
    expect(p.diff).toContain(
      `+    application.add_middleware(CORSMiddleware, allow_origins=["${SHOP}", "${PAGE}"])`,
    );
  });

  it("FastAPI: CORSMiddleware added inside the factory when there is none", () => {
    const text = FASTAPI.replace(
      `    application.add_middleware(CORSMiddleware, allow_origins=["${SHOP}"])\n`,
      "",
    );
    const p = patched({ path: "app.py", text });
    expect(p.ok).toBe(true);
    expect(p.after).toContain(
      `    application = FastAPI()\n\n    application.add_middleware(CORSMiddleware, allow_origins=["${PAGE}"])\n`,
    );
  });

  it("Express: createApp() is read; cors is required at the top and used inside the function", () => {
    const f = { path: "app.js", text: EXPRESS };
    expect(allowOrigin([f], PAGE)).toBeNull();
    const p = patched(f);
    expect(p.ok).toBe(true);
    expect(p.after).toContain(`const express = require("express");\nconst cors = require("cors");\n`);
    expect(p.after).toContain(`  const app = express();\n  app.use(cors({ origin: ["${PAGE}"] }));\n`);
  });
});

describe("Koa: cors() on a router meets no preflight", () => {
  const KOA = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router();
router.use(cors());
router.put("/api/items/:id", (ctx) => {
  ctx.body = {};
});
app.use(router.routes());
app.use(router.allowedMethods());
`;
  const preflight = {
    method: "OPTIONS",
    url: "http://h/api/items/1",
    headers: [
      ["Origin", PAGE],
      ["Access-Control-Request-Method", "PUT"],
    ] as Array<[string, string]>,
  };

  it("answers the preflight by allowedMethods() without CORS headers, the PUT itself with them", () => {
    const config = readConfig([{ path: "server.js", text: KOA }]);
    const pre = config.answer(preflight);
    expect(pre.kind === "known" && pre.status).toBe(200);
    expect(pre.kind === "known" && pre.headers.some(([n]) => /^access-control-/i.test(n))).toBe(false);
    const put = config.answer({ method: "PUT", url: "http://h/api/items/1", headers: [["Origin", PAGE]] });
    expect(put.kind === "known" && put.headers.some(([n]) => n === "Access-Control-Allow-Origin")).toBe(true);
  });

  it("check names the router.use line; fix moves the cors(…) onto the app before the router", () => {
    const findings = checkConfig([{ path: "server.js", text: KOA }]).findings;
    expect(findings.map((f) => [f.code, f.severity, f.line])).toContainEqual([
      "koa-cors-on-router",
      "error",
      7,
    ]);
    const ev = recordedFrom(
      [{ path: "server.js", text: KOA }],
      [{ url: "http://h/api/items/1", method: "PUT", origin: PAGE }],
    );
    const r = fixConfig([{ path: "server.js", text: KOA }], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain("const router = new Router();\nrouter.put(");
    expect(r.files[0]?.after).toContain("});\napp.use(cors());\napp.use(router.routes());\n");
  });
});
