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
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { APP, recordedFrom, pythonGrammarBytes as wasm } from "./recorded";

const file = (text: string, path = "app.py"): ConfigFile => ({ path, text });

beforeAll(async () => {
  await prepareConfig([file("import aiohttp_cors\n")], wasm);
});

const HEAD = `import aiohttp_cors
from aiohttp import web


async def items(request):
    return web.json_response([])


async def item(request):
    return web.json_response({})


app = web.Application()
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  return readConfig([file(text)]).answer({ method: "GET", headers: [["Origin", APP]], ...req });
}
const value = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)[0];
function known(a: ReturnType<typeof ask>) {
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return a;
}
const preflight = (method: string, headers = "", origin = APP): HeaderList => [
  ["Origin", origin],
  ["Access-Control-Request-Method", method],
  ...(headers ? ([["Access-Control-Request-Headers", headers]] as HeaderList) : []),
];
const codes = (text: string) => checkConfig([file(text)]).findings.map((f) => `${f.code}:${f.line}`);

describe("aiohttp-cors 0.7.0: what it answers", () => {
  it("the README's loop: * reflects the origin with credentials; routes after the loop get nothing", () => {
    const text = `${HEAD}cors = aiohttp_cors.setup(app, defaults={
    "*": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*"),
})
app.router.add_get("/api/items", items)
for route in list(app.router.routes()):
    cors.add(route)
app.router.add_put("/api/items/{id}", item)
`;
    expect(detectFormat(file(text))).toEqual({ format: "aiohttp" });
    const a = known(ask(text, { url: "http://h/api/items" }));
    expect(value(a.headers, "access-control-allow-origin")).toBe(APP);
    expect(value(a.headers, "access-control-allow-credentials")).toBe("true");
    expect(value(a.headers, "vary")).toBeUndefined();
    const pre = known(
      ask(text, { url: "http://h/api/items", method: "OPTIONS", headers: preflight("GET", "x-a") }),
    );
    expect(pre.status).toBe(200);
    expect(value(pre.headers, "access-control-allow-headers")).toBe("X-A");
    // The PUT route is a new resource registered after the loop: its preflight goes to GET's resource.
    const put = known(
      ask(text, { url: "http://h/api/items/1", method: "OPTIONS", headers: preflight("PUT") }),
    );
    expect(put.status).toBe(405);
    expect(codes(text)).toEqual(["aiohttp-any-origin-credentials:15", "aiohttp-route-after-loop:20"]);
  });
});
