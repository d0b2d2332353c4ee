/**
 * Issue #23's ninth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-bearer-auth/issues/56 — an authentication check added as an
    // onRequest hook before @fastify/cors is registered: hooks run in order, the preflight carries no
    // key and is answered 401 before the CORS plugin can answer it. Root: the auth hook line.
    name: "heldout9 Fastify: an API-key onRequest hook added before @fastify/cors answers the preflight 401",
    url: "https://github.com/fastify/fastify-bearer-auth/issues/56",
    rootText: 'app.addHook("onRequest", async (request, reply) => {',
    file: "server.js",
    app: `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const KEYS = new Set((process.env.API_KEYS || "k1,k2").split(","));

const app = Fastify();

app.addHook("onRequest", async (request, reply) => {
  if (request.url.startsWith("/api/items/") && !KEYS.has(request.headers["x-api-key"])) {
    reply.code(401).send({ error: "invalid api key" });
    return reply;
  }
});

app.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  methods: ["GET", "POST", "PUT", "DELETE"],
  allowedHeaders: ["Content-Type", "X-Api-Key"],
});

app.get("/api/items", async () => [{ id: 1 }]);
app.put("/api/items/:id", async (request) => ({ id: request.params.id }));

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN2",
        headers: [...json, ["X-Api-Key", "k1"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/33 — CORS wanted on part of the API, so
    // @fastify/cors is registered inside one encapsulated plugin: it applies to that context only, and
    // the routes of the sibling plugin the front end calls get no CORS (their preflight finds no
    // OPTIONS route). Root: the register call inside the public plugin.
    name: "heldout9 Fastify: @fastify/cors registered in one encapsulated plugin, the sibling's routes get none",
    url: "https://github.com/fastify/fastify-cors/issues/33",
    rootText: 'instance.register(require("@fastify/cors"), { origin: "ORIGIN" });',
    file: "app.js",
    app: `const fastify = require("fastify")({ logger: false });

fastify.register(
  (instance, opts, next) => {
    instance.register(require("@fastify/cors"), { origin: "ORIGIN" });
    instance.get("/status", async () => ({ ok: true }));
    next();
  },
  { prefix: "/api/public" },
);

fastify.register(
  (instance, opts, next) => {
    instance.get("/items", async () => [{ id: 1 }]);
    instance.post("/items", async (request, reply) => reply.code(201).send({ id: 2 }));
    next();
  },
  { prefix: "/api" },
);

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
