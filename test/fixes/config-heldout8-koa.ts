/**
 * Issue #23's eighth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT8_KOA: Array<ExpressCase & Held3> = [
  {
    // https://stackoverflow.com/questions/44775299/why-cant-koa-router-be-put-before-koa-cors — @koa/cors
    // used after the router: the matched routes answer without calling next(), so the CORS middleware
    // never runs for them. Root: the app.use(cors(...)) line below the router.
    name: "heldout8 Koa: @koa/cors used after router.routes(), the routes answer without it",
    url: "https://stackoverflow.com/questions/44775299/why-cant-koa-router-be-put-before-koa-cors",
    rootText: 'app.use(cors({ origin: "ORIGIN" }));',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.post("/items", (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
});

app.use(router.routes());
app.use(router.allowedMethods());
app.use(cors({ origin: "ORIGIN" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/cors/pull/68 — @koa/cors given a credentials function that allows
    // credentials for a list of trusted front ends only (the production one): the page's session call,
    // made with cookies, gets no Access-Control-Allow-Credentials. Root: the TRUSTED list line.
    name: "heldout8 Koa: a credentials function trusting the production front end only, the cookie call refused",
    url: "https://github.com/koajs/cors/pull/68",
    rootText: 'const TRUSTED = ["https://app.example.com"];',
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const TRUSTED = ["https://app.example.com"];

const router = new Router({ prefix: "/api" });
router.get("/items", (ctx) => {
  ctx.body = [];
});
router.get("/session", (ctx) => {
  ctx.body = { user: "ada" };
});

const app = new Koa();
app.use(
  cors({
    credentials: (ctx) => TRUSTED.includes(ctx.get("Origin")),
  }),
);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/session", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
];
