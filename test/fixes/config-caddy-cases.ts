/**
 * Broken Caddyfiles as projects write them, each rebuilding a situation public Q&A and issue
 * threads keep reporting: the preflight sent on to an app that answers 405, `basicauth` refusing
 * it (it runs before `respond`), a fixed origin when a second front end arrives, `*` with
 * credentials, Caddy and the app both adding Allow-Origin, CORS set for OPTIONS only, a list of
 * origins in one value, a snippet's origin matcher, a lacking method or header list. `PORT` and
 * `APP` are the test's ports. `calls` are what the page does; `check` what `cors-lens check` must find.
 */
import type { ConfigCase } from "./config-cases";

/** A case whose Caddyfile imports other files (`DIR` is the case's directory). */
export interface CaddyCase extends ConfigCase {
  files?: Record<string, string>;
}

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const GLOBAL = `{
\tadmin off
\tauto_https off
}
`;

export const CADDY_CASES: CaddyCase[] = [
  {
    name: "the preflight goes on to the app, which answers 405",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Methods "GET, POST, PUT"
\theader Access-Control-Allow-Headers "Content-Type"
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "preflight-to-upstream", line: 10 }],
  },
  {
    name: "basicauth refuses the preflight before respond answers it",
    site: `${GLOBAL}
:PORT {
\t@options method OPTIONS
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Headers "Authorization, Content-Type"
\tbasicauth {
\t\tbob $2a$14$qXhIxE50JPpgvFNILniexeRmIhbCoACvjHmMEXkPY0JqEkVdSdgye
\t}
\trespond @options 204
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: APP, headers: [["Authorization", "Basic Ym9iOnNlY3JldA=="]] },
    ],
    check: [{ code: "preflight-refused", line: 10 }],
  },
  {
    name: "a fixed origin when a second front end arrives",
    site: `${GLOBAL}
:PORT {
\t# CORS for the SPA
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Methods "GET, POST, DELETE"
\t@preflight method OPTIONS
\trespond @preflight 204
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "DELETE", path: "/api/items/1", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "* with credentials",
    site: `${GLOBAL}
:PORT {
\theader {
\t\tAccess-Control-Allow-Origin *
\t\tAccess-Control-Allow-Credentials true
\t}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/public", origin: ADMIN },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [{ code: "wildcard-with-credentials", line: 8 }],
  },
  {
    name: "Caddy and the app both add Allow-Origin",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin "${APP}"
\theader Vary Origin
\treverse_proxy 127.0.0.1:APP
}
`,
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
  {
    name: "CORS set for the preflight only",
    site: `${GLOBAL}
:PORT {
\t@cors_preflight method OPTIONS
\thandle @cors_preflight {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\theader Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
\t\theader Access-Control-Allow-Headers "Content-Type"
\t\trespond "" 204
\t}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "cors-on-preflight-only", line: 8 }],
  },
  {
    name: "several origins in one Allow-Origin value",
    site: `${GLOBAL}
http://127.0.0.1:PORT, http://localhost:PORT {
\theader Access-Control-Allow-Origin "${APP}, ${ADMIN}"
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [{ code: "origin-list", line: 7 }],
  },
  {
    name: "a snippet's origin matcher misses the new front end",
    site: `${GLOBAL}
(cors) {
\t@origin header Origin {args.0}
\theader @origin Access-Control-Allow-Origin "{header.Origin}"
\theader @origin Vary Origin
\t@preflight method OPTIONS
\trespond @preflight 204
}

:PORT {
\timport cors ${APP}
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
  {
    name: "Allow-Methods lacks PATCH",
    site: `${GLOBAL}
:PORT {
\t@preflight method OPTIONS
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Methods "GET, POST, PUT"
\theader Access-Control-Allow-Headers "Content-Type"
\trespond @preflight 204
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
      { method: "PATCH", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    name: "Allow-Headers lacks Authorization",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin "${APP}"
\theader Access-Control-Allow-Headers Content-Type
\t@preflight method OPTIONS
\trespond @preflight 204
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "POST", path: "/api/items", origin: APP, headers: [["Content-Type", "application/json"]] },
      { method: "GET", path: "/api/me", origin: APP, headers: [["Authorization", "Bearer t"]] },
    ],
    check: [],
  },
  {
    name: "a handle block without the CORS lines of the others",
    site: `${GLOBAL}
:PORT {
\thandle /api/* {
\t\theader Access-Control-Allow-Origin "${APP}"
\t\treverse_proxy 127.0.0.1:APP
\t}
\thandle /api/v2/* {
\t\treverse_proxy 127.0.0.1:APP
\t}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/v2/items", origin: APP },
    ],
    check: [{ code: "handle-without-cors", line: 11 }],
  },
  {
    name: "credentials without Allow-Credentials, origin from the environment",
    site: `${GLOBAL}
:PORT {
\theader Access-Control-Allow-Origin {$CORS_ORIGIN:${APP}}
\theader Vary Origin
\treverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/public", origin: APP },
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  {
    name: "a header after reverse_proxy in a route block never runs",
    site: `${GLOBAL}
:PORT {
	route /api/* {
		@preflight method OPTIONS
		respond @preflight 204
		reverse_proxy 127.0.0.1:APP
		header Access-Control-Allow-Origin "${APP}"
	}
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [{ code: "header-after-response", line: 11 }],
  },
  {
    name: "the OPTIONS respond is shadowed by a handle_path that proxies",
    site: `${GLOBAL}
:PORT {
	header Access-Control-Allow-Origin "${APP}"
	header Access-Control-Allow-Headers "Content-Type, Authorization"
	header Access-Control-Allow-Methods "GET, POST, PUT"
	@options method OPTIONS
	respond @options 204
	handle_path /api/* {
		reverse_proxy 127.0.0.1:APP
	}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [{ code: "preflight-shadowed", line: 11 }],
  },
  {
    name: "header and header_down both set Allow-Origin",
    site: `${GLOBAL}
:PORT {
	header Access-Control-Allow-Origin "${APP}"
	reverse_proxy 127.0.0.1:APP {
		header_down Access-Control-Allow-Origin "${APP}"
	}
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [{ code: "duplicate-allow-origin", line: 9 }],
  },
  {
    name: "CORS in an imported file, a fixed origin, mirrored request headers kept",
    site: `${GLOBAL}
http://api.local:PORT, :PORT {
	import DIR/cors.caddy
	reverse_proxy 127.0.0.1:APP
}
`,
    files: {
      "cors.caddy": `# shared CORS lines
header Access-Control-Allow-Origin ${APP}
header Access-Control-Allow-Headers "{header.Access-Control-Request-Headers}"
header Access-Control-Allow-Methods "GET, POST, PUT"
@cors_preflight method OPTIONS
respond @cors_preflight 204
`,
    },
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["X-Request-Id", "1"]] },
      { method: "PUT", path: "/api/items/1", origin: ADMIN, headers: [["X-Request-Id", "1"]] },
    ],
    check: [],
  },
  {
    name: "no CORS at all in front of the API",
    site: `${GLOBAL}
:PORT {
	encode gzip
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP }],
    check: [],
  },
  {
    name: "the origin matcher and the deferred * from a snippet with two site blocks",
    site: `${GLOBAL}
(cors) {
	header {
		Access-Control-Allow-Origin *
		Access-Control-Allow-Methods "GET, POST, DELETE"
		defer
	}
}

:PORT {
	import cors
	@preflight method OPTIONS
	respond @preflight 204
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/public", origin: ADMIN },
      { method: "DELETE", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  // Written after the reader and patcher above were done, and run once before any change to them.
  {
    name: "held-out: the widespread cors snippet with a second front end",
    site: `${GLOBAL}
(cors) {
	@cors_preflight method OPTIONS
	@cors header Origin {args.0}

	handle @cors_preflight {
		header Access-Control-Allow-Origin "{args.0}"
		header Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE"
		header Access-Control-Allow-Headers "Content-Type"
		header Access-Control-Max-Age "3600"
		respond "" 204
	}

	handle @cors {
		header Access-Control-Allow-Origin "{args.0}"
		header Access-Control-Expose-Headers "Link"
	}
}

:PORT {
	import cors ${APP}
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "PUT", path: "/api/items/1", origin: ADMIN, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    name: "held-out: CORS from header_down only, the preflight answered by Caddy",
    site: `${GLOBAL}
:PORT {
	@options method OPTIONS
	respond @options 204
	reverse_proxy 127.0.0.1:APP {
		header_down Access-Control-Allow-Origin "${APP}"
		header_down Access-Control-Allow-Methods "GET, POST, PUT"
		header_down Access-Control-Allow-Headers "Content-Type"
	}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "PUT", path: "/api/items/1", origin: APP, headers: [["Content-Type", "application/json"]] },
    ],
    check: [],
  },
  {
    name: "held-out: two sites, the second without the new origin",
    site: `${GLOBAL}
:1 {
	header Access-Control-Allow-Origin "${ADMIN}"
	respond "other" 200
}

:PORT {
	header Access-Control-Allow-Origin "${ADMIN}"
	@preflight method OPTIONS
	respond @preflight 204
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: ADMIN },
      { method: "GET", path: "/api/items", origin: APP },
    ],
    check: [],
  },
  {
    name: "held-out: Allow-Methods * with credentials",
    site: `${GLOBAL}
:PORT {
	@origin header Origin ${APP}
	header @origin Access-Control-Allow-Origin "{header.Origin}"
	header @origin Access-Control-Allow-Credentials true
	header @origin Access-Control-Allow-Methods *
	header Vary Origin
	@preflight method OPTIONS
	respond @preflight 204
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/me", origin: APP, credentials: true },
      { method: "DELETE", path: "/api/me", origin: APP, credentials: true },
    ],
    check: [],
  },
  {
    name: "held-out: CORS under a path matcher, a second API path outside it",
    site: `${GLOBAL}
:PORT {
	@api path /api/*
	header @api Access-Control-Allow-Origin "${APP}"
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/v1/items", origin: APP },
    ],
    check: [],
  },
  {
    name: "held-out: a Caddyfile with CRLF line ends and a fixed origin",
    site: `${GLOBAL}
:PORT {
	header Access-Control-Allow-Origin ${APP}
	reverse_proxy 127.0.0.1:APP
}
`.replaceAll("\n", "\r\n"),
    calls: [
      { method: "GET", path: "/api/items", origin: APP },
      { method: "GET", path: "/api/items", origin: ADMIN },
    ],
    check: [],
  },
];

/** Correct Caddyfiles: check must report nothing. */
export const CADDY_CORRECT: string[] = [
  `${GLOBAL}
:8080 {
\t@origin header Origin ${APP} ${ADMIN}
\theader @origin Access-Control-Allow-Origin "{header.Origin}"
\theader @origin Access-Control-Allow-Credentials true
\theader @origin Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
\theader @origin Access-Control-Allow-Headers "Content-Type, Authorization"
\theader Vary Origin
\t@preflight method OPTIONS
\trespond @preflight 204
\treverse_proxy 127.0.0.1:3000
}
`,
  `${GLOBAL}
(cors) {
	@cors_preflight method OPTIONS
	@cors header Origin {args.0}
	handle @cors_preflight {
		header Access-Control-Allow-Origin "{args.0}"
		header Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE"
		header Access-Control-Allow-Headers "Content-Type"
		header Access-Control-Max-Age "3600"
		respond "" 204
	}
	handle @cors {
		header Access-Control-Allow-Origin "{args.0}"
		header Access-Control-Expose-Headers "Link"
	}
}

api.example.com, www.api.example.com {
	import cors ${APP}
	reverse_proxy localhost:8080
}
`,
  `${GLOBAL}
:8081 {
\theader Access-Control-Allow-Origin *
\tfile_server
}
`,
];
