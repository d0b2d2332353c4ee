/**
 * Issue #23's fourth never-seen measure, nginx: broken site files rebuilt from public reports (the
 * report is cited above each case; its situation rebuilt, no text copied), written blind to the
 * readers. `PORT` and `APP` are the test's ports. `rootText`: the text of the root cause's line
 * (the first line holding it), which config-heldout4-check.fixes.test.ts looks for among `check`'s
 * findings.
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT4_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/rust-lang/crates.io/pull/6143 — the API's CORS header is added with a plain
    // add_header, which nginx only sends on 2xx/3xx: the backend's error answer (a 404 for a crate
    // that does not exist there, a 500 here) reaches the page without it. Root: that add_header.
    name: "heldout4 nginx: add_header without always, the backend's error answer has no CORS header",
    url: "https://github.com/rust-lang/crates.io/pull/6143",
    rootText: "add_header Access-Control-Allow-Origin *;",
    site: `upstream backend {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name crates.local;

    # let other sites use the public API
    location /api/ {
        add_header Access-Control-Allow-Origin *;
        proxy_pass http://backend;
        proxy_set_header Host $host;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/fail", origin: APP },
    ],
    check: [],
  },
  {
    // https://github.com/RubaXa/nginx-cors/issues/7 — nginx adds Access-Control-Allow-Origin for the
    // allowed front end, and the application behind it (gunicorn there) sets its own: the browser
    // sees two values. Root: nginx's add_header of the origin.
    name: "heldout4 nginx: nginx and the proxied app both send Access-Control-Allow-Origin (two values)",
    url: "https://github.com/RubaXa/nginx-cors/issues/7",
    rootText: "add_header Access-Control-Allow-Origin $cors_allow_origin always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name domain.local;

    location / {
        proxy_pass http://127.0.0.1:APP;
        proxy_read_timeout 300s;
        proxy_connect_timeout 75s;

        set $cors_allow_origin "";
        if ($http_origin = "${APP}") {
            set $cors_allow_origin $http_origin;
        }
        add_header Access-Control-Allow-Origin $cors_allow_origin always;
        add_header Access-Control-Allow-Methods "OPTIONS, GET, POST" always;
        add_header Access-Control-Allow-Headers "DNT, Authorization, Origin, X-Requested-With, Content-Type, Cache-Control" always;
        add_header Vary Origin always;
    }
}
`,
    app: { ownCors: [["Access-Control-Allow-Origin", APP]] },
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
  {
    // https://github.com/Dream4ever/Knowledge-Base/issues/130 — the API behind nginx answers the
    // preflight in an `if ($request_method = OPTIONS)` block whose Allow-Headers list has no
    // Authorization: the page's token calls are refused. Root: that Allow-Headers line.
    name: "heldout4 nginx: the OPTIONS block's Allow-Headers lacks Authorization (token calls refused)",
    url: "https://github.com/Dream4ever/Knowledge-Base/issues/130",
    rootText:
      "add_header Access-Control-Allow-Headers 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $http_origin;
            add_header Access-Control-Allow-Methods 'GET, POST, PUT, DELETE, OPTIONS';
            add_header Access-Control-Allow-Headers 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
            add_header Access-Control-Max-Age 1728000;
            return 204;
        }
        add_header Access-Control-Allow-Origin $http_origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, headers: [["Authorization", "Bearer abc123"]] },
    ],
    check: [],
  },
  {
    // https://www.explaintopic.com/nginx/why-disabling-options-method-on-nginx-causes-issues-in-produ-1766000588.html
    // — `limit_except GET POST { deny all; }` in the API location refuses every other method, the
    // preflight's OPTIONS included (403): the page's JSON POST never goes out. Root: limit_except.
    name: "heldout4 nginx: limit_except GET POST denies the preflight (403)",
    url: "https://www.explaintopic.com/nginx/why-disabling-options-method-on-nginx-causes-issues-in-produ-1766000588.html",
    rootText: "limit_except GET POST {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name example.local;

    location /api/ {
        # Deny all methods except GET, POST
        limit_except GET POST {
            deny all;
        }
        add_header Access-Control-Allow-Origin '*' always;
        add_header Access-Control-Allow-Methods 'GET, POST, OPTIONS' always;
        add_header Access-Control-Allow-Headers 'Content-Type, Authorization' always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "POST", path: "/api/items", origin: APP, headers: json },
    ],
    check: [],
  },
];

/** A correct nginx site (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT4_NGINX_CORRECT = `# CORS for the two front ends, answered by nginx itself for the preflight
map $http_origin $allow_origin {
    default "";
    "~^https://(app|admin)\\.example\\.com$" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $allow_origin always;
            add_header Access-Control-Allow-Credentials true always;
            add_header Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE" always;
            add_header Access-Control-Allow-Headers "Authorization, Content-Type, X-Requested-With" always;
            add_header Access-Control-Max-Age 3600 always;
            add_header Vary Origin always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $allow_origin always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
