/** `cors-lens check|fix --config` on Apache httpd files (English). Directive names stay as written. */
export const enConfigApache = {
  "config.apache.check.rewrite-redirects-preflight":
    "this RewriteRule redirects every method, the preflight (OPTIONS) too: a preflight that gets a redirect fails, so every call to these URLs that needs one (a custom header, a JSON body, PUT, DELETE) is refused; put {cond} above it, or have the page call the final URL",
  "config.apache.check.env-http":
    "no line sets {name}, and httpd makes HTTP_* variables only for CGI scripts, not for a request it proxies or a file it serves: this Allow-Origin is never sent; set {name} with SetEnvIf Origin for the allowed origins ({read} would send any origin back)",
  "config.apache.check.env-not-whole":
    "{name} is set to {value} and sent as Access-Control-Allow-Origin: only $0 is the whole Origin ($1… are its groups, appended to it here), so the value sent equals no page — write {name}=$0",
  "config.apache.check.no-always":
    "Header without always: responses httpd makes itself (401, 403, redirects, a rewrite's R= status, error pages) send only the always table, so they lack {name} and the page sees a CORS error instead of the status",
  "config.apache.check.preflight-upstream":
    "the preflight (OPTIONS) goes on to the application behind ProxyPass: nothing here answers it (a RewriteRule with R=204 for OPTIONS in the virtual host would)",
  "config.apache.check.rewrite-after-auth":
    "this OPTIONS rewrite is in a per-directory context, which runs after authorization: Require (line {line}) refuses the preflight first; put it in the virtual host",
  "config.apache.check.two-tables":
    "{name} is set in both Header tables (onsuccess here, always on line {line}): a successful response carries both lines",
  "config.apache.check.htaccess-ignored":
    "httpd does not read this .htaccess's Header lines: AllowOverride {value} ({file}:{line}) allows neither FileInfo nor All",
  "config.apache.check.rewrite-variable":
    "mod_rewrite has no variable {name}: it is always empty, so this condition never sees the header; write {header}",
  "config.apache.fix.origin-header":
    "Allow-Origin on line {line} was built from the request's {header} header, never a page of another origin: {origins} reflected instead, from a SetEnvIf Origin line ({name})",
  "config.apache.fix.setter":
    "SetEnvIf Origin sets {name} for {origins}, above line {line}: no line set it, and httpd makes HTTP_* variables only for CGI scripts, not for a request it proxies — so the Header line's env={name} never held",
  "config.apache.fix.always":
    "always added: the {status} response httpd makes itself lost {name} (line {line})",
  "config.apache.fix.preflight":
    "the preflight is answered by httpd with 204 before authorization and the application (it got {status})",
  "config.apache.fix.reflect":
    "Allow-Origin answers with the request's origin when it is one of {origins} (SetEnvIf Origin, variable {name})",
  "config.apache.fix.keep-wildcard":
    "* kept for every origin; {origins} get their own origin (credentials need it), through the variable {name}",
  "config.apache.fix.assign-origin":
    "{name} is set to the origin itself ($0) on line {line}: {was} sent an altered origin, which no browser accepts",
  "config.apache.fix.one-origin":
    "one Allow-Origin line (line {line}) answers each of {origins} with itself (SetEnvIf Origin, variable {name}): a browser accepts one origin, never a list",
  "config.apache.fix.allow-fileinfo":
    "AllowOverride {value} on line {line} kept httpd from reading the Header lines of {file}: FileInfo (mod_headers' class) allowed, so it reads them — and the .htaccess's other FileInfo directives (mod_rewrite, AddType…) take effect too",
  "config.apache.fix.files-match":
    "the <FilesMatch> pattern on line {line} also matches {name}, so it gets the CORS headers too",
  "config.apache.fix.regex": "the origin regex on line {line} also accepts {origins}",
  "config.apache.fix.copy":
    "the CORS Header lines of line {line} repeated where {path} is answered (it is outside their section)",
  "config.apache.fix.hide":
    "the application's own {names} dropped (Header unset acts on its table): httpd sets them already",
  "config.apache.cannot.condition":
    "Allow-Origin on line {line} has a condition CORS Lens cannot extend: change it by hand",
  "config.apache.cannot.upstream-sets":
    "Allow-Origin for {path} comes from the application behind ProxyPass, not from this file: change it there",
  "config.apache.unknown.expr": "the expression {expr} (line {line}) is not one CORS Lens can evaluate",
  "config.apache.unknown.rewrite-cond":
    "the RewriteCond on line {line} tests something CORS Lens cannot know (the file system, the client)",
  "config.apache.unknown.require": "the Require block on line {line} is not one CORS Lens evaluates",
  "config.apache.unknown.env": "the variable {name} (line {line}) is set by a rule CORS Lens cannot evaluate",
  "config.apache.unknown.upstream-options":
    "the preflight to {path} goes to the application behind httpd, whose answer was not recorded",
  "config.apache.unknown.file-method":
    "{method} {path} is served from the file system, whose answer was not recorded",
  "config.apache.assumed.rewrite":
    "the file-system test of the RewriteCond on line {line} sends the request on to the application",
  "config.apache.assumed.auth": "the credentials the request carries pass Require (line {line})",
  "config.apache.assumed.upstream-200":
    "the application behind httpd answers {method} {path} with 200 (not recorded)",
} as const;
