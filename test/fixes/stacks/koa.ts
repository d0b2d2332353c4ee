import { insertAfterLine, removeCalls, removeLines } from "../edit";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { NEEDS_KEY, npmVersion, startNode } from "./node-common";

function app(before: string, cors: string): string {
  return `const Koa = require("koa");
const cors = require("@koa/cors");
const app = new Koa();
${before}
app.use(cors(${cors}));
app.use(async (ctx) => {
  const route = \`\${ctx.method} \${ctx.path}\`;
  if (route === "GET /api/items") ctx.body = [];
  else if (route === "POST /api/items") (ctx.status = 201), (ctx.body = { id: 1 });
  else if (/^(PUT|PATCH) \\/api\\/items\\/\\d+$/.test(route)) ctx.body = { id: 1 };
  else if (/^DELETE \\/api\\/items\\/\\d+$/.test(route)) ctx.status = 204;
  else if (route === "GET /api/me") ctx.body = { user: "ada" };
  else if (route === "GET /api/fail") throw new Error("boom");
  else ctx.status = 404;
});
app.listen(Number(process.env.PORT), "127.0.0.1");
`;
}

/** A JSON body parser of the usual kind: a malformed body throws (Koa answers 500, or its status). */
const PARSE_JSON = `app.use(async (ctx, next) => {
  if (ctx.is("json")) {
    let raw = "";
    for await (const chunk of ctx.req) raw += chunk;
    ctx.request.body = JSON.parse(raw);
  }
  await next();
});`;

const cases: StackCase[] = [
  {
    name: "header-missing",
    target: "update",
    config: (o) => app("", `{ origin: "${o}", allowHeaders: ["content-type"] }`),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) => app("", `{ origin: "${o}", allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH"] }`),
    expect: ["method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      app(
        `app.use(async (ctx, next) => {
  const req = { path: ctx.path, headers: ctx.headers };
  if (${NEEDS_KEY}) return ((ctx.status = 401), (ctx.body = { error: "unauthorized" }));
  await next();
});`,
        `{ origin: "${o}" }`,
      ),
    expect: ["preflight-status-not-ok", "missing-allow-origin"],
  },
  {
    name: "preflight-redirect",
    target: "moved",
    extra: [movedRequest("/api/v1/items/1")],
    config: (o) =>
      app(
        `app.use(async (ctx, next) => {
  if (!ctx.path.startsWith("/api/v1/")) return next();
  ctx.status = 308;
  ctx.redirect(\`/api/\${ctx.path.slice(8)}\`);
});`,
        `{ origin: "${o}" }`,
      ),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "bad-body",
    extra: [BAD_BODY],
    config: (o) => app(PARSE_JSON, `{ origin: "${o}" }`),
    expect: ["missing-allow-origin"],
  },
];

export const koaStack: StackUnderTest = {
  stack: "koa",
  label: "Koa + @koa/cors",
  version: () => {
    const k = npmVersion("koa");
    const c = npmVersion("@koa/cors");
    return k && c ? `koa ${k}, @koa/cors ${c}` : null;
  },
  install: "npm ci",
  cases,
  notApplicable: {
    "wildcard-credentials":
      "@koa/cors 5 answers the request's origin, not *, when credentials is true (checked: the broken config is allowed)",
    "duplicate-proxy": "a proxy case: see nginx in front of an app",
  },
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = new Koa()`, before every other app.use()."
    let out = removeCalls(config, "app.use(cors(");
    out = removeLines(out, 'require("@koa/cors")');
    return insertAfterLine(out, "const app = new Koa()", fix.snippet);
  },
};
