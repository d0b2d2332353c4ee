import { insertAfterLine, removeCalls, removeLines } from "../edit";
import type { StackUnderTest } from "../stack";
import { NEEDS_KEY, nodeCases, npmVersions, PROXY_ONLY, startNode } from "./node-common";

function app(before: string, cors: string): string {
  return `const { Hono } = require("hono");
const { cors } = require("hono/cors");
const { serve } = require("@hono/node-server");
const app = new Hono();
${before}
app.use("*", cors(${cors}));
app.get("/api/items", (c) => c.json([]));
app.post("/api/items", (c) => c.json({ id: 1 }, 201));
app.put("/api/items/:id", (c) => c.json({ id: 1 }));
app.patch("/api/items/:id", (c) => c.json({ id: 1 }));
app.delete("/api/items/:id", (c) => c.body(null, 204));
app.get("/api/me", (c) => c.json({ user: "ada" }));
app.get("/api/fail", () => {
  throw new Error("boom");
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
`;
}

export const honoStack: StackUnderTest = {
  stack: "hono",
  label: "Hono (hono/cors)",
  version: () => npmVersions("hono", "@hono/node-server"),
  install: "npm ci",
  cases: nodeCases({
    app,
    methods: "allowMethods",
    headers: "allowHeaders",
    auth: `app.use("*", async (c, next) => {
  const req = { path: c.req.path, headers: { "x-api-key": c.req.header("x-api-key") } };
  if (${NEEDS_KEY}) return c.json({ error: "unauthorized" }, 401);
  await next();
});`,
    redirect: 'app.all("/api/v1/*", (c) => c.redirect("/api/" + c.req.path.slice(8), 308));',
    // Validation middleware of the usual kind: a malformed JSON body is answered 400 right away.
    badBody: {
      before: `app.use("/api/*", async (c, next) => {
  if ((c.req.header("content-type") ?? "").includes("json")) {
    try {
      JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: "malformed JSON" }, 400);
    }
  }
  await next();
});`,
    },
  }),
  notApplicable: PROXY_ONLY,
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = new Hono()`, before every route and other middleware."
    let out = removeCalls(config, 'app.use("*", cors(');
    out = removeLines(out, 'require("hono/cors")');
    return insertAfterLine(out, "const app = new Hono()", fix.snippet);
  },
};
