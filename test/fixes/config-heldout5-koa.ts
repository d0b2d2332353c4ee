/**
 * Issue #23's fifth never-seen measure, Koa: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT5_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/router/issues/130 — nested routers, @koa/cors given to the nested
    // router with router.use(): it runs only when a route of that router matches, and no route
    // matches the OPTIONS preflight (answered 404 / by allowedMethods without CORS). Root: the
    // router.use(cors(...)) line.
    name: "heldout5 Koa: cors() used on the nested router, the preflight matches no route",
    // Refused on the first run (see HELDOUT5.md: a router used inside another); read since routers
    // nested as @koa/router copies them (2026-12-06).
    url: "https://github.com/koajs/router/issues/130",
    rootText: 'items.use(cors({ origin: process.env.WEB_APP_URL || "ORIGIN" }));',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const api = new Router({ prefix: "/api" });
const items = new Router();

items.use(cors({ origin: process.env.WEB_APP_URL || "ORIGIN" }));
items.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
items.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});

api.use(items.routes(), items.allowedMethods());
app.use(api.routes()).use(api.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/cors/issues/28 — cors() given to one route only
    // (`router.get('/someUrl', cors(), ...)`): the browser's OPTIONS preflight for the page's POST and
    // DELETE never reaches it. Root: the route-level cors() line.
    name: "heldout5 Koa: cors() on the GET route only, the POST and DELETE preflights never reach it",
    url: "https://github.com/koajs/cors/issues/28",
    rootText: 'router.get("/api/notes", cors(corsOptions), async (ctx) => {',
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const corsOptions = { origin: "ORIGIN", allowMethods: "GET,POST,DELETE" };

const app = new Koa();
const router = new Router();

router.get("/api/notes", cors(corsOptions), async (ctx) => {
  ctx.body = [{ id: 1, text: "hello" }];
});
router.post("/api/notes", async (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
});
router.delete("/api/notes/:id", async (ctx) => {
  ctx.status = 204;
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/notes", origin: "ORIGIN" },
      { method: "POST", path: "/api/notes", origin: "ORIGIN", headers: json },
      { method: "DELETE", path: "/api/notes/1", origin: "ORIGIN" },
    ],
    check: [],
  },
];
