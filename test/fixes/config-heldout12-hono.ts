/**
 * Issue #23's twelfth never-seen measure, Hono: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT12_HONO: Array<ExpressCase & Held3> = [
  {
    // https://github.com/anomalyco/opencode/pull/748 — "Add cors middleware for firefox localhost
    // development": the local Hono server has no CORS middleware at all, so the web client on another
    // port is refused (Firefox first). Root: the app built without cors().
    name: "heldout12 Hono: the local server registers no CORS middleware at all, the web client refused",
    url: "https://github.com/anomalyco/opencode/pull/748",
    rootText: "const app = new Hono();",
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { serve } from "@hono/node-server";

const sessions = [{ id: "ses_1", title: "first session" }];

const app = new Hono();

app.get("/session", (c) => c.json(sessions));
app.post("/session/:id/message", async (c) => {
  const body = await c.req.json();
  return c.json({ session: c.req.param("id"), parts: body.parts ?? [] });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 4096, hostname: "127.0.0.1" });
`,
    calls: [
      { method: "GET", path: "/session", origin: "ORIGIN" },
      { method: "POST", path: "/session/ses_1/message", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/ding113/claude-code-hub/pull/287 — "Fix cors preflight": the proxy's Hono
    // routes run the API-key guard before anything answers CORS, and the preflight carries no key, so
    // it is refused 401 and the browser/Electron client never sends the call. Root: the guard
    // registered ahead of cors().
    name: "heldout12 Hono: the API-key guard runs before cors(), the key-less preflight answered 401",
    url: "https://github.com/ding113/claude-code-hub/pull/287",
    rootText: 'app.use("/v1/*", apiKeyGuard);',
    file: "server.mjs",
    app: `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const apiKeyGuard = async (c, next) => {
  const key = c.req.header("x-api-key") ?? c.req.header("authorization")?.replace(/^Bearer /, "");
  if (!key) return c.json({ error: { type: "authentication_error", message: "missing api key" } }, 401);
  await next();
};

const app = new Hono();

app.use("/v1/*", apiKeyGuard);
app.use(
  "/v1/*",
  cors({
    origin: "*",
    allowHeaders: ["authorization", "x-api-key", "content-type", "anthropic-version"],
    allowMethods: ["GET", "POST", "OPTIONS"],
    exposeHeaders: ["x-request-id"],
  }),
);

app.post("/v1/messages", async (c) => c.json({ id: "msg_1", content: [{ type: "text", text: "hi" }] }));

serve({ fetch: app.fetch, port: Number(process.env.PORT) || 3000, hostname: "127.0.0.1" });
`,
    calls: [
      {
        method: "POST",
        path: "/v1/messages",
        origin: "ORIGIN",
        headers: [...json, ["x-api-key", "sk-test-1"]],
      },
    ],
    check: [],
  },
];
