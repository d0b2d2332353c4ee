/**
 * Issue #23's eighteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first line
 * holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT18_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/mozilla/bedrock/pull/367 (for Mozilla bug 790806) — the site's web fonts under
    // /media are loaded by pages of another Mozilla host, and Firefox refuses a cross-origin font with no
    // Access-Control-Allow-Origin; the PR adds an .htaccess in the media folder giving `*` to eot, svg,
    // ttf and woff. The media folder is served by Apache from the case's directory (its far-future cache
    // header in a Location block), the other host's page is the page. Root: the media location that sets
    // its caching header and no CORS header.
    name: "heldout18 Apache: the /media fonts are served with no Allow-Origin, the other host's page refused",
    url: "https://github.com/mozilla/bedrock/pull/367",
    rootText: "<Location /media/>",
    files: {
      "media/fonts/OpenSans-Regular-webfont.woff": "wOFF\u0000\u0001\u0000\u0000not really a font\n",
      "media/css/site.css": "body { font-family: 'Open Sans', sans-serif; }\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName www.mozilla.org
    DocumentRoot DIR/media

    # static media (css, js, img, fonts), collected by the deploy
    Alias /media/ DIR/media/
    <Directory DIR/media>
        Options -Indexes
        Require all granted
    </Directory>
    <Location /media/>
        Header set Cache-Control "public, max-age=315360000"
    </Location>

    # everything else goes to the Django app
    ProxyPass /en-US/ http://127.0.0.1:APP/en-US/
    ProxyPassReverse /en-US/ http://127.0.0.1:APP/en-US/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/media/fonts/OpenSans-Regular-webfont.woff", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/google/web-starter-kit/issues/225 — deploying the kit's dist folder, the reporter
    // adds `Header set Access-Control-Allow-Origin "*"` inside a FilesMatch for ttf, otf and eot (with
    // their AddType lines) to the Apache 2 configuration, and the fonts are "still ignored": a browser
    // loading a web font takes the woff or woff2 file the stylesheet lists first, and those extensions
    // are not in the pattern, so they come back with no Allow-Origin. The fonts folder is served from the
    // case's directory, the site's pages on the other host are the page. Root: the FilesMatch without woff.
    name: "heldout18 Apache: the FilesMatch gives Allow-Origin to ttf, otf and eot only, the woff2 font refused",
    url: "https://github.com/google/web-starter-kit/issues/225",
    rootText: '<FilesMatch "\\.(ttf|otf|eot)$">',
    files: {
      "dist/fonts/roboto-regular.woff2": "wOF2\u0000\u0001\u0000\u0000not really a font\n",
      "dist/fonts/roboto-regular.ttf": "\u0000\u0001\u0000\u0000not really a font\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName static.example.com
    DocumentRoot DIR/dist

    <Directory DIR/dist>
        Require all granted
    </Directory>

    <IfModule mod_mime.c>
        AddType application/vnd.ms-fontobject .eot
        AddType font/ttf .ttf
        AddType font/otf .otf
    </IfModule>
    <FilesMatch "\\.(ttf|otf|eot)$">
        <IfModule mod_headers.c>
            Header set Access-Control-Allow-Origin "*"
        </IfModule>
    </FilesMatch>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/fonts/roboto-regular.ttf", origin: APP_ORIGIN },
      { method: "GET", path: "/fonts/roboto-regular.woff2", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
