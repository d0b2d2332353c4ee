/**
 * Issue #23's eighth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT8_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/nestjs/docs.nestjs.com/pull/3244 — @fastify/cors registered with only an
    // origin after the upgrade to v11, whose default methods became the CORS-safelisted GET,HEAD,POST:
    // the PUT's preflight is refused. Root: the register call with the options.
    name: "heldout8 Fastify: @fastify/cors v11 default methods (GET,HEAD,POST), the PUT refused",
    url: "https://github.com/nestjs/docs.nestjs.com/pull/3244",
    rootText: "server.register(cors, corsSettings);",
    file: "server.js",
    app: `const Fastify = require("fastify");
const cors = require("@fastify/cors");

function registerCors(server) {
  const corsSettings = { origin: "*" };
  server.register(cors, corsSettings);
}

const server = Fastify();
registerCors(server);

server.get("/api/items", async () => [{ id: 1 }]);
server.put("/api/items/:id", async (request) => ({ id: request.params.id }));

server.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify/issues/583 — the CORS headers set by hand in a preHandler
    // hook: the preflight OPTIONS matches no route, Fastify answers it 404 without running the hook,
    // and the PUT never goes out. Root: the preHandler hook line.
    name: "heldout8 Fastify: CORS headers set in a preHandler hook, the preflight matches no route (404)",
    url: "https://github.com/fastify/fastify/issues/583",
    rootText: 'fastify.addHook("preHandler", (request, reply, done) => {',
    file: "app.js",
    app: `const fastify = require("fastify")();

fastify.addHook("preHandler", (request, reply, done) => {
  reply.header("Access-Control-Allow-Origin", "ORIGIN");
  reply.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  reply.header("Access-Control-Allow-Headers", "Content-Type");
  done();
});

fastify.register(
  async (api) => {
    api.get("/items", async () => [{ id: 1 }]);
    api.put("/items/:id", async (request) => ({ id: request.params.id }));
  },
  { prefix: "/api" },
);

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];

/**
 * A correct Fastify app (the set's correct Fastify configuration): @fastify/cors registered first with
 * the two front ends, credentials, the methods and headers the page uses. ORIGIN and ORIGIN2: the two
 * front ends.
 */
export const HELD_OUT8_FASTIFY_CORRECT = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const app = Fastify();

app.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  methods: ["GET", "POST", "PUT", "DELETE"],
  allowedHeaders: ["Content-Type", "Authorization"],
  credentials: true,
});

app.get("/api/items", async () => [{ id: 1 }]);
app.put("/api/items/:id", async (request) => ({ id: request.params.id }));
app.get("/api/me", async () => ({ user: "ada" }));

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`;
