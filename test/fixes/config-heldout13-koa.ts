/**
 * Issue #23's thirteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT13_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/cors/issues/62 — "Header not set on error response": the sqlite-to-rest
    // router is mounted first and @koa/cors after it (`.use(router.routes()).use(router.allowedMethods())
    // .use(cors(corsOptions))`); a route that answers never calls on, so the CORS middleware never runs
    // and no answer carries the headers (the 416 the report noticed, and every other one). The
    // sqlite-to-rest router is not installed here: a small @koa/router with its table routes stands in
    // for getSqliteRouter. Root: cors mounted after the router.
    name: "heldout13 Koa: @koa/cors mounted after the sqlite-to-rest router, which answers first, no headers",
    url: "https://github.com/koajs/cors/issues/62",
    rootText: ".use(cors(corsOptions))",
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const PORT = Number(process.env.PORT) || 8085;
const dbPath = "./beers.sqlite3";

// Stands in for sqlite-to-rest's getSqliteRouter({ dbPath }): one GET route per table, Range paging.
async function getSqliteRouter({ dbPath: _dbPath }) {
  const router = new Router();
  const beers = [{ id: 1, name: "Pale" }, { id: 2, name: "Stout" }];
  router.get("/beer", (ctx) => {
    const range = ctx.get("range");
    if (range && !/^rows=\\d+-\\d+$/.test(range)) {
      ctx.status = 416;
      ctx.body = { error: "Range Not Satisfiable" };
      return;
    }
    ctx.body = beers;
  });
  return router;
}

const app = new Koa();

const corsOptions = {
  origin: "*",
  allowHeaders: "range",
  keepHeadersOnError: true,
};

getSqliteRouter({ dbPath }).then((router) => {
  app
    .use(router.routes())
    .use(router.allowedMethods())
    .use(cors(corsOptions))
    .listen(PORT, "127.0.0.1");

  console.log(\`Listening on port: \${PORT}\`);
});
`,
    calls: [
      { method: "GET", path: "/beer", origin: "ORIGIN" },
      { method: "GET", path: "/beer", origin: "ORIGIN", headers: [["Range", "rows=0-1"]] },
    ],
    check: [],
  },
];

/**
 * A correct Koa app (the set's correct Koa configuration): @koa/cors with an origin function over an
 * allowlist of the two front ends, credentials, the methods and headers the page sends, mounted before
 * the router. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT13_KOA_CORRECT = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const ALLOWED = new Set(["ORIGIN", "ORIGIN2"]);

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/items/:id", (ctx) => {
  ctx.body = { id: Number(ctx.params.id) };
});
router.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});

app.use(
  cors({
    origin: (ctx) => (ALLOWED.has(ctx.get("Origin")) ? ctx.get("Origin") : ""),
    credentials: true,
    allowMethods: ["GET", "PUT"],
    allowHeaders: ["Content-Type", "Authorization"],
    maxAge: 600,
  }),
);
app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
