import type { StackUnderTest } from "../stack";
import { type Form, NEEDS_KEY, nodeCases, nodeStack, npmVersions, PROXY_ONLY } from "./node-common";

/**
 * A Fastify app as the @fastify/cors README writes one: in an ES module, `await app.register(…)` at
 * the top level; in CommonJS, `app.register(…)` (registration is queued either way).
 */
function app(form: Form, before: string, options: string | null): string {
  const esm = form === "esm";
  const imports = esm
    ? ['import fastify from "fastify";', ...(options === null ? [] : ['import cors from "@fastify/cors";'])]
    : [
        'const fastify = require("fastify");',
        ...(options === null ? [] : ['const cors = require("@fastify/cors");']),
      ];
  const register = options === null ? "" : `${esm ? "await " : ""}app.register(cors, ${options});`;
  return `${imports.join("\n")}

const app = fastify();
${before}
${register}
app.get("/api/items", async () => []);
app.post("/api/items", async (req, reply) => reply.code(201).send({ id: 1 }));
app.put("/api/items/:id", async () => ({ id: 1 }));
app.patch("/api/items/:id", async () => ({ id: 1 }));
app.delete("/api/items/:id", async (req, reply) => reply.code(204).send());
app.get("/api/me", async () => ({ user: "ada" }));
app.get("/api/fail", async () => {
  throw new Error("boom");
});
app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (req, body, done) => done(null, body));
app.get("/api/things", async () => []);
app.post("/api/things", async (req, reply) => reply.code(201).send({ id: 7 }));
app.get("/api/things/:id", async () => ({ id: 7 }));
app.put("/api/things/:id", async () => ({ id: 7 }));
app.patch("/api/things/:id", async () => ({ id: 7 }));
app.delete("/api/things/:id", async (req, reply) => reply.code(204).send());
${esm ? "await " : ""}app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;
}

const fastifyFor = (form: Form): StackUnderTest =>
  nodeStack(
    {
      stack: "fastify",
      label: "Fastify + @fastify/cors",
      version: () => npmVersions("fastify", "@fastify/cors"),
      install: "npm ci",
      shape: { syntax: "js", call: "register(cors", anchor: "const app = fastify()" },
      cases: (f) =>
        nodeCases(
          {
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
            originList: true,
            stringLists: true,
            broaden: ', methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]',
          },
          f,
        ).filter((c) => c.name !== "no-cors-twice"),
      notApplicable: {
        ...PROXY_ONLY,
        "no-cors-twice":
          '@fastify/cors refuses a second registration at start-up (FST_ERR_DEC_ALREADY_PRESENT, "corsPreflightEnabled"): the printed where says to register it once',
      },
    },
    form,
  );

export const fastifyStacks = [fastifyFor("cjs"), fastifyFor("esm")];
