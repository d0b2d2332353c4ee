/**
 * Issue #23's sixteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT16_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/dbos-inc/dbos-transact-ts/pull/372 — "Make CORS configurable / optional": the
    // framework's HTTP server puts @koa/cors with its defaults on the Koa app it builds, and a React front
    // end on another origin calling it with credentials "failed for CORS objections": without the
    // `credentials` option the middleware answers `Access-Control-Allow-Origin: *` and no
    // Allow-Credentials, which a credentialed request cannot use (the PR makes credentials the default).
    // The server is written as the Koa app the framework builds, with the application's two endpoints.
    // Root: the default cors() on the app.
    name: "heldout16 Koa: the framework's default cors() answers '*' without credentials, the React app's cookie calls refused",
    url: "https://github.com/dbos-inc/dbos-transact-ts/pull/372",
    rootText: "koa.use(cors());",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

// DBOS HTTP server: the Koa app and router it builds for the application's @GetApi / @PostApi handlers.
const koa = new Koa();
const router = new Router();

async function readJson(ctx) {
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

router.get('/greeting/:user', (ctx) => {
  ctx.body = { greeting: 'Hello, ' + ctx.params.user };
});
router.post('/subscribe', async (ctx) => {
  const body = await readJson(ctx);
  ctx.body = { subscribed: body.email || null };
});

koa.use(cors());
koa.use(router.routes()).use(router.allowedMethods());

koa.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/greeting/dbos", origin: "ORIGIN", credentials: true },
      {
        method: "POST",
        path: "/subscribe",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/koajs/cors/issues/52 — "How to return dynamic origin?": for an origin function
    // that allows three front ends, the thread suggests checking the listed hosts against `ctx.host` and
    // otherwise returning one of them ("we can't return void, so let's return one of the valid
    // domains"); `ctx.host` is the API's own host, never a front end's, so every request gets the fallback
    // origin, and the other front ends' calls carry an Allow-Origin that is not theirs ("I believe you
    // have to return the domain that was actually matched"). The two front ends are the test pages, the
    // fallback the second. Root: the origin function that reads ctx.host.
    name: "heldout16 Koa: the cors origin function checks ctx.host and falls back to one front end, the other front end refused",
    url: "https://github.com/koajs/cors/issues/52",
    rootText: "if (FRONT_ENDS.indexOf(ctx.host) !== -1) {",
    file: "server.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

const FRONT_ENDS = ['ORIGIN2', 'ORIGIN', 'https://cherry.example.com'];

const app = new Koa();
const router = new Router({ prefix: '/api' });

router.get('/fruits', (ctx) => {
  ctx.body = [{ name: 'apple' }, { name: 'banana' }, { name: 'cherry' }];
});

app.use(
  cors({
    origin: (ctx) => {
      if (FRONT_ENDS.indexOf(ctx.host) !== -1) {
        return ctx.host;
      }
      return FRONT_ENDS[0]; // we can't return void, so return one of the valid front ends
    },
  }),
);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/fruits", origin: "ORIGIN2" },
      { method: "GET", path: "/api/fruits?from=first", origin: "ORIGIN" },
    ],
    check: [],
  },
];
