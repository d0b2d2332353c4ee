/**
 * Issue #23's thirteenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT13_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/caddyserver/caddy/issues/3665 — "header directive does not overwrite proxy-set
    // headers": the backend sets CORS headers of its own for local development and the Caddyfile's
    // header block is meant to replace them ("allow everything from every origin", the request's
    // origin with credentials), but without `defer` the header operations run before the proxied
    // response arrives, so both copies go out (Allow-Origin and Allow-Credentials twice). Root: the
    // header block's Allow-Origin line.
    name: "heldout13 Caddy: the header block meant to replace the backend's CORS headers adds a second copy",
    url: "https://github.com/caddyserver/caddy/issues/3665",
    rootText: "access-control-allow-origin {http.request.header.origin}",
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", "http://localhost:1234"],
        ["Access-Control-Allow-Credentials", "true"],
        ["Access-Control-Expose-Headers", "Content-Range"],
      ],
    },
    site: `{
	admin off
	auto_https off
}

:PORT {
	# allow everything from every origin
	header {
		access-control-allow-credentials true
		access-control-allow-headers "content-type, range"
		access-control-allow-methods "DELETE, GET, PATCH, POST"
		access-control-allow-origin {http.request.header.origin}
		access-control-expose-headers content-range
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN, credentials: true }],
    check: [],
  },
  {
    // https://github.com/keeweb/keeweb/issues/699 — "web hosted keeweb doesn't set auth header for
    // WebDav": the WebDAV site behind Caddy requires basic authentication and adds the CORS headers, but
    // the browser's preflight (OPTIONS, which carries no Authorization) is stopped by basicauth with a
    // 401, so KeeWeb never gets to send its credentialed request. The report's Caddy 1 `cors` plugin is
    // written here as Caddy 2's `header` block (same headers), and the WebDAV server is the proxied
    // application. Root: the basicauth that also guards OPTIONS.
    name: "heldout13 Caddy: basicauth guards the WebDAV path's OPTIONS too, KeeWeb's preflight answered 401",
    url: "https://github.com/keeweb/keeweb/issues/699",
    rootText: "basicauth /keepass/* {",
    site: `{
	admin off
	auto_https off
}

:PORT {
	basicauth /keepass/* {
		keeweb $2a$14$WFV4ZvE.DHLtyE2.D2nQFusFFD37vUmz8Eh5LOp8Nt8aSuD4Uv3vq
	}

	header {
		Access-Control-Allow-Origin *
		Access-Control-Allow-Credentials true
		Access-Control-Allow-Methods "GET, HEAD, POST, PUT, OPTIONS, MOVE, DELETE, COPY, LOCK, UNLOCK, PROPFIND, MKCOL"
		Access-Control-Allow-Headers "Authorization,DNT,X-CustomHeader,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,X-Accept-Charset,X-Accept,origin,accept,if-match,destination,overwrite"
		Access-Control-Expose-Headers ETag
		Access-Control-Max-Age 1728000
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      {
        method: "GET",
        path: "/keepass/passwords.kdbx",
        origin: APP_ORIGIN,
        headers: [
          ["Authorization", "Basic a2Vld2ViOnNlY3JldA=="],
          ["Cache-Control", "no-cache"],
        ],
      },
    ],
    check: [],
  },
];
