/**
 * Issue #23's third never-seen measure, Koa (@koa/cors): apps rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test
 * pages' origins; the app listens on process.env.PORT. `rootText`: the text of the root cause's line.
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const ROUTES = `router.get("/api/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.post("/api/items", (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
});
router.delete("/api/items/:id", (ctx) => {
  ctx.status = 204;
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");`;

export const HELD_OUT3_KOA: Array<ExpressCase & Held3> = [
  {
    // https://engineered.at/articles/whitelisting-multiple-domains-with-kcors-in-koa — two front
    // ends whitelisted by passing an array as `origin`, which @koa/cors does not take (a string or a
    // function): the array becomes two Allow-Origin values. Root: the origin line.
    name: "heldout3 Koa: two front ends passed to @koa/cors as an origin array",
    url: "https://engineered.at/articles/whitelisting-multiple-domains-with-kcors-in-koa",
    rootText: 'origin: ["ORIGIN", "ORIGIN2"],',
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const router = new Router();

// Whitelist both front ends
app.use(
  cors({
    origin: ["ORIGIN", "ORIGIN2"],
    credentials: true,
  }),
);

${ROUTES}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN2", credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/evert0n/koa-cors/issues/35 — an origin function written as if it received
    // the request's origin; @koa/cors passes the context, so the whitelist never matches and the
    // function returns "" (no CORS headers at all). Root: the origin function's line.
    name: "heldout3 Koa: origin function compares the context (not the Origin) with a whitelist",
    url: "https://github.com/evert0n/koa-cors/issues/35",
    rootText: "origin: (origin) =>",
    file: "app.mjs",
    app: `import Koa from "koa";
import Router from "@koa/router";
import cors from "@koa/cors";

const app = new Koa();
const router = new Router();
const whitelist = ["https://shop.example.com", "ORIGIN"];

app.use(
  cors({
    origin: (origin) => (whitelist.includes(origin) ? origin : ""),
    allowMethods: ["GET", "POST", "DELETE"],
  }),
);

${ROUTES}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      {
        method: "POST",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
