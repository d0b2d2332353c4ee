/**
 * Issue #23's thirteenth never-seen measure, nginx: broken site files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const bearer: [string, string] = ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.t"];

export const HELD_OUT13_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/monsur/enable-cors.org/issues/161 — "nginx needs Access-Control-Allow-Headers to
    // work": the site's wide-open nginx recipe answers the preflight with a fixed Allow-Headers list (DNT,
    // User-Agent, X-Requested-With, …) that does not name the header the client sends, so the browser
    // still refuses the call ("it needs to be tweaked for different header configurations"). Here the
    // client sends a bearer token. Root: the preflight's Allow-Headers line.
    name: "heldout13 nginx: the enable-cors recipe's Allow-Headers list leaves out Authorization, the token call refused",
    url: "https://github.com/monsur/enable-cors.org/issues/161",
    rootText:
      "add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.org;

    location / {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' '*';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
            #
            # Custom headers and headers various browsers *should* be OK with but aren't
            #
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
            #
            # Tell client that this pre-flight info is valid for 20 days
            #
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }
        if ($request_method = 'POST') {
            add_header 'Access-Control-Allow-Origin' '*' always;
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range' always;
            add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range' always;
        }
        if ($request_method = 'GET') {
            add_header 'Access-Control-Allow-Origin' '*' always;
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range' always;
            add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range' always;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, headers: [bearer] },
    ],
    check: [],
  },
  {
    // https://github.com/mdn/content/pull/26252 — "Fix nginx CORS instructions": the documented nginx
    // line adds Access-Control-Allow-Origin without `always`, so nginx leaves it off every answer that is
    // not a 2xx or 3xx, and the page cannot read the API's error answers (a 404, here the app's 500).
    // Root: that add_header line.
    name: "heldout13 nginx: MDN's add_header without 'always', the API's error answer carries no Allow-Origin",
    url: "https://github.com/mdn/content/pull/26252",
    rootText: "add_header Access-Control-Allow-Origin https://app.example.com;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin https://app.example.com;
        add_header Vary Origin;
        proxy_set_header Host $host;
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
    // https://github.com/yandex/gixy/issues/65 — "[origins] Validation regex …": the documented origin
    // check is `((^https://www\\.yandex\\.ru)|(^https://ya\\.ru)/)`; the second alternative carries a `/`
    // after the host, which no Origin header ever has (an origin has no path), so requests from that
    // front end never get the headers (the fix drops the slash and anchors with `$`). The two sites are
    // written as the page's: www.example.com and app.example.com. Root: the `if` with that regex.
    name: "heldout13 nginx: the origin regex's second alternative ends in '/', the app front end never matches",
    url: "https://github.com/yandex/gixy/issues/65",
    rootText: "if ($http_origin ~* ((^https://www\\.example\\.com)|(^https://app\\.example\\.com)/)) {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        if ($http_origin ~* ((^https://www\\.example\\.com)|(^https://app\\.example\\.com)/)) {
            add_header 'Access-Control-Allow-Origin' "$http_origin";
            add_header 'Access-Control-Allow-Credentials' 'true';
        }
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true }],
    check: [],
  },
  {
    // https://github.com/bluedotimpact/bluedot/pull/1186 — "Fix duplicate header issue in posthog-proxy":
    // the analytics reverse proxy adds Access-Control-Allow-Origin (the request's origin) and
    // Allow-Credentials while the upstream PostHog server sends both itself, so the browser sees
    // "header contains multiple values" (the fix hides the upstream's with proxy_hide_header). Root: the
    // proxy's Allow-Origin line.
    name: "heldout13 nginx: the analytics proxy adds Allow-Origin and Allow-Credentials over the upstream's own",
    url: "https://github.com/bluedotimpact/bluedot/pull/1186",
    rootText: "add_header Access-Control-Allow-Origin $http_origin always;",
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", APP_ORIGIN],
        ["Access-Control-Allow-Credentials", "true"],
      ],
    },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name analytics.example.org;

    location / {
        add_header Access-Control-Allow-Origin $http_origin always;
        add_header Access-Control-Allow-Credentials true always;

        proxy_ssl_server_name on;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/static/array.js", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/NginxProxyManager/nginx-proxy-manager/issues/2260 — "Duplicate
    // Access-Control-Allow-Origin Headers for site?": the site is used from a few front ends, so its
    // custom nginx configuration adds one `add_header Access-Control-Allow-Origin` per front end; nginx
    // sends them all on every answer, and the browser refuses a header with more than one value
    // ("that doesn't seem to work either"). Root: the first of those add_header lines.
    name: "heldout13 nginx: one add_header Allow-Origin per front end, every answer carries both values",
    url: "https://github.com/NginxProxyManager/nginx-proxy-manager/issues/2260",
    rootText: "add_header Access-Control-Allow-Origin https://app.example.com;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name files.example.net;

    # Custom Nginx Configuration (proxy host, Advanced tab)
    add_header Access-Control-Allow-Origin https://app.example.com;
    add_header Access-Control-Allow-Origin https://admin.example.com;

    location / {
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/items", origin: "https://admin.example.com" },
    ],
    check: [],
  },
];
