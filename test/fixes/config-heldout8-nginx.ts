/**
 * Issue #23's eighth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT8_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/nginx-proxy/nginx-proxy/issues/1668 — the CORS headers are added at the
    // server level with `always`, and the preflight is answered by an `if` block that adds its own
    // headers (Max-Age, Content-Type): an `if` level with add_header inherits none of the outer ones,
    // so the 204 carries no CORS. Root: the first add_header inside the `if`.
    name: "heldout8 nginx: the OPTIONS if-block's own add_header drops the server's CORS headers",
    url: "https://github.com/nginx-proxy/nginx-proxy/issues/1668",
    rootText: "add_header Access-Control-Max-Age 1728000;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
    add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
    add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;

    location / {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Max-Age 1728000;
            add_header Content-Type "text/plain; charset=utf-8";
            add_header Content-Length 0;
            return 204;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "PUT", path: "/api/items/1", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
  {
    // https://serverdevworker.com/6144af09b — an origin allowlist kept in a map on $http_origin whose
    // pattern is written without the leading `~`: nginx compares it as a literal string, no Origin
    // ever equals it, the default "" is used and add_header sends nothing. Root: the pattern line.
    name: "heldout8 nginx: a map pattern written without '~' is compared literally, no Allow-Origin sent",
    url: "https://serverdevworker.com/6144af09b",
    rootText: '"^https://(app|admin)\\.example\\.com$" $http_origin;',
    site: `map $http_origin $cors_allow {
    default "";
    "^https://(app|admin)\\.example\\.com$" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin $cors_allow always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/AICDEV/annoy-the-script-kiddie/issues/3 — the API locked down to its methods
    // with limit_except GET POST { deny all; }: OPTIONS is not in the list, so the browser's preflight
    // is answered 403 before it reaches the application that would answer it. Root: the limit_except.
    name: "heldout8 nginx: limit_except GET POST denies the preflight OPTIONS (403)",
    url: "https://github.com/AICDEV/annoy-the-script-kiddie/issues/3",
    rootText: "limit_except GET POST {",
    app: { optionsStatus: 204 },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        limit_except GET POST {
            deny all;
        }

        add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
        add_header Access-Control-Allow-Methods "GET, POST, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type" always;

        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/openfoodfacts/openfoodfacts-server/issues/4073 — the CORS headers added inside
    // an `if` on the request method, and another `if` (for .json answers) adding a caching header:
    // when both match, nginx uses the last `if` only, so the .json answers lose the CORS headers.
    // Root: the second `if`, whose own add_header replaces them.
    name: "heldout8 nginx: two matching if blocks, the .json one's add_header wins and drops the CORS headers",
    url: "https://github.com/openfoodfacts/openfoodfacts-server/issues/4073",
    rootText: 'if ($uri ~ "\\.json$") {',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        if ($request_method = 'GET') {
            add_header 'Access-Control-Allow-Origin' '*';
            add_header 'Access-Control-Allow-Methods' 'GET, OPTIONS';
        }

        if ($uri ~ "\\.json$") {
            add_header Cache-Control "public, max-age=3600";
        }

        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/products/3017620422003.json", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
