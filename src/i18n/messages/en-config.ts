/** `cors-lens check --config` and `cors-lens fix --config` (English). Directive names stay as written. */
export const enConfig = {
  "config.cli.usage": `Usage: cors-lens check --config FILE... [--har FILE.har] [options]
       cors-lens fix --config FILE... --har FILE.har [options]
       cors-lens fix --config FILE... --url URL --origin ORIGIN [probe options] [options]

check   reads your server configuration and lists its CORS mistakes with file and line; with
        --har, also the lines that block the recorded requests (what fix would change there).
fix     reads the configuration and the recorded requests (a HAR, or one request probed now
        with --url as cors-lens probe sends it), and prints the smallest
        change that lets the blocked requests through while every request the configuration
        allowed before stays allowed (checked by CORS Lens's own evaluation of both versions).
        The diff goes to stdout (for patch -p1 or git apply), the before/after table to stderr.

Formats read: nginx (nginx.conf, sites and conf.d files, included files passed with --config), Apache
httpd (httpd.conf, vhosts, .htaccess, the files they Include), Caddy (Caddyfile, with the files it
imports), S3 bucket CORS (the JSON of put-bucket-cors or the console, or the XML), Express, Fastify,
Hono and Koa apps (.js, .mjs, .cjs, .ts), Django settings.py (django-cors-headers) and a hand-written
Django CORS middleware (middleware.py, with settings.py or alone), FastAPI, Flask or aiohttp
(aiohttp-cors) apps (.py), and rack-cors (a Rails config/initializers/cors.rb, or a Rack config.ru).

Options:
  --config FILE...          the configuration files (the main file and the files it includes)
  --har FILE                the recorded requests (Chrome or Firefox DevTools "Save all as HAR"):
                            fix patches for them; check names the lines that block them
  --url URL                 fix: instead of a HAR, send this request now (as cors-lens probe does)
    --origin ORIGIN         the page's origin (required with --url)
    --method M, --header "Name: value" (repeatable), --credentials, --timeout SECONDS
                            the request as the page makes it (as cors-lens probe takes them)
  --write                   fix: edit the files in place, the originals kept as FILE.orig
  --format FORMAT           check: text (default), json, sarif (code scanning), junit or github
                            (annotations on the file and line); fix: text, the diff and table
                            (default), or json (the edits with file, line and reason, and the table)
  --fail-on warning|error   check: exit 1 on any finding (warning, the default), or on errors only
  --browser chromium|firefox  whose rules to apply (default chromium)
  --lang en|ko              the language of the words
  -h, --help                this help

Exit status: check 0 when nothing is found, 1 when something is (an error, with --fail-on error); fix 0 when the patch lets every
recorded request through and keeps every request allowed before, 1 when it cannot; 2 on bad input.`,
  "config.cli.missing-config": "no configuration file: pass --config FILE",
  "config.cli.missing-har":
    "no evidence: pass --har FILE.har (the requests that failed), or --url URL --origin ORIGIN to probe one now",
  "config.cli.har-or-url": "pass --har or --url, not both",
  "config.cli.needs-url": "{option} describes the request to probe: pass --url URL with it",
  "config.cli.check-no-evidence":
    "{option} is for `cors-lens fix`: `check` reads the configuration and, with --har, recorded requests; it sends nothing and changes nothing",
  "config.cli.probe": "the request could not be probed: {error}",
  "config.cli.format": "--format must be text or json, not {format}",
  "config.cli.check-format": "--format must be text, json, sarif, junit or github, not {format}",
  "config.cli.browser": "--browser must be chromium or firefox, not {browser}",
  "config.cli.fail-on": "--fail-on takes error or warning, not {value}",
  "config.cli.unknown-option": "unknown option {option}",
  "config.cli.no-such-file": "{file}: no such file",
  "config.cli.cannot-read": "{file}: cannot be read ({code})",
  "config.cli.cannot-write": "{file}: cannot be written ({code})",
  "config.cli.har": "HAR {file}: {error}",
  "config.cli.severity.error": "error",
  "config.cli.severity.warning": "warning",
  "config.cli.check-clean": "✔ no CORS problems found ({count, plural, one {# file} other {# files}})",
  "config.cli.check-totals":
    "✖ {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}",
  "config.cli.note": "note: {text}",
  "config.cli.table-evidence": "Recorded requests (from {file})",
  "config.cli.table-standard": "Requests the old configuration allowed (they must stay allowed)",
  "config.cli.table-head": "request | recorded | old config | new config",
  "config.cli.alike":
    "… and {count, plural, one {# more request} other {# more requests}} like {request}: same method, origin, credentials and verdicts (--format json lists each)",
  "config.cli.verdict.allowed": "allowed",
  "config.cli.verdict.blocked": "blocked",
  "config.cli.verdict.unknown": "unknown",
  "config.cli.verdict.not-cors": "not CORS",
  "config.cli.credentialed": "with credentials",
  "config.cli.unknown-why": "  unknown: {why}",
  "config.cli.assumed": "  assumed: {what}",
  "config.cli.no-change":
    "Nothing to change: every recorded request already passes under this configuration.",
  "config.cli.no-edit-unseen":
    "No change made, and not a pass: the browser blocked requests this file, as CORS Lens reads it, allows (see the note above).",
  "config.cli.no-edit":
    "No change made: CORS Lens found no edit that lets the blocked requests through (the reasons are below).",
  "config.cli.fixed":
    "✔ the patch lets {count, plural, one {the recorded request} other {all # recorded requests}} through and keeps {kept, plural, one {# request} other {# requests}} the old configuration allowed",
  "config.cli.not-fixed": "✖ the patch does not make everything pass: see the table",
  "config.cli.cannot": "cannot fix {request}: {why}",
  "config.cli.written": "written: {file} (the original kept as {orig})",
  "config.cli.edit": "{file}:{line}: edit: {why}",
  "config.cli.needs":
    "{file}:{line}: needs {name}, which no dependency list beside this file declares ({lists}): pasted as it is, the app stops at start-up until it is installed: {install}",
  "config.cli.needs-unseen":
    "{file}:{line}: the patch imports {name}: if your project does not have it yet, install it before starting the patched app ({install}), or the app stops at start-up",
  "config.cli.install-first": "before starting the patched app: {install}",

  "config.error.no-files": "no configuration file was given",
  "config.error.unsupported":
    "cors-lens cannot read {what} yet: {file} was not changed. CORS Lens reads nginx and Apache httpd configurations, Caddyfiles and S3 bucket CORS (JSON or XML); for the others, cors-lens analyze gives the fix to apply by hand.",
  "config.error.syntax": "{file}:{line}: the configuration cannot be parsed: {detail}",
  "config.error.included":
    "no Access-Control-* header is set in the files given: CORS is set in a file included from here ({file}:{line}, include {pattern}) or elsewhere: pass it too with --config",

  "config.note.include":
    "{file}:{line}: include {pattern} was not passed: what it sets is not known (pass it with --config)",
  "config.note.orphan":
    "{file}: its directives belong inside a block of another file: pass the file that includes it",
  "config.note.no-cors": "no Access-Control-* header is set in these files",
  "config.note.recorded-blocked":
    "{count, plural, one {# request the browser blocked is} other {# requests the browser blocked are}} allowed by this file as read: either the file was fixed since the HAR was recorded, or the cause is outside what CORS Lens reads (the application's own answer, a proxy in front); record the page again to be sure",
  "config.note.blocked-no-line":
    "{count, plural, one {# recorded request is} other {# recorded requests are}} blocked by this configuration at no line CORS Lens can name (cors-lens fix --config says why)",
  "config.note.no-evidence": "the HAR holds no cross-origin request: there is nothing to fix",

  "config.check.option-reads-other":
    "{name} is given {wrote}, the value of another CORS option: {meant} is the one of its own name",
  "config.check.named-location-drops":
    "try_files hands the request to {name} (line {line}), which does not inherit this location's add_header: {names} never reach the answer from there; add them in {name}",
  "config.check.request-header-in-response":
    "{name} is a header the browser sends in a preflight; on the answer it allows nothing: the answer's header is {meant}",
  "config.check.nested-drops":
    "this {block} has add_header lines of its own, so it inherits none: {names} (line {line}) are not sent from here",
  "config.check.no-always":
    "add_header without always: error responses (4xx, 5xx) get no Access-Control-Allow-Origin, so the page cannot read them and the browser reports a CORS error instead of the status",
  "config.check.duplicate":
    "a second Access-Control-Allow-Origin (the first is on line {line}): the browser rejects a response with two",
  "config.check.wildcard-credentials":
    "Access-Control-Allow-Origin * with Access-Control-Allow-Credentials true (line {line}): browsers block every credentialed request",
  "config.check.wildcard-origin-credentials":
    "credentials true here, with Access-Control-Allow-Origin * (the origin option, line {line}): browsers block every credentialed request; give origin the front ends' origins (a list, or a function that checks them) instead of *",
  "config.check.likely-json":
    "the app parses JSON bodies (line {line}): a {method} from {origin} with Content-Type: application/json would be refused — its preflight asks for content-type, which this configuration does not allow (a guess from the code: check --har with a recording tells)",
  "config.check.likely-body":
    "this place allows {method}, but a {method} from {origin} with a body that is not a form's (Content-Type: application/json, or a file's type) would be refused: its preflight asks for content-type, which the allowed headers leave out (a guess: check --har with a recording tells)",
  "config.check.likely-header":
    "the app reads the {header} header (line {line}): a call from {origin} that sends it would be refused — its preflight asks for {header}, which this configuration does not allow (a guess from the code: check --har with a recording tells)",
  "config.check.likely-cookies":
    "the app makes its cookies for other sites (SameSite=None, line {line}): a call from {origin} with credentials (cookies) would be refused by this configuration (a guess from the code: check --har with a recording tells)",
  "config.check.likely-cookies-read":
    "the app reads the request's cookies (line {line}): a call from {origin} that sends them (credentials) would be refused by this configuration (a guess from the code: check --har with a recording tells)",
  "config.check.preflight-allow-header":
    "Allow is not what a preflight reads: the browser looks for Access-Control-Allow-Methods, which this answer does not send, so the preflight of any method but GET, HEAD and POST is refused — name the methods there",
  "config.check.preflight-allows-nothing":
    "this preflight answer sends neither Access-Control-Allow-Methods nor Access-Control-Allow-Headers: a preflight asks for a method other than GET, HEAD and POST or for a header beyond the safelisted ones, so none passes — add them",
  "config.check.reflected-credentials":
    "any origin is reflected with Access-Control-Allow-Credentials true (line {line}): every site can read the user's data",
  "config.check.blocks-recorded":
    "{count, plural, one {the recorded request that was blocked is} other {the # recorded requests that were blocked are}} blocked here",
  "config.check.detail": "{message}: {change}",
  "config.check.vary":
    "Access-Control-Allow-Origin depends on the request's Origin but there is no Vary: Origin: caches can serve one origin's answer to another",
  "config.check.origin-other-header":
    "Access-Control-Allow-Origin is copied from the request's {name} header, which is never an origin (a Referer carries a path, a Host no scheme): no page is allowed; reflect Origin under a matcher of the allowed origins",
  "config.check.location-shadowed":
    "this regex location also takes {types}, and nginx uses the first regex location that matches: those files never reach the CORS location of line {line}; add its headers here, or put that location first",
  "config.check.nested-not-proxied":
    "this location, nested in the proxied one of line {line}, has no proxy_pass of its own (it is not inherited): what it takes is looked up on disk under root, not asked of the application; repeat the proxy_pass here",
  "config.check.wildcard-list-credentials":
    "{name} '*' beside Access-Control-Allow-Credentials (line {line}): with credentials the browser reads '*' as a name, not as every one, so a credentialed request's method or headers are refused at its preflight; list them",
  "config.check.header-misspelled":
    "{name} is not a header any browser reads: it looks like {meant} misspelled, so the answer goes out without it",
  "config.check.origin-list":
    "Access-Control-Allow-Origin holds several origins: it takes exactly one (or *); answer with the request's origin when it is in the list",
  "config.check.null": "the origin null is allowed: sandboxed iframes and file: pages of any site send it",
  "config.nginx.check.map-regex":
    "map key {key} is written like a regular expression but compared as it is: a key is a regex only after ~ (or ~* for any case), so no Origin equals it",
  "config.nginx.check.if-replaces":
    "where this if and the one of line {line} both match, nginx serves the request with this one's configuration alone (the last matching if): the CORS add_header lines of line {line} are not sent — add them here too, or set them with a map outside the ifs",
  "config.nginx.check.preflight-static":
    "this location serves files from disk and sends preflight headers, but nothing here answers OPTIONS: nginx's static module answers it 405, and the browser refuses the preflight of every request with a custom header (a tracing header, Authorization); answer it here: {example}",
  "config.nginx.check.preflight-upstream":
    "the preflight (OPTIONS) goes on to the application behind {directive}: nothing here answers it, so its status is the application's (often 404, 405 or 401) and a status outside 200–299 fails the preflight; answer it here, before {directive}: {example} with the CORS add_header lines",
  "config.check.preflight-only":
    "Access-Control-Allow-Origin is set in the OPTIONS block only: the request after the preflight gets none and is blocked",
  "config.check.preflight-refused":
    "{directive} refuses the preflight (OPTIONS carries no credentials) before any CORS answer: answer OPTIONS first",
  "config.check.regex-dot":
    "origin regex {regex}: an unescaped dot matches any character (example.com also matches exampleXcom): write \\.",
  "config.check.regex-quoted":
    "origin regex {regex} is written with its quotes (and a Python r prefix) inside the value: they are part of the pattern, and no Origin header starts with a quote, so it matches nothing — remove the quotes and the prefix from the value",
  "config.check.regex-no-scheme":
    "origin regex {regex} leaves out the scheme: an Origin header is always scheme://host[:port] (https://app.example.com), so no page's origin matches it — start it with ^https?://",
  "config.check.regex-anchor":
    "origin regex {regex} is not anchored with ^ and $: it also matches origins that merely contain an allowed one",

  "config.fix.always": "add always: the {status} response lost {name}",
  "config.fix.copy":
    "the add_header on line {line} drops the inherited CORS headers (line {from}): they are repeated here",
  "config.fix.vary": "Vary: Origin, since Allow-Origin now depends on the request's Origin",
  "config.fix.map-wildcard":
    "a map that keeps * for every origin and answers {origins} with its own origin (credentials need it; line {line})",
  "config.fix.map-list":
    "a map of the allowed origins ({origins}; line {line}): Allow-Origin takes one value",
  "config.fix.use-map": "Allow-Origin from {variable}",
  "config.fix.map-entry": "{origins} added to the map on line {line}",
  "config.fix.origin-regex": "the origin test on line {line} also accepts {origins}",
  "config.fix.fresh": "Allow-Origin for {origins} where the request lands (no CORS header was set there)",
  "config.fix.fresh-expose":
    "Allow-Origin for {origins} where the request lands (no CORS header was set there), exposing {expose}, which the application's answers carry and a script on another origin can read only when exposed",
  "config.fix.credentials": "Access-Control-Allow-Credentials: true, as credentialed requests need",
  "config.nginx.check.options-after-rewrite":
    "this rewrite's {flag} ends the rewrite module's directives in the location, so the OPTIONS `if` of line {line} never runs: the preflight goes on to what follows (the application's answer); put that `if` above this rewrite",
  "config.nginx.fix.options-before-rewrite":
    "the OPTIONS answer of line {at} written again above the rewrite of line {line}: that rewrite's break (or last) ends the rewrite module's directives in this location, so the `if` of line {at} never runs and the preflight went on to the application (the one of line {at} can go)",
  "config.fix.preflight": "the preflight is answered here with 204 (it got {status})",
  "config.fix.limit-except": "OPTIONS added to limit_except: the preflight got {status} from it",
  "config.fix.methods": "{names} added to Access-Control-Allow-Methods (line {line})",
  "config.fix.headers": "{names} added to Access-Control-Allow-Headers (line {line})",
  "config.fix.methods-new": "Access-Control-Allow-Methods added, with {names} and the methods allowed before",
  "config.fix.headers-new": "Access-Control-Allow-Headers added, with {names}",
  "config.fix.duplicate":
    "the second Access-Control-Allow-Origin (line {line}; the first is on line {first}) removed",
  "config.fix.hide": "the application's own {names} hidden: nginx adds them already",

  "config.cannot.upstream-sets":
    "Allow-Origin for {path} comes from the application behind nginx (proxy_pass), not from this file: change it there",
  "config.cannot.patch-unparsed":
    "the edit CORS Lens made to {file} for this request does not parse ({detail}): a CORS Lens bug, not your file; the edit is left out",
  "config.cannot.cause": "CORS Lens has no edit for {code} in this configuration",
  "config.cannot.list-value": "{name} on line {line} is set from a variable: extend what sets it by hand",
  "config.cannot.map-source": "the map on line {line} does not read $http_origin: extend it by hand",
  "config.cannot.no-level": "no add_header answers this request",
  "config.cannot.no-server": "no server block to put the map before",
  "config.cannot.origin-if": "the origin test on line {line} cannot be extended safely",
  "config.cannot.origin-value": "Allow-Origin on line {line} is {value}: CORS Lens cannot tell what sets it",

  "config.unknown.variable": "the value of {name} is not known from the configuration",
  "config.unknown.map-include": "the map includes a file (line {line})",
  "config.unknown.regex": "the regex {regex} (line {line}) is not one CORS Lens can evaluate",
  "config.unknown.condition": "the if condition on line {line} is not one CORS Lens can evaluate",
  "config.unknown.file-test": "the if on line {line} tests the file system ({test})",
  "config.unknown.address-rule": "allow/deny by address (line {line}) depends on the client's address",
  "config.unknown.auth-request":
    "auth_request (line {line}) asks another service, whose answer was not recorded",
  "config.unknown.upstream-options":
    "the preflight to {path} goes to the application behind nginx, whose answer was not recorded",
  "config.unknown.error-page": "error_page (line {line}) replaces the {status} response",
  "config.unknown.no-server": "no server block serves this URL",
  "config.unknown.url": "{url} is not a URL",
  "config.unknown.headers-more":
    "more_set_headers (line {line}) comes from the headers-more module, which CORS Lens does not model",
  "config.unknown.rewrite-loop": "the rewrites loop",
  "config.assumed.upstream-200":
    "the application behind nginx answers {method} {path} with 200 (not recorded)",
  "config.assumed.try-files": "no file matches {path}: try_files hands it to {name}",
  "config.assumed.static-200": "the file for {path} exists (served with 200)",
} as const;
