/**
 * Issue #23's seventh never-seen measure, Koa: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/ZijianHe/koa-router/issues/482 — @koa/cors mounted with router.use(): router
    // middleware runs only for a matched route, and no route takes OPTIONS, so the preflight gets the
    // router's allowedMethods answer without CORS. Root: the router.use(cors(...)) line.
    name: "heldout7 Koa: @koa/cors mounted with router.use(), the preflight matches no route",
    url: "https://github.com/ZijianHe/koa-router/issues/482",
    rootText: 'router.use(cors({ origin: "ORIGIN" }));',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.use(cors({ origin: "ORIGIN" }));

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.post("/items", (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/cors/issues/19 — options given to @koa/cors narrow allowMethods to
    // 'GET,HEAD' (copied from a read-only example): the page's PUT preflight is refused.
    // Root: the allowMethods line.
    name: "heldout7 Koa: allowMethods 'GET,HEAD' given to @koa/cors, the PUT refused",
    url: "https://github.com/koajs/cors/issues/19",
    rootText: 'allowMethods: "GET,HEAD",',
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

function createApp() {
  const app = new Koa();
  const router = new Router();

  router.get("/api/items", (ctx) => {
    ctx.body = [];
  });
  router.put("/api/items/:id", (ctx) => {
    ctx.body = { id: ctx.params.id };
  });

  app.use(
    cors({
      origin: "ORIGIN",
      allowMethods: "GET,HEAD",
      keepHeadersOnError: true,
    }),
  );
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}

createApp().listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
