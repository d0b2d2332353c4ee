/**
 * Issue #23's sixteenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT16_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/tgstation-operations/infrastructure/issues/261 — "CORS headers missing on public
    // logs": the edge Caddy imports its CORS snippet (an origin argument, the preflight answered 204, the
    // origin echoed) for the main site, while the public round logs go out through another route with no
    // CORS at all, so the log viewer's fetch of a round's attack.log is refused ("CORS header
    // 'Access-Control-Allow-Origin' missing … Status code: 200"); the fix (#275) proxies the logs through
    // Caddy with CORS. The two hosts are written as two routes of one site, the log parser and the game's
    // API as the proxied application. Root: the logs route that does not import the snippet.
    name: "heldout16 Caddy: the CORS snippet is imported for the API route only, the public logs route sends none",
    url: "https://github.com/tgstation-operations/infrastructure/issues/261",
    rootText: "handle /logs/* {",
    site: `{
	admin off
	auto_https off
}

(cors) {
	@cors_preflight {
		method OPTIONS
		header Origin {args.0}
	}
	@cors header Origin {args.0}
	header @cors {
		Access-Control-Allow-Origin "{args.0}"
		Vary Origin
	}
	header @cors_preflight {
		Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE"
		Access-Control-Allow-Headers "Content-Type"
		Access-Control-Max-Age "3600"
	}
	respond @cors_preflight 204
}

:PORT {
	# *-logs.tgstation13.org: the public log parser
	handle /logs/* {
		reverse_proxy 127.0.0.1:APP
	}

	# tgstation13.org
	handle {
		import cors https://app.example.com
		reverse_proxy 127.0.0.1:APP
	}
}
`,
    calls: [
      { method: "GET", path: "/api/rounds/254079", origin: APP_ORIGIN },
      { method: "GET", path: "/logs/2025/07/12/round-254079/attack.log", origin: APP_ORIGIN },
    ],
    check: [],
  },
];
