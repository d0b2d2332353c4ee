/**
 * Issue #23's third never-seen measure, Hono (hono/cors): apps rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. ORIGIN is the test page's origin;
 * the app listens on process.env.PORT. `rootText`: the text of the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ESM = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";`;
const ROUTES = `app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
app.get("/api/me", (c) => c.json({ user: "ada" }));`;
const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });`;

export const HELD_OUT3_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/hono/issues/129 — the documentation's example options kept as they
    // are (allowMethods POST, GET, OPTIONS; allowHeaders X-Custom-Header, Upgrade-Insecure-Requests):
    // the page's JSON PUT is refused by its preflight. Root: the allowMethods line.
    name: "heldout3 Hono: the docs' example cors() options kept (no PUT, no Content-Type)",
    url: "https://github.com/honojs/hono/issues/129",
    rootText: 'allowMethods: ["POST", "GET", "OPTIONS"],',
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: "ORIGIN",
    allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests"],
    allowMethods: ["POST", "GET", "OPTIONS"],
    exposeHeaders: ["Content-Length", "X-Kuma-Revision"],
    maxAge: 600,
    credentials: true,
  }),
);

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/hono/issues/3951 — requests pass until the client adds a header:
    // cors() is attached to GET routes (app.get), so the preflight OPTIONS matches nothing and gets
    // Hono's 404. Root: the app.get(…, cors()) line.
    name: "heldout3 Hono: cors() registered with app.get, the preflight finds no route",
    url: "https://github.com/honojs/hono/issues/3951",
    rootText: 'app.get("/api/*", cors(',
    file: "server.mjs",
    app: `${ESM}

const app = new Hono();

app.get("/api/*", cors({ origin: "ORIGIN", allowHeaders: ["Content-Type", "X-Request-Id"] }));

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", headers: [["X-Request-Id", "r-1"]] },
    ],
    check: [],
  },
];
