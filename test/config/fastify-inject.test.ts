/**
 * The Fastify model against the real thing, in process: each app is loaded from node_modules'
 * fastify 5 and @fastify/cors 11 and asked with `fastify.inject` (no socket), and the model's answer
 * (status, CORS headers, Vary) must be the same for every request.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";

const APP = "https://app.example.com";
const OTHER = "https://other.example.org";
const dir = mkdtempSync(join(tmpdir(), "cors-lens-fastify-"));
symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = `const fastify = require("fastify")();
const cors = require("@fastify/cors");
`;
const TAIL = `fastify.get("/api/items", async () => []);
fastify.put("/api/items/:id", async () => ({}));
module.exports = fastify;
`;
const AUTH = `fastify.addHook("onRequest", async (request, reply) => {
  if (!request.headers.authorization) return reply.code(401).send({ error: "no" });
});
`;

const APPS: Record<string, string> = {
  defaults: "fastify.register(cors);\n",
  list: `fastify.register(cors, { origin: ["${APP}", /\\.example\\.net$/], credentials: true, exposedHeaders: ["X-Total"] });\n`,
  string: `fastify.register(cors, { origin: "${APP}", methods: ["GET", "PUT"], allowedHeaders: "Content-Type, Authorization", maxAge: 600 });\n`,
  callback: `fastify.register(cors, {
  origin: (origin, cb) => {
    if (!origin || origin === "${APP}") return cb(null, true);
    cb(new Error("Not allowed"), false);
  },
});\n`,
  authFirst: `${AUTH}fastify.register(cors, { origin: "${APP}" });\n`,
  corsFirst: `fastify.register(cors, { origin: "${APP}" });\n${AUTH}`,
  preHandlerCors: `${AUTH}fastify.register(cors, { origin: true, hook: "preHandler" });\n`,
  offAndStatus: `fastify.register(cors, { origin: false });\n`,
  continue: `fastify.register(cors, { preflightContinue: true, optionsSuccessStatus: 200 });\n`,
  plugin: `fastify.register(async (api) => {
  await api.register(cors, { origin: "${APP}" });
  api.get("/v", async () => []);
}, { prefix: "/inner" });\n`,
  none: "",
};

type Ask = { method: string; url: string; headers: Record<string, string> };
const ASKS: Ask[] = [
  { method: "GET", url: "/api/items", headers: { origin: APP } },
  { method: "GET", url: "/api/items", headers: { origin: OTHER } },
  {
    method: "OPTIONS",
    url: "/api/items/1",
    headers: { origin: APP, "access-control-request-method": "PUT" },
  },
  {
    method: "OPTIONS",
    url: "/api/items/1",
    headers: {
      origin: OTHER,
      "access-control-request-method": "PUT",
      "access-control-request-headers": "content-type,x-id",
    },
  },
  { method: "OPTIONS", url: "/api/items/1", headers: { origin: APP } },
  { method: "OPTIONS", url: "/inner/v", headers: { origin: APP, "access-control-request-method": "GET" } },
  { method: "GET", url: "/inner/v", headers: { origin: APP } },
  { method: "GET", url: "/missing", headers: { origin: APP } },
];

const CORS = [
  "access-control-allow-origin",
  "access-control-allow-credentials",
  "access-control-allow-methods",
  "access-control-allow-headers",
  "access-control-expose-headers",
  "access-control-max-age",
  "vary",
];

describe("Fastify: the model answers as fastify.inject does", () => {
  for (const [name, body] of Object.entries(APPS)) {
    it(name, async () => {
      const text = `${HEAD}${body}${TAIL}`;
      const path = join(dir, `${name}.cjs`);
      writeFileSync(path, text);
      const app = createRequire(path)(path) as {
        inject(a: Ask): Promise<{ statusCode: number; headers: Record<string, unknown> }>;
        close(): Promise<void>;
      };
      const model = readConfig([{ path: `${name}.js`, text }]);
      try {
        for (const ask of ASKS) {
          const real = await app.inject(ask);
          const a = model.answer({
            method: ask.method,
            url: `http://localhost:3000${ask.url}`,
            headers: Object.entries(ask.headers),
          });
          const label = `${name}: ${ask.method} ${ask.url} ${JSON.stringify(ask.headers)}`;
          expect(a.kind, label).toBe("known");
          if (a.kind !== "known") continue;
          // A route's own status is the app's (the model assumes 200 where none was recorded).
          if (!a.fromUpstream) expect(a.status, label).toBe(real.statusCode);
          else expect([200, 404], label).toContain(real.statusCode);
          const mine = Object.fromEntries(
            CORS.map((h) => [
              h,
              a.headers
                .filter(([n]) => n.toLowerCase() === h)
                .map(([, v]) => v)
                .join(", ") || undefined,
            ]),
          );
          const theirs = Object.fromEntries(
            CORS.map((h) => [h, (real.headers[h] as string | undefined) ?? undefined]),
          );
          expect(mine, label).toEqual(theirs);
        }
      } finally {
        await app.close();
      }
    });
  }
});
