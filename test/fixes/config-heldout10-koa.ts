/**
 * Issue #23's tenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT10_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/koa/issues/1127 — "response headers will be ignored/removed while using
    // ctx.throw": the app sets Access-Control-Allow-Origin in its own middleware, but when a route
    // throws (a 404 the front end wants to read), Koa's default error handler resets the headers and
    // the error reaches the page without it. Root: the middleware that sets the header with no error
    // handling around next().
    name: "heldout10 Koa: a hand-set Allow-Origin is dropped when a route ctx.throw()s (404)",
    url: "https://github.com/koajs/koa/issues/1127",
    rootText: 'ctx.set("Access-Control-Allow-Origin", "*");',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "*");
  await next();
});

const router = new Router({ prefix: "/api" });
router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.get("/items/:id", (ctx) => {
  const id = Number(ctx.params.id);
  if (id !== 1) ctx.throw(404, "item not found");
  ctx.body = { id };
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items/42", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/koa/issues/689 — the front end keeps its session in a cookie and sends
    // every call with credentials, but the CORS middleware is used with its defaults: Allow-Origin '*'
    // and no Allow-Credentials (the thread's answer: stop using the wildcard, turn credentials on).
    // Root: the cors() line.
    name: "heldout10 Koa: @koa/cors with its defaults ('*', no credentials), the cookie calls refused",
    url: "https://github.com/koajs/koa/issues/689",
    rootText: "app.use(cors());",
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.post("/login", (ctx) => {
  ctx.cookies.set("sid", "s1", { httpOnly: true });
  ctx.body = { ok: true };
});
router.get("/me", (ctx) => {
  ctx.body = { user: ctx.cookies.get("sid") ? "ada" : null };
});

app.use(cors());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "POST", path: "/api/login", origin: "ORIGIN", headers: json, credentials: true },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/FreeFeed/freefeed-server/pull/390 — "Add Authorization header to
    // Access-Control-Allow-Headers": the server's own CORS middleware lists its old token header
    // only, and the client now sends `Authorization: Bearer …`, so the preflight is refused. Root:
    // the Allow-Headers line.
    name: "heldout10 Koa: the app's CORS middleware lists X-Authentication-Token, not Authorization",
    url: "https://github.com/FreeFeed/freefeed-server/pull/390",
    rootText:
      'ctx.set("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, X-Authentication-Token");',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "*");
  ctx.set("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, X-Authentication-Token");
  ctx.set("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS");
  ctx.set("Access-Control-Expose-Headers", "Date, X-Freefeed-Server");
  if (ctx.method === "OPTIONS") {
    ctx.status = 200;
    return;
  }
  await next();
});

const router = new Router({ prefix: "/v2" });
router.get("/timelines/home", (ctx) => {
  ctx.body = { timelines: { id: "home" }, posts: [] };
});
router.post("/posts", (ctx) => {
  ctx.status = 201;
  ctx.body = { posts: { id: "p1" } };
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      {
        method: "GET",
        path: "/v2/timelines/home",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer t0k3n"]],
      },
      {
        method: "POST",
        path: "/v2/posts",
        origin: "ORIGIN2",
        headers: [...json, ["Authorization", "Bearer t0k3n"]],
      },
    ],
    check: [],
  },
];
