/**
 * Issue #23's tenth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT10_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/lucaslorentz/caddy-docker-proxy/issues/281 — "if I use basicauth the CORS
    // headers are missing": basicauth runs before anything answers the browser's preflight, which
    // carries no credentials, so it is refused 401 (the fix is a `not method OPTIONS` matcher).
    // Root: the basicauth line.
    name: "heldout10 Caddy: basicauth applies to the preflight too, answered 401",
    url: "https://github.com/lucaslorentz/caddy-docker-proxy/issues/281",
    rootText: "basicauth /api/* {",
    site: `{
	admin off
	auto_https off
}

:PORT {
	basicauth /api/* {
		admin $2a$14$nCcvLm1VnrOIR8j0JKTtnOOvHpFEIeDy9rQ0Gavatg8MlXUYmuD5a
	}

	header {
		Access-Control-Allow-Origin "${APP_ORIGIN}"
		Access-Control-Allow-Methods "GET, POST, PUT, DELETE, OPTIONS"
		Access-Control-Allow-Headers "Authorization, Content-Type"
		Vary Origin
	}

	@preflight method OPTIONS
	respond @preflight 204

	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      {
        method: "GET",
        path: "/api/items",
        origin: APP_ORIGIN,
        headers: [["Authorization", `Basic ${Buffer.from("admin:secret").toString("base64")}`]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/caddyserver/caddy/issues/4188 — the application behind Caddy sends
    // `Access-Control-Allow-Origin: *`, and the Caddyfile tries to replace it with `header
    // -Access-Control-Allow-Origin` and `header +Access-Control-Allow-Origin <origin>` ("nothing I've
    // tried works"; the maintainers point to header_down): a deletion makes Caddy apply the header
    // operations after the response, so the delete removes the upstream's '*' and the added origin
    // alike, and the page gets no Allow-Origin. Root: the deleting header line.
    name: "heldout10 Caddy: header -/+ Access-Control-Allow-Origin over the proxied '*' leaves none",
    url: "https://github.com/caddyserver/caddy/issues/4188",
    rootText: "header -Access-Control-Allow-Origin",
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `{
	admin off
	auto_https off
}

:PORT {
	header -Access-Control-Allow-Origin
	header +Access-Control-Allow-Origin "${APP_ORIGIN}"
	header Access-Control-Allow-Credentials "true"

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
