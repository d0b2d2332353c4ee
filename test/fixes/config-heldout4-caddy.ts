/**
 * Issue #23's fourth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; situation rebuilt, no text copied), written blind to the readers. `PORT` and
 * `APP` are the test's ports. `rootText`: the root cause's line.
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;
const APP = "https://app.example.com";

export const HELD_OUT4_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://www.auxnet.de/en/blog/caddy-server-cors-and-preflight-requests/ — Caddy as the API
    // gateway: the CORS headers are added to every answer, but nothing answers the preflight, which
    // goes to the upstream like any request (405 there). Root: the reverse_proxy line.
    name: "heldout4 Caddy: CORS headers set, the preflight proxied to the upstream (405)",
    url: "https://www.auxnet.de/en/blog/caddy-server-cors-and-preflight-requests/",
    rootText: "reverse_proxy 127.0.0.1:APP",
    site: `${GLOBAL}
:PORT {
\theader {
\t\tAccess-Control-Allow-Origin "${APP}"
\t\tAccess-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
\t\tAccess-Control-Allow-Headers "Content-Type, Authorization"
\t\tVary Origin
\t}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    // https://corsapi.com/en/blog/caddy-reverse-proxy-cors-directive-header-pass — a reusable CORS
    // snippet imported in the site, in front of an upstream that sends its own
    // Access-Control-Allow-Origin: the answer carries the header twice. Root: the snippet's
    // Allow-Origin line.
    name: "heldout4 Caddy: the imported CORS snippet and the upstream both set Allow-Origin (two values)",
    url: "https://corsapi.com/en/blog/caddy-reverse-proxy-cors-directive-header-pass",
    rootText: `header Access-Control-Allow-Origin "${APP}"`,
    site: `${GLOBAL}
(cors) {
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Methods "GET, POST, OPTIONS"
\theader Vary Origin
}

:PORT {
\timport cors
\treverse_proxy 127.0.0.1:APP
}
`,
    app: { ownCors: [["Access-Control-Allow-Origin", APP]] },
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
];

/** A correct Caddyfile (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT4_CADDY_CORRECT = `${GLOBAL}
:PORT {
\t@api path /api/*
\t@preflight {
\t\tmethod OPTIONS
\t\theader Origin "${APP}"
\t}
\thandle @preflight {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\theader Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE"
\t\theader Access-Control-Allow-Headers "Content-Type, Authorization"
\t\theader Access-Control-Max-Age 86400
\t\theader Vary Origin
\t\trespond 204
\t}
\thandle @api {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\theader Vary Origin
\t\treverse_proxy 127.0.0.1:APP
\t}
}
`;
