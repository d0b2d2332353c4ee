/**
 * The code-scanning rules (SARIF `reportingDescriptor`) and CI words (English): one generic title
 * and one full description per cause and finding code. A rule's words hold for every result of
 * that rule, so they name no request's header, method, status, origin or URL: those are in each
 * result's own message.
 */
export const enRules = {
  "rule.disallowed-by-mode.title": "Request mode forbids other origins",
  "rule.disallowed-by-mode.description":
    "The request was made with mode `same-origin` to another origin; the browser refuses it before sending anything. Make the request in CORS mode, or to the page's own origin.",
  "rule.scheme-not-supported.title": "Cross-origin request to a URL that is not HTTP(S)",
  "rule.scheme-not-supported.description":
    "Browsers make CORS requests only to http and https URLs; other schemes (file:, custom ones) fail before any request. Serve both the page and the API over HTTP(S).",
  "rule.no-cors-redirect-mode.title": "no-cors request without redirect: follow",
  "rule.no-cors-redirect-mode.description":
    'A request with mode `no-cors` must use `redirect: "follow"`; the browser rejects any other redirect mode before sending it.',
  "rule.missing-allow-origin.title": "Access-Control-Allow-Origin missing",
  "rule.missing-allow-origin.description":
    "The response (or the preflight's response) has no `Access-Control-Allow-Origin` header, so the browser hides it from the page or never sends the request. The server must answer with the page's exact origin, or `*` for requests without credentials.",
  "rule.multiple-allow-origin.title": "Access-Control-Allow-Origin has several values",
  "rule.multiple-allow-origin.description":
    "`Access-Control-Allow-Origin` must hold exactly one origin; a list, or the header sent twice (typically by a proxy and the application), fails the check. Send it once, from one place.",
  "rule.invalid-allow-origin.title": "Access-Control-Allow-Origin is not an origin",
  "rule.invalid-allow-origin.description":
    "`Access-Control-Allow-Origin` holds a value that is not a serialized origin (a host without a scheme, a path, a pattern). It must be the exact origin (scheme, host and port, no path) or `*`.",
  "rule.allow-origin-mismatch.title": "Allowed origin does not match the request's origin",
  "rule.allow-origin-mismatch.description":
    "The server allowed an origin other than the one the request came from; the browser compares the two byte for byte (scheme, host, port, case, no trailing slash). Answer with the request's own origin when it is on the allowlist.",
  "rule.wildcard-origin-with-credentials.title": "Wildcard origin for a request with credentials",
  "rule.wildcard-origin-with-credentials.description":
    "The server answered `Access-Control-Allow-Origin: *` to a request sent with credentials (cookies, HTTP authentication). With credentials the browser requires the exact origin and `Access-Control-Allow-Credentials: true`.",
  "rule.allow-credentials-not-true.title": "Access-Control-Allow-Credentials is not true",
  "rule.allow-credentials-not-true.description":
    "The request was sent with credentials and the server allowed its origin, but `Access-Control-Allow-Credentials` is missing or not exactly `true`.",
  "rule.preflight-status-not-ok.title": "Preflight answered with a non-2xx status",
  "rule.preflight-status-not-ok.description":
    "The preflight (OPTIONS) request was answered with a status outside 200–299 (often an authentication layer, a missing OPTIONS route or a server error), so the browser never sent the request. Answer OPTIONS with 204 and the CORS headers before authentication.",
  "rule.preflight-redirected.title": "Preflight was redirected",
  "rule.preflight-redirected.description":
    "The preflight was answered with a redirect; browsers never follow redirects on a preflight. Call the final URL directly (often a trailing-slash redirect).",
  "rule.invalid-allow-methods.title": "Access-Control-Allow-Methods cannot be parsed",
  "rule.invalid-allow-methods.description":
    "The preflight's `Access-Control-Allow-Methods` contains an item that is not a method token, so the browser rejects the whole list. List methods separated by commas.",
  "rule.invalid-allow-headers.title": "Access-Control-Allow-Headers cannot be parsed",
  "rule.invalid-allow-headers.description":
    "The preflight's `Access-Control-Allow-Headers` contains an item that is not a header name, so the browser rejects the whole list. List header names separated by commas.",
  "rule.method-not-allowed.title": "Method not allowed by the preflight",
  "rule.method-not-allowed.description":
    "The request's method is not in the preflight's `Access-Control-Allow-Methods` (methods are compared byte for byte; `*` does not count with credentials). Add the method to the list the server answers.",
  "rule.header-not-allowed.title": "Request header not allowed by the preflight",
  "rule.header-not-allowed.description":
    "The request sets a header that the preflight's `Access-Control-Allow-Headers` does not list (`*` does not count with credentials, nor for Authorization). Add the header's name to the list the server answers.",
  "rule.redirect-contains-credentials.title": "Redirect to a URL with a user name and password",
  "rule.redirect-contains-credentials.description":
    "A CORS request was redirected to a URL carrying `user:password@`; browsers refuse such redirects. Redirect to a URL without credentials and send them in a header.",
  "rule.local-network-insecure.title": "Insecure page reaching the local network",
  "rule.local-network-insecure.description":
    "A page that is not a secure context asked a more private address (local network, loopback); Chrome's Local Network Access blocks that. No response header fixes it: serve the page over HTTPS.",
  "rule.local-network-invalid.title": "Local network address space mismatch",
  "rule.local-network-invalid.description":
    "The request declared one address space but the server resolved to another; Chrome's Local Network Access blocks it. No response header fixes it.",
  "rule.local-network-permission-denied.title": "Local network access not permitted",
  "rule.local-network-permission-denied.description":
    "Chrome blocked a request to the local network because the Local Network Access permission was not granted to the page. No response header fixes it.",
  "rule.network-error.title": "No response (network error)",
  "rule.network-error.description":
    'The request got no response at all (connection refused, DNS, TLS, reset) before any CORS check. Firefox reports this as "CORS request did not succeed", but no header is at fault: check that the server answers.',
  "rule.cause-not-recorded.title": "Cross-origin request failed; its cause was not recorded",
  "rule.cause-not-recorded.description":
    'The browser reported that a cross-origin request failed, but the recording kept no response headers (and no preflight) for it, so CORS Lens cannot tell which check failed. It counts as a failure unless --allow-unknown. Record with cors-lens/playwright\'s lens.har(), Chrome DevTools\' "Export HAR" or Firefox\'s "Save All As HAR" to keep the cause.',

  "rule.status-masked.title": "The server's error status is hidden by a CORS error",
  "rule.status-masked.description":
    "The server answered with an error status on a path that adds no CORS headers, so the page sees only a CORS error. Fix the server error, or add the CORS headers to error responses too.",
  "rule.referrer-policy-not-cause.title": "Referrer-Policy is not the cause",
  "rule.referrer-policy-not-cause.description":
    "A `Referrer-Policy` was involved, but it decides only what the `Referer` header holds; it never blocks a CORS request.",
  "rule.referrer-stripped.title": "Sent without Referer: a referer or CSRF check may have refused it",
  "rule.referrer-stripped.description":
    "The request was sent without `Referer` (the page's referrer policy) and the server refused it; servers that check the Referer for CSRF refuse such requests.",
  "rule.origin-null.title": "Request sent with Origin: null",
  "rule.origin-null.description":
    "The request's origin was opaque (a sandboxed frame, a file: page, a data: URL or a cross-origin redirect), so it was sent as `Origin: null`; allowing `null` would allow every such page.",
  "rule.opaque-response.title": "no-cors: the page cannot read the response",
  "rule.opaque-response.description":
    "The request was made with mode `no-cors`, so the response is opaque: the page cannot read its body, status or headers, whatever the server answers.",
  "rule.authorization-wildcard.title": "Authorization is allowed only by *",
  "rule.authorization-wildcard.description":
    "`Access-Control-Allow-Headers: *` does not cover `Authorization`; it must be listed by name.",
  "rule.vary-origin-missing.title": "Vary: Origin is missing",
  "rule.vary-origin-missing.description":
    "The server answers with the request's origin in `Access-Control-Allow-Origin` but without `Vary: Origin`, so a shared cache can serve one origin's answer to another.",
  "rule.preflight-cached.title": "Served from the preflight cache",
  "rule.preflight-cached.description":
    "No preflight was sent because the browser reused a cached one; a change to the server's CORS answer shows only after the cache entry expires.",
  "rule.preflight-avoidable.title": "Why the request was preflighted",
  "rule.preflight-avoidable.description":
    "The request needed a preflight because of its method or a header the page set; without them it would be a simple request.",
  "rule.max-age-capped.title": "Access-Control-Max-Age is capped",
  "rule.max-age-capped.description":
    "Browsers cap how long they cache a preflight (Chromium 2 hours, Firefox 24 hours); a larger `Access-Control-Max-Age` is not honoured.",
  "rule.header-not-exposed.title": "Response headers hidden from scripts",
  "rule.header-not-exposed.description":
    "The response has headers that are not in `Access-Control-Expose-Headers` and not safelisted, so scripts on the page cannot read them.",
  "rule.response-header-in-request.title": "Response headers sent from the page",
  "rule.response-header-in-request.description":
    "The page sent `Access-Control-Allow-*` headers with its request; they belong on the server's response, and sending them only makes the request need a preflight.",
  "rule.origin-reflected-with-credentials.title": "The server echoes any origin with credentials",
  "rule.origin-reflected-with-credentials.description":
    "The server reflects the request's origin into `Access-Control-Allow-Origin` with `Access-Control-Allow-Credentials: true`; any site can then read the API as the logged-in user. Compare the origin with an allowlist.",
  "rule.null-origin-allowed.title": "The API trusts Origin: null with credentials",
  "rule.null-origin-allowed.description":
    "The server allows `Origin: null` with credentials; sandboxed iframes and data: pages on any site send that origin.",
  "rule.insecure-origin-allowed.title": "An https API trusts an http origin",
  "rule.insecure-origin-allowed.description":
    "An https API allows an http origin; anyone on the network path of that http page can inject script into it and read the API.",
  "rule.not-cors.title": "Blocked, but not by CORS",
  "rule.not-cors.description":
    "The request was blocked by something other than CORS (an extension, ORB, CSP, CORP, an administrator policy); no CORS header changes that.",
  "rule.browser-difference.title": "Another browser decides or names this differently",
  "rule.browser-difference.description":
    "Chromium and Firefox check some CORS rules in a different order or name them differently; in the other browser this request gets a different verdict or a different first failure.",

  "ci.unrecorded":
    "{request} failed ({error}); the recording holds no response headers for it, so its cause is not recorded.",
  "ci.unrecorded.hint":
    'Record with cors-lens/playwright\'s lens.har(), Chrome DevTools\' "Export HAR" ("Save all as HAR with content") or Firefox\'s "Save All As HAR" to keep the cause; --allow-unknown lets these pass.',
  "ci.config.rule": "CORS configuration: {code}",
  "ci.summary.title": "CORS Lens",
  "ci.summary.fix-for": "Fix for {count, plural, one {# request} other {# requests}} to {host}",
  "ci.annotation.fix": "Fix ({title}): {line}",
  "ci.annotation.more": "(the whole fix is in the job summary)",
  "cli.totals.outcomes":
    "{count, plural, one {# file} other {# files}}, {requests} requests: {blocked} blocked, {unknown} unknown ({unrecorded} failed, cause not recorded), {warned} with warnings",
  "cli.summary.unrecorded": "{count} × failed, cause not recorded",
  "cli.summary.unrecorded-error": "The browser reported {error}; this HAR holds no response headers for it.",
} as const;
