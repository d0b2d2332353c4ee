/**
 * Issue #23's eleventh never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT11_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/Fdawgs/docsmith/pull/98 — "comma-delimited string support for cors origin
    // value": the allowed origins come from the environment as one comma-delimited string and are
    // handed to @fastify/cors as is; a string origin is sent back verbatim, so the browser sees both
    // origins in one Access-Control-Allow-Origin value. (The variable is named CORS_ALLOW_LIST here: the
    // suites fill every "ORIGIN" in a case's text.) Root: the origin line.
    name: "heldout11 Fastify: @fastify/cors given the environment's comma-delimited origins as one string",
    url: "https://github.com/Fdawgs/docsmith/pull/98",
    rootText: 'origin: process.env.CORS_ALLOW_LIST || "ORIGIN,ORIGIN2",',
    file: "server.js",
    app: `const Fastify = require("fastify");
const cors = require("@fastify/cors");

const config = {
  cors: {
    origin: process.env.CORS_ALLOW_LIST || "ORIGIN,ORIGIN2",
    allowedHeaders: ["Accept", "Authorization", "Content-Type"],
    methods: ["GET", "POST"],
  },
};

const server = Fastify({ logger: false });
server.register(cors, config.cors);

server.get("/api/docs", async () => [{ id: 1, name: "letter.docx" }]);
server.post("/api/docs/convert", async (request) => ({ converted: true, ...request.body }));

server.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/docs", origin: "ORIGIN" },
      { method: "POST", path: "/api/docs/convert", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/nearform/trail/issues/58 — "Standalone Fastify options does not include CORS
    // settings": the service's standalone server registers its routes but no CORS plugin at all, so
    // the separate UI's calls are all refused. Root: the server construction without @fastify/cors.
    name: "heldout11 Fastify: the standalone server registers no CORS plugin at all",
    url: "https://github.com/nearform/trail/issues/58",
    rootText: "const server = Fastify({ logger: false });",
    file: "server.js",
    app: `const Fastify = require("fastify");

const trails = [{ id: 1, who: "ada", what: "login" }];

const server = Fastify({ logger: false });

server.get("/trails", async () => trails);
server.post("/trails", async (request, reply) => {
  trails.push({ id: trails.length + 1, ...request.body });
  reply.code(201);
  return { id: trails.length };
});

server.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/trails", origin: "ORIGIN" },
      { method: "POST", path: "/trails", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
