/**
 * The fixes' words (English): where each snippet goes, and its comments. A comment of several
 * lines keeps its line breaks ("\n"); the renderer puts the stack's comment mark before each.
 */
export const enFixes = {
  "fix.change.no-setup":
    "No response from this server carried a CORS header: add the set-up below where it says, and its import if your file does not have it yet.",
  "fix.change.add":
    "In {setup}, add {items} to `{option}`, keeping what it already lists{hasAbsent, select, yes { (where `{option}` is not set yet, add `{absent}`)} mirrors { (where `{option}` is not set, it already allows every header asked for: leave it out)} other {}}.",
  "fix.change.string-regex":
    "If `{option}` is one string (`'a, b'`), the library reads it as one regular expression, which matches no single name: first make it a list of the string's names (`{option}=['a', 'b']`), then add them.",
  "fix.change.star":
    "In {setup}, replace `*` in `{option}` with {items}{hasAbsent, select, yes { (where `{option}` is not set, `*` is the default: add `{absent}`)} other {}}: a request with credentials never matches `*`. Other origins that used `*` need to be listed too.",
  "fix.change.set": "In {setup}, set `{option}` to `{value}`.",
  "fix.change.wrap":
    "Keep your {setup} as it is and make `{wrapper}(…)` the outermost handler you pass to `{in}`, outside authentication and the mux (`{in}(addr, {wrapper}({curried, select, yes {…)(} other {}}auth(mux)))`), so it answers preflights before anything else.",
  "fix.change.move-last":
    "Move {setup} to the end of the module, after every other middleware: the last one added runs first, so CORS then answers before the others; its options stay as they are.",
  "fix.change.insert-fastapi-errors":
    'Add the middleware below (from `@app.middleware("http")` on) just above your `app.add_middleware(CORSMiddleware, …)`, so that CORS wraps it and an unhandled exception becomes a 500 with CORS headers; your CORSMiddleware stays as it is.',
  "fix.change.insert-aiohttp-preflight":
    "Add the middleware below just above your `aiohttp_cors.setup(…)` call: it goes first in `app.middlewares`, so a preflight reaches aiohttp-cors before your authentication middleware; your set-up stays as it is.",
  "fix.change.move":
    "Move {setup} up to the line right after `{after}`, above every other middleware, hook and route; its options stay as they are.",
  "fix.label.change": "Change in your set-up",
  "fix.label.imports": "If your file does not import it yet",
  "fix.label.snippet": "No CORS set-up yet? Add",
  "fix.label.form": "{form, select, esm {ES module} cjs {CommonJS} other {}}",
  "fix.verified":
    "{versions} in Chromium 156, by npm run test:fixes{on, select, seed {, on the seed's hand-written middleware} proxy {, alone and in front of an app} rack {, on plain Rack (not Rails itself)} other {}}",
  "fix.generic-headers.where": "On every response of the API, error responses and preflights included.",
  "fix.generic-headers.origin-of": "<the request's Origin, when it is one of: {origins}>",
  "fix.generic-headers.preflight": "Preflight (OPTIONS) response: status 204, before any authentication",
  "fix.generic-headers.actual": "Every actual response, error responses (4xx/5xx) included",

  "fix.express.where":
    "In the app's entry file, directly after `const app = express()`, before every other app.use() (static files, routers, auth, body parsers). An app that has a cors() call makes the change above instead of adding a second one.",
  "fix.express.place": "Directly after `const app = express()`, before every other app.use().",
  "fix.express.note.preflight-before-auth":
    "Above your authentication middleware: it answers preflights (which carry no credentials) itself.",
  "fix.express.note.preflight-route": "cors() answers OPTIONS itself, so routes need no OPTIONS handler.",
  "fix.express.note.error-responses":
    "Registered first, its headers are set before body parsers, validators or routes can fail.",
  "fix.express.note.no-preflight-redirect":
    "Registered first, it answers the preflight before a redirect rule can.",

  "fix.fastify.where":
    "Right after `const app = fastify()`, before any route and any onRequest hook that authenticates or redirects (hooks run in the order they are added). An app that registers @fastify/cors makes the change above instead of registering it twice.",
  "fix.fastify.place":
    "Right after `const app = fastify()`, so its onRequest hook runs before any added later\n(auth, redirects). Its default hook answers preflights before routing and body parsing.",

  "fix.koa.where":
    "Right after `const app = new Koa()`, before every other app.use() (auth, body parser, router). An app that has a cors() middleware makes the change above instead of adding a second one.",
  "fix.koa.place": "Right after `const app = new Koa()`, before every other app.use().",

  "fix.hono.where":
    "Right after `const app = new Hono()`, before every route and every other app.use() (auth first would answer the preflight). An app that has a cors() middleware makes the change above instead of adding a second one.",
  "fix.hono.place": "Right after `const app = new Hono()`, before every route and other middleware.",

  "fix.django.where":
    "Replace your own CORS middleware class with this one (same module), and keep it first in MIDDLEWARE, above CommonMiddleware and any auth middleware.",
  "fix.django.place":
    "Replaces your CORS middleware class; keep it first in MIDDLEWARE so it answers preflights\nbefore CommonMiddleware's redirects and auth, and wraps error responses too.",

  "fix.django-cors-headers.where":
    "At the end of settings.py: it adds the app and the middleware only where missing, puts CorsMiddleware first, and overrides any earlier CORS_* setting.",
  "fix.django-cors-headers.place":
    "At the end of settings.py. CorsMiddleware goes first: above CommonMiddleware (whose\nAPPEND_SLASH redirect would otherwise answer the preflight) and above any auth middleware.",

  "fix.fastapi.where":
    "At the end of the module that creates the app, after every other app.add_middleware() or @app.middleware (the last one added runs first, so CORS answers before authentication). An app that has a CORSMiddleware makes the change above instead of adding a second one.",
  "fix.fastapi.place": "The LAST add_middleware call: Starlette runs the last-added middleware first.",
  "fix.fastapi.errors":
    "Unhandled exceptions are answered by ServerErrorMiddleware, outside CORSMiddleware, without its\nheaders (an exception_handler(Exception) lives there too): turn them into a 500 response inside it.",

  "fix.flask-cors.where":
    "Right after `app = Flask(__name__)`; for a redirected preflight it also turns off the trailing-slash redirect. Where a change is given above, make it in your own CORS(app, …) call instead; a CORS(app, …) pasted beside yours does no harm (flask-cors leaves a response that already has CORS headers alone).",
  "fix.flask-cors.place": "Right after app = Flask(__name__).",
  "fix.flask-cors.strict-slashes":
    "Werkzeug answers /items for a route declared /items/ with a 308 redirect, before any CORS code.",
  "fix.flask-cors.before-auth":
    "Answer preflights before every before_request hook: auth would reject them (no credentials).",

  "fix.nginx.where":
    "At the top of every `location` that serves the API (each one: add_header is not inherited into a location that has its own): replace its existing `add_header Access-Control-*` lines and any OPTIONS `if` block; keep its proxy_pass / root / return.",
  "fix.nginx.place":
    "At the top of every location block of the API, replacing its add_header Access-Control-* lines.\n`always`: also on 4xx/5xx. An add_header inside `if` replaces the inherited ones, hence the repeats.\nproxy_hide_header: the upstream app's own CORS headers would arrive twice (ignored without proxy_pass).",

  "fix.apache.where":
    "In the API's <VirtualHost> (not .htaccess, which runs after authentication); replace its existing `Header … Access-Control-*` lines. Needs mod_headers, mod_rewrite and mod_setenvif.",
  "fix.apache.place":
    "In the API's VirtualHost (not .htaccess: it runs after authentication), replacing its\nHeader … Access-Control-* lines. Needs mod_headers, mod_rewrite and mod_setenvif.\nThe unset lines drop copies the application (or a proxied backend) sends on its own.",
  "fix.apache.preflight": "Answer preflights here, before authentication or the application sees them.",

  "fix.caddy.where":
    "Inside the site block that serves the API, first (before reverse_proxy, file_server, respond); replace any existing header Access-Control-* lines.",
  "fix.caddy.place": "First in the API's site block, before reverse_proxy / file_server / respond.",
  "fix.caddy.redir":
    "redir sorts before handle in Caddy's directive order, so it answers the preflight first:\ngive every redir of the API a named matcher that skips preflights, e.g.",
  "fix.caddy.defer": "defer: applied after the response is written, replacing the upstream's own copies.",
  "fix.caddy.errors":
    "Without defer: also on Caddy's own error responses (basicauth's 401), which deferred headers never reach.",
  "fix.caddy.auth":
    "basicauth and forward_auth sort before handle in Caddy's directive order, so they refuse the preflight\n(which carries no credentials) first: give yours a named matcher that keeps its path and skips OPTIONS, e.g.",

  "fix.s3.where":
    "The bucket's CORS configuration (console → Permissions → CORS, or `aws s3api put-bucket-cors`), replacing its rules.",
  "fix.spring.where":
    "A @Configuration class; with Spring Security also http.cors(), so preflights pass before authentication.",
  "fix.spring.security":
    "With Spring Security, also call http.cors(Customizer.withDefaults()) so preflights pass before authentication.",
  "fix.aspnet.where":
    "Program.cs: AddCors with the services, UseCors after UseRouting and before UseAuthentication.",
  "fix.aspnet.place":
    "After UseRouting and before UseAuthentication/UseAuthorization, so preflights are answered first.",

  "fix.rails.where":
    "config/initializers/cors.rb in Rails (replacing its allow block); in a plain Rack app, as `use Rack::Cors do … end` (replacing the `use Rack::Cors` block it has), the first middleware in config.ru, before auth.",
  "fix.rails.errors":
    "In a plain Rack app (Rails rescues on its own): an exception must become a 500 inside Rack::Cors,\nor the server answers it without CORS headers. Define this and `use ErrorsInsideCors` right after\nthe `use Rack::Cors` block.",
  "fix.rails.place":
    "insert_before 0 puts it ahead of authentication and error middleware\n(in a plain Rack app: `use Rack::Cors do … end` first in config.ru).",

  "fix.go.where":
    "Replace your own CORS middleware with this function and wrap the whole mux with it, outside any auth middleware: http.ListenAndServe(addr, withCORS(mux)).",
  "fix.go.place": "Wrap the whole mux, so error responses and OPTIONS get the headers too: withCORS(mux).",
  "fix.go-rs-cors.place":
    'import "github.com/rs/cors"; wrap the whole mux: http.ListenAndServe(addr, c.Handler(mux)).',
  "fix.go-rs-cors.where":
    "Replace the cors.Options you pass to cors.New (or add it), and wrap the whole handler, outside any auth middleware: http.ListenAndServe(addr, c.Handler(mux)).",
  "fix.laravel.where":
    "Replace config/cors.php with this (Laravel 9.2+ runs HandleCors for it before routing and authentication; older apps need fruitcake/laravel-cors), then run php artisan config:clear. An app that has the file makes the change above instead. Written from Laravel's and fruitcake/php-cors' source: CORS Lens's fix suite has not run it (Debian packages Laravel 8 without HandleCors).",
  "fix.laravel.place":
    "'paths' => ['*'] covers every route; list only the API's (['api/*']) if that is all the page calls.",
  "fix.php.where":
    "At the top of the script every request goes through (index.php, the front controller), right after <?php and before any output or authentication. An app that sends these headers already makes the change above instead.",
  "fix.php.place": "Right after <?php, before any output or authentication check.",
  "fix.gorilla-handlers.place":
    "Wrap the whole router, outside any auth middleware: http.ListenAndServe(addr, handlers.CORS(…)(router)). Around a handlers.CORS(…) you have, it answers the origins it lists first.",
  "fix.gorilla-handlers.where":
    "Wrap the handler you pass to http.ListenAndServe with this (outside any auth middleware): http.ListenAndServe(addr, handlers.CORS(…)(router)). An app that has a handlers.CORS(…) makes the change above instead.",
  "fix.aiohttp-cors.place":
    "After every route is added, before web.run_app(app). Resources that answer OPTIONS already are left as they are.",
  "fix.aiohttp-cors.where":
    "In the module that builds the app, after the last route is added and before web.run_app(app). An app that calls aiohttp_cors.setup makes the change above instead.",
  "fix.aiohttp-cors.preflight-first":
    "aiohttp runs every middleware before the route's handler: preflights (which carry no\ncredentials) go straight to aiohttp-cors's handler instead.",
} as const;
