import { insertAfterLine, removeCalls } from "../edit";
import type { StackUnderTest } from "../stack";
import { NEEDS_KEY, nodeCases, npmVersions, PROXY_ONLY, startNode } from "./node-common";

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

export const fastifyStack: StackUnderTest = {
  stack: "fastify",
  label: "Fastify + @fastify/cors",
  version: () => npmVersions("fastify", "@fastify/cors"),
  install: "npm ci",
  cases: nodeCases({
    app,
    methods: "methods",
    headers: "allowedHeaders",
    auth: `app.addHook("onRequest", async (req, reply) => {
    const path = req.url.split("?")[0];
    if (${NEEDS_KEY.replace("req.path", "path")}) return reply.code(401).send({ error: "unauthorized" });
  });`,
    redirect: `app.addHook("onRequest", async (req, reply) => {
    if (req.url.startsWith("/api/v1/")) return reply.redirect("/api/" + req.url.slice(8), 308);
  });`,
    // The hook option moves @fastify/cors after body parsing: the parser's 400 gets no headers.
    badBody: { before: "", option: ', hook: "preHandler"' },
  }),
  notApplicable: PROXY_ONLY,
  start: startNode,
  apply(config, fix) {
    // "Right after `const app = fastify()`, awaited, before routes and any auth or redirect hook."
    const out = removeCalls(config, 'await app.register(require("@fastify/cors")');
    return insertAfterLine(out, "const app = fastify()", fix.snippet);
  },
};
