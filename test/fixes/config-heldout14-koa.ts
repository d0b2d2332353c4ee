/**
 * Issue #23's fourteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT14_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/koajs/koa/issues/309 — "onerror headers": the app sets its CORS headers in a
    // middleware of its own and then awaits the rest; when a route throws (`this.throw(400)`), Koa's
    // default error handler clears every header already set before it answers, so the error answer
    // goes out without the CORS headers and the page cannot read it. The report's generator middleware
    // is written in today's async form. Root: the CORS middleware, which sets the headers and lets the
    // error pass.
    name: "heldout14 Koa: the app's CORS middleware sets headers, ctx.throw's answer goes out without them",
    url: "https://github.com/koajs/koa/issues/309",
    rootText: "app.use(async function cors(ctx, next) {",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

const items = { 1: { id: 1, name: 'first' } };

app.use(async function cors(ctx, next) {
  ctx.set('Access-Control-Allow-Origin', 'ORIGIN');
  ctx.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
  ctx.set('Access-Control-Allow-Headers', 'Content-Type');
  await next();
});

router.get('/items/:id', (ctx) => {
  const item = items[ctx.params.id];
  if (!item) ctx.throw(400, 'unknown item');
  ctx.body = item;
});

app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/items/1", origin: "ORIGIN" },
      { method: "GET", path: "/items/99", origin: "ORIGIN" },
    ],
    check: [],
  },
  {
    // https://github.com/eggjs/egg/pull/6046 — "chore: migrate egg-cors plugin into monorepo": the review
    // of the cors fixture `exports.cors = { origin: 'eggjs.org', credentials: true }` points out that an
    // Allow-Origin of 'eggjs.org' never matches a browser's Origin (which carries the scheme), so a
    // credentialed call is refused. egg is not installed here: egg-cors hands its options to @koa/cors,
    // so the app is a Koa app with @koa/cors and egg's config object, the domain written as the page's
    // host. Root: the origin without its scheme.
    name: "heldout14 Koa: egg-cors's origin names the bare host, the credentialed call refused",
    url: "https://github.com/eggjs/egg/pull/6046",
    rootText: "origin: 'localhost',",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

// config/config.default.js
const config = {
  keys: 'foo',
  cors: {
    origin: 'localhost',
    credentials: true,
  },
};

const app = new Koa();
app.keys = [config.keys];
const router = new Router();

router.get('/api/user', (ctx) => {
  ctx.body = { name: 'egg' };
});

app.use(cors(config.cors));
app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 7001, '127.0.0.1');
`,
    calls: [{ method: "GET", path: "/api/user", origin: "ORIGIN", credentials: true }],
    check: [],
  },
];
