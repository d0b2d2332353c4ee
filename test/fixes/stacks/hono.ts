import { insertAfterLine, removeCalls, removeLines } from "../edit";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { NEEDS_KEY, npmVersion, startNode } from "./node-common";

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

/** Validation middleware of the usual kind: a malformed JSON body is answered 400 right away. */
const VALIDATE_JSON = `app.use("/api/*", async (c, next) => {
  if ((c.req.header("content-type") ?? "").includes("json")) {
    try {
      JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: "malformed JSON" }, 400);
    }
  }
  await next();
});`;

const cases: StackCase[] = [
  {
    name: "wildcard-credentials",
    target: "me",
    config: () => app("", '{ origin: "*", credentials: true }'),
    expect: ["wildcard-origin-with-credentials"],
  },
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
        `app.use("*", async (c, next) => {
  const req = { path: c.req.path, headers: { "x-api-key": c.req.header("x-api-key") } };
  if (${NEEDS_KEY}) return c.json({ error: "unauthorized" }, 401);
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
        'app.all("/api/v1/*", (c) => c.redirect("/api/" + c.req.path.slice(8), 308));',
        `{ origin: "${o}" }`,
      ),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "bad-body",
    extra: [BAD_BODY],
    config: (o) => app(VALIDATE_JSON, `{ origin: "${o}" }`),
    expect: ["missing-allow-origin"],
  },
];

export const honoStack: StackUnderTest = {
  stack: "hono",
  label: "Hono (hono/cors)",
  version: () => {
    const h = npmVersion("hono");
    const n = npmVersion("@hono/node-server");
    return h && n ? `hono ${h}, @hono/node-server ${n}` : null;
  },
  install: "npm ci",
  cases,
  notApplicable: { "duplicate-proxy": "a proxy case: see nginx in front of an app" },
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = new Hono()`, before every route and other middleware."
    let out = removeCalls(config, 'app.use("*", cors(');
    out = removeLines(out, 'require("hono/cors")');
    return insertAfterLine(out, "const app = new Hono()", fix.snippet);
  },
};
