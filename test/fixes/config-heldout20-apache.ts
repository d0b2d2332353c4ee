/**
 * Issue #23's twentieth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first line
 * holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT20_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://devpeace.com/http-headers/23888889/can-i-set-an-access-control-allow-origin-header-to-all-pages-on-a-domain-and-its
    // (a Stack Overflow question) — the author hosts a licensed webfont on a static domain unrelated to the
    // site that uses it, and gives the font files Access-Control-Allow-Origin through a FilesMatch with the
    // bare host name of the site (no scheme); the font does not load where it should (the asker then tries
    // a path after the host, then a SetEnvIf). The static host is served from the case's directory (the
    // FilesMatch, an .htaccess there, written in the host's <Directory>), the site's page the page. Root:
    // the Allow-Origin value without a scheme.
    name: "heldout20 Apache: the font FilesMatch sends Allow-Origin as a bare host name, the site's webfont refused",
    url: "https://devpeace.com/http-headers/23888889/can-i-set-an-access-control-allow-origin-header-to-all-pages-on-a-domain-and-its",
    rootText: 'Header set Access-Control-Allow-Origin "example.com"',
    files: {
      "static/fonts/brandon-grotesque.woff": "wOFF\u0000\u0001\u0000\u0000not really a font\n",
      "static/css/fonts.css":
        "@font-face { font-family: 'Brandon'; src: url(../fonts/brandon-grotesque.woff); }\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName static.example.net
    DocumentRoot DIR/static

    <Directory DIR/static>
        Require all granted

        # from the static host's .htaccess
        <FilesMatch "\\.(ttf|otf|eot|woff|svg)$">
            <IfModule mod_headers.c>
                Header set Access-Control-Allow-Origin "example.com"
            </IfModule>
        </FilesMatch>
    </Directory>
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/fonts/brandon-grotesque.woff", origin: "https://example.com" }],
    check: [],
  },
  {
    // https://github.com/abeiro/HerikaServer/pull/7 — "Add .htaccess file which is needed for proper CORS
    // handling": for the browser version of the Herika app to call the server, the PR adds an .htaccess
    // with Access-Control-Allow-Origin `*`, methods and headers, and notes that it does nothing until the
    // server's Apache configuration changes `AllowOverride None` to `All` for /var/www (and mod_headers is
    // enabled), since Apache does not read .htaccess files otherwise. The server's document root is the
    // case's directory with that .htaccess in the HerikaServer folder, its PHP endpoints written as a static
    // JSON file, the browser app the page. Root: the AllowOverride None that keeps the .htaccess unread.
    name: "heldout20 Apache: AllowOverride None leaves the server's CORS .htaccess unread, the browser app refused",
    url: "https://github.com/abeiro/HerikaServer/pull/7",
    rootText: "AllowOverride None",
    files: {
      "www/HerikaServer/.htaccess": `<IfModule mod_headers.c>
    Header set Access-Control-Allow-Origin "*"
    Header set Access-Control-Allow-Methods "POST, GET, OPTIONS, DELETE, PUT"
    Header set Access-Control-Allow-Headers "X-Requested-With, Content-Type"
</IfModule>
`,
      "www/HerikaServer/data/status.json": '{"server":"HerikaServer","status":"ok"}\n',
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName herika.local
    DocumentRoot DIR/www

    <Directory DIR/www/>
        Options Indexes FollowSymLinks
        AllowOverride None
        Require all granted
    </Directory>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/HerikaServer/data/status.json", origin: "https://herika-app.example.com" },
    ],
    check: [],
  },
];
