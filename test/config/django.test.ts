import { beforeAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  prepareConfig,
  readConfig,
} from "../../src/config";
import { pyStr } from "../../src/config/django/patch";
import { readSettings } from "../../src/config/django/settings";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const file = (text: string, path = "mysite/settings.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig([file("CORS_ALLOW_ALL_ORIGINS = True\n")], wasm);
});

const MIDDLEWARE = `MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
`;

const APPS = `INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "corsheaders",
]
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}

function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key} ${JSON.stringify(a.why.params)}`);
  return a.headers;
}

const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];

const PREFLIGHT = (extra: Array<[string, string]> = []): Partial<HopRequest> => ({
  method: "OPTIONS",
  headers: [["Origin", APP], ["Access-Control-Request-Method", "PUT"], ...extra],
});

describe("Django settings: the values django-cors-headers reads", () => {
  it("detects settings files and reads literals, env defaults, splits, defaults and old names", () => {
    const text = `import os
from corsheaders.defaults import default_headers

API = "https://api.example.com"
CORS_ORIGIN_WHITELIST = (API, os.environ.get("FRONT", "https://app.example.com"))
CORS_ALLOW_HEADERS = list(default_headers) + [
    "x-api-key",  # the partner's key
]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.org$"]
CORS_EXPOSE_HEADERS = os.getenv("EXPOSE", "X-Total,X-Page").split(",")
CORS_PREFLIGHT_MAX_AGE = 600
`;
    expect(detectFormat(file(text))).toEqual({ format: "django" });
    const s = readSettings(file(text));
    expect(s.origins).toMatchObject({
      known: true,
      value: ["https://api.example.com", "https://app.example.com"],
    });
    expect(s.headers.known && s.headers.value.at(-1)).toBe("x-api-key");
    expect(s.headers.known && s.headers.value).toContain("authorization");
    expect(s.expose).toMatchObject({ known: true, value: ["X-Total", "X-Page"] });
    expect(s.maxAge).toMatchObject({ known: true, value: 600 });
    expect(s.regexes).toMatchObject({ known: true, value: ["^https://\\w+\\.example\\.org$"] });
  });

  it("says unknown for values computed by code, and decides literal `if`s", () => {
    const text = `DEBUG = False
CORS_ALLOWED_ORIGINS = load_origins()
if DEBUG:
    CORS_ALLOW_ALL_ORIGINS = True
${MIDDLEWARE}`;
    const a = ask(text, { url: "http://localhost:8000/api/x/" });
    expect(a).toMatchObject({ kind: "unknown", why: { key: "config.django.unknown.value" } });
    const s = readSettings(file(text));
    expect(s.allowAll).toMatchObject({ known: true, value: false });
    const undecided = readSettings(file(`if os.environ.get("X"):\n    CORS_ALLOW_ALL_ORIGINS = True\n`));
    expect(undecided.allowAll.known).toBe(false);
  });

  it("refuses a file it cannot parse with its line, and says to prepare first", () => {
    expect(() => readConfig([file("CORS_ALLOWED_ORIGINS = [\n  'a',\n  (\n")])).toThrow(ConfigError);
    try {
      readConfig([file("X = 1\nCORS_ALLOWED_ORIGINS = ['a' 'b' +]\n")]);
    } catch (e) {
      expect((e as ConfigError).words).toMatchObject({ key: "config.error.syntax", params: { line: 2 } });
    }
  });
});

