/**
 * Issue #23's fifth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. `PORT` and `APP` are the test's
 * ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;
const APP = "https://app.example.com";
const json: [string, string] = ["Content-Type", "application/json"];

export const HELD_OUT5_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://cors-handbook.com/posts/cors-for-caddy-web-server/ — the guide's "minimal public API"
    // block (a `header` with Allow-Origin *, reverse_proxy) used for an API the page writes to: no
    // preflight handling, so the OPTIONS goes to the upstream, which refuses it (405). Root: the
    // reverse_proxy every method reaches.
    name: "heldout5 Caddy: header Allow-Origin * only, the PUT's preflight proxied to the app (405)",
    url: "https://cors-handbook.com/posts/cors-for-caddy-web-server/",
    rootText: "reverse_proxy 127.0.0.1:APP",
    site: `${GLOBAL}
:PORT {
\treverse_proxy 127.0.0.1:APP

\theader {
\t\tAccess-Control-Allow-Origin *
\t\tAccess-Control-Expose-Headers "ETag, Link, Location, Retry-After"
\t}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [json] },
    ],
    check: [],
  },
  {
    // https://cors-handbook.com/posts/cors-for-caddy-web-server/ — the same guide's second rule: with
    // cookies, Allow-Origin must not be `*`. A snippet imported by the site answers the preflight and
    // sets `*` with Allow-Credentials true. Root: the snippet's `*` Allow-Origin line.
    name: "heldout5 Caddy: imported cors snippet sets Allow-Origin * with credentials, the cookie call refused",
    url: "https://cors-handbook.com/posts/cors-for-caddy-web-server/",
    rootText: "Access-Control-Allow-Origin *",
    site: `${GLOBAL}
(cors) {
\t@preflight method OPTIONS
\theader {
\t\tAccess-Control-Allow-Origin *
\t\tAccess-Control-Allow-Credentials true
\t\tAccess-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
\t\tAccess-Control-Allow-Headers "Content-Type, Authorization"
\t}
\trespond @preflight 204
}

:PORT {
\timport cors
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, credentials: true, headers: [json] },
    ],
    check: [],
  },
];
