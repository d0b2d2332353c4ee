/**
 * Issue #23's sixteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const BEARER: [string, string] = ["Authorization", "Bearer sq-session-1"];

export const HELD_OUT16_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/SquadQuest/SquadQuest/pull/471 — "fix(server): allow PATCH/PUT/DELETE in CORS
    // preflight": the server registers @fastify/cors with its origin resolver and credentials but never
    // sets `methods`, and @fastify/cors 11 defaults them to GET, HEAD, POST, so every cross-origin PATCH,
    // PUT and DELETE preflight fails (new users' `PATCH /v1/me` from the web build: "Method PATCH is not
    // allowed by Access-Control-Allow-Methods"); native clients send no preflight, so nothing showed it
    // before. The web build is the page. Root: the @fastify/cors registration without methods.
    name: "heldout16 Fastify: @fastify/cors registered without methods, the profile PATCH refused at the preflight",
    url: "https://github.com/SquadQuest/SquadQuest/pull/471",
    rootText: "await app.register(cors, { origin: resolveOrigin, credentials: true });",
    file: "server.js",
    app: `const Fastify = require('fastify');
const cors = require('@fastify/cors');

const TRUSTED_SITES = new Set(['https://squadquest.app', 'ORIGIN']);

function resolveOrigin(origin, cb) {
  if (!origin || TRUSTED_SITES.has(origin)) return cb(null, true);
  return cb(null, false);
}

async function buildApp() {
  const app = Fastify({ logger: false });
  await app.register(cors, { origin: resolveOrigin, credentials: true });

  const me = { id: 'u1', displayName: null };
  app.get('/v1/me', async () => me);
  app.patch('/v1/me', async (request) => Object.assign(me, request.body));
  app.put('/v1/ideas/:id/response', async (request) => ({ idea: request.params.id, response: request.body }));
  return app;
}

buildApp().then((app) => app.listen({ port: Number(process.env.PORT) || 8787, host: '127.0.0.1' }));
`,
    calls: [
      { method: "GET", path: "/v1/me", origin: "ORIGIN", credentials: true, headers: [BEARER] },
      {
        method: "PATCH",
        path: "/v1/me",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"], BEARER],
      },
    ],
    check: [],
  },
  {
    // https://github.com/dotkom/monoweb/pull/1938 — "Allow more CORS headers in allow list": the RPC
    // server registers @fastify/cors with the allowed origins from its configuration (a comma-separated
    // variable: ALLOWED_ORIGINS there, WEB_APP_URLS here, as the suite fills in the word ORIGIN),
    // credentials, and an allowedHeaders list of Content-Type and Authorization; the web app's requests
    // carry more headers than that (the PR adds Cache-Control, X-Requested-With, X-CSRF-Token and
    // Origin), and those calls are refused at the preflight. The tRPC routes are written as plain routes
    // under /api/trpc, the web app as the page. Root: the allowedHeaders list.
    name: "heldout16 Fastify: allowedHeaders lists Content-Type and Authorization only, the web app's X-Requested-With call refused",
    url: "https://github.com/dotkom/monoweb/pull/1938",
    rootText: 'allowedHeaders: ["Content-Type", "Authorization"],',
    file: "server.mjs",
    app: `import fastifyCors from "@fastify/cors"
import fastify from "fastify"

const configuration = {
  WEB_APP_URLS: process.env.WEB_APP_URLS ?? "https://online.ntnu.no,ORIGIN",
}
const allowedOrigins = configuration.WEB_APP_URLS.split(",")

const server = fastify()
server.register(fastifyCors, {
  origin: allowedOrigins,
  methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
  allowedHeaders: ["Content-Type", "Authorization"],
  credentials: true,
})

server.get("/api/trpc/event.all", async () => ({ result: { data: [{ id: "e1", title: "Bedpres" }] } }))
server.get("/api/trpc/user.getMe", async (request) => ({
  result: { data: { id: "u1", authenticated: Boolean(request.headers.authorization) } },
}))

await server.listen({ port: Number(process.env.PORT) || 4444, host: "127.0.0.1" })
`,
    calls: [
      { method: "GET", path: "/api/trpc/event.all", origin: "ORIGIN", credentials: true },
      {
        method: "GET",
        path: "/api/trpc/user.getMe",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Authorization", "Bearer auth0-token"],
          ["X-Requested-With", "XMLHttpRequest"],
        ],
      },
    ],
    check: [],
  },
];

/**
 * A correct configuration (config-heldout16-check.fixes.test.ts serves it): @fastify/cors registered on
 * the root instance ahead of the API plugin, an origin list of both front ends, credentials, the
 * page's methods and headers.
 */
export const HELD_OUT16_FASTIFY_CORRECT = `"use strict";

const Fastify = require("fastify");
const cors = require("@fastify/cors");

const app = Fastify({ logger: false });

app.register(cors, {
  origin: ["ORIGIN", "ORIGIN2"],
  credentials: true,
  methods: ["GET", "PUT"],
  allowedHeaders: ["Content-Type", "Authorization"],
  maxAge: 600,
});

app.register(
  async (api) => {
    api.get("/items", async () => [{ id: 1 }]);
    api.put("/items/:id", async (request) => ({ id: Number(request.params.id) }));
    api.get("/me", async () => ({ user: "ada" }));
  },
  { prefix: "/api" },
);

app.listen({ port: Number(process.env.PORT) || 3000, host: "127.0.0.1" });
`;
