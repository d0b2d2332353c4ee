// https://github.com/cyu/rack-cors/issues/162 — "contains multiple values '*, *'": Rack::Cors in the
// app and nginx in front both set Access-Control-Allow-Origin; the thread's conclusion: set it in
// one layer only.
import { files } from "../stacks/python-common";
import { RACK_APP } from "./rack-cors-129";
import { applyNginx, nginxConf, nginxInFront, type Report } from "./report";

export const rackCors162: Report = {
  url: "https://github.com/cyu/rack-cors/issues/162",
  id: "cyu/rack-cors#162",
  stack: "nginx",
  mistake: "Rack::Cors and nginx both add Access-Control-Allow-Origin: two values",
  names: [/nginx/i, /two|both|twice|more than one|multiple/i],
  target: "update",
  expect: ["multiple-allow-origin"],
  config: () =>
    files({
      "config.ru": `require "json"
require "rack/cors"

use Rack::Cors do
  allow do
    origins '*'
    resource '*', headers: :any, methods: [:get, :post, :put, :patch, :delete, :options, :head]
  end
end

${RACK_APP}`,
      "nginx.conf": nginxConf(`    location /api/ {
      add_header 'Access-Control-Allow-Origin' '*' always;
      proxy_pass http://UPSTREAM;
    }`),
    }),
  start: nginxInFront("puma", "config.ru"),
  apply: applyNginx,
};
