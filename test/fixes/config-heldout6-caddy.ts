/**
 * Issue #23's sixth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. `PORT` and `APP` are the test's
 * ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const APP_ORIGIN = "https://app.example.com";
const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;

export const HELD_OUT6_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://enable-cors.org/server_caddy.html — path-specific CORS: the headers are given to the
    // path `/api` only, and Caddy's path matcher is exact, so /api/items (and its preflight, which
    // Caddy answers 204 itself) goes out with no CORS header. Root: the first `header /api` line.
    name: "heldout6 Caddy: CORS headers on the path /api (exact), the /api/items calls get none",
    url: "https://enable-cors.org/server_caddy.html",
    rootText: `header /api Access-Control-Allow-Origin "${APP_ORIGIN}"`,
    site: `${GLOBAL}
:PORT {
\t# CORS for the API only
\theader /api Access-Control-Allow-Origin "${APP_ORIGIN}"
\theader /api Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
\theader /api Access-Control-Allow-Headers "Content-Type, Authorization"

\t@preflight method OPTIONS
\trespond @preflight 204

\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
  {
    // https://davisenra.com.br/blog/caching-preflight-requests-with-caddy/_payload.json — Caddy in
    // front of the API answers the preflight itself (and lets browsers cache it); the methods it
    // answers list GET, POST, DELETE, and the page's PUT is refused. Root: the Allow-Methods line.
    name: "heldout6 Caddy: Caddy answers the preflight, its Allow-Methods lacks PUT",
    url: "https://davisenra.com.br/blog/caching-preflight-requests-with-caddy/_payload.json",
    rootText: 'header Access-Control-Allow-Methods "GET, POST, DELETE"',
    site: `${GLOBAL}
:PORT {
\t@cors_preflight method OPTIONS

\theader {
\t\tAccess-Control-Allow-Origin "${APP_ORIGIN}"
\t\tAccess-Control-Allow-Headers "Content-Type, Authorization"
\t\tVary Origin
\t}

\thandle @cors_preflight {
\t\theader Access-Control-Allow-Methods "GET, POST, DELETE"
\t\theader Access-Control-Max-Age "86400"
\t\trespond "" 204
\t}

\thandle {
\t\treverse_proxy 127.0.0.1:APP
\t}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "DELETE", path: "/api/items/1", origin: APP_ORIGIN },
      { method: "PUT", path: "/api/items/1", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
];
