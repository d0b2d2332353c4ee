import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigFile,
  checkConfig,
  detectFormat,
  fixConfig,
  fixDiff,
  prepareConfig,
  readConfig,
} from "../../src/config";
import * as values from "../../src/config/python/values";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const requireValues = () => values;

const file = (text: string, path = "app/main.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig([file("from fastapi import FastAPI\n")], wasm);
});

const HEAD = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}
const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];
function headersOf(a: ReturnType<typeof ask>): HeaderList {
  if (a.kind !== "known") throw new Error(`unknown: ${a.why.key}`);
  return a.headers;
}
const PRE = (method: string, headers = ""): Partial<HopRequest> => ({
  method: "OPTIONS",
  headers: [
    ["Origin", APP],
    ["Access-Control-Request-Method", method],
    ...(headers ? ([["Access-Control-Request-Headers", headers]] as Array<[string, string]>) : []),
  ],
});

describe("FastAPI/Starlette: what CORSMiddleware answers", () => {
  it("answers a preflight 200 with Starlette's defaults, 400 when it refuses", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["${APP}"])\n`;
    expect(detectFormat(file(text))).toEqual({ format: "fastapi" });
    const ok = ask(text, { url: "http://h/api", ...PRE("GET") });
    expect(ok).toMatchObject({ kind: "known", status: 200 });
    const h = headersOf(ok);
    expect(value(h, "access-control-allow-origin")).toBe(APP);
    expect(value(h, "access-control-allow-methods")).toBe("GET");
    expect(value(h, "access-control-allow-headers")).toBe(
      "Accept, Accept-Language, Content-Language, Content-Type",
    );
    expect(value(h, "access-control-max-age")).toBe("600");
    expect(ask(text, { url: "http://h/api", ...PRE("PUT", "x-api-key") })).toMatchObject({ status: 400 });
  });

  it("answers * for allow_origins=['*'], and the origin when a cookie comes with credentials", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n`;
    expect(value(headersOf(ask(text, { url: "http://h/x" })), "access-control-allow-origin")).toBe("*");
    const cookie = headersOf(
      ask(text, {
        url: "http://h/x",
        headers: [
          ["Origin", APP],
          ["Cookie", "a=1"],
        ],
      }),
    );
    expect(value(cookie, "access-control-allow-origin")).toBe(APP);
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-any-origin-credentials:5",
    ]);
  });

  it("lets the last added middleware run first: an unknown one added after CORS makes the answer unknown", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["${APP}"])
app.add_middleware(ApiKeyMiddleware)
`;
    expect(ask(text, { url: "http://h/x", ...PRE("GET") })).toMatchObject({
      kind: "unknown",
      why: { key: "config.starlette.unknown.middleware" },
    });
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-middleware-order:5",
    ]);
    const timing = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["${APP}"])


@app.middleware("http")
async def timing(request, call_next):
    response = await call_next(request)
    return response
`;
    expect(ask(timing, { url: "http://h/x", ...PRE("GET") })).toMatchObject({ kind: "known", status: 200 });
  });
});

