/**
 * The Python readers' changes for held-out set 20's misses (test/fixes/config-heldout20-fastapi.ts), each
 * on a file of its own: what the reader now reads, and the patch `fix` writes from it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, prepareConfig, readConfig } from "../../src/config";
import { readApp } from "../../src/config/starlette/app";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:41234";
const API = "http://localhost:8000";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from fastapi import FastAPI\n" }], wasm);
});

/** reflex-dev/reflex#6066: the environment parser splits every sequence setting on os.pathsep (":"). */
const REFLEX = (origin: string) => `import collections.abc
import os
from typing import Sequence, get_origin

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware


def interpret_env_var_value(value: str, field_type: type):
    if get_origin(field_type) in (list, tuple, collections.abc.Sequence):
        return [item for item in value.split(os.pathsep) if item]
    return value


class Config:
    app_name = "dashboard"
    cors_allowed_origins: Sequence[str] = ["*"]

    def __init__(self):
        env = os.environ.get("REFLEX_CORS_ALLOWED_ORIGINS", "${origin}")
        if env:
            self.cors_allowed_origins = interpret_env_var_value(env, Sequence[str])


config = Config()

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
    allow_origins=config.cors_allowed_origins,
)


@app.get("/ping")
async def ping():
    return "pong"
`;

const originsOf = (text: string) => {
  const app = readApp({ path: "app.py", text });
  const v = app.stack[0]?.kwargs.get("allow_origins")?.value;
  return v?.t === "seq" ? v.items.map((i) => (i.t === "str" ? i.v : i.t)) : v?.t;
};

describe("FastAPI: a setting reassigned in __init__ is not its class default (reflex-dev/reflex#6066)", () => {
  it("the instance's value is __init__'s: the env default split on os.pathsep, as Python splits it on POSIX", () => {
    expect(originsOf(REFLEX(PAGE))).toEqual(["http", "//localhost", "41234"]);
  });
});

describe("FastAPI: fix corrects a split on ':' of the CORS origins (reflex-dev/reflex#6066)", () => {
  const specs = [{ url: `${API}/ping`, origin: PAGE }];
  it("the page's origin as the env default: the split is made on commas for a list of URLs, nothing listed beside it", () => {
    const files: ConfigFile[] = [{ path: "app.py", text: REFLEX(PAGE) }];
    const r = fixConfig(files, recordedFrom(files, specs));
    expect(r.cannot).toEqual([]);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      '        return [item for item in ([o.strip() for o in value.split(",")] if "://" in value else value.split(os.pathsep)) if item]\n',
    );
    expect(after).toContain("    allow_origins=config.cors_allowed_origins,\n");
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.starlette.fix.colon-split"]);
    const next = [{ path: "app.py", text: after }];
    expect(originsOf(after)).toEqual([PAGE]);
    expect(fixConfig(next, recordedFrom(next, specs)).edits).toEqual([]);
  });
  it("another origin as the default: the split corrected, and the page's origin listed beside the value", () => {
    const files: ConfigFile[] = [
      { path: "app.py", text: REFLEX("https://app.example, http://localhost:3000") },
    ];
    const r = fixConfig(files, recordedFrom(files, specs));
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`    allow_origins=[*config.cors_allowed_origins, "${PAGE}"],\n`);
    expect(originsOf(after)).toEqual(["https://app.example", "http://localhost:3000", PAGE]);
  });
  it("a value set in __init__ that this reader cannot run is unknown, never the class default", () => {
    const text = REFLEX(PAGE).replace("        if env:\n", "        for _ in range(1):\n");
    expect(originsOf(text)).toBe("unknown");
    const again = REFLEX(PAGE).replace("        if env:\n", "        if os.path.exists(env):\n");
    expect(originsOf(again)).toBe("unknown");
    const files: ConfigFile[] = [{ path: "app.py", text }];
    expect(
      readConfig(files).answer({ method: "GET", url: `${API}/ping`, headers: [["Origin", PAGE]] }).kind,
    ).toBe("unknown");
  });
  it("set by another method, or on the object at module level: not the class default either", () => {
    const method = REFLEX(PAGE).replace(
      "\n\nconfig = Config()",
      "\n\n    def reload(self):\n        self.cors_allowed_origins = load()\n\n\nconfig = Config()",
    );
    expect(originsOf(method)).toBe("unknown");
    const later = REFLEX(PAGE).replace(
      "config = Config()\n",
      `config = Config()\nconfig.cors_allowed_origins = ["${PAGE}"]\n`,
    );
    expect(originsOf(later)).toEqual([PAGE]);
  });
});

describe("FastAPI: check names a split on ':' of the origins at the split (reflex-dev/reflex#6066)", () => {
  it("one error at the split's line, not one at each piece; a split of paths is not named", () => {
    const text = REFLEX(PAGE);
    const found = checkConfig([{ path: "app.py", text }]).findings.filter((f) => f.severity === "error");
    const line = text.split("\n").findIndex((l) => l.includes("value.split(os.pathsep)")) + 1;
    expect(found.map((f) => [f.code, f.line])).toEqual([["starlette-origin-colon-split", line]]);
    expect(found[0]?.words).toEqual({
      key: "config.starlette.check.colon-split",
      params: { pieces: "http, //localhost, 41234", origins: PAGE },
    });
    // A split on ':' of something else (paths) is not named.
    const paths = REFLEX("/srv/a:/srv/b");
    expect(checkConfig([{ path: "app.py", text: paths }]).findings.map((f) => f.code)).not.toContain(
      "starlette-origin-colon-split",
    );
  });
});

describe("FastAPI: an origin added inside a string split on ':' would be cut too", () => {
  it("listed beside the value at the option instead", () => {
    const text = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

ORIGINS = "https://app.example:https://admin.example".split(":")

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)


@app.get("/ping")
async def ping():
    return "pong"
`;
    const files: ConfigFile[] = [{ path: "app.py", text }];
    const r = fixConfig(files, recordedFrom(files, [{ url: `${API}/ping`, origin: PAGE }]));
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`allow_origins=[*ORIGINS, "${PAGE}"])`);
    expect(after).toContain('ORIGINS = "https://app.example:https://admin.example".split(":")\n');
  });
});
