/**
 * The response headers a JS app's own route handlers write, by name as written — what CORS written
 * from nothing must expose for the page's script to read them (a list's `X-Total-Count`, a created
 * resource's `Location`): without `Access-Control-Expose-Headers` only the CORS-safelisted ones are
 * readable (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name).
 *
 * Read on the handler's own response parameter: Express `res.set/header/setHeader/append(name, …)`,
 * `res.set({…})`, `res.location()` (Location), `res.links()` (Link), `res.attachment()` and
 * `res.download()` (Content-Disposition) (https://expressjs.com/en/4x/api.html#res); Koa
 * `ctx.set/append(name, …)`, `ctx.set({…})`, `ctx.response.set`, `ctx.attachment()`
 * (https://koajs.com/#response); Fastify `reply.header(name, …)`, `reply.headers({…})`
 * (https://fastify.dev/docs/latest/Reference/Reply/); Hono `c.header(name, …)`
 * (https://hono.dev/docs/api/context#header). A name computed at run time is not seen.
 */
import type * as t from "@babel/types";
import { allHandlers, bare, childNodes, type ExpressApp } from "./model";

/** Which parameter of a route handler is the response, per framework. */
const RESPONSE_PARAM: Record<ExpressApp["dialect"], number> = { express: 1, fastify: 1, koa: 0, hono: 0 };

const SETTERS = new Set(["set", "header", "setHeader", "append", "headers"]);
const IMPLIED: Record<string, string> = {
  location: "Location",
  links: "Link",
  attachment: "Content-Disposition",
  download: "Content-Disposition",
};

/** `res`, or for Koa also `ctx.response`. */
function isResponse(n: t.Node, param: string, dialect: ExpressApp["dialect"]): boolean {
  const b = bare(n);
  if (b.type === "Identifier") return b.name === param;
  return (
    dialect === "koa" &&
    b.type === "MemberExpression" &&
    !b.computed &&
    b.property.type === "Identifier" &&
    b.property.name === "response" &&
    bare(b.object).type === "Identifier" &&
    (bare(b.object) as t.Identifier).name === param
  );
}

function headerNamesIn(fn: t.Function, dialect: ExpressApp["dialect"], add: (name: string) => void): void {
  const p = fn.params[RESPONSE_PARAM[dialect]];
  if (p?.type !== "Identifier") return;
  const param = p.name;
  const visit = (n: t.Node): void => {
    if (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed) {
      const callee = n.callee;
      const method = callee.property.type === "Identifier" ? callee.property.name : "";
      if (isResponse(callee.object, param, dialect)) {
        const first = n.arguments[0] ? bare(n.arguments[0]) : null;
        if (SETTERS.has(method) && first?.type === "StringLiteral") add(first.value);
        else if (SETTERS.has(method) && first?.type === "ObjectExpression")
          for (const prop of first.properties)
            if (prop.type === "ObjectProperty" && !prop.computed)
              if (prop.key.type === "StringLiteral") add(prop.key.value);
              else if (prop.key.type === "Identifier") add(prop.key.name);
        const implied = IMPLIED[method];
        if (implied && (dialect === "express" || (dialect === "koa" && method === "attachment")))
          add(implied);
      }
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(fn.body);
}

/**
 * The names the app's routes (not its OPTIONS-only routes) write, in the order written (repeats kept:
 * ../whatif.ts exposedNames keeps each once, and only HTTP tokens).
 */
export function routeHeaderNames(app: ExpressApp): string[] {
  const names: string[] = [];
  const add = (name: string) => void names.push(name);
  for (const { layer, handler } of allHandlers(app))
    if (handler.kind === "fn" && layer.methods !== null && !layer.methods.every((m) => m === "OPTIONS"))
      headerNamesIn(handler.node, app.dialect, add);
  return names;
}
