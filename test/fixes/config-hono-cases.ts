/**
 * Broken Hono apps (hono/cors on @hono/node-server) as projects write them, each rebuilding a
 * situation public Q&A and issue threads report: `app.use("/api/*", cors())` after the routes, a
 * bearer-auth middleware ahead of cors answering the preflight with 401, `app.use("/api", cors())`
 * that matches /api alone, a fixed origin when a second front end arrives, the default `*` with
 * `credentials: true`, an origin function over an allowlist, `allowMethods`/`allowHeaders` lacking
 * what the page sends, cors() on one route only (the preflight finds no OPTIONS route), a
 * hand-written header middleware for another dev origin, no CORS at all. ORIGIN and ORIGIN2 are the
 * test pages' origins; the app listens on process.env.PORT.
 */
import type { ExpressCase } from "./config-express-cases";

const ROUTES = `app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.post("/api/items", (c) => c.json({ id: 2 }, 201));
app.put("/api/items/:id", (c) => c.json({ id: c.req.param("id") }));
app.delete("/api/items/:id", (c) => c.body(null, 204));
app.get("/api/me", (c) => c.json({ user: "ada" }));`;

const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });`;
const ESM = `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HONO_CASES: ExpressCase[] = [
  {
    name: "Hono: cors registered after the routes",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

${ROUTES}

app.use("/api/*", cors({ origin: "ORIGIN" }));

${SERVE}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [{ code: "cors-after-route", line: 13 }],
  },
  {
    name: "Hono: bearerAuth ahead of cors answers the preflight with 401",
    file: "index.mjs",
    app: `${ESM}
import { bearerAuth } from "hono/bearer-auth";

const app = new Hono();
const token = "s3cret";

app.use("/api/*", bearerAuth({ token }));
app.use(
  "/api/*",
  cors({
    origin: "ORIGIN",
    allowHeaders: ["Content-Type", "Authorization"],
  }),
);

${ROUTES}

${SERVE}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer s3cret"]],
      },
    ],
    check: [{ code: "cors-after-auth", line: 10 }],
  },
  {
    name: 'Hono: app.use("/api", cors()) matches /api alone',
    file: "server.mjs",
    app: `${ESM}

const app = new Hono();
app.use("/api", cors({ origin: ["ORIGIN"] }));

${ROUTES}

${SERVE}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [{ code: "hono-cors-exact-path", line: 6 }],
  },
  {
    name: "Hono: a fixed origin when a second front end arrives",
    file: "app.js",
    app: `const { Hono } = require("hono");
const { cors } = require("hono/cors");
const { serve } = require("@hono/node-server");

const app = new Hono();
app.use("*", cors({ origin: "ORIGIN", maxAge: 600 }));

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/2", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    name: "Hono: the default * with credentials: true",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();
app.use("/api/*", cors({ credentials: true }));

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 6 }],
  },
  {
    name: "Hono: an origin function over an allowlist that lacks the new front end",
    file: "index.mjs",
    app: `${ESM}

const TRUSTED_SITES = ["ORIGIN"];

const app = new Hono();
app.use(
  "/api/*",
  cors({
    origin: (origin) => (TRUSTED_SITES.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
  }),
);

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/3", origin: "ORIGIN2" },
    ],
    check: [],
  },
  {
    name: "Hono: allowMethods lacks DELETE",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();
app.use("/api/*", cors({ origin: "ORIGIN", allowMethods: ["GET", "POST", "PUT"] }));

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/4", origin: "ORIGIN" },
    ],
    check: [{ code: "methods-miss-routes", line: 6 }],
  },
  {
    name: "Hono: allowHeaders lacks X-Api-Key",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();
app.use(
  "/api/*",
  cors({
    origin: ["ORIGIN", "https://admin.example.com"],
    allowHeaders: ["Content-Type"],
    exposeHeaders: ["Content-Length"],
  }),
);

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: [...json, ["X-Api-Key", "k1"]] },
    ],
    check: [],
  },
  {
    name: "Hono: cors() on the PUT route only: no OPTIONS route for the preflight",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.get("/api/items", cors({ origin: "ORIGIN" }), (c) => c.json([]));
app.put("/api/items/:id", cors({ origin: "ORIGIN" }), (c) => c.json({ ok: true }));

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/5", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "cors-on-route-only", line: 8 }],
  },
  {
    name: "Hono: a hand-written middleware for the old dev origin",
    file: "index.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use("*", async (c, next) => {
  c.header("Access-Control-Allow-Origin", "http://localhost:5173");
  c.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  c.header("Access-Control-Allow-Headers", "Content-Type");
  if (c.req.method === "OPTIONS") {
    return c.body(null, 204);
  }
  await next();
});

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/6", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // Held out: written after the reader and run once before any change to it.
    name: "held-out: Hono sub-app under app.route, a list of origins and credentials",
    file: "index.mjs",
    app: `${ESM}

const api = new Hono();
api.get("/items", (c) => c.json([]));
api.get("/me", (c) => c.json({ user: "ada" }));

const app = new Hono();
app.use(
  "*",
  cors({
    origin: ["http://localhost:3000", "https://staging.example.com"],
    allowHeaders: ["Content-Type"],
    credentials: true,
  }),
);
app.route("/api", api);

${SERVE}
`,
    calls: [{ method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true }],
    check: [],
  },
  {
    name: "Hono: no CORS at all",
    file: "index.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const app = new Hono();

${ROUTES}

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "no-cors", line: 4 }],
  },
  {
    // An origin function over a RegExp: fix wraps it (the page's origin first, the rest as before).
    name: "Hono: an origin function testing a subdomain RegExp, the page on localhost",
    file: "index.mjs",
    app: `${ESM}

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: (origin) => (/^https:\\/\\/([a-z0-9-]+\\.)?shop\\.example\\.com$/.test(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
  }),
);

${ROUTES}

${SERVE}
`,
    calls: [{ method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json }],
    check: [],
  },
];

export const HONO_CORRECT: string[] = [
  `${ESM}
const app = new Hono();
app.use("/api/*", cors({ origin: ["https://app.example.com"], credentials: true }));
${ROUTES}
`,
  `${ESM}
const app = new Hono();
app.use("*", cors());
${ROUTES}
`,
];
