/**
 * Issue #23's third never-seen measure, Caddy: Caddyfiles rebuilt from public reports (the report is
 * cited above each case; no text copied), written blind to the readers. `PORT` and `APP` are the
 * test's ports; `rootText` the text of the root cause's line.
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;
const BASIC: [string, string] = ["Authorization", `Basic ${Buffer.from("bob:secret").toString("base64")}`];
const KEEWEB = "https://keeweb.example.com";
const APP = "https://app.example.com";

export const HELD_OUT3_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/keeweb/keeweb/issues/706 — WebDAV behind basicauth with CORS headers for the
    // web client: basicauth demands credentials from the preflight too, which never has them.
    // Root: the basicauth line.
    name: "heldout3 Caddy: basicauth refuses the preflight of the WebDAV client (credentials)",
    url: "https://github.com/keeweb/keeweb/issues/706",
    rootText: "basicauth /api/* {",
    site: `${GLOBAL}
:PORT {
\tbasicauth /api/* {
\t\tbob $2a$14$bmer3uxAHCLrOC22f0daJOd7k.iNBblr8JfQucQy8LoKQ0KsdirCu
\t}
\theader {
\t\tAccess-Control-Allow-Origin "${KEEWEB}"
\t\tAccess-Control-Allow-Methods "GET, HEAD, POST, PUT, OPTIONS, DELETE"
\t\tAccess-Control-Allow-Headers "Authorization, Content-Type, If-Match"
\t\tAccess-Control-Allow-Credentials true
\t\tAccess-Control-Max-Age 1728000
\t}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: KEEWEB, credentials: true, headers: [BASIC] },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: KEEWEB,
        credentials: true,
        headers: [BASIC, ["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/caddyserver/caddy/issues/749 — one header line per CORS header, one of them
    // the request's name (Access-Control-Request-Headers) where the response's was meant, the real
    // Allow-Headers naming Range only: a request with X-Requested-With fails its preflight.
    // Root: the misnamed Access-Control-Request-Headers line.
    name: "heldout3 Caddy: Access-Control-Request-Headers set instead of Allow-Headers (Range only)",
    url: "https://github.com/caddyserver/caddy/issues/749",
    rootText: "Access-Control-Request-Headers",
    app: { optionsStatus: 204 },
    site: `${GLOBAL}
:PORT {
\theader /api/* Access-Control-Allow-Origin *
\theader /api/* Access-Control-Request-Headers *
\theader /api/* Access-Control-Allow-Methods *
\theader /api/* Access-Control-Allow-Headers "Range"
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: APP, headers: [["X-Requested-With", "XMLHttpRequest"]] },
    ],
    check: [],
  },
];

/** A correct Caddyfile (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT3_CADDY_CORRECT = `${GLOBAL}
:PORT {
\t@preflight method OPTIONS
\theader Access-Control-Allow-Origin "${APP}"
\theader Vary Origin
\thandle @preflight {
\t\theader Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
\t\theader Access-Control-Allow-Headers "Content-Type, Authorization"
\t\theader Access-Control-Max-Age 600
\t\trespond 204
\t}
\thandle {
\t\treverse_proxy 127.0.0.1:APP
\t}
}
`;
