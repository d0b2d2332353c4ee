/**
 * Issue #23's fourteenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT14_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/vibeunion/supacloud/pull/232 — "fix(gateway): strip upstream CORS headers in
    // Caddy routes": the gateway's Caddy routes set Access-Control-Allow-Origin to the tenant's origin
    // and the upstream auth service (GoTrue) sends its own `*`, so the token call's answer carries
    // "<origin>, *" and the browser refuses it (the fix deletes the upstream's CORS headers in the
    // reverse_proxy). The generated JSON routes are written as a Caddyfile. Root: the reverse_proxy that
    // passes the upstream's Allow-Origin through.
    name: "heldout14 Caddy: the gateway's Allow-Origin plus GoTrue's own '*', the token call refused",
    url: "https://github.com/vibeunion/supacloud/pull/232",
    rootText: "reverse_proxy /auth/v1/* 127.0.0.1:APP",
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `{
	admin off
	auto_https off
}

:PORT {
	@cors_preflight method OPTIONS

	header {
		Access-Control-Allow-Origin {http.request.header.Origin}
		Access-Control-Allow-Credentials true
		Access-Control-Allow-Methods "GET, POST, PUT, PATCH, DELETE, OPTIONS"
		Access-Control-Allow-Headers "authorization, apikey, content-type, x-client-info"
		Vary Origin
	}
	respond @cors_preflight 204

	reverse_proxy /auth/v1/* 127.0.0.1:APP
}
`,
    calls: [
      {
        method: "POST",
        path: "/auth/v1/token?grant_type=password",
        origin: APP_ORIGIN,
        headers: [
          ["Content-Type", "application/json"],
          ["apikey", "anon-key"],
        ],
      },
    ],
    check: [],
  },
];
