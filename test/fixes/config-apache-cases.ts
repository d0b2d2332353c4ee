/**
 * Broken Apache httpd virtual hosts as projects write them, each rebuilding a situation public Q&A
 * and issue threads keep reporting: the preflight sent on to an application that answers 405, the
 * `RewriteRule … [R=200,L]` OPTIONS answer with `Header set` (no `always`: httpd's own answer sends
 * the always table only), a fixed origin when a second front end arrives, `*` with credentials,
 * httpd and the application both adding Allow-Origin, a `SetEnvIf Origin` regex with unescaped dots
 * that misses the new front end, any origin reflected with credentials and a lacking header list,
 * a lacking method, a per-directory
 * OPTIONS rewrite that runs after `Require`, `ProxyErrorOverride` error pages without CORS,
 * `.htaccess` CORS for static files, CORS in a `<Location>` only, credentials without
 * Allow-Credentials. `PORT`, `APP` and `DIR` are the test's ports and directory. `calls` are what the
 * page does; `check` what `cors-lens check` must find (code and line of the site file).
 */
import { createHash } from "node:crypto";
import type { ConfigCase } from "./config-cases";

export interface ApacheCase extends ConfigCase {
  /** Other files, by path under the case's directory (`public/.htaccess`), passed with --config. */
  files?: Record<string, string>;
}

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
/** htpasswd's {SHA} form (mod_authn_file reads it): bob / secret. */
const HTPASSWD = `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;
const PROXY = "    ProxyPass /api/ http://127.0.0.1:APP/api/";
const OPTIONS_204 = [
  "    RewriteEngine On",
  "    RewriteCond %{REQUEST_METHOD} OPTIONS",
  "    RewriteRule ^ - [R=204,L]",
].join("\n");

export const APACHE_CASES: ApacheCase[] = [
  {
    name: "the preflight goes on to the app, which answers 405",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.local
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, POST, PUT"
    Header always set Access-Control-Allow-Headers "Content-Type"
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "preflight-to-upstream", line: 6 }],
  },
  {
    name: "RewriteRule [R=200,L] answers OPTIONS, Header set without always",
    site: `<VirtualHost 127.0.0.1:PORT>
    # Allow the front end
    Header set Access-Control-Allow-Origin "${APP}"
    Header set Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
    Header set Access-Control-Allow-Headers "Content-Type, Authorization"

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^(.*)$ $1 [R=200,L]

