/**
 * Issue #23's seventh never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-cors/issues/281 — @fastify/cors registered inside one scoped
    // route plugin (the public routes), the way the report scopes CORS per plugin: the items plugin,
    // registered beside it, is outside that scope and answers without CORS. Root: the register line
    // inside the public plugin.
    name: "heldout7 Fastify: @fastify/cors registered in a sibling plugin's scope, the items routes get none",
    url: "https://github.com/fastify/fastify-cors/issues/281",
    rootText: 'api.register(require("@fastify/cors"), { origin: "ORIGIN" });',
    file: "server.js",
    app: `const Fastify = require("fastify");

async function publicRoutes(api) {
  api.register(require("@fastify/cors"), { origin: "ORIGIN" });

  api.get("/health", async () => ({ ok: true }));
}

async function itemRoutes(api) {
  api.get("/items", async () => [{ id: 1 }]);
  api.post("/items", async (request, reply) => {
    reply.code(201);
    return { id: 2 };
  });
}

const app = Fastify();
app.register(publicRoutes, { prefix: "/public" });
app.register(itemRoutes, { prefix: "/api" });

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/help/issues/159 — the allowed front ends kept in one environment
    // variable and given to @fastify/cors as that string: a string origin is sent as the header's value
    // as is ("a,b"), which matches no page. Root: the line reading the variable.
    name: "heldout7 Fastify: a comma-separated origins string from the environment given to @fastify/cors",
    url: "https://github.com/fastify/help/issues/159",
    rootText: 'const origins = process.env.CORS_ALLOW || "ORIGIN,ORIGIN2";',
    file: "app.js",
    app: `const fastify = require("fastify")({ logger: false });
const cors = require("@fastify/cors");

const origins = process.env.CORS_ALLOW || "ORIGIN,ORIGIN2";

fastify.register(cors, {
  origin: origins,
  methods: ["GET", "POST", "PUT", "DELETE"],
});

fastify.get("/api/items", async () => []);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];
