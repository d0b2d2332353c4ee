/**
 * Issue #23's nineteenth never-seen measure, Fastify: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT19_FASTIFY: Array<ExpressCase & Held3> = [
  {
    // https://github.com/fdaciuk/conduit-api/pull/12 — "Add cors to fastify": the RealWorld (Conduit) API's
    // Fastify port serves the users, login and articles routes with no CORS at all, so the Conduit front end
    // on another origin cannot sign in or post (its JSON POSTs and the `Authorization: Token …` calls are
    // preflighted, and Fastify has no OPTIONS route: 404); the PR registers CORS on the app. The fp-ts
    // pipelines are written as plain handlers over an in-memory store, the front end is the page. Root: the
    // Fastify app created and served with no CORS.
    name: "heldout19 Fastify: the Conduit API's Fastify port has no CORS, the front end's login and article POSTs refused",
    url: "https://github.com/fdaciuk/conduit-api/pull/12",
    rootText: "const app = fastify({ logger: false })",
    file: "server.mjs",
    app: `import fastify from 'fastify'

const app = fastify({ logger: false })

const PORT = Number(process.env.PORT) || 3333

const users = new Map()
const articles = []

const getToken = (authorization = '') => authorization.replace(/^Token /, '')

app.post('/api/users', async (req, reply) => {
  const user = req.body?.user ?? {}
  users.set(user.email, user)
  return reply.send({ user: { ...user, token: 'jwt-' + user.username } })
})

app.post('/api/users/login', async (req, reply) => {
  const { email } = req.body?.user ?? {}
  const user = users.get(email)
  if (!user) return reply.code(422).send({ errors: { body: ['Invalid email or password'] } })
  return reply.send({ user: { ...user, token: 'jwt-' + user.username } })
})

const auth = async (req, reply) => {
  const token = getToken(req.headers.authorization)
  if (!token) return reply.code(401).send({ errors: { body: ['Unauthorized'] } })
  req.raw.auth = { id: token }
}

app.post('/api/articles', { preValidation: auth }, async (req, reply) => {
  const article = { ...(req.body?.article ?? {}), authorId: req.raw.auth?.id }
  articles.push(article)
  return reply.send({ article })
})

app.get('/api/articles', async () => ({ articles, articlesCount: articles.length }))

await app.listen({ port: PORT, host: '127.0.0.1' })
`,
    calls: [
      { method: "GET", path: "/api/articles", origin: "ORIGIN" },
      { method: "POST", path: "/api/users/login", origin: "ORIGIN", headers: json },
      {
        method: "POST",
        path: "/api/articles",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Token eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/osbytes/crypt.fyi/issues/47 — "Dockerize the application": self-hosting the
    // encrypted-secret service in Docker, the reporter's web client on one subdomain calls the API on
    // another, and the preflight of `POST /vault` comes back with Access-Control-Allow-Origin holding the
    // API's own host name (no scheme), from the CORS origin setting filled in for the deployment, with
    // credentials and the `X-Client` header allowed; the browser refuses it. The server's @fastify/cors
    // registration is written with its config read from the environment, the deployment's value as its
    // default (helmet, rate limiting and Redis left out); the web client is the page. Root: the CORS origin
    // setting holding the API's host.
    name: "heldout19 Fastify: the CORS origin setting holds the API's own host, the web client's vault calls refused",
    url: "https://github.com/osbytes/crypt.fyi/issues/47",
    rootText: 'corsOrigin: process.env.CORS_DOMAIN ?? "api.crypt.example.com",',
    file: "app.mjs",
    app: `import cors from "@fastify/cors";
import Fastify from "fastify";
import { randomUUID } from "node:crypto";

const config = {
  port: Number(process.env.PORT) || 4321,
  corsOrigin: process.env.CORS_DOMAIN ?? "api.crypt.example.com",
  bodyLimit: 50 * 1024,
};

const vault = new Map();

const app = Fastify({ logger: false, bodyLimit: config.bodyLimit, genReqId: () => randomUUID() });

await app.register(cors, {
  origin: config.corsOrigin,
  credentials: true,
  methods: ["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
  allowedHeaders: ["Content-Type", "X-Client"],
});

app.post("/vault", async (req, res) => {
  const id = randomUUID().slice(0, 20);
  vault.set(id, { c: req.body?.c, b: req.body?.b ?? true });
  return res.status(201).send({ id, dt: randomUUID().slice(0, 20) });
});

app.get("/vault/:vaultId", async (req, res) => {
  const entry = vault.get(req.params.vaultId);
  if (!entry) return res.status(404).send();
  return res.send(entry);
});

await app.listen({ port: config.port, host: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/vault/abc123?h=9f86d081", origin: "ORIGIN" },
      { method: "POST", path: "/vault", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
