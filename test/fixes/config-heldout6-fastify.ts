/**
 * Issue #23's sixth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT6_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify/issues/326 — "does fastify contain cors?": CORS done by hand
    // in an onRequest hook that sets the headers on every reply; no route answers OPTIONS, so the
    // preflight of the page's PUT gets Fastify's 404 (with the headers, but not an ok status). Root:
    // the hook's line.
    name: "heldout6 Fastify: CORS headers set in an onRequest hook, no route answers the preflight (404)",
    url: "https://github.com/fastify/fastify/issues/326",
    rootText: 'fastify.addHook("onRequest", async (request, reply) => {',
    file: "server.js",
    app: `const fastify = require("fastify")();

const WEB_APP = process.env.WEB_APP || "ORIGIN";

fastify.addHook("onRequest", async (request, reply) => {
  reply.header("Access-Control-Allow-Origin", WEB_APP);
  reply.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  reply.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
});

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));
fastify.delete("/api/items/:id", async (request, reply) => reply.code(204).send());

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/help/issues/639 — an array of origins that does not set the header:
    // an entry of the list is not exactly the page's origin (here the front end's URL written with a
    // trailing slash), and with an array only an exact match is echoed. Root: that entry's line.
    name: "heldout6 Fastify: the origin array's front-end entry has a trailing slash, never matches",
    url: "https://github.com/fastify/help/issues/639",
    rootText: 'process.env.WEB_URL || "ORIGIN/",',
    file: "app.js",
    app: `const fastify = require("fastify")({ logger: false });

const allowedOrigins = [
  "https://app.example.com",
  process.env.WEB_URL || "ORIGIN/",
];

fastify.register(require("@fastify/cors"), {
  origin: allowedOrigins,
  methods: ["GET", "POST", "PUT", "DELETE"],
});

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
