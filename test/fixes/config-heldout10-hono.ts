/**
 * Issue #23's tenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT10_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/cloudflare/workers-graphql-server/pull/60 — "CORS headers not being applied,
    // due to the wrong order (routes before middleware)": the GraphQL route answers the POST itself,
    // so cors() registered after it never runs for it; the preflight (matched by cors() alone) passes
    // and the actual answer has no Allow-Origin. Root: the cors() registration after the routes.
    name: "heldout10 Hono: cors() registered after the routes, the POST's answer has no Allow-Origin",
    url: "https://github.com/cloudflare/workers-graphql-server/pull/60",
    rootText: 'app.use("*", cors());',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.get("/graphql", (c) => c.json({ data: null }));
app.post("/graphql", async (c) => {
  const { query } = await c.req.json();
  return c.json({ data: { echo: query ?? null } });
});

app.use("*", cors());

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [{ method: "POST", path: "/graphql", origin: "ORIGIN", headers: json }],
    check: [],
  },
  {
    // https://github.com/honojs/website/pull/672 — "fix route wildcard from '/api/**' to '/api/*'": the
    // CORS middleware is mounted on the path '/api/**', which Hono does not read as "everything under
    // /api/", so the API's routes get no CORS headers. Root: the app.use line with '/api/**'.
    name: "heldout10 Hono: cors() mounted on '/api/**', the /api/ routes get none",
    url: "https://github.com/honojs/website/pull/672",
    rootText: 'app.use("/api/**", cors({ origin: ["ORIGIN", "ORIGIN2"] }));',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use("/api/**", cors({ origin: ["ORIGIN", "ORIGIN2"] }));

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", async (c) => c.json({ id: c.req.param("id") }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/Steward-Fi/steward/issues/473 — "advertise PATCH in tenant CORS preflight": the
    // API exposes PATCH routes but its cors() lists GET, POST, PUT, DELETE, OPTIONS as the allowed
    // methods, so the browser refuses the PATCH at its preflight. Root: the allowMethods line.
    name: "heldout10 Hono: cors() allowMethods without PATCH, the PATCH refused at its preflight",
    url: "https://github.com/Steward-Fi/steward/issues/473",
    rootText: 'allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const trusted = ["ORIGIN", "ORIGIN2"];

const tenantCors = cors({
  origin: (origin) => (trusted.includes(origin) ? origin : null),
  allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
  allowHeaders: ["Content-Type", "Authorization"],
  credentials: true,
  maxAge: 600,
});

const app = new Hono();
app.use("/tenants/*", tenantCors);

app.get("/tenants/:id", (c) => c.json({ id: c.req.param("id"), name: "acme" }));
app.patch("/tenants/:id", async (c) => c.json({ id: c.req.param("id"), ...(await c.req.json()) }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/tenants/t1", origin: "ORIGIN" },
      { method: "PATCH", path: "/tenants/t1", origin: "ORIGIN2", headers: json, credentials: true },
    ],
    check: [],
  },
];
