/**
 * Issue #23's eighteenth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const ADMIN_ORIGIN = "https://admin.example.com";

export const HELD_OUT18_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/Dream4ever/Knowledge-Base/issues/126 — after the business APIs moved to a CentOS
    // server behind nginx, the nginx log shows one API answering 405 all the time: the front end's calls
    // to it are preflighted, nginx passes the OPTIONS request on to the Node API like any other, and the
    // API has no OPTIONS route, so the preflight comes back 405 (the fix answers OPTIONS in nginx). The
    // proxied API is the application (OPTIONS answered 405), the front end the page; the CORS headers the
    // site adds are written as the later notes of the same knowledge base have them. Root: the location
    // that hands the preflight to the API.
    name: "heldout18 nginx: the location passes the preflight on to the Node API, which answers OPTIONS 405",
    url: "https://github.com/Dream4ever/Knowledge-Base/issues/126",
    rootText: "proxy_pass http://127.0.0.1:APP;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        add_header Access-Control-Allow-Origin https://app.example.com;
        add_header Access-Control-Allow-Methods 'GET, POST, OPTIONS';
        add_header Access-Control-Allow-Headers 'Content-Type, Authorization';

        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/score/list", origin: APP_ORIGIN },
      {
        method: "POST",
        path: "/api/score/save",
        origin: APP_ORIGIN,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/cloudendpoints/endpoints-tools/issues/58 — the Endpoints proxy (an nginx) is
    // started with two origins in its CORS origin flag, and the generated nginx configuration writes both
    // into one Access-Control-Allow-Origin value, space-separated; Chrome refuses the preflight ("contains
    // multiple values … but only one is allowed") for either front end. The suggestion in the thread is
    // to echo `$http_origin` after checking it. The proxied API is the application, the two front ends
    // the pages. Root: the Allow-Origin holding two origins.
    name: "heldout18 nginx: one Allow-Origin value lists both front ends, every preflight refused",
    url: "https://github.com/cloudendpoints/endpoints-tools/issues/58",
    rootText: "add_header 'Access-Control-Allow-Origin' 'https://app.example.com https://admin.example.com';",
    site: `# generated for --cors_preset=basic --cors_allow_origin="https://app.example.com https://admin.example.com"
server {
    listen 127.0.0.1:PORT;
    server_name _;

    location / {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' 'https://app.example.com https://admin.example.com';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization';
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }
        add_header 'Access-Control-Allow-Origin' 'https://app.example.com https://admin.example.com' always;
        add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range' always;

        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
    }
}
`,
    calls: [
      { method: "GET", path: "/v1/shelves", origin: APP_ORIGIN },
      {
        method: "POST",
        path: "/v1/shelves",
        origin: ADMIN_ORIGIN,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/akvo/akvo-rsr/pull/4429 (for akvo/hortinvest#5) — "Add cors to include akvo.org
    // subdomains": RSR's nginx proxies the REST API with no CORS header at all, and the partner site built
    // on another akvo.org subdomain reads the API's projects and results from the browser, so every one of
    // those reads is refused; the PR adds a map of the akvo.org subdomains echoed in Allow-Origin. The RSR
    // Django app is the proxied application, the partner site the page. Root: the API location proxied with
    // no CORS header.
    name: "heldout18 nginx: the REST API location sends no CORS header, the partner subdomain's reads refused",
    url: "https://github.com/akvo/akvo-rsr/pull/4429",
    rootText: "location /rest/ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name rsr.akvo.org;
    client_max_body_size 10M;

    location /rest/ {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location / {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
    }
}
`,
    calls: [
      {
        method: "GET",
        path: "/rest/v1/project/?format=json&partner=hortinvest",
        origin: "https://hortinvest.akvo.org",
      },
      {
        method: "GET",
        path: "/rest/v1/results_framework/?format=json&project=7950",
        origin: "https://hortinvest.akvo.org",
      },
    ],
    check: [],
  },
];
