// https://github.com/expressjs/cors/issues/145 — "The 'Access-Control-Allow-Origin' header contains
// multiple values '*, *'": an Express app with `app.use(cors())` behind nginx, which adds the header
// too; the answer (the reporter's own, confirmed): remove it from the nginx configuration.

import { files } from "../stacks/python-common";
import { EXPRESS_ROUTES } from "./node-routes";
import type { Report } from "./report";
import { applyNginx, nginxConf, nginxInFront } from "./report";

export const expressCors145: Report = {
  url: "https://github.com/expressjs/cors/issues/145",
  id: "expressjs/cors#145",
  stack: "nginx",
  mistake: "nginx adds Access-Control-Allow-Origin as well as the app's cors(): two values",
  names: [/nginx/i, /two|both|twice|more than one|multiple/i],
  target: "list",
  expect: ["multiple-allow-origin"],
  config: () =>
    files({
      "app.js": `const express = require("express");
const cors = require("cors");

const app = express();
app.use(cors());
${EXPRESS_ROUTES}
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
      "nginx.conf": nginxConf(`    location /api/ {
      add_header Access-Control-Allow-Origin *;
      proxy_pass http://UPSTREAM;
    }`),
    }),
  start: nginxInFront("node-cjs", "app.js"),
  apply: applyNginx,
};
