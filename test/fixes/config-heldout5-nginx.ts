/**
 * Issue #23's fifth never-seen measure, nginx: broken site files rebuilt from public reports (the
 * report is cited above each case; its situation rebuilt, no text copied), written blind to the
 * readers. `PORT` and `APP` are the test's ports. `rootText`: the text of the root cause's line (the
 * first line holding it), which config-heldout5-check.fixes.test.ts looks for among `check`'s findings.
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT5_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/xuexb/learn-nginx/issues/20 — CORS headers added by nginx (with `always`), but
    // the OPTIONS preflight is proxied on to the backend, which has no OPTIONS route (405): the
    // preflight fails its status check. Root: the proxy_pass every method goes through.
    name: "heldout5 nginx: the preflight is proxied on to the backend (405), nginx only adds headers",
    url: "https://github.com/xuexb/learn-nginx/issues/20",
    rootText: "proxy_pass http://127.0.0.1:APP;",
    site: `upstream backend_api {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    # 跨域: the front end is on another domain
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type, Authorization, X-Requested-With" always;

        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
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
    // https://infrarunbook.com/article/nginx-cors-error-troubleshooting — the wildcard credential
    // conflict: `Access-Control-Allow-Origin *` next to `Allow-Credentials true`, and the front end
    // sends its session cookie. Root: the `*` Allow-Origin line.
    name: "heldout5 nginx: Allow-Origin * with Allow-Credentials true, the cookie call refused",
    url: "https://infrarunbook.com/article/nginx-cors-error-troubleshooting",
    rootText: "add_header 'Access-Control-Allow-Origin' '*' always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.solvethenetwork.local;

    location / {
        add_header 'Access-Control-Allow-Origin' '*' always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, DELETE, OPTIONS' always;
        add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type' always;

        if ($request_method = 'OPTIONS') {
            return 204;
        }

        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  {
    // https://cloudstreet-dev.github.io/Understanding-CORS/ch17-cors-in-nginx-apache.html — the
    // "naive" block: add_header without `always` is dropped on error answers, so the front end cannot
    // read the API's 500 (it sees a CORS error instead). Root: the Allow-Origin line without `always`.
    name: "heldout5 nginx: add_header without always, the API's 500 answer has no Allow-Origin",
    url: "https://cloudstreet-dev.github.io/Understanding-CORS/ch17-cors-in-nginx-apache.html",
    rootText: `add_header Access-Control-Allow-Origin "${APP}";`,
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}";
        add_header Access-Control-Allow-Methods 'GET, POST, OPTIONS';
        add_header Access-Control-Allow-Headers 'Content-Type, Authorization';

        proxy_pass http://127.0.0.1:APP;
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
    // https://www.explaintopic.com/nginx/nginx-cors-header-not-added-in-production-causing-browser-cr-14562.html
    // — "incorrect configuration scope": the CORS headers sit in the `location /` that serves the
    // front end, while the API is answered by its own `location /api/` without them. Root: the API's
    // location block.
    name: "heldout5 nginx: CORS headers in location / only, the /api/ location answers without them",
    url: "https://www.explaintopic.com/nginx/nginx-cors-header-not-added-in-production-causing-browser-cr-14562.html",
    rootText: "location /api/ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name www.local;

    root /usr/share/nginx/html;

    location / {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST, OPTIONS" always;
        try_files $uri $uri/ /index.html;
    }

    location /api/ {
        proxy_set_header Host $host;
        proxy_read_timeout 60s;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items/1", origin: APP },
    ],
    check: [],
  },
];
