/**
 * Issue #23's seventeenth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT17_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/IFRCGo/go-api/issues/2141 — the GO front end's requests for files under the API's
    // /static/ location fail once Sentry's browser tracing adds its `sentry-trace` and `baggage` headers:
    // the request is no longer simple, the browser sends a preflight, and the static location (nginx's
    // own file handler, with Allow-Origin `*` and a methods header added) answers OPTIONS 405 with no
    // Allow-Headers. The collected static files are the system's nginx html folder here. Root: the static
    // location that never answers the preflight.
    name: "heldout17 nginx: the static location adds Allow-Origin * but answers OPTIONS 405, the traced file request refused",
    url: "https://github.com/IFRCGo/go-api/issues/2141",
    rootText: "location /static/ {",
    site: `upstream go_api {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name goadmin.ifrc.org;
    client_max_body_size 100M;

    # collectstatic output (here the system's nginx html folder)
    location /static/ {
        alias /usr/share/nginx/html/;
        add_header Access-Control-Allow-Origin '*';
        add_header Access-Control-Allow-Methods 'GET, HEAD, OPTIONS';
    }

    location / {
        proxy_pass http://go_api;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
}
`,
    calls: [
      { method: "GET", path: "/static/index.html", origin: APP_ORIGIN },
      {
        method: "GET",
        path: "/static/index.html",
        origin: APP_ORIGIN,
        headers: [
          ["sentry-trace", "771a43a4192642f0b136d5159a501700-b4c8f0f4c2d6a8e1-1"],
          ["baggage", "sentry-environment=production,sentry-release=go-web-app%407.3.1"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/KouShenhai/KCloud-Platform-IoT/issues/6638 — the platform's nginx proxies the API
    // gateway with `Access-Control-Allow-Origin *` together with `Access-Control-Allow-Credentials true`;
    // the admin UI's requests carry its cookies, and a credentialed request cannot use the wildcard, so
    // the browser refuses the answers. The gateway is the proxied application, the admin UI the page;
    // the location's methods, headers and preflight answer are written as such a location has them.
    // Root: the wildcard Allow-Origin beside credentials.
    name: "heldout17 nginx: Allow-Origin * beside Allow-Credentials true, the admin UI's credentialed calls refused",
    url: "https://github.com/KouShenhai/KCloud-Platform-IoT/issues/6638",
    rootText: "add_header Access-Control-Allow-Origin *;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.laokou.org;

    location /api/ {
        add_header Access-Control-Allow-Origin *;
        add_header Access-Control-Allow-Credentials true;
        add_header Access-Control-Allow-Methods 'GET, POST, PUT, DELETE, OPTIONS';
        add_header Access-Control-Allow-Headers 'Authorization, Content-Type, Accept, X-Requested-With';
        if ($request_method = 'OPTIONS') {
            return 204;
        }

        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/admin/v3/users/profile", origin: APP_ORIGIN, credentials: true },
      {
        method: "PUT",
        path: "/api/admin/v3/users/1",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer laokou-token"],
        ],
      },
    ],
    check: [],
  },
  {
    // https://github.com/oculairmedia/Letta-MCP-server/pull/156 — "Fix missing CORS restrictions": the
    // proxy's wildcard gives way to a map of allowed origins that lets through localhost, 127.0.0.1 and
    // [::1] only, everything else getting an empty Allow-Origin; the review points out that deployments
    // using the checked-in nginx service are then refused for their deployed web clients ("Configure
    // deployed origins before enforcing CORS"). The MCP server is the proxied application, the deployed
    // client the page. Root: the map that lists local origins only.
    name: "heldout17 nginx: the origin map lists localhost, 127.0.0.1 and [::1] only, the deployed client refused",
    url: "https://github.com/oculairmedia/Letta-MCP-server/pull/156",
    rootText: "map $http_origin $cors_origin {",
    site: `# nginx configuration for the Letta MCP server proxy
# Proxy from :3001 to letta-mcp:6507

# Allowed CORS origins: only a matched origin gets Access-Control-Allow-Origin.
map $http_origin $cors_origin {
    default "";

    # local development
    "~^https?://localhost(:[0-9]+)?$" $http_origin;
    "~^https?://127\\.0\\.0\\.1(:[0-9]+)?$" $http_origin;
    "~^https?://\\[::1\\](:[0-9]+)?$" $http_origin;

    # production origins go here
}

server {
    listen 127.0.0.1:PORT;
    server_name _;

    location / {
        if ($request_method = 'OPTIONS') {
            add_header Access-Control-Allow-Origin $cors_origin;
            add_header Access-Control-Allow-Methods 'GET, POST, DELETE, OPTIONS';
            add_header Access-Control-Allow-Headers 'Content-Type, Authorization, Mcp-Session-Id, Last-Event-ID';
            add_header Access-Control-Max-Age 86400;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Expose-Headers 'Mcp-Session-Id' always;

        proxy_pass http://127.0.0.1:APP;
        proxy_http_version 1.1;
        proxy_set_header Connection '';
        proxy_buffering off;
        proxy_read_timeout 3600s;
    }
}
`,
    calls: [
      { method: "GET", path: "/health", origin: "http://localhost:3000" },
      {
        method: "POST",
        path: "/mcp",
        origin: APP_ORIGIN,
        headers: [
          ["Content-Type", "application/json"],
          ["Mcp-Session-Id", "5f0c9a7e-2b1d-4c6a-9e31-7d2f8a4b6c10"],
        ],
      },
    ],
    check: [],
  },
];

/**
 * A correct site file: nginx answers the preflight itself for both front ends (an origin map), adds the
 * headers with `always` to every answer of the proxied API, credentials allowed.
 */
export const HELD_OUT17_NGINX_CORRECT = `map $http_origin $cors_allow_origin {
    default "";
    "https://app.example.com" $http_origin;
    "https://admin.example.com" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        set $cors_preflight "";
        if ($cors_allow_origin != "") {
            set $cors_preflight "allowed";
        }
        if ($request_method = OPTIONS) {
            set $cors_preflight "\${cors_preflight}-options";
        }
        if ($cors_preflight = "allowed-options") {
            add_header Access-Control-Allow-Origin $cors_allow_origin always;
            add_header Access-Control-Allow-Credentials "true" always;
            add_header Access-Control-Allow-Methods "GET, PUT" always;
            add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
            add_header Access-Control-Max-Age 600 always;
            add_header Vary Origin always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_allow_origin always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
