/**
 * Issue #23's second never-seen measure, Hono 4 (hono/cors) on @hono/node-server: each case rebuilds
 * a public report (cited above it), written blind to the readers. ORIGIN and ORIGIN2 are the test
 * pages' origins; the app listens on process.env.PORT. `rootAt`: the root cause's line; `check` left
 * empty (codes not known blind).
 */
import type { HeldOut2JsCase } from "./config-heldout2-express";

const ROUTES = `app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.post("/api/items", (c) => c.json({ id: 2 }, 201));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
app.delete("/api/items/:id", (c) => c.body(null, 204));
app.get("/api/me", (c) => c.json({ user: "ada" }));`;
const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });`;
const ESM = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT2_HONO: HeldOut2JsCase[] = [
  {
    // https://github.com/honojs/hono/issues/895 — cors({...}) built inside a middleware to read the
    // origin from the environment, but never called: the wrapper only calls next(), no CORS header
    // is ever set (and `allowedHeaders` is not a hono/cors option). Root cause: the inner `cors({` line.
    name: "heldout2: Hono: cors() created inside a middleware and never run",
    source: "https://github.com/honojs/hono/issues/895",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.use("*", async (c, next) => {
  cors({
    origin: process.env.APP_URL ?? "ORIGIN",
    allowedHeaders: ["Origin", "Content-Type", "Authorization"],
    allowMethods: ["GET", "OPTIONS", "POST", "PUT", "DELETE"],
    credentials: true,
  });
  await next();
});

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
    rootAt: "  cors({",
  },
  {
    // https://github.com/honojs/hono/issues/3724 — the documentation's example options kept:
    // allowHeaders X-Custom-Header and Upgrade-Insecure-Requests; the page's JSON POST with
    // cookies asks for Content-Type and is refused. Root cause: the allowHeaders line.
    name: "heldout2: Hono: the docs' allowHeaders kept, a JSON POST with cookies",
    source: "https://github.com/honojs/hono/issues/3724",
    file: "server.mjs",
    app: `${ESM}

const app = new Hono();

app.use(
  cors({
    origin: [
      "https://mirimhub.me",
      "https://www.mirimhub.me",
      "ORIGIN",
    ],
    allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests"],
    exposeHeaders: ["X-Custom-Header", "X-Kuma-Revision"],
    allowMethods: ["GET", "POST", "PUT", "DELETE", "PATCH"],
    maxAge: 600,
    credentials: true,
  })
);

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [],
    rootAt: 'allowHeaders: ["X-Custom-Header"',
  },
  {
    // https://github.com/honojs/hono/pull/4814 (issue #4811) — cors({ credentials: true }) with the
    // default origin "*": Allow-Origin `*` with Allow-Credentials, which a cookie request refuses.
    // Root cause: the cors({ credentials: true }) line.
    name: "heldout2: Hono: cors({ credentials: true }) keeps the default origin *",
    source: "https://github.com/honojs/hono/pull/4814",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.use("/api/*", cors({ credentials: true }));

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
    rootAt: "cors({ credentials: true })",
  },
];
