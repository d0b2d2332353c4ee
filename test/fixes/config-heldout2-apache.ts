/**
 * Issue #23's second never-seen measure, Apache httpd: each case rebuilds a public report (cited
 * above it), written blind to the readers. `PORT`, `APP` and `DIR` are the test's ports and
 * directory; `rootAt` (and `rootFile`) the root cause's line, `check` left empty (codes not known blind).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { HeldOut2Case } from "./config-heldout2-nginx";

export type HeldOut2ApacheCase = ApacheCase & HeldOut2Case;

export const HELD_OUT2_APACHE: HeldOut2ApacheCase[] = [
  {
    // https://github.com/monsur/enable-cors.org/issues/88 — a SetEnvIf Origin allowlist whose
    // replacement is `$0$1`: the scheme's "s" (group 1) is appended to the origin, so every https
    // origin gets a wrong Allow-Origin (http ones pass); `(www|foo\.)` also lacks the dot after www.
    // Root cause: the SetEnvIf line.
    name: "heldout2: Apache: SetEnvIf Origin with $0$1 breaks every https origin, credentials",
    source: "https://github.com/monsur/enable-cors.org/issues/88",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.mywebsite.com
    ProxyPass /api/ http://127.0.0.1:APP/api/

    #CORS capabilities
    <IfModule mod_headers.c>
        #Piece of configuration allowing different origins
        SetEnvIf Origin "http(s)?://(www|foo\\.)?(mywebsite.com)$" AccessControlAllowOrigin=$0$1

        Header always add Access-Control-Allow-Origin %{AccessControlAllowOrigin}e env=AccessControlAllowOrigin
        Header always set Access-Control-Allow-Credentials true
        Header always set Vary Origin
    </IfModule>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "http://foo.mywebsite.com", credentials: true },
      { method: "GET", path: "/api/me", origin: "https://foo.mywebsite.com", credentials: true },
    ],
    check: [],
    rootAt: "SetEnvIf Origin",
  },
  {
    // https://github.com/mdn/content/issues/1535 — "one `Header add` per domain" for several front
    // ends: every response carries three Allow-Origin headers, which no browser accepts.
    // Root cause: the first `Header add Access-Control-Allow-Origin` line.
    name: "heldout2: Apache: one Header add per front end sends three Allow-Origin headers",
    source: "https://github.com/mdn/content/issues/1535",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example1.com

    <Location "/api/">
        # Enable CORS for multiple domains: one line per domain
        Header add Access-Control-Allow-Origin "https://example1.com"
        Header add Access-Control-Allow-Origin "https://example2.com"
        Header add Access-Control-Allow-Origin "https://example3.com"
        ProxyPass http://127.0.0.1:APP/api/
    </Location>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "https://example2.com" },
      { method: "GET", path: "/api/items", origin: "https://example1.com" },
    ],
    check: [],
    rootAt: 'Header add Access-Control-Allow-Origin "https://example1.com"',
  },
  {
    // https://github.com/engintron/engintron/issues/1325 — `.htaccess` CORS inside a FilesMatch for
    // fonts, css, js and images: the page's fetch of a JSON file matches none, so it gets no header.
    // Root cause: the FilesMatch line in public/.htaccess.
    name: "heldout2: Apache: .htaccess CORS in a FilesMatch for assets, the page fetches JSON",
    source: "https://github.com/engintron/engintron/issues/1325",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName static.example.com
    DocumentRoot DIR/public
    <Directory DIR/public>
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>
`,
    files: {
      "public/.htaccess": `###############################################################################
# Activate CORS
###############################################################################
<IfModule mod_headers.c>
    <FilesMatch "\\.(ttf|ttc|otf|eot|woff|woff2|font.css|css|js|gif|png|jpe?g|svg|svgz|ico|webp|mp3|mp4)$">
        Header set Access-Control-Allow-Origin "*"
    </FilesMatch>
</IfModule>
`,
      "public/app.js": "console.log(1);\n",
      "public/data.json": '{"items":[]}\n',
    },
    calls: [
      { method: "GET", path: "/app.js", origin: "https://shop.example.com" },
      { method: "GET", path: "/data.json", origin: "https://shop.example.com" },
    ],
    check: [],
    rootAt: "<FilesMatch",
    rootFile: "public/.htaccess",
  },
];
