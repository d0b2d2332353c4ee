/**
 * `check` on held-out set 19's Django and FastAPI misses (test/fixes/HELDOUT19.md): django-cors-headers#277,
 * the middleware in MIDDLEWARE_CLASSES, which Django 2.0+ never reads; jundot/omlx#17, a CORS setting never applied.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { pythonGrammarBytes as wasm } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOW_ALL_ORIGINS = True\n" }], wasm);
});

const SETTINGS = (middleware: string) => `ROOT_URLCONF = "urls"
INSTALLED_APPS = ["corsheaders"]
${middleware}
# django-cors-headers
MIDDLEWARE_CLASSES = (
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
)
CORS_ORIGIN_ALLOW_ALL = True
`;

const found = (text: string) =>
  checkConfig([{ path: "settings.py", text }])
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.code}:${f.line}${(f.also ?? []).map((a) => ` also ${a.line}`).join("")}`);

describe("Django: CorsMiddleware in MIDDLEWARE_CLASSES", () => {
  it("is named where MIDDLEWARE_CLASSES holds it, with MIDDLEWARE as also", () => {
    const text = SETTINGS('MIDDLEWARE = [\n    "django.middleware.common.CommonMiddleware",\n]\n');
    expect(found(text)).toEqual(["django-middleware-classes:8 also 3"]);
  });
  it("with no MIDDLEWARE written at all, on MIDDLEWARE_CLASSES alone", () => {
    expect(found(SETTINGS(""))).toEqual(["django-middleware-classes:5"]);
  });
  it("MIDDLEWARE_CLASSES without CorsMiddleware leaves the finding it always was", () => {
    const text = SETTINGS('MIDDLEWARE = [\n    "django.middleware.common.CommonMiddleware",\n]\n').replace(
      '    "corsheaders.middleware.CorsMiddleware",\n',
      "",
    );
    expect(found(text)).toEqual(["django-no-middleware:3"]);
  });
});

describe("FastAPI: a CORS setting defined and never applied (set 19's jundot/omlx#17)", () => {
  const text = (extra: string) => `from dataclasses import dataclass, field
from typing import List

from fastapi import FastAPI


@dataclass
class ServerConfig:
    cors_origins: List[str] = field(default_factory=lambda: ["*"])


config = ServerConfig()

app = FastAPI(title="api")
${extra}

@app.get("/v1/models")
async def list_models():
    return {"data": []}
`;
  const noCors = (t: string) =>
    checkConfig([{ path: "app.py", text: t }])
      .findings.filter((f) => f.code === "no-cors")
      .map((f) => f.line);
  it("no-cors is said where the app is made: a field named for CORS sets nothing", () => {
    expect(noCors(text(""))).toEqual([14]);
  });
  it("not where a function named for CORS is given the app, or a CORS package is imported", () => {
    expect(noCors(text("setup_cors(app, config.cors_origins)\n"))).toEqual([]);
    expect(noCors(`from fastapi_cors import CORS\n${text("")}`)).toEqual([]);
  });
});
