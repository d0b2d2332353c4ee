/** `cors-lens check|fix --config` on a Caddyfile (English). Directive names stay as written. */
export const enConfigCaddy = {
  "config.caddy.note.env-default":
    "line {line}: {name} read with its default {value} (Caddy reads the real environment when it starts)",
  "config.caddy.check.proxy-subdirective":
    "{name} is a reverse_proxy subdirective: inside header it names a header field called {name}, so this CORS header is never sent; write it as a field of header, or move it into reverse_proxy",
  "config.caddy.check.exact-path":
    "the path matcher {path} matches that path exactly in Caddy 2 (Caddy 1 matched a prefix): the API's other paths get none of these CORS headers; write {path}* or drop the matcher",
  "config.caddy.check.handle-without-cors":
    "this handle block sets no Access-Control-Allow-Origin, while another one does (line {line}): handle blocks are mutually exclusive, so the requests it takes get none",
  "config.caddy.check.header-after-response":
    "this header comes after {directive} (line {line}) in a route block, whose directives run in the order written: the response is sent before it runs",
  "config.caddy.check.preflight-shadowed":
    "this respond for OPTIONS never runs for the paths of the handle block on line {line}: Caddy runs handle before respond, and that block proxies the preflight to the app",
  "config.caddy.check.preflight-upstream":
    "CORS headers are set here but no respond answers OPTIONS: the preflight goes on to the application, which must answer it with 2xx (most answer 404 or 405)",

  "config.caddy.fix.preflight":
    "the preflight is answered here with 204 (it got {status}), after the header lines",
  "config.caddy.fix.moved":
    "the header on line {line} never ran (a route runs in the order written): it now comes before line {before}",
  "config.caddy.fix.unmatch":
    "the matcher {matcher} taken off the CORS header on line {line}: {path} needs it too",
  "config.caddy.fix.defer-set":
    "the deletion of line {deleted} goes, and line {line} sets Access-Control-Allow-Origin when the response is written (defer): Caddy runs a header deletion only then, after everything added before it, so it took this file's Allow-Origin along with the application's; the deferred set replaces the application's value instead",
  "config.caddy.check.delete-own":
    "Caddy runs a header deletion only when the response is written, after everything added before it: this line removes the Access-Control-Allow-Origin of line {line} too, not just the application's — set that one with defer instead and drop this line",
  "config.caddy.fix.copy":
    "the CORS header lines of line {line} repeated in the block that answered without them",
  "config.caddy.fix.reflect":
    "Allow-Origin answers with the request's origin, which the matcher has checked (line {line})",
  "config.caddy.fix.wildcard":
    "* kept for every other origin; {origins} get their own origin from a deferred header (credentials need it; line {line})",
  "config.caddy.fix.origin-header":
    "Allow-Origin on line {line} was {value}, a request header that is never an origin: {origins} reflected instead, under a matcher of the line's own conditions and those origins",
  "config.caddy.fix.origin-list":
    "a matcher of the allowed origins ({origins}; line {line}): Allow-Origin takes one value, the request's own",
  "config.caddy.fix.matcher": "{origins} added to the matcher {name} (line {line})",
  "config.caddy.fix.hide": "the application's own {names} dropped with header_down: Caddy sets them already",
  "config.caddy.fix.auth":
    "{line}: basicauth runs before respond and refused the preflight ({status}): it now skips OPTIONS, which carries no credentials",

  "config.caddy.cannot.matcher": "Allow-Origin on line {line} depends on a matcher CORS Lens cannot extend",
  "config.caddy.cannot.header-down": "Allow-Origin on line {line} is set with header_down: change it by hand",
  "config.caddy.cannot.deferred-error":
    "Allow-Origin on line {line} is deferred, and Caddy writes the error {status} without deferred headers",
  "config.caddy.cannot.upstream-sets":
    "the header for {path} comes from the application behind reverse_proxy, not from this file: change it there",
  "config.caddy.cannot.auth-matcher":
    "basicauth on line {line} has a named matcher: let OPTIONS through it by hand",

  "config.caddy.unknown.env":
    "the environment value {name} has no default: its value is not known from the Caddyfile",
  "config.caddy.unknown.placeholder": "the placeholder {name} is not known from the Caddyfile",
  "config.caddy.unknown.matcher": "the {type} matcher (line {line}) is not one CORS Lens can evaluate",
  "config.caddy.unknown.no-matcher": "the matcher {name} (line {line}) is not defined in the files given",
  "config.caddy.unknown.rewrite": "the rewrite on line {line} depends on a placeholder",
  "config.caddy.unknown.handle-response":
    "reverse_proxy on line {line} handles responses itself (handle_response)",
  "config.caddy.unknown.upstream-options":
    "the preflight to {path} goes to the application behind reverse_proxy, whose answer was not recorded",
  "config.caddy.unknown.file-method":
    "file_server's answer to {method} {path} differs across Caddy versions (200 or 405) and was not recorded",
  "config.caddy.unknown.abort": "abort (line {line}) closes the connection",
  "config.caddy.unknown.directive": "the directive {name} (line {line}) is not one CORS Lens models",
  "config.caddy.unknown.no-site": "no site block serves this URL",
  "config.caddy.unknown.handle-errors": "handle_errors replaces the {status} response",
  "config.caddy.assumed.upstream-200":
    "the application behind reverse_proxy answers {method} {path} with 200 (not recorded)",
} as const;
