/**
 * Issue #23's ninth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/evert0n/koa-cors/issues/39 — "is it possible to declare multiple origins?":
    // the two front ends given to the CORS middleware as one comma-separated string, which it sends as
    // it is, so Access-Control-Allow-Origin holds two origins and matches neither. Root: the origin line.
    name: "heldout9 Koa: @koa/cors given two origins in one comma-separated string",
    url: "https://github.com/evert0n/koa-cors/issues/39",
    rootText: 'origin: "ORIGIN, ORIGIN2",',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});

app.use(
  cors({
    origin: "ORIGIN, ORIGIN2",
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
  }),
);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [],
  },
  {
    // https://github.com/koajs/cors/pull/63 — the CORS middleware mounted on the router with
    // router.use(): router middleware runs only for a matched method, so the browser's OPTIONS
    // preflight is answered by router.allowedMethods() (200, an Allow header) without any CORS header.
    // Root: the router.use(cors(...)) line.
    name: "heldout9 Koa: @koa/cors mounted with router.use(), allowedMethods answers the preflight without CORS",
    url: "https://github.com/koajs/cors/pull/63",
    rootText: 'router.use(cors({ origin: "ORIGIN" }));',
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const router = new Router({ prefix: "/api" });
router.use(cors({ origin: "ORIGIN" }));

router.get("/items", (ctx) => {
  ctx.body = [];
});
router.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});

const app = new Koa();
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
