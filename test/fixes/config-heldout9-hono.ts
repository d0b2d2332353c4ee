/**
 * Issue #23's ninth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/kdeps/kdeps/issues/468 — "CORS preflight requests are rejected with 401
    // before CORS middleware runs (auth registered before CORS)": middleware runs in registration
    // order, the bearer-token check comes first and the preflight carries no token. Root: the
    // bearerAuth line registered before cors().
    name: "heldout9 Hono: bearerAuth registered before cors(), the preflight is answered 401",
    url: "https://github.com/kdeps/kdeps/issues/468",
    rootText: 'app.use("/api/*", bearerAuth({ token: process.env.API_TOKEN || "dev-token" }));',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use("/api/*", bearerAuth({ token: process.env.API_TOKEN || "dev-token" }));
app.use(
  "/api/*",
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type"],
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer dev-token"]],
      },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN2",
        headers: [...json, ["Authorization", "Bearer dev-token"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/upstash/jstack/pull/37 — "Request header field content-type is not allowed by
    // Access-Control-Allow-Headers in preflight response": Hono's cors() given an allowHeaders list
    // without Content-Type while the front end posts JSON. Root: the allowHeaders line.
    name: "heldout9 Hono: cors() allowHeaders without Content-Type, the JSON POST's preflight refused",
    url: "https://github.com/upstash/jstack/pull/37",
    rootText: 'allowHeaders: ["x-is-superjson", "Authorization"],',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const api = new Hono().basePath("/api");

api.use(
  "*",
  cors({
    origin: (origin) => (["ORIGIN", "ORIGIN2"].includes(origin) ? origin : null),
    allowHeaders: ["x-is-superjson", "Authorization"],
    exposeHeaders: ["x-is-superjson"],
    credentials: true,
  }),
);

api.get("/items", (c) => c.json([{ id: 1 }]));
api.post("/items", async (c) => c.json({ id: 2 }, 201));

serve({ fetch: api.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
];
