/**
 * Issue #23's sixth never-seen measure, Apache httpd: broken virtual hosts rebuilt from public
 * reports (cited above each case; no text copied), written blind to the readers. `PORT`, `APP` and
 * `DIR` are the test's ports and directory. `rootText`: the root cause's line (the first line
 * holding it).
 */
import { createHash } from "node:crypto";
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const APP_ORIGIN = "https://app.example.com";
/** htpasswd's {SHA} form (mod_authn_file reads it): bob / secret. */
const HTPASSWD = `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;

export const HELD_OUT6_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://tutorialreference.pages.dev/htaccess/security/htaccess-cross-origin-resource-sharing —
    // CORS for static JSON written in the document root's .htaccess (Header set Allow-Origin), but the
    // virtual host's <Directory> says AllowOverride None: httpd never reads the .htaccess, the files
    // go out without Allow-Origin. Root: the AllowOverride None line.
    name: "heldout6 Apache: CORS in public/.htaccess, the vhost's AllowOverride None ignores it",
    url: "https://tutorialreference.pages.dev/htaccess/security/htaccess-cross-origin-resource-sharing",
    rootText: "AllowOverride None",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName static.example.com
    DocumentRoot DIR/public

    <Directory DIR/public>
        Options None
        AllowOverride None
        Require all granted
    </Directory>
</VirtualHost>
`,
    files: {
      "public/.htaccess": `# Let the web app read our JSON data files
<IfModule mod_headers.c>
    <FilesMatch "\\.json$">
        Header set Access-Control-Allow-Origin "${APP_ORIGIN}"
    </FilesMatch>
</IfModule>
`,
      "public/data/items.json": '[{"id":1,"name":"a"}]\n',
      "public/data/prices.json": '{"a":1}\n',
    },
    calls: [
      { method: "GET", path: "/data/items.json", origin: APP_ORIGIN },
      { method: "GET", path: "/data/prices.json", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://www.badllama.com/tags/apache — the caller's Origin mirrored back with SetEnvIf and
    // Header always set … env=, OPTIONS answered by httpd with a rewrite; the Allow-Methods it sends
    // lists GET, POST, OPTIONS, and the page also updates and deletes. Root: the Allow-Methods line.
    name: "heldout6 Apache: mirrored Origin, Allow-Methods GET, POST, OPTIONS only (PUT and DELETE refused)",
    url: "https://www.badllama.com/tags/apache",
    rootText: 'Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS" env=CORS_OK',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    # Echo the caller's Origin back when it sent one
    SetEnvIf Origin "^(https?://[^/]+)$" CORS_OK=$1
    Header always set Access-Control-Allow-Origin "%{CORS_OK}e" env=CORS_OK
    Header always set Access-Control-Allow-Credentials "true" env=CORS_OK
    Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS" env=CORS_OK
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization" env=CORS_OK
    Header always merge Vary Origin

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
      { method: "PUT", path: "/api/items/1", origin: APP_ORIGIN, headers: json },
      { method: "DELETE", path: "/api/items/1", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://www.dev-toolbox.tech/tools/cors-header-builder/examples/preflight-options-handling —
    // "authentication middleware runs first": the API location requires basic auth for every
    // method, the preflight (which never carries credentials) is answered 401. Root: the Require
    // valid-user line.
    name: "heldout6 Apache: Require valid-user on /api/ answers the preflight 401",
    url: "https://www.dev-toolbox.tech/tools/cors-header-builder/examples/preflight-options-handling",
    rootText: "Require valid-user",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
    Header always set Access-Control-Allow-Headers "Authorization, Content-Type"
    Header always merge Vary Origin

    <Location /api/>
        AuthType Basic
        AuthName "Orders API"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: APP_ORIGIN,
        headers: [["Authorization", "Basic Ym9iOnNlY3JldA=="]],
      },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP_ORIGIN,
        headers: [...json, ["Authorization", "Basic Ym9iOnNlY3JldA=="]],
      },
    ],
    check: [],
  },
];
