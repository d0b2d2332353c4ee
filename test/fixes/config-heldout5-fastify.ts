/**
 * Issue #23's fifth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT5_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-cors/issues/314 — @fastify/cors registered inside the
    // project's own `async function (fastify, opts)` plugin, not wrapped with fastify-plugin: its
    // hooks stay in that plugin's scope, the routes registered beside it get no CORS header. Root:
    // the plugin's register(cors) line.
    name: "heldout5 Fastify: @fastify/cors registered inside an encapsulated plugin (no fastify-plugin)",
    url: "https://github.com/fastify/fastify-cors/issues/314",
    rootText: "fastify.register(cors, corsOptions);",
    file: "app.js",
    app: `const Fastify = require("fastify");
const cors = require("@fastify/cors");

// plugins/cors.js
async function corsPlugin(fastify, opts) {
  const corsOptions = {
    origin: ["ORIGIN", "https://meekat.example.net"],
    credentials: true,
  };
  fastify.register(cors, corsOptions);
}

// routes/items.js
async function itemRoutes(fastify, opts) {
  fastify.get("/api/items", async () => [{ id: 1 }]);
  fastify.post("/api/items", async (request, reply) => reply.code(201).send({ id: 2 }));
}

function buildApp() {
  const app = Fastify({ logger: false });
  app.register(corsPlugin);
  app.register(itemRoutes);
  return app;
}

buildApp().listen({ port: Number(process.env.PORT) || 4000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/help/issues/704 — @fastify/cors registered with `credentials: true`,
    // `strictPreflight: false`, `origin: '*'` and methods POST, PATCH, DELETE: the front end's cookie
    // calls get Allow-Origin `*`. Root: the origin line.
    name: "heldout5 Fastify: origin '*' with credentials true, the cookie calls refused",
    url: "https://github.com/fastify/help/issues/704",
    rootText: "origin: '*',",
    file: "index.js",
    app: `const fastify = require("fastify");

const app = fastify();

app.register(require("@fastify/cors"), {
  credentials: true,
  strictPreflight: false,
  origin: '*',
  methods: ['GET', 'POST', 'PATCH', 'DELETE'],
});

app.get("/api/me", async () => ({ user: "ada" }));
app.patch("/api/items/:id", async (request) => ({ id: request.params.id }));

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "PATCH", path: "/api/items/1", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
  },
];

/**
 * Set 5's correct Fastify app (config-heldout5-check.fixes.test.ts serves it): @fastify/cors on the
 * root instance with both front ends, credentials, and the methods and headers the pages send.
 */
export const HELD_OUT5_FASTIFY_CORRECT = `const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/cors"), {
  origin: ["ORIGIN", "ORIGIN2"],
  methods: ["GET", "HEAD", "POST", "PUT", "DELETE"],
  allowedHeaders: ["Content-Type", "Authorization"],
  credentials: true,
});

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));
fastify.get("/api/me", async () => ({ user: "ada" }));

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`;
