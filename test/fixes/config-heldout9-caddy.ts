/**
 * Issue #23's ninth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT9_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/flarum/docs/pull/422 — "request matchers in Caddy are exact": the header
    // directive is given the path /api, which matches that one URL only, so the /api/... calls the
    // front end makes get no CORS header. Root: the header line with the /api matcher.
    name: "heldout9 Caddy: header given the path matcher /api (exact), the /api/... calls get none",
    url: "https://github.com/flarum/docs/pull/422",
    rootText: `header /api Access-Control-Allow-Origin "${APP_ORIGIN}"`,
    site: `{
	admin off
	auto_https off
}

:PORT {
	encode gzip

	header /api Access-Control-Allow-Origin "${APP_ORIGIN}"
	header /api Vary Origin

	reverse_proxy /api/* 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/items", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/caddyserver/examples/issues/123 — the browser's OPTIONS preflight should be
    // answered by Caddy, not proxied: here every request, OPTIONS included, goes to the backend, which
    // answers it 405, and a preflight with an error status fails. Root: the reverse_proxy line.
    name: "heldout9 Caddy: the preflight is proxied to a backend that answers OPTIONS 405",
    url: "https://github.com/caddyserver/examples/issues/123",
    rootText: "reverse_proxy 127.0.0.1:APP",
    site: `{
	admin off
	auto_https off
}

:PORT {
	header {
		Access-Control-Allow-Origin "${APP_ORIGIN}"
		Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
		Access-Control-Allow-Headers "Content-Type, Authorization"
		Vary Origin
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "PUT", path: "/api/items/1", origin: APP_ORIGIN, headers: json },
    ],
    check: [],
  },
];
