// https://github.com/expressjs/cors/issues/20 (resolution in https://github.com/expressjs/multer/issues/25):
// the upload route was registered before `app.use(cors())`, so that route answered without the
// CORS headers; the answer: register cors() first, above the routes.

import { startNode } from "../stacks/node-common";
import { EXPRESS_ROUTES } from "./node-routes";
import type { Report } from "./report";

export const expressCors20: Report = {
  url: "https://github.com/expressjs/cors/issues/20",
  id: "expressjs/cors#20",
  stack: "express",
  mistake: "app.use(cors()) comes after the route that answered: it never runs for that route",
  names: [/cors\(\)/, /after|before|above/i, /route/i],
  target: "create",
  expect: ["missing-allow-origin"],
  config: () => `const express = require("express");
const cors = require("cors");

const app = express();
app.post("/api/items", express.json(), (req, res) => res.status(201).json({ id: 1 }));
app.use(cors());
${EXPRESS_ROUTES}
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
  start: startNode("cjs"),
  shape: { syntax: "js", call: "cors(", anchor: "const app = express()" },
  form: "cjs",
};
