// https://github.com/monsur/enable-cors.org/issues/106 — the enable-cors.org nginx recipe's
// add_header lines have no `always`, so a 4xx/5xx from the app goes out without
// Access-Control-Allow-Origin ("2 days solving issue with 401 error not getting
// 'access-control-allow-origin'"); the answer: add `always`.
import { nginxProxyStack } from "../stacks/nginx";
import { appLine } from "../stacks/upstream";
import type { Report } from "./report";
import { applyNginx, nginxConf } from "./report";

const recipe = (method: string) => `      if ($request_method = '${method}') {
        add_header 'Access-Control-Allow-Origin' '*';
        add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
        add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
        add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range';
      }`;

export const enableCors106: Report = {
  url: "https://github.com/monsur/enable-cors.org/issues/106",
  id: "enable-cors.org#106",
  stack: "nginx",
  mistake:
    "add_header without `always` is skipped on 4xx/5xx responses: the app's error goes out without the header",
  names: [/always/],
  target: "fail",
  expect: ["missing-allow-origin"],
  config: () => `${appLine(null)}
${nginxConf(`    location /api/ {
      if ($request_method = 'OPTIONS') {
        add_header 'Access-Control-Allow-Origin' '*';
        add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
        add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
        add_header 'Access-Control-Max-Age' 1728000;
        add_header 'Content-Type' 'text/plain; charset=utf-8';
        add_header 'Content-Length' 0;
        return 204;
      }
${recipe("POST")}
${recipe("GET")}
      proxy_pass http://UPSTREAM;
    }`)}`,
  start: nginxProxyStack.start,
  apply: applyNginx,
};
