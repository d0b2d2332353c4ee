/** `cors-lens check|fix --config` on rack-cors (English): a Rails initializer or a Rack config.ru. Names stay as written. */
export const enConfigRack = {
  "config.rack.unknown.gate":
    "the preflight to {path} passes {name} (line {line}) before Rack::Cors, and what it answered was not recorded",
  "config.rack.assumed.env-condition":
    "the if on line {line} ({text}) read with the environment's default written in this file (deployed, the value may differ)",
  "config.rack.unknown.if-block":
    "the allow block's if on line {line} depends on code CORS Lens does not evaluate: which origins and resources it sets is decided where the app runs",
  "config.rack.assumed.gate": "{name} (line {line}), above Rack::Cors, passes the request on (not recorded)",
  "config.rack.assumed.static-file":
    "{name} (line {line}), above Rack::Cors, serves {path} from its folder (the file assumed there, not recorded)",
  "config.rack.assumed.app-200": "the app answers {method} {path} with 200 (not recorded)",
  "config.rack.unknown.raises":
    "the app does not start: credentials: true (line {line}) under origins '*' makes rack-cors raise CorsMisconfigurationError at boot",
  "config.rack.unknown.value": "{name} (line {line}) is computed by code CORS Lens does not evaluate: {text}",
  "config.rack.unknown.if": "the resource on line {line} has an if: proc, which decides at run time",
  "config.rack.unknown.origins":
    "the origins on line {line} come from code CORS Lens does not evaluate ({text}): which origins it allows is decided where the app runs",
  "config.rack.note.several":
    "Rack::Cors is set up more than once: the first (line {line}) is read; a preflight is answered by the outermost",
  "config.rack.check.trailing-slash":
    "rack-cors matches the request's path after Rack's clean_path_info, which drops a trailing slash: {path} matches no request (/api/items/ is seen as /api/items); write {fixed}",
  "config.rack.check.block-shadowed":
    "this block allows every origin on the paths of the credentialed block of line {line}, and rack-cors uses the first block that matches: those requests get '*' without credentials, so a call with cookies is refused — put that block first",
  "config.rack.check.any-credentials":
    "credentials: true under origins '*': rack-cors raises CorsMisconfigurationError when the app boots; list the origins instead of '*'",
  "config.rack.check.gate":
    "Rack::Cors comes after {name} (line {line}), which can answer first (a 401 to the preflight) without the CORS headers: put use Rack::Cors above it",
  "config.rack.check.rails-use":
    "config.middleware.use puts Rack::Cors at the bottom of Rails' stack, after middleware that can answer first without the CORS headers: use insert_before 0, Rack::Cors",
  "config.rack.check.regex-string":
    "{origin} is a string, not a regular expression: rack-cors compares a string with the Origin header whole, so this one matches no page; write it without the quotes, as a Ruby Regexp",
  "config.rack.check.glob":
    "{origin} is compared literally (rack-cors has no * pattern other than '*' alone): it matches no origin; write a Regexp such as /\\Ahttps:\\/\\/[a-z0-9-]+\\.example\\.com\\z/",
  "config.rack.check.path":
    "{origin} has a path or a trailing slash: a browser's Origin never has one, so it matches no origin; drop the slash",
  "config.rack.check.regex-dot":
    "{regex}: an unescaped dot matches any character (https://appXexample.com too); escape it as \\.",
  "config.rack.check.regex-anchor":
    "{regex} is tested with ===, anywhere in the origin: without \\A and \\z it also matches other sites (https://example.com.evil.test); anchor it",
  "config.rack.check.option-not-passed":
    "this resource takes its options from {name}, which also sets {key}: {value} (line {line}) — never passed here, so rack-cors uses its default for {key}; pass {key}: {name}.{key}",
  "config.rack.check.unresolved":
    "origins come from {text}: CORS Lens cannot tell which origins are allowed; pass the value where you run check, or list them",
  "config.rack.check.shadowed":
    "the resource {path} is never used: the catch-all resource on line {line} matches every path first in this allow block",
  "config.rack.check.unknown-option":
    "{name} is not a rack-cors resource option{suggest, select, none {} other { (did you mean {suggest}:?)}}: rack-cors ignores it without a word, so its default stays",
  "config.rack.check.methods-default":
    "the resource {path} has no methods: rack-cors then answers preflights for GET only; PUT, PATCH, DELETE and JSON POSTs are refused",
  "config.rack.check.symbol":
    '{name}: :{value} is not :any: rack-cors reads it as one name, "{value}", which no request has, so every preflight that needs it is refused; write :any (cyu/rack-cors#129)',
  "config.rack.check.methods-partial":
    "methods keeps some update methods and leaves out {methods}: a client that updates with the other verb is refused at its preflight",
  "config.rack.check.methods-case":
    "methods {methods} are written in upper case: rack-cors compares the lower-case request method with them as written, so their preflights are refused; write them as symbols (:put)",
  "config.rack.fix.unslash":
    "the resource {path} (line {line}) without its trailing slash: rack-cors matches the request's path after Rack's clean_path_info, which drops it, so no request ever matched",
  "config.rack.fix.raise":
    "the allow block of line {line} moved above the one of line {before}: rack-cors uses the first block whose origins and resource match, so that one answered this origin's requests first (with '*' and no credentials); every other origin and path still reaches it",
  "config.rack.fix.origin": "{origin} added to the origins (line {line})",
  "config.rack.fix.methods": "{methods} added to the methods of the resource on line {line}",
  "config.rack.fix.headers": "{headers} added to the headers of the resource on line {line}",
  "config.rack.fix.credentials":
    "credentials: true on the resource of line {line}: the page sends credentials",
  "config.rack.fix.resource":
    "resource {pattern} added to the allow block of line {line}, as its first resource is written: no resource matched {path}",
  "config.rack.fix.move":
    "use Rack::Cors moved above {name} (line {line}): that middleware answered before Rack::Cors, without the CORS headers",
  "config.rack.fix.credentialed-copy":
    "a copy of the allow block of line {line} for {origins} goes above it, its resources with credentials: true: rack-cors refuses credentials beside origins '*' and answers from the first block whose origins and resource match, so these origins get their own origin with credentials and every other site '*' as before",
  "config.rack.cannot.origins":
    "the origins of the allow block on line {line} are not a list written in the file: add the origin by hand",
  "config.rack.cannot.no-cors":
    "no Rack::Cors in the file: add use Rack::Cors (or the Rails initializer) first",
  "config.rack.cannot.resource": "no allow block can be extended to cover {path}",
  "config.rack.cannot.public-credentials":
    "origins '*' (line {line}) and the page sends credentials: rack-cors refuses credentials: true with '*' (it raises at boot); list the origins instead of '*'",
} as const;
