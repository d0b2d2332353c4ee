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
import type { HopRequest } from "../../src/config/types";
import { combinedHeader } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const mw = (text: string, path = "shop/middleware.py"): ConfigFile => ({ path, text });
const settings = (text: string): ConfigFile => ({ path: "shop/settings.py", text });
const API = "http://localhost:8000/api/items";

beforeAll(async () => {
  await prepareConfig([mw(SEED)], wasm);
});

/** The seed's shape, in words of our own: * on every response, a fixed header list, a day's Max-Age. */
const SEED = `from django.http import HttpResponse


class CorsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse()
            response["Content-Length"] = "0"
            response["Access-Control-Max-Age"] = 86400
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
        response["Access-Control-Allow-Headers"] = "accept, authorization, content-type, x-csrftoken"
        return response
`;

const MIXIN = `from django.http import HttpResponse
from django.utils.deprecation import MiddlewareMixin

ALLOWED_ORIGINS = ["https://shop.example.com", "${APP}"]
METHODS = [
    "GET",
    "POST",
]


class Cors(MiddlewareMixin):
    def process_request(self, request):
        if request.method == "OPTIONS":
            return HttpResponse()

    def process_response(self, request, response):
        origin = request.META.get("HTTP_ORIGIN")
        if origin in ALLOWED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
        return response
`;

const FUNCTION = `from django.http import JsonResponse
from django.utils.cache import patch_vary_headers

ORIGINS = ("https://shop.example.com",)


def cors(get_response):
    def middleware(request):
        if request.method == "OPTIONS":
            response = JsonResponse({}, status=204)
        else:
            response = get_response(request)
        if request.headers.get("Origin") in ORIGINS:
            response["Access-Control-Allow-Origin"] = request.META["HTTP_ORIGIN"]
            response["Access-Control-Allow-Headers"] = "content-type"
        patch_vary_headers(response, ("Origin",))
        return response

    return middleware
`;

function ask(files: ConfigFile[], req: Partial<HopRequest>) {
  return readConfig(files).answer({ method: "GET", url: API, headers: [["Origin", APP]], ...req });
}

const preflight = (method = "PUT", extra: Array<[string, string]> = []): Partial<HopRequest> => ({
  method: "OPTIONS",
  headers: [["Origin", APP], ["Access-Control-Request-Method", method], ...extra],
});

describe("a hand-written Django CORS middleware: read", () => {
  it("is read as Django (class, MiddlewareMixin, function); a Starlette middleware is not", () => {
    for (const t of [SEED, MIXIN, FUNCTION]) expect(detectFormat(mw(t))).toEqual({ format: "django" });
    const starlette = `from starlette.middleware.base import BaseHTTPMiddleware\n\nclass C(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        response = await call_next(request)\n        response.headers["Access-Control-Allow-Origin"] = "*"\n        return response\n`;
    expect(detectFormat(mw(starlette))).toEqual({ format: "fastapi" });
  });

  it("the seed's shape: * on every response, an empty 200 with its lists for a preflight", () => {
    const get = ask([mw(SEED)], {});
    expect(get.kind === "known" && combinedHeader(get.headers, "access-control-allow-origin")).toBe("*");
    const pre = ask([mw(SEED)], preflight());
    expect(pre).toMatchObject({ kind: "known", status: 200, fromUpstream: false });
    if (pre.kind !== "known") return;
    expect(combinedHeader(pre.headers, "access-control-max-age")).toBe("86400");
    expect(combinedHeader(pre.headers, "access-control-allow-methods")).toContain("PUT");
  });

  it("MiddlewareMixin: process_request answers OPTIONS, process_response compares the origin with its list", () => {
    const listed = ask([mw(MIXIN)], {});
    expect(listed.kind === "known" && combinedHeader(listed.headers, "access-control-allow-origin")).toBe(
      APP,
    );
    const other = ask([mw(MIXIN)], { headers: [["Origin", "https://evil.example"]] });
    expect(other.kind === "known" && combinedHeader(other.headers, "access-control-allow-origin")).toBeNull();
    expect(ask([mw(MIXIN)], preflight())).toMatchObject({ kind: "known", status: 200 });
  });

  it("function middleware: request.META['HTTP_ORIGIN'] reflected for the listed origin, JsonResponse(status=204)", () => {
    const shop = ask([mw(FUNCTION)], { headers: [["Origin", "https://shop.example.com"]] });
    expect(shop.kind === "known" && combinedHeader(shop.headers, "access-control-allow-origin")).toBe(
      "https://shop.example.com",
    );
    expect(shop.kind === "known" && combinedHeader(shop.headers, "vary")).toBe("Origin");
    expect(ask([mw(FUNCTION)], preflight())).toMatchObject({ kind: "known", status: 204 });
  });

  it("code it does not evaluate that may touch the response: unknown, with its line", () => {
    const loop = SEED.replace(
      '        response["Access-Control-Allow-Origin"] = "*"\n',
      "        for k, v in HEADERS.items():\n            response[k] = v\n",
    );
    expect(ask([mw(loop)], {})).toMatchObject({
      kind: "unknown",
      why: { key: "config.django.mw.unknown.code", params: { line: 14 } },
    });
  });

  it("a preflight the view answers, not recorded: unknown (a patch settles it)", () => {
    const bare = SEED.replace(/ {8}if request\.method[\s\S]*?= 86400\n/, "");
    expect(ask([mw(bare)], preflight())).toMatchObject({
      kind: "unknown",
      why: { key: "config.django.mw.unknown.view-options" },
    });
  });

  it("bad input: a syntax error, several middlewares without settings.py", () => {
    expect(() => readConfig([mw(`${SEED}\n    def broken(:\n`)])).toThrow(ConfigError);
    const two = `${SEED}\n\n${FUNCTION.replace(/^from[^\n]*\n/gm, "")}`;
    try {
      readConfig([mw(two)]);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).words.key).toBe("config.django.mw.error.several");
    }
  });
});

