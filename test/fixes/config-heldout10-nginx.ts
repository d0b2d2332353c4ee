/**
 * Issue #23's tenth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT10_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/ajayyy/SponsorBlockServer/issues/244 — "nginx is not adding
    // access-control-allow-methods but is returning allow": the OPTIONS block answers the preflight
    // with an Allow header (which the browser ignores) instead of Access-Control-Allow-Methods, so
    // the DELETE (not a simple method) is refused. Root: the Allow line standing in for it.
    name: "heldout10 nginx: the preflight answer sends Allow, not Access-Control-Allow-Methods, the DELETE refused",
    url: "https://github.com/ajayyy/SponsorBlockServer/issues/244",
    rootText: 'add_header Allow "GET, POST, PUT, DELETE, OPTIONS";',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name sponsor.example.com;

    location /api/ {
        if ($request_method = OPTIONS) {
            add_header Access-Control-Allow-Origin "*";
            add_header Access-Control-Allow-Headers "Content-Type, X-Requested-With";
            add_header Allow "GET, POST, PUT, DELETE, OPTIONS";
            add_header Access-Control-Max-Age 86400;
            return 204;
        }

        add_header Access-Control-Allow-Origin "*" always;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "DELETE", path: "/api/items/1", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://github.com/monsur/enable-cors.org/pull/101 — the "wide open" nginx recipe sends
    // Access-Control-Allow-Origin '*' together with Access-Control-Allow-Credentials 'true'; "Cannot
    // use wildcard in Access-Control-Allow-Origin when credentials flag is true": the front end's
    // call made with credentials is refused. Root: the Allow-Origin '*' line of the actual responses.
    name: "heldout10 nginx: the wide-open recipe's Allow-Origin '*' with Allow-Credentials, the cookie call refused",
    url: "https://github.com/monsur/enable-cors.org/pull/101",
    rootText: "add_header 'Access-Control-Allow-Origin' '*' always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' '*';
            add_header 'Access-Control-Allow-Credentials' 'true';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
            add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain; charset=utf-8';
            add_header 'Content-Length' 0;
            return 204;
        }

        add_header 'Access-Control-Allow-Origin' '*' always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
];
