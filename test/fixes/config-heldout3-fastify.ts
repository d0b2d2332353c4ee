/**
 * Issue #23's third never-seen measure, Fastify (@fastify/cors): apps rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. ORIGIN is the test page's
 * origin; the app listens on process.env.PORT. `rootText`: the text of the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ROUTES = `fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));
fastify.delete("/api/items/:id", async (request, reply) => reply.code(204).send());`;
const LISTEN = `fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });`;

export const HELD_OUT3_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/fastify-cors/issues/48 — a production allowlist, a long list of
    // device and client headers, credentials: the page's (development) origin is not in `origin`.
    // Root: the origin line.
    name: "heldout3 Fastify: origin lists the production front end only (credentials, client headers)",
    url: "https://github.com/fastify/fastify-cors/issues/48",
    rootText: 'origin: ["https://juabali.com"],',
    file: "app.js",
    app: `const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/cors"), {
  origin: ["https://juabali.com"],
  methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
  allowedHeaders: [
    "Authorization",
    "Content-Type",
    "User-Agent",
    // user device headers
    "X-Device-Brand",
    "X-Device-Platform",
    // client info headers
    "X-Client-AppVersion",
    "X-Client-Id",
  ],
  credentials: true,
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["X-Client-Id", "web"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/105 — @fastify/cors registered with
    // `preflight: false` ahead of autoloaded routes: no OPTIONS route answers, Fastify's 404 does.
    // Root: the preflight: false line.
    name: "heldout3 Fastify: preflight: false leaves the DELETE preflight to Fastify's 404 (ESM)",
    url: "https://github.com/fastify/fastify-cors/issues/105",
    rootText: "preflight: false",
    file: "server.mjs",
    app: `import Fastify from "fastify";
import cors from "@fastify/cors";

const fastify = Fastify({ logger: false });

await fastify.register(cors, {
  origin: "ORIGIN",
  methods: ["GET", "PUT", "DELETE"],
  preflight: false,
});

${ROUTES}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
  },
];
