/**
 * Issue #23's fifteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT15_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/icebear0828/codex-proxy/pull/447 — "fix: handle OPTIONS preflight requests": the
    // proxy adds a global `app.options("*")` handler ahead of its other middleware, answering preflights
    // with the origin reflected and the requested headers; the review's second point: the real GET/POST
    // answers carry no Access-Control-Allow-Origin, so a cross-origin client passes the preflight and is
    // still refused. Written with the proxy's model list and chat routes, the dashboard as the page.
    // Root: the OPTIONS-only handler.
    name: "heldout15 Hono: a global OPTIONS handler answers the preflight, the real answers carry no Allow-Origin",
    url: "https://github.com/icebear0828/codex-proxy/pull/447",
    rootText: 'app.options("*", (c) => {',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const app = new Hono();

// Answer browser / client preflight requests before the route middleware.
app.options("*", (c) => {
  const origin = c.req.header("Origin") ?? "*";
  return c.body(null, 204, {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "Content-Type, Authorization",
    "Access-Control-Max-Age": "86400",
    Vary: "Origin",
  });
});

app.use("*", async (c, next) => {
  c.header("X-Request-Id", crypto.randomUUID());
  await next();
});

app.get("/v1/models", (c) => c.json({ object: "list", data: [{ id: "gpt-5-codex", object: "model" }] }));
app.post("/v1/chat/completions", async (c) => {
  const body = await c.req.json();
  return c.json({ id: "chatcmpl-1", model: body.model ?? "gpt-5-codex", choices: [] });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8080, hostname: "127.0.0.1" });
`,
    calls: [
      {
        method: "GET",
        path: "/v1/models",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer pwd"]],
      },
      {
        method: "POST",
        path: "/v1/chat/completions",
        origin: "ORIGIN",
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer pwd"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/inversify/monorepo/issues/1837 — "CorsMiddleware fails to intercept OPTIONS
    // preflight requests unless route is explicitly defined": with the Hono adapter, the CORS middleware
    // runs only as part of the controller's routes, so the preflight of the GET matches no route and gets
    // Hono's 404 ("CorsMiddleware kicks in when we uncomment" an @Options route). InversifyJS is not
    // installed here: the app is written as the Hono app the adapter builds, hono/cors given to the GET
    // route. Root: cors() attached to the GET route only.
    name: "heldout15 Hono: cors() given to the GET route only, the credentialed call's preflight matches no route (404)",
    url: "https://github.com/inversify/monorepo/issues/1837",
    rootText: 'app.get("/test-cors", corsMiddleware, async (c) => {',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

const corsMiddleware = cors({
  credentials: true,
  origin: ["ORIGIN"],
});

// @Controller("/test-cors") class TestCorsController { @Get() foo() { return "bar"; } }
app.get("/test-cors", corsMiddleware, async (c) => {
  return c.text("bar");
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      {
        method: "GET",
        path: "/test-cors",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Authorization", "Bearer session-token"]],
      },
    ],
    check: [],
  },
];
