/**
 * Issue #23's second never-seen measure, nginx: each case rebuilds a public report (cited above it),
 * written blind to the readers (no src/config, test/config, docs/config.md or earlier held-out file
 * read). `PORT` and `APP` are the test's ports. `rootAt`: text of the root cause's line (the first
 * line holding it) — what `check` should name; `check` stays empty (the codes are not known blind).
 */
import type { ConfigCase } from "./config-cases";

export interface HeldOut2Case extends ConfigCase {
  /** The report rebuilt. */
  source: string;
  /** The root cause's line: the first line of the file holding this text. */
  rootAt: string;
  /** The file holding the root cause when it is not the main one (`public/.htaccess`). */
  rootFile?: string;
}

export const HELD_OUT2_NGINX: HeldOut2Case[] = [
  {
    // https://github.com/monsur/enable-cors.org/issues/102 — the "wide open" recipe: one `if` per
    // method; the preflight's Allow-Methods names GET and POST only, so a DELETE never passes (and
    // a DELETE's own response would get no header either: no `if` for it).
    // Root cause: the OPTIONS block's Allow-Methods line.
    name: "heldout2: nginx: enable-cors.org's per-method if blocks, a DELETE from the page",
    source: "https://github.com/monsur/enable-cors.org/issues/102",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    location /api/ {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' '*';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
            #
            # Custom headers and headers various browsers *should* be OK with but aren't
            #
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
            # Tell client that this pre-flight info is valid for 20 days
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }
        if ($request_method = 'POST') {
            add_header 'Access-Control-Allow-Origin' '*' always;
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;
            add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range' always;
        }
        if ($request_method = 'GET') {
            add_header 'Access-Control-Allow-Origin' '*' always;
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;
            add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range' always;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "https://app.example.com" },
      { method: "DELETE", path: "/api/items/1", origin: "https://app.example.com" },
    ],
    check: [],
    rootAt: "'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';",
  },
  {
    // https://github.com/nginx-proxy/nginx-proxy/issues/492 — every CORS header sits inside the
    // OPTIONS `if` that answers the preflight itself; the proxied responses carry none, so the
    // preflight passes and the request after it is blocked. Tabs, as posted.
    // Root cause: the `if ($request_method = 'OPTIONS')` line (headers only there).
    name: "heldout2: nginx: CORS headers only in the OPTIONS if, the proxied answer has none",
    source: "https://github.com/nginx-proxy/nginx-proxy/issues/492",
    site: `server {
\tlisten 127.0.0.1:PORT;
\tserver_name sub.domain.com;

\tproxy_http_version 1.1;
\tproxy_buffering off;
\tproxy_set_header Host $http_host;
\tproxy_set_header X-Real-IP $remote_addr;

\tlocation / {
\t\tif ($request_method = 'OPTIONS') {
\t\t\tadd_header Access-Control-Allow-Origin '*';
\t\t\tadd_header Access-Control-Allow-Methods 'GET, POST, OPTIONS, PUT, DELETE';
\t\t\tadd_header Access-Control-Allow-Credentials 'true';
\t\t\tadd_header Access-Control-Allow-Headers 'Origin,Content-Type,Accept';
\t\t\tadd_header Content-Length 0;
\t\t\tadd_header Content-Type text/plain;
\t\t\treturn 204;
\t\t}
\t\tproxy_pass http://127.0.0.1:APP;
\t}
}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "https://www.domain.com",
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
    rootAt: "if ($request_method = 'OPTIONS')",
  },
  {
    // https://github.com/h5bp/server-configs-nginx/issues/322 — two maps at http level (origin →
    // 0/1 → the origin reflected), credentials; a new front end missing from the first map gets
    // an empty Allow-Origin (not sent at all).
    // Root cause: the `map $http_origin $origin_allowed` block that lacks the origin.
    name: "heldout2: nginx: an origin map at http level lacks the new front end, credentials",
    source: "https://github.com/h5bp/server-configs-nginx/issues/322",
    site: `map $http_origin $origin_allowed {
    default 0;
    https://domain.app 1;
    https://admin.domain.cloud 1;
    https://domain.cloud 1;
    https://domain.local 1;
    https://localhost:4200 1;
}

map $origin_allowed $cors {
    default "";
    1 $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.domain.app;

    location / {
        add_header Access-Control-Allow-Origin $cors always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: "https://domain.app", credentials: true },
      { method: "GET", path: "/api/me", origin: "https://staging.domain.app", credentials: true },
    ],
    check: [],
    rootAt: "map $http_origin $origin_allowed {",
  },
];

/** A correct nginx site (check must report no error): a map of known origins reflected, always, a 204 preflight. */
export const HELD_OUT2_NGINX_CORRECT = `map $http_origin $cors_origin {
    default "";
    "https://app.example.com" $http_origin;
    "https://admin.example.com" $http_origin;
}

server {
    listen 8080;
    server_name api.example.com;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $cors_origin always;
            add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
            add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
            add_header Access-Control-Allow-Credentials "true" always;
            add_header Access-Control-Max-Age 600 always;
            add_header Vary Origin always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:3000;
    }
}
`;
