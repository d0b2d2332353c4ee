/**
 * Origins from an environment variable's default, split on commas (`os.environ.get("X", "a,b")
 * .split(",")`): the page's origin is added after the split, not inside the default — added there it
 * would be lost wherever the variable is set. A literal string split on commas is still extended
 * inside the string.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, fixConfig, prepareConfig } from "../../src/config";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const ADMIN = "https://admin.example.com";
const SHOP = "https://shop.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOW_ALL_ORIGINS = True\n" }], wasm);
});

const APPS: Record<string, { path: string; text: (origins: string) => string; url: string }> = {
  fastapi: {
    path: "app/main.py",
    url: "http://localhost:8000/api/items",
    text: (o) => `import os
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
origins = ${o}
app.add_middleware(CORSMiddleware, allow_origins=origins)


@app.get("/api/items")
def items():
    return []
`,
  },
  flask: {
    path: "app.py",
    url: "http://localhost:5000/api/items",
    text: (o) => `import os
from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=${o})


@app.route("/api/items")
def items():
    return jsonify([])
`,
  },
  django: {
    path: "settings.py",
    url: "http://localhost:8000/api/items",
    text: (o) => `import os
SECRET_KEY = "x"
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ${o}
`,
  },
};

function fixed(name: string, origins: string): { ok: boolean; changed: string[]; again: boolean } {
  const app = APPS[name] as (typeof APPS)[string];
  const files: ConfigFile[] = [{ path: app.path, text: app.text(origins) }];
  const r = fixConfig(files, recordedFrom(files, [{ url: app.url, origin: ADMIN }]));
  const after = r.files[0]?.after ?? "";
  const before = new Set(files[0]?.text.split("\n"));
  const next: ConfigFile[] = [{ path: app.path, text: after }];
  // Fixed: the same request, judged against the patched file, needs nothing more.
  const again = fixConfig(next, recordedFrom(next, [{ url: app.url, origin: ADMIN }])).edits.length > 0;
  return { ok: r.ok, changed: after.split("\n").filter((l) => !before.has(l)), again };
}

describe("Python readers: origins split from an environment variable's default", () => {
  for (const name of Object.keys(APPS)) {
    it(`${name}: added after the split, where a deployed value keeps it`, () => {
      const env = `os.environ.get("CORS_ORIGINS", "${SHOP}").split(",")`;
      const r = fixed(name, env);
      expect(r.ok).toBe(true);
      expect(r.changed).toHaveLength(1);
      expect(r.changed[0]).toContain(`${env} + ["${ADMIN}"]`);
      expect(r.again).toBe(false);
    });
    it(`${name}: a literal string split on commas is extended inside the string`, () => {
      const r = fixed(name, `"${SHOP}".split(",")`);
      expect(r.ok).toBe(true);
      expect(r.changed[0]).toContain(`"${SHOP},${ADMIN}".split(",")`);
    });
  }
});
