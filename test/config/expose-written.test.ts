/**
 * CORS written from nothing exposes the headers the app's own routes write (src/config/express/
 * written-headers.ts), so the page's script still reads them — react-admin's X-Total-Count, a created
 * resource's Location. The printed app is run as printed on the real packages (serve-js.ts) and must
 * answer the page's origin with those names exposed.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixConfig } from "../../src/config";
import { APP, recordedFrom } from "./recorded";
import { serve } from "./serve-js";

const BASE = "https://api.example.com";

function fixed(text: string, path: string) {
  const files = [{ path, text }];
  const r = fixConfig(
    files,
    recordedFrom(files, [
      { url: `${BASE}/api/items`, recorded: { preflight: null, actual: { status: 200, headers: [] } } },
    ]),
  );
  return { r, after: r.files[0]?.after ?? text };
}

/** The exposed names the printed app sends to the page's origin on the list. */
async function exposedBy(text: string, dialect: string): Promise<string | null> {
  const s = await serve(text, dialect);
  try {
    const res = await fetch(`${s.url}/api/items`, { headers: { Origin: APP } });
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    return res.headers.get("access-control-expose-headers");
  } finally {
    s.close();
  }
}

describe("fix --config, CORS added from nothing: the headers the routes write are exposed", () => {
  it("Express: res.set/header/setHeader/location, an object of headers; not app.set, a Map's set, nor safelisted names", async () => {
    const text = `const express = require("express");

const app = express();
app.set("port", 3000);
const cache = new Map();

app.get("/api/items", (req, res) => {
  cache.set("items", Date.now());
  res.set("X-Total-Count", "2");
  res.setHeader("Content-Type", "application/json");
  res.set({ "X-Page": "1", ETag: "abc" });
  res.send("[1,2]");
});
app.post("/api/items", (req, res) => {
  res.location("/api/items/3");
  res.header("X-Request-Id", "r1").status(201).json({ id: 3 });
});
app.options("/api/items", (req, res) => {
  res.set("X-Only-Preflight", "1");
  res.sendStatus(204);
});

module.exports = app;
`;
    const { r, after } = fixed(text, "server.js");
    expect(r.ok).toBe(true);
    expect(after).toContain(
      `app.use(cors({ origin: ["${APP}"], exposedHeaders: ["X-Total-Count", "X-Page", "ETag", "Location", "X-Request-Id"] }));`,
    );
    expect(r.edits.map((e) => e.why.key)).toContain("config.express.fix.add-expose");
    expect(await exposedBy(after, "express")).toBe("X-Total-Count,X-Page,ETag,Location,X-Request-Id");
    // Read back: nothing more to change.
    expect(fixed(after, "server.js").r.edits).toEqual([]);
  });

  it("Koa (@koa/cors exposeHeaders): ctx.set on a router's route", async () => {
    const text = `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();
router.get("/api/items", (ctx) => {
  ctx.set("X-Total-Count", "2");
  ctx.body = [1, 2];
});
app.use(router.routes());

module.exports = app;
`;
    const { r, after } = fixed(text, "server.js");
    expect(r.ok).toBe(true);
    expect(after).toContain(`exposeHeaders: ["X-Total-Count"]`);
    expect(await exposedBy(after, "koa")).toBe("X-Total-Count");
  });

  it("Hono (exposeHeaders): c.header", async () => {
    const text = `const { Hono } = require("hono");

const app = new Hono();
app.get("/api/items", (c) => {
  c.header("X-Total-Count", "2");
  return c.json([1, 2]);
});

module.exports = app;
`;
    const { r, after } = fixed(text, "server.js");
    expect(r.ok).toBe(true);
    expect(after).toContain(`exposeHeaders: ["X-Total-Count"]`);
    expect(await exposedBy(after, "hono")).toBe("X-Total-Count");
  });

  it("Fastify (@fastify/cors exposedHeaders): reply.header, run on the real fastify", async () => {
    const text = `const fastify = require("fastify")();

fastify.get("/api/items", async (request, reply) => {
  reply.header("X-Total-Count", "2");
  return [1, 2];
});

module.exports = fastify;
`;
    const { r, after } = fixed(text, "server.js");
    expect(r.ok).toBe(true);
    expect(after).toContain(`exposedHeaders: ["X-Total-Count"]`);
    expect(r.edits.map((e) => e.why.key)).toContain("config.fastify.fix.add-expose");
    const dir = mkdtempSync(join(tmpdir(), "cors-lens-expose-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "server.js"), after);
    const app = createRequire(join(dir, "server.js"))("./server.js") as {
      inject: (o: object) => Promise<{ headers: Record<string, string> }>;
      close: () => Promise<void>;
    };
    const res = await app.inject({ method: "GET", url: "/api/items", headers: { origin: APP } });
    await app.close();
    expect(res.headers["access-control-expose-headers"]).toBe("X-Total-Count");
  });

  it("routes that write no header worth exposing: the patch is as before", () => {
    const text = `const express = require("express");

const app = express();
app.get("/api/items", (req, res) => {
  res.set("Cache-Control", "no-store");
  res.json([]);
});

module.exports = app;
`;
    const { r, after } = fixed(text, "server.js");
    expect(after).toContain(`app.use(cors({ origin: ["${APP}"] }));`);
    expect(r.edits.map((e) => e.why.key)).toContain("config.express.fix.add");
  });
});
