/**
 * CORS written from nothing into a Flask or FastAPI app exposes the headers its routes write
 * (src/config/python/written-headers.ts), so the page's script still reads them. The printed file is
 * run as printed on the installed Flask/flask-cors and FastAPI (Debian's /usr/bin/python3), asked
 * for the list with the page's Origin.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, fixConfig, prepareConfig } from "../../src/config";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const BASE = "https://api.example.com";
const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "cors-lens-expose-py-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], wasm);
});

function fixed(text: string) {
  const files: ConfigFile[] = [{ path: "app.py", text }];
  const r = fixConfig(
    files,
    recordedFrom(files, [
      { url: `${BASE}/api/items`, recorded: { preflight: null, actual: { status: 200, headers: [] } } },
    ]),
  );
  return { r, after: r.files[0]?.after ?? text };
}

/** Runs `script` beside the printed app.py and returns what it prints (null: no such Python here). */
function run(after: string, script: string): string | null {
  if (!existsSync(PYTHON)) return null;
  writeFileSync(join(dir, "app.py"), after);
  const r = spawnSync(PYTHON, ["-c", script], { cwd: dir, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe("fix --config, CORS added from nothing to a Python app: the headers the routes write are exposed", () => {
  it("Flask: a tuple's headers and resp.headers[...]; not the OPTIONS-only view, not safelisted names", () => {
    const text = `from flask import Flask, jsonify, make_response

app = Flask(__name__)

TOTAL = {"X-Total-Count": "2"}


@app.route("/api/items")
def items():
    return jsonify([1, 2]), 200, {**TOTAL, "Cache-Control": "no-store"}


@app.route("/api/items", methods=["POST"])
def create():
    resp = make_response(jsonify({"id": 3}), 201)
    resp.headers["Location"] = "/api/items/3"
    return resp


@app.route("/api/ping", methods=["OPTIONS"])
def ping():
    return "", 204, {"X-Only-Preflight": "1"}
`;
    const { r, after } = fixed(text);
    expect(r.ok).toBe(true);
    expect(after).toContain(`CORS(app, origins=["${APP}"], expose_headers=["X-Total-Count", "Location"])\n`);
    expect(r.edits.map((e) => e.why.key)).toContain("config.flask.fix.add-expose");
    const out = run(
      after,
      `from app import app\nr = app.test_client().get("/api/items", headers={"Origin": "${APP}"})\nprint(r.headers.get("Access-Control-Allow-Origin"), r.headers.get("Access-Control-Expose-Headers"))`,
    );
    if (out !== null) expect(out).toBe(`${APP} Location, X-Total-Count`);
    expect(fixed(after).r.edits).toEqual([]);
  });

  it("FastAPI: response.headers[...] and a JSONResponse's headers", () => {
    const text = `from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse

app = FastAPI()


@app.get("/api/items")
def items(response: Response):
    response.headers["X-Total-Count"] = "2"
    return [1, 2]


@app.post("/api/items")
def create():
    return JSONResponse({"id": 3}, status_code=201, headers={"Location": "/api/items/3"})
`;
    const { r, after } = fixed(text);
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `app.add_middleware(CORSMiddleware, allow_origins=["${APP}"], expose_headers=["X-Total-Count", "Location"])\n`,
    );
    expect(r.edits.map((e) => e.why.key)).toContain("config.starlette.fix.add-expose");
    // The ASGI app asked directly (no test client installed here): the list's answer to the page.
    const out = run(
      after,
      `import asyncio
from app import app
sent = []
async def main():
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "path": "/api/items", "raw_path": b"/api/items", "root_path": "", "scheme": "http", "query_string": b"", "headers": [(b"origin", b"${APP}"), (b"host", b"api")], "server": ("api", 80), "client": ("127.0.0.1", 1)}
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(m):
        sent.append(m)
    await app(scope, receive, send)
asyncio.run(main())
h = dict((k.decode().lower(), v.decode()) for k, v in sent[0]["headers"])
print(h.get("access-control-allow-origin"), h.get("access-control-expose-headers"))`,
    );
    if (out !== null) expect(out).toBe(`${APP} X-Total-Count, Location`);
  });
});
