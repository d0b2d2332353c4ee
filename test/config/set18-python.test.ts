/**
 * The Python readers' changes for held-out set 18's misses (test/fixes/HELDOUT18.md), each on a file of
 * its own: what the reader now reads, and the patch `fix` writes from it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, fixConfig, prepareConfig, readConfig } from "../../src/config";
import { recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:41234";
const API = "http://localhost:8000";

beforeAll(async () => {
  await prepareConfig([{ path: "settings.py", text: "CORS_ALLOW_ALL_ORIGINS = True\n" }], wasm);
});

const DJANGO_HEAD = `import os

SECRET_KEY = "x"
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["corsheaders"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
`;

/** `fix` on `files` with evidence recorded from `server` (what the running app answered), then again. */
function fixedFrom(files: ConfigFile[], server: ConfigFile[], specs: Parameters<typeof recordedFrom>[1]) {
  const r = fixConfig(files, recordedFrom(server, specs));
  const next = files.map((f) => ({ ...f, text: r.files.find((x) => x.path === f.path)?.after ?? f.text }));
  const before = new Set(files.flatMap((f) => f.text.split("\n")));
  return {
    r,
    text: next.map((f) => f.text).join("\n"),
    added: next.flatMap((f) => f.text.split("\n")).filter((l) => !before.has(l)),
    next,
  };
}

describe("Django: origins decided by code CORS Lens does not evaluate, the decision taken from the record (makeplane/plane#4929)", () => {
  const text = `${DJANGO_HEAD}
cors_origins_raw = os.environ.get("CORS_ALLOWED_ORIGINS", "${PAGE}")
cors_allowed_origins = [origin.strip() for origin in cors_origins_raw.split(",") if origin.strip()]
if cors_allowed_origins:
    CORS_ALLOWED_ORIGINS = cors_allowed_origins
else:
    CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
`;
  // What the deployed app answered: the variable holds the page.
  const server = `${DJANGO_HEAD}
CORS_ALLOWED_ORIGINS = ["${PAGE}"]
CORS_ALLOW_CREDENTIALS = True
`;
  const files = [{ path: "settings.py", text }];
  const specs = [
    { url: `${API}/api/items`, origin: PAGE },
    {
      url: `${API}/api/items/1`,
      method: "PUT",
      origin: PAGE,
      headers: [
        ["Content-Type", "application/json"],
        ["X-API-Key", "k1"],
      ] as Array<[string, string]>,
    },
  ];
  it("`fix` adds the header to CORS_ALLOW_HEADERS with the defaults kept, the origin verdict said to be the record's", () => {
    const f = fixedFrom(files, [{ path: "settings.py", text: server }], specs);
    expect(f.r.cannot).toEqual([]);
    expect(f.r.ok).toBe(true);
    expect(f.added).toContain("from corsheaders.defaults import default_headers");
    expect(f.added).toContain('CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")');
    // The environment-driven lines are left as written.
    expect(f.text).toContain("if cors_allowed_origins:\n    CORS_ALLOWED_ORIGINS = cors_allowed_origins");
    expect(JSON.stringify(f.r.rows)).toContain("config.django.assumed.origin-recorded");
  });
  it("an origin the record shows refused is not added to the computed list: `fix` says why", () => {
    const other = server.replace(`["${PAGE}"]`, '["https://other.example"]');
    const r = fixConfig(
      files,
      recordedFrom([{ path: "settings.py", text: other }], [{ url: `${API}/api/items`, origin: PAGE }]),
    );
    expect(r.ok).toBe(false);
    expect(r.edits).toEqual([]);
    expect(r.cannot[0]?.why).toMatchObject({ key: "config.django.unknown.value" });
  });
  it("without a record of the origin's answer it stays unknown", () => {
    const a = readConfig(files).answer({
      method: "GET",
      url: `${API}/api/items`,
      headers: [["Origin", PAGE]],
    });
    expect(a.kind).toBe("unknown");
  });
});

