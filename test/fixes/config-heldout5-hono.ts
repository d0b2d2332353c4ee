/**
 * Issue #23's fifth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ESM = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";`;
const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 8787, hostname: "127.0.0.1" });`;

export const HELD_OUT5_HONO: Array<ExpressCase & Held3> = [
  {
    // https://blog.sethonne.dev/how-to — the origin list works for the Vercel domain but not for the
    // new custom domain, written with a trailing slash: the browser's Origin never has one, so the
    // exact match fails. Root: the slashed entry.
    name: "heldout5 Hono: the custom domain in the origin list has a trailing slash",
    url: "https://blog.sethonne.dev/how-to",
    rootText: '"ORIGIN/", // custom domain',
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.use(
  cors({
    origin: [
      "http://localhost:3000",
      "https://my-app.vercel.app",
      "ORIGIN/", // custom domain
    ],
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization"],
    credentials: true,
  }),
);

app.get("/api/tasks", (c) => c.json([{ id: 1 }]));
app.post("/api/tasks", (c) => c.json({ id: 2 }, 201));

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/tasks", origin: "ORIGIN", credentials: true },
      {
        method: "POST",
        path: "/api/tasks",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://dpklabs.com/blog/avoiding-cors-issues-with-hono-sst-and-api-gateway — "missing or
    // incorrect headers": the front end sends its bearer token in Authorization, the cors() options
    // allow Content-Type only. Root: the allowHeaders line.
    name: "heldout5 Hono: allowHeaders lists Content-Type only, the bearer-token calls refused",
    url: "https://dpklabs.com/blog/avoiding-cors-issues-with-hono-sst-and-api-gateway",
    rootText: 'allowHeaders: ["Content-Type"],',
    file: "index.mjs",
    app: `${ESM}

const WEB_URL = process.env.WEB_URL ?? "ORIGIN";

const app = new Hono().basePath("/api");

app.use(
  "*",
  cors({
    origin: WEB_URL,
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type"],
    credentials: true,
  }),
);

app.get("/items", (c) => c.json([{ id: 1 }]));
app.put("/items/:id", (c) => c.json({ id: c.req.param("id") }));

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", headers: [["Authorization", "Bearer t0k3n"]] },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer t0k3n"],
        ],
      },
    ],
    check: [],
  },
];

/**
 * Set 5's correct Hono app (config-heldout5-check.fixes.test.ts serves it): cors() on /api/* before
 * the routes, an origin function over two front ends, credentials, the pages' methods and headers.
 */
export const HELD_OUT5_HONO_CORRECT = `${ESM}

const ALLOWED = ["ORIGIN", "ORIGIN2"];

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: (origin) => (ALLOWED.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization"],
    credentials: true,
    maxAge: 600,
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
app.get("/api/me", (c) => c.json({ user: "ada" }));

${SERVE}
`;
