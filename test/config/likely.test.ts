/**
 * `check --config` without a recording: the requests the application's own code says a front end
 * sends (a JSON body it parses, a header it reads, the cookies it reads or makes SameSite=None),
 * asked of the configuration's model beside the same request without them. Named (a warning) only
 * where the bare request is allowed and this one refused, at the line `fix` would change; never with
 * `--har` (the recording says what the page sends).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { likelySignals } from "../../src/config/likely";
import type { ConfigFile } from "../../src/config/types";
import { grammarBytes, recordedFrom } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

const likely = (files: ConfigFile[]) =>
  checkConfig(files)
    .findings.filter((f) => f.code === "likely-request-refused")
    .map((f) => ({ line: f.line, key: f.words.key, also: f.also?.map((a) => a.line) }));

const EXPRESS = (allowed: string) => `const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.json());
app.use(cors({ origin: "https://app.example.com", allowedHeaders: [${allowed}] }));
app.post("/api/items", (req, res) => res.json(req.body));
app.get("/api/me", (req, res) => res.json({ key: req.get("X-Api-Key") }));
app.listen(3000);
`;

describe("likely requests: read from the code", () => {
  it("signals: a JSON parser, headers read in each stack's forms, cookies read or made for other sites", () => {
    const signals = likelySignals([
      {
        path: "app.py",
        text: `from fastapi import FastAPI, Header
from fastapi.security import APIKeyHeader, HTTPBearer
key = APIKeyHeader(name="X-API-Key")
bearer = HTTPBearer()
async def f(request, x_tenant: str = Header(None), forwarded_for: str = Header(alias="X-Forwarded-For")):
    if "x-trace" not in request.headers: pass
    request.headers.get("User-Agent")
    request.META["HTTP_X_CLIENT_ID"]
SESSION_COOKIE_SAMESITE = "None"
`,
      },
    ]);
    expect(signals.map((s) => [s.kind, s.header ?? null, s.line])).toEqual([
      ["header", "X-API-Key", 3],
      ["header", "x-trace", 6],
      ["header", "x-client-id", 8],
      ["header", "x-tenant", 5],
      ["header", "Authorization", 4],
      ["cookies", null, 9],
    ]);
    // An ORM's db.session is not Flask's session; Flask's is, where imported from flask.
    expect(likelySignals([{ path: "a.py", text: "db.session.get(User, 1)\n" }])).toEqual([]);
    expect(
      likelySignals([{ path: "a.py", text: "from flask import Flask, session\nsession.get('user')\n" }]),
    ).toEqual([{ kind: "cookies", file: "a.py", line: 2, read: true }]);
  });

  it("Express: a header the app reads, refused by allowedHeaders: named at that line, the reading line too", () => {
    expect(likely([{ path: "server.js", text: EXPRESS('"Authorization"') }])).toEqual([
      { line: 6, key: "config.check.likely-header", also: [8] },
    ]);
    // The JSON body's Content-Type: Express's own check names that line already, so it is said once.
    const codes = checkConfig([{ path: "server.js", text: EXPRESS('"Authorization"') }]).findings.map(
      (f) => `${f.code}@${f.line}`,
    );
    expect(codes).toEqual(["headers-miss-content-type@6", "likely-request-refused@6"]);
    // Allowed: nothing to say.
    expect(likely([{ path: "server.js", text: EXPRESS('"Content-Type", "X-Api-Key"') }])).toEqual([]);
  });

  it("no finding where the bare request is refused too (another problem, named by the other checks)", () => {
    const text = EXPRESS('"Authorization"').replace('"https://app.example.com"', "[]");
    expect(likely([{ path: "server.js", text }])).toEqual([]);
  });

  it("Flask: the session read without supports_credentials, named at CORS()", () => {
    const text = `from flask import Flask, jsonify, session
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["https://app.example.com"])


@app.route("/api/me")
def me():
    return jsonify({"user": session.get("user")})
`;
    expect(likely([{ path: "app.py", text }])).toEqual([
      { line: 5, key: "config.check.likely-cookies-read", also: [10] },
    ]);
    expect(likely([{ path: "app.py", text: text.replace("])", "], supports_credentials=True)") }])).toEqual(
      [],
    );
  });

  it("Flask: a JSON body it parses, refused by allow_headers: named at that option, the parsing line too", () => {
    const text = `from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=["https://app.example.com"], allow_headers=["Authorization"])


@app.route("/api/items", methods=["POST"])
def create():
    return jsonify(request.get_json())
`;
    expect(likely([{ path: "app.py", text }])).toEqual([
      { line: 5, key: "config.check.likely-json", also: [10] },
    ]);
    expect(
      likely([
        { path: "app.py", text: text.replace('["Authorization"]', '["Authorization", "Content-Type"]') },
      ]),
    ).toEqual([]);
  });

  it("nginx: a write method allowed with an explicit header list that leaves out Content-Type", () => {
    const site = (headers: string) => `server {
    listen 80;
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            add_header Access-Control-Allow-Methods "GET, POST, PUT" always;
            add_header Access-Control-Allow-Headers "${headers}" always;
            return 204;
        }
        add_header Access-Control-Allow-Origin "https://app.example.com" always;
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
    const found = likely([{ path: "site.conf", text: site("Authorization") }]);
    expect(found.map((f) => f.key)).toEqual(["config.check.likely-body"]);
    expect(found[0]?.line).toBe(7);
    expect(likely([{ path: "site.conf", text: site("Authorization, Content-Type") }])).toEqual([]);
  });

  it("with a recording (--har) the guesses are left out: the page's own requests are judged instead", () => {
    const file = { path: "server.js", text: EXPRESS('"Authorization"') };
    const evidence = recordedFrom(
      [file],
      [
        {
          url: "http://127.0.0.1:3000/api/me",
          method: "GET",
          origin: "https://app.example.com",
          headers: [],
        },
      ],
    );
    expect(checkConfig([file], { evidence }).findings.map((f) => f.code)).not.toContain(
      "likely-request-refused",
    );
  });
});
