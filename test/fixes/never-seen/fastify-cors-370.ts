// https://github.com/fastify/fastify-cors/issues/370 — after @fastify/cors 11, `{ origin: "*" }`
// lets GET and POST through but PUT is blocked; the answer: 11 allows only GET, HEAD and POST by
// default (fastify/fastify-cors#359), set the `methods` option.

import { startNode } from "../stacks/node-common";
import { FASTIFY_ROUTES } from "./node-routes";
import type { Report } from "./report";

export const fastifyCors370: Report = {
  url: "https://github.com/fastify/fastify-cors/issues/370",
  id: "fastify/fastify-cors#370",
  stack: "fastify",
  mistake: "PUT is not in @fastify/cors's methods (its default is GET, HEAD, POST since 11)",
  names: [/PUT/, /methods/],
  target: "update",
  expect: ["method-not-allowed"],
  config: () => `import fastify from "fastify";
import cors from "@fastify/cors";

const app = fastify();
await app.register(cors, { origin: "*" });
${FASTIFY_ROUTES}
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`,
  start: startNode("esm"),
  shape: { syntax: "js", call: "register(cors", anchor: "const app = fastify()" },
  form: "esm",
};
