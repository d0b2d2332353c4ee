/**
 * Issue #23's fifth never-seen measure, Apache httpd: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. `PORT`, `APP` and `DIR` are
 * filled by the suite. `rootText`: the root cause's line (the first line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP = "https://app.example.com";
const json: [string, string] = ["Content-Type", "application/json"];

export const HELD_OUT5_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://serverdevworker.com/535353a22 — the preflight answered by a mod_rewrite `R=200` rule,
    // the CORS headers set with `Header set` (no `always`): the rewrite's answer is an error-class
    // answer, so the headers are not on it. Root: the Allow-Origin `Header set` line.
    name: "heldout5 Apache: OPTIONS answered by RewriteRule R=200, Header set (no always) not on it",
    url: "https://serverdevworker.com/535353a22",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.local

    <IfModule mod_headers.c>
        Header set Access-Control-Allow-Origin "*"
        Header set Access-Control-Allow-Methods "POST, GET, PUT, OPTIONS"
        Header set Access-Control-Allow-Headers "Content-Type"
    </IfModule>

    # answer the browser's OPTIONS check without running the application
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^(.*)$ $1 [R=200,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [json] },
    ],
    check: [],
  },
  {
    // https://tomlankhorst.nl/apache-cross-origin-resource-sharing-cors — Apache in front of Jenkins
    // adds the CORS headers, but the preflight is passed through to the proxied application, which
    // refuses OPTIONS (405). Root: the ProxyPass that takes every method.
    name: "heldout5 Apache: reverse proxy adds CORS headers, the proxied app answers the preflight 405",
    url: "https://tomlankhorst.nl/apache-cross-origin-resource-sharing-cors",
    rootText: "ProxyPass / http://127.0.0.1:APP/ nocanon",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName jenkins.local
    ProxyRequests Off
    ProxyPreserveHost On
    AllowEncodedSlashes NoDecode

    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, POST, PUT, OPTIONS"
    Header always set Access-Control-Allow-Headers "Authorization, Content-Type"
    Header always set Access-Control-Allow-Credentials "true"

    ProxyPass / http://127.0.0.1:APP/ nocanon
    ProxyPassReverse / http://127.0.0.1:APP/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP, credentials: true },
      {
        method: "POST",
        path: "/api/items",
        origin: APP,
        credentials: true,
        headers: [json, ["Authorization", "Bearer jenkins-api-token"]],
      },
    ],
    check: [],
  },
  {
    // https://runebook.dev/en/docs/http/cors/errors/corsmultiplealloworiginnotallowed — CORS set up
    // twice: the web server adds Access-Control-Allow-Origin and the application behind it sends its
    // own, so the answer carries two. Root: Apache's `Header add` of Allow-Origin.
    name: "heldout5 Apache: Header add Allow-Origin on top of the application's own (two values)",
    url: "https://runebook.dev/en/docs/http/cors/errors/corsmultiplealloworiginnotallowed",
    rootText: `Header always add Access-Control-Allow-Origin "${APP}"`,
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.local

    # CORS for the SPA
    Header always add Access-Control-Allow-Origin "${APP}"
    Header always add Vary "Origin"

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items/1", origin: APP },
    ],
    check: [],
  },
];
