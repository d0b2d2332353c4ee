/**
 * Issue #23's eighteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT18_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/poetapp/node/pull/49 — "Enable CORS with koa-cors": the node's Koa API (the works
    // and their claims, behind koa-router) sends no CORS header at all, so the explorer web app, served
    // from another origin, cannot read any answer; the PR puts a CORS middleware on the app. The API's
    // routes are written with a stub store, the explorer as the page. Root: the middleware chain without
    // any CORS middleware.
    name: "heldout18 Koa: the API's middleware chain has no CORS at all, the explorer's reads refused",
    url: "https://github.com/poetapp/node/pull/49",
    rootText: "app.use(router.routes());",
    file: "api.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');

const works = [{ id: 'w1', name: 'The Raven', author: 'Edgar Allan Poe', datePublished: '1845-01-29' }];

const router = new Router();
router.get('/works', (ctx) => {
  const { author } = ctx.query;
  ctx.body = author ? works.filter((w) => w.author === author) : works;
});
router.get('/works/:id', (ctx) => {
  const work = works.find((w) => w.id === ctx.params.id);
  if (!work) ctx.throw(404, 'Work not found');
  ctx.body = work;
});

const app = new Koa();
app.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  ctx.set('X-Response-Time', \`\${Date.now() - started}ms\`);
});
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 18080, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/works?author=Edgar%20Allan%20Poe", origin: "ORIGIN" },
      { method: "GET", path: "/works/w1", origin: "ORIGIN" },
    ],
    check: [],
  },
];
