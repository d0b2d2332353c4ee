/**
 * Issue #23's twentieth never-seen measure, Caddy: broken Caddyfiles rebuilt from public reports (cited
 * above each case; no text copied), written blind to the readers. PORT and APP are Caddy's and the
 * application's ports. `rootText`: the root cause's line (the first line holding it).
 */
import type { CaddyCase } from "./config-caddy-cases";
import type { Held3 } from "./config-heldout3-nginx";

const V2 = "https://v2.noj.example.org";
const json: Array<[string, string]> = [["Content-Type", "application/json"]];

export const HELD_OUT20_CADDY: Array<CaddyCase & Held3> = [
  {
    // https://github.com/Normal-OJ/Normal-OJ/issues/34 — "Add PATCH method in Access-Control-Allow-Methods":
    // the online judge's production Caddyfile gives every answer Access-Control-Allow-Headers,
    // Access-Control-Allow-Methods (OPTIONS, GET, POST, PUT, DELETE, HEAD) and credentials, and a snippet
    // imported once per front end echoes the Origin when it is that front end; a new admin API,
    // `PATCH /user/<username>`, is refused at the preflight because PATCH is not in the methods. The site
    // address (an environment variable there) is the suite's port, the Flask backend the proxied application
    // (it answers OPTIONS 200 itself, as Flask does), the v2 front end the page. Root: the Allow-Methods
    // header without PATCH.
    name: "heldout20 Caddy: the Allow-Methods header has no PATCH, the admin's user update refused at the preflight",
    url: "https://github.com/Normal-OJ/Normal-OJ/issues/34",
    rootText: 'header Access-Control-Allow-Methods "OPTIONS, GET, POST, PUT, DELETE, HEAD"',
    app: { optionsStatus: 200 },
    site: `{
	admin off
	auto_https off
}

(cors) {
	@origin{args.0} header Origin {args.0}
	header @origin{args.0} Access-Control-Allow-Origin "{args.0}"
}

:PORT {
	log
	header Access-Control-Allow-Headers Content-Type
	header Access-Control-Allow-Methods "OPTIONS, GET, POST, PUT, DELETE, HEAD"
	header Access-Control-Allow-Credentials true
	# TODO: use env var to control allow origin, or move these to the backend
	import cors https://noj.example.org
	import cors ${V2}
	reverse_proxy 127.0.0.1:APP
}
`,
    calls: [
      { method: "GET", path: "/user/alice", origin: V2, credentials: true },
      { method: "PATCH", path: "/user/alice", origin: V2, credentials: true, headers: json },
    ],
    check: [],
  },
];
