/**
 * Issue #23's sixteenth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const BASIC = `Basic ${Buffer.from("drupal:lagoon").toString("base64")}`;

export const HELD_OUT16_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/uselagoon/lagoon-images/issues/857 — "Disable basic auth for preflight request":
    // an environment protected by the image's basic auth (set from BASIC_AUTH_USERNAME/PASSWORD) cannot be
    // called with fetch from another origin, "because browsers remove Authorization header from the
    // OPTIONS (preflight) request": the server answers the preflight 401 and the authenticated call is
    // never sent. The image's server block with the auth helper and the site's CORS headers is written
    // as the site file, the decoupled front end as the page. Root: the basic auth that covers OPTIONS too.
    name: "heldout16 nginx: the environment's basic auth covers the preflight too, the authenticated fetch answered 401",
    url: "https://github.com/uselagoon/lagoon-images/issues/857",
    rootText: 'auth_basic "Restricted";',
    site: `server {
    listen 127.0.0.1:PORT default_server;
    server_name _;

    # helpers/basic-auth.conf (written by the entrypoint when BASIC_AUTH_USERNAME is set)
    auth_basic "Restricted";
    auth_basic_user_file /etc/nginx/.htpasswd;

    location / {
        add_header Access-Control-Allow-Origin "https://app.example.com" always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Access-Control-Allow-Methods "GET, POST, PATCH, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      {
        method: "GET",
        path: "/jsonapi/node/article",
        origin: APP_ORIGIN,
        headers: [["Authorization", BASIC]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/RubaXa/nginx-cors/pull/3 — "Add Allow-origin-header on 401 response": the
    // nginx-cors snippet (maps from Origin and path to client and service, then `include cors.conf` in
    // the location) adds Access-Control-Allow-Origin without `always`, so when the API answers an error
    // (the report: a 401 to the authorization request) the header is missing and Chrome reports a CORS
    // error instead of the API's answer. The snippet's lines are written inline in the location; the
    // application's error answer here is the suite backend's 500 on /api/fail. Root: the Allow-Origin
    // add_header without `always`.
    name: "heldout16 nginx: the nginx-cors snippet adds Allow-Origin without always, the API's error answer unreadable",
    url: "https://github.com/RubaXa/nginx-cors/pull/3",
    rootText: "add_header Access-Control-Allow-Origin $cors_allow_origin_value;",
    site: `# cors.setup.conf
map $uri $cors_service {
    ~^/api/   "cors.service.api";
    default   "<<unknown>>";
}

map $http_origin $cors_client {
    ~^https://(app|admin)\\.example\\.com$ "cors.client.$1";
    default "<<unknown>>";
}

map "$cors_client -> $cors_service" $cors_enabled {
    "cors.client.app -> cors.service.api"   "true";
    "cors.client.admin -> cors.service.api" "true";
    default "false";
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        set $cors_allow_credentials "true";

        # include nginx-cors/cors.conf;
        set $cors_preflight "false";
        set $cors_allow_origin_value "";
        set $cors_allow_credentials_value "";
        if ($request_method = OPTIONS) {
            set $cors_preflight $cors_enabled;
        }
        if ($cors_enabled = "true") {
            set $cors_allow_origin_value $http_origin;
            set $cors_allow_credentials_value $cors_allow_credentials;
        }
        add_header Access-Control-Allow-Origin $cors_allow_origin_value;
        add_header Access-Control-Allow-Credentials $cors_allow_credentials_value;
        add_header Access-Control-Allow-Methods "OPTIONS, GET, POST";
        add_header Access-Control-Allow-Headers "Authorization, Content-Type";
        add_header Vary Origin always;
        if ($cors_preflight = "true") {
            return 204;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/user/info", origin: APP_ORIGIN, credentials: true },
      { method: "GET", path: "/api/fail/session", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/kubernetes/ingress-nginx/issues/8264 — "Allow wildcard port for localhost in
    // cors-allow-origin": the ingress's CORS annotations list the allowed origins, and the configuration
    // the controller generates only lets through an Origin equal to one of them, so a developer's local
    // front end works only on the one port written there ("we don't care to enforce what port developers
    // host their local server on"). The generated location is written as the site file (its
    // more_set_headers lines as add_header … always), the developer's page on Vite's port as the page.
    // Root: the generated origin test listing localhost:3000 only.
    name: "heldout16 nginx: the ingress's generated origin test lists localhost:3000 only, the dev front end on another port refused",
    url: "https://github.com/kubernetes/ingress-nginx/issues/8264",
    rootText: "if ($http_origin ~* ((https://app\\.example\\.com|http://localhost:3000))$) {",
    site: `# Generated by the ingress controller for ingress default/api
# nginx.ingress.kubernetes.io/enable-cors: "true"
# nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com, http://localhost:3000"
# nginx.ingress.kubernetes.io/cors-allow-credentials: "true"
server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        set $cors '';
        if ($http_origin ~* ((https://app\\.example\\.com|http://localhost:3000))$) {
            set $cors 'true';
        }
        if ($request_method = 'OPTIONS') {
            set $cors \${cors}options;
        }
        if ($cors = "true") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Access-Control-Allow-Credentials true always;
        }
        if ($cors = "trueoptions") {
            add_header Access-Control-Allow-Origin $http_origin always;
            add_header Access-Control-Allow-Credentials true always;
            add_header Access-Control-Allow-Methods "GET, PUT, POST, DELETE, PATCH, OPTIONS" always;
            add_header Access-Control-Allow-Headers "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization" always;
            add_header Access-Control-Max-Age 1728000 always;
            return 204;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/projects", origin: APP_ORIGIN, credentials: true },
      {
        method: "PUT",
        path: "/api/projects/7",
        origin: "http://localhost:5173",
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
