import { insertAfterLine, removeCalls } from "../edit";
import { BAD_BODY, movedRequest } from "../page";
import type { StackCase, StackUnderTest } from "../stack";
import { NEEDS_KEY, npmVersion, startNode } from "./node-common";

function app(before: string, cors: string): string {
  return `const fastify = require("fastify");
async function main() {
  const app = fastify();
  ${before}
  await app.register(require("@fastify/cors"), ${cors});
  app.get("/api/items", async () => []);
  app.post("/api/items", async (req, reply) => reply.code(201).send({ id: 1 }));
  app.put("/api/items/:id", async () => ({ id: 1 }));
  app.patch("/api/items/:id", async () => ({ id: 1 }));
  app.delete("/api/items/:id", async (req, reply) => reply.code(204).send());
  app.get("/api/me", async () => ({ user: "ada" }));
  app.get("/api/fail", async () => {
    throw new Error("boom");
  });
  await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
}
main();
`;
}

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
    config: (o) =>
      app(
        "",
        `{ origin: "${o}", methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"], allowedHeaders: ["content-type"] }`,
      ),
    expect: ["header-not-allowed"],
  },
  {
    name: "method-missing",
    target: "remove",
    config: (o) => app("", `{ origin: "${o}", methods: ["GET", "HEAD", "POST", "PUT", "PATCH"] }`),
    expect: ["method-not-allowed"],
  },
  {
    name: "preflight-auth",
    target: "update",
    config: (o) =>
      app(
        `app.addHook("onRequest", async (req, reply) => {
    const path = req.url.split("?")[0];
    if (${NEEDS_KEY.replace("req.path", "path")}) return reply.code(401).send({ error: "unauthorized" });
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
        `app.addHook("onRequest", async (req, reply) => {
    if (req.url.startsWith("/api/v1/")) return reply.redirect(\`/api/\${req.url.slice(8)}\`, 308);
  });`,
        `{ origin: "${o}" }`,
      ),
    expect: ["preflight-redirected"],
  },
  {
    name: "error-no-cors",
    target: "bad-body",
    extra: [BAD_BODY],
    // The hook option moves @fastify/cors after body parsing: a 400 from the parser gets no headers.
    config: (o) => app("", `{ origin: "${o}", hook: "preHandler" }`),
    expect: ["missing-allow-origin"],
  },
];

export const fastifyStack: StackUnderTest = {
  stack: "fastify",
  label: "Fastify + @fastify/cors",
  version: () => {
    const f = npmVersion("fastify");
    const c = npmVersion("@fastify/cors");
    return f && c ? `fastify ${f}, @fastify/cors ${c}` : null;
  },
  install: "npm ci",
  cases,
  notApplicable: { "duplicate-proxy": "a proxy case: see nginx in front of an app" },
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = fastify()`, before routes and before any auth onRequest hook."
    const out = removeCalls(config, 'await app.register(require("@fastify/cors")');
    return insertAfterLine(out, "const app = fastify()", fix.snippet);
  },
};
