/**
 * Issue #23's seventh never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/mastra-ai/mastra/issues/3460 — middleware order around hono/cors: the
    // project's token middleware is registered before cors(), so the preflight (no Authorization)
    // is answered 401 before cors() runs. Root: the app.use of the token middleware.
    name: "heldout7 Hono: a token middleware registered before cors() answers the preflight 401",
    url: "https://github.com/mastra-ai/mastra/issues/3460",
    rootText: 'app.use("/api/*", requireToken);',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { serve } from "@hono/node-server";

const requireToken = createMiddleware(async (c, next) => {
  const auth = c.req.header("Authorization");
  if (!auth?.startsWith("Bearer ")) return c.json({ error: "unauthorized" }, 401);
  await next();
});

const app = new Hono();

app.use("/api/*", requireToken);
app.use("/api/*", cors({ origin: "ORIGIN", allowHeaders: ["Authorization", "Content-Type"] }));

app.get("/api/items", (c) => c.json([]));
app.post("/api/items", (c) => c.json({ id: 1 }, 201));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["Authorization", "Bearer t"]] },
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
    // https://github.com/honojs/hono/issues/4811 — hono/cors with credentials: true and the default
    // origin "*": the middleware sends Allow-Origin * with Allow-Credentials true, which a credentialed
    // request refuses. Root: the cors({ credentials: true }) line.
    name: "heldout7 Hono: cors({ credentials: true }) with the default origin '*', the cookie call refused",
    url: "https://github.com/honojs/hono/issues/4811",
    rootText: 'app.use("/api/*", cors({ credentials: true, allowHeaders: ["Content-Type"] }));',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use("/api/*", cors({ credentials: true, allowHeaders: ["Content-Type"] }));

app.get("/api/items", (c) => c.json([]));
app.get("/api/session", (c) => c.json({ user: "ada" }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/session", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];

/**
 * A correct Hono app (the set's correct Hono configuration): cors() first on /api/*, an origin list
 * over two front ends, credentials, the headers the page sends. ORIGIN and ORIGIN2: the two front ends.
 */
export const HELD_OUT7_HONO_CORRECT = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization"],
    credentials: true,
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
app.get("/api/me", (c) => c.json({ user: "ada" }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`;