describe("FastAPI/Starlette: fix and check", () => {
  it("extends the lists as written, keeps GET when allow_methods is first written, and is idempotent", () => {
    const text = `${HEAD}
origins = [
    "https://admin.example.com",  # back office
]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True
)
`;
    const ev = recordedFrom(
      [file(text.replace('"https://admin', `"${APP}",\n    "https://admin`))],
      [{ url: "http://127.0.0.1:8000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] }],
    );
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      '    "https://admin.example.com",  # back office\n    "https://app.example.com",\n]',
    );
    expect(after).toContain(
      '    allow_credentials=True,\n    allow_methods=["GET", "PUT"],\n    allow_headers=["x-api-key"],\n)',
    );
    expect(r.ok).toBe(true);
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
  });

  it("moves CORSMiddleware after the middleware that answers first, and adds it when missing", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["${APP}"], allow_methods=["*"], allow_headers=["*"])
app.add_middleware(ApiKeyMiddleware)
`;
    const moved = `${HEAD}app.add_middleware(ApiKeyMiddleware)

app.add_middleware(CORSMiddleware, allow_origins=["${APP}"], allow_methods=["*"], allow_headers=["*"])
`;
    const ev = recordedFrom(
      [file(moved)],
      [{ url: "http://127.0.0.1:8000/api/items/1", method: "PUT", headers: [["X-Api-Key", "1"]] }],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.files[0]?.after).toBe(moved);
    const bare =
      "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get('/api/items')\ndef items():\n    return []\n";
    const ev2 = recordedFrom([file(bare)], [{ url: "http://127.0.0.1:8000/api/items" }]);
    const added = fixConfig([file(bare)], ev2).files[0]?.after ?? "";
    expect(added).toContain("from fastapi.middleware.cors import CORSMiddleware\n");
    expect(added).toContain(
      `app = FastAPI()\n\napp.add_middleware(CORSMiddleware, allow_origins=['${APP}'])\n`,
    );
  });

  it("an unhandled exception's 500 without CORS headers: a middleware inside CORSMiddleware answers it", () => {
    const text = `${HEAD}app.add_middleware(
    CORSMiddleware,
    allow_origins=['*'],
    allow_methods=['*'],
)


@app.get('/api/fail')
def fail():
    raise ValueError
`;
    // What ServerErrorMiddleware sends: outside CORSMiddleware, so no CORS header (made from an app
    // without CORS, the same answer the browser recorded).
    const error = { status: 500, headers: [["content-type", "text/plain; charset=utf-8"]] as HeaderList };
    const ev = recordedFrom(
      [file("from fastapi import FastAPI\n\napp = FastAPI()\n")],
      [{ url: "http://127.0.0.1:8000/api/fail", recorded: { preflight: null, actual: error } }],
    );
    // The model sees the 500 ServerErrorMiddleware made, blocked.
    expect(ask(text, { url: "http://h/api/fail", upstream: error })).toMatchObject({
      kind: "known",
      status: 500,
      headers: error.headers,
    });
    const r = fixConfig([file(text)], ev);
    const after = r.files[0]?.after ?? "";
    expect(r.ok).toBe(true);
    expect(after).toContain("import logging\nfrom starlette.responses import PlainTextResponse\n");
    expect(after).toContain("@app.middleware('http')\nasync def errors_inside_cors(request, call_next):\n");
    expect(after.indexOf("async def errors_inside_cors")).toBeLessThan(after.indexOf("app.add_middleware("));
    expect(
      value(
        headersOf(ask(after, { url: "http://h/api/fail", upstream: error })),
        "access-control-allow-origin",
      ),
    ).toBe("*");
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-error-outside-cors:5",
    ]);
    expect(checkConfig([file(after)]).findings).toEqual([]);
    const handled = `${text}\n\n@app.exception_handler(ValueError)\ndef bad(request, exc):\n    return PlainTextResponse('bad', status_code=400)\n`;
    expect(checkConfig([file(handled)]).findings).toEqual([]);
    // CORSMiddleware passed to FastAPI(middleware=[...]): no @app.middleware runs inside it.
    const built = `${HEAD.replace("app = FastAPI()\n", "")}from starlette.middleware import Middleware

app = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=['*'])])
`;
    const no = fixConfig([file(built)], ev);
    expect(no.ok).toBe(false);
    expect(no.cannot[0]?.why.key).toBe("config.starlette.cannot.server-error");
  });

  it("check: a route's method the middleware's allow_methods refuses on the preflight", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=["${APP}"], allow_methods=["GET", "POST"])


@app.get("/api/items")
def items():
    return []


@app.delete("/api/items/{i}")
def remove(i: int):
    return None
`;
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-route-method:5",
    ]);
    expect(checkConfig([file(text.replace('["GET", "POST"]', '["*"]'))]).findings).toEqual([]);
    expect(checkConfig([file(text.replace('"POST"]', '"POST", "DELETE"]'))]).findings).toEqual([]);
    // CORSMiddleware in a module-level list passed as FastAPI(middleware=middleware): Starlette's defaults (GET).
    const listed = `from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

middleware = [
    Middleware(CORSMiddleware, allow_origins=["${APP}"])
]

app = FastAPI(middleware=middleware)


@app.post("/api/items")
def create():
    return {}
`;
    expect(checkConfig([file(listed)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-route-method:6",
    ]);
  });

  // Starlette's own routing (Kludex/starlette#810's shape): the methods are in Route(…, methods=[…]).
  it("check: the methods of Starlette's Route(…) entries, against allow_methods", () => {
    const text = `from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route


async def items(request):
    return JSONResponse([])


middleware = [
    Middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "OPTIONS"],
    )
]

routes = [
    Route("/api/items", items),
    Route("/api/items/{i:int}", items, methods=["GET", "DELETE"]),
]

app = Starlette(routes=routes, middleware=middleware)
`;
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-route-method:16",
    ]);
    const found = checkConfig([file(text)]).findings[0];
    expect(found?.words.params).toMatchObject({ method: "DELETE", line: 22 });
    // A Route without methods serves GET alone: nothing to say.
    expect(
      checkConfig([file(text.replace(', methods=["GET", "DELETE"]', ""))]).findings.map((f) => f.code),
    ).not.toContain("starlette-route-method");
  });

  it("a request the browser blocked that the reading allows is said in a note", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware, allow_origins=['*'])\n`;
    const ev = recordedFrom(
      [file("from fastapi import FastAPI\n\napp = FastAPI()\n")],
      [
        {
          url: "http://127.0.0.1:8000/api/x",
          recorded: { preflight: null, actual: { status: 200, headers: [] } },
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.rows[0]).toMatchObject({ recorded: "blocked", before: { verdict: "allowed" } });
    expect(r.notes).toEqual([{ key: "config.note.recorded-blocked", params: { count: 1 } }]);
    // Not known to pass: the command does not say it made everything pass.
    expect(r.ok).toBe(false);
  });

  it("check: origins with a trailing slash, regexes with unescaped dots", () => {
    const text = `${HEAD}app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com/"],
    allow_origin_regex=r"https://.*.example.com",
)
`;
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-origin-form:7",
      "starlette-regex-dot:8",
    ]);
  });
});

describe("FastAPI/Starlette: origins computed from a list written in the file", () => {
  const text = `${HEAD}
