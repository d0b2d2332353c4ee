/**
 * Issue #23's twelfth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line
 * holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT12_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/vrtmrz/obsidian-livesync/issues/613 — "CORS is not allowing credentials":
    // Caddy sets Access-Control-Allow-Origin (from the request's Origin) and Allow-Credentials in front
    // of CouchDB, which sends both itself (CORS enabled with credentials), so the synced client's
    // credentialed calls get each header twice and are refused. Root: Caddy's Allow-Origin line.
    name: "heldout12 Caddy: Allow-Origin and Allow-Credentials added over CouchDB's own, both sent twice",
    url: "https://github.com/vrtmrz/obsidian-livesync/issues/613",
    rootText: "header Access-Control-Allow-Origin {http.request.header.Origin}",
    app: {
      ownCors: [
        ["Access-Control-Allow-Origin", APP_ORIGIN],
        ["Access-Control-Allow-Credentials", "true"],
      ],
      optionsStatus: 204,
    },
    site: `{
	admin off
	auto_https off
}

:PORT {
	reverse_proxy 127.0.0.1:APP

	header Access-Control-Allow-Origin {http.request.header.Origin}
	header Access-Control-Allow-Credentials "true"
	header {
		Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
		Access-Control-Allow-Headers "Content-Type, Authorization"
		Access-Control-Max-Age 86400
	}
}
`,
    calls: [{ method: "GET", path: "/obsidian/_all_docs", origin: APP_ORIGIN, credentials: true }],
    check: [],
  },
  {
    // https://github.com/greenpau/caddy-security/issues/90 — "How do I configure CORS in Caddy
    // security…": the route adds Access-Control-Allow-Origin "*" (and `*` methods and headers) together
    // with Allow-Credentials "true"; the portal's credentialed calls are refused. (The report's
    // `authenticate` step comes from the caddy-security plugin, not installed here: the route proxies
    // straight to the app.) Root: the Allow-Origin "*" line.
    name: "heldout12 Caddy: a route sets Allow-Origin '*' with Allow-Credentials, the credentialed call refused",
    url: "https://github.com/greenpau/caddy-security/issues/90",
    rootText: 'header Access-Control-Allow-Origin "*"',
    site: `{
	admin off
	auto_https off
}

:PORT {
	route {
		header Access-Control-Allow-Origin "*"
		header Access-Control-Allow-Methods "*"
		header Access-Control-Allow-Headers "*"
		header Access-Control-Allow-Credentials "true"
		reverse_proxy 127.0.0.1:APP
	}
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
];
