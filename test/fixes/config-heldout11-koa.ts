/**
 * Issue #23's eleventh never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT11_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/ZijianHe/koa-router/issues/387 — "allowedMethods not working if ctx.throw is
    // used": the app sets its CORS headers in its own middleware and relies on router.allowedMethods()
    // to answer OPTIONS, but a catch-all after it throws 404; allowedMethods awaits the rest of the
    // chain first, the throw skips its OPTIONS answer, and the preflight gets Koa's 404 (headers
    // reset). Root: the catch-all's ctx.throw.
    name: "heldout11 Koa: a ctx.throw(404) catch-all after allowedMethods turns the preflight into a 404",
    url: "https://github.com/ZijianHe/koa-router/issues/387",
    rootText: 'ctx.throw(404, "boom");',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", ctx.get("Origin") || "*");
  ctx.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
  ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  await next();
});

router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/api/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});

app
  .use(router.routes())
  .use(router.allowedMethods())
  .use((ctx) => {
    ctx.throw(404, "boom");
  });

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/1", origin: "ORIGIN2", headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/cors/issues/64 — "How to set CORS of static resources": the static
    // middleware is used before @koa/cors; it answers the files itself without calling on, so they
    // reach the page without Access-Control-Allow-Origin (the answer: move cors above koa-static).
    // koa-static is not installed here: a small static handler with its behaviour (answer the file,
    // else call on) stands in for it. Root: the static middleware's app.use line.
    name: "heldout11 Koa: the static middleware is used before @koa/cors, the files get no Allow-Origin",
    url: "https://github.com/koajs/cors/issues/64",
    rootText: 'app.use(serveStatic(path.join(__dirname, "public")));',
    file: "server.js",
    files: { "public/data/regions.json": '[{"id":1,"name":"north"}]\n' },
    app: `const fs = require("fs");
const path = require("path");
const Koa = require("koa");
const cors = require("@koa/cors");

// Stands in for koa-static: answers a file under root, else calls on.
function serveStatic(root) {
  return async (ctx, next) => {
    const file = path.join(root, path.normalize(ctx.path));
    if (ctx.method === "GET" && file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      ctx.type = path.extname(file);
      ctx.body = fs.createReadStream(file);
      return;
    }
    await next();
  };
}

const app = new Koa();

app.use(serveStatic(path.join(__dirname, "public")));
app.use(
  cors({
    origin: (ctx) => ctx.get("Origin") || "*",
    exposeHeaders: ["WWW-Authenticate", "Server-Authorization"],
    maxAge: 5,
    credentials: true,
    allowMethods: ["GET", "POST", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization", "Accept"],
  }),
);

app.use((ctx) => {
  if (ctx.path === "/api/items") ctx.body = [{ id: 1 }];
});

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/data/regions.json", origin: "ORIGIN" },
    ],
    check: [],
  },
];

/**
 * A correct Koa app (the set's correct Koa configuration): the project's own CORS middleware, first,
 * an allowlist over the two front ends echoed back with credentials, the preflight answered 204
 * before any route. ORIGIN and ORIGIN2: the front ends.
 */
export const HELD_OUT11_KOA_CORRECT = `const Koa = require("koa");
const Router = require("@koa/router");

const FRONT_ENDS = new Set(["ORIGIN", "ORIGIN2"]);

const app = new Koa();
const router = new Router({ prefix: "/api" });

app.use(async (ctx, next) => {
  const origin = ctx.get("Origin");
  if (origin && FRONT_ENDS.has(origin)) {
    ctx.set("Access-Control-Allow-Origin", origin);
    ctx.set("Access-Control-Allow-Credentials", "true");
    ctx.vary("Origin");
    if (ctx.method === "OPTIONS" && ctx.get("Access-Control-Request-Method")) {
      ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
      ctx.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
      ctx.set("Access-Control-Max-Age", "600");
      ctx.status = 204;
      return;
    }
  }
  await next();
});

router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});
router.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