BACKEND_CORS_ORIGINS = ["${APP}/", "https://dashboard.example.com/"]

app.add_middleware(
    CORSMiddleware,
    allow_origins=[str(origin) for origin in BACKEND_CORS_ORIGINS],
    allow_methods=["*"],
)
`;

  it("evaluates a comprehension over a module-level list (str(), rstrip, a literal if) and a generator in list()", () => {
    const { readModule } = requireValues();
    const mod = readModule(
      `A = ["https://a.example/", "https://b.example"]\nB = [str(o) for o in A]\nC = list(o.rstrip("/") for o in A)\nD = [o for o in A if o]\nE = [o for o in A if o.startswith("x")]\n`,
    );
    const strs = (n: string) => {
      const v = mod.names.get(n)?.value;
      return v?.t === "seq" ? v.items.map((i) => (i.t === "str" ? i.v : "?")) : v?.t;
    };
    expect(strs("B")).toEqual(["https://a.example/", "https://b.example"]);
    expect(strs("C")).toEqual(["https://a.example", "https://b.example"]);
    // An `if` decided from each literal; one CORS Lens does not evaluate leaves the list unknown.
    expect(strs("D")).toEqual(["https://a.example/", "https://b.example"]);
    expect(strs("E")).toBe("unknown");
  });

  it("check names the trailing slash on the literal's line; fix removes it there", () => {
    expect(checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-origin-form:6",
      "starlette-origin-form:6",
    ]);
    const ev = recordedFrom(
      [file(text)],
      [
        {
          url: "http://127.0.0.1:8000/api/items",
          method: "POST",
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.files[0]?.after).toBe(text.replace(`"${APP}/"`, `"${APP}"`));
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.starlette.fix.slash"]);
    expect(r.ok).toBe(true);
    expect(fixDiff(fixConfig([file(r.files[0]?.after ?? "")], ev))).toBe("");
  });
});

describe("FastAPI/Starlette: origins from a pydantic settings class's defaults", () => {
  const text = (type: string) => `${HEAD}from pydantic import BaseSettings


class Settings(BaseSettings):
    PROJECT_NAME: str = "shop"
    BACKEND_CORS_ORIGINS: ${type} = ["${APP}/"]


