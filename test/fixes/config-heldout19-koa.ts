/**
 * Issue #23's nineteenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT19_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/evert0n/koa-cors/issues/17 — "handling errors": koa-cors sets its headers and then
    // hands over to the app; when a route throws (`this.throw(400)`), Koa's default error handling clears the
    // response headers before answering, so the 400 leaves without Access-Control-Allow-Origin and the front
    // end cannot read the error (the thread points at a wrapper package, koa-cors-error). koa-cors's
    // generator middleware is written as the async middleware it amounts to on Koa 3, the body parser as a
    // small JSON reader; the sign-up form on another origin is the page, posting without its e-mail. Root:
    // the CORS middleware that sets its headers before the app and never after an error.
    name: "heldout19 Koa: the CORS middleware's headers are cleared when the route throws 400, the sign-up error unreadable",
    url: "https://github.com/evert0n/koa-cors/issues/17",
    rootText: "return async function koaCors(ctx, next) {",
    file: "app.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');

// koa-cors
function cors(settings = {}) {
  return async function koaCors(ctx, next) {
    const origin = typeof settings.origin === 'function' ? settings.origin(ctx.request) : settings.origin;
    ctx.set('Access-Control-Allow-Origin', origin || ctx.get('Origin') || '*');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', settings.methods || 'GET,HEAD,PUT,POST,DELETE');
      ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers'));
      ctx.status = 204;
      return;
    }
    await next();
  };
}

// koa-bodyparser, JSON only
async function bodyParser(ctx, next) {
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  ctx.request.body = raw ? JSON.parse(raw) : {};
  await next();
}

const router = new Router();
router.get('/api/ping', (ctx) => {
  ctx.body = { pong: true };
});
router.post('/api/signup', (ctx) => {
  const { email } = ctx.request.body;
  if (!email) ctx.throw(400, 'email is required');
  ctx.status = 201;
  ctx.body = { email };
});

const app = new Koa();
app.use(cors({ origin: 'ORIGIN' }));
app.use(bodyParser);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/api/ping", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/api/signup",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
