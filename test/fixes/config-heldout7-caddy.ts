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
    // https://github.com/monsur/enable-cors.org/issues/153 — the Caddy v1 `cors` directive replaced by
    // a v2 `header` block setting Access-Control-Allow-Origin only, as first suggested there: nothing
    // answers OPTIONS, the preflight goes on to the application, which refuses it (405).
    // Root: the reverse_proxy line the preflight goes through.
    name: "heldout7 Caddy: a header block with Allow-Origin only, the preflight proxied to the app (405)",
    url: "https://github.com/monsur/enable-cors.org/issues/153",
    rootText: "reverse_proxy 127.0.0.1:APP",
    site: `{
	admin off
	auto_https off
}

:PORT {
	# Allow all cross origin requests
	header {
		Access-Control-Allow-Origin *
		-Server
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      {
        method: "PUT",
        path: "/api/items/1",
        origin: APP_ORIGIN,
        headers: [["Content-Type", "application/json"]],
      },
    ],
    check: [],
  },
];
