/**
 * Shapes held-out set 9 found unread or refused (test/fixes/HELDOUT9.md), each checked on the model
 * (the printed text is run on the real servers by the set's suites, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { grammarBytes, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from flask import Flask\n" }], grammarBytes);
});

describe("Flask: a resources entry whose options are a dict written at module level", () => {
  const text = `import os

from flask import Flask, jsonify, request
from flask_cors import CORS

CORS_SETTINGS = {
    "origins": os.environ.get("FRONTEND_URL", "${PAGE}"),
    "methods": ["GET", "POST", "OPTIONS"],
    "allow_headers": "*",
}


def create_app():
    app = Flask(__name__)
    CORS(app, resources={r"/api/*": CORS_SETTINGS})

    @app.route("/api/items/<int:item_id>", methods=["PUT"])
    def update_item(item_id):
        return jsonify({"id": item_id})

    return app


app = create_app()
`;
  const file = { path: "app.py", text };

  it("is read through the name; fix extends its methods list where it is written", () => {
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
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
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace('"methods": ["GET", "POST", "OPTIONS"],', '"methods": ["GET", "POST", "OPTIONS", "PUT"],'),
    );
  });
});

describe("FastAPI: origins from a module-level function that splits an environment list without strip", () => {
  const text = `import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def get_allowed_origins():
    raw = os.environ.get("DASHBOARD_ALLOWED", "http://localhost:3001, ${PAGE}")
    return raw.split(",")


app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=get_allowed_origins(),
    allow_methods=["GET", "POST"],
)


@app.get("/api/items")
def list_items():
    return []
`;
  const file = { path: "main.py", text };

  it("is evaluated; check names the split, fix strips each entry there (for the deployed value too)", () => {
    expect(checkConfig([file]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "starlette-origin-space:9",
    );
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/items", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toBe(
      text.replace('return raw.split(",")', 'return [o.strip() for o in raw.split(",")]'),
    );
  });
});

describe("check: a Flask allowed header written with an underscore, a Django old setting hidden by the new", () => {
  it("flask-header-underscore at the CORS() line", () => {
    const text = `from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, resources=r"/api/*", allow_headers='content_type', origins='*')
`;
    expect(checkConfig([{ path: "app.py", text }]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "flask-header-underscore:5",
    );
    expect(
      checkConfig([{ path: "app.py", text: text.replace("content_type", "Content-Type") }]).findings.map(
        (f) => f.code,
      ),
    ).not.toContain("flask-header-underscore");
  });

  it("django-old-setting-hidden at the new name's line", () => {
    const text = `INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
CORS_ORIGIN_WHITELIST = ["${PAGE}"]
CORS_ALLOWED_ORIGINS = []
`;
    expect(checkConfig([{ path: "settings.py", text }]).findings.map((f) => `${f.code}:${f.line}`)).toContain(
      "django-old-setting-hidden:4",
    );
  });
});
