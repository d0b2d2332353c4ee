/**
 * Issue #23's thirteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const key: [string, string] = ["Authorization", "Bearer a-super-secret-key"];

export const HELD_OUT13_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-bearer-auth/pull/207 — "fix(index): add preHandler hook": the
    // app registers @fastify/bearer-auth before @fastify/cors; both work in onRequest hooks, so the
    // key check runs first and the preflights, which never carry the key, are caught by it (401)
    // before @fastify/cors can answer them. @fastify/bearer-auth is not installed here: a small plugin
    // with its behaviour (an onRequest hook, not encapsulated, like fastify-plugin) stands in for it.
    // Root: the bearer-auth registration ahead of @fastify/cors.
    name: "heldout13 Fastify: bearer-auth registered before @fastify/cors, the key-less preflight answered 401",
    url: "https://github.com/fastify/fastify-bearer-auth/pull/207",
    rootText: 'fastify.register(bearerAuthPlugin, { keys: ["a-super-secret-key"] });',
    file: "server.js",
    app: `const fastify = require("fastify")({ logger: false });

// Stands in for @fastify/bearer-auth: an onRequest hook checking the bearer key (not encapsulated).
function bearerAuthPlugin(instance, options, done) {
  const keys = new Set(options.keys);
  instance.addHook("onRequest", (request, reply, next) => {
    const header = request.headers.authorization || "";
    const key = header.startsWith("Bearer ") ? header.slice(7) : null;
    if (!key || !keys.has(key)) {
      reply.code(401).send({ error: "Unauthorized", message: "missing authorization header" });
      return;
    }
    next();
  });
  done();
}
bearerAuthPlugin[Symbol.for("skip-override")] = true;

fastify.register(bearerAuthPlugin, { keys: ["a-super-secret-key"] });
fastify.register(require("@fastify/cors"), {
  origin: "ORIGIN",
  methods: ["GET", "POST", "PUT", "DELETE"],
});

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.post("/api/items", async (request, reply) => {
  reply.code(201);
  return { id: 2, ...request.body };
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [key] },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: [...json, key] },
    ],
    check: [],
  },
];
