/**
 * The words every stack's fix shares (English): the change to the set-up, the labels, the verified
 * line. Each stack's own words (where its snippet goes, its comments) are in its room,
 * src/engine/fixes/<stack>.ts and its .ko.ts.
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
  "fix.change.star-from":
    "In {setup}, `*` comes from `{from}`: set it to `{value}`, and add {items} to `{option}`, keeping what it already lists (where `{option}` is not set yet, add `{absent}`): a request with credentials never matches `*`. Other origins that used `*` need to be listed too.",
  "fix.change.set": "In {setup}, set `{option}` to `{value}`.",
  "fix.change.call": "In {setup}, add `{call}`.",
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
  "fix.label.install":
    "If your project does not have {name} yet (the app stops at start-up without it): {install}",
  "fix.label.snippet": "No CORS set-up yet? Add",
  "fix.label.form": "{form, select, esm {ES module} cjs {CommonJS} other {}}",
  "fix.verified":
    "{versions} in Chromium 156, by npm run test:fixes{on, select, seed {, on the seed's hand-written middleware} proxy {, alone and in front of an app} rack {, on plain Rack (not Rails itself)} other {}}",
} as const;
