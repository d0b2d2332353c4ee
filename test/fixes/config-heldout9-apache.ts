/**
 * Issue #23's ninth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://www.fromdev.com/2025/04/how-to-allow-multiple-cors-origins-in-htaccess.html — two front
    // ends allowed by listing both origins, space-separated, in one Access-Control-Allow-Origin value:
    // the header takes one origin (or *), so the browser matches neither. Root: that Header line.
    name: "heldout9 Apache: two origins listed in one Access-Control-Allow-Origin value",
    url: "https://www.fromdev.com/2025/04/how-to-allow-multiple-cors-origins-in-htaccess.html",
    rootText: `Header set Access-Control-Allow-Origin "${APP_ORIGIN} ${ADMIN}"`,
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    <IfModule mod_headers.c>
        Header set Access-Control-Allow-Origin "${APP_ORIGIN} ${ADMIN}"
        Header set Access-Control-Allow-Methods "GET, POST, OPTIONS"
        Header merge Vary Origin
    </IfModule>

    ProxyPreserveHost On
    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/axios/axios/issues/572 — the front end sends its calls with credentials
    // (withCredentials) and the server answers Access-Control-Allow-Origin "*": a wildcard is refused
    // for a credentialed call, even with Allow-Credentials true beside it. Root: the Allow-Origin "*"
    // line.
    name: "heldout9 Apache: Allow-Origin '*' with Allow-Credentials true, the credentialed call refused",
    url: "https://github.com/axios/axios/issues/572",
    rootText: 'Header always set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName time.example.com

    <Location /api/>
        Header always set Access-Control-Allow-Origin "*"
        Header always set Access-Control-Allow-Credentials "true"
        Header always set Access-Control-Allow-Methods "GET, OPTIONS"
        ProxyPass http://127.0.0.1:APP/api/
        ProxyPassReverse http://127.0.0.1:APP/api/
    </Location>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/Tmeister/wp-api-jwt-auth/issues/9 — "Request header field Content-Type is not
    // allowed by Access-Control-Allow-Headers in preflight response": the preflight is answered by a
    // rewrite rule, but the allowed headers list Authorization only, and the login POST sends JSON.
    // Root: the Allow-Headers line.
    name: "heldout9 Apache: Allow-Headers lists Authorization only, the JSON POST's preflight refused",
    url: "https://github.com/Tmeister/wp-api-jwt-auth/issues/9",
    rootText: 'Header always set Access-Control-Allow-Headers "Authorization"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName site.example.com

    Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"
    Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS"
    Header always set Access-Control-Allow-Headers "Authorization"

    RewriteEngine On
    RewriteCond %{HTTP:Authorization} ^(.*)
    RewriteRule ^(.*) - [E=HTTP_AUTHORIZATION:%1]
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
];

/**
 * A correct Apache virtual host (the set's correct Apache configuration): the two front ends allowed
 * by a SetEnvIf allowlist and echoed back, credentials, the preflight answered by Apache itself (204),
 * the application behind a proxy. ORIGIN and ORIGIN2 stand for the two front ends (written into a
 * regular expression, so filled escaped); PORT and APP for Apache's and the application's ports.
 */
export const HELD_OUT9_APACHE_CORRECT = `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    SetEnvIf Origin "^(ORIGIN|ORIGIN2)$" CORS_ALLOWED=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ALLOWED}e" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Credentials "true" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization" env=CORS_ALLOWED
    Header always set Access-Control-Max-Age "600" env=CORS_ALLOWED
    Header always merge Vary Origin

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteCond %{HTTP:Access-Control-Request-Method} !^$
    RewriteRule ^ - [R=204,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`;