describe("a hand-written Django CORS middleware: fix", () => {
  it("the seed's case: the page's origin reflected with credentials (* kept for the rest), its header added", () => {
    const files = [mw(SEED)];
    const ev = recordedFrom(files, [{ url: API, credentials: "include", headers: [["X-Client", "1"]] }]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`if request.headers.get("Origin") in ["${APP}"]:`);
    expect(after).toContain(
      '            response["Access-Control-Allow-Credentials"] = "true"\n        else:\n',
    );
    expect(after).toContain('            response["Access-Control-Allow-Origin"] = "*"\n');
    expect(after).toContain('patch_vary_headers(response, ("Origin",))');
    expect(after).toContain("from django.utils.cache import patch_vary_headers\n");
    expect(after).toContain('"accept, authorization, content-type, x-csrftoken, x-client"');
    // Every request the old file allowed stays allowed (other origins still get *).
    const kept = r.rows.filter((x) => x.source === "standard");
    expect(kept.length).toBeGreaterThan(0);
    for (const k of kept) expect(k.after.verdict, k.id).toBe("allowed");
    expect(fixDiff(r)).toContain("+from django.utils.cache import patch_vary_headers");
  });

  it("a method added to the list the middleware joins", () => {
    const files = [mw(MIXIN)];
    const ev = recordedFrom(files, [{ url: API, method: "DELETE" }]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain('    "POST",\n    "DELETE",\n]');
  });

  it("the page's origin added to the allowlist it is compared with", () => {
    const files = [mw(FUNCTION)];
    const ev = recordedFrom(files, [{ url: API }]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(`ORIGINS = ("https://shop.example.com", "${APP}",)`);
    expect(r.edits[0]?.why.key).toBe("config.django.mw.fix.origins");
  });

  it("credentials for a middleware that reflects any origin: refused (exit 1), never guessed", () => {
    const any = FUNCTION.replace(
      'if request.headers.get("Origin") in ORIGINS:',
      'if request.headers.get("Origin"):',
    );
    const files = [mw(any)];
    const ev = recordedFrom(files, [{ url: API, credentials: "include" }]);
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(false);
    expect(r.cannot[0]?.why.key).toBe("config.django.mw.cannot.reflect-any");
  });

  it("a preflight the view refuses (401 recorded): the middleware answers OPTIONS itself", () => {
    const bare = SEED.replace(/ {8}if request\.method[\s\S]*?= 86400\n/, "");
    const files = [mw(bare)];
    const [x] = recordedFrom(
      [mw(SEED)],
      [
        {
          url: "http://localhost:8000/api/items/1",
          method: "PUT",
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    if (!x?.preflight) throw new Error("no preflight");
    const ev = [{ ...x, preflight: { ...x.preflight, status: 401 } }];
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      '        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:\n            response = HttpResponse()\n        else:\n            response = self.get_response(request)\n',
    );
  });
});

const HEAD = `SECRET_KEY = "x"
ROOT_URLCONF = "urls"
`;

const ORDER = `${HEAD}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "shop.middleware.CorsHeadersMiddleware",
]
`;

describe("a hand-written Django CORS middleware with settings.py", () => {
  it("below CommonMiddleware: check names its MIDDLEWARE line; fix moves it to the top", () => {
    const files = [settings(ORDER), mw(SEED)];
    const found = checkConfig(files).findings.find((f) => f.code === "django-mw-order");
    expect(found).toMatchObject({ severity: "error", file: "shop/settings.py", line: 7 });
    const ev = recordedFrom(files, [{ url: "http://localhost:8000/api/things" }]).map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        status: 301,
        responseHeaders: [["Location", "/api/things/"]] as Array<[string, string]>,
      })),
    }));
    const r = fixConfig(files, ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      'MIDDLEWARE = [\n    "shop.middleware.CorsHeadersMiddleware",\n    "django.middleware.security',
    );
    expect(r.files[1]?.after).toBe(SEED);
  });

  it("django-cors-headers installed too: two layers (check), corsheaders answering the preflight below it", () => {
    const two = `${HEAD}
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
MIDDLEWARE = [
    "shop.middleware.CorsHeadersMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
`;
    const files = [settings(two), mw(SEED)];
    expect(checkConfig(files).findings).toContainEqual(
      expect.objectContaining({ code: "django-mw-two-layers", file: "shop/settings.py", line: 7 }),
    );
    const shop = readConfig(files).answer({
      method: "GET",
      url: API,
      headers: [["Origin", "https://shop.example.com"]],
      upstream: { status: 200, headers: [] },
    });
    // The outer (hand-written) layer's * replaces corsheaders' reflected origin.
    expect(shop.kind === "known" && combinedHeader(shop.headers, "access-control-allow-origin")).toBe("*");
    expect(shop.kind === "known" && combinedHeader(shop.headers, "vary")).toBe("Origin");
  });

  it("settings.X read from the settings passed", () => {
    const s = `${HEAD}
FRONTENDS = ["${APP}"]
MIDDLEWARE = ["shop.middleware.cors"]
`;
    const m = FUNCTION.replace("in ORIGINS:", "in settings.FRONTENDS:").replace(
      "from django.http",
      "from django.conf import settings\nfrom django.http",
    );
    const a = readConfig([settings(s), mw(m)]).answer({
      method: "GET",
      url: API,
      headers: [["Origin", APP]],
    });
    expect(a.kind === "known" && combinedHeader(a.headers, "access-control-allow-origin")).toBe(APP);
  });

  it("getattr(settings, X, default) and a helper method of the class; a helper without the request is said", () => {
    const s = `${HEAD}\nMIDDLEWARE = ["shop.middleware.Cors"]\n`;
    const m = `from django.conf import settings
from django.http import HttpResponse

ORIGIN = getattr(settings, "CORS_ORIGIN", "*")
CREDENTIALS = getattr(settings, "CORS_CREDENTIALS", True)


class Cors:
    def __init__(self, get_response):
        self.get_response = get_response

    def set_headers(self, response):
        response["Access-Control-Allow-Origin"] = ORIGIN
        response["Access-Control-Allow-Credentials"] = "true" if CREDENTIALS else "false"
        return response

    def __call__(self, request):
        return self.set_headers(self.get_response(request))
`;
    const files = [settings(s), mw(m)];
    const a = readConfig(files).answer({ method: "GET", url: API, headers: [["Origin", APP]] });
    expect(a.kind === "known" && combinedHeader(a.headers, "access-control-allow-origin")).toBe("*");
    // settings.py sets it: its value, not the default.
    const set = [settings(`${s}CORS_ORIGIN = "${APP}"\n`), mw(m)];
    const b = readConfig(set).answer({ method: "GET", url: API, headers: [["Origin", APP]] });
    expect(b.kind === "known" && combinedHeader(b.headers, "access-control-allow-origin")).toBe(APP);
    // The page sends cookies: * cannot carry them, and set_headers() has no request to reflect.
    const r = fixConfig(files, recordedFrom(files, [{ url: API, credentials: "include" }]));
    expect(r.ok).toBe(false);
    expect(fixDiff(r)).toBe("");
    expect(r.cannot.map((c) => c.why.key)).toEqual(["config.django.mw.cannot.no-request"]);
  });
});

