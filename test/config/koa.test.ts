import { describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, detectFormat, fixConfig, readConfig } from "../../src/config";
import type { HopRequest } from "../../src/config/types";
import type { HeaderList } from "../../src/engine";
import { recordedFrom } from "./recorded";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const BASE = "http://localhost:3000";
const file = (text: string, path = "server.js"): ConfigFile => ({ path, text });

const KOA = (body: string) => `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
${body}
const router = new Router({ prefix: "/api" });
router.get("/items", (ctx) => {
  ctx.body = [];
});
router.put("/items/:id", (ctx) => {
  ctx.body = {};
});
app.use(router.routes());
app.use(router.allowedMethods());
`;

function ask(text: string, req: Partial<HopRequest> & { url: string }) {
  const a = readConfig([file(text)]).answer({
    method: "GET",
    headers: [["Origin", APP]],
    ...req,
    url: `${BASE}${req.url}`,
  });
  if (a.kind !== "known") throw new Error(`unknown: ${JSON.stringify(a.why)}`);
  return a;
}
const get = (h: HeaderList, name: string) =>
  h.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
const preflight = (method: string): HeaderList => [
  ["Origin", APP],
  ["Access-Control-Request-Method", method],
];

describe("Koa (@koa/cors, @koa/router)", () => {
  it("is told apart; answers as @koa/cors 5: * by default, * with credentials reflects, Vary always", () => {
    expect(detectFormat(file(KOA("")))).toEqual({ format: "koa" });
    const p = ask(KOA("app.use(cors());"), {
      url: "/api/items/1",
      method: "OPTIONS",
      headers: preflight("PUT"),
    });
    expect(p.status).toBe(204);
    expect(get(p.headers, "access-control-allow-origin")).toEqual(["*"]);
    expect(get(p.headers, "access-control-allow-methods")).toEqual(["GET,HEAD,PUT,POST,DELETE,PATCH"]);
    const c = ask(KOA("app.use(cors({ credentials: true }));"), { url: "/api/items" });
    expect(get(c.headers, "access-control-allow-origin")).toEqual([APP]);
    expect(get(c.headers, "vary")).toEqual(["Origin"]);
    // An OPTIONS without Access-Control-Request-Method goes on: allowedMethods answers 200.
    expect(ask(KOA("app.use(cors());"), { url: "/api/items/1", method: "OPTIONS" }).status).toBe(200);
  });

  it("a fixed origin becomes a function of ctx (no list in @koa/cors), read back", () => {
    const text = KOA(`app.use(cors({ origin: "${APP}" }));`);
    const ev = recordedFrom(
      [file(text)],
      [
        {
          url: `${BASE}/api/items`,
          origin: ADMIN,
          recorded: { preflight: null, actual: { status: 200, headers: [] } },
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `origin: (ctx) => (["${APP}", "${ADMIN}"].includes(ctx.get("Origin")) ? ctx.get("Origin") : "${APP}")`,
    );
  });

  it("check: * with credentials reflects any origin; routes before cors", () => {
    const codes = checkConfig([file(KOA("app.use(cors({ credentials: true }));"))]).findings.map((f) => [
      f.code,
      f.line,
    ]);
    expect(codes).toEqual([["reflected-with-credentials", 6]]);
    const after = `${KOA("")}app.use(cors());\n`;
    expect(checkConfig([file(after)]).findings.map((f) => f.code)).toEqual(["cors-after-route"]);
  });

  // koajs/cors#12: a list given to @koa/cors goes out whole (one Allow-Origin of both), refused.
  it("a list given as the origin: check names it; fix turns it into the function it meant", () => {
    const text = KOA(`app.use(cors({ origin: ["${APP}", "${ADMIN}"] }));`);
    expect(checkConfig([file(text)]).findings.map((f) => [f.code, f.line])).toEqual([["koa-origin-list", 6]]);
    expect(get(ask(text, { url: "/api/items" }).headers, "access-control-allow-origin").join(",")).toBe(
      `${APP},${ADMIN}`,
    );
    const ev = recordedFrom(
      [file(text)],
      [{ url: `${BASE}/api/items`, recorded: { preflight: null, actual: { status: 200, headers: [] } } }],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    expect(r.files[0]?.after).toContain(
      `origin: (ctx) => (["${APP}", "${ADMIN}"].includes(ctx.get("Origin")) ? ctx.get("Origin") : "")`,
    );
    const after = r.files[0]?.after ?? "";
    expect(get(ask(after, { url: "/api/items" }).headers, "access-control-allow-origin")).toEqual([APP]);
    expect(
      get(
        ask(after, { url: "/api/items", headers: [["Origin", ADMIN]] }).headers,
        "access-control-allow-origin",
      ),
    ).toEqual([ADMIN]);
    expect(checkConfig([file(after)]).findings).toEqual([]);
  });
});

describe("Koa: held-out set 2 (#23): a hand-written OPTIONS route with its CORS lines commented out", () => {
  it("answers the preflight 200 without CORS (comments set nothing), is flagged, and gets @koa/cors", () => {
    const text = `const Koa = require("koa");
const Router = require("@koa/router");
const app = new Koa();
const router = new Router();
const items = async (ctx) => {
  ctx.response.body = [];
};
const itemsOptions = async (ctx) => {
  // ctx.set("Access-Control-Allow-Origin", "*");
  ctx.response.status = 200;
};
router.get("/api/items", items);
router.options("/api/items", itemsOptions);
app.use(router.routes());
`;
    const pre = ask(text, {
      method: "OPTIONS",
      url: "/api/items",
      headers: [
        ["Origin", APP],
        ["Access-Control-Request-Method", "GET"],
        ["Access-Control-Request-Headers", "authorization"],
      ],
      // The handler's own answer, as recorded (the app's 200).
      upstream: { status: 200, headers: [] },
    });
    expect(pre.status).toBe(200);
    expect(get(pre.headers, "access-control-allow-origin")).toEqual([]);
    expect(checkConfig([file(text)]).findings.map((f) => [f.code, f.line])).toEqual([
      ["options-route-no-cors", 8],
    ]);
    const ev = recordedFrom(
      [file(text)],
      [
        {
          url: `${BASE}/api/items`,
          headers: [["Authorization", "JWT x"]],
          recorded: { preflight: { status: 200, headers: [] }, actual: null },
        },
      ],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain('const cors = require("@koa/cors");');
    expect(after).toContain(`app.use(cors({ origin: "${APP}" }));`);
    expect(checkConfig([file(after)]).findings).toEqual([]);
  });

  // evert0n/koa-cors#35: the origin function is handed ctx, compared with the whitelist as the Origin.
  it("an origin function that takes ctx for the Origin: check names it; fix reads the Origin, adds nothing twice", () => {
    const text = KOA(`const whitelist = ["https://shop.example.com", "${APP}"];
app.use(cors({ origin: (origin) => (whitelist.includes(origin) ? origin : "") }));`);
    expect(checkConfig([file(text)]).findings.map((f) => [f.code, f.line])).toEqual([["koa-origin-ctx", 7]]);
    expect(get(ask(text, { url: "/api/items" }).headers, "access-control-allow-origin")).toEqual([]);
    const ev = recordedFrom(
      [file(text)],
      [{ url: `${BASE}/api/items`, recorded: { preflight: null, actual: { status: 200, headers: [] } } }],
    );
    const r = fixConfig([file(text)], ev);
    expect(r.ok, JSON.stringify(r.cannot)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(`const whitelist = ["https://shop.example.com", "${APP}"];\n`);
    expect(after).toContain(
      'origin: (ctx) => { const origin = ctx.get("Origin"); return (whitelist.includes(origin) ? origin : ""); }',
    );
    expect(r.edits).toHaveLength(1);
    expect(get(ask(after, { url: "/api/items" }).headers, "access-control-allow-origin")).toEqual([APP]);
    expect(checkConfig([file(after)]).findings).toEqual([]);
    // A block body gets the Origin read on its first line; ctx read as ctx is left alone.
    const block = KOA(`const whitelist = ["${ADMIN}"];
app.use(
  cors({
    origin: function (origin) {
      if (whitelist.indexOf(origin) !== -1) return origin;
      return false;
    },
  }),
);`);
    const b = fixConfig(
      [file(block)],
      recordedFrom(
        [file(block)],
        [{ url: `${BASE}/api/items`, recorded: { preflight: null, actual: { status: 200, headers: [] } } }],
      ),
    );
    expect(b.ok, JSON.stringify(b.cannot)).toBe(true);
    expect(b.files[0]?.after).toContain(
      `    origin: function (ctx) {\n      const origin = ctx.get("Origin");\n      if (whitelist.indexOf(origin) !== -1) return origin;`,
    );
    expect(b.files[0]?.after).toContain(`const whitelist = ["${ADMIN}", "${APP}"];`);
    const real = KOA(`app.use(cors({ origin: (ctx) => (ctx.get("Origin") === "${APP}" ? "${APP}" : "") }));`);
    expect(checkConfig([file(real)]).findings).toEqual([]);
  });
});

describe("Koa: a named auth function whose code is not evaluated", () => {
  const text = KOA(`async function basicAuth(ctx, next) {
  const [scheme, encoded] = (ctx.get("Authorization") || "").split(" ");
  if (scheme !== "Basic" || !encoded) ctx.throw(401);
  await next();
}
app.use(basicAuth);
app.use(cors({ origin: "${APP}", credentials: true }));`);

  it("answers a request without credentials (a preflight) 401 ahead of cors, as its name says", () => {
    const pre = ask(text, { method: "OPTIONS", url: "/api/items/1", headers: preflight("PUT") });
    expect(pre.status).toBe(401);
    expect(get(pre.headers, "access-control-allow-origin")).toEqual([]);
  });

  it("fix moves cors ahead of it", () => {
    const files = [file(text)];
    const r = fixConfig(
      files,
      recordedFrom(files, [
        { url: `${BASE}/api/items/1`, method: "PUT", headers: [["Authorization", "Basic Ym9iOnM="]] },
      ]),
    );
    expect(r.ok).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.indexOf("app.use(cors(")).toBeLessThan(after.indexOf("app.use(basicAuth)"));
  });
});

describe("Koa: no CORS middleware at all", () => {
  // The KOA template without @koa/cors: the routes answer every call without CORS headers.
  const text = KOA("").replace('const cors = require("@koa/cors");\n', "");
  it("check names where the app is made (where fix adds cors) and, as also, the routes that answer without it", () => {
    const findings = checkConfig([file(text)]).findings.filter((f) => f.code === "no-cors");
    expect(findings.map((f) => [f.line, f.also?.map((a) => a.line)])).toEqual([[4, [13]]]);
  });
});
