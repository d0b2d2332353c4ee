/**
 * Issue #23's nineteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first line
 * holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const SITE = "https://www.example.com";

const WORDPRESS_HTACCESS = `# BEGIN WordPress
<IfModule mod_rewrite.c>
RewriteEngine On
RewriteBase /
RewriteRule ^index\\.php$ - [L]
RewriteCond %{REQUEST_FILENAME} !-f
RewriteCond %{REQUEST_FILENAME} !-d
RewriteRule . /index.php [L]
</IfModule>
# END WordPress
`;

export const HELD_OUT19_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/wpsharks/comet-cache/issues/427 — "Static CDN Filters: Embedded Fonts result in
    // Cross-Origin Request Blocked (CORS) error": with the plugin's Static CDN Filters on, the theme's font
    // files are served through the CDN host, which pulls them from the WordPress site's Apache, and the site
    // sends them with no Access-Control-Allow-Origin, so the pages on the site's own domain cannot use them;
    // the maintainers plan to add a FilesMatch header block to the site's .htaccess. The site's document
    // root is the case's directory (its WordPress .htaccess as written), the site's page the page. Root: the
    // site directory's AllowOverride, which leaves the fonts' headers to an .htaccess that gives them none.
    name: "heldout19 Apache: the WordPress site serves its theme fonts with no Allow-Origin, the CDN-hosted fonts refused",
    url: "https://github.com/wpsharks/comet-cache/issues/427",
    rootText: "AllowOverride All",
    files: {
      "public_html/.htaccess": WORDPRESS_HTACCESS,
      "public_html/wp-content/themes/twentyfifteen/genericons/Genericons.woff":
        "wOFF\u0000\u0001\u0000\u0000not really a font\n",
      "public_html/wp-content/themes/twentyfifteen/style.css": "body { font-family: 'Noto Serif', serif; }\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName www.example.com
    ServerAlias cdn.example.com
    DocumentRoot DIR/public_html

    <Directory DIR/public_html>
        Options FollowSymLinks
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/wp-content/themes/twentyfifteen/genericons/Genericons.woff", origin: SITE },
    ],
    check: [],
  },
  {
    // https://github.com/flipzoom/ProcessWire-AIOM-All-In-One-Minify/issues/54 — "woff2 missing in
    // htaccess domain sharding option": the module's .htaccess tips for serving assets from a sharding
    // subdomain give the fonts an Access-Control-Allow-Origin through a FilesMatch whose extension list has
    // no woff2, so Font Awesome's woff2 file, which the browser takes first, is refused from the subdomain
    // (the icons still show through the woff fallback, with a console error). The asset subdomain is served
    // from the case's directory, the ProcessWire site's page the page. Root: the FilesMatch without woff2.
    name: "heldout19 Apache: the domain sharding FilesMatch has no woff2, Font Awesome's woff2 refused from the asset subdomain",
    url: "https://github.com/flipzoom/ProcessWire-AIOM-All-In-One-Minify/issues/54",
    rootText: '<FilesMatch "\\.(eot|font\\.css|otf|ttc|ttf|woff)$">',
    files: {
      "site/templates/fonts/fontawesome-webfont.woff2": "wOF2\u0000\u0001\u0000\u0000not really a font\n",
      "site/templates/fonts/fontawesome-webfont.woff": "wOFF\u0000\u0001\u0000\u0000not really a font\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName static.example.com
    DocumentRoot DIR

    <Directory DIR>
        Require all granted
    </Directory>

    # AIOM+ domain sharding: the assets live on static.example.com, the pages on www.example.com
    <IfModule mod_headers.c>
        <FilesMatch "\\.(eot|font\\.css|otf|ttc|ttf|woff)$">
            Header set Access-Control-Allow-Origin "*"
        </FilesMatch>
    </IfModule>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/site/templates/fonts/fontawesome-webfont.woff", origin: SITE },
      { method: "GET", path: "/site/templates/fonts/fontawesome-webfont.woff2", origin: SITE },
    ],
    check: [],
  },
];
