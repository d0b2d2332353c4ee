/**
 * Issue #23's twelfth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT12_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/abhinavsingh/proxy.py/issues/1365 — "Ability to add custom headers?": the
    // reverse-proxy virtual host sets Access-Control-Allow-Origin "*" together with
    // Access-Control-Allow-Credentials "true"; the front end's credentialed calls are refused (a
    // wildcard origin is not allowed with credentials). Root: the Allow-Origin "*" line.
    name: "heldout12 Apache: the proxy vhost sets Allow-Origin '*' with Allow-Credentials, the cookie call refused",
    url: "https://github.com/abhinavsingh/proxy.py/issues/1365",
    rootText: 'Header set Access-Control-Allow-Origin "*"',
    site: `<VirtualHost 127.0.0.1:PORT>
Header set Access-Control-Allow-Origin "*"
Header set Access-Control-Allow-Methods "GET,POST,PUT,DELETE,OPTIONS"
Header set Access-Control-Allow-Headers "Content-Type,Authorization,X-Requested-With"
Header set Access-Control-Allow-Credentials "true"
ServerName cors.y232.home
ServerAlias cors.y232.home
ProxyPreserveHost On
ProxyPass / http://127.0.0.1:APP/
ProxyPassReverse / http://127.0.0.1:APP/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/epforgpl/_mojePanstwo-Portal/issues/519 — "Serving resources through the
    // Apache proxy": the CORS header is set inside the document root's <Directory>, which applies to the
    // files Apache serves from disk but not to the /htmlex/ documents it proxies, so those reach the page
    // without Allow-Origin (the fix adds a <Location /htmlex/> with the header). Root: the Header line
    // confined to the <Directory>.
    name: "heldout12 Apache: Allow-Origin set in the document root's <Directory>, the proxied /htmlex/ gets none",
    url: "https://github.com/epforgpl/_mojePanstwo-Portal/issues/519",
    rootText: "    Header set Access-Control-Allow-Origin *",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName mojepanstwo.example.pl
    DocumentRoot DIR/htdocs

    <Directory DIR/htdocs>
        Options -Indexes
        AllowOverride None
        Require all granted
        Header set Access-Control-Allow-Origin *
    </Directory>

    ProxyPreserveHost On
    ProxyPass /htmlex/ http://127.0.0.1:APP/htmlex/
    ProxyPassReverse /htmlex/ http://127.0.0.1:APP/htmlex/
</VirtualHost>
`,
    files: { "htdocs/resources/dataset.json": '{"id":"krs","pages":12}\n' },
    calls: [
      { method: "GET", path: "/resources/dataset.json", origin: APP_ORIGIN },
      { method: "GET", path: "/htmlex/1182/page-1.json", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://github.com/h5bp/server-configs-apache/pull/56 — "Update requests.conf": the proposed
    // cross-origin snippet fills Access-Control-Allow-Origin from the request's own Host (SetEnvIf Host
    // … then "http://%{…}e"), i.e. the API's own address, which never equals the calling page's origin
    // (the reviewer: "you already have access to your own domain"). Root: that Header set line.
    name: "heldout12 Apache: Allow-Origin filled from the request's Host header, never the page's origin",
    url: "https://github.com/h5bp/server-configs-apache/pull/56",
    rootText: 'Header set Access-Control-Allow-Origin "http://%{YOU_HOST}e"',
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.org

    # ----------------------------------------------------------------------
    # | Cross-origin requests                                              |
    # ----------------------------------------------------------------------
    <IfModule mod_headers.c>
        # Only for your domain
        SetEnvIf Host ^(.*)$ YOU_HOST=$1
        Header set Access-Control-Allow-Origin "http://%{YOU_HOST}e"
    </IfModule>

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
];
