/**
 * Issue #23's fifteenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const API_USER = `Basic ${Buffer.from("apidocs:secret").toString("base64")}`;

export const HELD_OUT15_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/greenpau/caddy-security/issues/374 — "breakfix: CORS preflight did not succeed":
    // the API site runs `authorize with apipolicy` for every request, then imports a CORS snippet (an
    // origin argument, the headers, a 204 for OPTIONS) and proxies its routes; the browser's preflight
    // carries no credentials, so the authorization step refuses it before the snippet's OPTIONS answer
    // ("the handler should be above authorize"). caddy-security is not in Debian's Caddy: Caddy's own
    // basicauth, which Caddy also orders ahead of respond, stands in for the authorize directive. Root:
    // the auth directive that also guards OPTIONS.
    name: "heldout15 Caddy: the auth directive runs ahead of the imported CORS snippet, the preflight answered 401",
    url: "https://github.com/greenpau/caddy-security/issues/374",
    rootText: "basicauth {",
    site: `{
	admin off
	auto_https off
}

(cors2) {
	@cors_preflight method OPTIONS
	header {
		Access-Control-Allow-Origin "{args.0}"
		Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
		Access-Control-Allow-Headers "Authorization, Content-Type"
		Access-Control-Allow-Credentials true
		Vary Origin
	}
	respond @cors_preflight 204
}

:PORT {
	# stands in for caddy-security's "authorize with apipolicy"
	basicauth {
		apidocs $2a$14$/T.qplULy.Kc1FI6v5Qo7e3BmMoGt1K2G8lopNA88eURZs7Jti3Ou
	}
	import cors2 https://app.example.com
	route /inventum/* {
		reverse_proxy 127.0.0.1:APP
	}
}
`,
    calls: [
      {
        method: "GET",
        path: "/inventum/items",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [["Authorization", API_USER]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/captncraig/cors/issues/16 — "CORS adding multiple values in
    // Access-Control-Allow-Origin?": Caddy's CORS block names the front end's origin, and the Laravel
    // application behind it sets the same CORS headers itself, so the API's answers carry "<origin>,
    // <origin>" and the browser refuses them even though both values are right ("laravel was setting
    // CORS headers too"). Caddy 1's cors directive is written as the Caddy 2 header block and OPTIONS
    // answer it amounts to, the application as the proxied one with its own headers. Root: the header
    // block that adds Allow-Origin over the application's.
    name: "heldout15 Caddy: Caddy's CORS header block plus Laravel's own, the same Allow-Origin sent twice",
    url: "https://github.com/captncraig/cors/issues/16",
    rootText: 'Access-Control-Allow-Origin "https://app.example.com"',
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", "https://app.example.com"],
        ["Access-Control-Allow-Credentials", "true"],
      ],
    },
    site: `{
	admin off
	auto_https off
}

:PORT {
	# cors / { origin … allow_credentials true … }
	header {
		Access-Control-Allow-Origin "https://app.example.com"
		Access-Control-Allow-Methods "POST, PUT, GET, OPTIONS"
		Access-Control-Allow-Credentials true
		Access-Control-Max-Age 1728000
		Access-Control-Allow-Headers "Authorization, Accept, Origin, X-Requested-With, Content-Type"
	}
	@preflight method OPTIONS
	respond @preflight 204

	reverse_proxy /api/* 127.0.0.1:APP
}
`,
    calls: [
      {
        method: "POST",
        path: "/api/v1/auth",
        origin: APP_ORIGIN,
        credentials: true,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];

/**
 * A correct Caddyfile (the set's correct Caddy configuration): the preflight of either front end answered
 * by Caddy itself with the page's methods and headers, the origin echoed with credentials on every
 * answer of the proxied API. PORT and APP: Caddy's and the application's ports.
 */
export const HELD_OUT15_CADDY_CORRECT = `{
	admin off
	auto_https off
}

:PORT {
	@front_end header_regexp Origin ^https://(app|admin)\\.example\\.com$
	@preflight {
		method OPTIONS
		header_regexp Origin ^https://(app|admin)\\.example\\.com$
	}

	handle @preflight {
		header Access-Control-Allow-Origin "{http.request.header.Origin}"
		header Access-Control-Allow-Credentials true
		header Access-Control-Allow-Methods "GET, PUT"
		header Access-Control-Allow-Headers "Content-Type, Authorization"
		header Access-Control-Max-Age 600
		header Vary Origin
		respond 204
	}

	header @front_end {
		Access-Control-Allow-Origin "{http.request.header.Origin}"
		Access-Control-Allow-Credentials true
		Vary Origin
	}
	reverse_proxy /api/* 127.0.0.1:APP
}
`;
