/**
 * Issue #23's eleventh never-seen measure, Apache: broken virtual hosts rebuilt from public reports
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

export const HELD_OUT11_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/monsur/enable-cors.org/issues/128 — "make a note about enabling overrides":
    // the CORS header is set in the document root's .htaccess, but the directory is configured with
    // AllowOverride None, so Apache never reads the file and the JSON is served without
    // Access-Control-Allow-Origin. Root: the AllowOverride None line.
    name: "heldout11 Apache: the CORS header lives in .htaccess, but AllowOverride None ignores it",
    url: "https://github.com/monsur/enable-cors.org/issues/128",
    rootText: "AllowOverride None",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName data.example.com
    DocumentRoot DIR/htdocs

    <Directory DIR/htdocs>
        Options -Indexes
        AllowOverride None
        Require all granted
    </Directory>
</VirtualHost>
`,
    files: {
      "htdocs/.htaccess": 'Header set Access-Control-Allow-Origin "*"\n',
      "htdocs/stations.json": '[{"id":1,"name":"north"}]\n',
    },
    calls: [{ method: "GET", path: "/stations.json", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/SpaceApi/directory/pull/17 — "CORS problem due to Apache redirect": the
    // endpoint is a directory, requested without its trailing slash; mod_dir's DirectorySlash answers
    // 301, and the CORS header is set with plain `Header set`, which does not apply to that redirect,
    // so the browser refuses to follow it. Root: the Header set line (no `always`).
    name: "heldout11 Apache: DirectorySlash's 301 is sent without the CORS header (Header set, not always)",
    url: "https://github.com/SpaceApi/directory/pull/17",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName ackspace.example.nl
    DocumentRoot DIR/htdocs

    <Directory DIR/htdocs>
        Require all granted
        DirectoryIndex index.json
    </Directory>

    Header set Access-Control-Allow-Origin "*"
</VirtualHost>
`,
    files: { "htdocs/spaceapi/index.json": '{"api":"0.13","space":"ACKspace","state":{"open":true}}\n' },
    calls: [{ method: "GET", path: "/spaceapi", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/cantaloupe-project/cantaloupe/issues/416 — the image server behind Apache
    // already sends `Access-Control-Allow-Origin: *`; adding `Header always set` for it in the proxy
    // gives the response the header twice ("two CORS headers are disallowed by the client"). Root:
    // the Header always set line.
    name: "heldout11 Apache: Header always set Allow-Origin over the image server's own, sent twice",
    url: "https://github.com/cantaloupe-project/cantaloupe/issues/416",
    rootText: 'Header always set Access-Control-Allow-Origin "*"',
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName iiif.example.edu

    Header always set Access-Control-Allow-Origin "*"

    ProxyPreserveHost On
    RewriteEngine On
    RewriteRule ^/iiif/(.*)$ http://127.0.0.1:APP/iiif/2/$1 [P,L]
    ProxyPassReverse /iiif/ http://127.0.0.1:APP/iiif/2/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/iiif/page-1.jpg/info.json", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/ktbs/ktbs/issues/80 — "CORS headers not sent in some cases": the 401 is not
    // returned by the application but by Apache's Basic authentication, and the CORS headers are set
    // with plain `Header set`, so the front end cannot read the 401 it needs to ask for a login. Root:
    // the Header set line (no `always`).
    name: "heldout11 Apache: Apache's own 401 (Basic auth) carries no Allow-Origin (Header set, not always)",
    url: "https://github.com/ktbs/ktbs/issues/80",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName ktbs.example.org

    Header set Access-Control-Allow-Origin "*"
    Header set Access-Control-Expose-Headers "Location, ETag"

    <Location /base/>
        AuthType Basic
        AuthName "kTBS"
        AuthUserFile DIR/htpasswd
        Require valid-user
    </Location>

    ProxyPass /base/ http://127.0.0.1:APP/base/
    ProxyPassReverse /base/ http://127.0.0.1:APP/base/
</VirtualHost>
`,
    files: { htpasswd: HTPASSWD },
    calls: [{ method: "GET", path: "/base/trace1/", origin: APP_ORIGIN }],
    check: [],
  },
];
