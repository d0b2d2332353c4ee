import type { StackUnderTest } from "../stack";
import { type Form, NEEDS_KEY, nodeCases, nodeStack, npmVersions, PROXY_ONLY } from "./node-common";

/** A Hono app on Node as the hono/cors docs write one, in either module system. */
function app(form: Form, before: string, options: string | null): string {
  const imports =
    form === "esm"
      ? [
          'import { Hono } from "hono";',
          ...(options === null ? [] : ['import { cors } from "hono/cors";']),
          'import { serve } from "@hono/node-server";',
        ]
      : [
          'const { Hono } = require("hono");',
          ...(options === null ? [] : ['const { cors } = require("hono/cors");']),
          'const { serve } = require("@hono/node-server");',
        ];
  return `${imports.join("\n")}

const app = new Hono();
${before}
${options === null ? "" : `app.use("*", cors(${options}));`}
app.get("/api/items", (c) => c.json([]));
app.post("/api/items", (c) => c.json({ id: 1 }, 201));
app.put("/api/items/:id", (c) => c.json({ id: 1 }));
app.patch("/api/items/:id", (c) => c.json({ id: 1 }));
app.delete("/api/items/:id", (c) => c.body(null, 204));
app.get("/api/me", (c) => c.json({ user: "ada" }));
app.get("/api/fail", () => {
  throw new Error("boom");
});
app.get("/api/things", (c) => c.json([]));
app.post("/api/things", (c) => c.json({ id: 7 }, 201));
app.get("/api/things/:id", (c) => c.json({ id: 7 }));
app.put("/api/things/:id", (c) => c.json({ id: 7 }));
app.patch("/api/things/:id", (c) => c.json({ id: 7 }));
app.delete("/api/things/:id", (c) => c.body(null, 204));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
`;
}

const honoFor = (form: Form): StackUnderTest =>
  nodeStack(
    {
      stack: "hono",
      label: "Hono (hono/cors)",
      version: () => npmVersions("hono", "@hono/node-server"),
      install: "npm ci",
      shape: { syntax: "js", call: "cors(", anchor: "const app = new Hono()" },
      cases: (f) =>
        nodeCases(
          {
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
            originList: true,
          },
          f,
        ),
      notApplicable: PROXY_ONLY,
    },
    form,
  );

export const honoStacks = [honoFor("cjs"), honoFor("esm")];
