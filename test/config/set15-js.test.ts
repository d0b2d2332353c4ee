/**
 * JavaScript shapes held-out set 15 found misread or refused (test/fixes/HELDOUT15.md), each checked
 * on the model (the printed text is run on the real servers by the set's suite, in Chromium).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixConfig, fixDiff, prepareConfig } from "../../src/config";
import { allowOrigin, grammarBytes, modelAnswer as modelOf, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";
const OTHER = "https://admin.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

describe("Express: an origin list grown by push() in a helper, from environment defaults", () => {
  const text = `const express = require("express");
const cors = require("cors");

process.env.FRONT_URL = process.env.FRONT_URL || "${OTHER}";
process.env.EXTRA_ORIGINS = process.env.EXTRA_ORIGINS || "${OTHER},  https://x.example.com";

function setupCors(app) {
  const allowed = [];
  if (process.env.FRONT_URL) {
    allowed.push(process.env.FRONT_URL);
  }
  if (process.env.FRONT_URL === "") allowed.push("https://never.example.com");
  allowed.push(...(process.env.EXTRA_ORIGINS?.replace(/\\s+/g, "").split(",") || []));
  app.use(cors({ origin: allowed, credentials: true }));
}

const app = express();
setupCors(app);
app.get("/api/me", (req, res) => res.json({}));
app.listen(3000);
`;
  it("reads the list as the pushes leave it (not the empty literal), and fix lists the page in it", () => {
    expect(allowOrigin(modelOf(text, "server.js", { url: "http://h/api/me", origin: OTHER }))).toEqual([
      OTHER,
    ]);
    expect(
      allowOrigin(modelOf(text, "server.js", { url: "http://h/api/me", origin: "https://x.example.com" })),
    ).toEqual(["https://x.example.com"]);
    expect(
      allowOrigin(
        modelOf(text, "server.js", { url: "http://h/api/me", origin: "https://never.example.com" }),
      ),
    ).toEqual([]);
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/me", origin: PAGE, credentials: "include" }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(`const allowed = ["${PAGE}"];`);
  });

  it("says unknown where the list is changed in a way it does not follow (a loop)", () => {
    const looped = text.replace(
      "  app.use(cors(",
      `  for (const o of ["https://y.example.com"]) allowed.push(o);\n  app.use(cors(`,
    );
    const r = modelOf(looped, "server.js", { url: "http://h/api/me", origin: OTHER });
    expect("unknown" in r && r.unknown.key).toBe("config.express.unknown.mutated");
  });
});

describe("Express: the app made and served in an async main() the module calls", () => {
  const text = `const express = require('express');

const itemsRouter = express.Router();
itemsRouter.get('/', (req, res) => res.json([]));
itemsRouter.delete('/:id', (req, res) => res.json({}));

async function start() {
  const app = express();
  app.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '${PAGE}');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    next();
  });
  app.use('/api/items', itemsRouter);
  app.listen(4000);
}

start().catch((err) => console.error(err));
`;
  it("reads its middleware and routes; fix sets the Allow-Methods the hand middleware left out", () => {
    expect(allowOrigin(modelOf(text, "server.js", { url: "http://h/api/items" }))).toEqual([PAGE]);
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom([file], [{ url: "http://h/api/items/7", method: "DELETE", origin: PAGE }]),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      `    res.setHeader('Access-Control-Allow-Origin', '${PAGE}');\n    res.setHeader('Access-Control-Allow-Methods', 'DELETE');\n`,
    );
  });
});

describe("Fastify: a fastify-plugin auth hook registered by name ahead of @fastify/cors", () => {
  const text = `const Fastify = require('fastify')
const fp = require('fastify-plugin')

const apiKey = fp(async (server, options) => {
  server.addHook('onRequest', async (request, reply) => {
    if (!options.allowed.includes(request.headers['x-api-key'])) {
      reply.code(401).send({ error: 'no key' })
      return reply
    }
  })
})

const app = Fastify()
app.register(apiKey, { allowed: ['k1'] })
app.register(require('@fastify/cors'), { origin: '${PAGE}' })
app.get('/data', async () => ({ ok: true }))
app.listen({ port: 3000 })
`;
  it("runs its hook (with the options register gave it) before cors; fix registers cors first", () => {
    const spec = {
      url: "http://h/data",
      origin: PAGE,
      headers: [["X-Api-Key", "k1"]] as Array<[string, string]>,
    };
    const r = modelOf(text, "server.js", spec);
    expect("exchange" in r && r.exchange.preflight?.status).toBe(401);
    const file = { path: "server.js", text };
    const fixed = fixConfig([file], recordedFrom([file], [spec]));
    expect(fixed.ok, fixDiff(fixed)).toBe(true);
    expect(fixed.files[0]?.after).toContain(
      `app.register(require('@fastify/cors'), { origin: '${PAGE}' })\napp.register(apiKey, { allowed: ['k1'] })\n`,
    );
  });
});

describe("Fastify: a plugin options name another function of the file also takes", () => {
  it("is not bound to what register gave the plugin (which options a read means is not known)", () => {
    const text = `const Fastify = require('fastify')
const fp = require('fastify-plugin')

const apiKey = fp(async (server, options) => {
  server.addHook('onRequest', async (request, reply) => {
    if (!options.allowed.includes(request.headers['x-api-key'])) {
      reply.code(401).send({ error: 'no key' })
      return reply
    }
  })
})
const other = (server, options) => options

const app = Fastify()
app.register(apiKey, { allowed: ['k1'] })
app.register(require('@fastify/cors'), { origin: '${PAGE}' })
app.get('/data', async () => ({ ok: true }))
app.listen({ port: 3000 })
`;
    const r = modelOf(text, "server.js", { url: "http://h/data", headers: [["X-Api-Key", "k1"]] });
    expect("unknown" in r).toBe(true);
  });
});

describe("Koa: a router made and returned by a function of the file, cors() used inside it", () => {
  const text = `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

function buildRoutes() {
  const r = new Router();
  r.get('/ping', (ctx) => { ctx.body = 'pong'; });
  r.use(cors());
  r.put('/items/:id', (ctx) => { ctx.body = { ok: true }; });
  return r;
}

const app = new Koa();
const routes = buildRoutes();
app.use(routes.routes());
app.use(routes.allowedMethods());
app.listen(3000);
`;
  it("reads its routes in order (the route before cors() answers without it); fix puts cors() on the app", () => {
    expect(allowOrigin(modelOf(text, "server.js", { url: "http://h/ping" }))).toEqual([]);
    const put = modelOf(text, "server.js", { url: "http://h/items/1", method: "PUT" });
    expect("exchange" in put && put.exchange.preflight?.status).toBe(200);
    expect(allowOrigin(put)).toEqual(["*"]);
    const file = { path: "server.js", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/ping", origin: PAGE },
          { url: "http://h/items/1", method: "PUT", origin: PAGE },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain("const routes = buildRoutes();\napp.use(cors());\n");
    expect(r.files[0]?.after).not.toContain("r.use(cors());");
  });
});

describe("Hono: an app.options handler answering with a headers object read from the request", () => {
  const text = `import { Hono } from "hono";

const app = new Hono();
app.options("*", (c) =>
  c.body(null, 204, {
    "Access-Control-Allow-Origin": c.req.header("Origin") ?? "*",
    "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "",
    "Access-Control-Allow-Methods": "GET, POST",
  }),
);
app.use("*", async (c, next) => {
  c.header("X-Trace", crypto.randomUUID());
  await next();
});
app.get("/items", (c) => c.json([]));

export default app;
`;
  it("reads the object's values from the request, leaves out a header no CORS check reads; fix adds cors()", () => {
    const spec = {
      url: "http://h/items",
      origin: PAGE,
      headers: [["Authorization", "Bearer t"]] as Array<[string, string]>,
    };
    const r = modelOf(text, "server.mjs", spec);
    if (!("exchange" in r)) throw new Error(JSON.stringify(r));
    expect(r.exchange.preflight?.responseHeaders).toContainEqual([
      "Access-Control-Allow-Headers",
      "authorization",
    ]);
    expect(r.exchange.hops.at(-1)?.responseHeaders).toEqual([]);
    const file = { path: "server.mjs", text };
    const fixed = fixConfig([file], recordedFrom([file], [spec]));
    expect(fixed.ok, fixDiff(fixed)).toBe(true);
    expect(fixed.files[0]?.after).toContain(`app.use("*", cors({ origin: ["${PAGE}"] }));`);
  });
});

describe("Express: cors() options changed after they are written", () => {
  it("are not read as the literal (opts.origin = … later): unknown", () => {
    const text = `const express = require("express");
const cors = require("cors");
const opts = { origin: "${OTHER}" };
opts.origin = process.env.ORIGINS.split(",");
const app = express();
app.use(cors(opts));
app.get("/x", (req, res) => res.json({}));
app.listen(3000);
`;
    const r = modelOf(text, "server.js", { url: "http://h/x", origin: OTHER });
    expect("unknown" in r).toBe(true);
  });
});

describe("Koa: an async router factory called without await", () => {
  it("is a promise, not a router: its routes are not read as mounted", () => {
    const text = `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

async function buildRoutes() {
  const r = new Router();
  r.use(cors());
  r.get('/ping', (ctx) => { ctx.body = 'pong'; });
  return r;
}

const app = new Koa();
const routes = buildRoutes();
app.use(routes.routes());
app.listen(3000);
`;
    const r = modelOf(text, "server.js", { url: "http://h/ping" });
    expect("unknown" in r).toBe(true);
    const awaited = modelOf(
      text.replace("const routes = buildRoutes();", "const routes = await buildRoutes();"),
      "server.mjs",
      { url: "http://h/ping" },
    );
    expect(allowOrigin(awaited)).toEqual(["*"]);
  });
});
