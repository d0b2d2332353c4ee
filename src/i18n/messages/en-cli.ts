/** The command line's words (English). Option names, values and commands stay as typed. */
export const enCli = {
  "cli.usage": `Usage: cors-lens analyze FILE.har... [options]   (- reads stdin)
       cors-lens probe URL --origin ORIGIN [options]   (cors-lens probe --help)
       cors-lens check --config FILE...               CORS lint of a server configuration (docs/config.md)
       cors-lens fix --config FILE... --har H [--write | --format json]
                                                      the minimal patch to that configuration

Options:
  --format text|json|sarif|junit|github
                            the summary (default), the report document (docs/report-format.md),
                            SARIF 2.1.0 (code scanning), JUnit XML (one test case per request), or
                            GitHub Actions annotations
  --json                    the same as --format json
  -o, --output FILE         write there instead of to stdout
  --browser chromium|firefox  whose rules and names to apply (default: the browser that recorded the HAR)
  --stack NAME              show fixes for this server stack (default: the one detected from the
                            responses, else plain headers); with --format json, only this stack's
                            fixes are kept: {stacks}
  --no-fixes                leave the fixes out (a much smaller --format json)
  --quiet                   blocked requests only: no warnings, no notes
  --fail-on blocked|warning exit 1 on blocked requests (default) or also on warnings; a
                            request that failed without its cause in the HAR counts as blocked
  --allow-unknown           do not fail on requests that failed without a recorded cause
  --max-warnings N          exit 1 when more than N requests have warnings
  --include-secrets         keep Cookie, Authorization and similar values in --json output
  --color, --no-color       force colours on or off (default: on a terminal; NO_COLOR, FORCE_COLOR)
  --lang en|ko              the language of the words (default: LC_ALL, LC_MESSAGES or LANG)
  -h, --help                this help
  -v, --version             the version`,
  "cli.probe-usage": `Usage: cors-lens probe URL --origin ORIGIN [options]

Sends what a browser on a page at ORIGIN would send to URL (the preflight when one is needed, then
the request), and explains the answer as Chromium and Firefox would decide it.

Options:
  --origin ORIGIN           the page's origin (required), e.g. https://app.example.com
  --method M                the request method (default GET; case is kept: patch is not PATCH)
  --header NAME[:VALUE]     a header the page's script sets (repeatable); VALUE defaults to "x"
  --credentials             the request is made with credentials (fetch credentials: "include")
  --browser chromium|firefox|both   whose rules to apply (default both)
  --expect allowed|blocked  exit 0 when every chosen browser decides so, else 1
  --format text|json|sarif|junit  the summary, the report document (one exchange), SARIF or JUnit XML
  --stack NAME              the fix for this server stack (default: the one detected)
  --timeout SECONDS         for the whole probe: preflight, request, redirects (default 10)
  --include-secrets         keep header values such as Authorization in --format json
  --lang en|ko              the language of the words (default: LC_ALL, LC_MESSAGES or LANG)
  --security                instead: the origin checks CORS scanners make (arbitrary origin reflected,
                            null, look-alikes of ORIGIN, unescaped-dot regexes, http: trusted by https,
                            * with credentials); exit 1 when any is found. Only against your own API.`,

  "cli.error.unknown-command":
    'unknown command "{command}" (try: cors-lens analyze FILE.har, or cors-lens probe URL --origin ORIGIN)',
  "cli.error.missing-command": "missing command (try: cors-lens analyze FILE.har)",
  "cli.error.unknown-option": "unknown option {option}",
  "cli.error.format": '--format must be {formats}, not "{format}"',
  "cli.error.browser": '--browser must be chromium or firefox, not "{browser}"',
  "cli.error.stack": 'unknown stack "{stack}" (one of: {stacks})',
  "cli.error.fail-on": '--fail-on must be blocked or warning, not "{value}"',
  "cli.error.max-warnings": "--max-warnings must be a whole number of at least 0",
  "cli.error.missing-file": "missing HAR file (cors-lens analyze FILE.har)",
  "cli.error.lang": '--lang must be en or ko, not "{lang}"',
  "cli.error.directory": "{file} is a directory",
  "cli.error.no-such-file": "no such file: {file}",
  "cli.error.cannot-read": "cannot read {file} ({code})",
  "cli.error.could-not-analyze": "could not analyze ({error})",
  "cli.error.cannot-write": "cannot write {file} ({code})",
  "cli.note.no-cors": "no cross-origin request in this HAR: nothing to check (recorded on the right page?).",
  "cli.totals":
    "{count, plural, one {# file} other {# files}}, {requests} requests: {blocked} blocked, {warned} with warnings",

  "report.error.version":
    "a CORS Lens report of version {version}, which this version cannot read (it reads versions 1 and 2)",
  "report.error.fix-id": "a CORS Lens report that refers to fix {id}, which its fixes table does not have",
  "report.error.shape": "a CORS Lens report whose exchanges are not in the report format",
  "report.error.exchange":
    "a CORS Lens report whose exchange {index} is not in the report format (its request, hops or headers)",
  "report.note.reopened":
    "a report written by CORS Lens {version}: its requests are diagnosed again by this version, in this language.",

  "har.no-log": 'not a HAR file: no "log" object',
  "har.no-entries": 'not a HAR file: "log.entries" is not a list',
  "har.empty": "empty file",
  "har.truncated": "truncated JSON ({message})",
  "har.not-json": "not JSON ({message})",
  "har.note.bad-redirect":
    "entry {entry} ({method} {url}) redirects to {location}, which is not a URL: its redirect chain ends there",
  "har.note.repeated-redirect":
    "{count, plural, one {# redirected request} other {# redirected requests}}: chrome-har repeated the redirect's response headers on the next response, so those responses are treated as unrecorded.",
  "har.note.no-preflights":
    "this HAR has no preflight (OPTIONS) entries: verdicts rest on the actual requests' headers alone.",
  "har.note.skipped": "{count} HAR entries were not usable requests and were skipped.",
  "har.note.chrome-har":
    "chrome-har (Puppeteer's usual HAR writer) leaves out every request that failed, those the browser blocked included: only their preflights can show here. Record with Chrome DevTools' \"Save all as HAR\" to keep them.",
  "har.note.playwright-bare":
    '{count, plural, one {# failed request has} other {# failed requests have}} no response headers in this HAR (Playwright\'s recordHar drops them): their verdict is "unknown". Record with cors-lens/playwright (lens.har()) or Chrome DevTools\' "Save all as HAR" to keep them.',

  "cli.summary.source-probe": "probe of {url} from {origin}",
  "cli.summary.source-playwright": "{url} in {browser}",
  "cli.summary.source-tab": "tab {tabId}",
  "cli.summary.counts":
    "{total} cross-origin requests: {blocked}, {allowed} allowed or not CORS, {unknown} unknown; {warned}",
  "cli.summary.blocked": "{count} blocked",
  "cli.summary.warned": "{count} with warnings",
  "cli.summary.note": "note: {note}",
  "cli.summary.net-error": "(net error)",
  "cli.summary.more": "… and {count} more",
  "cli.summary.detected": "{certain, select, yes {Detected} other {Probably}}: {stack}, from {basis}",
  "cli.summary.fix": "Fix ({title}):",
  "cli.summary.where": "Where: {where}",
  "cli.summary.verified": "Verified on a real server: {servers}.",
  "cli.summary.not-verified": "Not verified on a real server by CORS Lens's tests.",
  "cli.summary.warnings": "Warnings",
  "cli.summary.unknown-reason": "not enough evidence",
  "cli.summary.nothing": "✔ Nothing blocked by CORS.",

  "playwright.limitation":
    'In {browser}, Playwright shows no preflight requests and no CORS error: a request blocked at its preflight reads as a failed request without evidence, and the verdict is "unknown" where only the preflight could tell.',
  "playwright.failed":
    "CORS Lens: {count, plural, one {# cross-origin request} other {# cross-origin requests}} failed (blocked by CORS policy, or failed without a recorded cause)",
  "playwright.not-recorded":
    "{request}: failed, cause not recorded ({error}; Chromium's CORS error: {chromium})",
  "playwright.not-recorded.how":
    "The browser showed CORS Lens no response headers for it (a response from page.route, a service worker's own request, or any request outside Chromium), so it cannot name the check that failed; it counts as a failure all the same. For the cause, run the page in Chromium without the route, or open it with DevTools and export the HAR for cors-lens analyze.",
  "playwright.still-open":
    "CORS Lens: {count, plural, one {# cross-origin request was} other {# cross-origin requests were}} still open after {timeout} ms (not known to have succeeded):",
  "ci.blocked": "{request} was blocked: {title}.",
  "probe.verdict.blocked": "blocked: {title} ({name})",
  "probe.verdict.no-name": "no CORS name",
  "probe.failing-row": "{label}: required {required}, sent {sent}",
  "probe.none": "(none)",
  "probe.preflight-answered": "preflight: OPTIONS answered {status}",
  "probe.hop-answered": "{method} {url} answered {status}",
  "probe.could-not": "could not probe ({error})",
  "probe.error.header-name": 'not a header name: "{name}"',
  "probe.error.missing-url": "missing URL (cors-lens probe URL --origin ORIGIN)",
  "probe.error.one-url": 'one URL at a time (got "{url}" and "{more}")',
  "probe.error.not-http": 'not an http(s) URL: "{url}"',
  "probe.error.origin-required": "--origin is required: the page's origin, e.g. https://app.example.com",
  "probe.error.origin":
    '--origin must be an origin such as https://app.example.com (no path), not "{origin}"',
  "probe.error.browser": '--browser must be chromium, firefox or both, not "{browser}"',
  "probe.error.expect": '--expect must be allowed or blocked, not "{expect}"',
  "probe.error.format": '--format must be text, json, sarif or junit, not "{format}"',
  "probe.error.timeout": "--timeout must be a number of seconds",
  "probe.error.method": 'not a method: "{method}"',
  "probe.net.timeout": "{host}: no complete answer within {seconds} s",
  "probe.net.redirects": "{host}: more than {max} redirects (a browser gives up there too)",
  "probe.net.head-too-large":
    "{host}: the answer's headers are larger than {kilobytes} KiB (Chromium's limit too)",
  "probe.net.body-too-large": "{host}: the answer's body is longer than {megabytes} MiB; not read further",
  "probe.net.dns": "{host}: the name does not resolve (DNS)",
  "probe.net.refused": "{host}: connection refused",
  "probe.net.reset": "{host}: the connection was reset",
  "probe.net.tls": "{host}: TLS error ({code})",
  "probe.net.not-url": "not a URL: {url}",
  "probe.net.scheme": "only http and https URLs can be probed, not {scheme}",

  "security.title": "CORS Lens security probe — {url} (page origin {origin})",
  "security.fix": "Fix: {fix}",
  "security.none": "✔ No origin beyond the page's own was trusted.",
  "security.wildcard.message":
    'The API answers `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: browsers refuse that pair for credentialed requests, and it shows an intent to allow every origin with cookies — a server that later "fixes" it by reflecting the Origin opens the API to every site.',
  "security.wildcard.fix":
    "Answer the exact origin ({origin}) from an allowlist, with credentials only for it.",
  "security.allowed.message":
    "The API allowed `Origin: {probe}`{credentials, select, yes { with credentials: any page there can read this API as the logged-in user} other {: any page there can read its public responses}}. Likely {check, select, arbitrary-origin {it reflects any Origin} null-origin {it trusts `Origin: null` (sandboxed iframes and data: pages send it)} suffix-look-alike {it checks that the Origin starts with the allowed one} prefix-look-alike {it checks that the Origin ends with the allowed host} subdomain {it trusts every subdomain (one XSS on any of them reads this API)} unescaped-dot {it matches the Origin with a regular expression whose dots are not escaped} http-origin {it trusts the http: origin of an https site (anyone on the network can inject into it)} other {it trusts an origin it should not}}.",
  "security.allowed.fix":
    'Compare the whole Origin string with an allowlist of exact origins ({origin}); never a prefix, suffix or unanchored regular expression, never "null".',
} as const;