describe("Django: the page's own If-None-Match, asked in the preflight, added to CORS_ALLOW_HEADERS (pixelpassion/django-saas-boilerplate#20)", () => {
  const text = `${DJANGO_HEAD}
CORS_ORIGIN_ALLOW_ALL = os.environ.get("CORS_ORIGIN_ALLOW_ALL", "False") == "True"
CORS_ORIGIN_WHITELIST = os.environ.get("CORS_ORIGIN_WHITELIST", "${PAGE}").split(",")
`;
  const files = [{ path: "settings.py", text }];
  const specs = [
    { url: `${API}/api/me`, origin: PAGE, credentials: "include" as const },
    {
      url: `${API}/api/items`,
      origin: PAGE,
      credentials: "include" as const,
      headers: [["If-None-Match", '"7c4a8d"']] as Array<[string, string]>,
      // The recorded preflight asked for it: the page's script set it.
      asked: ["if-none-match"],
    },
  ];
  it("`fix` allows credentials and adds if-none-match to the default headers; nothing left failing", () => {
    const f = fixedFrom(files, files, specs);
    expect(f.r.cannot).toEqual([]);
    expect(f.r.ok).toBe(true);
    expect(f.added).toContain("CORS_ALLOW_CREDENTIALS = True");
    expect(f.added).toContain('CORS_ALLOW_HEADERS = (*default_headers, "if-none-match")');
  });
});

describe("aiohttp: cors.add(route, front_ends([...])), a same-file function building the options dict from its argument", () => {
  const ORIGIN2 = "http://127.0.0.1:41235";
  const text = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([{"id": 1}])


async def update_item(request):
    return web.json_response({"id": 1})


def front_ends(methods):
    options = aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        allow_headers=("Content-Type", "Authorization"),
        allow_methods=methods,
        max_age=600,
    )
    return {"${PAGE}": options, "${ORIGIN2}": options}


app = web.Application()
cors = aiohttp_cors.setup(app)
cors.add(app.router.add_get("/api/items", items), front_ends(["GET"]))
cors.add(app.router.add_put("/api/items/{item_id}", update_item), front_ends(["PUT"]))
`;
  const files = [{ path: "app.py", text }];
  const put = (origin: string) =>
    readConfig(files).answer({
      method: "OPTIONS",
      url: `${API}/api/items/1`,
      headers: [
        ["Origin", origin],
        ["Access-Control-Request-Method", "PUT"],
        ["Access-Control-Request-Headers", "authorization,content-type"],
      ],
    });
  it("each route's options read with its own methods: the PUT preflight allowed for both front ends", () => {
    for (const origin of [PAGE, ORIGIN2]) {
      const a = put(origin);
      expect(a.kind).toBe("known");
      if (a.kind !== "known") return;
      expect(a.headers).toContainEqual(["Access-Control-Allow-Origin", origin]);
      expect(a.headers).toContainEqual(["Access-Control-Allow-Methods", "PUT"]);
    }
    const other = put("https://evil.example");
    expect(other.kind === "known" && other.headers.map(([n]) => n)).not.toContain(
      "Access-Control-Allow-Origin",
    );
  });
  it("a correct file reads as correct: `fix` has nothing to change", () => {
    const f = fixedFrom(files, files, [
      { url: `${API}/api/items`, origin: PAGE, credentials: "include" as const },
      {
        url: `${API}/api/items/1`,
        method: "PUT",
        origin: ORIGIN2,
        credentials: "include" as const,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer t"],
        ] as Array<[string, string]>,
      },
    ]);
    expect(f.r.ok).toBe(true);
    expect(f.r.edits).toEqual([]);
  });
});

describe("aiohttp: options from a shared same-file function, a header refused", () => {
  const text = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([{"id": 1}])


async def update_item(request):
    return web.json_response({"id": 1})


def front_ends(methods):
    options = aiohttp_cors.ResourceOptions(
        allow_credentials=True,
        allow_headers=("Content-Type",),
        allow_methods=methods,
    )
    return {"${PAGE}": options}


app = web.Application()
cors = aiohttp_cors.setup(app)
cors.add(app.router.add_get("/api/items", items), front_ends(["GET"]))
cors.add(app.router.add_put("/api/items/{item_id}", update_item), front_ends(["PUT"]))
`;
  const files = [{ path: "app.py", text }];
  it("`fix` writes nothing inside the function every route shares, and says so", () => {
    const r = fixConfig(
      files,
      recordedFrom(files, [
        {
          url: `${API}/api/items/1`,
          method: "PUT",
          origin: PAGE,
          credentials: "include",
          headers: [
            ["Content-Type", "application/json"],
            ["Authorization", "Bearer t"],
          ],
        },
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.edits).toEqual([]);
    expect(r.cannot[0]?.why).toMatchObject({
      key: "config.aiohttp.cannot.shared",
      params: { name: "front_ends" },
    });
  });
});