${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "DELETE", path: "/api/items/1", origin: APP },
    ],
    check: [
      { code: "no-always", line: 3 },
      { code: "no-always", line: 4 },
    ],
  },
  {
    name: "a fixed origin when a second front end arrives",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, POST, DELETE"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "DELETE", path: "/api/items/1", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "* with credentials",
    site: `<VirtualHost 127.0.0.1:PORT>
    <IfModule mod_headers.c>
        Header always set Access-Control-Allow-Origin "*"
        Header always set Access-Control-Allow-Credentials "true"
    </IfModule>
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/public", origin: ADMIN },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 3 }],
  },
  {
    name: "httpd and the app both add Allow-Origin",
    app: { ownCors: [["Access-Control-Allow-Origin", APP]] },
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, POST"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
  {
    name: "a SetEnvIf Origin regex with unescaped dots misses the new front end",
    site: `<VirtualHost 127.0.0.1:PORT>
    SetEnvIf Origin "https://(app|www).example.com" CORS_ORIGIN=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN
    Header always merge Vary Origin
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [
      { code: "origin-regex-dot", line: 2 },
      { code: "origin-regex-anchor", line: 2 },
    ],
  },
  {
    name: "any origin reflected with credentials, Authorization not in Allow-Headers",
    site: `<VirtualHost 127.0.0.1:PORT>
    SetEnvIf Origin "^(.+)$" ORIGIN=$1
    Header always set Access-Control-Allow-Origin "%{ORIGIN}e" env=ORIGIN
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Headers "Content-Type"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP, credentials: true },
      {
        method: "GET",
        path: "/api/me",
        origin: APP,
        credentials: true,
        headers: [["Authorization", "Bearer t"]],
      },
    ],
    check: [
      { code: "reflected-with-credentials", line: 3 },
      { code: "vary-origin-missing", line: 3 },
    ],
  },
  {
    name: "Allow-Methods lacks PATCH",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET,POST,PUT,DELETE"
    Header always set Access-Control-Allow-Headers "Content-Type"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
      { method: "PATCH", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    name: "an OPTIONS rewrite in a Location runs after Require refuses the preflight",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, POST, PUT"
    Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key"
    <Location /api/items/>
        RewriteEngine On
        RewriteCond %{REQUEST_METHOD} OPTIONS
        RewriteRule ^ - [R=204,L]
        <If "-z req('X-Api-Key')">
            Require all denied
        </If>
    </Location>
${PROXY}
</VirtualHost>
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP,
        headers: [
          ["Content-Type", "application/json"],
          ["X-Api-Key", "k1"],
        ],
      },
    ],
    check: [
      { code: "preflight-rewrite-after-auth", line: 7 },
      { code: "preflight-refused", line: 10 },
    ],
  },
  {
    name: "ProxyErrorOverride: httpd's error page without CORS (Header set)",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header set Access-Control-Allow-Origin "${APP}"
    ProxyErrorOverride On
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/fail", origin: APP },
    ],
    check: [{ code: "no-always", line: 2 }],
  },
  {
    name: ".htaccess CORS for static files, a second front end",
    site: `<VirtualHost 127.0.0.1:PORT>
    DocumentRoot DIR/public
    <Directory DIR/public>
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>
`,
    files: {
      "public/.htaccess": `# fonts and data for the front end
<IfModule mod_headers.c>
    Header set Access-Control-Allow-Origin "${APP}"
</IfModule>
`,
      "public/data.json": '{"ok":true}\n',
      "public/index.html": "<!doctype html><title>front</title>\n",
    },
    calls: [
      { method: "GET", path: "/data.json", origin: APP },
      { method: "GET", path: "/data.json", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "CORS in a Location for /api/ only, the v2 API outside it",
    site: `<VirtualHost 127.0.0.1:PORT>
${OPTIONS_204}
    <Location /api/>
        Header always set Access-Control-Allow-Origin "${APP}"
        Header always set Access-Control-Allow-Methods "GET, POST"
    </Location>
${PROXY}
    ProxyPass /v2/ http://127.0.0.1:APP/v2/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/v2/items", origin: APP },
    ],
    check: [],
  },
  {
    name: "credentials without Access-Control-Allow-Credentials",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Vary "Origin"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  {
    name: "CORS set for the preflight only, in an <If> on OPTIONS",
    site: `<VirtualHost 127.0.0.1:PORT>
    <If "%{REQUEST_METHOD} == 'OPTIONS'">
        Header always set Access-Control-Allow-Origin "${APP}"
        Header always set Access-Control-Allow-Methods "GET, PUT"
        Header always set Access-Control-Allow-Headers "Content-Type"
    </If>
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "cors-on-preflight-only", line: 2 }],
  },
  {
    name: "held-out: the widespread IfModule snippet with *, a PUT the snippet does not list",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com
    <IfModule mod_headers.c>
        Header set Access-Control-Allow-Origin "*"
        Header set Access-Control-Allow-Methods "GET, POST, OPTIONS"
        Header set Access-Control-Allow-Headers "Content-Type"
    </IfModule>
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [
      { code: "no-always", line: 4 },
      { code: "preflight-to-upstream", line: 8 },
    ],
  },
  {
    name: "held-out: SetEnvIfNoCase for any subdomain, a partner domain arrives",
    site: `<VirtualHost 127.0.0.1:PORT>
    SetEnvIfNoCase Origin "^https?://(.+\\.)?example\\.com$" AccessControlAllowOrigin=$0
    Header always set Access-Control-Allow-Origin %{AccessControlAllowOrigin}e env=AccessControlAllowOrigin
    Header always merge Vary Origin
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: "https://partner.example.org" },
    ],
    check: [],
  },
  {
    name: "held-out: Allow-Headers * with credentials does not cover Authorization",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Headers "*"
    Header always set Access-Control-Allow-Methods "GET, POST"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      {
        method: "GET",
        path: "/api/me",
        origin: APP,
        credentials: true,
        headers: [["Authorization", "Bearer t"]],
      },
    ],
    check: [],
  },
  {
    name: "held-out: the origin echoed with expr=, credentials not allowed",
    site: `<VirtualHost 127.0.0.1:PORT>
    <If "%{HTTP:Origin} =~ m#^https://(app|admin)\\.example\\.com$#">
        Header always set Access-Control-Allow-Origin "expr=%{req:Origin}"
    </If>
    Header always merge Vary Origin
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  {
    name: "held-out: basic auth on the whole API refuses the preflight (401)",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Headers "Authorization, Content-Type"
    Header always set Access-Control-Allow-Methods "GET, PUT"
    <Location /api/>
        AuthType Basic
        AuthName "API"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>
${PROXY}
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP,
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", `Basic ${Buffer.from("bob:secret").toString("base64")}`],
        ],
      },
    ],
    check: [{ code: "preflight-refused", line: 10 }],
  },
  {
    name: "held-out: Header always add for Allow-Origin, a second front end",
    site: `<VirtualHost 127.0.0.1:PORT>
    Header always add Access-Control-Allow-Origin "${APP}"
    Header always add Access-Control-Allow-Methods "GET, POST"
${OPTIONS_204}
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "POST", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "held-out: CORS in a LocationMatch for v1 and v2, v3 outside it",
    site: `<VirtualHost 127.0.0.1:PORT>
${OPTIONS_204}
    <LocationMatch "^/api/(v1|v2)/">
        Header always set Access-Control-Allow-Origin "${APP}"
    </LocationMatch>
${PROXY}
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/v1/items", origin: APP },
      { method: "GET", path: "/api/v3/items", origin: APP },
    ],
    check: [],
  },
];

/** Correct configurations: check must report nothing. */
export const APACHE_CORRECT: string[] = [
  `<VirtualHost *:8080>
    ServerName api.example.com
    SetEnvIf Origin "^https://(app|admin)\\.example\\.com$" CORS_ORIGIN=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN
    Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN
    Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization"
    Header always merge Vary Origin
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`,
  `<VirtualHost *:80>
    DocumentRoot /var/www/cdn
    <Directory /var/www/cdn>
        Require all granted
        <FilesMatch "\\.(woff2?|ttf|json)$">
            Header always set Access-Control-Allow-Origin "*"
        </FilesMatch>
    </Directory>
</VirtualHost>
`,
  `<VirtualHost *:8443>
    <Location /api/>
        <If "%{HTTP:Origin} =~ m#^https://app\\.example\\.com$#">
            Header always set Access-Control-Allow-Origin "expr=%{req:Origin}"
            Header always set Access-Control-Allow-Credentials "true"
        </If>
        Header always merge Vary Origin
        AuthType Basic
        AuthName "api"
        AuthUserFile /etc/apache2/.htpasswd
        <LimitExcept OPTIONS>
            Require valid-user
        </LimitExcept>
    </Location>
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]
    ProxyPass /api/ http://127.0.0.1:3000/api/
</VirtualHost>
`,
  `# fonts for every site, the API for two front ends with cookies
<VirtualHost *:80>
    ServerName static.example.com
    DocumentRoot /var/www/static
    <FilesMatch "\\.(woff2?|ttf|otf)$">
        Header always set Access-Control-Allow-Origin "*"
    </FilesMatch>
</VirtualHost>
<VirtualHost *:80>
    ServerName api.example.com
    SetEnvIfNoCase Origin "^https://(app|admin)\\.example\\.com$" CORS_ORIGIN=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN
    Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN
    Header always set Access-Control-Expose-Headers "Link, X-Total-Count" env=CORS_ORIGIN
    Header always merge Vary Origin
    Header unset Access-Control-Allow-Origin
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]
    ProxyPass / http://127.0.0.1:3000/
</VirtualHost>
`,
  `<IfModule mod_headers.c>
    Header always set Access-Control-Allow-Origin "https://app.example.com"
    Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization"
    Header always set Access-Control-Max-Age "600"
</IfModule>
<IfModule mod_rewrite.c>
    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} =OPTIONS
    RewriteRule .* - [R=204,L]
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteRule ^ index.php [L]
</IfModule>
`,
];
