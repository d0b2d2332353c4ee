/**
 * Issue #23's twelfth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const bearer: [string, string] = ["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.t"];

export const HELD_OUT12_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/edgexfoundry/edgex-go/pull/4669 — "Access-Control-Allow-Credentials is all CORS
    // requests": the gateway's nginx sends Allow-Credentials only in its OPTIONS block, so the preflight
    // passes but the credentialed answer itself has no Allow-Credentials and the browser refuses it.
    // Root: the location's Allow-Origin line, where the credentials header is missing.
    name: "heldout12 nginx: Allow-Credentials sent on the preflight only, the credentialed answers refused",
    url: "https://github.com/edgexfoundry/edgex-go/pull/4669",
    rootText: `add_header 'Access-Control-Allow-Origin' "$http_origin" always;`,
    site: `server {
    listen 127.0.0.1:PORT;
    server_name edgex-gateway;

    location /core-data/ {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' "$http_origin";
            add_header 'Access-Control-Allow-Credentials' 'true';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, PATCH, DELETE';
            add_header 'Access-Control-Allow-Headers' 'Authorization, Accept, Content-Type, X-Correlation-ID';
            add_header 'Access-Control-Max-Age' 3600;
            add_header 'Content-Length' 0;
            return 204;
        }

        add_header 'Access-Control-Allow-Origin' "$http_origin" always;
        add_header 'Access-Control-Expose-Headers' 'Content-Length, X-Correlation-ID' always;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/core-data/api/v3/ping", origin: APP_ORIGIN, credentials: true },
      {
        method: "PUT",
        path: "/core-data/api/v3/event/1",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [...json, bearer],
      },
    ],
    check: [],
  },
  {
    // https://github.com/nestjs/nest/issues/1071 — "Allow credentials doesn't work when set to true":
    // nginx adds Access-Control-Allow-Credentials in front of the API, and the Nest app, configured with
    // credentials: true, sends it too; the browser gets "true, true" and refuses the cookie call
    // ("expected 'true'"). Root: nginx's Allow-Credentials line.
    name: "heldout12 nginx: Allow-Credentials added over the application's own, 'true, true' refused",
    url: "https://github.com/nestjs/nest/issues/1071",
    rootText: "add_header Access-Control-Allow-Credentials true;",
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", APP_ORIGIN],
        ["Access-Control-Allow-Credentials", "true"],
        ["Vary", "Origin"],
      ],
      optionsStatus: 204,
    },
    site: `upstream nest_api {
    server 127.0.0.1:APP;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.space;

    location /api/ {
        add_header Access-Control-Allow-Credentials true;

        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_pass http://nest_api;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/lanlin/notes/issues/92 — "CORS setting not working when allow credentials": the
    // wildcard recipe (`*` for the allowed methods and headers) is kept while Allow-Credentials is on;
    // with credentials the `*` is taken literally, so the token-carrying PUT is refused at its preflight.
    // Root: the Allow-Methods '*' line (Allow-Headers '*' below it is the same mistake).
    name: "heldout12 nginx: Allow-Methods and Allow-Headers '*' with credentials, the token PUT refused",
    url: "https://github.com/lanlin/notes/issues/92",
    rootText: "add_header 'Access-Control-Allow-Methods' '*' always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.notes.example;

    location / {
        add_header 'Access-Control-Allow-Origin' $http_origin always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;
        add_header 'Access-Control-Allow-Methods' '*' always;
        add_header 'Access-Control-Allow-Headers' '*' always;

        if ($request_method = 'OPTIONS') {
            return 204;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
      {
        method: "PUT",
        path: "/api/notes/1",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [...json, bearer],
      },
    ],
    check: [],
  },
  {
    // https://github.com/easy-mock/easy-mock/issues/121 — "Method PATCH is not allowed by
    // Access-Control-Allow-Methods in preflight response": the front server (Tengine, nginx's fork)
    // answers the preflight itself with a method list of GET, HEAD, PUT, POST, DELETE, so the job
    // category PATCH is refused. Root: the preflight's Allow-Methods line.
    name: "heldout12 nginx: the preflight answer's Allow-Methods has no PATCH (credentials)",
    url: "https://github.com/easy-mock/easy-mock/issues/121",
    rootText: "add_header Access-Control-Allow-Methods 'GET,HEAD,PUT,POST,DELETE';",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name oa-api.example.dev;

    location / {
        if ($request_method = 'OPTIONS') {
            add_header Access-Control-Allow-Origin $http_origin;
            add_header Access-Control-Allow-Credentials true;
            add_header Access-Control-Allow-Methods 'GET,HEAD,PUT,POST,DELETE';
            add_header Access-Control-Allow-Headers 'authorization,content-type';
            add_header Access-Control-Max-Age 2592000;
            return 204;
        }

        add_header Access-Control-Allow-Origin $http_origin;
        add_header Access-Control-Allow-Credentials true;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/job-categories", origin: APP_ORIGIN, credentials: true },
      { method: "PATCH", path: "/job-categories/195", origin: APP_ORIGIN, credentials: true, headers: json },
    ],
    check: [],
  },
  {
    // https://github.com/prooph/docker-files/issues/39 — "Set Access-Control-Allow-Origin header
    // conditionally in nginx": the image's server config includes h5bp's cross-domain-insecure snippet
    // (Allow-Origin "*") while the PHP application sets Allow-Origin itself (tuupola/cors-middleware),
    // so responses carry the header twice and Chrome refuses them (the quick fix removes the include).
    // The snippet is written inline here (the suite's nginx cases are one file). Root: the snippet's
    // add_header line.
    name: "heldout12 nginx: h5bp's cross-domain-insecure Allow-Origin '*' over the PHP app's own, two values",
    url: "https://github.com/prooph/docker-files/issues/39",
    rootText: 'add_header "Access-Control-Allow-Origin" "*";',
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", APP_ORIGIN],
        ["Vary", "Origin"],
      ],
    },
    site: `server {
    listen 127.0.0.1:PORT;
    server_name localhost;
    root /var/www/public;

    # ---- h5bp/basic.conf ----
    # ---- h5bp/cross-domain-insecure.conf ----
    # Cross domain AJAX requests: allow them from everywhere.
    add_header "Access-Control-Allow-Origin" "*";
    # ---- end h5bp ----

    location / {
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/api/users", origin: APP_ORIGIN }],
    check: [],
  },
];
