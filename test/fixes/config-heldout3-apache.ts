/**
 * Issue #23's third never-seen measure, Apache httpd: virtual hosts rebuilt from public reports (the
 * report is cited above each case; no text copied), written blind to the readers. `PORT`, `APP`
 * and `DIR` are the test's ports and directory; `rootText` the text of the root cause's line.
 */
import { createHash } from "node:crypto";
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

/** htpasswd's {SHA} form (mod_authn_file reads it): bob / secret. */
const HTPASSWD = `bob:{SHA}${createHash("sha1").update("secret").digest("base64")}\n`;
const BASIC: [string, string] = ["Authorization", `Basic ${Buffer.from("bob:secret").toString("base64")}`];
const APP = "https://app.example.com";
const json: [string, string] = ["Content-Type", "application/json"];

export const HELD_OUT3_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/BytemarkHosting/docker-webdav/issues/38 — the CORS headers are set, but
    // `Require valid-user` covers OPTIONS too: the preflight (never credentialed) gets 401.
    // Root: the Require line.
    name: "heldout3 Apache: Require valid-user answers the preflight 401",
    url: "https://github.com/BytemarkHosting/docker-webdav/issues/38",
    rootText: "Require valid-user",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName dav.local
    Header always set Access-Control-Allow-Origin "${APP}"
    Header always set Access-Control-Allow-Methods "GET, HEAD, POST, PUT, OPTIONS, DELETE"
    Header always set Access-Control-Allow-Headers "origin, content-type, cache-control, accept, authorization"

    <Location /api/>
        AuthType Basic
        AuthName "WebDAV"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [
      { method: "GET", path: "/api/items", origin: APP, headers: [BASIC] },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [BASIC, json] },
    ],
    check: [],
  },
  {
    // https://github.com/csirtgadgets/cif-v1/pull/76 — the allowed origin comes from a SetEnvIf
    // regex and the application answers OPTIONS itself, but Allow-Headers names x-requested-with
    // only: the JSON POST's preflight asks for content-type. Root: the Allow-Headers line.
    name: "heldout3 Apache: SetEnvIf origin, Allow-Headers without the JSON POST's content-type",
    url: "https://github.com/csirtgadgets/cif-v1/pull/76",
    rootText: 'Header always set Access-Control-Allow-Headers "x-requested-with"',
    app: { optionsStatus: 200 },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName cif.local

    # CORS: let the web front end use the API
    SetEnvIf Origin "^https?://(app.example.com)$" origin_is=$0
    Header always set Access-Control-Allow-Origin %{origin_is}e env=origin_is
    Header always set Access-Control-Allow-Headers "x-requested-with"

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: APP, headers: [["X-Requested-With", "XMLHttpRequest"]] },
      { method: "POST", path: "/api/items", origin: APP, headers: [json] },
    ],
    check: [],
  },
  {
    // https://github.com/200ok-ch/organice/pull/316 — OPTIONS answered by `RewriteRule … [R=200,L]`
    // while the CORS headers use `Header set` (no always): httpd's own answer to the preflight
    // carries none of them. Root: the Allow-Origin `Header set` line.
    name: "heldout3 Apache: RewriteRule [R=200] answers OPTIONS, Header set without always (WebDAV, credentials)",
    url: "https://github.com/200ok-ch/organice/pull/316",
    rootText: 'Header set Access-Control-Allow-Origin "https://organice.example.com"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName dav.local
    # Allow the organice front end to use this WebDAV share
    Header set Access-Control-Allow-Origin "https://organice.example.com"
    Header set Access-Control-Allow-Credentials "true"
    Header set Access-Control-Allow-Methods "GET, PUT, DELETE, OPTIONS, PROPFIND, MOVE, COPY"
    Header set Access-Control-Allow-Headers "Authorization, Depth, Content-Type"

    RewriteEngine On
    RewriteCond %{REQUEST_METHOD} OPTIONS
    RewriteRule ^(.*)$ $1 [R=200,L]

    ProxyPass /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "https://organice.example.com", credentials: true },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "https://organice.example.com",
        credentials: true,
        headers: [json],
      },
    ],
    check: [],
  },
];
