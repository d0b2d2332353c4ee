/** `cors-lens check|fix --config` on Express apps (English). Code stays as written. */
export const enConfigExpress = {
  "config.express.unknown.value": "the value {code} (line {line}) is not a literal CORS Lens can read",
  "config.express.unknown.env-origin":
    "{code} (line {line}) is spelled from the environment, not known here, and could equal {origin}: no recorded answer shows whether it does",
  "config.express.unknown.mutated":
    "{name} is changed after it is written (line {line}) in a way CORS Lens does not follow: its value is not known here",
  "config.express.unknown.options":
    "the cors() options {name} (line {line}) are not an object literal in this file: CORS Lens cannot read them",
  "config.express.unknown.koa-nested":
    "a router is used inside another router (line {line}): @koa/router copies its routes into the outer one under its prefix, which CORS Lens does not model",
  "config.express.unknown.no-app":
    "no `{maker}` app is made at the top level of this file, nor in one function that returns it or one class constructor",
  "config.express.unknown.middleware":
    "the middleware {name} (line {line}) runs first and may answer: CORS Lens cannot see what it does",
  "config.express.unknown.options-handler":
    "the preflight to {path} reaches a route handler whose answer was not recorded",
  "config.express.unknown.function": "the function on line {line} is not one CORS Lens can evaluate",
  "config.express.unknown.code": "the code on line {line} is not one CORS Lens can evaluate",
  "config.express.unknown.hono-own-response":
    "the handler on line {line} returns its own new Response on some paths and one made by c.json/text/body on others: Hono keeps the c.header() CORS headers set before on the second only, and which one this request got is not known",
  "config.express.unknown.no-next":
    "the middleware on line {line} neither calls next() nor answers on this request",
  "config.express.assumed.auth": "the credentials the request carries pass the auth middleware (line {line})",
  "config.express.assumed.origin-recorded":
    "the origin function of line {line} is not evaluated: its verdict on {origin} is the one the record shows",
  "config.express.assumed.env-origin-recorded":
    "{code} (line {line}) is spelled from the environment, not known here: whether it equals {origin} is what the record shows",
  "config.express.assumed.route": "the route answers {method} {path} with 200 (not recorded)",
  "config.express.assumed.static": "the file for {path} exists (served with 200)",
  "config.express.note.other-file": "{file} is not read: only the file that makes the Express app is",
  "config.express.note.no-app":
    "{file} makes no `{maker}` app at its top level, nor in one function that returns it or one class constructor",
  "config.express.fix.move":
    "cors() moved ahead of the app's other middleware: the registration on line {before} answered first (Express runs middleware in the order registered)",
  "config.express.fix.header-corrected":
    "{name} corrected to {meant} in the allowed headers' list (line {line}): no browser sends the misspelled name, so the page's {meant} was refused at the preflight",
  "config.express.check.allowed-header-misspelled":
    "{name} in the allowed headers is no header a browser sends: it looks like {meant} misspelled, so a page's {meant} is refused at the preflight",
  "config.express.fix.router-cors":
    "{router}.use(cors(…)) added where {router} is made: the cors() of line {line} is used inside another router only, so {router}'s answers had no CORS headers",
  "config.express.fix.koa-lift":
    "{router}.use(cors(…)) of line {line} moved onto the app before line {mount}: @koa/router runs a router's middleware only for requests one of its routes takes, and none takes the preflight (OPTIONS)",
  "config.express.fix.chain-first":
    "the cors(…) of line {line}, chained after what answers first, also registered on its own just before that chain: the requests answered first (and their preflights) had no CORS headers",
  "config.express.fix.app-wide":
    "the cors(…) of the route on line {line} used on the whole app, ahead of its routes: the routes that serve the failing requests (and their preflights) had none",
  "config.express.fix.options-route":
    "app.options for {path}: the cors() on the route of line {line} never sees the preflight (OPTIONS)",
  "config.express.fix.hand-preflight":
    "the middleware of line {line} sets the CORS headers by hand and passes the preflight on, to what answered it with an error: it now answers the preflight (OPTIONS) itself, 204 with those headers",
  "config.express.fix.origin-boolean":
    'the origin function of line {line} returns true or false, and hono/cors sends its value as the Access-Control-Allow-Origin ("true"): it returns the request\'s origin when its test passes, null otherwise',
  "config.express.check.origin-boolean":
    'this origin function returns true or false: hono/cors sends the value itself as Access-Control-Allow-Origin ("true"), which matches no page; return the origin (or null)',
  "config.express.fix.origin-trim":
    'the origins split on line {line} keep the space after each comma (" https://…"), which no Origin header equals: each entry trimmed',
  "config.express.fix.origin-env-list":
    "{origins} added after the origins line {line} splits from the environment variable {env}, read here as its default's: where {env} is set, the origins it lists stay allowed and {origins} beside them",
  "config.express.fix.origin": "{origins} added to the allowed origins",
  "config.express.check.hono-base-path":
    "cors() on {path} under basePath({base}) runs for {base}{path}, not {path}: Hono puts use() paths under the base path too; write the path without it",
  "config.express.check.regex-global":
    "the origin RegExp {regex} has the g (or y) flag: each test() starts where the last match ended, so the same origin is allowed and refused by turns; drop the flag",
  "config.express.check.options-only":
    "cors() runs on OPTIONS {path} only: the preflights get its headers, the requests themselves none (a GET, or the PUT after its preflight, is refused); app.use(cors(…)) runs for both",
  "config.express.check.docs-example":
    "allowHeaders is the documentation's example ({values}): the headers the app's pages send (Authorization, Content-Type …) are refused at the preflight; list those",
  "config.express.check.no-cors":
    "{name} sets no CORS headers (no cors middleware, no Access-Control-* header): a page on another origin can read none of its answers; `cors-lens fix --config` with the page's HAR adds the middleware for its origins",
  "config.express.check.header-name":
    "{name} is not a valid header name (a field name has no ':' or space): Node throws when it is set, so this answer is a 500 without CORS headers; write {fixed}",
  "config.express.check.hono-path":
    "cors() on {path} matches {path} alone in Hono: the routes below it ({route}) get no CORS headers — write {path}/*",
  "config.fastify.check.default-methods":
    "@fastify/cors without `methods` allows GET, HEAD and POST only: the preflight of the {methods} routes is refused — list the methods",
  "config.express.check.refused-before-cors":
    "this middleware answers a {method} preflight itself ({status}) before the cors() of line {line} runs: the browser refuses the call — register cors() above it",
  "config.express.check.origin-invalid":
    'Access-Control-Allow-Origin {value} is no value a browser takes (only "*", "null" or one origin, scheme://host[:port]): every answer is refused',
  "config.express.fix.credentials-list":
    "{origins} added to the list the credentials function of line {line} allows credentials for",
  "config.express.fix.origin-wildcard":
    '{value} on line {line} is no Access-Control-Allow-Origin value a browser takes (only "*", "null" or one origin): "*", any origin, is what it meant',
  "config.express.fix.keep-wildcard":
    "* kept for every origin; {origins} get their own origin (credentials need it), through an origin callback",
  "config.express.fix.hono-base":
    "the cors() path {path} of line {line} is taken under the app's basePath {base} in Hono ({base}{path}): written without the base",
  "config.express.fix.hono-path":
    "the cors() path {path} of line {line} matches that path alone in Hono: /* added so the paths below it are reached",
  "config.express.assumed.opaque":
    "the middleware of line {line} is code CORS Lens does not follow: taken as answering with the CORS headers already set (it does not write the response itself)",
  "config.express.fix.header-name":
    "the header name {name} on line {line} is not a valid field name, so setting it throws and every such answer is a 500: written {fixed}",
  "config.express.fix.early-builder":
    "the handlers set their CORS headers from {name}(req), and something before them answered first: a middleware after line {line} sets the same headers on every answer",
  "config.express.fix.blank-origin":
    "line {line} set Access-Control-Allow-Origin to an empty value over the one already set: removed",
  "config.express.fix.add": "the cors middleware added, allowing {origins}",
  "config.express.fix.add-expose":
    "the cors middleware added, allowing {origins} and exposing {expose}, which the app's routes write on their answers and a script on another origin can read only when exposed",
  "config.express.cannot.hand-set":
    "{name} is set by hand with a value CORS Lens cannot extend: change it by hand",
  "config.express.cannot.not-reached":
    "no cors() runs for {path} (it got {status}): register cors() where that path is answered",
  "config.express.cannot.origin-listed":
    "{origins} is already in the list of line {line} that the origin option of line {fn} reads, and is still refused: CORS Lens cannot tell why; change the origin option by hand",
  "config.express.fix.origin-json":
    "the origins of line {line} are a JSON array written in a string: cors sends a string as it is, as one Access-Control-Allow-Origin no browser accepts; it is parsed now, and each listed origin gets its own",
  "config.express.fix.origin-split":
    "the comma-separated origins of line {line} made a list: cors sends a string as one Access-Control-Allow-Origin, which browsers refuse when it holds more than one origin; each listed origin now gets its own",
  "config.express.fix.koa-credentials-fn":
    "credentials: a function true for {origins} only: @koa/cors answers those with their own origin and credentials, and every other origin with * as before (credentials: true would give every origin credentials)",
  "config.express.check.hono-double-wildcard":
    "Hono does not read {path} as every path below it: this middleware runs for none of the routes under it ({route} among them), so they get no CORS headers; write {fixed}",
  "config.express.fix.koa-thrown":
    "await next() of line {line} wrapped: an error a route throws (ctx.throw(404), …) now takes the CORS headers set above along — Koa's error handler removes every header set so far and sends the error's own headers alone — and is thrown on as before",
  "config.express.cannot.koa-thrown":
    "the route threw, and Koa's error handler dropped the CORS headers the middleware of line {line} set: CORS Lens found no `await next();` of its own to wrap there; catch the error around next() and put the CORS headers in err.headers",
  "config.express.fix.hono-own-response":
    "{call} of line {line} now sets the header on {c}.res: a header set with {c}.header() before the Context's response is made goes only into the answers the Context makes (c.json, c.text, c.body), so a handler's own new Response(…) went out without it; Hono merges the headers of {c}.res into the Response a handler returns",
  "config.express.cannot.hono-own-response":
    "the c.header() call of line {line} sets a CORS header before the Context's response is made, and a handler's own new Response(…) drops it: CORS Lens cannot rewrite its arguments; set the header on c.res.headers instead (or after await next())",
  "config.express.fix.koa-origin-host":
    "the origin function of line {line} tested {read}, the server's own Host (Koa's request host), which no page's Origin ever equals, so every page got its fallback origin: it now tests {ctx}.get(\"Origin\"), the page's origin, against the same list",
  "config.fastify.unknown.raw-handoff":
    "the route on line {line} hands the raw response (reply.raw) to {name}, which may answer on it without the headers @fastify/cors put on the reply (Fastify writes those only when it sends the reply itself): CORS Lens cannot see what it does",
  "config.fastify.fix.raw-handoff":
    "the headers of the reply {reply} (those @fastify/cors set) copied onto the raw response before line {line} hands it on: {name} answers on the raw response, which Node sends without them",
  "config.fastify.cannot.raw-handoff":
    "the route on line {line} hands the raw response to {name}, which answers on it without @fastify/cors' headers: copy {reply}.getHeaders() onto {reply}.raw (setHeader) before it, by hand",
  "config.fastify.fix.raw-headers":
    "{reply}.raw.writeHead of line {line} now sends {reply}.getHeaders() too: a route that writes to the raw response sends only the headers it gives writeHead, so those @fastify/cors put on the reply (Access-Control-Allow-Origin, Vary) never went out",
  "config.fastify.cannot.raw-headers":
    "the route writes its answer with reply.raw.writeHead (line {line}), which sends only the headers given to it — not those @fastify/cors put on the reply; CORS Lens cannot read its arguments: pass reply.getHeaders() along with them",
  "config.express.check.extra-argument":
    "{method}() takes a name and one value: {extra} is ignored, so {name} does not carry it — write every value in the one string",
  "config.fastify.check.raw-write":
    "this route writes its answer with {reply}.raw.writeHead, which sends only the headers given to it: those @fastify/cors put on the reply (Access-Control-Allow-Origin, Vary) never go out — pass {reply}.getHeaders() along",
  "config.express.check.hono-own-response":
    "this Access-Control-Allow-Origin is set with {c}.header() before the Context has a response, and the handler of line {line} returns its own new Response(…): Hono sends that Response without the headers set this way, so the page cannot read it — set it with {c}.res.headers.set(…) (which makes the Context's response, whose headers Hono carries over) or return {c}.body/{c}.text/{c}.json",
  "config.express.unknown.hono-etag":
    "the etag() on line {line} is given retainedHeaders CORS Lens cannot read: which headers its 304 keeps is decided where the app runs",
  "config.express.fix.hono-etag":
    "etag() (line {line}) answers a matching If-None-Match with a 304 of its own that keeps only its retained headers, so {headers} were gone and the page could not read it: retained now, after hono/etag's own list",
  "config.express.check.hono-etag":
    "this etag() keeps only its retained headers on the 304 it makes for a matching If-None-Match, and Access-Control-Allow-Origin (set by the cors() of line {line}) is not among them: a page that sends If-None-Match itself gets a 304 the browser refuses (only the browser's own cache revalidation is exempt) — add 'access-control-allow-origin' to retainedHeaders",
  "config.fastify.check.raw-handoff":
    "this route hands {reply}.raw to {name}, which answers on the raw response: Node sends what it writes without the headers @fastify/cors put on the reply (Access-Control-Allow-Origin, Vary), so the page cannot read it — copy {reply}.getHeaders() onto {reply}.raw (setHeader) before this call",
  "config.fastify.check.raw-handoff-unread":
    "this route hands {reply}.raw to {name}: if it answers on the raw response (as Node handlers of auth libraries do), Node sends that answer without the headers @fastify/cors put on the reply — copy {reply}.getHeaders() onto {reply}.raw (setHeader) before this call",
  "config.express.check.preflight-to-catch-all":
    "this middleware sets the CORS headers by hand but passes the preflight (OPTIONS) on: no route takes OPTIONS {path}, and the catch-all of line {line} answers it {status} before Express can answer it itself, so the browser refuses the preflight — answer OPTIONS here (res.sendStatus(204)) or use the cors package",
  "config.koa2cors.unknown.async-origin":
    'the origin function of line {line} is async, and koa2-cors does not await it: it sends the Promise as the Allow-Origin ("[object Promise]"), which no browser takes — make it a plain function',
  "config.koa2cors.unknown.not-list":
    'koa2-cors joins {name} with .join(","): a value that is not a list makes it throw, and the request is answered with an error — write {name} as a list',
  "config.koa2cors.fix.credentials-origins":
    "koa2-cors gives credentials to every origin it answers, except `*`: the origin is now a function that answers {origins} with their own origin (with credentials) and every other page `*`, as before (without credentials)",
  "config.koa2cors.check.not-list":
    'koa2-cors joins {name} with .join(","): a string here throws on the first request that reads it, and Koa answers it 500 without CORS headers — write it as a list (["GET", "POST"])',
  "config.fastify.check.default-methods-object":
    "@fastify/cors without `methods` allows GET, HEAD and POST only: the preflight of the {methods} routes is refused — list the methods in its options (line {line})",
  "config.express.check.koa-thrown":
    "Koa's error handler removes every header set so far when a route throws (line {line}): this Access-Control-Allow-Origin is not on those error answers, so the page cannot read them — catch the error around await next() and put the CORS headers in err.headers, or use @koa/cors (keepHeadersOnError)",
  "config.express.check.localhost-port":
    "{value} has no port: it is the Origin of a page on port 80 only; a development server's page (http://localhost:5173, :3000) sends its port in the Origin, so it is not allowed — list the origin with its port",
  "config.express.fix.koa-origin-ctx":
    'the origin function of line {line} is given ctx, not the Origin: {name} is now read with ctx.get("Origin"), so its test sees the request\'s origin',
  "config.express.check.koa-origin-ctx":
    '@koa/cors calls the origin function with ctx, not the Origin: {name} here is the context, so comparing it with origins never matches and no CORS header is sent; read ctx.get("Origin")',
  "config.express.check.koa-origin-host":
    "{read} is the API's own Host header, not the page's origin: the origin function finds no page in its list and every page gets its fallback; read ctx.get(\"Origin\")",
  "config.express.cannot.origin-function":
    "the origin option on line {line} is code CORS Lens cannot extend: allow the origin by hand",
  "config.express.check.koa-origin-list":
    "@koa/cors takes the origin as a string or a function of ctx, not a list: it sends the list whole, as one Access-Control-Allow-Origin with every origin, which browsers refuse; answer each origin with its own from a function",
  "config.express.check.cors-first":
    "this cors() runs first on the same paths and ends every preflight it answers itself: the cors() of line {line}, with other options, never sees a preflight, so preflights get this one's headers; keep one cors() with the options meant, or give both the same options",
  "config.express.check.wildcard-in-list":
    '"*" in an origin list is compared with the Origin header like any other entry, and no page\'s Origin is "*": it allows no page; write origin: "*" (not in a list) to allow any origin, or list the origins',
  "config.express.check.after-auth-router":
    "cors() is registered after the router of line {line}, whose own auth middleware runs first for every request it is given: its 401 (and the preflight's, which carries no credentials) goes out without CORS headers; register cors() before that router",
  "config.fastify.check.after-auth-plugin":
    "@fastify/cors is registered after the plugin of line {line}, which adds an auth hook to this same context (it skips encapsulation): hooks run in the order added, so its 401 (and the preflight's, which carries no credentials) goes out without CORS headers; register @fastify/cors before it",
  "config.express.check.preflight-first":
    "this route answers every preflight it matches with its own cors() first: the cors() of line {line}, with other options, never sees a preflight; give both the same options or remove this one",
  "config.express.check.origin-error":
    "the origin callback refuses with an error: Express answers a refused origin's preflight with 500 and no CORS headers, so the browser shows a CORS error instead of the refusal; call callback(null, false)",
  "config.express.check.hand-then-auth":
    "this auth check runs for the preflight too: the middleware of line {line} sets the CORS headers by hand but passes the preflight (OPTIONS) on, and a preflight carries no credentials, so it is refused here without a CORS answer; answer OPTIONS in that middleware",
  "config.express.check.hand-no-preflight":
    "the CORS headers are set here by hand, but nothing answers OPTIONS: {server} answers a preflight no route takes with 404, and the routes take {methods}, which are always preflighted; answer OPTIONS here (204) or use the cors plugin",
  "config.express.check.origin-space":
    'the allowed origin {value} has spaces around it (a list split on "," keeps the space after each comma): it is compared with the Origin header whole and matches no page; trim each entry',
  "config.express.check.after-auth":
    "cors() is registered after the auth middleware of line {line}: its 401 (and the preflight's, which carries no credentials) goes out without CORS headers",
  "config.express.check.after-static":
    "cors() is registered after express.static (line {line}): the files it serves have no CORS headers",
  "config.express.check.after-route":
    "cors() is registered after the route of line {line}: that route answers first, without CORS headers",
  "config.express.check.route-only":
    "cors() on this {method} {path} route only: the preflight (OPTIONS) never reaches it; add app.options for the path or app.use(cors())",
  "config.fastify.unknown.plugin":
    "no route of this file answers {path}: the plugin registered on line {line} comes from another file or package, and its routes are not read",
  "config.fastify.unknown.no-app": "no `fastify()` app is made in this file",
  "config.fastify.note.no-app": "{file} makes no `fastify()` app",
  "config.fastify.note.other-file": "{file} is not read: only the file that makes the Fastify app is",
  "config.express.check.methods-miss-routes":
    "`{option}` leaves out {methods}, which routes under this CORS registration take: a page's {methods} there is refused at its preflight",
  "config.express.check.origin-no-scheme":
    "{value} has no scheme: an Origin header is always scheme://host[:port] (https://{value} or http://{value}), so it matches no page",
  "config.express.check.origin-path":
    "{value} has a path or a trailing slash: the cors package compares it with the Origin header as a whole string, and an Origin never has one, so it matches no page; write {origin}",
  "config.express.check.origin-env-entry":
    "{code} in the origin list has no default: where it is unset the entry is undefined and allows no origin, so only the literal origins are allowed (check the deployed environment, or list the origin)",
  "config.express.check.origin-env-template":
    "{code} in the origin list is spelled from the environment: where {env} is unset it reads {unset}, which no Origin equals, and set it allows only the one origin it spells, never a front end served from elsewhere (list the front ends' origins)",
  "config.express.fix.cors-run":
    "the cors middleware built on line {line} is now run (returned, called with the wrapper's own arguments): built and thrown away, it never set a header",
  "config.express.check.cors-never-run":
    "cors(…) is called here only to build a middleware that is thrown away: it never runs, so no CORS header is set; register it (app.use(cors(…))) or return it run (`return cors(…)(c, next)`)",
  "config.express.check.options-route-no-cors":
    "this hand-written OPTIONS handler for {path} sets no Access-Control-* header: every preflight there is answered without them and refused; set them, or register the cors middleware before the routes",
  "config.express.check.headers-miss-content-type":
    "`{option}` leaves out Content-Type while routes under this CORS registration take request bodies: a JSON body (Content-Type: application/json) is refused at its preflight",
  "config.express.check.koa-router":
    "cors() used on {router} runs only for requests a route of {router} takes, and none takes a preflight (OPTIONS): calls that need one are refused; use it on the app, before {router}.routes()",
  "config.fastify.check.encapsulated":
    "@fastify/cors is registered inside the plugin of line {line}, which has no routes: Fastify keeps a plugin's hooks to its own context, so no route gets CORS headers; register it on the app (or wrap that plugin in fastify-plugin)",
  "config.fastify.check.after-auth":
    "@fastify/cors is registered after the hook of line {line}: hooks run in the order added, so that hook's 401 (and the preflight's, which carries no credentials) goes out without CORS headers",
  "config.fastify.check.hook-late":
    "@fastify/cors runs on the {hook} hook, after the onRequest-phase hook of line {line} that answers first (a preflight carries no credentials, so it gets that hook's 401 without CORS headers); use the default hook, onRequest, registered before that hook",
  "config.fastify.check.preflight-off":
    "`preflight: false`: @fastify/cors answers no preflight (its OPTIONS route answers 404), so every request that needs one (PUT, DELETE, a JSON body, an Authorization header) is refused",
  "config.fastify.fix.move":
    "@fastify/cors registered before the hook of line {before}: Fastify runs hooks in the order they are added, and that one answered first",
  "config.fastify.fix.hoist":
    "@fastify/cors registered on the app: inside the plugin of line {line} it reached none of the app's routes (Fastify encapsulates plugins)",
  "config.fastify.fix.hoist-other":
    "@fastify/cors registered on the app: inside the plugin of line {line} it reached that plugin's routes only, not the ones the failing requests go to (Fastify encapsulates plugins); that plugin's routes keep it",
  "config.fastify.fix.preflight":
    "`preflight: true` (line {line}): with `preflight: false` @fastify/cors leaves every preflight to its OPTIONS route, which answers 404",
  "config.fastify.fix.hook":
    "@fastify/cors on the onRequest hook (line {line}, was {hook}): a hook of an earlier phase answered first, and a preflight must be answered before auth",
  "config.fastify.fix.add": "@fastify/cors registered, allowing {origins}",
  "config.fastify.fix.add-expose":
    "@fastify/cors registered, allowing {origins} and exposing {expose}, which the app's routes write on their answers and a script on another origin can read only when exposed",
} as const;
