// https://github.com/koajs/cors/issues/70, from https://stackoverflow.com/questions/44775299 —
// "Why can't koa-router be put before koa-cors?": the router's matched route answers and never
// calls next, so cors() used after it never runs; the answer: app.use(cors()) before the router.
// @koa/router is not installed here: its routes() middleware is written out as what it does for a
// matched route (answer, no next()).

import { startNode } from "../stacks/node-common";
import { KOA_ROUTES } from "./node-routes";
import type { Report } from "./report";

export const koaCors70: Report = {
  url: "https://github.com/koajs/cors/issues/70",
  id: "koajs/cors#70",
  stack: "koa",
  mistake: "app.use(cors()) comes after the router, whose matched route answers first",
  names: [/cors\(/, /after|before|above/i, /rout/i],
  target: "list",
  expect: ["missing-allow-origin"],
  config: () => `const Koa = require("koa");
const cors = require("@koa/cors");

const app = new Koa();
// router.routes(): GET /api/items
app.use(async (ctx, next) => {
  if (ctx.method === "GET" && ctx.path === "/api/items") return void (ctx.body = []);
  await next();
});
app.use(cors());
${KOA_ROUTES}
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
  start: startNode("cjs"),
  shape: { syntax: "js", call: "cors(", anchor: "const app = new Koa()" },
  form: "cjs",
};
