/**
 * Issue #23's fifteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT15_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/perma-id/w3id.org/issues/4185 — "w3id.org should not redirect on OPTIONS": the
    // permanent-identifier site answers every request under a namespace with a 302 to the published
    // vocabulary, OPTIONS included, so a request that needs a preflight (the report adds a header to
    // force one) fails: a preflight answered with a redirect never passes. The namespace's .htaccess
    // rules are written in the virtual host's <Directory>, the vocabulary's host (another site in the
    // report) is the proxied application on the same server. Root: the RewriteRule that redirects
    // whatever the method.
    name: "heldout15 Apache: the namespace's RewriteRule redirects the preflight too (302)",
    url: "https://github.com/perma-id/w3id.org/issues/4185",
    rootText: "RewriteRule ^SpOTy/(.*)$ http://127.0.0.1:PORT/2023/SpOTy/$1 [R=302,L]",
    files: { "public/index.html": "<!doctype html><title>w3id</title>\n" },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName w3id.example.org
    DocumentRoot DIR/public

    Header always set Access-Control-Allow-Origin "*"

    <Directory DIR/public>
        AllowOverride None
        Require all granted
        Options +FollowSymLinks
        RewriteEngine on
        # SpOTy/.htaccess
        RewriteRule ^SpOTy/?$ http://127.0.0.1:PORT/2023/SpOTy/ontology [R=302,L]
        RewriteRule ^SpOTy/(.*)$ http://127.0.0.1:PORT/2023/SpOTy/$1 [R=302,L]
    </Directory>

    ProxyPass /2023/ http://127.0.0.1:APP/2023/
    ProxyPassReverse /2023/ http://127.0.0.1:APP/2023/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/SpOTy/ontology", origin: APP_ORIGIN },
      {
        method: "GET",
        path: "/SpOTy/ontology",
        origin: APP_ORIGIN,
        headers: [["X-Client", "spoty-viewer"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/USACE/cwms-data-api/issues/1175 — "Ensure OPTIONS request is handled in CDA": the
    // data API sits behind the district's Apache reverse proxy, which sends every request on, and the
    // API itself answers the browser's OPTIONS 403, so calls that carry the API key header are refused
    // at the preflight ("Users getting a 403 Forbidden … may experience this"; the interim fix answers
    // OPTIONS in Apache). The API is the proxied application, its own CORS headers on every answer and
    // OPTIONS refused. Root: the ProxyPass that sends the preflight on.
    name: "heldout15 Apache: the reverse proxy sends the preflight on to the data API, which answers 403",
    url: "https://github.com/USACE/cwms-data-api/issues/1175",
    rootText: "ProxyPass /cwms-data/ http://127.0.0.1:APP/cwms-data/",
    app: {
      optionsStatus: 403,
      ownCors: [
        ["Access-Control-Allow-Origin", "*"],
        ["Access-Control-Allow-Headers", "authorization, content-type"],
        ["Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE"],
      ],
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName cwms-data.example.gov

    ProxyPreserveHost On
    ProxyPass /cwms-data/ http://127.0.0.1:APP/cwms-data/
    ProxyPassReverse /cwms-data/ http://127.0.0.1:APP/cwms-data/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/cwms-data/offices", origin: APP_ORIGIN },
      {
        method: "GET",
        path: "/cwms-data/timeseries?name=KEYS.Elev.Inst.1Hour.0.Ccp-Rev&office=SWT",
        origin: APP_ORIGIN,
        headers: [["Authorization", "apikey 0123456789abcdef"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/mozilla/kitsune/pull/2753 — "Make font CORS .htaccess rules to apply to all static
    // files": the support site's static files come from a CDN, and the CORS rules (the Origin matched
    // against the site's own domains and echoed) applied to static/fonts only, while some fonts live
    // elsewhere under static/ (static/fontawesome/…), so those are served without Access-Control-Allow-Origin
    // and the pages' font requests are refused. The per-directory rules are written as a <Location> of the
    // virtual host, the domain as the page's. Root: the scope that covers static/fonts only.
    name: "heldout15 Apache: the font CORS rules cover /static/fonts/ only, the icon font elsewhere under /static/ refused",
    url: "https://github.com/mozilla/kitsune/pull/2753",
    rootText: "<Location /static/fonts/>",
    files: {
      "public/static/fonts/OpenSans-Regular.woff2": "wOF2 OpenSans\n",
      "public/static/fontawesome/fonts/fontawesome-webfont.woff2": "wOF2 FontAwesome\n",
    },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName support.example.com
    DocumentRoot DIR/public

    <Directory DIR/public>
        Require all granted
        FileETag MTime
    </Directory>

    # static/fonts/.htaccess
    <Location /static/fonts/>
        SetEnvIf Origin "^(https?://(?:.+\\.)?example\\.com)$" CORS_ALLOW_ORIGIN=$1
        Header set Access-Control-Allow-Origin %{CORS_ALLOW_ORIGIN}e env=CORS_ALLOW_ORIGIN
        Header merge Vary Origin
    </Location>
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/static/fonts/OpenSans-Regular.woff2", origin: APP_ORIGIN },
      { method: "GET", path: "/static/fontawesome/fonts/fontawesome-webfont.woff2", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
