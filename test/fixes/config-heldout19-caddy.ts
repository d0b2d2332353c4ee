/**
 * Issue #23's nineteenth never-seen measure, Caddy. No broken Caddyfile this time: the reports found were
 * used by earlier sets or did not carry the configuration (HELDOUT19.md, "Why 24"). PORT and APP are
 * Caddy's and the application's ports.
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

export const HELD_OUT19_CADDY: Array<CaddyCase & Held3> = [];

/**
 * A correct Caddyfile: a `route` for /api/* that adds Allow-Origin and credentials for the two front ends
 * (an expression matcher over the Origin header, no Allow-Origin for any other), answers the preflight
 * itself with the page's methods and headers, and proxies the rest to the application.
 */
export const HELD_OUT19_CADDY_CORRECT = `{
	admin off
	auto_https off
}

:PORT {
	@front_ends expression \`{http.request.header.Origin} in ["https://app.example.com", "https://admin.example.com"]\`

	route /api/* {
		header @front_ends {
			Access-Control-Allow-Origin {http.request.header.Origin}
			Access-Control-Allow-Credentials true
			Vary Origin
		}

		@preflight {
			method OPTIONS
			header Access-Control-Request-Method *
		}
		header @preflight {
			Access-Control-Allow-Methods "GET, PUT"
			Access-Control-Allow-Headers "Content-Type, Authorization"
			Access-Control-Max-Age 600
		}
		respond @preflight 204

		reverse_proxy 127.0.0.1:APP
	}
}
`;
