/**
 * Issue #23's third never-seen measure, nginx: broken site files rebuilt from public reports (the
 * report is cited above each case; its situation rebuilt, no text copied), written blind to the
 * readers. `PORT` and `APP` are the test's ports. `rootText`: the text of the root cause's line
 * (the first line holding it), which config-heldout3-check.fixes.test.ts looks for among `check`'s
 * findings; `rootFile` when that line is not in the first file.
 */
import type { ConfigCase } from "./config-cases";

/** What the held-out set 3 adds to a suite's case: the report it rebuilds and its root cause's line. */
export interface Held3 {
  url: string;
  rootText: string;
  rootFile?: string;
}

const APP = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT3_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/bytedance/deer-flow/pull/1157 — the OPTIONS `if` answers 204 with add_header
    // of its own (Max-Age, Content-Type), so the server-level CORS headers are not inherited there.
    // Root: the first add_header inside the `if`.
    name: "heldout3 nginx: the OPTIONS if block's own add_header drops the server's CORS headers",
    url: "https://github.com/bytedance/deer-flow/pull/1157",
    rootText: "add_header Access-Control-Max-Age 1728000;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    # CORS for the single-page app
    add_header Access-Control-Allow-Origin "${APP}";
    add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS";
    add_header Access-Control-Allow-Headers "Content-Type, Authorization";

    location /api/ {
        if ($request_method = 'OPTIONS') {
            add_header Access-Control-Max-Age 1728000;
            add_header Content-Type 'text/plain; charset=utf-8';
            return 204;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/openedx-unsupported/configuration/pull/4730 — the CORS add_header sit in
    // `location /`, whose try_files hands the request to the named location @proxy_to_app: that one
    // inherits from the server block only, so the proxied answer carries no CORS header.
    // Root: the first CORS add_header of `location /`.
    name: "heldout3 nginx: CORS headers in location / never reach the named @proxy_to_app location",
    url: "https://github.com/openedx-unsupported/configuration/pull/4730",
    rootText: 'add_header Access-Control-Allow-Origin "https://app.example.com" always;',
    site: `upstream app_server {
    server 127.0.0.1:APP fail_timeout=0;
}

server {
    listen 127.0.0.1:PORT;
    server_name analytics-api.local;

    location / {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
        add_header Access-Control-Allow-Methods "GET, OPTIONS" always;
        if ($request_method = OPTIONS) {
            return 204;
        }
        try_files $uri @proxy_to_app;
    }

    location @proxy_to_app {
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Host $http_host;
        proxy_redirect off;
        proxy_pass http://app_server;
    }
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP, headers: [["Authorization", "Bearer t0k3n"]] }],
    check: [],
  },
  {
    // https://github.com/RADAR-base/RADAR-Docker/issues/73 — nginx adds the CORS headers but sends
    // the preflight on to the gateway, which answers it 401 (no credentials on a preflight).
    // Root: the proxy_pass that takes the preflight to the upstream.
    name: "heldout3 nginx: the preflight is proxied to a gateway that answers 401",
    url: "https://github.com/RADAR-base/RADAR-Docker/issues/73",
    rootText: "proxy_pass http://127.0.0.1:APP;",
    app: { optionsStatus: 401 },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name radar.local;

    location /api/ {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        add_header Access-Control-Allow-Origin "*" always;
        add_header Access-Control-Allow-Methods "GET, POST, HEAD, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, headers: [["Authorization", "Bearer t0k3n"]] },
      { method: "POST", path: "/api/items", origin: APP, headers: json },
    ],
    check: [],
  },
];

/** A correct nginx site (check: no error; fix with the page's evidence: nothing to change). */
export const HELD_OUT3_NGINX_CORRECT = `map $http_origin $cors_origin {
    default "";
    "https://app.example.com" $http_origin;
    "https://admin.example.com" $http_origin;
}

server {
    listen 127.0.0.1:PORT;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $cors_origin always;
            add_header Access-Control-Allow-Credentials true always;
            add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
            add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
            add_header Access-Control-Max-Age 600 always;
            add_header Vary Origin always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
