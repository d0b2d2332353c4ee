/**
 * Issue #23's eighth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT8_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/better-auth/better-auth/pull/3707 — cors() added with app.use() after the
    // routes were declared: Hono runs handlers in registration order, the found route answers and the
    // middleware after it never runs (the PR documents that CORS must come first). Root: the
    // app.use("*", cors(...)) line.
    name: "heldout8 Hono: cors() registered after the route handlers, found routes answer without it",
    url: "https://github.com/better-auth/better-auth/pull/3707",
    rootText: 'app.use("*", cors({ origin: "ORIGIN" }));',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.post("/api/items", (c) => c.json({ id: 2 }, 201));

app.use("*", cors({ origin: "ORIGIN" }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/hono/issues/687 — middleware given the path "/api" (no wildcard): it
    // matches that path only, not the /api/... routes of the grouped app mounted there, so cors() never
    // runs for the calls the page makes. Root: the app.use("/api", cors(...)) line.
    name: "heldout8 Hono: cors() on the path '/api' without '/*', the /api/... routes get none",
    url: "https://github.com/honojs/hono/issues/687",
    rootText: 'app.use("/api", cors({ origin: ["ORIGIN", "ORIGIN2"], allowMethods: ["GET", "PUT"] }));',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const items = new Hono();
items.get("/", (c) => c.json([{ id: 1 }]));
items.put("/:id", (c) => c.json({ id: c.req.param("id") }));

const app = new Hono();
app.use("/api", cors({ origin: ["ORIGIN", "ORIGIN2"], allowMethods: ["GET", "PUT"] }));
app.route("/api/items", items);

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];
