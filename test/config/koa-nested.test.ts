/**
 * Koa routers used inside routers (`api.use(items.routes())`), read as @koa/router copies them (the
 * inner layers under the outer prefix): the inner router's cors() runs only for requests one of
 * its routes takes, so the PUT's preflight goes without it; the printed patch lifts it onto the app
 * before the outer router's mount. Checked on the real koa, @koa/router and @koa/cors.
 */
import { describe, expect, it } from "vitest";
import { fixConfig, fixDiff, readConfig } from "../../src/config";
import { recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const PAGE = "https://page.example.com";
const NESTED = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const api = new Router({ prefix: "/api" });
const items = new Router();

items.use(cors({ origin: "${PAGE}" }));
items.get("/items", (ctx) => {
  ctx.body = [];
});
items.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});

api.use(items.routes(), items.allowedMethods());
app.use(api.routes()).use(api.allowedMethods());

module.exports = app;
`;

async function preflight(url: string) {
  return fetch(`${url}/api/items/1`, {
    method: "OPTIONS",
    headers: {
      Origin: PAGE,
      "Access-Control-Request-Method": "PUT",
      "Access-Control-Request-Headers": "content-type",
    },
  });
}

describe("Koa: a router used inside another router", () => {
  const file = { path: "server.js", text: NESTED };
  it("is read as @koa/router runs it: the GET gets cors()'s headers, the PUT's preflight none (as the real app)", async () => {
    const config = readConfig([file]);
    const get = config.answer({ method: "GET", url: "http://h/api/items", headers: [["Origin", PAGE]] });
    expect(get.kind === "known" && get.headers).toContainEqual(["Access-Control-Allow-Origin", PAGE]);
    const pre = config.answer({
      method: "OPTIONS",
      url: "http://h/api/items/1",
      headers: [
        ["Origin", PAGE],
        ["Access-Control-Request-Method", "PUT"],
      ],
    });
    expect(pre.kind).toBe("known");
    expect(pre.kind === "known" && pre.headers.some(([n]) => /^access-control-allow-origin$/i.test(n))).toBe(
      false,
    );
    const s = await serve(NESTED, "koa");
    try {
      const real = await preflight(s.url);
      expect(real.headers.get("access-control-allow-origin")).toBeNull();
      const got = await fetch(`${s.url}/api/items`, { headers: { Origin: PAGE } });
      expect(got.headers.get("access-control-allow-origin")).toBe(PAGE);
    } finally {
      s.close();
    }
  });

  it("the printed patch lifts the inner cors() onto the app before the outer mount, and the preflight passes for real", async () => {
    const ev = recordedFrom(
      [file],
      [
        {
          url: "http://h/api/items/1",
          method: "PUT",
          origin: PAGE,
          headers: [["Content-Type", "application/json"]],
        },
      ],
    );
    const r = fixConfig([file], ev);
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(fixDiff(r)).toContain(`-items.use(cors({ origin: "${PAGE}" }));`);
    expect(fixDiff(r)).toContain(`+app.use(cors({ origin: "${PAGE}" }));\n app.use(api.routes())`);
    const after = r.files[0]?.after ?? "";
    const s = await serve(after, "koa");
    try {
      const real = await preflight(s.url);
      expect(real.status).toBe(204);
      expect(real.headers.get("access-control-allow-origin")).toBe(PAGE);
      const got = await fetch(`${s.url}/api/items`, { headers: { Origin: PAGE } });
      expect(got.status).toBe(200);
      expect(got.headers.get("access-control-allow-origin")).toBe(PAGE);
    } finally {
      s.close();
    }
  });

  it("a use() path that is not a plain string is still refused with its line", () => {
    const text = NESTED.replace(
      "api.use(items.routes(), items.allowedMethods());",
      "api.use(/\\/v\\d+/, items.routes());",
    );
    const a = readConfig([{ path: "server.js", text }]).answer({
      method: "GET",
      url: "http://h/api/items",
      headers: [["Origin", PAGE]],
    });
    expect(a.kind === "unknown" && a.why.key).toBe("config.express.unknown.koa-nested");
  });
});
