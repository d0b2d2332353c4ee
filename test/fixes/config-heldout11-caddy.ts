/**
 * Issue #23's eleventh never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT11_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/caddyserver/caddy/issues/1073 — Caddy sets Access-Control-Allow-Origin for the
    // one client origin, but the proxied server is CORS-enabled itself and sends `*`: the browser gets
    // "multiple values 'https://client…, *'". (Caddy 1 then; the same Caddyfile written for Caddy 2.)
    // Root: the header block's Allow-Origin line.
    name: "heldout11 Caddy: header Allow-Origin for the client over the upstream's own '*', two values",
    url: "https://github.com/caddyserver/caddy/issues/1073",
    rootText: `Access-Control-Allow-Origin "${APP_ORIGIN}"`,
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]], optionsStatus: 204 },
    site: `{
	admin off
	auto_https off
}

:PORT {
	header {
		Access-Control-Allow-Origin "${APP_ORIGIN}"
		Access-Control-Allow-Methods "OPTIONS, HEAD, GET, POST, PUT, DELETE"
		Access-Control-Allow-Headers "Content-Type, Authorization"
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [{ method: "GET", path: "/api/uploads", origin: APP_ORIGIN }],
    check: [],
  },
  {
    // https://github.com/caddyserver/caddy/issues/3206 — "add origin as a variable for CORS settings"
    // (from the help thread "CORS origin getting referrer"): with no origin placeholder at hand, the
    // Allow-Origin is filled from the Referer header, which carries a path (at least the trailing
    // slash), so it never equals the page's origin. Root: that header line.
    name: "heldout11 Caddy: Access-Control-Allow-Origin filled from the Referer header, never the origin",
    url: "https://github.com/caddyserver/caddy/issues/3206",
    rootText: "Access-Control-Allow-Origin {http.request.header.Referer}",
    site: `{
	admin off
	auto_https off
}

:PORT {
	@api path /api/*
	header @api {
		Access-Control-Allow-Origin {http.request.header.Referer}
		Access-Control-Allow-Credentials true
		Vary Origin
	}

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/api/items", origin: APP_ORIGIN },
      { method: "GET", path: "/api/me", origin: APP_ORIGIN, credentials: true },
    ],
    check: [],
  },
];
