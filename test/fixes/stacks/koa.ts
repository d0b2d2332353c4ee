import type { StackUnderTest } from "../stack";
import { type Form, NEEDS_KEY, nodeCases, nodeStack, npmVersions, PROXY_ONLY } from "./node-common";

/** A Koa app as the @koa/cors README writes one, in either module system. */
function app(form: Form, before: string, options: string | null): string {
  const imports =
    form === "esm"
      ? ['import Koa from "koa";', ...(options === null ? [] : ['import cors from "@koa/cors";'])]
      : ['const Koa = require("koa");', ...(options === null ? [] : ['const cors = require("@koa/cors");'])];
  return `${imports.join("\n")}

const app = new Koa();
${before}
${options === null ? "" : `app.use(cors(${options}));`}
app.use(async (ctx) => {
  const route = \`\${ctx.method} \${ctx.path}\`;
  if (route === "GET /api/items" || route === "GET /api/things") ctx.body = [];
  else if (route === "POST /api/items" || route === "POST /api/things") (ctx.status = 201), (ctx.body = { id: 1 });
  else if (/^(GET|PUT|PATCH) \\/api\\/(items|things)\\/\\d+$/.test(route)) ctx.body = { id: 1 };
  else if (/^DELETE \\/api\\/(items|things)\\/\\d+$/.test(route)) ctx.status = 204;
  else if (route === "GET /api/me") ctx.body = { user: "ada" };
  else if (route === "GET /api/fail") throw new Error("boom");
  else ctx.status = 404;
});
app.listen(Number(process.env.PORT), "127.0.0.1");
`;
}

const koaFor = (form: Form): StackUnderTest =>
  nodeStack(
    {
      stack: "koa",
      label: "Koa + @koa/cors",
      version: () => npmVersions("koa", "@koa/cors"),
      install: "npm ci",
      shape: { syntax: "js", call: "cors(", anchor: "const app = new Koa()" },
      cases: (f) =>
        nodeCases(
          {
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
            originList: false,
          },
          f,
        ).filter((c) => c.name !== "wildcard-credentials"),
      notApplicable: {
        "wildcard-credentials":
          "@koa/cors 5 answers the request's origin, not *, when credentials is true (checked: the broken config is allowed)",
        ...PROXY_ONLY,
      },
    },
    form,
  );

export const koaStacks = [koaFor("cjs"), koaFor("esm")];
