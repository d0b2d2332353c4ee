/**
 * Issue #23's eleventh never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const bearer: [string, string] = ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.t"];

export const HELD_OUT11_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/hono/issues/3453 — "CORS no working": the app is created with
    // basePath("/api") and the CORS middleware is then mounted on "/api/*", which under the base path
    // means /api/api/*, so the heartbeat POST's preflight never meets it. Root: that app.use line.
    name: "heldout11 Hono: cors() mounted on '/api/*' under basePath('/api'), the routes get none",
    url: "https://github.com/honojs/hono/issues/3453",
    rootText: 'app.use("/api/*", cors({',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono().basePath("/api");

app.use("/api/*", cors({
  origin: ["ORIGIN", "ORIGIN2"],
  allowHeaders: ["Origin", "Content-Type", "Authorization", "X-Custom-Header", "Upgrade-Insecure-Requests"],
  allowMethods: ["OPTIONS", "GET", "POST", "PATCH", "PUT", "DELETE"],
  exposeHeaders: ["Content-Length"],
  maxAge: 600,
  credentials: true,
}));

app.get("/v1/status", (c) => c.json({ ok: true }));
app.post("/v1/heart/:userId", async (c) => c.json({ user: c.req.param("userId"), beat: await c.req.json() }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/v1/status", origin: "ORIGIN" },
      { method: "POST", path: "/api/v1/heart/u1", origin: "ORIGIN2", headers: [...json, bearer] },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/hono/issues/2318 — the CORS middleware taken as the documentation shows
    // it keeps the example's allowHeaders (X-Custom-Header, Upgrade-Insecure-Requests); the front end's
    // calls carry Authorization, so their preflight is refused. Root: the allowHeaders line.
    name: "heldout11 Hono: cors() keeps the docs' example allowHeaders, the Authorization call refused",
    url: "https://github.com/honojs/hono/issues/2318",
    rootText: 'allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests"],',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use(
  "/api2/*",
  cors({
    origin: "ORIGIN",
    allowHeaders: ["X-Custom-Header", "Upgrade-Insecure-Requests"],
    allowMethods: ["POST", "GET", "OPTIONS"],
    exposeHeaders: ["Content-Length", "X-Kuma-Revision"],
    maxAge: 600,
    credentials: true,
  }),
);

app.get("/api2/notes", (c) => c.json([{ id: 1, text: "hi" }]));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [{ method: "GET", path: "/api2/notes", origin: "ORIGIN", headers: [bearer], credentials: true }],
    check: [],
  },
];

/**
 * A correct Hono app (the set's correct Hono configuration): the project's own CORS middleware made
 * with createMiddleware, registered before the routes, an allowlist over the two front ends echoed
 * back with credentials, the preflight answered 204. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT11_HONO_CORRECT = `import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { serve } from "@hono/node-server";

const FRONT_ENDS = ["ORIGIN", "ORIGIN2"];

const corsForFrontEnds = createMiddleware(async (c, next) => {
  const origin = c.req.header("Origin");
  if (!origin || !FRONT_ENDS.includes(origin)) return next();
  if (c.req.method === "OPTIONS" && c.req.header("Access-Control-Request-Method")) {
    return c.body(null, 204, {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Credentials": "true",
      "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
      "Access-Control-Allow-Headers": "Content-Type, Authorization",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    });
  }
  await next();
  c.header("Access-Control-Allow-Origin", origin);
  c.header("Access-Control-Allow-Credentials", "true");
  c.header("Vary", "Origin");
});

const app = new Hono();
app.use("/api/*", corsForFrontEnds);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", async (c) => c.json({ id: c.req.param("id"), ...(await c.req.json()) }));
app.get("/api/me", (c) => c.json({ user: "ada" }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`;
