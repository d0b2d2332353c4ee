/**
 * Issue #23's fourteenth never-seen measure, nginx: broken site files rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT14_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/axios/axios/issues/5580 — "Basic Auth not working, missing Authorization from
    // OPTIONS request": the Vue app sends its axios calls with Basic credentials to an API that nginx
    // protects with auth_basic; the browser's preflight never carries Authorization, so nginx answers it
    // 401 and the call is refused (the reporter's fix: `limit_except OPTIONS` around the auth). The
    // password file named here does not exist on this machine: nginx answers the preflight 401 before
    // it reads it (the authenticated GET, once let through, gets nginx's error answer, with the CORS
    // headers). Root: the auth_basic that also guards OPTIONS.
    name: "heldout14 nginx: auth_basic also guards OPTIONS, the axios call's preflight answered 401",
    url: "https://github.com/axios/axios/issues/5580",
    rootText: 'auth_basic "Restricted access zone";',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        auth_basic "Restricted access zone";
        auth_basic_user_file /etc/nginx/pass/protected;

        add_header Access-Control-Allow-Origin https://app.example.com always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Authorization, Content-Type" always;

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      {
        method: "GET",
        path: "/api/projects",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [["Authorization", "Basic dXNlcjpwYXNz"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/nginx-proxy/nginx-proxy/issues/1333 — "Modifying headers appends values": a
    // vhost.d/default file passed to nginx-proxy adds `Access-Control-Allow-Origin '*' always`, while
    // the proxied API already sends an Allow-Origin of its own; the answer carries both ("<origin>, *")
    // and the browser refuses a header with more than one value. The generated server block is written
    // with the vhost.d file's line inlined where nginx-proxy includes it. Root: that add_header line.
    name: "heldout14 nginx: vhost.d adds Allow-Origin '*' over the API's own, the answer carries two values",
    url: "https://github.com/nginx-proxy/nginx-proxy/issues/1333",
    rootText: "add_header 'Access-Control-Allow-Origin' '*' always;",
    app: { ownCors: [["Access-Control-Allow-Origin", APP_ORIGIN]] },
    site: `# api.example.com
upstream api.example.com {
	server 127.0.0.1:APP;
}
server {
	server_name api.example.com;
	listen 127.0.0.1:PORT;
	access_log off;
	# include /etc/nginx/vhost.d/default;
	add_header 'Access-Control-Allow-Origin' '*' always;
	location / {
		proxy_set_header Host $http_host;
		proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
		proxy_pass http://api.example.com;
	}
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/shakyShane/nginx-cors-plus/pull/2 — "Update nginx config to set origin and
    // hide allow origin from backends": the snippet answers with `Access-Control-Allow-Origin '*'` and
    // `Access-Control-Allow-Credentials 'true'` together, which a browser never accepts for a call that
    // sends cookies (the pull request switches to $http_origin). Root: the '*' Allow-Origin line the
    // cookie calls get.
    name: "heldout14 nginx: Allow-Origin '*' with Allow-Credentials true, the cookie calls refused",
    url: "https://github.com/shakyShane/nginx-cors-plus/pull/2",
    rootText: "add_header 'Access-Control-Allow-Origin' '*' always;",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name api.dev;

    location / {
        if ($request_method = 'OPTIONS') {
            add_header 'Access-Control-Allow-Origin' '*';
            add_header 'Access-Control-Allow-Credentials' 'true';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, DELETE, OPTIONS';
            add_header 'Access-Control-Allow-Headers' 'Accept,Authorization,Cache-Control,Content-Type,DNT,If-Modified-Since,Keep-Alive,Origin,User-Agent,X-Requested-With';
            add_header 'Access-Control-Max-Age' 1728000;
            add_header 'Content-Type' 'text/plain charset=UTF-8';
            add_header 'Content-Length' 0;
            return 204;
        }

        add_header 'Access-Control-Allow-Origin' '*' always;
        add_header 'Access-Control-Allow-Credentials' 'true' always;

        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
      { method: "GET", path: "/api/items", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
  {
    // https://github.com/devgeniem/wp-project/pull/136 — "Update cors-map.conf": the project's map of
    // allowed origins matches `$http_origin` against host names only, but the Origin header always
    // starts with the scheme ("https://"), so no entry ever matches and no Allow-Origin is sent. The
    // allowed hosts are written as the page's. Root: the map's first entry.
    name: "heldout14 nginx: the cors map's entries leave out https://, no Origin ever matches",
    url: "https://github.com/devgeniem/wp-project/pull/136",
    rootText: '"~^app\\.example\\.com$" $http_origin;',
    site: `# cors-map.conf
map $http_origin $cors_origin {
    default "";
    "~^app\\.example\\.com$" $http_origin;
    "~^admin\\.example\\.com$" $http_origin;
}

server {
    listen 127.0.0.1:PORT;
    server_name wp.example.com;

    location /wp-json/ {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/wp-json/wp/v2/posts", origin: APP_ORIGIN }],
    check: [],
  },
];

/**
 * A correct nginx site (the set's correct nginx configuration): a map of the two front ends, the
 * preflight answered by nginx itself with the methods and headers the page sends, `always` on every
 * CORS header, credentials. PORT and APP: nginx's and the application's ports.
 */
export const HELD_OUT14_NGINX_CORRECT = `map $http_origin $cors_origin {
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
            add_header Access-Control-Allow-Credentials true always;
            add_header Access-Control-Allow-Methods "GET, PUT" always;
            add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;
            add_header Access-Control-Max-Age 600 always;
            add_header Vary Origin always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Vary Origin always;
        proxy_set_header Host $host;
        proxy_pass http://127.0.0.1:APP;
    }
}
`;
