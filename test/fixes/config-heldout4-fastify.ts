/**
 * Issue #23's fourth never-seen measure, Fastify: broken apps rebuilt from public reports (cited
 * above each case; situation rebuilt, no text copied), written blind to the readers. `ORIGIN` is
 * the suite's page origin. `rootText`: the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ROUTES = `fastify.get("/api/items", async () => [{ id: 1 }]);
fastify.put("/api/items/:id", async (request) => ({ id: request.params.id }));`;
const LISTEN = `fastify.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });`;

export const HELD_OUT4_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fastify/help/issues/583 — @fastify/cors registered with "*", credentials
    // and preflightContinue, then an onSend hook that sets Access-Control-Allow-Origin (to an empty
    // value) on every answer: it overwrites the plugin's header. Root: the hook's Allow-Origin line.
    name: "heldout4 Fastify: an onSend hook overwrites Allow-Origin with an empty value",
    // Refused with the reason after the first run (see HELDOUT4.md); fixed since set 12 taught CORS
    // Lens onSend hooks (the blanking line removed, HELDOUT12.md).
    url: "https://github.com/fastify/help/issues/583",
    rootText: 'reply.header("Access-Control-Allow-Origin", "");',
    file: "app.js",
    app: `const fastify = require("fastify")({ logger: false });
const fastifyCors = require("@fastify/cors");

// cors allow //
fastify.register(fastifyCors, {
  origin: "*",
  credentials: "true",
  preflightContinue: true,
  optionsSuccessStatus: 201,
  allowedHeaders: "Authorization,Accept,Origin,X-Requested-With,Content-Type,Cache-Control",
  methods: "GET,POST,OPTIONS,PUT,DELETE,PATCH",
});
fastify.addHook("onSend", (request, reply, payload, next) => {
  reply.header("Access-Control-Allow-Origin", "");
  reply.header("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, Cache-Control");
  next();
});

${ROUTES}

${LISTEN}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [],
  },
  {
    // https://github.com/fastify/fastify-cors/issues/102 — a localhost RegExp origin with
    // credentials, and an authentication check in an onRequest hook of the app: it runs before the
    // plugin's preflight answer and refuses the preflight (401, it has no token). Root: the hook.
    name: "heldout4 Fastify: an onRequest auth hook refuses the preflight before @fastify/cors answers it",
    url: "https://github.com/fastify/fastify-cors/issues/102",
    rootText: 'fastify.addHook("onRequest", async (request, reply) => {',
    file: "server.js",
    app: `const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/cors"), {
  origin: new RegExp("http://localhost"),
  credentials: true,
  optionsSuccessStatus: 200,
});

// every API call must carry the session token
fastify.addHook("onRequest", async (request, reply) => {
  if (request.url.startsWith("/api/login")) return;
  const auth = request.headers.authorization;
  if (!auth || !auth.startsWith("Bearer ")) {
    reply.code(401).send({ error: "Unauthorized" });
    return reply;
  }
});

${ROUTES}

${LISTEN}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Authorization", "Bearer t0k3n"],
          ["Content-Type", "application/json"],
        ],
      },
    ],
    check: [],
  },
];
