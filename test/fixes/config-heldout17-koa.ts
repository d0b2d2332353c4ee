/**
 * Issue #23's seventeenth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT17_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/IIC2513-2022-2/project/issues/34 — a course project's Koa API uses @koa/cors with
    // its defaults, and the React front end's login and session calls are sent with
    // `credentials: 'include'` so the session cookie travels; the answers carry no
    // Access-Control-Allow-Credentials (and a wildcard origin), so the browser refuses them. The front
    // end's development server is the page. Root: the default cors() on the app.
    name: "heldout17 Koa: the course API's default cors() allows no credentials, the front end's login with the session cookie refused",
    url: "https://github.com/IIC2513-2022-2/project/issues/34",
    rootText: "app.use(cors());",
    file: "index.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');

const app = new Koa();
const router = new Router();

async function readJson(ctx) {
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

router.post('/auth/login', async (ctx) => {
  const { email } = await readJson(ctx);
  ctx.cookies.set('session', 'abc123', { httpOnly: true, sameSite: 'none', secure: false });
  ctx.body = { user: { email } };
});
router.get('/games', (ctx) => {
  ctx.body = [{ id: 1, name: 'Catan', players: 3 }];
});

app.use(cors());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      {
        method: "POST",
        path: "/auth/login",
        origin: "ORIGIN",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
      { method: "GET", path: "/games", origin: "ORIGIN", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/poetapp/frost-api/issues/853 — "CORS not set when error returned": the API's CORS
    // middleware (koa2-cors, at the head of the Koa app) sets its headers and passes on, and the token
    // check behind it throws for an expired token; Koa's error answer drops the headers set before, so
    // the `422 Expired token.` comes back with no Access-Control-Allow-Origin and the browser client
    // "makes it impossible to read the response" (the error middleware that used to add `*` to errors
    // had been removed in #778). koa2-cors is not installed: its middleware is written inline as it works
    // (headers set, then next(), nothing kept on a thrown error). Root: the CORS middleware on the app.
    name: "heldout17 Koa: the CORS middleware's headers are dropped when the token check throws, the expired-token 422 unreadable",
    url: "https://github.com/poetapp/frost-api/issues/853",
    rootText: "function cors(options = {}) {",
    file: "API.js",
    app: `const Koa = require('koa');
const Router = require('@koa/router');

// koa2-cors
function cors(options = {}) {
  const allowMethods = options.allowMethods || ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  return async function corsMiddleware(ctx, next) {
    const origin = typeof options.origin === 'function' ? options.origin(ctx) : options.origin || '*';
    if (!origin) return next();
    ctx.set('Access-Control-Allow-Origin', origin);
    if (ctx.method === 'OPTIONS') {
      if (!ctx.get('Access-Control-Request-Method')) return next();
      ctx.set('Access-Control-Allow-Methods', allowMethods.join(','));
      const requested = ctx.get('Access-Control-Request-Headers');
      if (requested) ctx.set('Access-Control-Allow-Headers', requested);
      ctx.status = 204;
      return undefined;
    }
    return next();
  };
}

const tokens = new Map([['tok-valid', { email: 'ana@po.et', apiTokens: ['TEST_abc'] }]]);

function authorization(ctx, next) {
  const token = ctx.get('token');
  const session = tokens.get(token);
  if (!session) ctx.throw(422, 'Expired token.');
  ctx.state.user = session;
  return next();
}

const route = new Router();
route.get('/health', (ctx) => {
  ctx.body = { mongoConnected: true };
});
route.get('/tokens', authorization, (ctx) => {
  ctx.body = { apiTokens: ctx.state.user.apiTokens };
});

const app = new Koa();
app
  .use(
    cors({
      origin: (ctx) => '*',
    }),
  )
  .use(route.routes())
  .use(route.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/health", origin: "ORIGIN" },
      { method: "GET", path: "/tokens", origin: "ORIGIN", headers: [["token", "tok-expired"]] },
    ],
    check: [],
  },
];

/**
 * A correct Koa app: @koa/cors first, an origin function over the two front ends' list, credentials,
 * the methods and headers the page uses.
 */
export const HELD_OUT17_KOA_CORRECT = `"use strict";

const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const FRONT_ENDS = new Set(["ORIGIN", "ORIGIN2"]);

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
    origin: (ctx) => (FRONT_ENDS.has(ctx.get("Origin")) ? ctx.get("Origin") : ""),
    credentials: true,
    allowMethods: ["GET", "PUT"],
    allowHeaders: ["Content-Type", "Authorization"],
    maxAge: 600,
  }),
);
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
