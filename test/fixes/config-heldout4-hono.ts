/**
 * Issue #23's fourth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; situation rebuilt, no text copied), written blind to the readers. `ORIGIN` and
 * `ORIGIN2` are the suite's two page origins. `rootText`: the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const SERVE = `serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });`;

export const HELD_OUT4_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/honojs/hono/issues/3816 — two cors() policies (the session front end with
    // credentials, any site with the API-key header) chosen per request by a middleware that looks
    // for the key header: the preflight never carries it, so the key users get the session policy
    // and are refused. Root: the line reading the key header to choose.
    name: "heldout4 Hono: the cors policy is chosen by a header the preflight does not carry",
    // Since the first run: refused with the reason (see HELDOUT4.md), asserted.
    expect: "cannot",
    said: "the code on line 23 is not one CORS Lens can evaluate",
    url: "https://github.com/honojs/hono/issues/3816",
    rootText: 'const apiKey = c.req.header("x-frontida-key");',
    file: "index.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { serve } from "@hono/node-server";

const corsForSession = cors({
  origin: "ORIGIN",
  credentials: true,
});

const corsForApiKey = cors({
  origin: "*",
  allowHeaders: ["x-frontida-key"],
});

const corsExtension = createMiddleware(async (c, next) => {
  const origin = c.req.header("origin");
  console.log(\`CORS middleware: \${c.req.url} with origin of \${origin}\`);
  const apiKey = c.req.header("x-frontida-key");
  if (apiKey) {
    return corsForApiKey(c, next);
  }
  return corsForSession(c, next);
});

const app = new Hono();
app.use("*", corsExtension);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.get("/api/me", (c) => c.json({ user: "ada" }));

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/api/items", origin: "ORIGIN2", headers: [["x-frontida-key", "pk_live_1"]] },
    ],
    check: [],
  },
  {
    // https://github.com/honojs/hono/pull/4813 — cors({ origin: "*", credentials: true }): the
    // middleware answers `*` with Allow-Credentials true, which the browser refuses for a call
    // with cookies. Root: the origin "*" line.
    name: "heldout4 Hono: origin * with credentials true, the cookie call refused",
    url: "https://github.com/honojs/hono/pull/4813",
    rootText: 'origin: "*",',
    file: "index.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();

app.use(
  "/api/*",
  cors({
    origin: "*",
    credentials: true,
  }),
);

app.get("/api/items", (c) => c.json([{ id: 1 }]));
app.get("/api/me", (c) => c.json({ user: "ada" }));

${SERVE}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];
