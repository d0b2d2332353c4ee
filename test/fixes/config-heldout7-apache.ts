/**
 * Issue #23's seventh never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://docs.hetzner.com/konsoleh/account-management/development/cors — two front ends written
    // into one Access-Control-Allow-Origin, comma separated: the header may hold one origin only.
    // Root: that Header line.
    name: "heldout7 Apache: two front ends comma-separated in one Access-Control-Allow-Origin",
    url: "https://docs.hetzner.com/konsoleh/account-management/development/cors",
    rootText: `Header always set Access-Control-Allow-Origin "${APP_ORIGIN}, ${ADMIN}"`,
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    # Front ends allowed to call the API
    Header always set Access-Control-Allow-Origin "${APP_ORIGIN}, ${ADMIN}"
    Header always set Access-Control-Allow-Methods "OPTIONS, GET, POST, PUT"

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    // https://www.webcodegeeks.com/web-servers/cors-and-how-to-enable-it-in-apache-web-server/ —
    // Allow-Origin "*" kept while credentials were turned on for the logged-in calls: a credentialed
    // request refuses the wildcard. Root: the Allow-Origin "*" line.
    name: "heldout7 Apache: Allow-Origin * with Allow-Credentials true, the credentialed call refused",
    url: "https://www.webcodegeeks.com/web-servers/cors-and-how-to-enable-it-in-apache-web-server/",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    <IfModule mod_headers.c>
        Header set Access-Control-Allow-Origin "*"
        Header set Access-Control-Allow-Credentials "true"
    </IfModule>

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://riptutorial.com/http/example/11819/server--responding-to-preflight-requests — the
    // preflight must list the method asked for: Apache answers OPTIONS itself with Allow-Methods
    // GET, POST, and the page's DELETE is refused. Root: the Allow-Methods line.
    name: "heldout7 Apache: Apache answers the preflight 204, its Allow-Methods lacks DELETE",
    url: "https://riptutorial.com/http/example/11819/server--responding-to-preflight-requests",
    rootText: 'Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"
    Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS"
    Header always set Access-Control-Allow-Headers "Content-Type"

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
      { method: "DELETE", path: "/api/items/1", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
