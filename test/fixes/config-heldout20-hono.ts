/**
 * Issue #23's twentieth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT20_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/masumi-network/sokosumi/pull/3997 — "fix(core): allow x-request-id in CORS
    // preflight for browser Core client": a change to the web app made its browser API client send an
    // `x-request-id` header with every call, while the Core API's v1 CORS middleware (Hono's cors) lists
    // only its usual request headers, so browsers refused the preflight of every Core call (the Drive file
    // list among them); the PR adds X-Request-Id to allowHeaders. The v1 app is written as the Hono app it
    // is (routes as stubs, no OpenAPI layer), the web app as the page. Root: the allowHeaders list without
    // X-Request-Id.
    name: "heldout20 Hono: the v1 CORS allowHeaders has no X-Request-Id, every traced browser call refused at the preflight",
    url: "https://github.com/masumi-network/sokosumi/pull/3997",
    rootText: 'allowHeaders: ["Content-Type", "Authorization"],',
    file: "core.mjs",
    app: `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";

const app = new Hono().basePath("/v1");

app.use(
  "*",
  cors({
    origin: ["ORIGIN", "https://app.sokosumi.com"],
    allowHeaders: ["Content-Type", "Authorization"],
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    credentials: true,
    maxAge: 600,
  }),
);

app.get("/drive/files", (c) => c.json({ data: [{ id: "f1", name: "brief.pdf" }] }));
app.get("/agents", (c) => c.json({ data: [{ id: "a1", name: "Research agent" }] }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      {
        method: "GET",
        path: "/v1/drive/files",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Authorization", "Bearer sk-sokosumi-test"],
          ["X-Request-Id", "req_01J9ZK3V"],
        ],
      },
      {
        method: "GET",
        path: "/v1/agents",
        origin: "ORIGIN",
        credentials: true,
        headers: [
          ["Authorization", "Bearer sk-sokosumi-test"],
          ["X-Request-Id", "req_01J9ZK3W"],
        ],
      },
    ],
    check: [],
  },
];
