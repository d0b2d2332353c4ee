/**
 * The Python readers' changes for held-out set 19's misses (test/fixes/HELDOUT19.md), each on a file of
 * its own: what the reader now reads, and the patch `fix` writes from it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, prepareConfig, readConfig } from "../../src/config";
import type { Answer, HopRequest } from "../../src/config/types";
import { type RequestSpec, renderExchange } from "../../src/config/whatif";
import type { ObservedExchange } from "../../src/engine";
import { pythonGrammarBytes as wasm } from "./recorded";

const PAGE = "http://localhost:41234";
const API = "http://localhost:8000";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], wasm);
});

/**
 * What Chromium recorded from a running app whose answers the model cannot compute (an OPTIONS handler
 * of the app's own): each call rendered against `server`, the recorded answers as the app gave them.
 */
function recorded(
  specs: Array<Partial<RequestSpec> & { url: string }>,
  server: (req: HopRequest) => Answer,
): ObservedExchange[] {
  return specs.map((s, i) => {
    const spec: RequestSpec = {
      id: `e${i}`,
      method: "GET",
      origin: PAGE,
      headers: [],
      credentials: "omit",
      source: "evidence",
      ...s,
    };
    const r = renderExchange(spec, server);
    if (!("exchange" in r)) throw new Error(`unknown evidence: ${JSON.stringify(r.unknown)}`);
    return { ...r.exchange, recordedBy: "chromium" };
  });
}

/** The tus protocol's own OPTIONS answer (no CORS header), 201/204 for the upload calls. */
const TUS_SERVER = (req: HopRequest): Answer => ({
  kind: "known",
  status: req.method === "OPTIONS" ? 204 : req.method === "POST" ? 201 : 204,
  headers: [
    ["Tus-Resumable", "1.0.0"],
    ...(req.method === "OPTIONS" ? ([["Tus-Version", "1.0.0"]] as Array<[string, string]>) : []),
  ],
  fromUpstream: true,
  assumed: [],
});

/** The upload routes as aiohttp-tus 1.x registers them (aiohttp_tus/tus.py setup_tus), keyword arguments and all. */
const TUS = `from pathlib import Path

from aiohttp import web


async def upload_options(request):
    return web.Response(status=204, headers={"Tus-Resumable": "1.0.0", "Tus-Version": "1.0.0"})


async def upload_details(request):
    return web.json_response({})


async def start_upload(request):
    return web.Response(status=201, headers={"Tus-Resumable": "1.0.0", "Location": "/files/1"})


async def upload_resource(request):
    return web.Response(status=204, headers={"Tus-Resumable": "1.0.0", "Upload-Offset": "5"})


def setup_tus(app, *, upload_path: Path, upload_url: str = "/files", allow_overwrite_files=False):
    upload = app.router.add_resource(upload_url, name="tus_upload")
    upload.add_route("OPTIONS", upload_options)
    upload.add_route("GET", upload_details)
    upload.add_route("POST", start_upload)
    resource = app.router.add_resource(upload_url + "/{resource_uid}", name="tus_resource")
    resource.add_route("OPTIONS", upload_options)
    resource.add_route("PATCH", upload_resource)
    return app


app = web.Application()
setup_tus(app, upload_path=Path("/srv/uploads"), upload_url="/api/uploads")
`;

const CREATE: Partial<RequestSpec> & { url: string } = {
  url: `${API}/api/uploads`,
  method: "POST",
  headers: [
    ["Tus-Resumable", "1.0.0"],
    ["Upload-Length", "5"],
  ],
};
const CHUNK: Partial<RequestSpec> & { url: string } = {
  url: `${API}/api/uploads/ab12`,
  method: "PATCH",
  headers: [
    ["Tus-Resumable", "1.0.0"],
    ["Upload-Offset", "0"],
    ["Content-Type", "application/offset+octet-stream"],
  ],
};

