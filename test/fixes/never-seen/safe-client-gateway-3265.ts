// https://github.com/safe-global/safe-client-gateway/pull/3265 — after moving to Fastify, local CORS
// relied on @fastify/cors's defaults (GET, HEAD, POST): every PATCH preflight was refused ("CORS
// Method Not Found"); the change: set `methods` explicitly.

import { startNode } from "../stacks/node-common";
import { FASTIFY_ROUTES } from "./node-routes";
import { type Report, request } from "./report";

export const safeGateway3265: Report = {
  url: "https://github.com/safe-global/safe-client-gateway/pull/3265",
  id: "safe-client-gateway#3265",
  stack: "fastify",
  mistake: "PATCH is not in @fastify/cors's methods (left at its default GET, HEAD, POST)",
  names: [/PATCH/, /methods/],
  target: "role" as Report["target"],
  extra: [
    request("role", "PATCH", "/api/items/1", { "content-type": "application/json" }, '{"role":"ADMIN"}'),
  ],
  expect: ["method-not-allowed"],
  config: () => `const fastify = require("fastify");
const cors = require("@fastify/cors");

const app = fastify();
app.register(cors, { origin: true, credentials: true });
${FASTIFY_ROUTES}
app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`,
  start: startNode("cjs"),
  shape: { syntax: "js", call: "register(cors", anchor: "const app = fastify()" },
  form: "cjs",
};
