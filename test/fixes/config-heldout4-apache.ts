/**
 * Issue #23's fourth never-seen measure, Apache httpd: broken site files rebuilt from public reports
 * (cited above each case; situation rebuilt, no text copied), written blind to the readers. `PORT`,
 * `APP` and `DIR` are the test's ports and the case's folder. `rootText`: the root cause's line.
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP = "https://app.example.com";
const json: [string, string] = ["Content-Type", "application/json"];
const bearer: [string, string] = ["Authorization", "Bearer eyJhbGciOi"];

export const HELD_OUT4_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/francescomalatesta/laravel-api-boilerplate-jwt/issues/56 — the CORS headers
    // are set for every answer, but the preflight goes on to the application like any request and
    // the application has no OPTIONS route (405): the JSON POST with its token never leaves.
    // Root: the ProxyPass that hands OPTIONS to the application.
    name: "heldout4 Apache: the preflight is proxied to the API, which answers OPTIONS 405",
    url: "https://github.com/francescomalatesta/laravel-api-boilerplate-jwt/issues/56",
    rootText: "ProxyPass /api/ http://127.0.0.1:APP/api/",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.local

    <IfModule mod_headers.c>
        Header always set Access-Control-Allow-Origin "*"
        Header always set Access-Control-Max-Age "1000"
        Header always set Access-Control-Allow-Headers "X-Requested-With, Content-Type, Origin, Authorization, Accept"
        Header always set Access-Control-Allow-Methods "POST, GET, OPTIONS, DELETE, PUT"
    </IfModule>

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "POST", path: "/api/items", origin: APP, headers: [bearer, json] },
    ],
    check: [],
  },
  {
    // https://stackoverflow.com/questions/39502968/apache-difference-between-header-always-set-and-header-set/39551910
    // — `Header set` (the onsuccess table) is left out of the answers httpd makes itself: the data
    // files are served with the header, but a file that is not there gets httpd's own 404 without
    // it, and the page cannot read that it is missing. Root: the Header set line.
    name: "heldout4 Apache: Header set without always, httpd's own 404 has no Allow-Origin",
    url: "https://stackoverflow.com/questions/39502968/apache-difference-between-header-always-set-and-header-set/39551910",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName data.local
    DocumentRoot DIR/public

    <Directory DIR/public>
        Require all granted
        Options -Indexes
        Header set Access-Control-Allow-Origin "*"
    </Directory>
</VirtualHost>
`,
    files: { "public/data/items.json": '[{"id":1}]\n' },
    calls: [
      { method: "GET", path: "/data/items.json", origin: APP },
      { method: "GET", path: "/data/missing.json", origin: APP },
    ],
    check: [],
  },
  {
    // https://github.com/monsur/enable-cors.org/issues/105 — a basic-auth'd API opened to the
    // front end with `Access-Control-Allow-Origin "*"` and `Allow-Credentials true`: the browser
    // refuses `*` for a credentialed request. Root: the Allow-Origin "*" line.
    name: "heldout4 Apache: Allow-Origin * with Allow-Credentials true, the credentialed call refused",
    url: "https://github.com/monsur/enable-cors.org/issues/105",
    rootText: 'Header always set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.local

    <IfModule mod_headers.c>
        Header always set Access-Control-Allow-Origin "*"
        Header always set Access-Control-Allow-Credentials true
        Header always set Access-Control-Allow-Methods "POST, GET, OPTIONS, DELETE, PUT"
        Header always set Access-Control-Allow-Headers "x-requested-with, Content-Type, origin, authorization, accept"
    </IfModule>

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
];
