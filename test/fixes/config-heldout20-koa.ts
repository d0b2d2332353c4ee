/**
 * Issue #23's twentieth never-seen measure, Koa: broken apps rebuilt from public reports (cited above each
 * case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages' origins.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT20_KOA: Array<ExpressCase & Held3> = [
  {
    // https://github.com/spacemeowx2/switch-lan-play/pull/19 — "Add CORS support for koa routes": the relay
    // server's monitor, a small Koa app with a router (a catch-all error wrapper and GET /info, the online
    // count and version), is served with no CORS, so the project's web page cannot fetch /info from a relay
    // in the browser; the PR adds a CORS middleware in front of the router. The UDP relay is written as a
    // client count, the web page as the page. Root: the monitor's app using the router with no CORS before it.
    name: "heldout20 Koa: the relay's monitor serves GET /info from a router with no CORS, the web page's fetch refused",
    url: "https://github.com/spacemeowx2/switch-lan-play/pull/19",
    rootText: "this.app.use(this.router.routes())",
    file: "monitor.js",
    app: `const Koa = require('koa')
const Router = require('@koa/router')

const pkg = { version: '0.0.7' }

class ServerMonitor {
  constructor (server) {
    this.server = server
    this.router = new Router()
    this.app = new Koa()

    this.router.all('/(.*)', async (ctx, next) => {
      try {
        await next()
      } catch (err) {
        console.error(err)
        ctx.status = err.statusCode || err.status || 500
        ctx.body = { error: 'server exceptions' }
      }
    })
    this.router.get('/info', async ctx => this.handleGetInfo(ctx))
  }

  start (port) {
    this.app.use(this.router.routes())
    this.app.listen(port, '127.0.0.1')
    console.log(\`Monitor service started on port \${port}/tcp\`)
  }

  async handleGetInfo (ctx) {
    ctx.type = 'application/json'
    ctx.body = {
      online: this.server.getClients().size,
      version: pkg.version
    }
  }
}

const relay = { getClients: () => new Map([['10.13.37.1', {}], ['10.13.37.2', {}]]) }
new ServerMonitor(relay).start(Number(process.env.PORT) || 11451)
`,
    calls: [{ method: "GET", path: "/info", origin: "ORIGIN" }],
    check: [],
  },
];

/**
 * A correct Koa app: @koa/cors first, an origin function that echoes the two front ends (and gives any
 * other origin no Allow-Origin), credentials, the page's methods and headers, keepHeadersOnError; the API
 * on a router with the /api prefix behind an error-handling middleware.
 */
export const HELD_OUT20_KOA_CORRECT = `"use strict";

const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const FRONT_ENDS = ["ORIGIN", "ORIGIN2"];

const api = new Router({ prefix: "/api" });
api.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
api.put("/items/:id", (ctx) => {
  ctx.body = { id: Number(ctx.params.id) };
});
api.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});

const app = new Koa();
app.use(
  cors({
    origin(ctx) {
      const origin = ctx.get("Origin");
      return FRONT_ENDS.includes(origin) ? origin : "";
    },
    credentials: true,
    allowMethods: "GET,PUT",
    allowHeaders: "Content-Type,Authorization",
    maxAge: 600,
    keepHeadersOnError: true,
  }),
);
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
});
app.use(api.routes());
app.use(api.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`;
