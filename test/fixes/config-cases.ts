/**
 * Broken nginx site files as projects write them, each rebuilding a situation that public Q&A and
 * issue threads keep reporting (the nginx `add_header` inheritance trap, `always` missing on
 * errors, `*` with credentials, a preflight stopped by auth or by the app's 405, a fixed origin
 * when a second front end arrives, two layers adding Allow-Origin …). `PORT` and `APP` are the
 * test's ports. `calls` are what the page does; `check` what `cors-lens check` must find.
 */
import type { AppShape, PageCall } from "./config-real";

export interface ConfigCase {
  name: string;
  site: string;
  app?: AppShape;
  calls: PageCall[];
  /** Findings `check` must report on the broken file: code and the line (1-based) it must name. */
  check: Array<{ code: string; line: number }>;
}

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";

export const CASES: ConfigCase[] = [
  {
    name: "location add_header drops the server's CORS headers",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.local;

    # CORS for the whole API
    add_header Access-Control-Allow-Origin "${APP}" always;
    add_header Vary Origin always;

    location /api/ {
        proxy_pass http://127.0.0.1:APP;
    }

    location /api/reports/ {
        add_header Cache-Control "no-store";
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/reports/2024", origin: APP },
    ],
    check: [{ code: "nested-add-header-drops-cors", line: 14 }],
  },
  {
    name: "no always: the 500 loses Allow-Origin",
    site: `server {
    listen 127.0.0.1:PORT;

    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}";
        add_header Vary Origin;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/fail", origin: APP },
    ],
    check: [{ code: "no-always", line: 5 }],
  },
  {
    name: "* with credentials",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header 'Access-Control-Allow-Origin' '*' always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/public", origin: ADMIN },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 4 }],
  },
  {
    name: "the OPTIONS block's method list lacks PUT",
    site: `server {
    listen 127.0.0.1:PORT;

    location /api/ {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' '${APP}';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
            add_header 'Access-Control-Allow-Headers' 'Content-Type';
            add_header 'Access-Control-Max-Age' 1728000;
            return 204;
        }
        add_header 'Access-Control-Allow-Origin' '${APP}' always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: APP, headers: [["Content-Type", "application/json"]] },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    name: "Authorization not in Allow-Headers",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin $http_origin always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type, X-Requested-With" always;
        add_header Vary Origin always;
        if ($request_method = OPTIONS) {
            return 204;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP, headers: [["X-Requested-With", "XMLHttpRequest"]] },
      { method: "GET", path: "/api/me", origin: APP, headers: [["Authorization", "Bearer t"]] },
    ],
    check: [],
  },
  {
    name: "basic auth answers the preflight with 401",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        auth_basic "API";
        auth_basic_user_file /dev/null;
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP,
        headers: [
          ["Authorization", "Basic dTpw"],
          ["Content-Type", "application/json"],
        ],
      },
    ],
    check: [{ code: "preflight-refused", line: 4 }],
  },
  {
    name: "the app answers OPTIONS with 405",
    site: `server {
    listen 127.0.0.1:PORT;
    location / {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST, DELETE" always;
        add_header Access-Control-Allow-Headers "Content-Type" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    app: { optionsStatus: 405 },
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "DELETE", path: "/api/items/1", origin: APP },
    ],
    check: [],
  },
  {
    name: "a fixed origin, and a second front end",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "a map of origins without the new one (and unescaped dots)",
    site: `map $http_origin $cors_origin {
    default "";
    "~^https://app.example.com$" $http_origin;
    "https://staging.example.com" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [{ code: "origin-regex-dot", line: 3 }],
  },
  {
    name: "an if on the origin that does not know the new one",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        set $cors "";
        if ($http_origin ~* "^https://(app|www)\\.example\\.com$") {
            set $cors $http_origin;
        }
        add_header Access-Control-Allow-Origin $cors always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "nginx and the app both add Allow-Origin",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
  {
    name: "several origins in one Allow-Origin",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP} ${ADMIN}" always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [{ code: "origin-list", line: 4 }],
  },
  {
    name: "credentials not allowed",
    site: `map $http_origin $allow_origin {
    default "";
    "${APP}" $http_origin;
}
server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin $allow_origin always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/api/me", origin: APP, credentials: true }],
    check: [],
  },
  {
    name: "CORS on the preflight only (the OPTIONS if block), none on the request",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header X-Frame-Options DENY;
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "${APP}";
            add_header Access-Control-Allow-Methods "GET, POST, PUT";
            add_header Access-Control-Allow-Headers "Content-Type";
            return 204;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "cors-on-preflight-only", line: 5 }],
  },
  {
    name: "limit_except denies the preflight",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Methods "GET, POST" always;
        add_header Access-Control-Allow-Headers "Content-Type" always;
        limit_except GET POST {
            deny all;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "POST", path: "/api/items", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "preflight-refused", line: 7 }],
  },
  {
    name: "the OPTIONS block sets Max-Age and Content-Type, and so drops Allow-Origin",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header 'Access-Control-Allow-Origin' '${APP}' always;
        add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, OPTIONS' always;
        add_header 'Access-Control-Allow-Headers' 'Content-Type, Authorization' always;
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Authorization", "Bearer t"]] },
    ],
    check: [{ code: "nested-add-header-drops-cors", line: 8 }],
  },
  {
    name: "fonts from a regex location: a missing file's 404 has no Allow-Origin",
    site: `server {
    listen 127.0.0.1:PORT;
    root /nonexistent;
    location ~* .(eot|ttf|woff2?)$ {
        add_header Access-Control-Allow-Origin "*";
        expires 30d;
    }
    location /api/ {
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/fonts/brand.woff2", origin: APP }],
    check: [{ code: "no-always", line: 5 }],
  },
  {
    name: "Allow-Origin added inside an if on the origin, which does not know the new front end",
    site: `server {
    listen 127.0.0.1:PORT;
    add_header X-Frame-Options SAMEORIGIN;
    location /api/ {
        if ($http_origin ~* "^https://(www|app)\\.example\\.com$") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Vary Origin always;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "Allow-Headers * with credentials does not cover Authorization",
    site: `server {
    listen 127.0.0.1:PORT;
    location /api/ {
        add_header Access-Control-Allow-Origin "${APP}" always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Access-Control-Allow-Methods "GET, POST, OPTIONS" always;
        add_header Access-Control-Allow-Headers "*" always;
        if ($request_method = OPTIONS) {
            return 204;
        }
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      {
        method: "GET",
        path: "/api/me",
        origin: APP,
        credentials: true,
        headers: [["Authorization", "Bearer t"]],
      },
    ],
    check: [],
  },
];

/** Correct configurations: `check` reports nothing on them. */
export const CORRECT: string[] = [
  `map $http_origin $cors_origin {
    default "";
    "~^https://(app|admin)\\.example\\.com$" $http_origin;
}
server {
    listen 8080;
    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin $cors_origin;
            add_header Access-Control-Allow-Methods "GET, POST, PUT";
            add_header Access-Control-Allow-Headers "Content-Type, Authorization";
            add_header Access-Control-Allow-Credentials "true";
            add_header Vary Origin;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:3000;
    }
}
`,
  `server {
    listen 80;
    server_name cdn.example.com;
    location /fonts/ {
        add_header Access-Control-Allow-Origin "*" always;
        root /srv/static;
    }
}
`,
];
