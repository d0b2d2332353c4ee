/**
 * JavaScript shapes held-out set 17 found misread or refused (test/fixes/HELDOUT17.md), each checked
 * on the model (the printed text is run on the real servers by the set's suite, in Chromium).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fixConfig, fixDiff, prepareConfig, readConfig } from "../../src/config";
import type { ObservedExchange } from "../../src/engine";
import { allowOrigin, grammarBytes, modelAnswer as modelOf, recordedFrom } from "./recorded";

const PAGE = "https://page.example.com";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

/** The evidence with one call's answer as the browser recorded it: another status, no CORS headers. */
function recordedAs(evidence: ObservedExchange[], path: string, status: number): ObservedExchange[] {
  for (const x of evidence) {
    if (!x.url.includes(path)) continue;
    const hop = x.hops.at(-1);
    if (!hop) continue;
    hop.status = status;
    hop.responseHeaders = hop.responseHeaders.filter(([k]) => !/^access-control-/i.test(k));
  }
  return evidence;
}

describe("Fastify: `register(fastifyCors, {})`, two options written into the empty object", () => {
  const text = `import fastifyCors from "@fastify/cors";
import Fastify from "fastify";

export const createServer = async () => {
\tconst fastify = Fastify({ logger: false });

\tfastify.register(fastifyCors, {});

\tfastify.get("/health", async () => ({ status: "ok" }));
\tfastify.post("/graphql", async (request) => ({ data: null }));
\treturn fastify;
};

const server = await createServer();
await server.listen({ port: 4000 });
`;
  it("writes origin and credentials into one object, separated by a comma, and the patch parses", () => {
    const file = { path: "createServer.mjs", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/health", origin: PAGE },
          {
            url: "http://h/graphql",
            method: "POST",
            origin: PAGE,
            credentials: "include",
            headers: [["Content-Type", "application/json"]],
          },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toMatch(/register\(fastifyCors, \{ origin: .*, credentials: true \}\);/);
    expect(() => readConfig([{ path: "createServer.mjs", text: after }])).not.toThrow();
  });
});

describe("Express: a condition on process.env.NODE_ENV that only decides a Cache-Control header", () => {
  const text = `const express = require('express');

const localMode = process.env.NODE_ENV !== 'production';
const app = express();

app.use((req, res, next) => {
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Allow-Headers', 'X-Requested-With, Accept');
    if (!localMode) {
        res.header('Cache-Control', 'public, max-age=30672000');
    }
    next();
});

app.get('/libraries', (req, res) => res.json([]));
app.use((req, res) => {
    res.status(404).json({ error: true });
});
app.listen(5050);
`;
  it("runs both branches: they end alike for CORS, so the answer is known (the preflight falls to the 404)", () => {
    const get = modelOf(text, "app.js", { url: "http://h/libraries" });
    expect(allowOrigin(get)).toEqual(["*"]);
    const json = modelOf(text, "app.js", {
      url: "http://h/libraries",
      headers: [["Content-Type", "application/json"]],
    });
    expect("exchange" in json && json.exchange.preflight?.status).toBe(404);
  });
  it("fix answers the preflight in the middleware, after the if", () => {
    const file = { path: "app.js", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/libraries", origin: PAGE },
          { url: "http://h/libraries", origin: PAGE, headers: [["Content-Type", "application/json"]] },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
  });
  it("a condition that decides a CORS header stays unknown", () => {
    const t = text.replace(
      "res.header('Cache-Control', 'public, max-age=30672000');",
      "res.header('Vary', 'Origin');",
    );
    expect("unknown" in modelOf(t, "app.js", { url: "http://h/libraries" })).toBe(true);
    const t2 = text.replace(
      "res.header('Cache-Control', 'public, max-age=30672000');",
      "return res.status(403).end();",
    );
    expect("unknown" in modelOf(t2, "app.js", { url: "http://h/libraries" })).toBe(true);
  });
});

describe("Hono: origins split from an env variable with a default (`(process.env.X ?? '…').split(',').map(…)`)", () => {
  const text = `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'

const allowedClients = (process.env.ALLOWED_CLIENTS ?? 'http://localhost:1871,http://127.0.0.1:1871')
    .split(',')
    .map((entry) => entry.trim())

const app = new Hono()
app.use('*', cors({ origin: allowedClients, allowMethods: ['GET', 'POST'] }))
app.get('/v0/reports', (c) => c.json([]))
serve({ fetch: app.fetch, port: 3000 })
`;
  it("adds the origin after the computed list, so a deployed value's origins stay, and says so", () => {
    const file = { path: "index.mjs", text };
    const r = fixConfig([file], recordedFrom([file], [{ url: "http://h/v0/reports", origin: PAGE }]));
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(`origin: [...allowedClients, '${PAGE}']`);
    expect(r.edits.map((e) => e.why.key)).toContain("config.express.fix.origin-env-list");
    expect(r.edits[0]?.why.params).toMatchObject({ env: "ALLOWED_CLIENTS", line: 5 });
  });
});

describe("Koa: koa2-cors written inline (a factory with `options = {}`), the token check throwing 422", () => {
  const text = `const Koa = require('koa');
const Router = require('@koa/router');

function cors(options = {}) {
  const allowMethods = options.allowMethods || ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  return async function corsMiddleware(ctx, next) {
    const origin = typeof options.origin === 'function' ? options.origin(ctx) : options.origin || '*';
    if (!origin) return next();
    ctx.set('Access-Control-Allow-Origin', origin);
    if (ctx.method === 'OPTIONS') {
      if (!ctx.get('Access-Control-Request-Method')) return next();
      ctx.set('Access-Control-Allow-Methods', allowMethods.join(','));
      const requested = ctx.get('Access-Control-Request-Headers');
      if (requested) ctx.set('Access-Control-Allow-Headers', requested);
      ctx.status = 204;
      return undefined;
    }
    return next();
  };
}

const tokens = new Map([['tok-valid', { email: 'ana@po.et' }]]);

function authorization(ctx, next) {
  const session = tokens.get(ctx.get('token'));
  if (!session) ctx.throw(422, 'Expired token.');
  ctx.state.user = session;
  return next();
}

const route = new Router();
route.get('/health', (ctx) => {
  ctx.body = { ok: true };
});
route.get('/tokens', authorization, (ctx) => {
  ctx.body = [];
});

const app = new Koa();
app.use(cors({ origin: (ctx) => '*' })).use(route.routes()).use(route.allowedMethods());
app.listen(3000);
`;
  it("runs the factory's middleware: its origin function's `*` on the answer and the 204 preflight", () => {
    expect(allowOrigin(modelOf(text, "API.js", { url: "http://h/health" }))).toEqual(["*"]);
    const pre = modelOf(text, "API.js", { url: "http://h/tokens", headers: [["token", "x"]] });
    expect("exchange" in pre && pre.exchange.preflight?.status).toBe(204);
  });
  it("the recorded 422 is the check's ctx.throw: Koa's error answer drops the headers; fix keeps them", () => {
    const file = { path: "API.js", text };
    const evidence = recordedAs(
      recordedFrom(
        [file],
        [
          { url: "http://h/health", origin: PAGE },
          { url: "http://h/tokens", origin: PAGE, headers: [["token", "tok-expired"]] },
        ],
      ),
      "/tokens",
      422,
    );
    const r = fixConfig([file], evidence);
    expect(r.rows.find((x) => x.url.endsWith("/tokens"))?.before.verdict).toBe("blocked");
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain("return next().catch((err) => {");
    expect(r.edits.map((e) => e.why.key)).toEqual(["config.express.fix.koa-thrown"]);
  });
});

describe("Fastify: a route hands reply.raw to a node handler that answers on it (better-auth's toNodeHandler)", () => {
  const text = `import cors from "@fastify/cors";
import Fastify from "fastify";

const auth = { async handle(req) { return { status: 200, body: { ok: true } }; } };
function toNodeHandler(authInstance) {
  return async (req, res) => {
    const out = await authInstance.handle(req);
    res.writeHead(out.status, { "content-type": "application/json" });
    res.end(JSON.stringify(out.body));
  };
}

const fastify = Fastify({ logger: false });
fastify.register(cors, { origin: "${PAGE}", credentials: true });
fastify.all("/auth/*", (req, res) => {
  return toNodeHandler(auth)(req.raw, res.raw);
});
fastify.get("/projects", async () => []);
fastify.listen({ port: 3333 });
`;
  it("the /auth/* answers carry none of @fastify/cors's headers; the plain route keeps them", () => {
    expect(allowOrigin(modelOf(text, "index.mjs", { url: "http://h/projects" }))).toEqual([PAGE]);
    expect(allowOrigin(modelOf(text, "index.mjs", { url: "http://h/auth/ok" }))).toEqual([]);
  });
  it("fix copies the reply's headers onto the raw response before handing it on", () => {
    const file = { path: "index.mjs", text };
    const r = fixConfig(
      [file],
      recordedFrom(
        [file],
        [
          { url: "http://h/projects", origin: PAGE, credentials: "include" },
          { url: "http://h/auth/ok", origin: PAGE, credentials: "include" },
        ],
      ),
    );
    expect(r.ok, fixDiff(r)).toBe(true);
    expect(r.files[0]?.after).toContain(
      "  for (const [name, value] of Object.entries(res.getHeaders())) res.raw.setHeader(name, value);\n  return toNodeHandler(auth)(req.raw, res.raw);",
    );
  });
  it("an imported handler (not the file's): unknown, with the reason", () => {
    const imported = text
      .replace(/const auth = [^\n]*\n/, "")
      .replace(/function toNodeHandler[\s\S]*?\n}\n/, "")
      .replace(
        'import Fastify from "fastify";',
        'import Fastify from "fastify";\nimport { toNodeHandler } from "better-auth/node";\nimport { auth } from "./auth.mjs";',
      );
    const r = modelOf(imported, "index.mjs", { url: "http://h/auth/ok" });
    expect("unknown" in r && r.unknown).toMatchObject({ key: "config.fastify.unknown.raw-handoff" });
  });
});

describe("fix: a patch that does not parse again is CORS Lens's failure, not the user's file's", () => {
  it("is left out and said per request (exit 1), never thrown as the file's syntax error (exit 2)", async () => {
    vi.resetModules();
    vi.doMock("../../src/config/express/patch", async (original) => {
      const real = await original<typeof import("../../src/config/express/patch")>();
      return {
        ...real,
        patchExpress: (app: { file: string }) => ({
          edits: [{ file: app.file, start: 0, end: 0, text: "}}} ", why: { key: "config.fix.credentials" } }],
          cannot: new Map(),
        }),
      };
    });
    const mod = await import("../../src/config");
    const text = `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors({ origin: "https://other.example.com" }));
app.get("/x", (req, res) => res.json({}));
app.listen(3000);
`;
    const file = { path: "server.js", text };
    const r = mod.fixConfig([file], recordedFrom([file], [{ url: "http://h/x", origin: PAGE }]));
    vi.doUnmock("../../src/config/express/patch");
    expect(r.ok).toBe(false);
    expect(r.files[0]?.after).toBe(text);
    expect(r.cannot[0]?.why).toMatchObject({
      key: "config.cannot.patch-unparsed",
      params: { file: "server.js" },
    });
  });
});

describe("Hono: hono/etag's own 304 drops the CORS headers hono/cors set (FreiFahren/FreiFahren#470)", () => {
  const text = `import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { etag } from 'hono/etag'

const app = new Hono()
app.use('*', cors({ origin: ['${PAGE}'], allowHeaders: ['If-None-Match'], exposeHeaders: ['ETag'] }))
app.use('/v0/transit/*', etag())
app.get('/v0/transit/stations', (c) => c.json({ a: 1 }))
serve({ fetch: app.fetch, port: 3000 })
`;
  const call = {
    url: "http://h/v0/transit/stations",
    headers: [["If-None-Match", '"abc"']] as Array<[string, string]>,
  };
  const recorded304 = (files: Array<{ path: string; text: string }>) =>
    // As Chromium records it: the page's If-None-Match asked for in a preflight, then the 304.
    recordedFrom(files, [{ ...call, origin: PAGE, asked: ["if-none-match"] }]).map((x) => ({
      ...x,
      hops: x.hops.map((h) => ({
        ...h,
        status: 304,
        responseHeaders: [
          ["ETag", '"abc"'],
          ["Vary", "Origin"],
        ] as Array<[string, string]>,
        error: "net::ERR_FAILED",
      })),
    }));
  it("the recorded 304 keeps only etag's retained headers; a 200 keeps hono/cors' headers", () => {
    const files = [{ path: "index.mjs", text }];
    const r = fixConfig(files, recorded304(files));
    expect(r.rows[0]?.before.verdict).toBe("blocked");
    expect(allowOrigin(modelOf(text, "index.mjs", { url: call.url }))).toEqual([PAGE]);
  });
  it("fix retains the dropped CORS headers after hono/etag's own list, written out (no import hono 4.0 lacks)", () => {
    const files = [{ path: "index.mjs", text }];
    const r = fixConfig(files, recorded304(files));
    expect(r.ok, fixDiff(r)).toBe(true);
    const after = r.files[0]?.after ?? "";
    expect(after).toContain("import { etag } from 'hono/etag'");
    expect(after).not.toContain("RETAINED_304_HEADERS");
    expect(after).toContain(
      "etag({ retainedHeaders: ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'access-control-allow-origin', 'access-control-expose-headers'] })",
    );
    expect(r.rows[0]?.after.verdict).toBe("allowed");
  });
});
