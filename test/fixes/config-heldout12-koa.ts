/**
 * Issue #23's twelfth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT12_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/koa/issues/423 — "this.throw() ignores other headers": the access
    // control headers are set by the app's first middleware, but when a handler throws ("boom") Koa's
    // default error handling answers the 500 with its headers reset, so the page cannot read the
    // error (throwing behaves unlike setting status and body). Root: the throw in the handler.
    name: "heldout12 Koa: a route's ctx.throw('boom') 500 is answered with the hand-set CORS headers reset",
    url: "https://github.com/koajs/koa/issues/423",
    rootText: 'ctx.throw("boom");',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "*");
  ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  ctx.set("Access-Control-Allow-Headers", "Content-Type");
  await next();
});

router.get("/api/reports", (ctx) => {
  ctx.body = [{ id: 42, status: "ready" }];
});
router.get("/api/reports/:id/export", (ctx) => {
  if (ctx.params.id !== "42") {
    ctx.throw("boom");
  }
  ctx.body = { id: 42, rows: [] };
});

app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/reports", origin: "ORIGIN" },
      { method: "GET", path: "/api/reports/7/export", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/koa/issues/411 — "Retain CORS headers in onerror": the CORS headers are
    // set in a middleware, and an unhandled this.throw (here the session check's 401) goes to Koa's
    // onerror, which strips them; the front end cannot tell a logged-out user from a network failure
    // ("your app should handle this"). Root: the 401 throw left to Koa's default error handling.
    name: "heldout12 Koa: the session check's ctx.throw(401) reaches Koa's onerror, the CORS headers stripped",
    url: "https://github.com/koajs/koa/issues/411",
    rootText: 'ctx.throw(401, "not logged in");',
    file: "server.js",
    app: `const Koa = require("koa");

const app = new Koa();

// CORS for the front ends
app.use(async (ctx, next) => {
  const origin = ctx.get("Origin");
  if (origin === "ORIGIN" || origin === "ORIGIN2") {
    ctx.set("Access-Control-Allow-Origin", origin);
    ctx.set("Access-Control-Allow-Credentials", "true");
    ctx.vary("Origin");
  }
  await next();
});

// Session check
app.use(async (ctx, next) => {
  if (ctx.path.startsWith("/api/me") && !ctx.cookies.get("sid")) {
    ctx.throw(401, "not logged in");
  }
  await next();
});

app.use((ctx) => {
  if (ctx.path === "/api/items") ctx.body = [{ id: 1 }];
  if (ctx.path === "/api/me") ctx.body = { user: "ada" };
});

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN", credentials: true },
      { method: "GET", path: "/api/me", origin: "ORIGIN2", credentials: true },
    ],
    check: [],
  },
];
