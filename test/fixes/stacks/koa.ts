import { insertAfterLine, removeCalls, removeLines } from "../edit";
import type { StackUnderTest } from "../stack";
import { NEEDS_KEY, nodeCases, npmVersions, PROXY_ONLY, startNode } from "./node-common";

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

export const koaStack: StackUnderTest = {
  stack: "koa",
  label: "Koa + @koa/cors",
  version: () => npmVersions("koa", "@koa/cors"),
  install: "npm ci",
  cases: nodeCases({
    app,
    methods: "allowMethods",
    headers: "allowHeaders",
    auth: `app.use(async (ctx, next) => {
  const req = { path: ctx.path, headers: ctx.headers };
  if (${NEEDS_KEY}) return ((ctx.status = 401), (ctx.body = { error: "unauthorized" }));
  await next();
});`,
    redirect: `app.use(async (ctx, next) => {
  if (!ctx.path.startsWith("/api/v1/")) return next();
  ctx.status = 308;
  ctx.redirect("/api/" + ctx.path.slice(8));
});`,
    // A JSON body parser of the usual kind: a malformed body throws (Koa answers 500).
    badBody: {
      before: `app.use(async (ctx, next) => {
  if (ctx.is("json")) {
    let raw = "";
    for await (const chunk of ctx.req) raw += chunk;
    ctx.request.body = JSON.parse(raw);
  }
  await next();
});`,
    },
  }).filter((c) => c.name !== "wildcard-credentials"),
  notApplicable: {
    "wildcard-credentials":
      "@koa/cors 5 answers the request's origin, not *, when credentials is true (checked: the broken config is allowed)",
    ...PROXY_ONLY,
  },
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = new Koa()`, before every other app.use()."
    let out = removeCalls(config, "app.use(cors(");
    out = removeLines(out, 'require("@koa/cors")');
    return insertAfterLine(out, "const app = new Koa()", fix.snippet);
  },
};
