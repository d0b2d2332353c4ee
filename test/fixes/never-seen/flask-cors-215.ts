// https://github.com/corydolphin/flask-cors/issues/215 — "same domain added twice": nginx in front
// of a flask-cors app adds Access-Control-Allow-Origin to the preflight as well; the answer: set it
// in one place only (let flask-cors answer, take it out of nginx).

import { files } from "../stacks/python-common";
import { FLASK_ROUTES, FLASK_RUN } from "./python-routes";
import { applyNginx, nginxConf, nginxInFront, type Report } from "./report";

export const flaskCors215: Report = {
  url: "https://github.com/corydolphin/flask-cors/issues/215",
  id: "flask-cors#215",
  stack: "nginx",
  mistake: "both nginx and flask-cors add Access-Control-Allow-Origin to the preflight: two values",
  names: [/nginx/i, /two|both|twice|more than one|multiple/i],
  target: "update",
  expect: ["multiple-allow-origin"],
  config: () =>
    files({
      "app.py": `import os
from flask import Flask, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, supports_credentials=True)
${FLASK_ROUTES}${FLASK_RUN}`,
      "nginx.conf": nginxConf(`    location /api/ {
      if ($request_method = 'OPTIONS') {
        add_header Access-Control-Allow-Origin "$http_origin";
        add_header Access-Control-Allow-Credentials 'true';
        add_header Access-Control-Allow-Methods 'GET, POST, PUT, DELETE, OPTIONS';
        add_header Access-Control-Allow-Headers 'Accept,Authorization,Cache-Control,Content-Type,DNT,If-Modified-Since,Keep-Alive,Origin,User-Agent,X-Requested-With';
        proxy_pass http://UPSTREAM;
      }
      proxy_pass http://UPSTREAM;
    }`),
    }),
  start: nginxInFront("python", "app.py"),
  apply: applyNginx,
};
