/**
 * Issue #23's fifteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT15_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/evert0n/koa-cors/issues/26 — "Accept a whitelist of origins?": Koa's CORS
    // middleware takes one origin (a string) or a function; an array of the allowed origins, as the
    // Express cors package accepts, is not matched against the request but set as the header itself, so
    // the answer carries every listed origin as separate Allow-Origin values and the browser refuses it.
    // Written with @koa/cors, the middleware's successor, given the app's two front ends. Root: the
    // origin array.
    name: "heldout15 Koa: @koa/cors given an array of origins sends them all, Allow-Origin with two values",
    url: "https://github.com/evert0n/koa-cors/issues/26",
    rootText: "origin: ['ORIGIN', 'ORIGIN2'],",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

const app = new Koa();
const router = new Router();

router.get('/v1/playlists', (ctx) => {
  ctx.body = [{ id: 'p1', name: 'Morning' }];
});

app.use(
  cors({
    origin: ['ORIGIN', 'ORIGIN2'],
  }),
);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/v1/playlists", origin: "ORIGIN" },
      { method: "GET", path: "/v1/playlists", origin: "ORIGIN2" },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/router/issues/44 — "Middlewares aren't called if there's no matched route":
    // @koa/cors is attached with router.use() inside the router, but the router runs its middleware only
    // for a request that matches one of its routes by method, and no route answers OPTIONS, so the
    // upload's preflight skips cors() and router.allowedMethods() answers it with an Allow header and no
    // CORS headers (the profiler server hit this and moved cors() onto the app). Root: cors() used on the
    // router.
    name: "heldout15 Koa: cors() used on the router, the upload's preflight matches no route and gets none",
    url: "https://github.com/koajs/router/issues/44",
    rootText: "router.use(cors());",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

function getRouter() {
  const router = new Router();

  router.get('/__version__', (ctx) => {
    ctx.body = { version: '1.0.0' };
  });
  router.use(cors());
  router.post('/compressed-store', (ctx) => {
    ctx.body = 'profile-token-1';
  });

  return router;
}

const app = new Koa();
const router = getRouter();
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 5252, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/__version__", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/compressed-store",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/octet-stream"]],
      },
    ],
    check: [],
  },
];
