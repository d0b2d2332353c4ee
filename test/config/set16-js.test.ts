/**
 * JavaScript shapes held-out set 16 found misread or refused (test/fixes/HELDOUT16.md), each checked
 * on the model (the printed text is run on the real servers by the set's suite, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { allowOrigin, grammarBytes, modelAnswer as modelOf, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";
const OTHER = "https://admin.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

describe("Express: a middleware factory of the file (`guard(640)`), its parameter tested by the middleware", () => {
  const text = `const express = require("express");
const cors = require("cors");

function guard(level) {
  return (req, res, next) => {
    const header = req.headers.authorization || "";
    if (level === 600 && !header.startsWith("Bearer ")) {
      return res.status(401).json("Missing authorization header");
    }
    next();
  };
}
const rules = express.Router();
rules.use("/users", guard(600));
rules.use("/messages", guard(640));

const app = express();
app.use(rules);
app.use(cors({ origin: true, credentials: true }));
app.get("/users/:id", (req, res) => res.json({}));
app.get("/messages", (req, res) => res.json([]));
app.listen(3000);
`;
  it("runs the returned middleware with level bound: 640 passes on, 600 answers 401 without a token", () => {
    const open = modelOf(text, "server.js", { url: "http://h/messages" });
    expect("exchange" in open && open.exchange.hops.at(-1)?.status).toBe(200);
    expect(allowOrigin(open)).toEqual([PAGE]);
    const owner = modelOf(text, "server.js", {
      url: "http://h/users/1",
      headers: [["Authorization", "Bearer x"]],
    });
    expect("exchange" in owner && owner.exchange.preflight?.status).toBe(401);
  });
  it("fix puts cors() ahead of the guards, and the open route stays allowed", () => {
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/messages", origin: PAGE },
          { url: "http://h/users/1", origin: PAGE, headers: [["Authorization", "Bearer x"]] },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after.indexOf("app.use(cors(")).toBeLessThan(after.indexOf("app.use(rules);"));
  });
  it("a factory argument it cannot compute leaves the call read by its name, as before (auth)", () => {
    const r = modelOf(text.replace("guard(640)", "guard(process.argv.length)"), "server.js", {
      url: "http://h/messages",
    });
    expect("exchange" in r && r.exchange.hops.at(-1)?.status).toBe(401);
  });
});

describe("Hono: the app made in a factory that mounts a sub-app another factory makes", () => {
  const text = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

function createMcpRoutes() {
  const mcp = new Hono();
  mcp.get("/servers", (c) => c.json([]));
  return mcp;
}

export function createHonoApp() {
  const app = new Hono();
  app.use("*", cors({ origin: ["${OTHER}"], credentials: true }));
  app.route("/api/mcp", createMcpRoutes());
  return app;
}

const app = createHonoApp();
serve({ fetch: app.fetch, port: 6274 });
`;
  it("reads createHonoApp() as the app and the sub-app's routes under the mount", () => {
    expect(
      allowOrigin(modelOf(text, "server.mjs", { url: "http://h/api/mcp/servers", origin: OTHER })),
    ).toEqual([OTHER]);
    expect(allowOrigin(modelOf(text, "server.mjs", { url: "http://h/api/mcp/servers" }))).toEqual([]);
    // Not a route of the sub-app: Hono's 404 (the cors headers kept).
    const none = modelOf(text, "server.mjs", { url: "http://h/api/mcp/other", origin: OTHER });
    expect("exchange" in none && none.exchange.hops.at(-1)?.status).toBe(404);
  });
  it("fix lists the page's origin beside the ones it had", () => {
    const file = { path: "server.mjs", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/mcp/servers", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(`origin: ["${OTHER}", "${PAGE}"]`);
  });
});

describe("Hono: c.header() before next() and a handler's own new Response", () => {
  const text = `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const app = new Hono();
app.use("*", async (c, next) => {
  const origin = c.req.header("Origin");
  if (origin === "${PAGE}") {
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
  }
  await next();
});
app.get("/api/list", (c) => c.json([]));
app.get("/api/export", (c) => {
  return new Response("a,b", { headers: { "content-type": "text/csv" } });
});
serve({ fetch: app.fetch, port: 8787 });
`;
  it("loses the prepared headers on the own Response only; c.json keeps them", () => {
    expect(allowOrigin(modelOf(text, "server.mjs", { url: "http://h/api/list" }))).toEqual([PAGE]);
    expect(allowOrigin(modelOf(text, "server.mjs", { url: "http://h/api/export" }))).toEqual([]);
  });
  it("keeps them once c.res is made before (c.res.headers.set), as Hono's c.res setter merges", () => {
    const made = text.replace(
      'c.header("Access-Control-Allow-Origin", origin);',
      'c.res.headers.set("Access-Control-Allow-Origin", origin);',
    );
    expect(allowOrigin(modelOf(made, "server.mjs", { url: "http://h/api/export" }))).toEqual([PAGE]);
  });
  it("fix sets the lost header on c.res in the middleware (every route), not in the one handler", () => {
    const file = { path: "server.mjs", text };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api/export", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      '    c.res.headers.set("Access-Control-Allow-Origin", origin);\n    c.header("Vary", "Origin");\n',
    );
    expect(after).toContain('return new Response("a,b"');
    expect(allowOrigin(modelOf(after, "server.mjs", { url: "http://h/api/list" }))).toEqual([PAGE]);
  });
  it("check names the c.header() line (hono-header-lost-on-own-response), not once it sets c.res", () => {
    const found = (t: string) =>
      checkConfig([{ path: "server.mjs", text: t }]).findings.filter(
        (f) => f.code === "hono-header-lost-on-own-response",
      );
    expect(found(text).map((f) => [f.line, f.severity, f.words.params?.line])).toEqual([[8, "error", 14]]);
    const file = { path: "server.mjs", text };
    const fixed =
      fixConfig([file], recordedFrom([file], [{ url: "http://h/api/export", origin: PAGE }])).files[0]
        ?.after ?? "";
    expect(found(fixed)).toEqual([]);
    // Every handler answering through the Context (c.text): nothing lost, nothing said.
    expect(found(text.replace(/return new Response\("a,b",[^;]*;/, 'return c.text("a,b");'))).toEqual([]);
    // A route the middleware does not run on: nothing said.
    expect(found(text.replace('app.use("*"', 'app.use("/admin/*"'))).toEqual([]);
  });
  it("a handler returning its own Response on some paths only: unknown, with its line", () => {
    const mixed = text.replace(
      "  return new Response(",
      '  if (c.req.query("json")) return c.json([]);\n  return new Response(',
    );
    const r = modelOf(mixed, "server.mjs", { url: "http://h/api/export" });
    expect("unknown" in r && r.unknown.key).toBe("config.express.unknown.hono-own-response");
  });
});

describe("Koa: an @koa/cors origin function that looks ctx.host up in the front ends' list", () => {
  const text = `const Koa = require('koa');
const cors = require('@koa/cors');

const FRONT_ENDS = ['${OTHER}', '${PAGE}'];

const app = new Koa();
app.use(
  cors({
    origin: (ctx) => {
      if (FRONT_ENDS.indexOf(ctx.host) !== -1) {
        return ctx.host;
      }
      return FRONT_ENDS[0];
    },
  }),
);
app.use((ctx) => { ctx.body = []; });
app.listen(3000);
`;
  it("reads ctx.host as the server's Host (not the Origin): a list of the host makes its host the answer", () => {
    expect(allowOrigin(modelOf(text, "server.js", { url: "http://h/api" }))).toEqual([OTHER]);
    const hostListed = text.replace(`'${PAGE}'];`, `'${PAGE}', 'api.example.com:8443'];`);
    expect(allowOrigin(modelOf(hostListed, "server.js", { url: "http://api.example.com:8443/api" }))).toEqual(
      ["api.example.com:8443"],
    );
  });
  it("fix makes the function test the request's Origin against the same list, the fallback kept", () => {
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/api", origin: PAGE },
          { url: "http://h/api", origin: OTHER },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain(
      "if (FRONT_ENDS.indexOf(ctx.get('Origin')) !== -1) {\n        return ctx.get('Origin');",
    );
    expect(after).toContain("return FRONT_ENDS[0];");
    expect(allowOrigin(modelOf(after, "server.js", { url: "http://h/api" }))).toEqual([PAGE]);
    expect(allowOrigin(modelOf(after, "server.js", { url: "http://h/api", origin: OTHER }))).toEqual([OTHER]);
    // An origin it did not list gets the fallback, as before.
    expect(
      allowOrigin(modelOf(after, "server.js", { url: "http://h/api", origin: "https://x.example.com" })),
    ).toEqual([OTHER]);
  });
  it("a host read returned without any test is left alone (it would reflect every origin)", () => {
    const bare = text.replace(/origin: \(ctx\) => \{[\s\S]*?\n {4}\},/, "origin: (ctx) => ctx.host,");
    const file = { path: "server.js", text: bare };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/api", origin: PAGE }]));
    expect(r.files[0]?.after ?? "").not.toContain("ctx.get('Origin')");
  });
});

describe("check: an @koa/cors origin function that tests ctx.host (koajs/cors#52)", () => {
  it("names the read of the server's own host, and nothing for one that reads the Origin", async () => {
    const { checkConfig } = await import("../../src/config");
    const app = (read: string) => `const Koa = require("koa");
const cors = require("@koa/cors");

const FRONT_ENDS = ["https://app.example.com", "https://admin.example.com"];
const app = new Koa();
app.use(
  cors({
    origin(ctx) {
      if (FRONT_ENDS.indexOf(${read}) !== -1) {
        return ${read};
      }
      return FRONT_ENDS[0];
    },
    credentials: true,
  }),
);
app.listen(3000);
`;
    const codes = (text: string) =>
      checkConfig([{ path: "server.js", text }]).findings.map((f) => `${f.code}@${f.line}`);
    expect(codes(app("ctx.host"))).toContain("koa-origin-host@9");
    expect(codes(app('ctx.get("Origin")')).filter((c) => c.startsWith("koa-origin"))).toEqual([]);
  });
});

describe("the ctx.host repair leaves a host returned without its test alone", () => {
  it("reads only where every returned host stands under the list's test", async () => {
    const { parseExpression } = await import("@babel/parser");
    const { ownHostReads } = await import("../../src/config/express/patch");
    const reads = (src: string) => ownHostReads(parseExpression(src)).length;
    expect(reads("(ctx) => (LIST.includes(ctx.host) ? ctx.host : LIST[0])")).toBe(2);
    expect(
      reads("function (ctx) { if (LIST.indexOf(ctx.host) !== -1) { return ctx.host; } return LIST[0]; }"),
    ).toBe(2);
    // Written as the Origin, these would send back any page's origin: not repaired.
    expect(reads("function (ctx) { if (LIST.includes(ctx.host)) return LIST[0]; return ctx.host; }")).toBe(0);
    expect(reads("(ctx) => (LIST.includes(ctx.host) ? LIST[0] : ctx.host)")).toBe(0);
    expect(
      reads("function (ctx) { if (DEV) return ctx.host; return LIST.includes(ctx.host) ? ctx.host : null; }"),
    ).toBe(0);
  });
});
