/**
 * Issue #23's sixteenth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT16_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/MCPJam/inspector/pull/859 — "Replace ports": the inspector's createHonoApp() puts
    // hono/cors on every route with a fixed origin list and credentials; the change keeps the Electron
    // renderer (8080) and the server's own port (6274) and drops 5173, and the review points out that the
    // web dev client runs on Vite's 5173 and is now refused ("CORS origins need adjustment for web dev
    // mode"). The web dev client is the page. Root: the origin list that leaves the dev client out.
    name: "heldout16 Hono: the origin list keeps the Electron and server ports only, the Vite dev client refused",
    url: "https://github.com/MCPJam/inspector/pull/859",
    rootText: "origin: [",
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const servers = new Map([["everything", { name: "everything", status: "connected" }]]);

function createMcpRoutes() {
  const mcp = new Hono();
  mcp.get("/servers", (c) => c.json({ success: true, servers: [...servers.values()] }));
  mcp.post("/connect", async (c) => {
    const { serverConfig } = await c.req.json();
    servers.set(serverConfig.name, { name: serverConfig.name, status: "connected" });
    return c.json({ success: true, status: "connected" });
  });
  return mcp;
}

export function createHonoApp() {
  const app = new Hono();
  app.use(
    "*",
    cors({
      origin: [
        "http://localhost:8080",
        "http://localhost:6274",
        "http://127.0.0.1:6274",
      ],
      credentials: true,
    }),
  );
  app.route("/api/mcp", createMcpRoutes());
  app.get("/health", (c) => c.json({ status: "ok" }));
  return app;
}

const app = createHonoApp();
serve({ fetch: app.fetch, port: Number(process.env.PORT) || 6274, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/mcp/servers", origin: "ORIGIN", credentials: true },
      {
        method: "POST",
        path: "/api/mcp/connect",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/hono/issues/2681 — "When using `new Response` as a return value, the
    // headers set by `c.header()` are lost in the actual response": a middleware sets headers with
    // c.header() before `await next()`, and a handler that returns a Response it built itself (instead of
    // c.text/c.json) goes out without them. With the app's hand-written CORS middleware setting
    // Access-Control-Allow-Origin that way, the export endpoint that returns its CSV as `new Response`
    // comes back without the header and the page cannot read it. Written with the report list and its
    // CSV export. Root: the Allow-Origin set by c.header() before next().
    name: "heldout16 Hono: the CORS middleware's c.header() is lost on the handler's own new Response, the CSV export refused",
    url: "https://github.com/honojs/hono/issues/2681",
    rootText: 'c.header("Access-Control-Allow-Origin", requestOrigin);',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const TRUSTED = ["ORIGIN", "ORIGIN2"];
const REPORTS = [{ id: 7, title: "Weekly signups", rows: [["2026-11-30", 41], ["2026-12-01", 37]] }];

const app = new Hono();

app.use("*", async (c, next) => {
  const requestOrigin = c.req.header("Origin");
  if (requestOrigin && TRUSTED.includes(requestOrigin)) {
    c.header("Access-Control-Allow-Origin", requestOrigin);
    c.header("Vary", "Origin");
  }
  if (c.req.method === "OPTIONS") {
    c.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    c.header("Access-Control-Allow-Headers", "Content-Type");
    return c.body(null, 204);
  }
  await next();
});

app.get("/api/reports", (c) => c.json(REPORTS.map(({ id, title }) => ({ id, title }))));
app.get("/api/reports/:id/export", (c) => {
  const report = REPORTS.find((r) => r.id === Number(c.req.param("id")));
  const csv = ["day,signups", ...(report?.rows ?? []).map((row) => row.join(","))].join("\\n");
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8" } });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/api/reports", origin: "ORIGIN" },
      { method: "GET", path: "/api/reports/7/export", origin: "ORIGIN" },
    ],
    check: [],
  },
];
