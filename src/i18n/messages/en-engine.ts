/** The engine's other words (English): unknown verdicts, credentials evidence, evidence rows, servers, fix summaries. */
export const enEngine = {
  "unknown.preflight-ask-unseen":
    "Neither the preflight's request headers nor the request's were observed, so what the preflight asked for is unknown.",
  "unknown.preflight-unanswered": "The preflight was recorded without its response (and without an error).",
  "unknown.preflight-not-recorded":
    "The request needed a preflight, but no OPTIONS request was recorded and the request never got a response.",
  "unknown.no-response": "The actual request was not observed getting a response.",
  "unknown.error-before-headers":
    "The browser reported {error} before CORS Lens could see the response headers.",
  "unknown.response-not-observed": "The response to the actual request was not observed.",
  "unknown.cancelled":
    "The request was cancelled ({error}) before it finished: the page navigated away or aborted it.",
  "unknown.not-observed":
    "Neither the request headers nor the initiator were observed, so CORS Lens cannot tell whether this was a CORS request.",
  "unknown.hidden-block":
    "The browser reported {error}, but the observed headers pass every CORS check; the block came from something CORS Lens cannot see (a cached preflight, a header hidden from extensions).",
  "unknown.unreadable": "CORS Lens could not read this exchange ({error}).",
  "unknown.interrupted":
    "How this request ended was not observed: CORS Lens's background worker was stopped while it was in flight, and the browser drops the events it sends a stopping worker. {missing} If the browser still reports its end, this entry is updated.",

  "credentials.not-visible": "not visible to extensions",
  "credentials.mode": "credentials mode {mode}",
  "credentials.cookie": "the Cookie header",
  "credentials.storage-access": "the Sec-Fetch-Storage-Access header, sent only in credentials mode include",
  "credentials.same-either-way": "not visible to extensions; the result is the same either way",
  "credentials.blocked-either-way":
    "not visible to extensions; blocked either way, shown for fetch's default (no credentials)",
  "credentials.inferred-block": "inferred: the browser blocked it, and only credentials explain that",
  "credentials.inferred-success": "inferred: the browser let the response through",
  "credentials.assumed":
    "not visible to extensions, and the browser did not report its outcome: assumed fetch's default (no credentials to other origins)",
  "credentials.include-ways": 'fetch credentials: "include" or XHR withCredentials',
  "credentials.if-credentialed":
    "{basis}. If the page sent it with credentials, the browser blocked it instead: {message}",

  "evidence.origin-request": "Origin (request)",
  "evidence.not-sent": "(not sent)",
  "evidence.origin-or-star": "{origin} or *",
  "evidence.status-preflight": "Status (preflight)",
  "evidence.no-redirect": "(no redirect)",
  "evidence.status": "Status",
  "evidence.any": "any",

  "expected.a-response": "a response",
  "expected.2xx-options": "a 2xx answer to OPTIONS at this URL",
  "expected.method-list": "a comma-separated list of method tokens",
  "expected.header-list": "a comma-separated list of header names",
  "expected.location-no-userinfo": "a Location without user:password@",

  "server.rs-cors":
    "a {status} preflight answer with Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers{bare, select, yes { and nothing else (rs/cors saying no)} other { (rs/cors, or another middleware that varies on all three)}}",
  "server.aiohttp-cors":
    "a 403 text/plain preflight answer without CORS headers from {server} (aiohttp-cors saying no)",
  "server.gorilla":
    "a bare {status} preflight answer (only Date and Content-Length: 0), as gorilla/handlers' CORS sends when it says no",
  "server.starlette":
    "a 400 preflight answer carrying Access-Control-Allow-Methods and Max-Age (Starlette's CORSMiddleware)",
  "server.django-everywhere":
    "Access-Control-Allow-Methods: {methods} on every response, not only the preflight (a hand-written middleware)",
  "server.django-cors-headers":
    "Access-Control-Allow-Methods: {methods} on the preflight (django-cors-headers' default)",
  "server.django-defaults":
    "Django's default security headers (X-Frame-Options: DENY, Referrer-Policy: same-origin)",

  "rejection.starlette-origin":
    'Starlette\'s CORSMiddleware rejected the preflight (400 "Disallowed CORS origin"): {known, select, yes {{origin}} other {the origin}} is not in allow_origins.',
  "rejection.starlette-method":
    'Starlette\'s CORSMiddleware rejected the preflight (400 "Disallowed CORS method"): {method} is not in allow_methods.',
  "rejection.starlette-headers":
    'Starlette\'s CORSMiddleware rejected the preflight (400 "Disallowed CORS headers"): {headers} not in allow_headers.',
  "rejection.express-auto-options":
    "Express answered the preflight itself (`Allow: {allow}` and no CORS header), as it does when no middleware ended the OPTIONS request: `cors()` runs after the route that answered, is attached to a router that does not serve this path, or is not registered.",
  "rejection.aiohttp-cors":
    "aiohttp-cors rejected the preflight: it answers 403 Forbidden without CORS headers when the origin is not a key of its `defaults`, the method ({method}) is not in allow_methods (or not a route passed to cors.add){hasHeaders, select, yes {, or a requested header ({headers}) is not in allow_headers} other {}}.",
  "rejection.gorilla-method":
    "gorilla/handlers' CORS rejected the preflight with a bare 405: {method} is not in AllowedMethods (left out, it allows GET, HEAD and POST only).",
  "rejection.gorilla-headers":
    "gorilla/handlers' CORS rejected the preflight with a bare 403: a requested header ({headers}) is not in AllowedHeaders (left out, it allows Accept, Accept-Language, Content-Language and Origin only).",
  "rejection.rs-cors":
    "rs/cors rejected the preflight: it answered {status} with only Vary and no CORS header, as it does when the origin, the method ({method}) or a header is not in its Allowed* options{methodRefused, select, yes { (AllowedMethods defaults to GET, POST, HEAD only)} other {}}.",

  "fix.summary.allow-origin": "Allow {origins} on every response.",
  "fix.summary.single-origin":
    "Send Access-Control-Allow-Origin once, with the one origin {origin}: remove one of the two sources (the proxy's or the app's).",
  "fix.summary.credentials":
    "Credentialed requests need the exact origin ({origins}) and Access-Control-Allow-Credentials: true, never *.",
  "fix.summary.methods":
    "Allow {hasMethods, select, yes {{methods}} other {the method}} exactly as the page sends them.",
  "fix.summary.headers":
    "{hasHeaders, select, yes {Allow the request headers {headers}.} other {Nothing to allow on the server: the page sends headers no server should be asked to allow (Access-Control-* are response headers); it must stop sending them.}}",
  "fix.summary.preflight-before-auth":
    "Answer OPTIONS preflights before authentication: preflights never carry credentials.",
  "fix.summary.preflight-route": "Answer OPTIONS preflights with 204 on this route.",
  "fix.summary.no-preflight-redirect": "Answer the preflight at the URL the page calls, without redirecting.",
  "fix.summary.error-responses": "Add the CORS headers to error responses (4xx/5xx) too, for {origins}.",
  "fix.summary.before-routes":
    "Make the CORS set-up run for every route: register the CORS middleware before the routes (or give the route that answered the same headers).",
  "fix.summary.null-origin":
    'After a cross-origin redirect the origin is "null": avoid the redirect, or allow {origin}.',
  "fix.summary.expose": "Expose {headers} to scripts.",
  "fix.part.origins": "origins {list}",
  "fix.part.methods": "methods {list}",
  "fix.part.headers": "headers {list}",
  "fix.part.any-headers": "request headers answered back as asked (seen: {list})",
  "fix.part.credentials": "credentials",
  "fix.part.separator": "; ",
  "fix.heading.keeps": "Keeps what already worked: {keeps}.",
  "fix.heading.adds": "Adds: {adds}.",
  "fix.heading.lists-headers":
    "The server answered back the request headers asked for; this library can only list them: add every header your pages send (seen: {list}).",
  "fix.title.generic-headers": "Response headers (any server)",
  "fix.title.django": "Django (hand-written middleware)",
  "fix.title.go": "Go (net/http, hand-written)",
  "fix.title.s3": "AWS S3 bucket CORS",
} as const;
