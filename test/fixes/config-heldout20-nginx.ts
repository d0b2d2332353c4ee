/**
 * Issue #23's twentieth never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT20_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://stephendemjanenko.com/2020/07/19/nginx-cors-header-error-codes.html — the author's application
    // sits behind nginx, which adds Access-Control-Allow-Origin (an allowed-origin variable) to its answers;
    // the browser reports CORS errors whenever the backend answers 40x or 50x, because add_header only adds
    // the header to the success and redirect codes unless it is given `always`. The allowed origin is written
    // as the map such a variable comes from, the application as the proxied backend (its /api/fail answers
    // 500), the web app as the page. Root: the Allow-Origin add_header without `always`.
    name: "heldout20 nginx: the Allow-Origin add_header has no always, the backend's 500 reaches the page without it",
    url: "https://stephendemjanenko.com/2020/07/19/nginx-cors-header-error-codes.html",
    rootText: "add_header 'Access-Control-Allow-Origin' $allowed_origin;",
    site: `map $http_origin $allowed_origin {
    default "";
    "${APP_ORIGIN}" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location / {
        add_header 'Access-Control-Allow-Origin' $allowed_origin;
        add_header 'Vary' 'Origin';

        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
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
];

/**
 * A correct nginx site: the API's location answers the preflight itself (an `if` holding only a `return
 * 204`, so the location's headers apply to it), every header `always`, Allow-Origin from a map of the two
 * front ends (empty, so not sent, for any other origin), credentials, the page's methods and headers; the
 * rest proxied to the application.
 */
export const HELD_OUT20_NGINX_CORRECT = `map $http_origin $api_cors_origin {
    default "";
    "https://app.example.com" $http_origin;
    "https://admin.example.com" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        add_header Access-Control-Allow-Origin $api_cors_origin always;
        add_header Access-Control-Allow-Credentials "true" always;
        add_header Access-Control-Allow-Methods "GET, PUT" always;
        add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
        add_header Access-Control-Max-Age 600 always;
        add_header Vary Origin always;

        if ($request_method = OPTIONS) {
            return 204;
        }

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
