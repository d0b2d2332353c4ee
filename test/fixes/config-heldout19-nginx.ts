/**
 * Issue #23's nineteenth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const SITE = "https://www.example.com";
const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT19_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/engintron/engintron/issues/635 — "Duplicate headers sent": after Engintron (nginx in
    // front of cPanel's Apache) was installed, the web fonts that the site loads from its static host stopped
    // loading, because Access-Control-Allow-Origin "*" arrived twice: Engintron's font location adds it, and
    // the site's .htaccess on Apache already set it; the fix was to drop the .htaccess line and leave it to
    // nginx. Apache (with the site's .htaccess) is the proxied application answering with its own `*`, the
    // main site the page; the other static files pass once. Root: nginx's Allow-Origin on the fonts.
    name: "heldout19 nginx: the font location adds Allow-Origin * on top of Apache's own, the web fonts refused",
    url: "https://github.com/engintron/engintron/issues/635",
    rootText: 'add_header Access-Control-Allow-Origin "*";',
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `# Engintron: nginx on the public port, Apache (cPanel) behind it
server {
    listen 127.0.0.1:PORT default_server;
    server_name static.example.com;

    # everything goes to Apache, which applies the site's .htaccess
    location / {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    # Enable browser cache for CSS / JS (TTL is 30 days)
    location ~* \\.(?:css|js)$ {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        expires 30d;
    }

    # Enable browser cache for fonts & fix @font-face cross-domain restriction (TTL is 60 days)
    location ~* \\.(eot|ttf|otf|woff|woff2|svg|svgz)$ {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        expires 60d;
        add_header Access-Control-Allow-Origin "*";
    }
}
`,
    calls: [
      { method: "GET", path: "/wp-content/themes/bridge/css/style.css", origin: SITE },
      { method: "GET", path: "/wp-content/themes/bridge/fonts/fontawesome-webfont.woff2", origin: SITE },
    ],
    check: [],
  },
  {
    // https://github.com/PrivateBin/PrivateBin/issues/889 — "Cross origin requests being rejected because
    // cors-preflight `Not Allowed`": PrivateBin's JSON API is meant to be read from other sites, and its
    // answers carry Access-Control-Allow-Origin `*`, but a script calling it with the X-Requested-With:
    // JSONHttpRequest header (which makes PrivateBin answer JSON) is preflighted, and the OPTIONS request,
    // handed by nginx to the PHP front controller, comes back 405; the reporter points at answering OPTIONS
    // in nginx. PHP-FPM is written as the proxied application (its own `*`, OPTIONS answered 405), the
    // other site's script as the page. Root: the PHP location that hands the preflight on.
    name: "heldout19 nginx: the PHP location hands the preflight to PrivateBin, which answers 405",
    url: "https://github.com/PrivateBin/PrivateBin/issues/889",
    rootText: "location ~ \\.php$ {",
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", "*"],
        ["Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"],
        ["Access-Control-Allow-Headers", "X-Requested-With, Content-Type"],
      ],
    },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name privatebin.example.com;

    root /var/www/PrivateBin;
    index index.php;

    location / {
        try_files $uri $uri/ /index.php?$args;
    }

    location ~ \\.php$ {
        # fastcgi_pass unix:/run/php/php-fpm.sock; (PHP-FPM, here over HTTP)
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
    }
}
`,
    calls: [
      { method: "GET", path: "/?f468483c313401e8", origin: APP_ORIGIN },
      {
        method: "GET",
        path: "/?pasteid=f468483c313401e8",
        origin: APP_ORIGIN,
        headers: [["X-Requested-With", "JSONHttpRequest"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/nginx-proxy/nginx-proxy/issues/1282 — "Enabling CORS issues": the reporter puts
    // CORS into nginx-proxy's vhost.d/default_location (included in the generated `location /` of every
    // proxied container): Allow-Origin echoing $http_origin, credentials, methods and headers, all `always`,
    // and an `if ($request_method = 'OPTIONS')` block that sets Max-Age, Content-Type and Content-Length and
    // returns 204. The add_header lines inside the `if` replace the location's, so the 204 carries no CORS
    // header and the API's POSTs fail at the preflight while its GETs work. The API container is the proxied
    // application, its front end the page. Root: the first add_header of the OPTIONS `if`.
    name: "heldout19 nginx: the default_location OPTIONS if block's own add_header drops the CORS headers",
    url: "https://github.com/nginx-proxy/nginx-proxy/issues/1282",
    rootText: "add_header 'Access-Control-Max-Age' 1728000;",
    site: `# generated by nginx-proxy for VIRTUAL_HOST=api.example.com
upstream api.example.com {
    server 127.0.0.1:APP;
}

server {
    server_name api.example.com;
    listen 127.0.0.1:PORT;

    location / {
        proxy_pass http://api.example.com;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;

        # include /etc/nginx/vhost.d/default_location;
        add_header 'Access-Control-Allow-Origin' "$http_origin" always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, DELETE, OPTIONS' always;
        add_header 'Access-Control-Allow-Headers' 'Accept,Authorization,Cache-Control,Content-Type,DNT,If-Modified-Since,Keep-Alive,Origin,User-Agent,X-Requested-With' always;

        if ($request_method = 'OPTIONS') {
            # Tell client that this pre-flight info is valid for 20 days
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain charset=UTF-8';
            add_header 'Content-Length' 0;
            return 204;
        }
    }
}
`,
    calls: [
      { method: "GET", path: "/users", origin: APP_ORIGIN, credentials: true },
      {
        method: "POST",
        path: "/users",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"],
        ],
      },
    ],
    check: [],
  },
];
