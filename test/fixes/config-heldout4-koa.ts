/**
 * Issue #23's fourth never-seen measure, Koa: broken apps rebuilt from public reports (cited above
 * each case; situation rebuilt, no text copied), written blind to the readers. `ORIGIN` is the
 * suite's page origin. `rootText`: the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT4_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/firefox-devtools/profiler-server/pull/40 — @koa/cors attached to the router
    // (router.use): koa-router runs its middleware only when a route matches the method, and no
    // route takes OPTIONS, so the preflight is answered by allowedMethods() without CORS headers.
    // Root: the router.use(cors()) line.
    name: "heldout4 Koa: cors attached to the router, the preflight matches no route",
    // Refused on the first run (the app is made in createApp(); see HELDOUT4.md); fixed since: the
    // factory's body is read, and the router's cors() is moved onto the app.
    url: "https://github.com/firefox-devtools/profiler-server/pull/40",
    rootText: "router.use(cors());",
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

function createApp() {
  const app = new Koa();
  const router = new Router();

  router.use(cors());

  router.get("/api/items", (ctx) => {
    ctx.body = [{ id: 1 }];
  });
  router.post("/api/items", (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 2 };
  });

  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

createApp().listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/evert0n/koa-cors/issues/7 — HTTP Basic authentication for the REST API is
    // used ahead of the CORS middleware: the preflight (no credentials) is refused 401 before any
    // CORS header is set. Root: the basic-auth app.use.
    name: "heldout4 Koa: basic auth used before the CORS middleware refuses the preflight",
    url: "https://github.com/evert0n/koa-cors/issues/7",
    rootText: "app.use(basicAuth);",
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router();

// HTTP Basic for the whole REST API
async function basicAuth(ctx, next) {
  const [scheme, encoded] = (ctx.get("Authorization") || "").split(" ");
  const [name, pass] = Buffer.from(encoded || "", "base64").toString().split(":");
  if (scheme !== "Basic" || name !== "bob" || pass !== "secret") {
    ctx.set("WWW-Authenticate", 'Basic realm="api"');
    ctx.throw(401);
  }
  await next();
}

app.use(basicAuth);
app.use(cors({ origin: "ORIGIN", credentials: true }));

router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [["Authorization", `Basic ${Buffer.from("bob:secret").toString("base64")}`]],
      },
    ],
    check: [],
  },
];

/** A correct Koa app (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT4_KOA_CORRECT = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router();

const allowed = new Set(["ORIGIN", "ORIGIN2"]);

app.use(
  cors({
    origin: (ctx) => (allowed.has(ctx.get("Origin")) ? ctx.get("Origin") : ""),
    credentials: true,
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization"],
  }),
);

router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/api/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});
router.get("/api/me", (ctx) => {
  ctx.body = { user: "ada" };
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