describe("Django settings: what CorsMiddleware answers", () => {
  const base = `${APPS}${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n`;

  it("answers the preflight with 200 and the lists, the actual request with the origin and Vary", () => {
    const pre = headersOf(ask(base, { url: "http://localhost:8000/api/items/", ...PREFLIGHT() }));
    expect(value(pre, "access-control-allow-origin")).toBe(APP);
    expect(value(pre, "access-control-allow-methods")).toBe("DELETE, GET, OPTIONS, PATCH, POST, PUT");
    expect(value(pre, "access-control-max-age")).toBe("86400");
    expect(value(pre, "vary")).toBe("Origin");
    const a = ask(base, { url: "http://localhost:8000/api/items/", upstream: { status: 404, headers: [] } });
    expect(a).toMatchObject({ kind: "known", status: 404 });
    expect(value(headersOf(a), "access-control-allow-origin")).toBe(APP);
    const other = headersOf(
      ask(base, { url: "http://localhost:8000/", headers: [["Origin", "https://evil.example"]] }),
    );
    expect(value(other, "access-control-allow-origin")).toBeUndefined();
  });

  it("answers * for CORS_ALLOW_ALL_ORIGINS, the origin with credentials, and ACAC even to refused origins", () => {
    const all = headersOf(ask(`${MIDDLEWARE}CORS_ALLOW_ALL_ORIGINS = True\n`, { url: "http://h/x" }));
    expect(value(all, "access-control-allow-origin")).toBe("*");
    const cred = headersOf(
      ask(`${MIDDLEWARE}CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n`, {
        url: "http://h/x",
      }),
    );
    expect(value(cred, "access-control-allow-origin")).toBe(APP);
    const refused = headersOf(ask(`${MIDDLEWARE}CORS_ALLOW_CREDENTIALS = True\n`, { url: "http://h/x" }));
    expect(value(refused, "access-control-allow-credentials")).toBe("true");
    expect(value(refused, "access-control-allow-origin")).toBeUndefined();
  });

  it("matches regexes with re.match (start only) and CORS_URLS_REGEX on the path", () => {
    const text = `${MIDDLEWARE}CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com"]\nCORS_URLS_REGEX = r"^/api/.*$"\n`;
    expect(value(headersOf(ask(text, { url: "http://h/api/a" })), "access-control-allow-origin")).toBe(APP);
    const evil = headersOf(
      ask(text, { url: "http://h/api/a", headers: [["Origin", "https://a.example.com.evil.test"]] }),
    );
    expect(value(evil, "access-control-allow-origin")).toBe("https://a.example.com.evil.test");
    const off = headersOf(ask(text, { url: "http://h/other", upstream: { status: 200, headers: [] } }));
    expect(value(off, "access-control-allow-origin")).toBeUndefined();
    expect(ask(text, { url: "http://h/other", ...PREFLIGHT() })).toMatchObject({
      kind: "unknown",
      why: { key: "config.django.unknown.upstream-options" },
    });
  });

  it("lets a middleware above CorsMiddleware answer first, and does not guess about unknown ones", () => {
    const late = `MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
`;
    const redirect = ask(late, { url: "http://h/api/items", upstream: { status: 301, headers: [] } });
    expect(redirect).toMatchObject({ kind: "known", status: 301, headers: [["Location", "/api/items/"]] });
    const routed = ask(late, { url: "http://h/api/items" });
    expect(routed.kind === "known" && routed.assumed.map((w) => w.key)).toContain(
      "config.django.assumed.routed",
    );
    const custom = late.replace(
      '"django.middleware.common.CommonMiddleware",',
      '"django.middleware.common.CommonMiddleware",\n    "api.middleware.TokenAuthMiddleware",',
    );
    expect(ask(custom, { url: "http://h/api/items/" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.django.unknown.middleware", params: { line: 4 } },
    });
  });
});

describe("Django settings: fix", () => {
  it("adds the page's origin to the list as it is written, keeps comments, and is idempotent", () => {
    const text = `${APPS}${MIDDLEWARE}
CORS_ALLOWED_ORIGINS = [
    "https://admin.example.com",  # back office
]
`;
    const ev = recordedFrom([file(text)], [{ url: "http://localhost:8000/api/items/" }]);
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    expect(fixDiff(r)).toContain('+    "https://app.example.com",');
    const after = r.files[0]?.after ?? "";
    expect(after).toContain('"https://admin.example.com",  # back office\n    "https://app.example.com",\n]');
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
  });

  it("extends headers and methods from the defaults, importing them once", () => {
    const text = `from pathlib import Path\n\n${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ['https://app.example.com']\n`;
    const ev = recordedFrom(
      [file(text)],
      [{ url: "http://localhost:8000/api/items/1/", method: "PURGE", headers: [["X-Api-Key", "1"]] }],
    );
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain("from corsheaders.defaults import default_methods, default_headers\n");
    expect(after.match(/^from corsheaders/gm)?.length).toBe(1);
    expect(after).toContain('CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")');
    expect(after).toContain('CORS_ALLOW_METHODS = (*default_methods, "PURGE")');
    expect(r.ok).toBe(true);
    expect(() => readConfig([file(after)])).not.toThrow();
  });

  it("moves CorsMiddleware above CommonMiddleware when the redirect lost the headers", () => {
    const text = `MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # CORS
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
`;
    const ev = recordedFrom([file(text)], [{ url: "http://localhost:8000/api/items" }]);
    // The view answered through APPEND_SLASH: recorded as a 301 with no CORS header.
    const first = ev[0];
    if (!first?.hops[0]) throw new Error("no hop");
    const hop = {
      ...first.hops[0],
      status: 301,
      responseHeaders: [["Location", "/api/items/"]] as HeaderList,
    };
    const r = fixConfig([file(text)], [{ ...first, hops: [hop] }]);
    const after = r.files[0]?.after ?? "";
    expect(after.split("\n")[1]).toBe('    "corsheaders.middleware.CorsMiddleware",');
    expect(after).not.toContain("# CORS");
    expect(after.match(/CorsMiddleware/g)?.length).toBe(1);
  });

  it("adds CorsMiddleware and the app when missing; sets credentials; never answers * with credentials", () => {
    const text = `INSTALLED_APPS = ["django.contrib.admin"]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_CREDENTIALS = False
`;
    const withMw = text.replace("[\n", '[\n    "corsheaders.middleware.CorsMiddleware",\n');
    const ev = recordedFrom([file(withMw)], [{ url: "http://localhost:8000/api/", credentials: "include" }]);
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain('INSTALLED_APPS = ["django.contrib.admin", "corsheaders"]');
    expect(after).toContain('MIDDLEWARE = [\n    "corsheaders.middleware.CorsMiddleware",\n');
    expect(after).toContain("CORS_ALLOW_CREDENTIALS = True");
    expect(r.ok).toBe(true);
    const all = `${MIDDLEWARE}CORS_ALLOW_ALL_ORIGINS = True\n`;
    const cev = recordedFrom([file(all)], [{ url: "http://localhost:8000/api/", credentials: "include" }]);
    const c = fixConfig([file(all)], cev);
    expect(c.ok).toBe(false);
    expect(c.cannot[0]?.why).toEqual({
      key: "config.django.cannot.all-credentials",
      // The line of CORS_ALLOW_ALL_ORIGINS: `check --har` names it.
      params: { line: all.split("\n").findIndex((l) => l.startsWith("CORS_ALLOW_ALL_ORIGINS")) + 1 },
    });
  });

  it("escapes untrusted origins as Python strings", () => {
    expect(pyStr('a"b\\c\n\u202e', '"')).toBe('"a\\"b\\\\c\\x0a\\u202e"');
  });
});

describe("Django settings: check", () => {
  it("finds the planted problems with their lines, and nothing in a correct file", () => {
    const bad = `INSTALLED_APPS = ["django.contrib.admin"]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOWED_ORIGINS = ["null", "app.example.com", "https://x.example.com/"]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://.*.example.com"]
`;
    const found = checkConfig([file(bad)]).findings.map((f) => `${f.code}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "django-middleware-order:4",
        "django-no-app:1",
        "django-any-origin-credentials:6",
        "django-null-origin:8",
        "django-origin-scheme:8",
        "django-origin-path:8",
        "django-regex-dot:9",
        "django-regex-anchor:9",
      ]),
    );
    const good = `${APPS}${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com$"]\nCORS_ALLOW_CREDENTIALS = True\n`;
    expect(checkConfig([file(good)]).findings).toEqual([]);
    const none = `CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nMIDDLEWARE = []\n`;
    expect(checkConfig([file(none)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "django-no-middleware:2",
    ]);
  });

  it("names a CORS_ setting written as an annotation (`:` for `=`), never set; a typed assignment is fine", () => {
    const text = `${APPS}${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_CREDENTIALS: True
CORS_PREFLIGHT_MAX_AGE: int = 60
`;
    const lines = text.split("\n");
    const at = lines.indexOf("CORS_ALLOW_CREDENTIALS: True") + 1;
    const found = checkConfig([file(text)]).findings;
    expect(found.map((f) => `${f.code}:${f.line}`)).toEqual([`django-setting-annotated:${at}`]);
    expect(found[0]?.words.params).toMatchObject({ name: "CORS_ALLOW_CREDENTIALS", value: "True" });
  });
});

describe("Django settings: the fix suite's files", () => {
  it("check names each planted problem's line, and nothing in the correct files", async () => {
    const { DJANGO_CASES, DJANGO_CORRECT } = await import("../fixes/config-django-cases");
    for (const c of DJANGO_CASES) {
      const found = checkConfig([
        file(c.settings.replaceAll("{{ORIGIN}}", APP)),
        ...Object.entries(c.files ?? {}).map(([path, text]) => file(text, path)),
      ]).findings;
      if (c.check) expect(found, c.name).toContainEqual(expect.objectContaining(c.check));
      expect(
        found.filter((f) => f.severity === "error" && f.code !== c.check?.code),
        c.name,
      ).toEqual([]);
    }
    for (const text of DJANGO_CORRECT) expect(checkConfig([file(text)]).findings).toEqual([]);
  });
});

describe("Django settings: a middleware CORS Lens does not know", () => {
  it("moves CorsMiddleware above it when the preflight's answer is unknown", async () => {
    const text = `MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "api.auth.ApiKeyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_HEADERS = ["content-type", "x-api-key"]
`;
    const moved = text
      .replace('    "corsheaders.middleware.CorsMiddleware",\n', "")
      .replace("[\n", '[\n    "corsheaders.middleware.CorsMiddleware",\n');
    const ev = recordedFrom(
      [file(moved)],
      [{ url: "http://localhost:8000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] }],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.files[0]?.after).toBe(moved);
    expect(r.ok).toBe(true);
  });
});

describe("Django settings: MIDDLEWARE built by a comprehension over a literal tuple", () => {
  const text = `DEBUG = False
ALL_MIDDLEWARE_CLASSES = (
    "prof.ProfileMiddleware" if DEBUG else None,
    "auth.ApiKeyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
)
MIDDLEWARE = [m for m in ALL_MIDDLEWARE_CLASSES if m]
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_HEADERS = ["content-type", "x-api-key"]
`;
  it("evaluates the conditional and the filter from literals, and moves CorsMiddleware above the API-key one", () => {
    const s = readSettings(file(text));
    expect(s.middleware).toMatchObject({
      known: true,
      value: [
        { name: "auth.ApiKeyMiddleware", line: 4 },
        { name: "corsheaders.middleware.CorsMiddleware", line: 5 },
        { name: "django.middleware.common.CommonMiddleware", line: 6 },
      ],
    });
    const moved = text
      .replace('    "corsheaders.middleware.CorsMiddleware",\n', "")
      .replace("(\n", '(\n    "corsheaders.middleware.CorsMiddleware",\n');
    const ev = recordedFrom(
      [file(moved)],
      [{ url: "http://localhost:8000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] }],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.files[0]?.after).toBe(moved);
    expect(r.ok).toBe(true);
    expect(fixDiff(fixConfig([file(moved)], ev))).toBe("");
  });

  it("decides `is None`, `is not None`, `==` between literals; leaves anything else unknown", () => {
    const mw = (cond: string) =>
      readSettings(file(`X = None\nMIDDLEWARE = [m for m in ("a.A", X, "b.B") if ${cond}]\n`)).middleware;
    expect(mw("m is not None")).toMatchObject({ known: true, value: [{ name: "a.A" }, { name: "b.B" }] });
    expect(mw('m == "b.B"')).toMatchObject({ known: true, value: [{ name: "b.B" }] });
    expect(mw("m is None").known).toBe(false);
    expect(mw("m.startswith('a')").known).toBe(false);
    expect(mw('m is "a.A"').known).toBe(false);
    const env = readSettings(file(`MIDDLEWARE = ["a.A" if os.environ.get("X") else None]\n`)).middleware;
    expect(env.known).toBe(false);
  });
});

describe("Django settings: offsets past non-ASCII text", () => {
  it("edits the right bytes after accents and emoji in comments and strings", () => {
    const text = `# Réglages — 設定 🚀\nLANGUAGE_CODE = "fr-fr"  # Français\n${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ["https://admin.example.com"]  # 管理 🛠\n`;
    const ev = recordedFrom([file(text)], [{ url: "http://localhost:8000/api/items/" }]);
    const after = fixConfig([file(text)], ev).files[0]?.after ?? "";
    expect(after).toContain(`CORS_ALLOWED_ORIGINS = ["https://admin.example.com", "${APP}"]  # 管理 🛠\n`);
  });

  it("never throws on files that are not settings at all", () => {
    for (const text of [
      "",
      "\u0000\u0001binary",
      "def f(:\n",
      `CORS_ALLOWED_ORIGINS = ${"[".repeat(2000)}`,
    ]) {
      try {
        checkConfig([file(text)]);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
      }
    }
  });
});

describe("Django settings: origins from a JSON environment variable", () => {
  it("does not say CorsMiddleware is missing when MIDDLEWARE may come from a star import not passed", () => {
    const text = 'from .base import *\n\nCORS_ALLOWED_ORIGINS += ["https://shop.example.com"]\n';
    expect(checkConfig([file(text)]).findings).toEqual([]);
  });

  it("reads json.loads of the default, and spreads the list so a deployed value stays whole", () => {
    const text = `import json\nimport os\n\n${MIDDLEWARE}CORS_ALLOWED_ORIGINS = json.loads(\n    os.environ.get("CORS_ALLOWED_ORIGINS", '["https://admin.example.com"]')\n)\n`;
    const ev = recordedFrom([file(text)], [{ url: "http://localhost:8000/api/items/" }]);
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `CORS_ALLOWED_ORIGINS = [*json.loads(\n    os.environ.get("CORS_ALLOWED_ORIGINS", '["https://admin.example.com"]')\n), "${APP}"]\n`,
    );
    expect(fixDiff(fixConfig([file(r.files[0]?.after ?? "")], ev))).toBe("");
  });
});

describe("Django settings: a split settings package", () => {
  const base = file(
    `${MIDDLEWARE}CORS_ALLOWED_ORIGINS = ["https://admin.example.com"]\n`,
    "config/settings/base.py",
  );
  const production = file(
    'from .base import *  # noqa\n\nDEBUG = False\nALLOWED_HOSTS = ["api.example.com"]\n',
    "config/settings/production.py",
  );

  it("asks for the module CORS is set in, reads and patches it when passed", () => {
    expect(detectFormat(production)).toEqual({ format: "django" });
    try {
      readConfig([production]);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).words).toMatchObject({ key: "config.error.included", params: { line: 1 } });
    }
    const ev = recordedFrom([base, production], [{ url: "http://localhost:8000/api/items/" }]);
    const r = fixConfig([base, production], ev);
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === production.path)?.after).toBe(production.text);
    expect(r.files.find((f) => f.path === base.path)?.after).toContain(
      `"https://admin.example.com", "${APP}"]`,
    );
  });

  it("reads the module in effect with the names it star-imports; each edit goes where the value is written", () => {
    // production.py overrides the list: the override is what Django runs with, and what grows.
    const both = file(
      `${production.text}CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]\n`,
      production.path,
    );
    const ev = recordedFrom([base, both], [{ url: "http://localhost:8000/api/items/" }]);
    const r = fixConfig([base, both], ev);
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === base.path)?.after).toBe(base.text);
    expect(r.files.find((f) => f.path === both.path)?.after).toContain(
      `CORS_ALLOWED_ORIGINS = ["https://shop.example.com", "${APP}"]`,
    );
    // `+=` on the inherited list: the added display (production's) grows; base's origin stays allowed.
    const plus = file(
      `${production.text}CORS_ALLOWED_ORIGINS += ["https://shop.example.com"]\n`,
      production.path,
    );
    const p = fixConfig(
      [base, plus],
      recordedFrom([base, plus], [{ url: "http://localhost:8000/api/items/" }]),
    );
    expect(p.ok).toBe(true);
    expect(p.files.find((f) => f.path === plus.path)?.after).toContain(
      `CORS_ALLOWED_ORIGINS += ["https://shop.example.com", "${APP}"]`,
    );
    expect(p.files.find((f) => f.path === base.path)?.after).toBe(base.text);
    // Credentials: base.py writes the setting, base.py changes.
    const credBase = file(`${base.text}CORS_ALLOW_CREDENTIALS = False\n`, base.path);
    const c = fixConfig(
      [credBase, production],
      recordedFrom(
        [credBase, production],
        [
          {
            url: "http://localhost:8000/api/items/",
            origin: "https://admin.example.com",
            credentials: "include",
          },
        ],
      ),
    );
    expect(c.ok).toBe(true);
    expect(c.files.find((f) => f.path === credBase.path)?.after).toContain("CORS_ALLOW_CREDENTIALS = True\n");
    expect(c.files.find((f) => f.path === production.path)?.after).toBe(production.text);
  });

  it("names base.py's line when the middleware order written there is wrong, and moves it there", () => {
    const late = file(
      `${MIDDLEWARE.replace('    "corsheaders.middleware.CorsMiddleware",\n', "").replace(
        '    "django.middleware.csrf.CsrfViewMiddleware",\n',
        '    "django.middleware.csrf.CsrfViewMiddleware",\n    "corsheaders.middleware.CorsMiddleware",\n',
      )}CORS_ALLOWED_ORIGINS = ["${APP}"]\n`,
      base.path,
    );
    const found = checkConfig([late, production]).findings.map((f) => `${f.code}@${f.file}:${f.line}`);
    expect(found).toContain(`django-middleware-order@${base.path}:6`);
    // The view answered through APPEND_SLASH: recorded as a 301 with no CORS header.
    const ev = recordedFrom([late, production], [{ url: "http://localhost:8000/api/items" }]);
    const first = ev[0];
    if (!first?.hops[0]) throw new Error("no hop");
    const hop = {
      ...first.hops[0],
      status: 301,
      responseHeaders: [["Location", "/api/items/"]] as HeaderList,
    };
    const r = fixConfig([late, production], [{ ...first, hops: [hop] }]);
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === production.path)?.after).toBe(production.text);
    expect(r.files.find((f) => f.path === base.path)?.after).toMatch(
      /^MIDDLEWARE = \[\n {4}"corsheaders\.middleware\.CorsMiddleware",/,
    );
  });

  it("says so when two modules in effect set CORS (local.py and production.py both given)", () => {
    const local = file(`from .base import *\n\nCORS_ALLOW_ALL_ORIGINS = True\n`, "config/settings/local.py");
    const prod = file(`${production.text}CORS_ALLOWED_ORIGINS = []\n`, production.path);
    expect(() => readConfig([base, local, prod])).toThrow(ConfigError);
    // Each with its base alone is read.
    expect(() => readConfig([base, prod])).not.toThrow();
  });
});
