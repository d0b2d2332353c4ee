/**
 * Issue #23's sixth never-seen measure, Hono (on @hono/node-server): broken apps rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2
 * are the test pages' origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const HEAD = `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
`;
const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });\n`;

export const HELD_OUT6_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/middleware/issues/531 — the cors middleware given in the route's own
    // definition, next to the auth middleware, instead of app.use(): the browser's OPTIONS preflight
    // matches no route (404), and the GET route has no CORS at all. Root: the POST route's line.
    name: "heldout6 Hono: cors() in the POST route's definition, the preflight matches no route",
    url: "https://github.com/honojs/middleware/issues/531",
    rootText: 'app.post("/api/items", corsMiddleware, requireToken, async (c) => {',
    file: "index.mjs",
    app: `${HEAD}
const app = new Hono();

const corsMiddleware = cors({
  origin: "ORIGIN",
  allowHeaders: ["Content-Type", "Authorization"],
  allowMethods: ["POST", "OPTIONS"],
  maxAge: 600,
  credentials: true,
});

const requireToken = async (c, next) => {
  if (!c.req.header("Authorization")) return c.json({ error: "unauthorized" }, 401);
  await next();
};

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.post("/api/items", corsMiddleware, requireToken, async (c) => {
  return c.json({ id: 2 }, 201);
});

${SERVE}`,
    calls: [
      {
        method: "POST",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/website/pull/283 — the `origin` option's function must return the
    // origin to allow; written as a yes/no check (Express's callback style), it returns true, and Hono
    // sends "true" as Allow-Origin. Root: the origin function's line.
    name: "heldout6 Hono: the origin function returns true/false, Allow-Origin: true is sent",
    url: "https://github.com/honojs/website/pull/283",
    rootText: "origin: (origin) => allowed.has(origin),",
    file: "server.mjs",
    app: `${HEAD}
const allowed = new Set([process.env.WEB_URL || "ORIGIN", process.env.ADMIN_URL || "ORIGIN2"]);

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: (origin) => allowed.has(origin),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type"],
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", async (c) => c.json({ id: c.req.param("id") }));

${SERVE}`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];
