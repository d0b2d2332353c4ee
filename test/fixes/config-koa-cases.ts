/**
 * Broken Koa apps (@koa/cors 5, @koa/router) as projects write them, each rebuilding a situation
 * public Q&A and issue threads report: the router's routes registered before cors, an auth
 * middleware ahead of cors answering the preflight with 401, a fixed origin when a second front end
 * arrives (@koa/cors takes no list), credentials without `credentials: true`, `allowMethods` or
 * `allowHeaders` lacking what the page sends, an origin function over an allowlist, a hand-written
 * `ctx.set` middleware for another dev origin, no CORS at all. ORIGIN and ORIGIN2 are the test pages'
 * origins; the app listens on process.env.PORT.
 */
import type { ExpressCase } from "./config-express-cases";

const ROUTER = `const router = new Router({ prefix: "/api" });
router.get("/items", (ctx) => {
  ctx.body = [{ id: 1 }];
});
router.post("/items", (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 2 };
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
const CJS = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("@koa/cors");`;
const ESM = `import Koa from "koa";
import Router from "@koa/router";
import cors from "@koa/cors";`;
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const KOA_CASES: ExpressCase[] = [
  {
    name: "Koa: the router's routes registered before cors",
    file: "server.js",
    app: `${CJS}

const app = new Koa();
${ROUTER}

app.use(router.routes());
app.use(router.allowedMethods());
app.use(cors({ origin: "ORIGIN" }));

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [{ method: "GET", path: "/api/items", origin: "ORIGIN" }],
    check: [{ code: "cors-after-route", line: 26 }],
  },
  {
    name: "Koa: an auth middleware ahead of cors answers the preflight with 401",
    file: "app.mjs",
    app: `${ESM}

const app = new Koa();

app.use(async (ctx, next) => {
  if (!ctx.get("Authorization")) {
    ctx.status = 401;
    ctx.body = { error: "unauthorized" };
    return;
  }
  await next();
});
app.use(cors({ origin: "ORIGIN", allowHeaders: ["Content-Type", "Authorization"] }));

${ROUTER}

${LISTEN}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "ORIGIN",
        headers: [...json, ["Authorization", "Bearer t"]],
      },
    ],
    check: [{ code: "cors-after-auth", line: 15 }],
  },
  {
    name: "Koa: a fixed origin when a second front end arrives",
    file: "server.js",
    app: `${CJS}

const app = new Koa();
app.use(
  cors({
    origin: "ORIGIN",
    allowMethods: "GET,HEAD,PUT,POST,DELETE",
  }),
);

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "DELETE", path: "/api/items/2", origin: "ORIGIN2" },
    ],
    check: [],
  },
  {
    name: "Koa: credentials without credentials: true",
    file: "server.mjs",
    app: `${ESM}

const app = new Koa();
app.use(cors({ origin: "ORIGIN" }));

${ROUTER}

${LISTEN}
`,
    calls: [{ method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true }],
    check: [],
  },
  {
    name: "Koa: allowMethods lacks PUT",
    file: "server.js",
    app: `${CJS}

const app = new Koa();
app.use(cors({ allowMethods: "GET,POST" }));

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/3", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "methods-miss-routes", line: 6 }],
  },
  {
    name: "Koa: allowHeaders lacks X-Api-Key",
    file: "server.js",
    app: `${CJS}

const app = new Koa();
app.use(
  cors({
    origin: "ORIGIN",
    allowHeaders: ["Content-Type", "Authorization"],
    exposeHeaders: ["X-Total-Count"],
    maxAge: 86400,
  }),
);

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: [...json, ["X-Api-Key", "k1"]] },
    ],
    check: [],
  },
  {
    name: "Koa: an origin function over an allowlist that lacks the new front end",
    file: "server.js",
    app: `${CJS}
const logger = require("koa-logger");

const whitelist = ["ORIGIN"];

const app = new Koa();
app.use(logger());
app.use(
  cors({
    origin(ctx) {
      const requestOrigin = ctx.get("Origin");
      if (!whitelist.includes(requestOrigin)) {
        return "";
      }
      return requestOrigin;
    },
  }),
);

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "DELETE", path: "/api/items/4", origin: "ORIGIN2" },
    ],
    check: [],
  },
  {
    name: "Koa: a hand-written ctx.set middleware for the old dev origin",
    file: "server.js",
    app: `const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.set("Access-Control-Allow-Origin", "http://localhost:8080");
  ctx.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
  ctx.set("Access-Control-Allow-Headers", "Content-Type");
  if (ctx.method === "OPTIONS") {
    ctx.status = 204;
    return;
  }
  await next();
});

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/5", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    name: "Koa: no CORS at all",
    file: "server.mjs",
    app: `import Koa from "koa";
import Router from "@koa/router";

const app = new Koa();

${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "no-cors", line: 4 }],
  },
  {
    name: "Koa: routes registered before cors, and credentials",
    file: "index.js",
    app: `${CJS}

const app = new Koa();
${ROUTER}
app.use(router.routes());
app.use(cors({ origin: "ORIGIN", credentials: true }));
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/items/6", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [{ code: "cors-after-route", line: 24 }],
  },
];

const KOA2 = `const Koa = require("koa");
const Router = require("@koa/router");
const cors = require("koa2-cors");`;

/**
 * koa2-cors 2.0.6 (https://github.com/zadzbw/koa2-cors), as its README and Q&A threads write it: one
 * origin string, `*` with credentials (which it sends as `*`, Allow-Credentials off), a list option
 * written as a string (it calls .join on it: every preflight a 500).
 */
export const KOA2_CASES: ExpressCase[] = [
  {
    name: "Koa: koa2-cors with the old dev origin, the new front end refused",
    file: "server.js",
    app: `${KOA2}

const app = new Koa();
app.use(
  cors({
    origin: "http://localhost:8080",
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Content-Type", "Authorization"],
  }),
);
${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "PUT", path: "/api/items/5", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
  {
    name: "Koa: koa2-cors with `*` and credentials, the logged-in calls refused",
    file: "app.js",
    app: `${KOA2}

const app = new Koa();
app.use(cors({ origin: "*", credentials: true }));
${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN2" },
      { method: "GET", path: "/api/me", origin: "ORIGIN", credentials: true },
      { method: "PUT", path: "/api/items/7", origin: "ORIGIN", headers: json, credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 6 }],
  },
  {
    name: "Koa: koa2-cors allowHeaders written as a string, every preflight answered 500",
    file: "server.js",
    app: `${KOA2}

const app = new Koa();
app.use(
  cors({
    origin: "ORIGIN",
    allowHeaders: "Content-Type, Authorization",
  }),
);
${ROUTER}

${LISTEN}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "ORIGIN" },
      { method: "POST", path: "/api/items", origin: "ORIGIN", headers: json },
    ],
    check: [{ code: "koa2cors-option-not-list", line: 9 }],
    expect: "cannot",
    said: "koa2-cors joins allowHeaders",
  },
];

export const KOA_CORRECT: string[] = [
  `${CJS}
const app = new Koa();
app.use(cors({ origin: "https://app.example.com", credentials: true }));
${ROUTER}
${LISTEN}
`,
  `${ESM}
const app = new Koa();
app.use(cors());
${ROUTER}
${LISTEN}
`,
  `${KOA2}
const app = new Koa();
app.use(cors({ origin: "https://app.example.com", credentials: true, allowHeaders: ["Content-Type"] }));
${ROUTER}
${LISTEN}
`,
];
