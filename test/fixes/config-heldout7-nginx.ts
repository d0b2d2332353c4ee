/**
 * Issue #23's seventh never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT7_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://errornotes.dev/en/errors/nginx/fix-nginx-cors-error-no-access-control-allow-origin-header-is-present
    // — CORS headers added without `always`: nginx drops them from the upstream's error answers, so the
    // page reads a 500 as a CORS failure. Root: the Allow-Origin add_header line.
    name: "heldout7 nginx: add_header without always, the upstream's 500 reaches the page without CORS",
    url: "https://errornotes.dev/en/errors/nginx/fix-nginx-cors-error-no-access-control-allow-origin-header-is-present",
    rootText: `add_header Access-Control-Allow-Origin "${APP_ORIGIN}";`,
    site: `upstream api_backend {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP_ORIGIN}";
        add_header Vary Origin;

        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://api_backend;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/fail", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://taourl.com/read-3684125.html — the backend already answers with its own
    // Access-Control-Allow-Origin and nginx adds another one in front of it: two values, which the
    // browser refuses. Root: nginx's add_header (the backend's header is not hidden).
    name: "heldout7 nginx: nginx adds Allow-Origin over the backend's own, two values sent",
    url: "https://taourl.com/read-3684125.html",
    rootText: `add_header 'Access-Control-Allow-Origin' '${APP_ORIGIN}' always;`,
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;

        add_header 'Access-Control-Allow-Origin' '${APP_ORIGIN}' always;
        add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;
    }
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://git.zikk.ru/SMusatov/gixy/src/6e84bda60d385af54fd47bbbc41e2e2cec748730/docs/en/plugins/addheaderredefinition.md
    // — add_header is inherited only when the level has none of its own: the /api/export location adds
    // a Cache-Control and so loses the server's CORS headers. Root: that location's add_header.
    name: "heldout7 nginx: a location's own add_header (Cache-Control) drops the server's CORS headers",
    url: "https://git.zikk.ru/SMusatov/gixy/src/6e84bda60d385af54fd47bbbc41e2e2cec748730/docs/en/plugins/addheaderredefinition.md",
    rootText: 'add_header Cache-Control "no-store" always;',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
    add_header Access-Control-Allow-Credentials "true" always;
    add_header Vary Origin always;

    location /api/ {
        proxy_pass http://127.0.0.1:APP;
    }

    location /api/export/ {
        add_header Cache-Control "no-store" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN, credentials: true },
      { method: "GET", path: "/api/export/items.csv", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://www.explaintopic.com/nginx/nginx-returning-404-for-options-requests-in-production-when-14630.html
    // — nginx adds the CORS headers but sends the preflight on to the application, which does not
    // answer OPTIONS (405): the preflight is not ok. Root: the location passing everything upstream.
    name: "heldout7 nginx: the preflight is proxied to the application, which answers it 405",
    url: "https://www.explaintopic.com/nginx/nginx-returning-404-for-options-requests-in-production-when-14630.html",
    rootText: "proxy_pass http://127.0.0.1:APP;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
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
];
