/**
 * Issue #23's second never-seen measure, Caddy (Caddyfile, Caddy 2.6): each case rebuilds a public
 * report (cited above it), written blind to the readers. `PORT` and `APP` are the test's ports;
 * `rootAt` the root cause's line, `check` left empty (codes not known blind).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { HeldOut2Case } from "./config-heldout2-nginx";

export type HeldOut2CaddyCase = CaddyCase & HeldOut2Case;

const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;

export const HELD_OUT2_CADDY: HeldOut2CaddyCase[] = [
  {
    // https://github.com/caddyserver/caddy/issues/5785 — a `(cors)` snippet imported with the
    // front end's origin, whose `header @origin { header_down … }` block is reverse_proxy syntax:
    // inside `header` it is a find-and-replace on a field named "header_down", so no CORS header
    // is ever added. Root cause: the first `header_down` line.
    name: "heldout2: Caddy: a cors snippet writes header_down inside header (reverse_proxy syntax)",
    source: "https://github.com/caddyserver/caddy/issues/5785",
    site: `${GLOBAL}
(cors) {
\t@origin header Origin {args.0}
\theader @origin {
\t\theader_down Access-Control-Allow-Origin "{args.0}"
\t\theader_down Access-Control-Request-Method *
\t}
}

:PORT {
\tencode gzip zstd
\theader {
\t\tStrict-Transport-Security max-age=31536000;
\t\tReferrer-Policy strict-origin-when-cross-origin
\t}
\timport cors https://example.org
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: "https://example.org" }],
    check: [],
    rootAt: "header_down Access-Control-Allow-Origin",
  },
  {
    // https://github.com/greenpau/caddy-security/issues/312 — one `header` block with
    // Allow-Origin `*` and Allow-Credentials true: the page's requests without cookies pass, the
    // one with its session cookie is refused. Root cause: the `Access-Control-Allow-Origin *` line.
    name: "heldout2: Caddy: a header block with * and Allow-Credentials, a cookie request",
    source: "https://github.com/greenpau/caddy-security/issues/312",
    site: `${GLOBAL}
:PORT {
\theader {
\t\tAccess-Control-Allow-Origin *
\t\tAccess-Control-Allow-Methods "GET, OPTIONS"
\t\tAccess-Control-Allow-Headers "Authorization, Content-Type"
\t\tAccess-Control-Allow-Credentials true
\t}
\troute /api/* {
\t\treverse_proxy 127.0.0.1:APP
\t}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "https://ui.example.com" },
      { method: "GET", path: "/api/me", origin: "https://ui.example.com", credentials: true },
    ],
    check: [],
    rootAt: "Access-Control-Allow-Origin *",
  },
  {
    // https://github.com/captncraig/cors/issues/5 — the Caddy 1 workaround `header / { … }` kept in
    // a Caddy 2 file: in v2 a path matcher is exact, so `/` matches the root page only and the API
    // under /api gets no header. Root cause: the `header / {` line.
    name: "heldout2: Caddy: header / { } from Caddy 1 matches only the root path in Caddy 2",
    source: "https://github.com/captncraig/cors/issues/5",
    site: `${GLOBAL}
:PORT {
\theader / {
\t\tAccess-Control-Allow-Origin  *
\t\tAccess-Control-Allow-Methods "GET, POST, OPTIONS"
\t\tAccess-Control-Allow-Headers "Authorization"
\t}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/", origin: "https://dashboard.example.com" },
      { method: "GET", path: "/api/items", origin: "https://dashboard.example.com" },
    ],
    check: [],
    rootAt: "header / {",
  },
];
