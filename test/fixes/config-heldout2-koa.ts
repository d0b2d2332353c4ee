/**
 * Issue #23's second never-seen measure, Koa 3 with @koa/cors 5 and @koa/router: each case rebuilds a
 * public report (cited above it), written blind to the readers. ORIGIN and ORIGIN2 are the test
 * pages' origins; the app listens on process.env.PORT. `rootAt`: the root cause's line; `check` left
 * empty (codes not known blind).
 */
import type { HeldOut2JsCase } from "./config-heldout2-express";

const ROUTER = `const router = new Router({ prefix: "/api" });
router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.put("/items/:id", (ctx) => {
  ctx.body = { id: ctx.params.id };
});
router.delete("/items/:id", (ctx) => {
  ctx.status = 204;
});
router.get("/me", (ctx) => {
  ctx.body = { user: "ada" };
});`;
const LISTEN = `app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT2_KOA: HeldOut2JsCase[] = [
  {
    // https://github.com/koajs/cors/issues/65 — an origin function that answers "" for an origin
    // not in its allowlist: @koa/cors then adds nothing, and the new front end's preflight fails.
    // Root cause: the allowlist line.
    name: "heldout2: Koa: an origin function returns '' for origins missing from its allowlist",
    source: "https://github.com/koajs/cors/issues/65",
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");

const app = new Koa();
const whitelist = ["ORIGIN2", "https://www.example.com"];

app.use(
  cors({
    origin(ctx) {
      const requestOrigin = ctx.get("Origin");
      if (!whitelist.includes(requestOrigin)) {
        return "";
      }
      return requestOrigin;
    },
    credentials: true,
  }),
);

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "DELETE", path: "/api/items/1", origin: "ORIGIN" },
    ],
    check: [],
    rootAt: "const whitelist",
  },
  {
    // https://codeshelper.com/article/19224.html — Koa with a hand-written OPTIONS route whose
    // `ctx.set("Access-Control-Allow-Origin", …)` lines are commented out: the preflight of the
    // page's JSON + Authorization GET is a bare 200. Root cause: the OPTIONS handler.
    name: "heldout2: Koa: hand-written OPTIONS route with its CORS lines commented out",
    source: "https://codeshelper.com/article/19224.html",
    file: "index.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

const fn_items = async (ctx, next) => {
  // ctx.set("Access-Control-Allow-Origin", "*") //ajax json
  ctx.response.body = [{ id: 1 }];
};
const fn_items_option = async (ctx, next) => {
  // ctx.set("Access-Control-Allow-Origin", "*");
  ctx.response.status = 200;
};

router.get("/api/items", fn_items);
router.options("/api/items", fn_items_option);

app.use(router.routes());
app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "JWT eyJ0eXAiOiJKV1QifQ"]],
      },
    ],
    check: [],
    rootAt: "const fn_items_option",
  },
  {
    // https://github.com/koajs/cors/issues/79 — allowHeaders set to ['authorization'] only: the
    // page's JSON PUT asks for Content-Type too and its preflight is refused.
    // Root cause: the allowHeaders line.
    name: "heldout2: Koa: allowHeaders ['authorization'] only, a JSON PUT",
    source: "https://github.com/koajs/cors/issues/79",
    file: "app.mjs",
    app: `import Koa from "koa";
import Router from "@koa/router";
import cors from "@koa/cors";

export const app = new Koa();

app.use(
  cors({
    allowHeaders: ["authorization"],
  }),
);

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", headers: [["Authorization", "Bearer t"]] },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t"]],
      },
    ],
    check: [],
    rootAt: 'allowHeaders: ["authorization"]',
  },
];
