/** `cors-lens check|fix --config` on Python apps (English): Django settings with django-cors-headers, FastAPI/Starlette, Flask with flask-cors, aiohttp with aiohttp-cors. Names stay as written. */
export const enConfigPython = {
  "config.python.error.not-loaded":
    "the {language} grammar is not loaded: call prepareConfig (await it) before reading the file",
  "panel.config.grammar":
    "the grammar could not be loaded in this panel ({error}): run `npx cors-lens fix --config <file>` instead",
  "config.django.error.mixed":
    "{file}: a Django settings file is read on its own; pass the settings module without other kinds of files",
  "config.django.check.drops-default":
    "{name} replaces django-cors-headers' defaults and leaves out {values}: the requests that need it are refused at their preflight; keep the defaults and add to them ((*default_headers, …), (*default_methods, …))",
  "config.django.check.setting-string":
    "{name} is the string {value}, not a list or tuple (a tuple of one needs its comma: ({value},)): django-cors-headers goes through it character by character, so {value} itself is not in it",
  "config.django.check.env-list":
    '{name} is read from the environment variable {env} without splitting it: when {env} is set, it is one string, not a list of origins (django-cors-headers refuses it); when it is not, it is {default}, which allows nothing. Split it: os.environ["{env}"].split(",") with a default',
  "config.django.mw.fix.origin-form":
    "{value} (line {line}) is sent as Access-Control-Allow-Origin, but an origin has no path or trailing slash: it matched no page; written {origin}",
  "config.django.mw.check.origin-path":
    "{value} is sent as Access-Control-Allow-Origin, but it has a path or a trailing slash: no page's Origin has one, so it matches none; write {origin}",
  "config.django.unknown.value":
    "{name} (line {line}) is computed by code CORS Lens does not evaluate: {text}",
  "config.django.unknown.middleware":
    "{name} (line {line}) runs before CorsMiddleware: CORS Lens cannot tell whether it answers first",
  "config.django.unknown.upstream-options":
    "the preflight to {path} reaches the view (CorsMiddleware does not answer it), whose answer was not recorded",
  "config.django.assumed.routed": "the URLconf routes {path} as written (APPEND_SLASH does not redirect it)",
  "config.django.assumed.view-200": "the view answers {method} {path} with 200 (not recorded)",
  "config.django.assumed.env-default-value":
    "{name} (line {line}) is read as its default, {value}: what {helper}() returns while the environment variable {env} is not set; where {env} is set, it decides",
  "config.django.assumed.origin-recorded":
    "{name} (line {line}) is computed by code CORS Lens does not evaluate: its verdict on {origin} is the one the record shows",
  "config.django.assumed.env-default":
    "{name} (line {line}) is read as {helper}()'s default, what it returns while the environment variable {env} is not set; where {env} is set, the origins are what it says",
  "config.django.fix.tuple":
    "{name} (line {line}) was the string {value}, not a tuple — written without the comma, so django-cors-headers sent its characters one by one: now a tuple, with the headers the page sends",
  "config.django.fix.origins": "{values} added to {name}",
  "config.django.fix.list": "{values} added to {name}",
  "config.django.fix.credentials": "CORS_ALLOW_CREDENTIALS = True: the page sends credentials",
  "config.django.fix.credentials-default":
    "the default of {env} in {name} (line {line}) is now {value}, which {helper}() reads as True: the page sends credentials; where {env} is set, it still decides",
  "config.django.fix.move":
    "CorsMiddleware (line {line}) moved to the top of MIDDLEWARE, above {above}: a middleware above it answered without the CORS headers",
  "config.django.fix.add-middleware":
    "CorsMiddleware added at the top of MIDDLEWARE: without it no CORS_* setting acts",
  "config.django.fix.app": "corsheaders added to INSTALLED_APPS (its system checks run)",
  "config.django.fix.urls": "CORS_URLS_REGEX (line {line}) also matches {path}",
  "config.django.cannot.middleware":
    "MIDDLEWARE (line {line}) is not a list written in this file: put corsheaders.middleware.CorsMiddleware first by hand",
  "config.django.cannot.urls-regex":
    "CORS_URLS_REGEX (line {line}) is not a string written in this file: extend it by hand",
  "config.django.cannot.app-sets":
    "the Access-Control-Allow-Origin for {path} comes from the view, not from django-cors-headers: change it there",
  "config.django.cannot.all-credentials":
    "CORS_ALLOW_ALL_ORIGINS (line {line}) answers * and the page sends credentials: CORS_ALLOW_CREDENTIALS = True would let every site read the user's data; list the origins in CORS_ALLOWED_ORIGINS instead",
  "config.django.check.middleware-classes":
    "corsheaders.middleware.CorsMiddleware is listed in MIDDLEWARE_CLASSES, which Django reads only while MIDDLEWARE is not set, and not at all since Django 2.0: it never runs and no CORS header is sent; put it in MIDDLEWARE, above CommonMiddleware",
  "config.django.check.no-middleware":
    "CORS_* settings are set but corsheaders.middleware.CorsMiddleware is not in MIDDLEWARE: no CORS header is sent",
  "config.django.check.order":
    "CorsMiddleware comes after {name} (line {line}), which can answer first (a redirect, a static file) without the CORS headers: put CorsMiddleware at the top of MIDDLEWARE",
  "config.django.check.order-unknown":
    "CorsMiddleware comes after {name} (line {line}): a response that middleware makes itself (401, 403, a redirect) has no CORS headers; put CorsMiddleware above it",
  "config.django.check.no-app":
    "corsheaders is not in INSTALLED_APPS: its system checks (malformed origins) do not run",
  "config.django.check.any-credentials":
    "CORS_ALLOW_ALL_ORIGINS with CORS_ALLOW_CREDENTIALS (line {line}): every origin is reflected with credentials, so any site can read the user's data",
  "config.django.check.null":
    "null is allowed: sandboxed iframes and file: pages of any site send Origin: null",
  "config.django.check.scheme":
    "{origin} has no scheme: corsheaders refuses it at startup (corsheaders.E013); write https://…",
  "config.django.check.path":
    "{origin} has a path: corsheaders refuses it at startup (corsheaders.E014); an origin is scheme://host[:port]",
  "config.django.check.regex-dot":
    "{regex}: an unescaped . matches any character, so look-alike hosts match too; write \\.",
  "config.django.check.regex-anchor":
    "{regex} has no $ at the end: re.match anchors only the start, so https://allowed.example.evil.test matches",
  "config.django.check.annotation":
    "{name}: {value} is an annotation, not an assignment: Python never sets {name}, so django-cors-headers keeps its default; write {name} = {value}",
  "config.starlette.unknown.value":
    "{name} (line {line}) is computed by code CORS Lens does not evaluate: {text}",
  "config.flask.fix.aborts":
    "the view {view} (line {line}) ends some requests with abort() or an HTTPException, which passes @cross_origin by: that answer had no CORS headers. CORS(app) for {rule} with the decorator's options adds them to every answer, errors included (its after_request runs for those too)",
  "config.flask.fix.aborts-under":
    "{name} (line {line}), under @cross_origin on the view {view}, ends some requests with abort() or an HTTPException (a login check's 401), which passes @cross_origin by: that answer had no CORS headers. CORS(app) for {rule} with the decorator's options adds them to every answer, errors included (its after_request runs for those too)",
  "config.flask.fix.drop-options":
    '"OPTIONS" removed from the methods of the route of line {line}: the view {view} answered the preflight itself ({status}, which the browser refuses); without it Flask answers OPTIONS with its own 200 before the view and its decorators, and flask-cors adds its headers; the other methods still reach the view',
  "config.flask.cannot.view-options":
    "the route of line {line} lists OPTIONS, so the view {view} answers the preflight ({status}, which the browser refuses): CORS Lens removes OPTIONS only from a literal methods list that names other methods, on a path flask-cors covers, where the view's code does not handle OPTIONS itself — drop OPTIONS from methods, or make the view answer it with 200, by hand",
  "config.flask.cannot.aborts":
    "the view of line {line} aborts past its @cross_origin, and CORS Lens can only add CORS(app) for it where the app has no CORS(…) of its own and the decorator's options are keywords that read only names bound above the app: register an errorhandler that adds the headers, or CORS(app) by hand",
  "config.flask.check.outside-resources":
    "origins= (and the other options) apply to the resources listed in resources= only: {rule} (line {line}) is in none of them, so it gets no CORS headers — add its path to resources, or drop resources=",
  "config.flask.check.header-underscore":
    "allow_headers names {name}: browsers send header names with hyphens, so it allows none of them — write {fixed}",
  "config.flask.check.route-method":
    "the route of line {line} takes {method}, which these CORS methods ({methods}) refuse at its preflight",
  "config.flask.check.automatic-options-late":
    "{name}.provide_automatic_options is set inside {name}, when the view runs: Flask read it when the route was added, so it still answers OPTIONS itself, without this view's CORS headers; set it on the function before returning it",
  "config.flask.check.origin-form":
    '{origin} is not an origin: an Origin header is scheme://host[:port] (https://intranet.example.com), and a pattern needs to be a regex Python compiles (r".*\\.example\\.com$"): this entry matches no page',
  "config.flask.check.cross-abort":
    "@cross_origin adds no headers to what the view {view} (line {line}) answers with abort() or a raised exception (an HTTPException, or one an errorhandler answers): the exception passes the decorator by, and the browser hides that error from the page — CORS(app), whose after_request covers errors, does not",
  "config.flask.check.options-to-view":
    "this route lists OPTIONS, so Flask sends the preflight to the view {view}, under {name} (line {line}), instead of answering it itself: a preflight carries no credentials, so the check refuses it, or lets it through into code that needs the user (a 500) — either way the browser refuses the call; drop OPTIONS from methods and Flask answers it, flask-cors adding its headers",
  "config.flask.check.cross-abort-under":
    "@cross_origin adds no headers to what {name} (line {line}), written under it on the view {view}, answers with abort() or a raised exception (a login check's 401): the exception passes the decorator by, and the browser hides that error from the page — CORS(app), whose after_request covers errors, does not",
  "config.django.check.old-hidden":
    "{name} is set, so django-cors-headers never reads {old} (line {line}), whatever this one holds: keep one of them, with every origin",
  "config.django.check.under-condition":
    "{names} are set only when `{condition}` holds: where it does not (a deployed instance, DEBUG off), none of them is, and django-cors-headers allows no origin — set what the deployed front ends need outside the if",
  "config.starlette.fix.strip":
    'the origins split on line {line} keep the space after each comma (" https://…"), which no Origin header equals: each entry stripped',
  "config.starlette.fix.colon-split":
    'the origins are split on ":" on line {line} (os.pathsep on POSIX), which cuts each at its scheme ({pieces}): a value holding "://" is split on commas instead, each entry stripped (any other value is split as before)',
  "config.starlette.fix.beside":
    "{values} listed beside the value {name} reads (line {line}), which is made where it cannot be added to for this option alone: everything it allowed stays allowed",
  "config.starlette.check.colon-split":
    'the allowed origins are split on ":" (os.pathsep on POSIX), which cuts every origin at its scheme ({pieces}): none of them is ever an Origin — split the list on commas ({origins})',
  "config.starlette.check.origin-space":
    "the allowed origin {origin} keeps the space after a comma of the list it is split from: Starlette compares it with the Origin whole, so it never matches — strip each entry",
  "config.starlette.unknown.sub-app":
    "{path} is answered by {name}, mounted at {prefix} (line {line}), whose own middleware CORS Lens does not read as the served app's",
  "config.starlette.check.sub-app":
    "CORSMiddleware is added to {name}, mounted at {prefix} on line {line}: only requests under {prefix} get CORS headers; {app}'s own routes (line {route}) get none — add it to {app}",
  "config.starlette.unknown.middleware":
    "{name} (line {line}) runs before CORSMiddleware (added after it): CORS Lens cannot tell whether it answers first",
  "config.starlette.unknown.upstream-options":
    "the preflight to {path} reaches the app's routes (no CORSMiddleware answers it), whose answer was not recorded",
  "config.starlette.assumed.route-200": "the route answers {method} {path} with 200 (not recorded)",
  "config.starlette.fix.host":
    '{host} added to allowed_hosts (TrustedHostMiddleware, line {line}): it answered the page\'s calls to {host} with 400 "Invalid host header" and no CORS headers, before CORSMiddleware',
  "config.starlette.check.host-port":
    "allowed_hosts entry {value} has a port: TrustedHostMiddleware compares the Host header without its port, so this entry never matches and every request to it is answered 400 without CORS headers; write {host}",
  "config.aiohttp.fix.hand-list": "{values} added to {name} in the middleware of line {line}",
  "config.aiohttp.fix.hand-catch":
    "{name} (line {line}) sets the CORS headers on the response the handler returns, but an HTTPException the handler raises (its 404, or no route's) passes it without them: it now sets them on the exception too and raises it on",
  "config.aiohttp.fix.hand-preflight":
    "{name} (line {line}) sets the CORS headers on the handler's response, but no route takes OPTIONS, so the preflight's 404/405 was raised past it without them: it answers OPTIONS itself now (204, with those headers)",
  "config.aiohttp.check.hand-no-preflight":
    "{name} sets the CORS headers on the handler's response, but no route takes OPTIONS: a preflight's 404/405 is raised past this line and goes out without them; answer OPTIONS in {name}",
  "config.aiohttp.check.hand-raised":
    "the handler of line {line} raises {raised}: aiohttp sends that answer past {name}'s lines after this call, so it goes out without their CORS headers and the page cannot read it; wrap this call in try/except web.HTTPException, set the headers on the exception and re-raise it",
  "config.aiohttp.check.hand-methods":
    "this Access-Control-Allow-Methods leaves out {methods}, which the app's routes take: those calls are always preflighted and refused",
  "config.starlette.check.no-allow-origin":
    "this function sets {names} on the answer of the error handler (line {line}) but not Access-Control-Allow-Origin, which the browser checks first: without it the page cannot read that answer; set Access-Control-Allow-Origin too (the request's Origin when it is one of the app's, with Vary: Origin)",
  "config.starlette.check.handler-outside-cors":
    "a handler for Exception runs in ServerErrorMiddleware, outside CORSMiddleware: the errors it answers reach the page without CORS headers, which hides them; handle the app's own exception types instead, or answer errors inside CORSMiddleware",
  "config.starlette.check.handler-raises":
    "this exception handler raises: the new exception is not handled again and becomes ServerErrorMiddleware's 500, outside CORSMiddleware, without CORS headers; return a response instead",
  "config.starlette.fix.own-option":
    "{name} on line {line} read {wrote}, another option's list: {meant} put in its place",
  "config.starlette.fix.list": "{values} added to {name}",
  "config.starlette.fix.slash":
    "{value} written {origin}: Starlette compares the Origin header as a whole string, and an Origin never ends with a slash",
  "config.starlette.fix.credentials": "allow_credentials=True: the page sends credentials",
  "config.starlette.fix.move":
    "add_middleware(CORSMiddleware) (line {line}) moved after {name}: the last middleware added runs first, so CORS now answers before it",
  "config.starlette.fix.add": "CORSMiddleware added, after the app's other middlewares (so it runs first)",
  "config.starlette.fix.add-expose":
    "CORSMiddleware added, after the app's other middlewares (so it runs first), exposing {expose}, which the app's routes write on their answers and a script on another origin can read only when exposed",
  "config.flask.fix.add-expose":
    "CORS(app, origins=[…], expose_headers=[…]) added after the app is created, exposing {expose}, which the app's routes write on their answers and a script on another origin can read only when exposed",
  "config.starlette.fix.server-error":
    'an @app.middleware("http") added above add_middleware(CORSMiddleware) (line {line}) answers an unhandled exception\'s 500 itself: added before CORSMiddleware, it runs inside it, so the 500 carries CORS headers (Starlette makes that 500 in ServerErrorMiddleware, outside every middleware, and an @app.exception_handler(Exception) runs there too)',
  "config.starlette.fix.handler-inside":
    'an @app.middleware("http") added above add_middleware(CORSMiddleware) (line {line}) calls the handler for Exception (line {handler}) itself: added before CORSMiddleware, it runs inside it, so the handler\'s answers carry CORS headers (Starlette runs a handler for Exception in ServerErrorMiddleware, outside every middleware)',
  "config.starlette.cannot.server-error":
    "the 500 of an unhandled exception is made by Starlette's ServerErrorMiddleware, outside CORSMiddleware (line {line}), so it has no CORS headers; no edit of this file puts it inside: catch the exception in a middleware added before CORSMiddleware, or in the route",
  "config.starlette.check.error-outside-cors":
    "the route's raise {name} (line {line}) becomes a 500 made by ServerErrorMiddleware, outside this CORSMiddleware: it has no CORS headers, so the page sees a CORS error instead of the 500 (an @app.exception_handler(Exception) runs there too); catch it in a middleware added before CORSMiddleware",
  "config.starlette.check.error-to-handler":
    "the route's raise {name} (line {line}) is answered by this handler for Exception, which Starlette runs in ServerErrorMiddleware, outside CORSMiddleware (line {cors}): its answers (a 404 too) have no CORS headers, so the page sees a CORS error instead; register the handler for the exception's own class, or call it from a middleware added before CORSMiddleware",
  "config.starlette.check.route-method":
    "the app serves {method} (line {line}), but CORSMiddleware allows the methods {methods} only: it refuses the preflight of a cross-origin {method} (400); add {method} to allow_methods",
  "config.starlette.cannot.order":
    "CORSMiddleware (line {line}) is registered where CORS Lens cannot move it: register it last by hand",
  "config.starlette.cannot.no-app": "no FastAPI() or Starlette() app in this file to add CORSMiddleware to",
  "config.starlette.cannot.all-credentials":
    'allow_origins=["*"] and the page sends credentials: allow_credentials=True would let every site read the user\'s data; list the origins instead',
  "config.starlette.check.order-several":
    "CORSMiddleware is added before {names} (lines {lines}): the last added runs first, so each of them runs outside it — their own responses (401, 429, redirects) have no CORS headers and they refuse preflights; add CORSMiddleware last",
  "config.flask.check.no-cors":
    "{name} sets no CORS headers (no flask-cors, no Access-Control-* header): a page on another origin can read none of its answers, and Flask answers its preflights without them; add CORS({name}, origins=[…]) (`cors-lens fix --config` with the page's HAR adds it)",
  "config.aiohttp.check.no-cors":
    "{name} sets no CORS headers (no aiohttp-cors, no Access-Control-* header): a page on another origin can read none of its answers, and its preflights get 405; set aiohttp-cors up for its routes (`cors-lens fix --config` with the page's HAR writes it)",
  "config.aiohttp.check.no-cors-own-options":
    "{name} sets no CORS headers (no aiohttp-cors, no Access-Control-* header): a page on another origin can read none of its answers, and the route of line {line} answers OPTIONS on {path} with a handler of the app's own, so the preflights there get its answer without them; aiohttp-cors refuses that resource (cors.add raises ValueError: it already has a handler for OPTIONS): set the headers in a middleware of the app's own (`cors-lens fix --config` with the page's HAR writes it)",
  "config.starlette.check.no-cors":
    "{name} adds no CORSMiddleware and sets no Access-Control-* header: a page on another origin can read none of its answers, and its preflights get 405; add CORSMiddleware with the page's origins (`cors-lens fix --config` with the page's HAR adds it)",
  "config.starlette.check.order":
    "CORSMiddleware is added before {name} (line {line}): the last added runs first, so its own responses (401, redirects) have no CORS headers and it refuses preflights; add CORSMiddleware last",
  "config.starlette.check.any-credentials":
    'allow_origins=["*"] with allow_credentials=True: Starlette answers * to a request without a cookie, so the browser refuses a credentialed call made before any cookie is set (a login), and reflects any origin with credentials on preflights and on requests with a cookie, so any site can read the user\'s data; list the origins instead',
  "config.starlette.fix.any-origin":
    'allow_origins=["*"] (line {line}) written allow_origin_regex=".*": with allow_credentials=True, Starlette answers * to a credentialed request without a cookie, which browsers refuse, and reflects the origin only when a cookie comes; the regex reflects each origin always. Any site can still call with the user\'s credentials: list your origins instead if that is not meant',
  "config.starlette.check.any-regex-credentials":
    "allow_origin_regex={regex} with allow_credentials=True: every origin is reflected with credentials, so any site can read the user's data; list the origins instead",
  "config.starlette.check.origin-form":
    "{origin} is not an origin: Starlette compares the Origin header as a whole string (no path, no trailing slash), so it never matches",
  "config.flask.unknown.value":
    "{name} (line {line}) is computed by code CORS Lens does not evaluate: {text}",
  "config.flask.fix.hook-list": "{values} added to {name} in the after_request hook of line {line}",
  "config.flask.fix.hook-line":
    "{name}: {value} set in the after_request hook of line {line}, which did not set it",
  "config.flask.fix.hook-origin":
    "the after_request hook's Access-Control-Allow-Origin (line {line}) answers {origins} with their own origin (its old value kept for every other origin)",
  "config.flask.cannot.hook-origin":
    "the after_request hook of line {line} sets Access-Control-Allow-Origin by hand and the file does not import flask's request: answer the page's origin there by hand",
  "config.flask.check.hook-headers":
    "this after_request hook sets Access-Control-Allow-Origin but no Access-Control-Allow-Headers, and routes here take {methods}: a JSON body's Content-Type (or any other header) is preflighted, and Flask's own OPTIONS answer gets only what the hook sets, so the browser refuses those calls",
  "config.flask.check.view-cors-preflight":
    "this route's view sets Access-Control-Allow-Origin itself, but a preflight never runs the view: Flask's automatic OPTIONS answers it, without CORS headers, so the browser refuses this route's {methods} calls that are preflighted (a JSON body, a custom header; PUT, PATCH and DELETE always) — use flask-cors (CORS(app)), or list OPTIONS in methods and answer it in the view",
  "config.flask.check.hook-methods":
    "this after_request hook sets Access-Control-Allow-Origin but no Access-Control-Allow-Methods, and routes here take {methods}: those methods are always preflighted, and Flask's own OPTIONS answer gets only what the hook sets, so the browser refuses them",
  "config.flask.fix.options-hook":
    "a before_request hook answers every OPTIONS request with Flask's default answer, which the CORS(…) of line {line} completes: a preflight to a path no route has (the API's 404) is no longer refused; other requests are as before",
  "config.flask.fix.hook":
    "OPTIONS let through the before_request hook (line {line}): Flask runs it for the preflight too, which carries no token or cookie, and its answer (401, a redirect) refused the request; Flask's automatic OPTIONS answers now, with flask-cors's headers",
  "config.flask.cannot.hook":
    'the before_request hook (line {line}) answers the preflight itself, and CORS Lens cannot add an OPTIONS check to it here: start it with `if request.method == "OPTIONS": return None`',
  "config.flask.fix.strict-slashes":
    "strict_slashes=False on the route {rule} (line {line}): Werkzeug redirected the URL without its final slash (308), and a preflight may not follow a redirect; the rule now matches both",
  "config.flask.check.basic-auth-force":
    "BASIC_AUTH_FORCE makes Flask-BasicAuth (line {line}) ask every request for credentials, preflights too: a preflight carries none, so it is answered 401 and the browser refuses the call whatever CORS adds; protect the views with @basic_auth.required instead, or let OPTIONS through before it",
  "config.flask.check.methods-wildcard":
    'methods="*" is no wildcard in flask-cors: it looks the preflight\'s method up in the string "*", never finds it, and sends neither Access-Control-Allow-Methods nor -Headers, so every preflight (a JSON body, a PUT, an Authorization header) is refused; leave methods out (every method is the default) or list them',
  "config.flask.check.hook":
    'this before_request hook runs for preflights too (sent without tokens or cookies) and can answer them itself (an error, a redirect): the browser then refuses the request; let OPTIONS through at its top (`if request.method == "OPTIONS": return None`)',
  "config.django.check.not-read":
    "{name} is not a django-cors-headers setting: the package never reads it, so it has no effect",
  "config.django.check.not-read-near":
    "{name} is not a django-cors-headers setting: the package never reads it, so it has no effect (the setting is {near})",
  "config.flask.check.config-key":
    "{key} is not a flask-cors option: flask-cors reads only CORS_ORIGINS, CORS_METHODS, CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_SUPPORTS_CREDENTIALS, CORS_MAX_AGE, CORS_SEND_WILDCARD, CORS_AUTOMATIC_OPTIONS, CORS_VARY_HEADER, CORS_RESOURCES, CORS_INTERCEPT_EXCEPTIONS and CORS_ALWAYS_SEND from app.config; this one has no effect",
  "config.flask.check.slash":
    'the blueprint\'s "/" rule is {rule} with its url_prefix: {url} (without the slash) answers a redirect (308), which a preflight may not follow; write the rule with strict_slashes=False, or call the URL with its slash',
  "config.flask.check.origin-list":
    "the decorator {name} sends {value} (line {line}) as one Access-Control-Allow-Origin: browsers accept a single origin there, so every cross-origin call through it is refused; send the request's origin when it is one of them (`cors-lens fix --config` with the page's HAR writes it)",
  "config.flask.unknown.hand-deco":
    "the route lists OPTIONS in its methods, so its view answers the preflight through the decorator {name} (line {line}): CORS Lens does not read what that answer carries",
  "config.flask.cannot.hand-deco":
    "the view's decorator {name} (line {line}) sets Access-Control-Allow-Origin itself, so flask-cors leaves that answer alone; CORS Lens has no edit of it for {code}: change the header's value there",
  "config.flask.fix.hand-deco-origin":
    "{name} (line {line}) sent all of {value} as one Access-Control-Allow-Origin, which browsers refuse: it now sends the request's origin when it is one of them (the list stays where it is set), with Vary: Origin",
  "config.flask.unknown.hand-set":
    "an after_request hook (line {line}) sets Access-Control-* headers itself: flask-cors then skips the responses that already have Access-Control-Allow-Origin, in an order CORS Lens does not model",
  "config.flask.unknown.config":
    "app.config sets CORS_RESOURCES or a computed CORS_* key (line {line}): CORS Lens does not merge it",
  "config.flask.unknown.upstream-options":
    "the preflight to {path} is answered by the app, not flask-cors, and was not recorded",
  "config.flask.assumed.view-200": "the view answers {method} {path} with 200 (not recorded)",
  "config.flask.assumed.automatic-options":
    "the route of {path} does not list OPTIONS, so Flask answers the preflight itself with 200 before the view; the recorded {status} came from elsewhere (a view that took OPTIONS when it was recorded, or something in front of Flask)",
  "config.flask.assumed.options-200":
    "{path} is routed, so Flask answers the preflight itself with 200 (not recorded)",
  "config.flask.fix.list": "{values} added to {name}",
  "config.flask.fix.credentials": "supports_credentials=True: the page sends credentials",
  "config.flask.fix.resource": "resources pattern {pattern} added: no resource matched {path}",
  "config.flask.assumed.guard-401":
    "{name} (line {line}) runs before @cross_origin and answers a request without credentials, as a preflight is, with 401 (not recorded)",
  "config.flask.fix.cross-under-route":
    "@cross_origin moved from line {line} to right under the route decorator of line {route}: written above it, it decorated a function the route never registered",
  "config.flask.fix.cross-before-auth":
    "@cross_origin moved from line {line} to right under the route decorator of line {route}: under {name} it ran only after {name} had answered the preflight (which carries no credentials) without CORS headers",
  "config.flask.check.cross-above-route":
    "@cross_origin is written above the route decorator of line {line}: Python applies decorators from the bottom up, so the route registers {view} without it and neither its answers nor its preflight get CORS headers; put it right under the route decorator",
  "config.flask.check.auth-before-cross":
    "{name} runs before @cross_origin (line {line}) on {view}: it answers the preflight, which carries no credentials, before CORS headers are added; put @cross_origin right under the route decorator",
  "config.flask.fix.cross-origin":
    "@cross_origin of line {from} added to {view} (line {line}): Flask routes {method} and the preflight's OPTIONS of that URL to it, the first view declared for them, and flask-cors acts only in the views it decorates",
  "config.flask.fix.blueprint":
    "CORS({name}, …) added as CORS({target}, …) of line {line} is: CORS() on a blueprint acts on that blueprint's routes only",
  "config.flask.fix.add": "CORS(app, origins=[…]) added after the app is created",
  "config.flask.cannot.place":
    "the options on line {line} are not written where CORS Lens can add to them: add them by hand",
  "config.flask.cannot.all-credentials":
    'origins allows every site ("*") and the page sends cookies: supports_credentials=True would let every site read your users\' data with their cookies, and narrowing origins would block the sites allowed today. Not patched: if only some sites need cookies, list them (for example origins=["{origin}"], supports_credentials=True)',
  "config.flask.cannot.no-app": "no Flask() app in this file to pass to CORS()",
  "config.flask.cannot.resource": "no CORS resource matches {path}: add a resources pattern for it by hand",
  "config.flask.check.any-credentials":
    "supports_credentials=True with every origin allowed (origins defaults to *): flask-cors reflects any origin with credentials",
  "config.flask.check.regex":
    "{origin} has regex characters, so flask-cors reads it as a regex (re.match, start only): its unescaped dots match any character; escape them and end it with $",
  "config.flask.check.cross-shadowed":
    "@cross_origin on {view} does not answer the preflight to {rule}: Flask routes OPTIONS to {first} (line {line}), declared first for that URL without it, so the preflight gets no CORS headers; decorate {first} too",
  "config.flask.check.no-route":
    "flask-cors is set up but no route of this file gets its headers ({rules}): no resources pattern matches them",
  "config.flask.check.blueprint":
    "CORS({target}) acts on the {target} blueprint's routes only: {rule} (line {line}, blueprint {name}) gets no CORS headers; call CORS({name}, …) too, or CORS(app, …)",
  "config.flask.check.unknown-option":
    "{name} is not a flask-cors option{suggest, select, none {} other { (did you mean {suggest}?)}}: flask-cors ignores it without a word, so its default stays",
  "config.django.error.split":
    "CORS settings are in both {first} and {second}, and neither imports the other (from … import *): they are two settings modules; pass the one Django runs with (DJANGO_SETTINGS_MODULE) and the modules it imports",
  "config.django.mw.unknown.code":
    "{file}:{line}: the middleware runs code CORS Lens does not evaluate, and it may change the response: {text}",
  "config.django.mw.unknown.view-options":
    "the preflight to {path} reaches the view (the middleware does not answer it itself), whose answer was not recorded",
  "config.django.mw.error.several":
    "{file} defines several middlewares that set CORS headers ({names}): pass settings.py too, its MIDDLEWARE tells which run and in what order",
  "config.django.mw.fix.list": "{values} added to {header} (line {line})",
  "config.django.mw.fix.add":
    "{header}: {values} set beside Access-Control-Allow-Origin (the page's preflight asks for it)",
  "config.django.mw.fix.reflect":
    "{origins} sent back as Access-Control-Allow-Origin with Access-Control-Allow-Credentials: true (the page sends credentials, which * never allows), Vary: Origin added; every other origin still gets *",
  "config.django.mw.fix.options":
    "{name} answers the preflight itself (an empty 200) instead of passing it to the view, which refused it",
  "config.django.mw.fix.move":
    "{name} (line {line}) moved to the top of MIDDLEWARE, above {above}: a middleware above it answered without the CORS headers",
  "config.django.mw.fix.credentials":
    "Access-Control-Allow-Credentials: true set beside the allowed origin (line {line}): the page sends credentials",
  "config.django.mw.fix.origins": "{values} added to the origins the middleware allows (line {line})",
  "config.django.mw.cannot.move":
    "the hand-written middleware is not a MIDDLEWARE entry written one a line in the settings passed: put it at the top of MIDDLEWARE by hand",
  "config.django.mw.cannot.options":
    "the view answers the preflight and the middleware has no `response = self.get_response(request)` line alone where an OPTIONS answer can go: answer OPTIONS in the middleware by hand",
  "config.django.mw.cannot.not-listed":
    "the hand-written middleware is not in MIDDLEWARE: add it (as its module path) at the top of MIDDLEWARE",
  "config.django.mw.cannot.no-request":
    "Access-Control-Allow-Origin is set on line {line} in {method}(), which is not given the request: the page's Origin cannot be read there. Pass the request to it (for example self.{method}(request, response)) and run fix again",
  "config.django.mw.cannot.value":
    "{header} (line {line}) is not a string written in this file (or is not set where it can be added): change it by hand",
  "config.django.mw.cannot.origin":
    "the middleware does not send Access-Control-Allow-Origin for {origin}, and no list of origins it compares with was found: allow the origin by hand",
  "config.django.mw.cannot.reflect-any":
    "the middleware sends back any request's Origin (line {line}): Access-Control-Allow-Credentials: true there would let every website read the user's data; compare the origin with a list first",
  // check rules of a hand-written middleware (src/config/django/hand-check.ts)
  "config.django.mw.check.max-age":
    "Access-Control-Max-Age: {value} is above Chromium's cap of 7200 s (Firefox: 86400 s): the preflight is cached 2 hours at most and sent again after; not an error, the larger value is not honoured",
  "config.django.mw.check.any-credentials":
    "Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true (line {line}): browsers refuse every call that sends cookies or Authorization; send back the allowed origins instead of *",
  "config.django.mw.check.reflect-credentials":
    "any request's Origin is sent back as Access-Control-Allow-Origin with Access-Control-Allow-Credentials: true (line {line}): every website can read this API with the user's cookies; compare the origin with a list first",
  "config.django.mw.check.no-vary":
    "Access-Control-Allow-Origin is the request's own Origin but Vary: Origin is not set: a cache can hand one site's answer to another; add patch_vary_headers(response, (\"Origin\",))",
  "config.django.mw.check.preflight-passed-on":
    "the middleware passes the preflight on to the rest of the stack, where {name} (line {line}) checks credentials a preflight never carries: answer OPTIONS here, before get_response",
  "config.django.mw.check.order":
    "{name} comes after {above} (line {line}), which can answer first (a redirect, a static file) without the CORS headers: put {name} at the top of MIDDLEWARE",
  "config.django.mw.check.order-unknown":
    "{name} comes after {above} (line {line}): a response that middleware makes itself (401, 403, a redirect) gets no CORS headers; put {name} above it",
  "config.django.mw.check.two-layers":
    "{name} (line {line}) and django-cors-headers' CorsMiddleware both set the CORS headers: on each response the outer one's values win, and the one that runs first answers the preflight; keep one of them",
  "config.aiohttp.unknown.code":
    "line {line} builds routes or CORS with code CORS Lens does not follow: {text}",
  "config.aiohttp.unknown.value":
    "the CORS options on line {line} are computed by code CORS Lens does not evaluate: {text}",
  "config.aiohttp.unknown.crash": "the app does not start: aiohttp-cors raises at line {line}",
  "config.aiohttp.unknown.no-setup":
    "a CorsViewMixin view answers the preflight, but aiohttp_cors.setup() is not called",
  "config.aiohttp.unknown.upstream-options":
    "the preflight to {path} is answered by the app's own OPTIONS handler, whose answer was not recorded",
  "config.aiohttp.assumed.handler-200": "the handler answers {method} {path} with 200 (not recorded)",
  "config.aiohttp.assumed.raised":
    "the recorded {status} is the web.{name} that the handler of line {line} raises: an exception passes {middleware} before its header lines run",
  "config.aiohttp.crash.keyword":
    "ResourceOptions() has no {name} argument: the app stops at startup with a TypeError",
  "config.aiohttp.crash.dict-key":
    "{name} is not accepted in an options dict (only allow_credentials, expose_headers, allow_headers, max_age): aiohttp-cors raises ValueError at startup; use ResourceOptions(…)",
  "config.aiohttp.crash.value": "{name} must be True or False: ResourceOptions raises ValueError at startup",
  "config.aiohttp.crash.string":
    '{name} is the string {value}, not a sequence (a tuple of one needs a comma: ("{value}",)): ResourceOptions raises ValueError at startup',
  "config.aiohttp.crash.options":
    "{path} already has an OPTIONS handler (line {line}): cors.add raises ValueError at startup, since aiohttp-cors adds its own preflight handler; remove the OPTIONS route",
  "config.aiohttp.crash.view":
    "the class-based view {view} (line {line}) does not derive from aiohttp_cors.CorsViewMixin: cors.add raises ValueError at startup",
  "config.aiohttp.crash.any":
    '{path} has a route for every method (line {line}, add_route("*", …)) with a plain handler: cors.add raises ValueError at startup; use a CorsViewMixin view or one route a method',
  "config.aiohttp.crash.twice":
    "CORS is added twice for {method} {path} (line {line}): cors.add raises ValueError at startup (a route given to cors.add and then the loop over all routes?)",
  "config.aiohttp.fix.list": "{values} added to {name}",
  "config.aiohttp.fix.credentials": "allow_credentials=True: the page sends credentials",
  "config.aiohttp.fix.origin": "{origins} added: aiohttp-cors compares origins as exact strings",
  "config.aiohttp.fix.origin-like":
    "{origins} added with the options {like} has (line {line}): aiohttp-cors compares origins as exact strings",
  "config.aiohttp.fix.setup": "aiohttp-cors set up for every route, allowing {origins} (no CORS was set up)",
  "config.aiohttp.fix.defaults":
    "defaults= added to aiohttp_cors.setup() with {origins}: without defaults or a config no origin is allowed",
  "config.aiohttp.fix.move-loop-call":
    "{call} (line {line}), whose loop of line {loop} gives the routes registered so far to cors.add, moved below line {after}: the routes registered after it were never given",
  "config.aiohttp.fix.slash-alias":
    "{path} is redirected to {to} by normalize_path_middleware (line {line}), and the redirect carries no CORS headers (a preflight may not follow one at all): the route of line {route} registered for {path} too",
  "config.aiohttp.check.normalize-redirect":
    "normalize_path_middleware redirects a URL without the trailing slash to the route with it ({path}, line {route}): the redirect carries no CORS headers, so a cross-origin call to the URL without the slash is refused — call the slashed URL, or register the route for both",
  "config.aiohttp.fix.move-loop":
    "the cors.add loop (line {loop}) moved below the last route (line {after}): it covers only the routes registered before it",
  "config.aiohttp.fix.hook-first":
    "{hook} (line {line}) moved above line {before}: aiohttp runs the startup hooks in the order they are appended, and the one walking the routes into cors.add (line {loop}) covered only the routes registered before it ran — this hook's routes are now registered first",
  "config.aiohttp.fix.wrap":
    "{method} {path} given to cors.add(…): no cors.add reached it, so it got no CORS headers and no preflight handler",
  "config.aiohttp.check.static":
    "this test leaves the static route {path} (line {line}) out of aiohttp-cors: its files reach other origins without Access-Control-Allow-Origin; aiohttp-cors takes static routes as any other",
  "config.aiohttp.fix.static":
    "the loop's test on line {line} leaves the static route {path} out of aiohttp-cors, which takes static routes as any other: the test removed, every route added",
  "config.aiohttp.fix.loop":
    "every route given to cors.add after the last one (line {after}): aiohttp-cors acts only on routes passed to cors.add",
  "config.aiohttp.cannot.shared":
    "the options come from {name}() (line {line}), which every route calling it shares: an edit there would change them all, so change the refused route's options by hand",
  "config.aiohttp.cannot.place":
    "the options on line {line} are not written where CORS Lens can add to them: add them by hand",
  "config.aiohttp.cannot.crash": "the app does not start (line {line}): fix that first, then run fix again",
  "config.aiohttp.cannot.no-route": "no route of this app answers {method} {path}",
  "config.aiohttp.cannot.cover":
    "{method} {path} (line {line}) is not given to cors.add and CORS Lens cannot wrap its registration: pass it to cors.add by hand",
  "config.aiohttp.cannot.own-options":
    "the preflight to {path} goes to the app's own OPTIONS handler (line {line}), not aiohttp-cors",
  "config.aiohttp.cannot.origin":
    '{origin} cannot be added without taking a "*" entry\'s options from another route: add it by hand',
  "config.aiohttp.cannot.view-method":
    "the view {view} has no {method} method: aiohttp-cors refuses the preflight",
  "config.aiohttp.fix.own-middleware":
    "the route of line {line} answers OPTIONS on {path} with a handler of the app's own, which aiohttp-cors refuses (cors.add raises ValueError: the resource already has a handler for OPTIONS): the CORS headers allowing {origin} are set by a middleware of the app's own, {name}, on every answer, that handler's answer to the preflight included",
  "config.aiohttp.fix.own-middleware-expose":
    "the route of line {line} answers OPTIONS on {path} with a handler of the app's own, which aiohttp-cors refuses (cors.add raises ValueError: the resource already has a handler for OPTIONS): the CORS headers allowing {origin} are set by a middleware of the app's own, {name}, on every answer, that handler's answer to the preflight included; they expose {expose}, which the app's handlers write on their answers and a script on another origin can read only when exposed",
  "config.aiohttp.cannot.own-place":
    "the app answers OPTIONS with a handler of its own (line {line}), which aiohttp-cors refuses, and CORS Lens cannot add a middleware where this file makes the app: add a CORS middleware to the Application by hand",
  "config.aiohttp.cannot.own-preflight":
    "no route takes the preflight to {path} (aiohttp answers 405 past every middleware), and aiohttp-cors cannot be set up beside the app's own OPTIONS handler for {refused} (line {line}): answer that preflight by hand",
  "config.aiohttp.cannot.own-origins":
    "the app answers OPTIONS with a handler of its own (line {line}), which aiohttp-cors refuses; the middleware CORS Lens would write instead sends one Allow-Origin on every answer, and the calls come from {origins}: write one that checks the request's Origin against them and sends it back",
  "config.aiohttp.cannot.no-setup":
    "aiohttp_cors.setup() is not called in this file: set aiohttp-cors up (setup, defaults, cors.add for each route) first",
  "config.aiohttp.check.origin":
    "{origin} is not an origin (scheme://host[:port], no path, no trailing slash, no wildcard): aiohttp-cors compares the Origin header with it as an exact string, so it never matches",
  "config.aiohttp.check.any-credentials":
    "\"*\" with allow_credentials=True: aiohttp-cors sends back the request's own origin with credentials, so every site can read these responses with the user's cookies",
  "config.aiohttp.check.no-origin":
    "aiohttp_cors.setup() has no defaults and no cors.add passes a config: no origin is allowed, every preflight gets 403 and no response gets CORS headers",
  "config.aiohttp.check.after-startup-walk":
    "this startup hook walks the routes into cors.add (line {loop}) once, when it runs; {method} {path} is registered by {hook}, a startup hook appended after it (line {hookLine}) — aiohttp runs the hooks in that order, so the route gets no CORS headers and its preflight is not answered: append {hook} first",
  "config.aiohttp.check.after-loop":
    "{method} {path} is registered after the cors.add loop (line {loop}), which covers only the routes registered before it: it gets no CORS headers and its preflight is not answered",
  "config.aiohttp.check.not-added":
    "{method} {path} is never given to cors.add: aiohttp-cors adds no CORS headers to it and does not answer its preflight",
  "config.aiohttp.check.split":
    "{method} {path} is on a second resource of the same path (the first, line {line}, was registered before another path): preflights go to the first, which does not allow {method}, so they get 403; register the path's routes together or add allow_methods",
  "config.aiohttp.unknown.outer-middleware":
    "the middleware {name} (line {line}) runs before the CORS middleware and may answer first; its answer was not recorded",
  "config.aiohttp.assumed.outer-answered":
    "the middleware {name} (line {line}), listed before the CORS middleware, answered: the recorded answer has no Allow-Origin",
  "config.aiohttp.fix.outer-first":
    "{name} moved to the front of middlewares=[…] (line {line}): aiohttp runs the list's first outermost, so the answers of {outer} (a 401) never reached it and went out without CORS headers; it now adds them to every answer",
  "config.aiohttp.check.hand-order":
    "{name} is listed after {outer} (line {line}), which answers by itself (a 401): aiohttp runs the list's first outermost, so that answer never reaches {name} and has no CORS headers — list {name} first",
  "config.aiohttp.unknown.middleware":
    "the middleware {name} (line {line}) runs before aiohttp-cors' preflight handler and may answer first; its answer to the preflight was not recorded",
  "config.aiohttp.fix.middleware":
    "OPTIONS let through first in the middleware {name} (line {line}): it runs before aiohttp-cors' preflight handler, and a preflight carries no credentials or custom headers",
  "config.aiohttp.check.middleware":
    "the middleware {name} answers before it calls the handler and does not let OPTIONS through: aiohttp-cors' preflight handler runs inside it, so a preflight (no credentials, no custom headers) gets its answer, without CORS headers",
  "config.aiohttp.check.middleware-at":
    "the middleware {name} answers on line {line}, before it calls the handler, and does not let OPTIONS through: aiohttp-cors' preflight handler runs inside it, so a preflight (no credentials, no custom headers) gets that answer, without CORS headers; let OPTIONS through above that line",
  "config.aiohttp.unknown.own-headers":
    "the app sets Access-Control-* headers itself (line {line}): CORS Lens does not model that code",
} as const;
