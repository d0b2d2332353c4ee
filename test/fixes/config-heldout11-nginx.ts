/**
 * Issue #23's eleventh never-seen measure, nginx: broken site files rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are nginx's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { ConfigCase } from "./config-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT11_NGINX: Array<ConfigCase & Held3> = [
  {
    // https://github.com/zulip/zulip/pull/17562 — "add_header directives do not inherit": the static
    // location sends Access-Control-Allow-Origin, but the webpack bundles are served by a location
    // nested in it that adds a Cache-Control header of its own, so the bundles lose the CORS header.
    // Root: the nested location's add_header line.
    name: "heldout11 nginx: a nested location's own add_header drops the parent's Allow-Origin",
    url: "https://github.com/zulip/zulip/pull/17562",
    rootText: 'add_header Cache-Control "public, max-age=31536000, immutable";',
    site: `server {
    listen 127.0.0.1:PORT;
    server_name chat.example.com;

    location /static/ {
        add_header Access-Control-Allow-Origin *;
        proxy_pass http://127.0.0.1:APP;

        location /static/webpack-bundles/ {
            add_header Cache-Control "public, max-age=31536000, immutable";
            proxy_pass http://127.0.0.1:APP;
        }
    }
}
`,
    calls: [
      { method: "GET", path: "/static/images/logo.json", origin: APP_ORIGIN },
      { method: "GET", path: "/static/webpack-bundles/app.json", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://github.com/h5bp/server-configs/issues/85 — "WebFont CORS rule never matched": the
    // cross-domain webfont location comes after the media location, whose regex also lists the font
    // extensions; nginx stops at the first matching regex, so fonts never get Allow-Origin. Root: the
    // media location that captures the fonts.
    name: "heldout11 nginx: the webfont CORS location is shadowed by an earlier media regex location",
    url: "https://github.com/h5bp/server-configs/issues/85",
    rootText: "location ~* \\.(?:jpg|jpeg|gif|png|ico|gz|svg|svgz|ttf|otf|woff|eot|mp4|ogg|ogv|webm)$ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name static.example.com;

    # Media: images, video, audio, HTC, WebFonts
    location ~* \\.(?:jpg|jpeg|gif|png|ico|gz|svg|svgz|ttf|otf|woff|eot|mp4|ogg|ogv|webm)$ {
        expires 1M;
        access_log off;
        add_header Cache-Control "public";
        proxy_pass http://127.0.0.1:APP;
    }

    # Cross domain webfont access
    location ~* \\.(ttf|ttc|otf|eot|woff|font.css)$ {
        add_header "Access-Control-Allow-Origin" "*";
        proxy_pass http://127.0.0.1:APP;
    }

    location / {
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [{ method: "GET", path: "/fonts/icons.woff", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/AtlasOfLivingAustralia/ala-install/issues/476 — enabling the role's CORS
    // template adds a nested font location inside the proxied location; the nested location has no
    // proxy_pass, so web fonts are looked up in the document root instead (404, without the CORS
    // header). Root: the nested font location.
    name: "heldout11 nginx: the CORS template's nested font location is not proxied, fonts answered 404",
    url: "https://github.com/AtlasOfLivingAustralia/ala-install/issues/476",
    rootText: "location ~* \\.(?:woff2?|ttf|eot|otf)$ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name biocache.example.org;
    root /srv/biocache/static;

    location / {
        proxy_pass http://127.0.0.1:APP;
        proxy_set_header Host $host;
        add_header Access-Control-Allow-Origin "${APP_ORIGIN}" always;
        add_header Vary Origin always;

        location ~* \\.(?:woff2?|ttf|eot|otf)$ {
            add_header Access-Control-Allow-Origin "${APP_ORIGIN}";
            expires 30d;
        }
    }
}
`,
    calls: [
      { method: "GET", path: "/api/occurrences", origin: APP_ORIGIN },
      { method: "GET", path: "/assets/webfont.woff2", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://github.com/destinygg/website/pull/178 — "Fix issue with serving fonts from CDN": the CDN
    // server's static location, which sends Access-Control-Allow-Origin, lists only some extensions in
    // its regex; requests for the font files fall through to the location that hands them to the web
    // server, and come back without the header. Root: the static location's extension list.
    name: "heldout11 nginx: the CDN's CORS location regex leaves out the font extensions",
    url: "https://github.com/destinygg/website/pull/178",
    rootText: "location ~* \\.(?:css|js|png|jpe?g|gif|svg|ico)$ {",
    site: `server {
    listen 127.0.0.1:PORT;
    server_name cdn.example.gg;

    location ~* \\.(?:css|js|png|jpe?g|gif|svg|ico)$ {
        expires 1y;
        add_header Cache-Control "public";
        add_header Access-Control-Allow-Origin "*";
        proxy_pass http://127.0.0.1:APP;
    }

    location / {
        proxy_pass http://127.0.0.1:APP;
    }
}
`,
    calls: [
      { method: "GET", path: "/chat/emotes.css", origin: APP_ORIGIN },
      { method: "GET", path: "/fonts/roboto.woff2", origin: APP_ORIGIN },
    ],
    check: [],
  },
];

/**
 * A correct nginx site (the set's correct nginx configuration): no map, an `if` on $http_origin that
 * sets a variable for the two front ends, the variable sent with `always` (empty for other origins,
 * so nothing is sent), the preflight answered by nginx. PORT and APP: nginx's and the app's ports.
 */
export const HELD_OUT11_NGINX_CORRECT = `server {
    listen 127.0.0.1:PORT;
    server_name api.example.com;

    location /api/ {
        set $cors_origin "";
        if ($http_origin ~ "^https://(app|admin)\\.example\\.com$") {
            set $cors_origin $http_origin;
        }

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