describe("a hand-written Django CORS middleware: check", () => {
  it("Max-Age above Chromium's cap: a warning on its line", () => {
    expect(checkConfig([mw(SEED)]).findings).toEqual([
      expect.objectContaining({ code: "django-mw-max-age", severity: "warning", line: 13 }),
    ]);
  });

  it("* with credentials; any origin reflected with credentials; a reflected origin without Vary", () => {
    const star = SEED.replace(
      '        response["Access-Control-Allow-Origin"] = "*"\n',
      '        response["Access-Control-Allow-Origin"] = "*"\n        response["Access-Control-Allow-Credentials"] = "true"\n',
    ).replace("86400", "600");
    expect(checkConfig([mw(star)]).findings).toEqual([
      expect.objectContaining({ code: "django-mw-any-credentials", severity: "error", line: 14 }),
    ]);
    const reflect = star.replace('= "*"', '= request.headers.get("Origin", "")');
    const codes = checkConfig([mw(reflect)]).findings.map((f) => [f.code, f.line]);
    expect(codes).toEqual([
      ["django-mw-reflect-credentials", 14],
      ["django-mw-no-vary", 14],
    ]);
    expect(checkConfig([mw(MIXIN)]).findings).toEqual([
      expect.objectContaining({ code: "django-mw-no-vary", severity: "warning", line: 19 }),
    ]);
  });

  it("a correct middleware: nothing", () => {
    expect(checkConfig([mw(FUNCTION)]).findings).toEqual([]);
  });
});

