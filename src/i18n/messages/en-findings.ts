/** The findings' words (English). */
export const enFindings = {
  "finding.authorization-wildcard.title": "Authorization is allowed only by *",
  "finding.authorization-wildcard.message":
    "The preflight answered `Access-Control-Allow-Headers: *`, which by the Fetch Standard does not cover `Authorization`. Chromium and Firefox still accept it with a deprecation warning; list it explicitly (`Access-Control-Allow-Headers: authorization, …`) before they enforce the standard.",

  "finding.browser-difference.verdict.title": "{there} would decide differently",
  "finding.browser-difference.verdict.message":
    "{here} {blocks, select, yes {blocks} other {allows}} this request, but {there} would {otherBlocks, select, yes {block it ({otherTitle})} other {allow it}}.",
  "finding.browser-difference.order.title": "{there} names a different first failure",
  "finding.browser-difference.order.message":
    '{here} stops at "{title}" ({name}); {there} checks in another order and reports "{otherTitle}" ({otherName}) first. Both must be fixed.',
  "finding.browser-difference.words.title": "Firefox words this differently",
  "finding.browser-difference.words.origin":
    "Chromium reports {chromium}; Firefox reports the same block as \"CORS header 'Access-Control-Allow-Origin' does not match\" ({firefox}).",
  "finding.browser-difference.words.redirect":
    "Chromium reports {chromium}; Firefox checks the redirect's Access-Control-Allow-Origin first and reports {firefox} with the redirect's status.",

  "finding.header-not-exposed.title":
    "{count, plural, one {A response header is} other {# response headers are}} hidden from scripts",
  "finding.header-not-exposed.message":
    "Scripts on this page cannot read {names}: `Access-Control-Expose-Headers` {absent, select, yes {is absent} other {is `{raw}`}}, and only safelisted headers (Content-Type, Content-Length, Cache-Control …) are readable without it. If the page needs them, send `Access-Control-Expose-Headers: {list}`.",

  "finding.insecure-origin-allowed.title": "An https API trusts an http origin",
  "finding.insecure-origin-allowed.message":
    "{host} is served over https but allows `{allowed}`, an origin served over plain http: an attacker on that network path can inject script into it and read this API's responses. Allow the https origin instead.",

  "finding.max-age-capped.title": "Access-Control-Max-Age is capped",
  "finding.max-age-capped.unparseable":
    "`Access-Control-Max-Age: {raw}` is not a number of seconds; {browser} {browser, select, Chromium {falls back to 5 s} other {does not cache the preflight at all}}.",
  "finding.max-age-capped.capped":
    "`Access-Control-Max-Age: {raw}` asks for more than {browser} allows: it caches the preflight for {effective} s ({otherBrowser}: up to {otherCap} s). Every {minutes} minutes the preflight is sent again.",

  "finding.not-cors.title": "Blocked, but not by CORS",
  "finding.not-cors.message":
    "The request to {host} failed with `{error}`: {why, select, client {an extension (an ad or content blocker) cancelled it} orb {Opaque Response Blocking refused a no-cors response whose type looked like data} csp {the page's Content-Security-Policy (connect-src) forbids it} corp {a Cross-Origin-Resource-Policy or embedder policy forbids it} tracking {tracking protection blocked it} other {a browser policy blocked it}}. No CORS header changes that.",

  "finding.null-origin-allowed.title": "The API trusts Origin: null with credentials",
  "finding.null-origin-allowed.message":
    "{host} answers `Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true`. Any page can get the origin `null` (a sandboxed iframe, a data: document) and read your users' data. Allow named origins only.",

  "finding.opaque-response.title": "no-cors: the page cannot read this response",
  "finding.opaque-response.message":
    'This request to {host} was made with `mode: "no-cors"`: it is sent, but the page gets an opaque response (status 0, no headers, no body). Remove `no-cors` and have the server send `Access-Control-Allow-Origin: {origin}` instead.',
  "finding.opaque-response.your-origin": "<your origin>",

  "finding.origin-null.title": "Origin: null",
  "finding.origin-null.message":
    "The request was sent with `Origin: null` because {tainted, select, yes {a redirect to another origin made the request's origin opaque} other {the page's origin is opaque (a file: page, a sandboxed iframe, or a data: document)}}. Only `Access-Control-Allow-Origin: *` (without credentials) or `null` can pass; allowing `null` lets any sandboxed page in, so prefer avoiding the redirect or serving the page from a real origin.",

  "finding.origin-reflected-with-credentials.title": "The server echoes any origin with credentials",
  "finding.origin-reflected-with-credentials.message":
    "{server} answered {origins} each with its own origin and `Access-Control-Allow-Credentials: true`. If it reflects every Origin it receives, any website can read your users' data with their cookies. Check the Origin against an allow-list before echoing it.",
  "finding.origin-reflected-with-credentials.and": " and ",

  "finding.preflight-avoidable.title": "Why this request was preflighted",
  "finding.preflight-avoidable.message":
    'The browser sent an OPTIONS preflight first because of {triggers}. Without {count, plural, one {it} other {them}} the request would be "simple" and go out directly; otherwise the server must answer the preflight (a cached one saves the round trip, up to Access-Control-Max-Age).',
  "finding.preflight-avoidable.method": "the method `{method}` (only GET, HEAD and POST are simple)",
  "finding.preflight-avoidable.content-type":
    "`Content-Type: {value}` (only text/plain, multipart/form-data and application/x-www-form-urlencoded are simple)",
  "finding.preflight-avoidable.value-too-long": "the `{name}` value is longer than 128 bytes",
  "finding.preflight-avoidable.unsafe-bytes":
    'the `{name}` value contains characters such as ( ) : < > ? @ [ ] {braces} " or controls',
  "finding.preflight-avoidable.range": "`Range: {value}` is not a single bytes=start-end range",
  "finding.preflight-avoidable.total-too-long":
    "the simple header values add up to more than 1024 bytes (`{name}`)",
  "finding.preflight-avoidable.not-safelisted": "the custom header `{name}`",
  "finding.preflight-avoidable.separator": "; ",

  "finding.preflight-cached.title": "Served from the preflight cache",
  "finding.preflight-cached.message":
    "This {method} request to {host} needs a preflight, but none was sent: the browser reused a cached preflight for this URL. It stays cached for `Access-Control-Max-Age` seconds (default 5; at most {cap} in {browser}). A change to the server's preflight answer shows only after that.",

  "finding.referrer-policy-not-cause.title": "Referrer-Policy is not the cause",
  "finding.referrer-policy-not-cause.message":
    "Referrer-Policy only changes the `Referer` header; it never changes `Origin` on a CORS request nor any CORS check. Changing it will not fix this block.",

  "finding.referrer-stripped.title": "Sent without Referer: a referer or CSRF check may have refused it",
  "finding.referrer-stripped.message":
    "The request to {host} carried no `Referer` header (the page's Referrer-Policy withheld it) and the server answered {status}. Servers that check the referer (Django's CSRF check over HTTPS, S3 `aws:Referer` policies, hotlink protection) reject such requests; allow the request by `Origin` instead, or send a policy such as `strict-origin-when-cross-origin`.",

  "finding.response-header-in-request.title": "Response headers sent from the page",
  "finding.response-header-in-request.message":
    "The page sends {names} as request {count, plural, one {header} other {headers}}. These are response headers: only the server can grant access. Sent by the page, they do nothing except force a preflight that must then allow them. Remove them from the request and set them on the server.",

  "finding.status-masked.title": "The server answered {status}: the CORS error hides it",
  "finding.status-masked.message":
    "The {stage, select, preflight {preflight} other {response}} from {host} was a {status}. The browser reports a CORS error only because that error response has no CORS headers; fix the {status} itself{stage, select, preflight { (let OPTIONS through before authentication or routing)} other { (check the server log for this {method})}}, and send `Access-Control-Allow-Origin: {origin}` on error responses too so the page can read them.",

  "finding.vary-origin-missing.title": "Vary: Origin is missing",
  "finding.vary-origin-missing.message":
    'The response allows the specific origin `{allowed}` but has no `Vary: Origin`. A browser or CDN cache can then hand this answer to a page from another origin (or a cached answer without CORS headers to this one): the classic "fails only from cache" bug. Add `Vary: Origin`.',
} as const;
