// https://github.com/honojs/hono/issues/3493 — "CORS does not work with found endpoints": the
// header is on a 404 but not on a route that matched; the answer: middleware must be registered
// before the route (app.use(cors()) above app.get(...)).

import { startNode } from "../stacks/node-common";
import { HONO_ROUTES } from "./node-routes";
import type { Report } from "./report";

export const hono3493: Report = {
  url: "https://github.com/honojs/hono/issues/3493",
  id: "honojs/hono#3493",
  stack: "hono",
  mistake: "app.use(cors()) is registered after the route that answered",
  names: [/cors\(/, /after|before|above/i, /route/i],
  target: "list",
  expect: ["missing-allow-origin"],
  config: () => `import { Hono } from "hono";
import { cors } from "hono/cors";
import { serve } from "@hono/node-server";

const app = new Hono();
app.get("/api/items", (c) => c.json([]));
app.use("*", cors());
${HONO_ROUTES}
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
`,
  start: startNode("esm"),
  shape: { syntax: "js", call: "cors(", anchor: "const app = new Hono()" },
  form: "esm",
};
