/**
 * Issue #23's ninth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/openfoodfacts/openfoodfacts-infrastructure/issues/672 — the CORS headers are
    // added with add_header but without `always`: nginx adds them to 2xx/3xx answers only, so the
    // backend's 500 reaches the page without Access-Control-Allow-Origin and the front end cannot
    // read the error. Root: the Allow-Origin add_header line.
    name: "heldout9 nginx: add_header without 'always', the backend's 500 has no Allow-Origin",
    url: "https://github.com/openfoodfacts/openfoodfacts-infrastructure/issues/672",
    rootText: `add_header Access-Control-Allow-Origin "${APP_ORIGIN}";`,
    site: `server {
    listen 127.0.0.1:PORT;
    server_name world.example.org;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP_ORIGIN}";
        add_header Access-Control-Allow-Methods "GET, OPTIONS";
        add_header Vary Origin;

        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_read_timeout 60s;
        proxy_pass http://127.0.0.1:APP;
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
    // https://github.com/mautrix/docs/pull/57 — nginx adds Access-Control-Allow-Origin in front of a
    // backend that already sends its own: add_header does not replace the proxied header, the answer
    // carries two values and the browser refuses it (the PR hides the backend's copy first). Root: the
    // add_header Allow-Origin line.
    name: "heldout9 nginx: add_header Allow-Origin over the proxied backend's own, two values sent",
    url: "https://github.com/mautrix/docs/pull/57",
    rootText: "add_header Access-Control-Allow-Origin $cors_allow always;",
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `map $http_origin $cors_allow {
    default "";
    "${APP_ORIGIN}" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name bridge.example.com;

    location /api/ {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;

        add_header Access-Control-Allow-Origin $cors_allow always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
    }
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/nginx-proxy/nginx-proxy/pull/183 — the proxy adds the CORS headers but passes
    // the browser's OPTIONS preflight on to the application, which does not answer OPTIONS (405): a
    // preflight answered with an error status fails even with the headers on it. Root: the location
    // that proxies everything, the preflight included.
    name: "heldout9 nginx: the preflight is proxied to an application that answers OPTIONS 405",
    url: "https://github.com/nginx-proxy/nginx-proxy/pull/183",
    rootText: "location /api/ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
        add_header Access-Control-Max-Age 600 always;

        proxy_http_version 1.1;
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
    // https://github.com/tymondesigns/jwt-auth/issues/374 — the front end sends its JWT in the
    // Authorization header; nginx answers the preflight itself, but its Access-Control-Allow-Headers
    // does not list Authorization, so the browser never sends the call. Root: the Allow-Headers line
    // of the OPTIONS block.
    name: "heldout9 nginx: the OPTIONS block's Allow-Headers lacks Authorization, the JWT call refused",
    url: "https://github.com/tymondesigns/jwt-auth/issues/374",
    rootText: 'add_header Access-Control-Allow-Headers "Content-Type, X-Requested-With";',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "${APP_ORIGIN}";
            add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE";
            add_header Access-Control-Allow-Headers "Content-Type, X-Requested-With";
            add_header Access-Control-Max-Age 86400;
            return 204;
        }

        add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: APP_ORIGIN,
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.t"]],
      },
      { method: "POST", path: "/api/items", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
];
