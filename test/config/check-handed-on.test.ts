/**
 * Three `check` rules for answers that leave the CORS layer behind, each the shape of a set-17 case
 * `fix` read but `check` did not name (test/fixes/HELDOUT17.md): an Express hand middleware whose
 * preflight a not-found catch-all answers, a Fastify route handing reply.raw to a function that
 * answers on it, and hono/etag's own 304.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConfig, prepareConfig } from "../../src/config";
import { grammarBytes } from "./recorded";

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
});

const found = (path: string, text: string) =>
  checkConfig([{ path, text }]).findings.map((f) => `${f.severity} ${f.code}@${f.line}`);

describe("Express: a hand CORS middleware passing the preflight on to a not-found catch-all", () => {
  const app = (hand: string, tail: string) => `const express = require('express');
const app = express();

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'Content-Type');
${hand}  next();
});

app.get('/libraries', (req, res) => res.json([]));
app.get('/libraries/:name', (req, res) => res.json({}));
${tail}
app.listen(3000);
`;
  const notFound = `app.use((req, res) => {
  res.status(404).json({ error: 'Endpoint not found' });
});
`;

  it("names the hand middleware, with the catch-all's status and line", () => {
    const text = app("", notFound);
    expect(found("app.js", text)).toContain("error preflight-to-catch-all@4");
    const f = checkConfig([{ path: "app.js", text }]).findings.find(
      (x) => x.code === "preflight-to-catch-all",
    );
    expect(f?.words.params).toMatchObject({ status: 404, line: 12, path: "/libraries" });
  });

  it("not without the catch-all: Express answers the OPTIONS itself (200, its Allow list)", () => {
    expect(found("app.js", app("", ""))).not.toContain("error preflight-to-catch-all@4");
  });

  it("not where the middleware answers OPTIONS itself", () => {
    const hand = "  if (req.method === 'OPTIONS') return res.sendStatus(204);\n";
    expect(found("app.js", app(hand, notFound)).filter((f) => f.includes("catch-all"))).toEqual([]);
  });
});

describe("Fastify: a route handing reply.raw to a function that answers on it", () => {
  const app = (handler: string, head = "") => `import cors from "@fastify/cors";
import Fastify from "fastify";
${head}
const fastify = Fastify();
fastify.register(cors, { origin: "https://app.example.com", credentials: true });
fastify.all("/auth/*", (req, res) => {
  ${handler}
});
fastify.get("/projects", async () => []);
fastify.listen({ port: 3333 });
`;
  const own = `function toNodeHandler(a) {
  return async (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  };
}
const auth = {};`;

  const callLine = (text: string) => text.slice(0, text.indexOf("toNodeHandler(auth)(")).split("\n").length;

  it("an error where the function is the file's and writes the answer", () => {
    const text = app("return toNodeHandler(auth)(req.raw, res.raw);", own);
    expect(found("index.mjs", text)).toContain(`error fastify-raw-handoff-skips-cors@${callLine(text)}`);
  });

  it("a warning where the function is imported (an auth library's node handler)", () => {
    const head = `import { toNodeHandler } from "better-auth/node";
import { auth } from "./auth.js";`;
    const text = app("return toNodeHandler(auth)(req.raw, res.raw);", head);
    expect(found("index.mjs", text)).toContain(`warning fastify-raw-handoff-skips-cors@${callLine(text)}`);
  });

  it("not once the reply's headers are copied onto the raw response first", () => {
    const handler = `for (const [k, v] of Object.entries(res.getHeaders())) res.raw.setHeader(k, v);
  return toNodeHandler(auth)(req.raw, res.raw);`;
    expect(found("index.mjs", app(handler, own)).filter((f) => f.includes("raw-handoff"))).toEqual([]);
  });

  it("not where the file's function does not answer on it", () => {
    const quiet = `function log(raw) { console.log(raw.statusCode); }`;
    expect(
      found("index.mjs", app("log(res.raw); return {};", quiet)).filter((f) => f.includes("raw")),
    ).toEqual([]);
  });
});

describe("Hono: etag() beside cors() without Access-Control-Allow-Origin retained", () => {
  const app = (
    etag: string,
    cors = "app.use('*', cors({ origin: 'https://app.example.com' }))",
  ) => `import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'

const app = new Hono()
${cors}
app.use('/v0/transit/*', ${etag})
app.get('/v0/transit/stations', (c) => c.json([]))

export default app
`;

  it("a warning at the etag() call", () => {
    expect(found("index.ts", app("etag()"))).toContain("warning hono-etag-drops-cors@7");
  });

  it("not once Access-Control-Allow-Origin is retained", () => {
    const kept = "etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin'] })";
    expect(found("index.ts", app(kept)).filter((f) => f.includes("etag"))).toEqual([]);
  });

  it("not without cors(): there is no CORS header to drop", () => {
    expect(found("index.ts", app("etag()", "")).filter((f) => f.includes("etag"))).toEqual([]);
  });
});

describe("no-cors: not where a CORS package CORS Lens does not read sets the headers", () => {
  const koa = (use: string, head: string) => `const Koa = require('koa');
${head}
const app = new Koa();
${use}
app.use((ctx) => { ctx.body = []; });
app.listen(3000);
`;

  it("koa2-cors, required or imported: fix says it is not read, check claims no missing CORS", () => {
    for (const text of [
      koa("app.use(cors({ origin: 'http://localhost:8080' }));", "const cors = require('koa2-cors');"),
      koa("app.use(require('koa2-cors')());", ""),
      `import Koa from 'koa';\nimport cors from 'koa2-cors';\nconst app = new Koa();\napp.use(cors());\n`,
    ])
      expect(found("app.js", text).filter((f) => f.includes("no-cors"))).toEqual([]);
  });

  it("still where nothing sets CORS", () => {
    expect(found("app.js", koa("", ""))).toContain("warning no-cors@3");
  });
});

describe("Fastify: @fastify/cors' default methods, the options a const written elsewhere", () => {
  it("named on the register call, and on the options object where methods goes (also)", () => {
    const text = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const corsOptions = {
  origin: "https://app.example.com",
};

const app = Fastify();
app.register(cors, corsOptions);
app.put("/api/items/:id", async () => ({}));
`;
    const f = checkConfig([{ path: "app.js", text }]).findings.find((x) => x.code === "methods-miss-routes");
    expect(f?.line).toBe(9);
    expect(f?.also).toEqual([{ file: "app.js", line: 4 }]);
  });
});
