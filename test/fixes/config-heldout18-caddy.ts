/**
 * Issue #23's eighteenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT18_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/captncraig/cors/issues/4 — "Duplicate access-control-allow-origin on GET
    // request": the InfluxDB admin UI on one host calls the database's HTTP API on another, which Caddy
    // proxies with its own CORS headers for the UI's origin; InfluxDB already answers CORS itself (the
    // maintainer runs the same set-up with no CORS in Caddy), so the proxied answers carry
    // Access-Control-Allow-Origin twice and the browser refuses them. Caddy 1's cors plugin is written as
    // the Caddy 2 `header` block it amounts to, InfluxDB as the proxied application with its own CORS
    // answer (the origin echoed, its preflight answered), the admin UI as the page. Root: Caddy's
    // Allow-Origin added on top of the database's.
    name: "heldout18 Caddy: Caddy adds Allow-Origin to the proxied database that already sends its own, two values refused",
    url: "https://github.com/captncraig/cors/issues/4",
    rootText: 'Access-Control-Allow-Origin "https://app.example.com"',
    app: {
      optionsStatus: 204,
      ownCors: [
        ["Access-Control-Allow-Origin", APP_ORIGIN],
        ["Access-Control-Allow-Methods", "DELETE, GET, OPTIONS, POST, PUT"],
        [
          "Access-Control-Allow-Headers",
          "Accept, Accept-Encoding, Authorization, Content-Length, Content-Type",
        ],
      ],
    },
    site: `{
	admin off
	auto_https off
}

# influx.example.com:8086 — the HTTP API of InfluxDB for the admin UI
:PORT {
	header {
		Access-Control-Allow-Origin "https://app.example.com"
		Access-Control-Allow-Headers "Authorization"
		Access-Control-Allow-Methods "GET, POST, OPTIONS"
	}
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/ping", origin: APP_ORIGIN },
      {
        method: "GET",
        path: "/query?q=SHOW%20DATABASES",
        origin: APP_ORIGIN,
        headers: [["Authorization", "Basic YWRtaW46c2VjcmV0"]],
      },
    ],
    check: [],
  },
];
