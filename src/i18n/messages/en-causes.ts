/**
 * The causes' words (English). A failing response is named with the same select everywhere
 * (`stage`, `host`, `hasStatus`, `status`; `method`, `path` for a preflight).
 */
const SUBJECT =
  "{stage, select, preflight {The preflight (OPTIONS {path}) for this {method} request} redirect {The redirect response from {host}{hasStatus, select, yes { (status {status})} other {}}} other {The response from {host}{hasStatus, select, yes { (status {status})} other {}}}}";
const PREFLIGHT = "The preflight (OPTIONS {path}) for this {method} request";
const STAR_IGNORED =
  "{starIgnored, select, yes { `*` does not count for a request with credentials.} other {}}";

export const enCauses = {
  "cause.status-note.auth":
    "The {status} came with `WWW-Authenticate`: authentication answered before CORS{preflight, select, yes {; browsers never send cookies or Authorization with a preflight} other {}}.",
  "cause.status-note.refused":
    "Something answered {status} before any CORS header was added (an authentication or CSRF check, a firewall, or the CORS library refusing the request); the response's body says which{preflight, select, yes {. Browsers never send cookies or Authorization with a preflight} other {}}.",
  "cause.status-note.no-route":
    "{preflight, select, yes {The {status} means no route answers OPTIONS at this URL{hasAllow, select, yes { (`Allow: {allow}`: the route answers only those{cors, select, yes {, and the CORS middleware runs only after a route matched} other {}})} other {}}.} other {The {status} means the server has no route for this URL or method, and that answer carries no CORS headers.}}",
  "cause.status-note.server-error":
    "The {status} is the server's own {clientError, select, yes {answer to the request (a validation, body-parser or routing error)} other {error}}; its error path adds no CORS headers.",

  // The fix's summary for the mistake this cause names (kept with the cause's words).
  "fix.summary.before-routes":
    "Make the CORS set-up run for every route: register the CORS middleware before the routes (or give the route that answered the same headers).",
  "cause.layer-note.after-route":
    "Other answers from this server carry CORS headers{preflight, select, yes { (this request's own preflight did)} other {}}: the CORS set-up runs, but not for the route that answered here. A CORS middleware registered after that route never runs for it (in Express, Koa and Hono a route that answers ends the chain, so `app.use(cors())` below `app.get(…)` is skipped); register it before the routes.",
  "cause.layer-note.slash-redirect":
    "The {status} sends the request to the same URL with a slash appended, a trailing-slash rule that answered before the CORS layer (Django's CommonMiddleware does this with APPEND_SLASH when `corsheaders.middleware.CorsMiddleware` sits below it in MIDDLEWARE); call the URL with the slash, or put the CORS layer first.",
  "cause.layer-note.nginx-always":
    "nginx answered: if the CORS headers come from its `add_header` lines, those are skipped on a {status} unless each line ends with `always`.",
  "cause.layer-note.apache-always":
    "Apache answered: if the CORS headers come from `Header set`, that applies to 2xx answers only, not this {status}; `Header always set` covers redirects and errors too.",
  "cause.layer-note.origin-exactly":
    "An allowed-origins entry matches only when written exactly as the browser sends it, `{origin}`: scheme, host and port, with no trailing slash or path.",
  "cause.layer-note.proxy-and-app":
    "{proxy} answered (its `Server` header) and the app behind it adds its own copy: keep the header in one of the two, hide the app's copy in {proxy} or drop {proxy}'s.",
  "cause.layer-note.fastify-methods":
    "`GET,HEAD,POST`, written so, is @fastify/cors's default `methods` since version 11: add {method} to its `methods` option.",
  "cause.layer-note.credentials-option": "In {stack} that is {option}.",
  "cause.layer-note.bare-preflight-method":
    "The preflight got a bare {status} without any CORS header, while other answers from this API carry them and list `Access-Control-Allow-Methods` {listed}, without {method}: the CORS set-up refused the preflight without saying why. rack-cors answers so for a method that is not in its `methods:`; add {method} to the set-up's methods{all, select, yes { (`ALL` is what rack-cors sends for `methods: :all`, a value it does not know: only a method named ALL matches it; `methods: :any` allows every method)} other {}}.",
  "cause.layer-note.flask-string-headers":
    "The preflight's answer allows the origin but has no `Access-Control-Allow-Headers`, and this API looks like Flask: where flask-cors answers so, none of the names asked for ({asked}) matched its `allow_headers`. Written as one string (`allow_headers='Origin, Content-Type'`), `allow_headers` is one regular expression to flask-cors, which matches no single header name: write it as a list, one name per item.",

  "cause.allow-credentials-not-true.title": "Access-Control-Allow-Credentials is not true",
  "cause.allow-credentials-not-true.message": `${SUBJECT} allowed \`{origin}\`, but this request was sent with credentials ({basis}) and \`Access-Control-Allow-Credentials\` is {missing, select, yes {missing} other {\`{value}\`}}; it must be exactly \`true\`.`,

  "cause.allow-origin-mismatch.title": "Allowed origin does not match",
  "cause.allow-origin-mismatch.message": `${SUBJECT} allows \`{allowed}\`, but the request came from \`{origin}\`: {difference, select, path {the allowed value has a path or trailing slash; an origin never has one} case {they differ only in letter case, and the comparison is case-sensitive} tainted {a cross-origin redirect made the request's origin opaque, so it was sent as \`Origin: null\`} null {\`null\` only matches opaque origins (sandboxed frames, file: pages, tainted redirects)} scheme {the scheme differs ({allowedScheme} vs {originScheme})} port {the port differs} host {the host differs} other {they are different origins}}. The browser compares the two byte for byte.`,

  "cause.disallowed-by-mode.title": "Request mode forbids other origins",
  "cause.disallowed-by-mode.message":
    "The request was made with mode `same-origin` but goes to {host}, another origin, so the browser refused it before sending anything.",
  "cause.disallowed-by-mode.client": "Use CORS mode",

  "cause.header-not-allowed.title": "Request header {header} not allowed",
  "cause.header-not-allowed.message": `The request sends the \`{header}\` header, but the preflight's \`Access-Control-Allow-Headers\` is {missing, select, yes {missing} other {\`{allowed}\`}}, which does not list it.${STAR_IGNORED}`,

  "cause.invalid-allow-headers.title": "Access-Control-Allow-Headers cannot be parsed",
  "cause.invalid-allow-headers.message":
    "The preflight's `Access-Control-Allow-Headers: {list}` contains `{value}`, which is not a header name. List names separated by commas.",

  "cause.invalid-allow-methods.title": "Access-Control-Allow-Methods cannot be parsed",
  "cause.invalid-allow-methods.message":
    "The preflight's `Access-Control-Allow-Methods: {list}` contains `{value}`, which is not a method token. List methods separated by commas: `{method}, GET, POST`.",

  "cause.invalid-allow-origin.title": "Access-Control-Allow-Origin is not an origin",
  "cause.invalid-allow-origin.message": `${SUBJECT} sent \`Access-Control-Allow-Origin: {value}\`, which is not a valid origin. It must be the exact origin \`{origin}\` (scheme, host and port, no path) or \`*\`.`,

  "cause.local-network-insecure.title": "Insecure page reaching the local network",
  "cause.local-network-insecure.message":
    "The page at {known, select, yes {{pageOrigin}} other {this origin}} is not a secure context but asked {host}, a more private address; Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.",
  "cause.local-network-insecure.client": "Serve the page from a secure context",
  "cause.local-network-insecure.client-how":
    "Serve the page over https:// (or from http://localhost) so Local Network Access can prompt.",

  "cause.local-network-invalid.title": "Local network address space mismatch",
  "cause.local-network-invalid.message":
    "The request to {host} declared one address space but the server resolved to another ({error}). No response header fixes it.",
  "cause.local-network-invalid.client": "Match the declared address space",
  "cause.local-network-invalid.client-how":
    "Remove or correct the targetAddressSpace option, or make the host resolve to the address space the page expects.",

  "cause.local-network-permission-denied.title": "Local network access not permitted",
  "cause.local-network-permission-denied.message":
    "Chrome blocked the request from {known, select, yes {{pageOrigin}} other {this page}} to {host} on the local network because Local Network Access permission was not granted ({hasError, select, yes {{error}} other {denied}}). No response header fixes it.",
  "cause.local-network-permission-denied.client": "Grant Local Network Access",
  "cause.local-network-permission-denied.client-how":
    'Allow "Local network access" for this site (click the icon left of the address bar, Site settings).',

  "cause.method-not-allowed.title": "Method {method} not allowed by the preflight",
  "cause.method-not-allowed.message": `The preflight allowed {missing, select, yes {no extra method (no Access-Control-Allow-Methods)} other {\`{allowed}\`}}, which does not include \`{method}\`.{caseOnly, select, yes { Methods are compared byte for byte: the page sent \`{method}\` exactly as written (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).} other {}}${STAR_IGNORED}`,
  "cause.method-not-allowed.client": "Or send the method in upper case",

  "cause.missing-allow-origin.title":
    "{stage, select, preflight {Preflight has no Access-Control-Allow-Origin} other {No Access-Control-Allow-Origin header}}",
  "cause.missing-allow-origin.message": `${SUBJECT} has no \`Access-Control-Allow-Origin\` header, so the browser {stage, select, preflight {never sent the {method} request} other {hid the response from the page at {origin}}}. The server must answer with \`Access-Control-Allow-Origin: {origin}\`.`,

  "cause.missing-allow-origin.refused":
    "It varies on `Origin` all the same: a CORS set-up ran, compared the origin and did not allow `{origin}` (it is missing from the set-up's origin list, or its origin function said no).",
  "cause.multiple-allow-origin.layers":
    "Two layers answered: {proxy} (its `Server` header) in front of {app} ({basis}), and each adds its own copy; hide the app's copy in {proxy} (or drop {proxy}'s), the fix shown first.",
  "cause.multiple-allow-origin.title": "Access-Control-Allow-Origin has several values",
  "cause.multiple-allow-origin.message": `${SUBJECT} sent \`Access-Control-Allow-Origin: {value}\`{lines, plural, =0 {} =1 {} other { in # separate header lines (typically a proxy and the application both add it)}}, but the header must hold exactly one origin: \`{origin}\`.`,

  "cause.network-error.title": "No response (network error)",
  "cause.network-error.message":
    '{stage, select, preflight {The preflight} other {The request}} to {host} got no response ({hasError, select, yes {{error}} other {network error}}): the connection failed before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault.',
  "cause.network-error.client": "Check that the server answers at all",

  "cause.no-cors-redirect-mode.title": "no-cors needs redirect: follow",
  "cause.no-cors-redirect-mode.message":
    'A request with mode `no-cors` must use `redirect: "follow"`; the browser rejected it before sending anything.',
  "cause.no-cors-redirect-mode.client": "Follow redirects",

  "cause.preflight-redirected.title": "Preflight was redirected",
  "cause.preflight-redirected.message": `${PREFLIGHT} was answered with a {status} redirect{hasLocation, select, yes { to \`{location}\`} other {}}. Browsers never follow redirects on a preflight.{slash, select, yes { This is usually a trailing-slash redirect (Django APPEND_SLASH, framework strict routing): call the final URL.} other { Call the final URL directly.}}`,
  "cause.preflight-redirected.client": "Or call the final URL directly",

  "cause.preflight-status-not-ok.title":
    "{known, select, yes {Preflight answered {status}} other {Preflight answered a non-2xx status}}",
  "cause.preflight-status-not-ok.message": `${PREFLIGHT} passed the origin check but was answered with status {status}; a preflight needs a 2xx status (204 is usual).`,

  "cause.redirect-contains-credentials.title": "Redirect to a URL with user:password",
  "cause.redirect-contains-credentials.message":
    "The request was redirected to `{location}`, which carries a user name and password; browsers refuse such redirects for CORS requests.",
  "cause.redirect-contains-credentials.client": "Remove the credentials from the redirect",
  "cause.redirect-contains-credentials.client-how":
    "Redirect to a Location without user:password@, and send credentials in a header instead.",

  "cause.scheme-not-supported.title": "Not an HTTP(S) URL",
  "cause.scheme-not-supported.message":
    "The request targets `{url}`; browsers make CORS requests only to http and https URLs{filePage, select, yes {, and a file: page has the opaque origin null} other {}}.",
  "cause.scheme-not-supported.client": "Serve the page over HTTP",
  "cause.scheme-not-supported.client-how":
    "Open the page from a local server (for example `npx serve .` then http://localhost:3000) instead of a file: URL.",

  "cause.wildcard-origin-with-credentials.title": "Wildcard origin with credentials",
  "cause.wildcard-origin-with-credentials.message": `${SUBJECT} answered \`Access-Control-Allow-Origin: *\`, but this request was sent with credentials ({basis}). With credentials the browser requires the exact origin \`{origin}\` and \`Access-Control-Allow-Credentials: true\`.`,
  "cause.wildcard-origin-with-credentials.client": "Or, if this request needs no cookies",
} as const;
