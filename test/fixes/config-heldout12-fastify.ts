/**
 * Issue #23's twelfth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT12_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/help/issues/619 — "Question fastify-cors Access-Control-Allow-Origin":
    // the GET route works, but the POST route answers through reply.raw, and @fastify/cors's headers,
    // set with reply.header and only written by reply.send, never reach that answer (the answer: use
    // reply.send). Root: the raw writeHead in the POST handler.
    name: "heldout12 Fastify: the POST route answers through reply.raw, @fastify/cors's headers never sent",
    url: "https://github.com/fastify/help/issues/619",
    rootText: 'reply.raw.writeHead(200, { "Content-Type": "application/json" });',
    file: "server.js",
    app: `const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/cors"), {
  origin: "*",
  methods: ["GET", "POST"],
});

const schema = {
  body: {
    type: "object",
    properties: { script: { type: "string" } },
  },
};

fastify.get("/api/execute", (req, reply) => {
  reply.send({ hello: "world" });
});

fastify.post("/api/execute", { schema }, function (request, reply) {
  const result = { ran: true, script: (request.body && request.body.script) || null };
  reply.raw.writeHead(200, { "Content-Type": "application/json" });
  reply.raw.end(JSON.stringify(result));
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/execute", origin: "ORIGIN" },
      { method: "POST", path: "/api/execute", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify/issues/4791 — "Returning headers gives error 'Header name must
    // be a valid HTTP token' for OPTIONS": the app answers preflights with its own OPTIONS '/*' route,
    // and one header name carries a trailing colon ("access-control-allow-origin:"), so every preflight
    // fails with a 500. Root: that header line.
    name: "heldout12 Fastify: the hand-written OPTIONS route's header name ends in ':', every preflight a 500",
    url: "https://github.com/fastify/fastify/issues/4791",
    rootText: ".header('Access-Control-Allow-Origin:', '*')",
    file: "server.js",
    app: `const Fastify = require("fastify");

const fastify = Fastify({ logger: false });
const users = new Map([["1", { id: "1", name: "ada" }]]);

fastify.addHook("onSend", async (request, reply, payload) => {
  if (request.method !== "OPTIONS") reply.header("Access-Control-Allow-Origin", "*");
  return payload;
});

fastify.route({
  method: 'OPTIONS',
  url: '/*',
  handler: async (request, reply) => {
    reply.code(204)
      .header('Content-Length', '0')
      .header('Access-Control-Allow-Origin:', '*')
      .header('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE')
      .send()
  }
});

fastify.get("/user", async () => [...users.values()]);
fastify.delete("/user/:id", async (request, reply) => {
  users.delete(request.params.id);
  reply.code(204);
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/user", origin: "ORIGIN" },
      { method: "DELETE", path: "/user/1", origin: "ORIGIN" },
    ],
    check: [],
  },
];

/**
 * A correct Fastify app (the set's correct Fastify configuration): @fastify/cors with an allowlist of
 * the two front ends, credentials, the methods and headers the page sends, registered before the
 * routes. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT12_FASTIFY_CORRECT = `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const fastify = Fastify({ logger: false });

fastify.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  credentials: true,
  methods: ["GET", "HEAD", "POST", "PUT", "DELETE"],
  allowedHeaders: ["Content-Type", "Authorization"],
  maxAge: 600,
});

fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id, ...request.body }));
fastify.get("/api/me", async () => ({ user: "ada" }));

fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`;