settings = Settings()
app.add_middleware(
    CORSMiddleware,
    allow_origins=[str(origin) for origin in settings.BACKEND_CORS_ORIGINS],
)
`;

  it("reads a str field's default, and fixes the slash in the class", () => {
    const t = text("list[str]");
    const ev = recordedFrom([file(t)], [{ url: "http://127.0.0.1:8000/api/items" }]);
    const r = fixConfig([file(t)], ev);
    expect(r.files[0]?.after).toBe(t.replace(`["${APP}/"]`, `["${APP}"]`));
    expect(r.ok).toBe(true);
    expect(checkConfig([file(t)]).findings.map((f) => `${f.code}:${f.line}`)).toEqual([
      "starlette-origin-form:10",
    ]);
  });

  it("leaves a URL-typed field unknown (str() of AnyHttpUrl ends with / in pydantic 2, not in 1)", () => {
    const t = text("list[AnyHttpUrl]");
    expect(ask(t, { url: "http://h/api/items" })).toMatchObject({
      kind: "unknown",
      why: { key: "config.starlette.unknown.value", params: { name: "allow_origins" } },
    });
  });
});

describe("FastAPI/Starlette: allow_origins=['*'] with allow_credentials=True", () => {
  const text = `${HEAD}app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
)
`;

  it("answers * to a credentialed call without a cookie: blocked; fix writes allow_origin_regex='.*'", () => {
    const ev = recordedFrom(
      [file(text)],
      [
        { url: "http://127.0.0.1:8000/api/items" },
        { url: "http://127.0.0.1:8000/api/me", credentials: "include", cookie: false },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.rows.filter((x) => x.source === "evidence").map((x) => x.before.verdict)).toEqual([
      "allowed",
      "blocked",
    ]);
    const after = r.files[0]?.after ?? "";
    expect(after).toBe(text.replace('allow_origins=["*"]', 'allow_origin_regex=".*"'));
    expect(r.edits.map((e) => `${e.why.key}:${e.line}`)).toEqual(["config.starlette.fix.any-origin:7"]);
    // Nothing the old file allowed is lost (the standard requests, with and without credentials).
    expect(r.ok).toBe(true);
    expect(r.rows.filter((x) => x.source === "standard").length).toBeGreaterThan(0);
    expect(fixDiff(fixConfig([file(after)], ev))).toBe("");
    expect(checkConfig([file(after)]).findings.map((f) => `${f.code}:${f.severity}:${f.line}`)).toEqual([
      "starlette-any-origin-credentials:warning:7",
    ]);
  });

  it("keeps the other origins of the list, and leaves `*` without allow_credentials alone", () => {
    const two = text.replace('["*"]', '["https://admin.example.com", "*"]');
    const ev = recordedFrom(
      [file(two)],
      [{ url: "http://127.0.0.1:8000/api/me", credentials: "include", cookie: false }],
    );
    expect(fixConfig([file(two)], ev).files[0]?.after).toBe(
      two
        .replace('["https://admin.example.com", "*"]', '["https://admin.example.com"]')
        .replace("allow_credentials=True,\n", 'allow_credentials=True,\n    allow_origin_regex=".*",\n'),
    );
    const noCreds = text.replace("    allow_credentials=True,\n", "");
    const ev2 = recordedFrom(
      [file(noCreds)],
      [{ url: "http://127.0.0.1:8000/api/me", credentials: "include", cookie: false }],
    );
    const r = fixConfig([file(noCreds)], ev2);
    expect(r.ok).toBe(false);
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.starlette.cannot.all-credentials"]);
  });
});

describe("FastAPI/Starlette: the fix suite's files", () => {
  it("check names each planted problem's line, and nothing in the correct files", async () => {
    const { FASTAPI_CASES, FASTAPI_CORRECT } = await import("../fixes/config-fastapi-cases");
    for (const c of FASTAPI_CASES) {
      const found = checkConfig([file(c.app.replaceAll("{{ORIGIN}}", APP))]).findings;
      if (c.check) expect(found, c.name).toContainEqual(expect.objectContaining(c.check));
      expect(
        found.filter((f) => f.severity === "error" && f.code !== c.check?.code),
        c.name,
      ).toEqual([]);
    }
    for (const text of FASTAPI_CORRECT) expect(checkConfig([file(text)]).findings).toEqual([]);
  });
});

describe("FastAPI/Starlette: a bare add_middleware(CORSMiddleware)", () => {
  it("adds the arguments after the class", () => {
    const text = `${HEAD}app.add_middleware(CORSMiddleware)\n`;
    const ev = recordedFrom([file(text)], [{ url: "http://127.0.0.1:8000/api/items" }]);
    const after = fixConfig([file(text)], ev).files[0]?.after ?? "";
    expect(after).toContain(`app.add_middleware(CORSMiddleware, allow_origins=["${APP}"])`);
  });
});