describe("settings.py alone, naming a CORS middleware of the project", () => {
  it("asks for the middleware's file (exit 2), naming its MIDDLEWARE line", () => {
    try {
      readConfig([settings(ORDER)]);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).words).toMatchObject({
        key: "config.error.included",
        params: { file: "shop/settings.py", line: 7, pattern: "shop.middleware.CorsHeadersMiddleware" },
      });
    }
  });
});

describe("a hand-written Django CORS middleware: bad input never crashes", () => {
  it("mutated files: read, checked and fixed, or refused with a ConfigError", () => {
    let seed = 23;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const sources = [SEED, MIXIN, FUNCTION];
    for (let i = 0; i < 60; i++) {
      const base = sources[i % sources.length] as string;
      const lines = base.split("\n");
      const at = rand(lines.length);
      const cut = rand(3);
      const mutated =
        cut === 0
          ? lines.filter((_, j) => j !== at).join("\n")
          : cut === 1
            ? lines.map((l, j) => (j === at ? l.slice(0, rand(l.length + 1)) : l)).join("\n")
            : lines.map((l, j) => (j === at ? l.replace(/"[^"]*"/, "origin") : l)).join("\n");
      const files = [mw(mutated)];
      try {
        checkConfig(files);
        const ev = recordedFrom(
          [mw(SEED)],
          [{ url: API, credentials: "include", headers: [["X-Client", "1"]] }],
        );
        fixConfig(files, ev);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw new Error(`${String(e)}\n${mutated}`);
      }
    }
  });

  it("typed parameters (`request: HttpRequest`) are read", () => {
    const typed = SEED.replace(
      "def __call__(self, request):",
      "def __call__(self, request: HttpRequest) -> HttpResponse:",
    );
    expect(ask([mw(typed)], {})).toMatchObject({ kind: "known" });
  });
});

describe("a hand-written Django CORS middleware: headers from a dict", () => {
  const DICT = `CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "content-type",
}


def cors(get_response):
    def middleware(request):
        response = get_response(request)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    return middleware
`;

  it("`for name, value in HEADERS.items()` is read; the header is added to the dict's value", () => {
    const get = ask([mw(DICT)], {});
    expect(get.kind === "known" && combinedHeader(get.headers, "access-control-allow-methods")).toBe(
      "GET, POST, OPTIONS",
    );
    const files = [mw(DICT)];
    const headers: Array<[string, string]> = [
      ["Content-Type", "application/json"],
      ["X-Api-Key", "k"],
    ];
    const [x] = recordedFrom(
      [mw(DICT)],
      [
        {
          url: API,
          method: "POST",
          headers,
          recorded: { preflight: { status: 200, headers: [] }, actual: { status: 200, headers: [] } },
        },
      ],
    );
    const r = fixConfig(files, x ? [x] : []);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain('"Access-Control-Allow-Headers": "content-type, x-api-key",');
  });
});

describe("a hand-written Django CORS middleware: the credentials line", () => {
  it("an unconditional Allow-Credentials line goes with *; one alone in its block stays (the file still parses)", () => {
    const star = SEED.replace(
      '        response["Access-Control-Allow-Origin"] = "*"\n',
      '        response["Access-Control-Allow-Origin"] = "*"\n        response["Access-Control-Allow-Credentials"] = "true"\n',
    );
    const ev = recordedFrom([mw(star)], [{ url: API, credentials: "include" }]);
    const r = fixConfig([mw(star)], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after.match(/Allow-Credentials/g)?.length).toBe(1);
    const alone = SEED.replace(
      '        response["Access-Control-Allow-Origin"] = "*"\n',
      '        response["Access-Control-Allow-Origin"] = "*"\n        if request.COOKIES:\n            response["Access-Control-Allow-Credentials"] = "true"\n',
    ).replace("if request.COOKIES:", 'if request.method != "TRACE":');
    const ev2 = recordedFrom([mw(alone)], [{ url: API, credentials: "include", headers: [] }]);
    const r2 = fixConfig([mw(alone)], ev2);
    expect(r2.ok).toBe(true);
    expect(r2.files[0]?.after).toContain(
      '        if request.method != "TRACE":\n            response["Access-Control-Allow-Credentials"] = "true"\n',
    );
    // The patched file reads again (it parses).
    expect(() => readConfig([mw(r2.files[0]?.after ?? "")])).not.toThrow();
  });
});
