/**
 * Issue #23's sixth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. `PORT` and `APP` are the test's
 * ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const SHOP = "https://shop.example.com";

export const HELD_OUT6_NGINX: Array<ConfigCase & Held3> = [
  {
    // http://www.bqtyf.cn/nginx/nginx-request-options-cors-preflight-failures-in-production-1765779715.html
    // — the /api/ location sets its CORS headers, then an `if ($request_method = 'OPTIONS')` block
    // with add_header lines of its own (Max-Age, Content-Type, Content-Length) answers the preflight:
    // the block's own add_header replaces the location's, so the 204 carries no Allow-Origin. Root:
    // the first add_header inside the if block.
    name: "heldout6 nginx: the OPTIONS if-block's own add_header lines drop the location's CORS headers",
    url: "http://www.bqtyf.cn/nginx/nginx-request-options-cors-preflight-failures-in-production-1765779715.html",
    rootText: "add_header 'Access-Control-Max-Age' 1728000;",
    site: `upstream backend_server {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name example.com;

    location /api/ {
        proxy_pass http://backend_server;

        add_header 'Access-Control-Allow-Origin' '${SHOP}' always;
        add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, DELETE, OPTIONS' always;
        add_header 'Access-Control-Allow-Headers' 'Origin, Content-Type, Accept, Authorization' always;

        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: SHOP },
      { method: "PUT", path: "/api/items/1", origin: SHOP, headers: json },
    ],
    check: [],
  },
  {
    // https://serverdevworker.com/26925bfa4 — one add_header Access-Control-Allow-Origin for the
    // http front end and one for the https one: nginx sends both, the browser sees two values and
    // refuses every call. Root: the first of the two add_header lines.
    name: "heldout6 nginx: two add_header Allow-Origin lines (http and https front end), two values",
    url: "https://serverdevworker.com/26925bfa4",
    rootText: "add_header Access-Control-Allow-Origin http://dev.example.com;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        add_header Access-Control-Allow-Origin http://dev.example.com;
        add_header Access-Control-Allow-Origin https://dev.example.com;
        add_header Access-Control-Allow-Methods "GET, POST, OPTIONS";
        add_header Access-Control-Allow-Headers "Content-Type";

        if ($request_method = OPTIONS) {
            return 204;
        }

        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "https://dev.example.com" },
      { method: "POST", path: "/api/items", origin: "https://dev.example.com", headers: json },
    ],
    check: [],
  },
  {
    // https://www.besthub.dev/articles/how-to-quickly-fix-cors-issues-with-simple-nginx-configuration-49a4886f6f4e
    // — front end on localhost:8080, backend behind nginx; nginx answers the preflight itself but
    // its Allow-Headers names Content-Type only, and the page sends a bearer token. Root: the
    // Allow-Headers line.
    name: "heldout6 nginx: the preflight answered by nginx, Allow-Headers lacks Authorization",
    url: "https://www.besthub.dev/articles/how-to-quickly-fix-cors-issues-with-simple-nginx-configuration-49a4886f6f4e",
    rootText: "add_header Access-Control-Allow-Headers 'Content-Type' always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name localhost;

    location / {
        add_header Access-Control-Allow-Origin 'http://localhost:8080' always;
        add_header Access-Control-Allow-Methods 'GET, POST, PUT, DELETE, OPTIONS' always;
        add_header Access-Control-Allow-Headers 'Content-Type' always;

        if ($request_method = 'OPTIONS') {
            return 204;
        }

        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: "http://localhost:8080" },
      {
        method: "GET",
        path: "/api/me",
        origin: "http://localhost:8080",
        headers: [["Authorization", "Bearer t0k3n"]],
      },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: "http://localhost:8080",
        headers: [...json, ["Authorization", "Bearer t0k3n"]],
      },
    ],
    check: [],
  },
  {
    // https://www.cross-origin.com/server-side-cors-configuration-header-management/dynamic-origin-validation-patterns/configuring-cors-in-nginx-for-multiple-origins/
    // — several front ends, the origin echoed through a `map $http_origin` with an empty default;
    // the admin front end was never added to the map, so nginx sends no Allow-Origin to it (an
    // add_header with an empty value is not sent). Root: the map's opening line.
    name: "heldout6 nginx: map $http_origin lists the shop front ends, not the admin one",
    url: "https://www.cross-origin.com/server-side-cors-configuration-header-management/dynamic-origin-validation-patterns/configuring-cors-in-nginx-for-multiple-origins/",
    rootText: "map $http_origin $cors_origin {",
    site: `map $http_origin $cors_origin {
    default "";
    "~^https://(www\\.)?shop\\.example\\.com$" $http_origin;
    "~^http://localhost:3000$" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.shop.example.com;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $cors_origin;
            add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE";
            add_header Access-Control-Allow-Headers "Content-Type, Authorization";
            add_header Access-Control-Max-Age 600;
            add_header Vary Origin;
            return 204;
        }

        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: SHOP },
      { method: "GET", path: "/api/items", origin: "https://admin.shop.example.com" },
      { method: "PUT", path: "/api/items/1", origin: "https://admin.shop.example.com", headers: json },
    ],
    check: [],
  },
];

/**
 * A correct site file (the set's correct nginx configuration): two front ends echoed through a map,
 * credentials, `always` on every header, the preflight answered by nginx with the location's headers
 * repeated inside the if block.
 */
export const HELD_OUT6_NGINX_CORRECT = `map $http_origin $cors_origin {
    default "";
    "https://app.example.com" $http_origin;
    "https://admin.example.com" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $cors_origin always;
            add_header Access-Control-Allow-Credentials "true" always;
            add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
            add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
            add_header Access-Control-Max-Age 600 always;
            add_header Vary Origin always;
            return 204;
        }

        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
