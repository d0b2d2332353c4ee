/**
 * Issue #23's fourteenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT14_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/mdn/content/issues/19032 — "Indicate origin needs to include PROTOCOL": the
    // Apache line `Header set Access-Control-Allow-Origin 'example.com'` names the front end's host
    // without its scheme; an Allow-Origin value must equal the request's Origin, scheme included, so the
    // browser refuses every answer (the fix writes 'https://example.com'). The host is written as the
    // page's. Root: that Header line.
    name: "heldout14 Apache: Header set Allow-Origin names the front end's host without https://",
    url: "https://github.com/mdn/content/issues/19032",
    rootText: "Header set Access-Control-Allow-Origin 'app.example.com'",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName api.example.com

    Header set Access-Control-Allow-Origin 'app.example.com'

    ProxyPass /api/ http://127.0.0.1:APP/api/
    ProxyPassReverse /api/ http://127.0.0.1:APP/api/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/woocommerce/woocommerce/issues/9395 — "CORS GET with Authorization header
    // causing 401 preflight (OPTIONS)": the shop's Apache sets the CORS headers with `Header always set`
    // (Allow-Headers "authorization"), but the GET to /wc-api/v3/products/56 carries Basic credentials,
    // so the browser preflights it, and the OPTIONS goes on to WordPress, which answers it 401 (a
    // preflight never carries the credentials). WordPress is the proxied application here, answering
    // OPTIONS 401; the .htaccess lines are written in the virtual host. Root: the ProxyPass that sends
    // the preflight on to WordPress.
    name: "heldout14 Apache: the preflight goes on to WordPress, which answers it 401 (wc-api Basic auth)",
    url: "https://github.com/woocommerce/woocommerce/issues/9395",
    rootText: "ProxyPass /wc-api/ http://127.0.0.1:APP/wc-api/",
    app: { optionsStatus: 401 },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName www.shop.example

    <IfModule mod_headers.c>
        Header always set Access-Control-Allow-Origin: "*"
        Header always set Access-Control-Allow-Methods "POST, GET, OPTIONS"
        Header always set Access-Control-Allow-Headers "authorization"
    </IfModule>

    ProxyPass /wc-api/ http://127.0.0.1:APP/wc-api/
    ProxyPassReverse /wc-api/ http://127.0.0.1:APP/wc-api/
</VirtualHost>
`,
    calls: [
      {
        method: "GET",
        path: "/wc-api/v3/products/56",
        origin: APP_ORIGIN,
        headers: [["Authorization", "Basic Y2tfa2V5OmNzX3NlY3JldA=="]],
      },
    ],
    check: [],
  },
  {
    // https://barebones.dev/articles/wordpress-rest-api-access-control-allow-origin-header-contains-multiple-values/
    // — "WordPress REST API: 'Access-Control-Allow-Origin' header contains multiple values": the headless
    // WordPress site allows its front end with `Header add Access-Control-Allow-Origin` in .htaccess, and
    // the REST API answers with its own Allow-Origin '*', so the front end's REST calls get
    // "<origin>, *" and are refused. WordPress is the proxied application sending '*'; the .htaccess line
    // is written in the virtual host, the front end's origin as the page's. Root: the Header add line.
    name: "heldout14 Apache: Header add Allow-Origin over the WordPress REST API's own '*', two values sent",
    url: "https://barebones.dev/articles/wordpress-rest-api-access-control-allow-origin-header-contains-multiple-values/",
    rootText: 'Header add Access-Control-Allow-Origin "https://app.example.com"',
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName wp.example.com

    # from the WordPress .htaccess
    Header add Access-Control-Allow-Origin "https://app.example.com"

    ProxyPass /wp-json/ http://127.0.0.1:APP/wp-json/
    ProxyPassReverse /wp-json/ http://127.0.0.1:APP/wp-json/
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/wp-json/wp/v2/posts", origin: APP_ORIGIN }],
    check: [],
  },
];