describe("aiohttp: a same-file function given keyword arguments registers the routes (okumy/aiohttp-tus#4's setup_tus)", () => {
  const files: ConfigFile[] = [{ path: "app.py", text: TUS }];
  it("the parameters are bound to the keyword arguments and the written defaults: the routes are read", () => {
    const a = readConfig(files).answer({
      method: "POST",
      url: `${API}/api/uploads`,
      headers: [["Origin", PAGE]],
    });
    expect(a.kind).toBe("known");
    // The default upload_url is not the one given: no route there.
    const other = readConfig(files).answer({ method: "POST", url: `${API}/files`, headers: [] });
    expect(other).toMatchObject({ kind: "known", status: 404 });
  });
  it("check: no CORS, named where the app is made with the route answering OPTIONS itself beside (aiohttp-cors refuses it)", () => {
    const found = checkConfig(files).findings.filter((f) => f.code === "no-cors");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      line: 33,
      also: [{ file: "app.py", line: 24 }],
      words: { key: "config.aiohttp.check.no-cors-own-options", params: { line: 24, path: "/api/uploads" } },
    });
  });
});

describe("aiohttp: no CORS, the upload routes answer OPTIONS with a handler of the app's own (okumy/aiohttp-tus#4)", () => {
  const files: ConfigFile[] = [{ path: "app.py", text: TUS }];
  const evidence = recorded([CREATE, CHUNK], TUS_SERVER);
  let r: ReturnType<typeof fixConfig>;
  let after = TUS;
  let next: ConfigFile[] = files;
  beforeAll(() => {
    r = fixConfig(files, evidence);
    after = r.files[0]?.after ?? TUS;
    next = [{ path: "app.py", text: after }];
  });
  it("aiohttp-cors is not set up (cors.add would raise ValueError on the resource's OPTIONS handler): a CORS middleware of the app's own is", () => {
    expect(r.cannot).toEqual([]);
    expect(r.ok).toBe(true);
    expect(after).not.toContain("aiohttp_cors");
    expect(after).toContain(`CORS_HEADERS = {
    "Access-Control-Allow-Origin": "${PAGE}",
    "Access-Control-Allow-Methods": "POST, PATCH",
    "Access-Control-Allow-Headers": "Tus-Resumable, Upload-Length, Content-Type, Upload-Offset",
    "Access-Control-Expose-Headers": "Tus-Resumable, Location, Upload-Offset",
}


@web.middleware
async def cors_middleware(request, handler):
    response = await handler(request)
    response.headers.update(CORS_HEADERS)
    return response


app = web.Application(middlewares=[cors_middleware])
`);
    // The tus routes are left as they were.
    expect(after).toContain('    upload.add_route("OPTIONS", upload_options)\n');
    expect(r.edits.map((e) => e.why.key)).toEqual([
      "config.aiohttp.fix.own-middleware-expose",
      "config.aiohttp.fix.own-middleware-expose",
    ]);
    expect(r.edits[0]?.why.params).toMatchObject({
      line: 24,
      path: "/api/uploads",
      expose: "Tus-Resumable, Location, Upload-Offset",
    });
  });
  it("exposes what the handlers write however they write it (a module-level dict spread, an item set), not the OPTIONS handler's own, not safelisted ones", () => {
    const text = TUS.replace(
      'async def upload_options(request):\n    return web.Response(status=204, headers={"Tus-Resumable": "1.0.0", "Tus-Version": "1.0.0"})',
      'TUS_HEADERS = {"Tus-Resumable": "1.0.0"}\n\n\nasync def upload_options(request):\n    return web.Response(status=204, headers={**TUS_HEADERS, "Tus-Version": "1.0.0"})',
    )
      .replace(
        'return web.Response(status=201, headers={"Tus-Resumable": "1.0.0", "Location": "/files/1"})',
        'response = web.Response(status=201, headers={**TUS_HEADERS, "Content-Type": "text/plain"})\n    response.headers["Location"] = "/files/1"\n    return response',
      )
      .replace(
        'return web.Response(status=204, headers={"Tus-Resumable": "1.0.0", "Upload-Offset": "5"})',
        'response = web.Response(status=204)\n    response.headers.update({"Upload-Offset": "5", "Cache-Control": "no-store"})\n    return response',
      );
    const f = fixConfig([{ path: "app.py", text }], evidence);
    expect(f.ok).toBe(true);
    expect(f.files[0]?.after).toContain(
      '    "Access-Control-Expose-Headers": "Tus-Resumable, Location, Upload-Offset",\n',
    );
    // Nothing written by the handlers but CORS-safelisted names: no Expose-Headers line.
    const plain = TUS.replace(/"Location": "\/files\/1"/, '"Content-Type": "text/plain"')
      .replace(/"Upload-Offset": "5"/, '"Cache-Control": "no-store"')
      .replaceAll('"Tus-Resumable": "1.0.0", ', "");
    const g = fixConfig([{ path: "app.py", text: plain }], evidence);
    expect(g.ok).toBe(true);
    expect(g.files[0]?.after).not.toContain("Expose");
    expect(g.edits.map((e) => e.why.key)).toEqual([
      "config.aiohttp.fix.own-middleware",
      "config.aiohttp.fix.own-middleware",
    ]);
  });
  it("the patched file is read back: the app's own OPTIONS handler answers the preflight, the middleware adds the headers", () => {
    const a = readConfig(next).answer({
      method: "OPTIONS",
      url: `${API}/api/uploads/ab12`,
      headers: [
        ["Origin", PAGE],
        ["Access-Control-Request-Method", "PATCH"],
      ],
      upstream: { status: 204, headers: [["Tus-Version", "1.0.0"]] },
    });
    expect(a).toMatchObject({ kind: "known", status: 204 });
    if (a.kind !== "known") return;
    expect(a.headers).toContainEqual(["Tus-Version", "1.0.0"]);
    expect(a.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    expect(a.headers).toContainEqual(["Access-Control-Allow-Methods", "POST, PATCH"]);
    expect(checkConfig(next).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(fixConfig(next, evidence).edits).toEqual([]);
  });
  it("a handler that raises an HTTPException: the headers go on the exception too", () => {
    const raising = TUS.replace(
      "async def upload_resource(request):\n",
      'async def upload_resource(request):\n    if "resource_uid" not in request.match_info:\n        raise web.HTTPNotFound()\n',
    );
    const f = fixConfig([{ path: "app.py", text: raising }], evidence);
    expect(f.ok).toBe(true);
    expect(f.files[0]?.after).toContain(`    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers.update(CORS_HEADERS)
        raise
    response.headers.update(CORS_HEADERS)
`);
    const text = f.files[0]?.after ?? "";
    expect(checkConfig([{ path: "app.py", text }]).findings.map((x) => x.code)).not.toContain(
      "aiohttp-hand-raised-skips-cors",
    );
  });
  it("an Application made with middlewares already: the CORS one goes first, the outermost", () => {
    const text = TUS.replace(
      "app = web.Application()",
      "@web.middleware\nasync def timing(request, handler):\n    return await handler(request)\n\n\n# The app.\napp = web.Application(middlewares=[timing])",
    );
    const f = fixConfig([{ path: "app.py", text }], evidence);
    expect(f.ok).toBe(true);
    const out = f.files[0]?.after ?? "";
    expect(out).toContain("app = web.Application(middlewares=[cors_middleware, timing])");
    // Above the comment written over the app's line.
    expect(out).toContain("    return response\n\n\n# The app.\napp = ");
  });
  it("calls from two origins: one Allow-Origin cannot name both, said", () => {
    const two = recorded([CREATE, { ...CHUNK, origin: "http://localhost:41235" }], TUS_SERVER);
    const f = fixConfig(files, two);
    expect(f.ok).toBe(false);
    expect(f.edits).toEqual([]);
    expect(f.cannot.map((c) => c.why.key)).toEqual([
      "config.aiohttp.cannot.own-origins",
      "config.aiohttp.cannot.own-origins",
    ]);
  });
  it("a preflight no route takes (aiohttp's 405 passes every middleware): said, not patched", () => {
    const text = TUS.replace('    resource.add_route("OPTIONS", upload_options)\n', "");
    const f = fixConfig(
      [{ path: "app.py", text }],
      recorded([CHUNK], (req) => ({
        ...TUS_SERVER(req),
        ...(req.method === "OPTIONS" ? { status: 405 } : {}),
      })),
    );
    expect(f.ok).toBe(false);
    expect(f.cannot[0]?.why).toMatchObject({
      key: "config.aiohttp.cannot.own-preflight",
      params: { path: "/api/uploads/ab12", refused: "/api/uploads", line: 24 },
    });
  });
});
