/**
 * Issue #23's tenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import { createHash } from "node:crypto";
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
/** htpasswd's {SHA} form (mod_authn_file reads it): bob / secret. */
const HTPASSWD = `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;
const BASIC: [string, string] = ["Authorization", `Basic ${Buffer.from("bob:secret").toString("base64")}`];

export const HELD_OUT10_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/monsur/enable-cors.org/issues/92 — the echo-the-origin recipe
    // `Header always set Access-Control-Allow-Origin "%{HTTP_ORIGIN}e" env=HTTP_ORIGIN`: HTTP_ORIGIN is
    // not an environment variable Apache sets for a proxied request, so the condition never holds and
    // no Allow-Origin is sent. Root: that Header line.
    name: "heldout10 Apache: Allow-Origin set from %{HTTP_ORIGIN}e with env=HTTP_ORIGIN, never sent",
    url: "https://github.com/monsur/enable-cors.org/issues/92",
    rootText: 'Header always set Access-Control-Allow-Origin "%{HTTP_ORIGIN}e" env=HTTP_ORIGIN',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    Header always set Access-Control-Allow-Origin "%{HTTP_ORIGIN}e" env=HTTP_ORIGIN
    Header always set Access-Control-Allow-Methods "GET, POST, OPTIONS"
    Header always set Access-Control-Allow-Headers "Content-Type"
    Header always merge Vary Origin

    ProxyPreserveHost On
    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/keeweb/keeweb/issues/700 — the CORS headers are set and a rewrite rule is
    // meant to answer OPTIONS, but the location also requires Basic authentication: the browser's
    // preflight carries no credentials and is answered 401 before the per-directory rewrite runs.
    // Root: the Require valid-user line that applies to OPTIONS too.
    name: "heldout10 Apache: Basic auth required on the location, the preflight answered 401 before the rewrite",
    url: "https://github.com/keeweb/keeweb/issues/700",
    rootText: "Require valid-user",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName dav.example.com

    <Location /api/>
        Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"
        Header always set Access-Control-Allow-Headers "origin, content-type, cache-control, accept, authorization"
        Header always set Access-Control-Allow-Methods "GET, HEAD, POST, PUT, OPTIONS, DELETE"
        Header always set Access-Control-Expose-Headers "ETag"

        RewriteEngine On
        RewriteCond %{REQUEST_METHOD} OPTIONS
        RewriteRule ^(.*)$ $1 [R=200,L]

        AuthType Basic
        AuthName "Authentication Required"
        AuthUserFile DIR/htpasswd
        Require valid-user

        ProxyPass http://127.0.0.1:APP/api/
        ProxyPassReverse http://127.0.0.1:APP/api/
    </Location>
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN, headers: [BASIC] }],
    check: [],
  },
  {
    // https://github.com/bedita/bedita/issues/687 — "if the server and the vhost are not sending
    // Access-Control-Allow-Methods and Access-Control-Allow-Headers, any DELETE call fails": the vhost
    // answers the preflight itself but sends Allow-Origin only. Root: the one CORS Header line.
    name: "heldout10 Apache: the preflight is answered with Allow-Origin only, the DELETE refused",
    url: "https://github.com/bedita/bedita/issues/687",
    rootText: `Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"`,
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    Header always set Access-Control-Allow-Origin "${APP_ORIGIN}"

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^ - [R=204,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "DELETE", path: "/api/items/1", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
