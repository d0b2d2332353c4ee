/**
 * Issue #23's seventh never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT7_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/inventree/InvenTree/pull/6712 — the Caddyfile's CORS block answers the
    // preflight but its Allow-Headers lacks Authorization, which the front end sends with each call.
    // Root: the Allow-Headers line.
    name: "heldout7 Caddy: Allow-Headers lacks the Authorization the front end sends",
    url: "https://github.com/inventree/InvenTree/pull/6712",
    rootText: 'Access-Control-Allow-Headers "Content-Type, X-CSRFToken"',
    site: `{
	admin off
	auto_https off
}

(cors) {
	header {
		Access-Control-Allow-Origin "${APP_ORIGIN}"
		Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE, OPTIONS"
		Access-Control-Allow-Headers "Content-Type, X-CSRFToken"
		Vary Origin
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
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, headers: [["Authorization", "Token abc"]] },
    ],
    check: [],
  },
  {
    // https://github.com/monsur/enable-cors.org/issues/153 — the "allow everything" Caddy v2 block:
    // Allow-Headers * does not cover Authorization, so the token call's preflight is refused.
    // Root: the Allow-Headers * line.
    name: "heldout7 Caddy: Allow-Headers * (the wildcard does not cover Authorization)",
    url: "https://github.com/monsur/enable-cors.org/issues/153",
    rootText: "Access-Control-Allow-Headers *",
    site: `{
	admin off
	auto_https off
}

:PORT {
	header {
		Access-Control-Allow-Headers *
		Access-Control-Allow-Methods *
		Access-Control-Allow-Origin *
	}
	@options {
		method OPTIONS
	}
	respond @options 204

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP_ORIGIN,
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", "Bearer t"],
        ],
      },
    ],
    check: [],
  },
];
