/**
 * Issue #23's sixteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import { createHash } from "node:crypto";
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
/** htpasswd's {SHA} form (mod_authn_file reads it): jdoe / secret. */
const HTPASSWD = `jdoe:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;
const JDOE = `Basic ${Buffer.from("jdoe:secret").toString("base64")}`;

export const HELD_OUT16_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/sabre-io/Baikal/issues/1087 — "CORS Options request requires authorization -->
    // Preflight will always fail": the CalDAV/CardDAV server asks for authorization on every request,
    // OPTIONS included, so a web client's CORS request (its Authorization header forces a preflight) gets
    // a 401 at the preflight and is never sent; the answer in the thread is to handle the preflight in
    // Apache or nginx instead. The server's authentication is written as Apache's own basic auth on the
    // DAV endpoint, the DAV server as the proxied application. Root: the Require that also guards OPTIONS.
    name: "heldout16 Apache: the DAV endpoint requires a valid user for every method, the client's PROPFIND preflight answered 401",
    url: "https://github.com/sabre-io/Baikal/issues/1087",
    rootText: "Require valid-user",
    files: { htpasswd: HTPASSWD },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName dav.example.com

    Header always set Access-Control-Allow-Origin "https://app.example.com"
    Header always set Access-Control-Allow-Credentials "true"
    Header always set Access-Control-Allow-Methods "GET, PUT, DELETE, PROPFIND, OPTIONS"
    Header always set Access-Control-Allow-Headers "Authorization, Content-Type, Depth"

    <Location /dav.php>
        AuthType Basic
        AuthName "BaikalDAV"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>

    ProxyPass /dav.php http://127.0.0.1:APP/dav.php
    ProxyPassReverse /dav.php http://127.0.0.1:APP/dav.php
</VirtualHost>
`,
    calls: [
      {
        method: "PROPFIND",
        path: "/dav.php/calendars/jdoe/",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [
          ["Authorization", JDOE],
          ["Depth", "1"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/mozilla/bedrock/pull/3259 — "Add woff2 config to .htaccess": the media directory's
    // .htaccess (added for bug 790806) sets Access-Control-Allow-Origin for font files matched by
    // extension, eot|svg|ttf|woff, and the site's newer .woff2 fonts are not in the list, so pages on the
    // other host load them without the header and the browser refuses them. The .htaccess rules are
    // written in the virtual host's <Directory> for the media folder. Root: the FilesMatch without woff2.
    name: "heldout16 Apache: the font FilesMatch lists eot, svg, ttf and woff only, the woff2 font refused",
    url: "https://github.com/mozilla/bedrock/pull/3259",
    rootText: '<FilesMatch "\\.(eot|svg|ttf|woff)$">',
    files: {
      "public/media/fonts/FiraSans-Regular.woff2": "wOF2 FiraSans-Regular\n",
      "public/media/fonts/FiraSans-Regular.woff": "wOFF FiraSans-Regular\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName mozorg.cdn.example.net
    DocumentRoot DIR/public

    <Directory DIR/public>
        Require all granted
    </Directory>

    # media/.htaccess
    <Directory DIR/public/media>
        <FilesMatch "\\.(eot|svg|ttf|woff)$">
            Header set Access-Control-Allow-Origin "*"
        </FilesMatch>
    </Directory>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/media/fonts/FiraSans-Regular.woff", origin: APP_ORIGIN },
      { method: "GET", path: "/media/fonts/FiraSans-Regular.woff2", origin: APP_ORIGIN },
    ],
    check: [],
  },
];

/**
 * A correct configuration (config-heldout16-check.fixes.test.ts serves it with the proxied application
 * on APP): Apache answers the preflight of both front ends itself (mod_rewrite, before the proxy), the
 * origin echoed from a SetEnvIf match with credentials on every answer, the page's methods and headers.
 */
export const HELD_OUT16_APACHE_CORRECT = `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    SetEnvIf Origin "^https://(app|admin)\\.example\\.com$" CORS_ALLOWED=$0
    Header always set Access-Control-Allow-Origin "%{CORS_ALLOWED}e" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Credentials "true" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Methods "GET, PUT" env=CORS_ALLOWED
    Header always set Access-Control-Allow-Headers "Content-Type, Authorization" env=CORS_ALLOWED
    Header always set Access-Control-Max-Age "600" env=CORS_ALLOWED
    Header always merge Vary Origin

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} =OPTIONS
    RewriteCond %{ENV:CORS_ALLOWED} !^$
    RewriteRule ^ - [R=204,L]

    ProxyPreserveHost On
    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`;
