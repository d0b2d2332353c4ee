// https://github.com/expressjs/cors/issues/119 — `cors({ credentials: true })` answers
// `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`; the answer in the
// thread: give `origin` (a function or the origin) instead of leaving it at its default `*`.

import { startNode } from "../stacks/node-common";
import { EXPRESS_ROUTES } from "./node-routes";
import type { Report } from "./report";

export const expressCors119: Report = {
  url: "https://github.com/expressjs/cors/issues/119",
  id: "expressjs/cors#119",
  stack: "express",
  mistake: "credentials: true with origin left at its default '*': the origin must be named (or reflected)",
  names: [/\*/, /credentials/i, /origin/],
  target: "me",
  expect: ["wildcard-origin-with-credentials"],
  config: () => `const express = require("express");
const cors = require("cors");

const app = express();
app.use(cors({ credentials: true }));
${EXPRESS_ROUTES}
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
  start: startNode("cjs"),
  shape: { syntax: "js", call: "cors(", anchor: "const app = express()" },
  form: "cjs",
};
