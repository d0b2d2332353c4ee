/**
 * Issue #23's thirteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT13_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/website/pull/567 — "Update cors.md to explain that CORS needs to be
    // called before the route": the routes are registered first and `app.use('/api/*', cors(...))`
    // after them; a matched handler answers without calling on, so its answers carry no CORS headers
    // (only the preflight, which no route handles, reaches the middleware). Root: the cors
    // registration after the routes.
    name: "heldout13 Hono: cors() registered after the routes, the handlers answer without CORS headers",
    url: "https://github.com/honojs/website/pull/567",
    rootText: "app.use(",
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.get("/api/abc", (c) => {
  return c.json({ success: true });
});

app.post("/api/abc", async (c) => {
  const body = await c.req.json();
  return c.json({ success: true, received: body }, 201);
});

app.use(
  "/api/*",
  cors({
    origin: "ORIGIN",
    allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests", "Content-Type"],
    allowMethods: ["POST", "GET", "OPTIONS"],
    exposeHeaders: ["Content-Length", "X-Kuma-Revision"],
    maxAge: 600,
    credentials: true,
  }),
);

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/abc", origin: "ORIGIN" },
      { method: "POST", path: "/api/abc", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
