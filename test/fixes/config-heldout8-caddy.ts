/**
 * Issue #23's eighth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const ADMIN = "https://admin.example.com";

export const HELD_OUT8_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/takwerx/infra-TAK/issues/15 — the Caddyfile adds Access-Control-Allow-Origin *
    // in front of a backend that already sends its own: the answer carries "*, *" (two values), which
    // the browser refuses. Root: Caddy's header line.
    name: "heldout8 Caddy: header Allow-Origin * added over the backend's own, two values sent",
    url: "https://github.com/takwerx/infra-TAK/issues/15",
    rootText: "header Access-Control-Allow-Origin *",
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `{
	admin off
	auto_https off
}

:PORT {
	# tiles server (CORS for the map front end)
	header Access-Control-Allow-Origin *
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/ggicci/caddy-jwt/issues/24 — the API behind an authentication directive in
    // the Caddyfile: the browser's preflight carries no credentials and is answered 401 before anything
    // answers OPTIONS (here with Caddy's own basicauth in place of the report's jwtauth plugin).
    // Root: the basicauth line.
    name: "heldout8 Caddy: basicauth on /api/* answers the preflight 401",
    url: "https://github.com/ggicci/caddy-jwt/issues/24",
    rootText: "basicauth /api/* {",
    site: `{
	admin off
	auto_https off
}

:PORT {
	header {
		Access-Control-Allow-Origin "${ADMIN}"
		Access-Control-Allow-Methods "GET, OPTIONS"
		Access-Control-Allow-Headers "Authorization, Content-Type"
		Access-Control-Allow-Credentials true
	}

	basicauth /api/* {
		admin $2a$14$QrEiJZH1B2F2vMmpEbXJneRrtV7Bg1/pVFZAvBGkLeVkwnrP0oRuS
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: ADMIN,
        headers: [["Authorization", "Basic YWRtaW46czNjcmV0"]],
      },
    ],
    check: [],
  },
];

/**
 * A correct Caddyfile (the set's correct Caddy configuration): the preflight answered by Caddy itself
 * for the two front ends, the other answers given the origin that asked, credentials. ORIGIN and
 * ORIGIN2 stand for the two front ends; PORT and APP for Caddy's and the application's ports.
 */
export const HELD_OUT8_CADDY_CORRECT = `{
	admin off
	auto_https off
}

:PORT {
	@cors header_regexp Origin ^(ORIGIN|ORIGIN2)$

	@preflight {
		method OPTIONS
		header_regexp Origin ^(ORIGIN|ORIGIN2)$
	}

	handle @preflight {
		header {
			Access-Control-Allow-Origin {http.request.header.Origin}
			Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
			Access-Control-Allow-Headers "Content-Type, Authorization"
			Access-Control-Allow-Credentials true
			Access-Control-Max-Age 600
			Vary Origin
		}
		respond 204
	}

	header @cors {
		Access-Control-Allow-Origin {http.request.header.Origin}
		Access-Control-Allow-Credentials true
		Vary Origin
	}

	reverse_proxy 127.0.0.1:APP
}
`;
