// https://github.com/caddyserver/caddy/issues/1568 — "Caddy does not respond correctly to preflight
// requests with basic authorization": basicauth answers the preflight (which may not carry
// credentials) with 401; the answer in the thread: the preflight must be answered before
// authentication. Rebuilt in Caddy 2 (the report's Caddy 0.9 `cors` plugin is gone): header lines
// for CORS, basicauth on the API.
import { caddyStack } from "../stacks/caddy";
import { appLine } from "../stacks/upstream";
import { caddyHash, type Report, request } from "./report";

export const caddy1568: Report = {
  url: "https://github.com/caddyserver/caddy/issues/1568",
  id: "caddyserver/caddy#1568",
  stack: "caddy",
  mistake: "basicauth answers the preflight with 401 before CORS does: OPTIONS must skip authentication",
  names: [/401/, /auth/i],
  target: "login" as Report["target"],
  extra: [request("login", "GET", "/api/items", { authorization: "Basic dXNlcjpwYXNz" })],
  expect: ["preflight-status-not-ok"],
  config: (o) => `${appLine(null)}
{
  admin off
  auto_https off
}
http://127.0.0.1:PORT {
  header Access-Control-Allow-Origin "${o}"
  header Access-Control-Allow-Headers "authorization, content-type"
  header Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE"
  basicauth /api/* {
    user ${caddyHash("pass")}
  }
  reverse_proxy UPSTREAM
}
`,
  start: caddyStack.start,
  apply: (config, fix) => caddyStack.apply?.(config, fix, "preflight-auth") ?? config,
};
