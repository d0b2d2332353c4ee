/**
 * `check --config` findings added for shapes held-out set 15 brought (test/fixes/HELDOUT15.md), each on
 * a file of its own, and nothing on the same file made right.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { grammarBytes } from "./recorded";

beforeAll(async () => {
  await prepareConfig(
    [
      { path: "app.py", text: "from flask import Flask\n" },
      { path: "config.ru", text: "use Rack::Cors\n" },
    ],
    grammarBytes,
  );
});

const codes = (path: string, text: string) =>
  checkConfig([{ path, text }]).findings.map((f) => `${f.code}@${f.line}`);

describe("Flask: several origins in one string the module sends (quay#1791)", () => {
  const text = `from flask import Flask, make_response

CORS_ORIGIN = "https://console.example.com, https://app.example.com"

app = Flask(__name__)


@app.route("/api/v1/repository")
def repos():
    response = make_response("[]")
    response.headers["Access-Control-Allow-Origin"] = CORS_ORIGIN
    return response
`;
  it("named at the string; not when the module splits it, nor for one origin", () => {
    expect(codes("app.py", text)).toContain("origin-list@3");
    const split = text.replace(
      "= CORS_ORIGIN\n",
      '= request_origin if request_origin in CORS_ORIGIN.split(", ") else ""\n',
    );
    expect(codes("app.py", split)).not.toContain("origin-list@3");
    expect(codes("app.py", text.replace("https://console.example.com, ", ""))).not.toContain("origin-list@3");
  });
});

describe("rack-cors: origins 'localhost' without a port (cyu/rack-cors#167)", () => {
  const text = `require 'rack/cors'

use Rack::Cors do
  allow do
    origins 'localhost'
    resource '*', headers: :any, methods: :any
  end
end

run ->(env) { [200, {}, ['ok']] }
`;
  it("named: rack-cors compares it with the whole Origin, a dev page sends its port", () => {
    expect(codes("config.ru", text)).toContain("origin-localhost-no-port@5");
    expect(codes("config.ru", text.replace("'localhost'", "'localhost:3000'"))).not.toContain(
      "origin-localhost-no-port@5",
    );
  });
});

describe("Hono and Express: Allow-Origin set by an OPTIONS handler only (codex-proxy#447)", () => {
  const hono = `import { Hono } from "hono";
const app = new Hono();
app.options("*", (c) => {
  return c.body(null, 204, {
    "Access-Control-Allow-Origin": c.req.header("Origin") ?? "*",
    "Access-Control-Allow-Methods": "GET, POST",
  });
});
app.get("/v1/models", (c) => c.json([]));
export default app;
`;
  it("named at the handler; not when another middleware sets it too", () => {
    expect(codes("server.mjs", hono)).toContain("cors-on-preflight-only@3");
    const both = hono.replace(
      'app.get("/v1/models"',
      'app.use("*", async (c, next) => {\n  await next();\n  c.header("Access-Control-Allow-Origin", "*");\n});\napp.get("/v1/models"',
    );
    expect(codes("server.mjs", both)).not.toContain("cors-on-preflight-only@3");
  });
  it("Express: the same, and not with cors() for every method", () => {
    const express = `const express = require("express");
const cors = require("cors");
const app = express();
app.options("*", (req, res) => {
  res.set("Access-Control-Allow-Origin", req.headers.origin);
  res.sendStatus(204);
});
app.get("/api/items", (req, res) => res.json([]));
app.listen(3000);
`;
    expect(codes("server.js", express)).toContain("cors-on-preflight-only@4");
    const withCors = express.replace('app.options("*"', 'app.use(cors());\napp.options("*"');
    expect(codes("server.js", withCors).filter((c) => c.startsWith("cors-on-preflight-only"))).toEqual([]);
  });
});
