/**
 * Issue #23's sixth never-seen measure, Koa: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT6_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/cors/issues/12 — two front ends given to @koa/cors as an array of
    // origins: the middleware takes a string or a function, the array is set as the header as is
    // (one Allow-Origin per entry), which the browser refuses. Root: the cors() line.
    name: "heldout6 Koa: @koa/cors given an array of two origins, both sent as Allow-Origin",
    url: "https://github.com/koajs/cors/issues/12",
    rootText: 'app.use(cors({ origin: ["ORIGIN", "ORIGIN2"], credentials: true }));',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});

// Configure cross-origin requests from the web app and the admin app
app.use(cors({ origin: ["ORIGIN", "ORIGIN2"], credentials: true }));
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/me", origin: "ORIGIN2", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/zadzbw/koa2-cors/issues/4 — a second dev front end added by writing both
    // origins into the one origin string ("http://localhost:8080, http://localhost:8081"): that string
    // is the header's value, which matches neither page. Root: the line building the string.
    name: "heldout6 Koa: two origins written into @koa/cors's one origin string",
    url: "https://github.com/zadzbw/koa2-cors/issues/4",
    rootText: 'const allowed = process.env.CORS_ALLOW || "http://localhost:8080, ORIGIN";',
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const allowed = process.env.CORS_ALLOW || "http://localhost:8080, ORIGIN";

const app = new Koa();
const router = new Router();

router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.post("/api/items", (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
});

app.use(cors({ origin: allowed, allowMethods: "GET,POST,PUT,DELETE" }));
app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];

/**
 * A correct Koa app (the set's correct Koa configuration): @koa/cors before the router, an origin
 * function over two front ends, credentials. ORIGIN and ORIGIN2 stand for the two front ends.
 */
export const HELD_OUT6_KOA_CORRECT = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const allowed = new Set(["ORIGIN", "ORIGIN2"]);

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});
router.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});

app.use(
  cors({
    origin: (ctx) => (allowed.has(ctx.get("Origin")) ? ctx.get("Origin") : ""),
    allowMethods: "GET,POST,PUT,DELETE",
    allowHeaders: "Content-Type,Authorization",
    credentials: true,
  }),
);
app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
