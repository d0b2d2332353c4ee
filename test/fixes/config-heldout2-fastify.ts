/**
 * Issue #23's second never-seen measure, Fastify 5 with @fastify/cors 11: each case rebuilds a
 * public report (cited above it), written blind to the readers. ORIGIN and ORIGIN2 are the test
 * pages' origins; the app listens on process.env.PORT. `rootAt`: the root cause's line; `check` left
 * empty (codes not known blind).
 */
import type { HeldOut2JsCase } from "./config-heldout2-express";

const ROUTES = (app: string) => `${app}.get("/api/items", async () => [{ id: 1 }]);
${app}.post("/api/items", async (request, reply) => reply.code(201).send({ id: 2 }));
${app}.put("/api/items/:id", async (request) => ({ id: request.params.id }));
${app}.delete("/api/items/:id", async (request, reply) => reply.code(204).send());
${app}.get("/api/me", async () => ({ user: "ada" }));`;
const LISTEN = (app: string) =>
  `${app}.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT2_FASTIFY: HeldOut2JsCase[] = [
  {
    // https://github.com/fastify/fastify-cors/issues/105 — the plugin registered with
    // `{ preflight: false }`: no OPTIONS route, so Fastify answers the DELETE's preflight 404.
    // Root cause: the `preflight: false` option.
    name: "heldout2: Fastify: @fastify/cors registered with preflight: false, a DELETE",
    source: "https://github.com/fastify/fastify-cors/issues/105",
    file: "server.js",
    app: `const fastify = require("fastify")({ logger: false });

void fastify.register(require("@fastify/cors"), { preflight: false })

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
    rootAt: "preflight: false",
  },
  {
    // https://github.com/fastify/fastify-cors/pull/103 (the preflight-behind-auth report it fixes)
    // — cors moved to the preHandler hook while an onRequest auth hook refuses what has no token:
    // the preflight (which never carries Authorization) gets the auth hook's 401.
    // Root cause: the `hook: "preHandler"` option.
    name: "heldout2: Fastify: cors on the preHandler hook, an onRequest auth hook answers the preflight 401",
    source: "https://github.com/fastify/fastify-cors/pull/103",
    file: "app.mjs",
    app: `import Fastify from "fastify";
import cors from "@fastify/cors";

const app = Fastify({ logger: false });

app.addHook("onRequest", async (request, reply) => {
  if (request.headers.authorization !== "Bearer s3cret") {
    return reply.code(401).send({ error: "Unauthorized" });
  }
});

await app.register(cors, {
  origin: "ORIGIN",
  hook: "preHandler",
  allowedHeaders: ["Content-Type", "Authorization"],
});

${ROUTES("app")}

${LISTEN("app")}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer s3cret"]],
      },
    ],
    check: [],
    rootAt: 'hook: "preHandler"',
  },
  {
    // https://github.com/fastify/help/issues/295 — an origin callback that looks the origin up
    // (a promise, then the callback) and `methods: ['POST']`: the page's PUT preflight is refused.
    // Root cause: the `methods: ["POST"]` line.
    name: "heldout2: Fastify: an origin lookup callback with methods ['POST'], a PUT",
    source: "https://github.com/fastify/help/issues/295",
    file: "server.js",
    app: `const fastify = require("fastify")({ logger: false });

const licensed = new Set(["ORIGIN", "https://customer.example.com"]);
async function getLicense(origin) {
  return licensed.has(origin) ? { origin } : null;
}

fastify.register(require("@fastify/cors"), {
  origin: (origin, cb) => {
    getLicense(origin).then((license) => {
      if (license) {
        cb(null, true);
        return;
      }
      cb(null, false);
    });
  },
  methods: ["POST"],
});

${ROUTES("fastify")}

${LISTEN("fastify")}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
    rootAt: 'methods: ["POST"]',
  },
];
