/**
 * Flask apps with flask-cors 3.0.10 (Debian 12's python3-flask-cors), read from its source
 * (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/core.py and extension.py):
 * `CORS(app, …)` adds an after_request hook to every response whose path matches a resource (the
 * most specific first; a pattern is a regex anchored at the start: "/api/*" is any path that starts
 * with "/api"); `@cross_origin(…)` answers OPTIONS for its view itself. Strings with regex characters
 * in `origins` and `allow_headers` are regexes (re.match, case-insensitive); the default origins `*`
 * reflect the request's origin (send_wildcard is off).
 */
import type { Node } from "web-tree-sitter";
import { combinedHeader, type HeaderList, hasHeader } from "../../engine";
import { distance } from "../distance";
import { pyRegex } from "../django/settings";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { regexWithoutScheme } from "../origin-regex";
import { argInsert, displayInsert, joinedInsert, pyStr, quoteOf } from "../python/edit";
import {
  appHelper,
  appStatements,
  bindLocal,
  condition,
  type Display,
  evaluate,
  type PyModule,
  type PyVal,
  readModule,
  returned,
  type Span,
} from "../python/values";
import { headerNamesWritten } from "../python/written-headers";
import type { Allowance, Answer, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { ConfigSyntaxError } from "../types";
import {
  exposedNames,
  faultOf,
  type Judged,
  type RequestSpec,
  STRANGER_ORIGIN,
  Unknowable,
  unsafeNames,
} from "../whatif";

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 });
const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
const lower = (s: string) => s.toLowerCase();

const ALL_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"];
/**
 * A view decorator's name that says it checks credentials (`@requires_auth`, `@token_required`): it
 * may answer a request without them itself, as a preflight is
 * (https://fetch.spec.whatwg.org/#cors-preflight-fetch: no credentials); see refusesPreflight.
 */
const AUTH_DECORATOR = /^@[\w.]*(auth|login|jwt|token|permission)/i;

/** The module's top-level function of this name (decorated or not), or null. */
function topFunction(mod: { tree: { rootNode: Node } }, name: string): Node | null {
  if (!/^[A-Za-z_]\w*$/.test(name)) return null;
  for (const top of kids(mod.tree.rootNode)) {
    const def = top.type === "decorated_definition" ? top.childForFieldName("definition") : top;
    if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name) return def;
  }
  return null;
}

/**
 * The span that removes the string "OPTIONS" from a literal methods list (`["GET", "OPTIONS"]`) with
 * one comma beside it; null when the list is not all strings or holds OPTIONS alone.
 */
function optionsItemOf(list: Node): Span | null {
  if (list.type !== "list" && list.type !== "tuple") return null;
  const items = kids(list).filter((k) => k.type !== "," && k.type !== "comment");
  if (items.length < 2 || !items.every((k) => k.type === "string")) return null;
  const i = items.findIndex((k) => /^[rRuU]?(["'])OPTIONS\1$/i.test(k.text));
  const item = items[i];
  if (!item) return null;
  // From the end of the item before it (its comma included), else up to the next item's start.
  const before = items[i - 1];
  const after = items[i + 1];
  if (before) return { start: before.endIndex, end: item.endIndex, line: item.startPosition.row + 1 };
  if (after) return { start: item.startIndex, end: after.startIndex, line: item.startPosition.row + 1 };
  return null;
}

/**
 * A view decorator that answers a preflight itself: one defined in this file, named for a
 * credentials check, whose code does not let OPTIONS through. The packages' own decorators do let it
 * through — flask_login's `login_required` (EXEMPT_METHODS), flask_jwt_extended's `jwt_required`
 * (JWT_EXEMPT_METHODS), Flask-HTTPAuth's `login_required` — so they are not taken for one
 * (https://github.com/maxcountryman/flask-login/blob/main/src/flask_login/utils.py).
 */
function refusesPreflight(mod: { tree: { rootNode: Node } }, decorator: Node): boolean {
  const name = decorator.text.replace(/^@\s*/, "").replace(/\(.*$/s, "").trim();
  if (!AUTH_DECORATOR.test(`@${name}`) || name.includes(".")) return false;
  for (const top of kids(mod.tree.rootNode)) {
    const def = top.type === "decorated_definition" ? top.childForFieldName("definition") : top;
    if (def?.type !== "function_definition" || def.childForFieldName("name")?.text !== name) continue;
    return !/OPTIONS/.test(def.text);
  }
  return false;
}

interface Opt {
  value: PyVal;
  /** The whole `name=value` / `"name": value`, and the value. */
  arg: Span;
  at: Span;
}

/** A place options are written: CORS(...)'s keywords, a resource's dict, @cross_origin(...)'s. */
interface OptSet {
  opts: Map<string, Opt>;
  /** Every argument/entry span, and the closing bracket: where a new one goes. */
  args: Span[];
  close: Span | null;
  line: number;
  /** The dict literal's key → value pairs are written with `"key": value` (a resource's). */
  dict: boolean;
}

type ResourcesWritten =
  | { kind: "dict"; set: OptSet; prefix: string }
  | { kind: "list"; display: Display; prefix: string }
  | { kind: "str"; at: Span; prefix: string };

interface Resource {
  pattern: string;
  line: number;
  set: OptSet;
}

/** A view function's URL rule: who it belongs to, its methods, and its @cross_origin options. */
export interface Route {
  owner: string;
  path: RegExp;
  /** The URL as written with its blueprint's prefix ("/api/items"). */
  rule: string;
  /** The methods Werkzeug matches it for (HEAD with GET; OPTIONS: Flask's or @cross_origin's). */
  methods: string[];
  view: string;
  line: number;
  /** The @cross_origin decorator (its text), and the `def` it goes above. */
  cross: { set: OptSet; text: string } | null;
  /**
   * A @cross_origin that does not wrap what this route registers, or not first: written above the
   * route decorator (the route registers the undecorated view), or below a decorator that can answer
   * first (`guard`). Python applies decorators bottom-up, so the one under the route decorator wraps
   * the others (https://docs.python.org/3/reference/compound_stmts.html#function-definitions).
   */
  misplaced: {
    /** The @cross_origin line's span (its whole line), and where it goes: the line under the route decorator. */
    cross: Span;
    to: number;
    line: number;
    /** An auth decorator between the route and @cross_origin: it answers a request without credentials. */
    guard: { line: number; name: string } | null;
  } | null;
  def: Span;
  order: number;
  /** strict_slashes (Werkzeug's default True): a rule ending in "/" redirects the URL without it. */
  strict: boolean;
  /** The rule's blueprint rule was "/" under a url_prefix (the URL written without the slash redirects). */
  prefixed: boolean;
  /** The route decorator's arguments and closing parenthesis: where strict_slashes=False goes. */
  call: { args: Span[]; close: Span | null };
  /** A hand-written decorator of the file under the route decorator that sets headers (HandDeco). */
  hand?: HandDeco | null;
  /** `methods=[…]` lists OPTIONS: the view answers it (the decorator's headers too). */
  ownOptions?: boolean;
  /**
   * A decorator of this file under @cross_origin (so run inside it) whose code aborts or raises: its
   * error answer passes @cross_origin by, as the view's own abort does (abortsPastCross).
   */
  abortsUnder?: { name: string; line: number } | null;
  /** The first decorator under the route decorator named for a credentials check (AUTH_DECORATOR). */
  authUnder?: { name: string; line: number } | null;
  /**
   * Where `"OPTIONS"` is written in a literal `methods=[…]` list that names other methods too: the
   * item with its comma, the span removing it leaves the rest of the list as written.
   */
  optionsItem?: Span | null;
}

/**
 * A view decorator of the file that sets headers on what the view returns (`def crossorigin(): def
 * decorate(func): @wraps(func) def wrapper(*a, **kw): response = make_response(func(*a, **kw));
 * response.headers["Access-Control-Allow-Origin"] = …; return response`). Python applies it to the
 * view the route registers when written under the route decorator
 * (https://docs.python.org/3/reference/compound_stmts.html#function-definitions); Flask's automatic
 * OPTIONS answer does not call the view
 * (https://github.com/pallets/flask/blob/2.2.x/src/flask/app.py, Flask.dispatch_request), so a
 * preflight gets none of them.
 */
export interface HandDeco {
  name: string;
  line: number;
  /** The wrapper's `X.headers["…"] = …` statements, in order (values read after the module is). */
  sets: DecoSet[];
  /** What could not be read (a header set under an `if`, a value computed by code): its line and text. */
  unknown: { line: number; text: string } | null;
}

export interface DecoSet {
  name: string;
  value: string;
  /** `O if O in [o.strip() for o in V.split(",")] else V` (what `fix` writes): V's parts. */
  among?: string[];
  stmt: Span;
  /** The right-hand side, and its text. */
  rhs: Span;
  rhsText: string;
  /** The value read from a string split on commas by this header: its parts (the page's origin among them?). */
  parts: string[];
}

/** A header the hand-written after_request hook sets: `response.headers["X"] = "v"`, `.add`, `.set`. */
export interface HookSet {
  name: string;
  value: string;
  /** `[]=` and `set` replace the header; `add` adds a line; `setdefault` sets it where the view did not. */
  method: "item" | "add" | "set" | "setdefault";
  stmt: Span;
  /** The string literal of the value. */
  literal: Span;
  quote: string;
  /**
   * `request.headers.get("Origin") if request.headers.get("Origin") in [...] else "v"` (what `fix`
   * writes): the request's origin when listed, `value` otherwise.
   */
  among?: string[];
  /** `request.headers.get("Origin", "v")`: the request's origin where it sent one, `value` otherwise. */
  reflect?: true;
  /** Set in the hook's `if request.method == "OPTIONS":` block: on OPTIONS answers only. */
  preflight?: true;
}

export interface HandHook {
  line: number;
  /** The response parameter's name. */
  param: string;
  sets: HookSet[];
  /** `return response`: where a missing header's line goes. */
  ret: Span;
}

/** A before_request hook: it runs for every request of its app (or blueprint), preflights too. */
export interface Hook {
  owner: string;
  line: number;
  /** The first statement of its body (after a docstring): where an OPTIONS early return goes. */
  first: Span;
  /** It can answer itself: returns a value, aborts or raises an HTTP error. */
  answers: boolean;
  /** It lets OPTIONS through (`if request.method == "OPTIONS": return`). */
  passes: boolean;
  /** The `def` line under the decorator (the function that answers). */
  def?: number;
  /** It answers OPTIONS itself with Flask's default answer (`return app.make_default_options_response()`). */
  answersOptions?: boolean;
}

/**
 * `s` as a before_request hook (`@app.before_request def …`), owned by `owner` where given (a hook an
 * extension's `init_app(self, app)` registers on the app it is handed), else by the decorator's object.
 */
function beforeRequest(s: Node, mod: PyModule, owner: string | null): Hook | null {
  const decorators = s.namedChildren.filter((c): c is Node => c?.type === "decorator");
  const hook = decorators.find((d) => /^@\s*\w+\.before_(app_)?request\s*$/.test(d.text));
  const hookBody = s.childForFieldName("definition")?.childForFieldName("body");
  if (!hook || !hookBody) return null;
  const stmts = kids(hookBody);
  const doc = stmts[0]?.type === "expression_statement" && kids(stmts[0])[0]?.type === "string";
  const first = (doc ? stmts[1] : stmts[0]) ?? stmts[0];
  const body = hookBody.text;
  if (!first) return null;
  return {
    owner: owner ?? /^@\s*(\w+)\./.exec(hook.text)?.[1] ?? "",
    line: hook.startPosition.row + 1,
    def: (s.childForFieldName("definition")?.startPosition.row ?? 0) + 1,
    first: span(first),
    answers:
      /\breturn[ \t]+(?!None\b)\S|\babort\s*\(|\braise\s+\w*(Unauthorized|Forbidden|HTTPException|BadRequest)\b/.test(
        body,
      ),
    passes: /\brequest\.method\s*(?:==\s*[rbuRBU]*["']OPTIONS["']|in\s*[[({][^\])}]*["']OPTIONS["'])/.test(
      body,
    ),
    answersOptions:
      /^if\s+request\.method\s*==\s*["']OPTIONS["']\s*:\s*\n\s*return\s+\w+\.make_default_options_response\(\)\s*$/.test(
        mod.text.slice(first.startIndex, hookBody.endIndex),
      ),
  };
}

/**
 * The before_request hooks a class of the module registers on the app it is handed — the Flask
 * extension pattern (`BasicAuth(app)` → `init_app(self, app)` → `@app.before_request`, as
 * Flask-BasicAuth does with BASIC_AUTH_FORCE: https://github.com/jpvanhal/flask-basicauth/blob/master/flask_basicauth.py),
 * for `Ext(app)` and `ext.init_app(app)` where `ext = Ext()`: each owned by `app`.
 */
function extensionHooks(mod: PyModule, call: Node, app: string, made: ReadonlyMap<string, string>): Hook[] {
  const fn = call.childForFieldName("function");
  const args = kids(call.childForFieldName("arguments") as Node);
  if (!fn || args[0]?.type !== "identifier" || args[0].text !== app) return [];
  const cls =
    fn.type === "identifier"
      ? fn.text
      : fn.type === "attribute" && fn.childForFieldName("attribute")?.text === "init_app"
        ? made.get(fn.childForFieldName("object")?.text ?? "")
        : undefined;
  const def = kids(mod.tree.rootNode).find(
    (c) => c.type === "class_definition" && c.childForFieldName("name")?.text === cls,
  );
  const body = def?.childForFieldName("body");
  if (!body) return [];
  const methods = kids(body).map((m) =>
    m.type === "decorated_definition" ? m.childForFieldName("definition") : m,
  );
  const initApp = methods.find(
    (m) => m?.type === "function_definition" && m.childForFieldName("name")?.text === "init_app",
  );
  const hooks: Hook[] = [];
  for (const m of methods) {
    if (m?.type !== "function_definition") continue;
    const name = m.childForFieldName("name")?.text;
    // __init__(self, app=None) hands the app to init_app; init_app registers the hooks.
    if (name !== "init_app" && !(name === "__init__" && !initApp)) continue;
    const param = kids(m.childForFieldName("parameters") as Node)[1];
    const pname = (param?.type === "identifier" ? param : param?.childForFieldName("name"))?.text;
    for (const st of kids(m.childForFieldName("body") as Node)) {
      if (st.type !== "decorated_definition") continue;
      const d = st.namedChildren.find((c) => c?.type === "decorator");
      if (!d || !pname || !new RegExp(`^@\\s*${pname}\\.before_(app_)?request\\s*$`).test(d.text)) continue;
      const h = beforeRequest(st, mod, app);
      if (h) hooks.push(h);
    }
  }
  return hooks;
}

/**
 * The app.config keys flask-cors reads as option defaults, `CORS_X` for option `x`
 * (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/core.py#L38-L43, get_app_kwarg_dict):
 * read by CORS(app) when it runs (extension.py init_app), by @cross_origin at each request.
 */
const CONFIG_OPTIONS = [
  "CORS_ORIGINS",
  "CORS_METHODS",
  "CORS_ALLOW_HEADERS",
  "CORS_EXPOSE_HEADERS",
  "CORS_SUPPORTS_CREDENTIALS",
  "CORS_MAX_AGE",
  "CORS_SEND_WILDCARD",
  "CORS_AUTOMATIC_OPTIONS",
  "CORS_VARY_HEADER",
  "CORS_RESOURCES",
  "CORS_INTERCEPT_EXCEPTIONS",
  "CORS_ALWAYS_SEND",
];

export interface FlaskApp {
  file: string;
  mod: PyModule;
  app: { name: string; stmt: Span } | null;
  /** The application factory the app is made in (`def create_app():`), when not at module level. */
  factory: { name: string; line: number } | null;
  ext: {
    set: OptSet;
    resources: Resource[] | null;
    /** Where `resources=` is written (a dict, a list or a string literal): where a pattern is added. */
    written: ResourcesWritten | null;
    unknown: Words | null;
    stmt: Span;
  } | null;
  views: Array<{ rules: RegExp[]; set: OptSet }>;
  /** CORS(bp, …) on a blueprint: it acts on that blueprint's routes only (its after_request). */
  scoped: Array<NonNullable<FlaskApp["ext"]> & { target: string }>;
  /** Every routed view, in the order Flask's URL map tries them (a blueprint's at its registration). */
  routes: Route[];
  /** A CORS_* app.config write CORS Lens cannot merge (a computed key, CORS_RESOURCES): its line. */
  configured: number | null;
  /**
   * An after_request hook that sets Access-Control-* headers itself: its line. flask-cors skips a
   * response that already has Access-Control-Allow-Origin
   * (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/extension.py, cors_after_request), and
   * the order both run in depends on where each is registered: not modelled, so every answer is unknown.
   */
  handSet: number | null;
  /**
   * An app-wide after_request hook that only sets headers to string literals and returns the
   * response (the common hand-written CORS hook): read as adding them to every response, Flask's
   * automatic OPTIONS answer included (process_response runs the hooks on every response,
   * https://github.com/pallets/flask/blob/2.2.x/src/flask/app.py, Flask.process_response). Without
   * flask-cors beside it only (the order both run in is not modelled).
   */
  hook: HandHook | null;
  /** flask-cors options set through app.config, in the order written (`at`: the statement's offset). */
  config: Array<{ name: string; opt: Opt; at: number }>;
  /** CORS_* keys that are not flask-cors options (ignored by it), with their line. */
  configKeys: Array<{ key: string; line: number }>;
  hooks: Hook[];
}

export interface FlaskConfig extends ReadConfig {
  format: "flask";
  app: FlaskApp;
}

export class FlaskSyntaxError extends ConfigSyntaxError {}

export const PREFLIGHT_UNKNOWN = new Set(["config.flask.unknown.upstream-options"]);

function probablyRegex(s: string): boolean {
  return /[*\\\]?$^[()]/.test(s);
}

/**
 * The hand-written after_request hook, when all it does is set headers to string literals on the
 * response it is given and return it; null for anything else (read as before: unknown).
 */
function handHook(s: Node, mod: PyModule): HandHook | null {
  const def = s.childForFieldName("definition");
  const params = def?.childForFieldName("parameters");
  const body = def?.childForFieldName("body");
  if (!def || !params || !body) return null;
  const ps = kids(params);
  if (ps.length !== 1 || ps[0]?.type !== "identifier") return null;
  const param = ps[0].text;
  const stmts = kids(body);
  if (stmts[0]?.type === "expression_statement" && kids(stmts[0])[0]?.type === "string") stmts.shift();
  const ret = stmts.pop();
  if (ret?.type !== "return_statement" || kids(ret)[0]?.text !== param) return null;
  const str = (n: Node | null | undefined) => {
    if (!n) return null;
    const v = evaluate(n, new Map(), mod.imports);
    return v.t === "str" && v.prefix === "" ? v : null;
  };
  const headers = `${param}.headers`;
  const sets: HookSet[] = [];
  const request = [...mod.imports].find(([, v]) => v.module === "flask" && v.name === "request")?.[0];
  // httpbin's hook: the preflight's own headers in `if request.method == "OPTIONS":` (no else),
  // set on OPTIONS answers only.
  const flat: Array<{ st: Node; preflight: boolean }> = [];
  for (const st of stmts) {
    const test =
      st.type === "if_statement" ? st.childForFieldName("condition")?.text.replace(/\s+/g, "") : null;
    const block = st.type === "if_statement" ? st.childForFieldName("consequence") : null;
    if (
      test != null &&
      request !== undefined &&
      block &&
      !st.childForFieldName("alternative") &&
      new RegExp(`^${request}\\.method==(["'])OPTIONS\\1$`).test(test)
    )
      for (const inner of kids(block)) flat.push({ st: inner, preflight: true });
    else flat.push({ st, preflight: false });
  }
  for (const { st, preflight } of flat) {
    const only = preflight ? { preflight: true as const } : {};
    const e = st.type === "expression_statement" ? kids(st)[0] : undefined;
    if (e?.type === "assignment") {
      const left = e.childForFieldName("left");
      const name = str(left?.type === "subscript" ? left.childForFieldName("subscript") : null);
      const right = e.childForFieldName("right");
      const chosen = right ? originChoice(right, mod) : null;
      const reflected = right ? reflectedOrigin(right, request) : null;
      const value = chosen?.fallback ?? reflected ?? str(right);
      if (left?.childForFieldName("value")?.text !== headers || !name || !value) return null;
      sets.push({
        name: name.v,
        value: value.v,
        method: "item",
        stmt: span(st),
        literal: chosen ? span(right as Node) : value.at,
        quote: value.quote,
        ...(chosen ? { among: chosen.among } : {}),
        ...(reflected ? { reflect: true as const } : {}),
        ...only,
      });
      continue;
    }
    if (e?.type === "call") {
      const fn = e.childForFieldName("function")?.text ?? "";
      const args = kids(e.childForFieldName("arguments") as Node);
      const method =
        fn === `${headers}.add`
          ? "add"
          : fn === `${headers}.set`
            ? "set"
            : fn === `${headers}.setdefault`
              ? "setdefault"
              : null;
      const name = str(args[0]);
      const value = str(args[1]);
      if (!method || args.length !== 2 || !name || !value) return null;
      sets.push({
        name: name.v,
        value: value.v,
        method,
        stmt: span(st),
        literal: value.at,
        quote: value.quote,
        ...only,
      });
      continue;
    }
    return null;
  }
  return { line: s.startPosition.row + 1, param, sets, ret: span(ret) };
}

/**
 * `request.headers.get("Origin", "v")` (flask's request): the request's Origin sent back, "v" (or
 * nothing) without one — Werkzeug's Headers.get default
 * (https://github.com/pallets/werkzeug/blob/2.2.2/src/werkzeug/datastructures.py, Headers.get).
 */
function reflectedOrigin(
  n: Node,
  request: string | undefined,
): { v: string; quote: string; at: Span } | null {
  if (request === undefined || n.type !== "call") return null;
  const m = new RegExp(`^${request}\\.headers\\.get\\((["'])Origin\\1(?:,(["'])([^"']*)\\2)?\\)$`).exec(
    n.text.replace(/\s+/g, ""),
  );
  return m ? { v: m[3] ?? "", quote: m[2] ?? m[1] ?? '"', at: span(n) } : null;
}

/** `O if O in ["a", "b"] else "v"`, O flask's `request.headers.get("Origin")`: the list and "v". */
function originChoice(
  n: Node,
  mod: PyModule,
): { among: string[]; fallback: Extract<PyVal, { t: "str" }> } | null {
  if (n.type !== "conditional_expression") return null;
  const [a, test, b] = kids(n);
  const request = [...mod.imports].find(([, v]) => v.module === "flask" && v.name === "request")?.[0];
  const origin = (x: Node | undefined) =>
    request !== undefined &&
    x !== undefined &&
    new RegExp(`^${request}\\.headers\\.get\\((["'])Origin\\1\\)$`).test(x.text.replace(/\s+/g, ""));
  if (!origin(a) || test?.type !== "comparison_operator" || !b) return null;
  const [l, list] = kids(test);
  const ops = test.childrenForFieldName("operators").map((o) => o?.text);
  const fallback = evaluate(b, new Map(), mod.imports);
  const items = list ? evaluate(list, new Map(), mod.imports) : null;
  if (!origin(l) || ops.join(" ") !== "in" || fallback.t !== "str" || items?.t !== "seq") return null;
  if (items.items.some((i) => i.t !== "str")) return null;
  return { among: items.items.map((i) => (i as { v: string }).v), fallback };
}

/**
 * The module's hand-written view decorators that set Access-Control-* headers (HandDeco), by name,
 * with what their values are read from: `resolve` reads each value once the module is read (a
 * value read from app.config at request time is the one set last).
 */
function handDecorators(
  mod: PyModule,
): Map<string, { deco: HandDeco; values: Array<{ set: DecoSet; node: Node; locals: Map<string, Node> }> }> {
  const out = new Map<
    string,
    { deco: HandDeco; values: Array<{ set: DecoSet; node: Node; locals: Map<string, Node> }> }
  >();
  for (const top of kids(mod.tree.rootNode)) {
    const def = top.type === "decorated_definition" ? top.childForFieldName("definition") : top;
    // One that answers OPTIONS itself or changes how Flask does is left to the recorded answers.
    if (
      def?.type !== "function_definition" ||
      !/access-control-/i.test(def.text) ||
      /provide_automatic_options|\brequest\.method\b/.test(def.text)
    )
      continue;
    const name = def.childForFieldName("name")?.text ?? "";
    // The innermost function that returns what it sets headers on: the wrapper.
    const wrapper = [def, ...def.descendantsOfType("function_definition")]
      .filter((d): d is Node => d !== null)
      .reverse()
      .find((d) => /\.headers\s*\[/.test(d.childForFieldName("body")?.text ?? ""));
    const body = wrapper?.childForFieldName("body");
    if (!wrapper || !body || wrapper === def) continue;
    const deco: HandDeco = { name, line: top.startPosition.row + 1, sets: [], unknown: null };
    const values: Array<{ set: DecoSet; node: Node; locals: Map<string, Node> }> = [];
    out.set(name, { deco, values });
    const stmts = kids(body);
    const ret = stmts.at(-1);
    const param = ret?.type === "return_statement" ? kids(ret)[0] : undefined;
    if (param?.type !== "identifier") {
      deco.unknown = { line: wrapper.startPosition.row + 1, text: wrapper.text.split("\n")[0] ?? "" };
      continue;
    }
    const locals = new Map<string, Node>();
    for (const st of stmts.slice(0, -1)) {
      const e = st.type === "expression_statement" ? kids(st)[0] : undefined;
      const left = e?.type === "assignment" ? e.childForFieldName("left") : null;
      const right = e?.type === "assignment" ? e.childForFieldName("right") : null;
      if (left?.type === "identifier" && right) {
        locals.set(left.text, right);
        continue;
      }
      const key = left?.type === "subscript" ? left.childForFieldName("subscript") : null;
      const header = key ? evaluate(key, new Map(), mod.imports) : null;
      if (
        left?.childForFieldName("value")?.text === `${param.text}.headers` &&
        header?.t === "str" &&
        right
      ) {
        const set: DecoSet = {
          name: header.v,
          value: "",
          stmt: span(st),
          rhs: span(right),
          rhsText: right.text,
          parts: [],
        };
        deco.sets.push(set);
        values.push({ set, node: right, locals: new Map(locals) });
        continue;
      }
      // A CORS header set any other way (under an `if`, with .add): not read.
      if (/access-control-/i.test(st.text)) {
        deco.unknown = { line: st.startPosition.row + 1, text: st.text.split("\n")[0] ?? "" };
        break;
      }
    }
  }
  return out;
}

/** The headers after a hand-written view decorator (HandDeco) set its own on the view's answer. */
function withDeco(deco: HandDeco, headers: HeaderList, req: HopRequest): HeaderList {
  const origin = req.headers.find(([n]) => n.toLowerCase() === "origin")?.[1];
  let out: HeaderList = headers;
  for (const x of deco.sets) {
    out = out.filter(([n]) => n.toLowerCase() !== x.name.toLowerCase());
    const value = x.among && origin !== undefined && x.among.includes(origin) ? origin : x.value;
    out = [...out, [x.name, value]];
  }
  return out;
}

/** The headers after the hand-written hook ran on a response (the hook's own earlier ones left out). */
function withHook(hook: HandHook, headers: HeaderList, req: HopRequest): HeaderList {
  const mine = new Set(hook.sets.filter((x) => x.method !== "setdefault").map((x) => x.name.toLowerCase()));
  const origin = req.headers.find(([n]) => n.toLowerCase() === "origin")?.[1];
  let out: HeaderList = headers.filter(([n]) => !mine.has(n.toLowerCase()));
  for (const x of hook.sets) {
    if (x.preflight && req.method.toUpperCase() !== "OPTIONS") continue;
    if (x.reflect) {
      const v = origin ?? x.value;
      if (v !== "") out = [...out.filter(([n]) => n.toLowerCase() !== x.name.toLowerCase()), [x.name, v]];
      continue;
    }
    // Werkzeug's Headers.setdefault: the value already there (the view's own) stays.
    if (x.method === "setdefault" && out.some(([n]) => n.toLowerCase() === x.name.toLowerCase())) continue;
    if (x.method !== "add") out = out.filter(([n]) => n.toLowerCase() !== x.name.toLowerCase());
    const value = x.among && origin !== undefined && x.among.includes(origin) ? origin : x.value;
    out = [...out, [x.name, value]];
  }
  return out;
}

/** The code a value could not be read from (the first unread item of a list), for the message. */
function unknownText(v: PyVal): string {
  const u = v.t === "unknown" ? v : v.t === "seq" ? v.items.find((i) => i.t === "unknown") : undefined;
  return u?.t === "unknown" ? u.text.slice(0, 80) : "";
}

function readFlask(file: ConfigFile): FlaskApp {
  const mod = readModule(file.text);
  const out: FlaskApp = {
    file: file.path,
    mod,
    app: null,
    factory: null,
    ext: null,
    views: [],
    scoped: [],
    routes: [],
    configured: null,
    handSet: null,
    hook: null,
    config: [],
    configKeys: [],
    hooks: [],
  };
  const blueprints = new Map<string, { prefix: string; at: number | null }>();
  const pending: Array<Omit<Route, "path" | "rule" | "order"> & { rule: string; at: number }> = [];
  if (mod.error) return out;
  const scope = new Map([...mod.names].map(([k, a]) => [k, a.value]));
  const hands = handDecorators(mod);
  const fromArgs = (argList: Node, skip: number): OptSet => {
    const all = kids(argList);
    const opts = new Map<string, Opt>();
    for (const a of all.slice(skip))
      if (a.type === "keyword_argument") {
        const v = a.childForFieldName("value");
        const name = a.childForFieldName("name")?.text ?? "";
        if (v) opts.set(name, { value: evaluate(v, scope, mod.imports), arg: span(a), at: span(v) });
      }
    const close = argList.child(argList.childCount - 1);
    return {
      opts,
      args: all.map(span),
      close: close ? span(close) : null,
      line: argList.startPosition.row + 1,
      dict: false,
    };
  };
  const fromDict = (d: Node, names: Map<string, PyVal> = scope): OptSet | null => {
    const opts = new Map<string, Opt>();
    const pairs = kids(d);
    for (const p of pairs) {
      if (p.type !== "pair") return null;
      const k = p.childForFieldName("key");
      const v = p.childForFieldName("value");
      const key = k ? evaluate(k, names, mod.imports) : null;
      if (key?.t !== "str" || !v) return null;
      opts.set(key.v, { value: evaluate(v, names, mod.imports), arg: span(p), at: span(v) });
    }
    const close = d.child(d.childCount - 1);
    return {
      opts,
      args: pairs.map(span),
      close: close ? span(close) : null,
      line: d.startPosition.row + 1,
      dict: true,
    };
  };
  // Every app.config key set so far, for the `if`s that read one (app.config["CORS_ENABLED"]).
  const configValues = new Map<string, PyVal>();
  const setConfig = (key: string, value: PyVal, arg: Span, at: Span, stmt: Node) => {
    configValues.set(key, value);
    if (!key.startsWith("CORS_")) return;
    if (key === "CORS_RESOURCES") out.configured = stmt.startPosition.row + 1;
    else if (CONFIG_OPTIONS.includes(key))
      out.config.push({
        name: key.toLowerCase().replaceAll("cors_", ""),
        opt: { value, arg, at },
        at: stmt.startIndex,
      });
    else out.configKeys.push({ key, line: arg.line });
  };
  const isConfig = (n: Node | null | undefined) => /^\w+\.config$/.test(n?.text ?? "");
  /** app.config["K"] and app.config.get("K", default) in a condition: the value set above it. */
  const configLeaf = (n: Node): PyVal | null => {
    const at = span(n);
    if (n.type === "subscript" && isConfig(n.childForFieldName("value"))) {
      const k = n.childForFieldName("subscript");
      const key = k ? evaluate(k, scope, mod.imports) : null;
      if (key?.t !== "str") return null;
      const v = configValues.get(key.v);
      return v ? { ...v, at } : { t: "unknown", text: n.text, at };
    }
    const fn = n.type === "call" ? n.childForFieldName("function") : null;
    if (
      fn?.type === "attribute" &&
      fn.childForFieldName("attribute")?.text === "get" &&
      isConfig(fn.childForFieldName("object"))
    ) {
      const [k, d] = kids(n.childForFieldName("arguments") as Node);
      const key = k ? evaluate(k, scope, mod.imports) : null;
      if (key?.t !== "str") return null;
      const v = configValues.get(key.v);
      if (v) return { ...v, at };
      return d ? evaluate(d, scope, mod.imports) : { t: "none", at };
    }
    return null;
  };
  /** The block a module-level `if` runs, decided from literals and app.config; null when it cannot. */
  const decided = (s: Node): Node[] | null => {
    const branches: Array<{ cond: Node | null; body: Node | null }> = [
      { cond: s.childForFieldName("condition"), body: s.childForFieldName("consequence") },
    ];
    for (const alt of s.childrenForFieldName("alternative")) {
      if (alt?.type === "elif_clause")
        branches.push({
          cond: alt.childForFieldName("condition"),
          body: alt.childForFieldName("consequence"),
        });
      else if (alt?.type === "else_clause")
        branches.push({ cond: null, body: alt.childForFieldName("body") });
    }
    for (const b of branches) {
      const pick = b.cond ? condition(b.cond, scope, mod.imports, configLeaf) : true;
      if (pick === null) return null;
      if (pick) return b.body ? kids(b.body) : [];
    }
    return [];
  };
  const madeApart = new Map<string, Node>();
  /** `ext = Ext()`: the class of each name, for `ext.init_app(app)`. */
  const extensions = new Map<string, string>();
  const body = appStatements(mod, /(^|\.)Flask$/);
  out.factory = body.factory;
  const inlined = new Set<string>();
  const walk = (stmts: Node[]): void => {
    for (const s of stmts) {
      if (body.factory) bindLocal(s, scope, mod.imports);
      if (s.type === "if_statement") {
        const block = decided(s);
        if (block) walk(block);
        continue;
      }
      if (s.type === "expression_statement") {
        const e = kids(s)[0];
        if (e?.type === "assignment") {
          const left = e.childForFieldName("left");
          const right = e.childForFieldName("right");
          if (left?.type === "subscript" && isConfig(left.childForFieldName("value")) && right) {
            const k = left.childForFieldName("subscript");
            const key = k ? evaluate(k, scope, mod.imports) : null;
            if (key?.t === "str")
              setConfig(key.v, evaluate(right, scope, mod.imports), span(s), span(right), s);
            else if (/CORS_/.test(left.text)) out.configured = s.startPosition.row + 1;
          }
          if (
            left?.type === "identifier" &&
            right?.type === "call" &&
            /(^|\.)Flask$/.test(right.childForFieldName("function")?.text ?? "")
          )
            out.app = { name: left.text, stmt: span(s) };
          if (
            left?.type === "identifier" &&
            right?.type === "call" &&
            /(^|\.)Blueprint$/.test(right.childForFieldName("function")?.text ?? "")
          ) {
            const prefix = keywordStr(right, "url_prefix");
            blueprints.set(left.text, { prefix: prefix ?? "", at: null });
          }
          if (right?.type === "call" && out.app) {
            out.hooks.push(...extensionHooks(mod, right, out.app.name, extensions));
            const made = right.childForFieldName("function");
            if (left?.type === "identifier" && made?.type === "identifier")
              extensions.set(left.text, made.text);
          }
          if (
            right?.type === "call" &&
            /^CORS$|\.CORS$/.test(right.childForFieldName("function")?.text ?? "")
          ) {
            // `cors = CORS(resources=…)` with no app: it acts when init_app is called on it.
            const first = kids(right.childForFieldName("arguments") as Node)[0];
            if (left?.type === "identifier" && (!first || first.type === "keyword_argument"))
              madeApart.set(left.text, right);
            else cors(right, span(s));
          }
          continue;
        }
        if (e?.type === "call") {
          const fn = e.childForFieldName("function")?.text ?? "";
          if (out.app) out.hooks.push(...extensionHooks(mod, e, out.app.name, extensions));
          // app.config.update(CORS_X=…) / app.config.update({"CORS_X": …}) / from_mapping.
          if (/^\w+\.config\.(update|from_mapping)$/.test(fn)) {
            for (const a of kids(e.childForFieldName("arguments") as Node)) {
              if (a.type === "keyword_argument") {
                const v = a.childForFieldName("value");
                if (v)
                  setConfig(
                    a.childForFieldName("name")?.text ?? "",
                    evaluate(v, scope, mod.imports),
                    span(a),
                    span(v),
                    s,
                  );
              } else if (a.type === "dictionary")
                for (const pair of kids(a)) {
                  const k = pair.childForFieldName("key");
                  const v = pair.childForFieldName("value");
                  const key = k ? evaluate(k, scope, mod.imports) : null;
                  if (key?.t === "str" && v)
                    setConfig(key.v, evaluate(v, scope, mod.imports), span(pair), span(v), s);
                  else if (/CORS_/.test(pair.text)) out.configured = s.startPosition.row + 1;
                }
              else if (/CORS_/.test(a.text)) out.configured = s.startPosition.row + 1;
            }
          }
          if (/^\w+\.register_blueprint$/.test(fn)) {
            const bp = kids(e.childForFieldName("arguments") as Node)[0];
            const known = bp ? blueprints.get(bp.text) : undefined;
            if (bp && known) {
              const prefix = keywordStr(e, "url_prefix");
              blueprints.set(bp.text, { prefix: prefix ?? known.prefix, at: s.startIndex });
            }
          }
          // A function of this file handed the app: read where it is called, once.
          const helper = out.app ? appHelper(mod, e, out.app.name) : null;
          if (helper && out.app && !inlined.has(helper.name)) {
            inlined.add(helper.name);
            const app = out.app;
            out.app = { ...app, name: helper.param };
            walk(helper.stmts);
            out.app = app;
          }
          if (/^(flask_cors\.)?CORS$/.test(fn)) cors(e, span(s));
          else if (/^\w+\.init_app$/.test(fn) && out.ext === null) {
            // cors = CORS(); cors.init_app(app, …): the keywords of both.
            cors(e, span(s), madeApart.get(fn.split(".")[0] ?? ""));
          }
        }
        continue;
      }
      if (s.type === "decorated_definition") {
        const decorators = s.namedChildren.filter((c): c is Node => c?.type === "decorator");
        const after = decorators.find((d) => /^@\s*\w+\.after_(app_)?request\s*$/.test(d.text));
        if (
          out.handSet === null &&
          after &&
          /access-control-/i.test(s.childForFieldName("definition")?.text ?? "")
        ) {
          // A blueprint's after_request acts on its own routes only: not read as app-wide.
          const appWide =
            /after_app_request/.test(after.text) ||
            !blueprints.has(/^@\s*(\w+)\./.exec(after.text)?.[1] ?? "");
          const hook = out.hook === null && appWide ? handHook(s, mod) : null;
          if (hook) out.hook = hook;
          else {
            out.handSet = s.startPosition.row + 1;
            out.hook = null;
          }
        }
        const hook = beforeRequest(s, mod, null);
        if (hook) out.hooks.push(hook);
        const co = decorators.find((d) => /^@\s*(flask_cors\.)?cross_origin\b/.test(d.text));
        const def = s.childForFieldName("definition");
        const coCall = co ? kids(co)[0] : null;
        const coArgs = coCall?.type === "call" ? coCall.childForFieldName("arguments") : null;
        const cross = co
          ? {
              set: coArgs
                ? fromArgs(coArgs, 0)
                : { opts: new Map(), args: [], close: null, line: co.startPosition.row + 1, dict: false },
              text: co.text,
            }
          : null;
        const coIndex = co ? decorators.indexOf(co) : -1;
        if (def)
          for (const [di, d] of decorators.entries()) {
            const c = kids(d)[0];
            const fn = c?.type === "call" ? c.childForFieldName("function") : null;
            const verb = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : null;
            const owner = fn?.childForFieldName("object");
            if (
              !c ||
              !owner ||
              owner.type !== "identifier" ||
              !verb ||
              !/^(route|get|post|put|delete|patch)$/.test(verb)
            )
              continue;
            const first = kids(c.childForFieldName("arguments") as Node)[0];
            const rule = first ? evaluate(first, scope, mod.imports) : null;
            if (rule?.t !== "str") continue;
            const m = kids(c.childForFieldName("arguments") as Node).find(
              (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "methods",
            );
            const mv = m?.childForFieldName("value");
            const declared = mv ? evaluate(mv, scope, mod.imports) : null;
            const methods =
              verb !== "route"
                ? [verb.toUpperCase()]
                : declared?.t === "seq" && declared.items.every((i) => i.t === "str")
                  ? declared.items.map((i) => (i as { v: string }).v.toUpperCase())
                  : ["GET"];
            if (methods.includes("GET")) methods.push("HEAD");
            methods.push("OPTIONS");
            const ss = kids(c.childForFieldName("arguments") as Node).find(
              (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "strict_slashes",
            );
            const ssv = ss?.childForFieldName("value");
            const strictV = ssv ? evaluate(ssv, scope, mod.imports) : null;
            const argList = c.childForFieldName("arguments") as Node;
            const closeP = argList.child(argList.childCount - 1);
            // Between this route decorator and @cross_origin: decorators that run first.
            const between = co && coIndex > di ? decorators.slice(di + 1, coIndex) : [];
            const guard = between.find((g) => refusesPreflight(mod, g));
            const text = mod.text;
            const lineOf = (n: Node) => {
              const start = text.lastIndexOf("\n", n.startIndex - 1) + 1;
              const nl = text.indexOf("\n", n.endIndex);
              return { start, end: nl < 0 ? text.length : nl + 1, line: n.startPosition.row + 1 };
            };
            const misplaced =
              co && (coIndex < di || guard)
                ? {
                    cross: lineOf(co),
                    to: lineOf(d).end,
                    line: co.startPosition.row + 1,
                    guard: guard
                      ? { line: guard.startPosition.row + 1, name: guard.text.replace(/\(.*$/s, "") }
                      : null,
                  }
                : null;
            // A hand-written decorator under the route decorator wraps the view it registers.
            const hand = decorators
              .slice(di + 1)
              .map((x) => hands.get(/^@\s*(\w+)\s*(?:\(|$)/.exec(x.text)?.[1] ?? ""))
              .find((x) => x !== undefined);
            // Decorators under @cross_origin run inside it (Python applies them bottom-up): one of this
            // file that aborts or raises ends the request past @cross_origin's set_cors_headers.
            const under = co && coIndex > di ? decorators.slice(coIndex + 1) : [];
            const abortsUnder =
              under
                .map((x) => ({
                  x,
                  fn: topFunction(mod, x.text.replace(/^@\s*/, "").replace(/\(.*$/s, "").trim()),
                }))
                .find(({ fn }) => fn !== null && /\babort\s*\(|\braise\b/.test(fn.text)) ?? null;
            pending.push({
              abortsUnder: abortsUnder
                ? {
                    name: abortsUnder.x.text.replace(/\(.*$/s, ""),
                    line: abortsUnder.x.startPosition.row + 1,
                  }
                : null,
              optionsItem: mv ? optionsItemOf(mv) : null,
              authUnder: (() => {
                const a = decorators.slice(di + 1).find((x) => AUTH_DECORATOR.test(x.text));
                return a ? { name: a.text.replace(/\(.*$/s, ""), line: a.startPosition.row + 1 } : null;
              })(),
              hand: hand?.deco ?? null,
              ownOptions:
                declared?.t === "seq" &&
                declared.items.some((i) => i.t === "str" && i.v.toUpperCase() === "OPTIONS"),
              misplaced,
              strict: strictV?.t === "bool" ? strictV.v : strictV === null,
              prefixed: false,
              call: { args: kids(argList).map(span), close: closeP ? span(closeP) : null },
              owner: owner.text,
              rule: rule.v,
              methods: [...new Set(methods)],
              view: def.childForFieldName("name")?.text ?? "",
              line: d.startPosition.row + 1,
              // Above the route decorator it decorates nothing the route registers.
              cross: co && coIndex < di ? null : cross,
              def: span(def),
              at: s.startIndex,
            });
          }
        if (!co) continue;
        const call = kids(co)[0];
        const argList = call?.type === "call" ? call.childForFieldName("arguments") : null;
        const set: OptSet = argList
          ? fromArgs(argList, 0)
          : { opts: new Map(), args: [], close: null, line: co.startPosition.row + 1, dict: false };
        const rules: RegExp[] = [];
        for (const d of decorators) {
          const m = /^@\s*\w+\.(route|get|post|put|delete|patch)\(\s*(?:r?["'])([^"']+)["']/.exec(d.text);
          if (!m) continue;
          const rule = (m[2] ?? "").replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/<[^>]*>/g, "[^/]+");
          rules.push(new RegExp(`^${rule}$`));
        }
        out.views.push({ rules, set });
      }
    }
  };
  walk(body.stmts);
  // The hand-written decorators' header values, read as each request reads them: app.config's value
  // is the one set last (a value from a config file loaded with from_object/from_pyfile is not seen).
  const loaded = /\.config\.from_(?!mapping\b)\w+\s*\(/.test(mod.text);
  const request = [...mod.imports].find(([, v]) => v.module === "flask" && v.name === "request")?.[0];
  for (const { deco, values } of hands.values()) {
    const read = (n: Node, locals: Map<string, Node>, depth = 0): PyVal => {
      const local = n.type === "identifier" ? locals.get(n.text) : undefined;
      if (local && depth < 8) return read(local, locals, depth + 1);
      const c = configLeaf(n);
      if (c) return loaded ? { t: "unknown", text: n.text, at: span(n) } : c;
      return evaluate(n, scope, mod.imports);
    };
    for (const { set, node, locals } of values) {
      let v = read(node, locals);
      // What fix writes: the request's origin when it is one of V's comma-separated parts, else V.
      if (node.type === "conditional_expression") {
        const [a, test, b] = kids(node);
        const origin = (x: Node | undefined) =>
          request !== undefined &&
          x !== undefined &&
          new RegExp(`^${request}\\.headers\\.get\\((["'])Origin\\1\\)$`).test(x.text.replace(/\s+/g, ""));
        const [l, list] = test?.type === "comparison_operator" ? kids(test) : [];
        const m =
          /^\[\s*(\w+)\.strip\(\)\s+for\s+(\w+)\s+in\s+([\w.]+)\.split\(\s*(["'])([^"'\\]+)\4\s*\)\s*\]$/.exec(
            list?.type === "list_comprehension" ? list.text : "",
          );
        const ops = test?.childrenForFieldName("operators").map((o) => o?.text) ?? [];
        const src = m && list ? list.descendantsOfType("identifier").find((x) => x?.text === m[3]) : null;
        const whole = src ? read(src, locals) : null;
        const other = b ? read(b, locals) : null;
        if (
          origin(a) &&
          origin(l) &&
          ops.join(" ") === "in" &&
          m &&
          m[1] === m[2] &&
          whole?.t === "str" &&
          other?.t === "str"
        ) {
          set.among = whole.v.split(m[5] as string).map((x) => x.trim());
          v = other;
        }
      }
      if (v.t !== "str") {
        deco.unknown ??= { line: set.stmt.line, text: set.rhsText.slice(0, 80) };
        continue;
      }
      set.value = v.v;
      set.parts = v.v.includes(",") ? v.v.split(",").map((x) => x.trim()) : [v.v.trim()];
    }
  }
  // Flask joins a blueprint's prefix and its rule with one slash (Blueprint.add_url_rule); a
  // blueprint's rules enter the URL map when it is registered.
  for (const r of pending) {
    const bp = blueprints.get(r.owner);
    if (bp && bp.at === null) continue;
    // An empty rule is the prefix itself (`@bp.route("")` under url_prefix "/api/items": /api/items).
    const full = bp?.prefix
      ? r.rule === ""
        ? bp.prefix
        : `${bp.prefix.replace(/\/+$/, "")}/${r.rule.replace(/^\/+/, "")}`
      : r.rule;
    const re = full
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/<path:[^>]*>/g, ".+")
      .replace(/<[^>]*>/g, "[^/]+");
    out.routes.push({
      ...r,
      // A decorator whose headers are not all read stays the application's own answer (recorded).
      hand: r.hand && !r.hand.unknown ? r.hand : null,
      prefixed: Boolean(bp?.prefix) && r.rule === "/" && !/\/$/.test(bp?.prefix ?? ""),
      rule: full,
      path: new RegExp(`^${re}$`),
      order: bp ? (bp.at as number) + r.at / 1e9 : r.at,
    });
  }
  out.routes.sort((a, b) => a.order - b.order);
  function keywordStr(call: Node, name: string): string | null {
    const args = call.childForFieldName("arguments");
    const k = args
      ? kids(args).find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name)
      : undefined;
    const v = k?.childForFieldName("value");
    const val = v ? evaluate(v, scope, mod.imports) : null;
    return val?.t === "str" ? val.v : null;
  }
  function cors(call: Node, stmt: Span, made?: Node): void {
    const argList = call.childForFieldName("arguments");
    if (!argList) return;
    const own = fromArgs(argList, 1);
    // `cors = CORS(resources=…)` made apart, then `cors.init_app(app, …)`: flask-cors merges the
    // options of both, init_app's over the constructor's
    // (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/extension.py, init_app);
    // a new option goes where the constructor's are written.
    const madeArgs = made?.childForFieldName("arguments");
    const base = madeArgs ? fromArgs(madeArgs, 0) : null;
    const set = base ? { ...base, opts: new Map([...base.opts, ...own.opts]) } : own;
    let resources: Resource[] | null = null;
    let written: ResourcesWritten | null = null;
    let unknown: Words | null = null;
    const r = set.opts.get("resources");
    if (r) {
      const at = mod.tree.rootNode.descendantForIndex(r.at.start, r.at.end);
      // `resources=get_cors_config()`: a same-file function returning a dict literal — the dict it
      // returns, its values read with the names bound where it returns (values.ts returned); an edit
      // goes inside that literal.
      const made = at?.type === "call" ? returned(at, scope, mod.imports) : null;
      const node = made?.node.type === "dictionary" ? made.node : at;
      const names = made?.node.type === "dictionary" ? made.scope : scope;
      const d = node?.type === "dictionary" ? node : null;
      const prefixOf = (t: string | undefined) => (/^[rR]/.test(t ?? "") ? "r" : "");
      if (d) {
        const asSet = fromDict(d, names);
        const firstKey = kids(d)[0]?.childForFieldName("key")?.text;
        if (asSet) written = { kind: "dict", set: asSet, prefix: prefixOf(firstKey) };
        else {
          const close = d.child(d.childCount - 1);
          written = {
            kind: "dict",
            set: {
              opts: new Map(),
              args: kids(d).map(span),
              close: close ? span(close) : null,
              line: d.startPosition.row + 1,
              dict: true,
            },
            prefix: prefixOf(firstKey),
          };
        }
      } else if (r.value.t === "seq" && r.value.display)
        written = {
          kind: "list",
          display: r.value.display,
          prefix: prefixOf(r.value.display.elements[0]?.text),
        };
      else if (r.value.t === "str" && /^[rRuU]*["']/.test(node?.text ?? ""))
        written = { kind: "str", at: r.at, prefix: prefixOf(node?.text) };
      if (d) {
        resources = [];
        for (const p of kids(d)) {
          const k = p.childForFieldName("key");
          const key = k ? evaluate(k, names, mod.imports) : null;
          let v = p.childForFieldName("value");
          // r"/api/*": CORS_SETTINGS — a dict written at module level (its entries are the ones to edit).
          const named = v?.type === "identifier" ? mod.names.get(v.text) : undefined;
          if (named && !named.conditional && (!named.rhs.file || named.rhs.file === file.path)) {
            const rhs = mod.tree.rootNode.descendantForIndex(named.rhs.start, named.rhs.end);
            if (rhs?.type === "dictionary") v = rhs;
          }
          const inner = v?.type === "dictionary" ? fromDict(v, names) : null;
          if (key?.t !== "str" || !inner) {
            unknown = {
              key: "config.flask.unknown.value",
              params: { name: "resources", line: p.startPosition.row + 1, text: p.text.slice(0, 80) },
            };
            break;
          }
          resources.push({
            pattern: key.v === "*" ? ".*" : key.v,
            line: p.startPosition.row + 1,
            set: inner,
          });
        }
      } else if (r.value.t === "str")
        resources = [
          {
            pattern: r.value.v === "*" ? ".*" : r.value.v,
            line: r.at.line,
            set: { opts: new Map(), args: [], close: null, line: r.at.line, dict: true },
          },
        ];
      else if (r.value.t === "seq" && r.value.items.every((i) => i.t === "str"))
        resources = r.value.items.map((i) => ({
          pattern: (i as { v: string }).v === "*" ? ".*" : (i as { v: string }).v,
          line: r.at.line,
          set: { opts: new Map(), args: [], close: null, line: r.at.line, dict: true },
        }));
      else
        unknown = {
          key: "config.flask.unknown.value",
          params: { name: "resources", line: r.at.line, text: unknownText(r.value) },
        };
    }
    // The most specific resource first (flask_cors.core.parse_resources' sort key).
    resources?.sort((a, b) => {
      const key = (p: string) => (probablyRegex(p) ? [1, 1] : [0, 0]);
      const [ka, kb] = [key(a.pattern), key(b.pattern)];
      return (
        (ka[0] as number) - (kb[0] as number) ||
        b.pattern.split("/").length - a.pattern.split("/").length ||
        b.pattern.length - a.pattern.length
      );
    });
    const target = kids(argList)[0];
    const ext = { set, resources, written, unknown, stmt };
    if (target && target.type === "identifier" && blueprints.has(target.text))
      out.scoped.push({ ...ext, target: target.text });
    else out.ext = ext;
  }
  return out;
}

interface Options {
  origins: string[];
  methods: string;
  headers: string[];
  expose: string | null;
  credentials: boolean;
  maxAge: string | null;
  sendWildcard: boolean;
  vary: boolean;
}

/**
 * The options app.config gives, as an option set of their own (written where each key is): those set
 * before `before` (CORS(app) reads the config when it runs), or all of them (@cross_origin reads it
 * at each request). flask-cors merges defaults, then the config, then the call's keywords.
 */
function configSet(app: FlaskApp, before: number | null): OptSet {
  const opts = new Map<string, Opt>();
  for (const c of app.config) if (before === null || c.at < before) opts.set(c.name, c.opt);
  return { opts, args: [], close: null, line: app.config[0]?.opt.arg.line ?? 0, dict: false };
}

/** CORS(app)'s own sets, the config's first; CORS(bp) reads none (a blueprint has no config). */
function extSets(app: FlaskApp, ext: Ext): OptSet[] {
  return "target" in ext ? [ext.set] : [configSet(app, ext.stmt.start), ext.set];
}

function optionsOf(...sets: OptSet[]): Options {
  const merged = new Map<string, Opt>();
  for (const s of sets) for (const [k, v] of s.opts) merged.set(k, v);
  const bad = (name: string, o: Opt) =>
    new Unknowable({
      key: "config.flask.unknown.value",
      params: { name, line: o.at.line, text: unknownText(o.value) },
    });
  const strs = (name: string, dflt: string[]): string[] => {
    const o = merged.get(name);
    if (!o) return dflt;
    if (o.value.t === "str") return [o.value.v];
    if (o.value.t === "seq" && o.value.items.every((i) => i.t === "str"))
      return o.value.items.map((i) => (i as { v: string }).v);
    throw bad(name, o);
  };
  const bool = (name: string, dflt: boolean): boolean => {
    const o = merged.get(name);
    if (!o) return dflt;
    if (o.value.t === "bool") return o.value.v;
    throw bad(name, o);
  };
  const fix = (x: string) => (x === "*" ? ".*" : x);
  const expose = merged.has("expose_headers") ? strs("expose_headers", []) : null;
  const age = merged.get("max_age");
  if (age && age.value.t !== "int" && age.value.t !== "none") throw bad("max_age", age);
  return {
    origins: strs("origins", ["*"]).map(fix),
    // flexible_str: sorted and joined; the method test is `in` on that string.
    methods: strs("methods", ALL_METHODS)
      .map((m) => m.toUpperCase())
      .sort()
      .join(", "),
    headers: strs("allow_headers", ["*"]).map(fix),
    expose: expose && expose.length > 0 ? [...expose].sort().join(", ") : null,
    credentials: bool("supports_credentials", false),
    maxAge: age?.value.t === "int" ? String(age.value.v) : null,
    sendWildcard: bool("send_wildcard", false),
    vary: bool("vary_header", true),
  };
}

function matches(value: string, pattern: string, caseSensitive: boolean): boolean {
  // Nothing to repeat ("*.example.com"): re.error, which flask-cors' try_match_pattern takes as no
  // match (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/core.py).
  if (/^[*+?{]/.test(pattern)) return false;
  if (probablyRegex(pattern)) {
    const re = pyRegex(caseSensitive ? pattern : `(?i)${pattern}`);
    if (!re) throw new Unknowable({ key: "config.unknown.regex", params: { regex: pattern, line: 0 } });
    return re.test(value);
  }
  return caseSensitive ? value === pattern : lower(value) === lower(pattern);
}

/** flask_cors.core.get_cors_headers */
function corsHeaders(o: Options, req: HopRequest): Array<[string, string]> {
  const origin = combinedHeader(req.headers, "origin");
  if (!origin) return [];
  const wildcard = o.origins.includes(".*");
  let set: string[] | null = null;
  if (wildcard && o.sendWildcard) set = ["*"];
  else if (o.origins.some((p) => matches(origin, p, false))) set = [origin];
  if (!set) return [];
  const h: Array<[string, string]> = set.map((v) => ["Access-Control-Allow-Origin", v]);
  if (o.expose) h.push(["Access-Control-Expose-Headers", o.expose]);
  if (o.credentials) h.push(["Access-Control-Allow-Credentials", "true"]);
  if (req.method === "OPTIONS") {
    const m = (combinedHeader(req.headers, "access-control-request-method") ?? "").toUpperCase();
    if (m && o.methods.includes(m)) {
      const asked = combinedHeader(req.headers, "access-control-request-headers");
      if (asked) {
        const ok = asked
          .split(",")
          .map((x) => x.trim())
          .filter((x) => o.headers.some((p) => matches(x, p, false)))
          .sort();
        if (ok.length > 0) h.push(["Access-Control-Allow-Headers", ok.join(", ")]);
      }
      if (o.maxAge) h.push(["Access-Control-Max-Age", o.maxAge]);
      h.push(["Access-Control-Allow-Methods", o.methods]);
    }
  }
  if (o.vary && set[0] !== "*" && (o.origins.length > 1 || o.origins.some(probablyRegex)))
    h.push(["Vary", "Origin"]);
  return h;
}

type Ext = NonNullable<FlaskApp["ext"]>;

/**
 * The before_request hooks that answered this request's failed preflight themselves (recorded with a
 * status outside 2xx): those of its route that can answer and do not let OPTIONS through.
 */
function refusingHooks(app: FlaskApp, spec: RequestSpec, judged: Judged, route: Route | null): Hook[] {
  const first = faultOf(spec, judged);
  const status = spec.recorded?.preflight?.status;
  if (!first || !("hop" in first) || first.cause.stage !== "preflight") return [];
  if (status == null || (status >= 200 && status <= 299)) return [];
  return hooksOf(app, route).filter((h) => h.answers && !h.passes);
}

/** The before_request hooks a request to this route runs: the app's, and its blueprint's. */
function hooksOf(app: FlaskApp, route: Route | null): Hook[] {
  return app.hooks.filter((h) => h.owner === app.app?.name || (route !== null && h.owner === route.owner));
}

/** The route a strict rule ending in "/" would redirect this URL to (Werkzeug's strict_slashes). */
function slashRoute(app: FlaskApp, path: string, method: string): Route | null {
  if (path.endsWith("/")) return null;
  const r = servingRoute(app, `${path}/`, method);
  return r?.strict ? r : null;
}

/** The view Werkzeug routes a method of a path to: the first rule of the path with that method. */
export function servingRoute(app: FlaskApp, path: string, method: string): Route | null {
  const m = method.toUpperCase();
  // Werkzeug tries static rules before those with converters, then in the order they were added.
  const dynamic = (r: Route) => (r.rule.match(/</g) ?? []).length;
  return (
    app.routes
      .filter(
        (r) =>
          (r.path.test(path) || (!r.strict && !path.endsWith("/") && r.path.test(`${path}/`))) &&
          r.methods.includes(m),
      )
      .sort((a, b) => dynamic(a) - dynamic(b) || a.order - b.order)[0] ?? null
  );
}

/**
 * Which options answer this request: the @cross_origin of the view Flask routes it to, else a
 * CORS() resource (a blueprint's CORS() first, for its own routes: its after_request runs before the
 * app's, and the first to set Allow-Origin wins), or none.
 */
function placeOf(
  app: FlaskApp,
  path: string,
  method = "GET",
): { view: OptSet | null; resource: Resource | null; ext: Ext | null; route: Route | null } {
  const route = servingRoute(app, path, method);
  // Without a route model (no decorated view read), any @cross_origin view of the path.
  const view =
    app.routes.length > 0
      ? (route?.cross?.set ?? null)
      : (app.views.find((v) => v.rules.some((r) => r.test(path)))?.set ?? null);
  if (view) return { view, resource: null, ext: null, route };
  return { view: null, resource: null, ext: null, ...extPlace(app, path, route), route };
}

/** The CORS(…) resource that takes the path (an extension on the route's blueprint first, then the app's). */
function extPlace(app: FlaskApp, path: string, route: Route | null): { resource: Resource; ext: Ext } | null {
  const exts: Ext[] = [
    ...app.scoped.filter((x) => route && x.target === route.owner),
    ...(app.ext ? [app.ext] : []),
  ];
  for (const ext of exts) {
    if (ext.unknown) throw new Unknowable(ext.unknown);
    const resources = ext.resources ?? [
      {
        pattern: "/.*",
        line: ext.set.line,
        set: { opts: new Map(), args: [], close: null, line: 0, dict: true },
      },
    ];
    const resource = resources.find((r) => matches(decodeURIComponent(path), r.pattern, true)) ?? null;
    if (resource) return { resource, ext };
  }
  return null;
}

function answer(app: FlaskApp, req: HopRequest): Answer {
  // The hand-written hook beside flask-cors: which one runs first is not modelled.
  if (app.hook && (app.ext || app.views.length > 0 || app.scoped.length > 0))
    return {
      kind: "unknown",
      why: { key: "config.flask.unknown.hand-set", params: { line: app.hook.line } },
    };
  const a = answerFlask(app, req);
  return a.kind === "known" && app.hook ? { ...a, headers: withHook(app.hook, a.headers, req) } : a;
}

function answerFlask(app: FlaskApp, req: HopRequest): Answer {
  try {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new Unknowable({ key: "config.unknown.url", params: { url: req.url } });
    }
    if (app.configured !== null)
      throw new Unknowable({ key: "config.flask.unknown.config", params: { line: app.configured } });
    if (app.handSet !== null)
      throw new Unknowable({ key: "config.flask.unknown.hand-set", params: { line: app.handSet } });
    const assumed: Words[] = [];
    const path = url.pathname;
    const preflight = req.method === "OPTIONS" && hasHeader(req.headers, "access-control-request-method");
    let upstream = req.upstream ?? null;
    const place = placeOf(app, path, req.method);
    // No rule for the URL, one for it with a slash: Werkzeug redirects there (308) before the view,
    // flask-cors's after_request adds its headers to the redirect (a preflight may not follow it).
    const slashed = place.route ? null : slashRoute(app, path, req.method);
    if (slashed) {
      const location: HeaderList = [["Location", `${path}/${url.search}`]];
      const ext = place.ext;
      const headers =
        place.resource && ext
          ? [...location, ...corsHeaders(optionsOf(...extSets(app, ext), place.resource.set), req)]
          : location;
      return { kind: "known", status: 308, headers, fromUpstream: false, assumed };
    }
    // An app-wide before_request hook that answers every OPTIONS with Flask's default answer (200),
    // whether a route has the path or not; flask-cors' after_request completes it where a resource
    // takes the path.
    if (preflight && app.hooks.some((h) => h.owner === app.app?.name && h.answersOptions)) {
      const headers =
        place.resource && place.ext
          ? corsHeaders(optionsOf(...extSets(app, place.ext), place.resource.set), req)
          : [];
      return { kind: "known", status: 200, headers, fromUpstream: false, assumed };
    }
    // A preflight answered with an error where every before_request hook that can answer lets
    // OPTIONS through: the recorded status was the hooks' before (the evidence predates the edit);
    // Flask's automatic OPTIONS answers now.
    if (
      preflight &&
      upstream?.status != null &&
      (upstream.status < 200 || upstream.status > 299) &&
      place.route &&
      hooksOf(app, place.route).some((h) => h.answers) &&
      hooksOf(app, place.route).every((h) => !h.answers || h.passes)
    )
      upstream = null;
    // A preflight recorded with an error, to a route that does not list OPTIONS, with no hook or
    // wrapped WSGI app that can answer it first: Flask answers OPTIONS there with its default 200
    // before the view and its decorators run (provide_automatic_options:
    // https://github.com/pallets/flask/blob/2.2.x/src/flask/app.py, add_url_rule and
    // dispatch_request), so the error came from elsewhere — a view that took OPTIONS when it was
    // recorded (flask-jwt-extended#475: the evidence predates the edit), or something in front of
    // Flask. Said, with the recorded status.
    if (
      preflight &&
      upstream?.status != null &&
      (upstream.status < 200 || upstream.status > 299) &&
      place.route &&
      !place.route.ownOptions &&
      !place.route.hand &&
      !place.view &&
      place.resource &&
      place.ext &&
      !/\.wsgi_app\s*=/.test(app.mod.text) &&
      hooksOf(app, place.route).every((h) => !h.answers || h.passes)
    ) {
      assumed.push({
        key: "config.flask.assumed.automatic-options",
        params: { path, status: upstream.status },
      });
      const headers = corsHeaders(optionsOf(...extSets(app, place.ext), place.resource.set), req);
      return { kind: "known", status: 200, headers, fromUpstream: false, assumed };
    }
    // An auth decorator that runs before @cross_origin answers a request without credentials (a
    // preflight) itself, without CORS headers: the status recorded, else 401 (said).
    const guard = place.view ? place.route?.misplaced?.guard : null;
    if (guard && !hasHeader(req.headers, "authorization") && !hasHeader(req.headers, "cookie")) {
      if (upstream?.status == null)
        assumed.push({
          key: "config.flask.assumed.guard-401",
          params: { name: guard.name, line: guard.line },
        });
      return {
        kind: "known",
        status: upstream?.status ?? 401,
        headers: (upstream?.headers ?? []).filter(([n]) => !/^access-control-/i.test(n)),
        fromUpstream: true,
        assumed,
      };
    }
    // An error answer of a view that aborts past its @cross_origin: recorded so, without its headers.
    if (
      place.view &&
      req.method !== "OPTIONS" &&
      upstream?.status != null &&
      upstream.status >= 400 &&
      !hasHeader(upstream.headers, "access-control-allow-origin") &&
      abortsPastCross(app, place.route)
    ) {
      // CORS(app)'s after_request still adds its headers where a resource of it takes the path.
      const under = extPlace(app, path, place.route);
      const ext = under ? corsHeaders(optionsOf(...extSets(app, under.ext), under.resource.set), req) : [];
      return {
        kind: "known",
        status: upstream.status,
        headers: [...upstream.headers, ...ext],
        fromUpstream: true,
        assumed,
      };
    }
    if (place.view) {
      // automatic_options: the decorator answers OPTIONS with Flask's default response itself.
      const status = req.method === "OPTIONS" ? 200 : (upstream?.status ?? 200);
      if (req.method !== "OPTIONS" && upstream?.status == null)
        assumed.push({ key: "config.flask.assumed.view-200", params: { method: req.method, path } });
      const base: HeaderList = req.method === "OPTIONS" ? [] : (upstream?.headers ?? []);
      return {
        kind: "known",
        status,
        headers: [...base, ...corsHeaders(optionsOf(configSet(app, null), place.view), req)],
        fromUpstream: req.method !== "OPTIONS",
        assumed,
      };
    }
    // A hand-written decorator of the view sets its headers on what the view returns (not on Flask's
    // automatic OPTIONS answer, which does not call the view).
    const hand = place.route?.hand ?? null;
    if (hand && req.method === "OPTIONS" && place.route?.ownOptions)
      throw new Unknowable({
        key: "config.flask.unknown.hand-deco",
        params: { name: hand.name, line: hand.line },
      });
    const decorated = hand !== null && req.method !== "OPTIONS";
    let status: number;
    if (upstream?.status != null) status = upstream.status;
    // A routed URL without CORS: Flask's automatic OPTIONS answers 200 (assumed below); unrouted, unknown.
    else if (preflight && !place.resource && !place.route)
      throw new Unknowable({ key: "config.flask.unknown.upstream-options", params: { path } });
    else {
      status = 200;
      assumed.push({
        key: preflight ? "config.flask.assumed.options-200" : "config.flask.assumed.view-200",
        params: { method: req.method, path },
      });
    }
    const base = decorated && hand ? withDeco(hand, upstream?.headers ?? [], req) : (upstream?.headers ?? []);
    // cors_after_request skips a response that has an Allow-Origin already (the view's own).
    if (!place.resource || !place.ext || hasHeader(base, "access-control-allow-origin"))
      return { kind: "known", status, headers: base, fromUpstream: true, assumed };
    const headers = [...base, ...corsHeaders(optionsOf(...extSets(app, place.ext), place.resource.set), req)];
    return { kind: "known", status, headers, fromUpstream: true, assumed };
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

/**
 * A view under @cross_origin that ends some requests with `abort(…)` or by raising an HTTPException
 * (Unauthorized, Forbidden, NotFound …): the exception passes the decorator by (it sets its headers
 * on what the view returns: https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/decorator.py),
 * so that error answer has no CORS headers and the page cannot read it (flask-cors#241); the same
 * for an exception of the app's own that an `@app.errorhandler` answers (flask-cors#168).
 */
function abortsPastCross(app: FlaskApp, route: Route | null | undefined): boolean {
  if (!route?.cross || route.misplaced) return false;
  // A decorator under @cross_origin that aborts (as Flask-Login's unauthorized() does without a
  // login_view: https://github.com/maxcountryman/flask-login/blob/main/src/flask_login/login_manager.py)
  // raises inside @cross_origin's f(*args, **kwargs) too, before its set_cors_headers (flask-cors#19).
  if (route.abortsUnder) return true;
  const body = app.mod.text.slice(route.def.start, route.def.end);
  // Any exception raised there passes it by: the app's errorhandler answers it (flask-cors#168).
  return /\babort\s*\(|\braise\b/.test(body);
}

export function readFlaskConfig(files: readonly ConfigFile[]): FlaskConfig {
  const file = files.at(-1) as ConfigFile;
  const app = readFlask(file);
  if (app.mod.error)
    throw new FlaskSyntaxError(file.path, app.mod.error.line, app.mod.error.text.slice(0, 120));
  return {
    format: "flask",
    app,
    notes: [],
    answer: (request) => answer(app, request),
    allowance: () => allowanceOf(app),
    check: () => checkFlask(app),
  };
}

export function setsCors(config: FlaskConfig): boolean {
  return (
    config.app.ext !== null ||
    config.app.views.length > 0 ||
    config.app.scoped.length > 0 ||
    config.app.routes.some((r) => r.hand)
  );
}

function allowanceOf(app: FlaskApp): Allowance[] {
  // The app's CORS() on its resources' paths, and each blueprint's CORS() on one of its routes.
  const exts: Array<{ ext: Ext; at: string | null }> = [
    ...(app.ext ? [{ ext: app.ext, at: null }] : []),
    ...app.scoped.flatMap((x) => {
      const route = app.routes.find((r) => r.owner === x.target);
      return route ? [{ ext: x as Ext, at: route.rule.replace(/<[^>]*>/g, "1") }] : [];
    }),
  ];
  if (exts.some((x) => x.ext.unknown)) return [];
  try {
    const out: Allowance[] = [];
    for (const { ext, at } of exts)
      for (const r of ext.resources ?? [
        { pattern: "/.*", line: 0, set: { opts: new Map(), args: [], close: null, line: 0, dict: true } },
      ]) {
        const o = optionsOf(...extSets(app, ext), r.set);
        const origins = o.origins.filter((x) => /^https?:\/\/[^/*\\[\]?$^()]+$/.test(x));
        if (o.origins.includes(".*")) origins.push("https://other.example");
        const prefix = /^\/[A-Za-z0-9_-]+/.exec(r.pattern)?.[0] ?? "";
        if (at !== null && !matches(at, r.pattern, true)) continue;
        out.push({
          url: `http://127.0.0.1:5000${at ?? `${prefix}/x`}`,
          origins,
          methods: o.methods.split(", "),
          headers: o.headers.filter((h) => !probablyRegex(h)),
          credentials: o.credentials,
        });
      }
    return out;
  } catch (e) {
    if (e instanceof Unknowable) return [];
    throw e;
  }
}

/** flask-cors' options (core.DEFAULT_OPTIONS): any other keyword is merged in and never read (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/core.py#L52-L63). */
const KNOWN_OPTIONS = [
  "origins",
  "methods",
  "allow_headers",
  "expose_headers",
  "supports_credentials",
  "max_age",
  "send_wildcard",
  "automatic_options",
  "vary_header",
  "resources",
  "intercept_exceptions",
  "always_send",
];

function checkFlask(app: FlaskApp): ConfigFinding[] {
  const found = checkFlaskAll(app);
  // One finding a code and line (a resources list repeats CORS()'s own options for each pattern).
  const seen = new Set<string>();
  return found.filter((f) => {
    const k = `${f.code}:${f.line}:${JSON.stringify(f.words.params ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The hand-written after_request hook: `*` with credentials; and, where it sets Allow-Origin, the
 * preflight headers the app's routes need that it never sets — Allow-Headers where a route takes
 * POST, PUT or PATCH (a JSON body's Content-Type is preflighted), Allow-Methods where one takes PUT,
 * PATCH or DELETE (always preflighted). Flask answers the preflight itself (automatic OPTIONS) and
 * the hook adds only what it sets: the browser refuses those calls.
 */
function hookChecks(
  app: FlaskApp,
  hook: HandHook,
  add: (code: string, severity: "error" | "warning", line: number, words: Words) => void,
): void {
  const set = (name: string) => hook.sets.find((x) => lower(x.name) === lower(name));
  const acao = set("Access-Control-Allow-Origin");
  const acac = set("Access-Control-Allow-Credentials");
  if (!acao?.reflect && acao?.value.trim() === "*" && acac && /^true$/i.test(acac.value.trim()))
    add("wildcard-with-credentials", "error", acac.stmt.line, {
      key: "config.check.wildcard-credentials",
      params: { line: acac.stmt.line },
    });
  if (!acao) return;
  const methods = new Set(app.routes.flatMap((r) => r.methods));
  const body = ["POST", "PUT", "PATCH"].filter((m) => methods.has(m));
  const always = ["PUT", "PATCH", "DELETE"].filter((m) => methods.has(m));
  if (body.length > 0 && !set("Access-Control-Allow-Headers"))
    add("flask-hook-no-allow-headers", "warning", hook.line, {
      key: "config.flask.check.hook-headers",
      params: { methods: body.join(", ") },
    });
  if (always.length > 0 && !set("Access-Control-Allow-Methods"))
    add("flask-hook-no-allow-methods", "error", hook.line, {
      key: "config.flask.check.hook-methods",
      params: { methods: always.join(", ") },
    });
}

function checkFlaskAll(app: FlaskApp): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const sets: OptSet[] = [];
  for (const ext of [...(app.ext ? [app.ext] : []), ...app.scoped])
    sets.push(ext.set, ...(ext.resources ?? []).map((r) => r.set));
  sets.push(...app.views.map((v) => v.set));
  const add = (code: string, severity: "error" | "warning", line: number, words: Words) =>
    out.push({ code, severity, file: app.file, line, words });
  // Every origin reflected with credentials, for each effective option set (CORS(…) with each resource, a view's).
  const effective: OptSet[][] = [...(app.ext ? [app.ext] : []), ...app.scoped].flatMap((ext) =>
    ext.resources?.length ? ext.resources.map((r) => [...extSets(app, ext), r.set]) : [extSets(app, ext)],
  );
  for (const v of app.views) effective.push([configSet(app, null), v.set]);
  if (app.hook) hookChecks(app, app.hook, add);
  // A decorator of the app's own that sends several origins as one Allow-Origin (a comma-separated
  // list read from its configuration): browsers accept one origin there
  // (https://fetch.spec.whatwg.org/#cors-check), so every call through it is refused.
  // Named at the header's line; the module-level string it comes from, where there is one, is `also`.
  const listedAt = new Set<string>();
  for (const hand of new Set(app.routes.map((r) => r.hand).filter((h): h is HandDeco => Boolean(h)))) {
    const x = [...hand.sets].reverse().find((y) => lower(y.name) === "access-control-allow-origin");
    if (!x || x.among || x.parts.length <= 1) continue;
    const source = [...app.mod.names.values()].find((a) => a.value.t === "str" && a.value.v === x.value);
    if (source) listedAt.add(x.value);
    add("flask-origin-list", "error", x.stmt.line, {
      key: "config.flask.check.origin-list",
      params: { name: hand.name, value: x.value, line: source?.stmt.line ?? x.stmt.line },
    });
  }
  // No CORS anywhere (no flask-cors, no Access-Control-* header, not even the word in the module)
  // while the app serves routes: no answer carries Allow-Origin, and Flask's automatic OPTIONS
  // answers a preflight without it. Named where the app is made, where `fix` adds CORS(app).
  // (Routes of blueprints registered through the file's own helpers count: their decorators are here.)
  if (
    app.app &&
    (app.routes.length > 0 || /^[ \t]*@\w+\.(route|get|post|put|patch|delete)\(/m.test(app.mod.text)) &&
    !/access-control-|cors/i.test(app.mod.text)
  )
    out.push({
      code: "no-cors",
      severity: "warning",
      file: app.file,
      line: app.app.stmt.line,
      words: { key: "config.flask.check.no-cors", params: { name: app.app.name } },
      // The blueprints registered on the app bring its routes (and would bring CORS(bp) with them):
      // their registrations are named too, as the JS readers name the first routes.
      ...alsoLines(
        app.mod.tree.rootNode
          .descendantsOfType("call")
          .filter((c) => /\.register_blueprint$/.test(c?.childForFieldName("function")?.text ?? ""))
          .map((c) => (c as Node).startPosition.row + 1),
        app.file,
        app.app.stmt.line,
      ),
    });
  // Allow-Origin written by the views themselves (a response's headers), with no flask-cors, hook or
  // before_request beside them: a preflight never runs the view — Flask's automatic OPTIONS answers it
  // (https://github.com/pallets/flask/blob/main/src/flask/sansio/app.py, add_url_rule), with none of
  // those headers, so the browser refuses every preflighted call (a JSON POST, any PUT, PATCH, DELETE).
  // Named at each route that takes such a method and does not list OPTIONS itself.
  if (
    !app.ext &&
    app.scoped.length === 0 &&
    app.views.length === 0 &&
    !app.hook &&
    app.handSet === null &&
    app.hooks.length === 0 &&
    /access-control-allow-origin/i.test(app.mod.text)
  )
    for (const r of app.routes) {
      const methods = ["POST", "PUT", "PATCH", "DELETE"].filter((m) => r.methods.includes(m));
      const written = app.mod.text.split("\n")[r.line - 1] ?? "";
      if (r.cross || methods.length === 0 || /OPTIONS/i.test(written)) continue;
      add("flask-view-cors-preflight", "warning", r.line, {
        key: "config.flask.check.view-cors-preflight",
        params: { methods: methods.join(", ") },
      });
    }
  // A route that lists OPTIONS for a view under a credentials check, beside flask-cors: Flask sends the
  // preflight to the view instead of answering it itself (add_url_rule:
  // https://github.com/pallets/flask/blob/2.2.x/src/flask/app.py), and a preflight carries no
  // credentials (https://fetch.spec.whatwg.org/#cors-preflight-fetch): the check answers it 401, or lets
  // OPTIONS through (flask-jwt-extended's JWT_EXEMPT_METHODS, flask_login's EXEMPT_METHODS) into a view
  // whose code needs the user — a 500 (flask-jwt-extended#475). Not where the view handles OPTIONS.
  if (app.ext || app.scoped.length > 0)
    for (const r of app.routes) {
      if (!r.ownOptions || !r.authUnder || r.cross || r.hand) continue;
      if (/OPTIONS/.test(app.mod.text.slice(r.def.start, r.def.end))) continue;
      add("flask-options-to-view", "warning", r.line, {
        key: "config.flask.check.options-to-view",
        params: { view: r.view, name: r.authUnder.name, line: r.authUnder.line },
      });
    }
  // Several origins in one string (`CORS_ORIGIN = "https://a.example, https://b.example"`) that the module
  // reads and never splits: sent as Access-Control-Allow-Origin, or given to flask-cors as one origin,
  // it matches no page (an Allow-Origin holds one origin: https://fetch.spec.whatwg.org/#http-access-control-allow-origin).
  for (const [name, a] of app.mod.names) {
    // One a decorator sends is named there (flask-origin-list, this line as `also`).
    if (!/origin/i.test(name) || a.value.t !== "str" || listedAt.has(a.value.v)) continue;
    if (!/^\s*https?:\/\/[^\s,]+[\s,]+https?:\/\//.test(a.value.v)) continue;
    const uses = app.mod.text.split(name).length - 1;
    // Split anywhere an origin is handled (`cors_origin.split(",")`, a helper's): not judged.
    if (uses < 2 || /origin[^\n]*\.split\(|\.split\([^\n]*origin/i.test(app.mod.text)) continue;
    add("origin-list", "error", a.stmt.line, { key: "config.check.origin-list" });
  }
  // `wrapper.provide_automatic_options = False` inside wrapper itself: set when the view runs, after
  // app.route read the attribute to add Flask's own OPTIONS answer
  // (https://github.com/pallets/flask/blob/main/src/flask/sansio/app.py, add_url_rule), so Flask still
  // answers the preflight, without the view's headers.
  for (const a of app.mod.tree.rootNode.descendantsOfType("assignment")) {
    const left = a?.childForFieldName("left");
    if (
      !a ||
      left?.type !== "attribute" ||
      left.childForFieldName("attribute")?.text !== "provide_automatic_options"
    )
      continue;
    const owner = left.childForFieldName("object")?.text;
    for (let p = a.parent; p; p = p.parent)
      if (p.type === "function_definition" && p.childForFieldName("name")?.text === owner) {
        add("flask-automatic-options-late", "error", a.startPosition.row + 1, {
          key: "config.flask.check.automatic-options-late",
          params: { name: owner ?? "" },
        });
        break;
      }
  }
  // A route's method the CORS(…) options covering it refuse at the preflight (PUT, PATCH, DELETE
  // are always preflighted): named where the methods are written.
  for (const r of app.routes) {
    if (r.cross) continue;
    try {
      const under = extPlace(app, r.rule.replace(/<[^>]*>/g, "1"), r);
      if (!under) continue;
      const sets = [...extSets(app, under.ext), under.resource.set];
      const o = optionsOf(...sets);
      const refused = r.methods.find((m) => ["PUT", "PATCH", "DELETE"].includes(m) && !o.methods.includes(m));
      const at = [...sets]
        .reverse()
        .find((x) => x.opts.has("methods"))
        ?.opts.get("methods");
      if (refused && at)
        add("flask-route-method", "warning", at.at.line, {
          key: "config.flask.check.route-method",
          params: { method: refused, line: r.line, methods: o.methods },
        });
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
    }
  }
  // methods="*" (or ["*"]): no wildcard in flask-cors — the preflight's method is looked up with `in`
  // in the joined string "*" and never found, so no preflight gets Allow-Methods or Allow-Headers
  // (core.py get_cors_headers: https://github.com/corydolphin/flask-cors/blob/main/flask_cors/core.py).
  // Named where "*" is written, the CORS(…) call's line as `also`.
  for (const set of sets) {
    const o = set.opts.get("methods");
    const v = o?.value;
    const star =
      v?.t === "str"
        ? v.v.trim() === "*"
        : v?.t === "seq" && v.items.length > 0 && v.items.every((i) => i.t === "str" && i.v.trim() === "*");
    if (!o || !star) continue;
    out.push({
      code: "flask-methods-wildcard",
      severity: "error",
      file: app.file,
      line: o.at.line,
      words: { key: "config.flask.check.methods-wildcard" },
      also: set.line !== o.at.line && set.line > 0 ? [{ file: app.file, line: set.line }] : [],
    });
  }
  // allow_headers="content_type": browsers send header names with hyphens, and flask-cors compares
  // the name whole (case aside), so an underscored one allows nothing.
  for (const set of sets) {
    const o = set.opts.get("allow_headers");
    const v = o?.value;
    const names =
      v?.t === "str" ? [v.v] : v?.t === "seq" ? v.items.flatMap((i) => (i.t === "str" ? [i.v] : [])) : [];
    const bad = names
      .flatMap((n) => n.split(","))
      .map((n) => n.trim())
      .find((n) => /^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$/.test(n));
    if (o && bad)
      add("flask-header-underscore", "warning", o.at.line, {
        key: "config.flask.check.header-underscore",
        params: { name: bad, fixed: bad.replace(/_/g, "-") },
      });
  }
  for (const r of app.routes)
    if (abortsPastCross(app, r) && r.cross)
      add(
        "flask-cross-origin-abort",
        "warning",
        r.cross.set.line,
        r.abortsUnder
          ? {
              key: "config.flask.check.cross-abort-under",
              params: { name: r.abortsUnder.name, line: r.abortsUnder.line, view: r.view },
            }
          : { key: "config.flask.check.cross-abort", params: { view: r.view, line: r.line } },
      );
  for (const group of effective) {
    try {
      const o = optionsOf(...group);
      const creds = [...group]
        .reverse()
        .find((g) => g.opts.has("supports_credentials"))
        ?.opts.get("supports_credentials");
      if (o.credentials && o.origins.includes(".*") && creds)
        add("flask-any-origin-credentials", "error", creds.at.line, {
          key: "config.flask.check.any-credentials",
        });
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
    }
  }
  // CORS set up, yet no route of the file gets its headers: resources that match none of the
  // routes, or CORS(bp) on one blueprint while another blueprint's routes have none.
  const covered = (r: Route): boolean => {
    const sample = r.rule.replace(/<[^>]*>/g, "1");
    try {
      const place = placeOf(app, sample, r.methods[0] ?? "GET");
      return place.view !== null || place.resource !== null;
    } catch (e) {
      if (e instanceof Unknowable) return true;
      throw e;
    }
  };
  const served = app.routes.filter((r) => r.rule !== "");
  const exts = [...(app.ext ? [app.ext] : []), ...app.scoped];
  if (served.length > 0 && exts.length > 0 && !served.some(covered)) {
    const first = exts[0] as Ext;
    add(
      "flask-cors-covers-no-route",
      "warning",
      first.set.opts.get("resources")?.at.line ?? first.stmt.line,
      {
        key: "config.flask.check.no-route",
        params: { rules: [...new Set(served.map((r) => r.rule))].slice(0, 3).join(", ") },
      },
    );
  } else if (app.ext?.set.opts.has("resources") && app.ext.set.opts.has("origins")) {
    // Top-level options are each listed resource's defaults (flask_cors.core.parse_resources): they
    // do not reach a route outside `resources`, which gets no CORS headers at all.
    const outside = served.find((r) => !covered(r));
    if (outside)
      add("flask-route-outside-resources", "warning", app.ext.stmt.line, {
        key: "config.flask.check.outside-resources",
        params: { rule: outside.rule, line: outside.line },
      });
  } else if (!app.ext)
    for (const x of app.scoped) {
      const bare = served.filter((r) => r.owner !== x.target && r.owner !== app.app?.name && !covered(r));
      const other = bare[0];
      if (other)
        add("flask-cors-other-blueprint", "warning", x.stmt.line, {
          key: "config.flask.check.blueprint",
          params: { target: x.target, name: other.owner, rule: other.rule, line: other.line },
        });
    }
  // @cross_origin that does not wrap what the route registers, or that an auth decorator runs before.
  for (const r of app.routes) {
    const m = r.misplaced;
    if (!m) continue;
    if (m.guard)
      add("flask-auth-before-cross-origin", "error", m.guard.line, {
        key: "config.flask.check.auth-before-cross",
        params: { name: m.guard.name, view: r.view, line: m.line },
      });
    else
      add("flask-cross-origin-above-route", "error", m.line, {
        key: "config.flask.check.cross-above-route",
        params: { view: r.view, line: r.line },
      });
  }
  // @cross_origin on a view Flask does not route the preflight to: another view of the same URL,
  // declared first without it, gets the OPTIONS (Werkzeug tries the rules in order).
  for (const r of app.routes) {
    if (!r.cross) continue;
    const sample = r.rule.replace(/<[^>]*>/g, "1");
    const first = servingRoute(app, sample, "OPTIONS");
    if (!first || first === r || first.cross || first.rule !== r.rule) continue;
    add("flask-cross-origin-shadowed", "error", r.cross.set.line, {
      key: "config.flask.check.cross-shadowed",
      params: { view: r.view, rule: r.rule, first: first.view, line: first.line },
    });
  }
  for (const s of sets)
    for (const [name, o] of s.opts) {
      if (KNOWN_OPTIONS.includes(name)) continue;
      const near = KNOWN_OPTIONS.map((k) => ({ k, d: distance(name, k) }))
        .filter((x) => x.d <= 3)
        .sort((a, b) => a.d - b.d)[0];
      add("flask-unknown-option", "error", o.arg.line, {
        key: "config.flask.check.unknown-option",
        params: { name, suggest: near ? near.k : "none" },
      });
    }
  // With flask-cors, or CORS headers set by hand (an after_request hook): either way the preflight
  // first meets every before_request hook (Flask's `full_dispatch_request` runs `preprocess_request`
  // before the automatic OPTIONS answer or an OPTIONS view:
  // https://github.com/pallets/flask/blob/main/src/flask/app.py).
  const handCors = app.hook !== null || app.handSet !== null;
  if (exts.length > 0 || app.views.length > 0 || handCors) {
    for (const h of app.hooks)
      if (h.answers && !h.passes)
        out.push({
          code: "flask-before-request-preflight",
          severity: "warning",
          file: app.file,
          line: h.line,
          words: { key: "config.flask.check.hook" },
          // The function under the decorator is the same hook: named too.
          also: h.def !== undefined && h.def !== h.line ? [{ file: app.file, line: h.def }] : [],
        });
  }
  if (exts.length > 0 || app.views.length > 0) {
    for (const r of app.routes)
      if (r.prefixed && r.strict)
        add("flask-slash-redirect", "warning", r.line, {
          key: "config.flask.check.slash",
          params: { rule: r.rule, url: r.rule.replace(/\/+$/, "") },
        });
  }
  // Flask-BasicAuth with BASIC_AUTH_FORCE: its before_request hook asks every request for credentials,
  // OPTIONS included (https://github.com/jpvanhal/flask-basicauth/blob/master/flask_basicauth.py
  // `require_basic_auth`), and a preflight carries none: every preflight is answered 401, which the
  // browser refuses (https://fetch.spec.whatwg.org/#cors-preflight-fetch), whatever CORS adds to it.
  const text = app.mod.text;
  const force =
    /^[ \t]*(?:\w+\.config\[\s*["']BASIC_AUTH_FORCE["']\s*\]\s*=|[^#\n]*\bBASIC_AUTH_FORCE["']?\s*[=:])\s*True\b/m.exec(
      text,
    );
  const basic = /^[^#\n]*\bBasicAuth\s*\(\s*\w+/m.exec(text);
  if (
    force &&
    basic &&
    (exts.length > 0 || app.views.length > 0 || handCors) &&
    !app.hooks.some((h) => h.answersOptions || h.passes)
  ) {
    const lineOf = (at: number) => text.slice(0, at).split("\n").length;
    add("flask-basic-auth-force", "error", lineOf(force.index), {
      key: "config.flask.check.basic-auth-force",
      params: { line: lineOf(basic.index) },
    });
  }
  // A CORS_* key flask-cors does not read, and the app does not read either (CORS_ENABLED in an `if`).
  for (const k of app.configKeys)
    if (app.mod.text.split(k.key).length === 2)
      add("flask-config-not-option", "warning", k.line, {
        key: "config.flask.check.config-key",
        params: { key: k.key },
      });
  for (const s of sets) {
    const list = s.opts.get("origins")?.value;
    const items = list?.t === "seq" ? list.items : list ? [list] : [];
    for (const i of items) {
      if (i.t !== "str" || i.v === "*") continue;
      if (i.v === "null") add("flask-null-origin", "warning", i.at.line, { key: "config.django.check.null" });
      else if (/^[*+?{]/.test(i.v) || (!probablyRegex(i.v) && !i.v.includes("://")))
        // "*.example.com" (not a regex Python compiles: flask-cors' re.error is a no-match) or a
        // bare host name ("intranet.example.com"): an Origin header is scheme://host[:port].
        add("flask-origin-not-origin", "error", i.at.line, {
          key: "config.flask.check.origin-form",
          params: { origin: i.v },
        });
      else if (probablyRegex(i.v)) {
        if (/(^|[^\\])\.[A-Za-z0-9]/.test(i.v.replace(/\\\\/g, "")))
          add("flask-origin-regex-dot", "error", i.at.line, {
            key: "config.flask.check.regex",
            params: { origin: i.v },
          });
        else if (!/\$\)*$/.test(i.v))
          add("flask-origin-regex-anchor", "error", i.at.line, {
            key: "config.django.check.regex-anchor",
            params: { regex: i.v },
          });
        // flask-cors tries a regex origin with re.match: anchored at the start.
        if (regexWithoutScheme(i.v, true))
          add("flask-origin-regex-no-scheme", "error", i.at.line, {
            key: "config.check.regex-no-scheme",
            params: { regex: i.v },
          });
      }
    }
  }
  return out;
}

/**
 * The hand-written after_request hook's own lines grown to what the failing requests needed: a
 * list header's string gets the names it lacks, a header it never set gets its own line before
 * `return response` (at that indentation), Allow-Credentials becomes "true", and an Allow-Origin
 * literal answers the listed page origins with their own origin (the old value kept for the
 * others, `Vary: Origin` added) where the file imports flask's `request`.
 */
function patchHook(
  p: Patcher,
  app: FlaskApp,
  hook: HandHook,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): void {
  const wants = new Map<string, Set<string>>();
  const origins = new Set<string>();
  let credentials = false;
  const want = (name: string, values: string[]) => {
    const w = wants.get(name) ?? new Set<string>();
    for (const v of values) w.add(v);
    wants.set(name, w);
  };
  for (const { spec, judged } of failing) {
    const fault = faultOf(spec, judged);
    if (!fault) continue;
    if (!("hop" in fault)) {
      p.cannot.set(spec.id, fault);
      continue;
    }
    const code = fault.cause.code;
    if (code === "header-not-allowed")
      want(
        "Access-Control-Allow-Headers",
        unsafeNames(spec).map((n) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n),
      );
    else if (code === "method-not-allowed") want("Access-Control-Allow-Methods", [spec.method.toUpperCase()]);
    else if (code === "allow-credentials-not-true") credentials = true;
    else if (
      ["missing-allow-origin", "allow-origin-mismatch", "wildcard-origin-with-credentials"].includes(code)
    ) {
      origins.add(spec.origin);
      if (spec.credentials === "include") credentials = true;
    } else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
  }
  const text = app.mod.text;
  const q = quoteOf(text);
  const set = (name: string) => [...hook.sets].reverse().find((x) => lower(x.name) === lower(name));
  // A header a view of the module sets itself (an OPTIONS view returning its own CORS headers) is
  // written with setdefault: the view's value, maybe wider than what this page asked, stays.
  const elsewhere = (name: string) =>
    [...text.matchAll(/(["'])(access-control-[a-z-]+)\1/gi)].filter((m) => lower(m[2] ?? "") === lower(name))
      .length > hook.sets.filter((x) => lower(x.name) === lower(name)).length;
  const line = (name: string, value: string) =>
    p.hookLine(
      hook,
      elsewhere(name)
        ? `${hook.param}.headers.setdefault(${pyStr(name, q)}, ${pyStr(value, q)})`
        : `${hook.param}.headers[${pyStr(name, q)}] = ${pyStr(value, q)}`,
      {
        key: "config.flask.fix.hook-line",
        params: { name, value, line: hook.line },
      },
    );
  for (const [name, values] of wants) {
    const x = set(name);
    const had = (x?.value ?? "").split(",").map((v) => lower(v.trim()));
    const add = [...values].filter((v) => !had.includes(lower(v)) && !had.includes("*"));
    if (add.length === 0) continue;
    if (x) {
      const value = [x.value.trim(), ...add].filter((v) => v !== "").join(", ");
      p.hookValue(x, pyStr(value, x.quote), {
        key: "config.flask.fix.hook-list",
        params: { name, values: add.join(", "), line: x.stmt.line },
      });
    } else line(name, add.join(", "));
  }
  const acao = set("Access-Control-Allow-Origin");
  if (origins.size > 0) {
    const request = [...app.mod.imports].find(([, v]) => v.module === "flask" && v.name === "request")?.[0];
    if (!acao || !request || acao.reflect) {
      for (const { spec } of failing)
        if (!p.cannot.has(spec.id))
          p.cannot.set(spec.id, { key: "config.flask.cannot.hook-origin", params: { line: hook.line } });
      return;
    }
    const list = [...new Set([...(acao.among ?? (acao.value === "*" ? [] : [acao.value])), ...origins])];
    const got = `${request}.headers.get(${pyStr("Origin", q)})`;
    p.hookValue(
      acao,
      `${got} if ${got} in [${list.map((o) => pyStr(o, q)).join(", ")}] else ${pyStr(acao.value, acao.quote)}`,
      {
        key: "config.flask.fix.hook-origin",
        params: { origins: [...origins].join(", "), line: acao.stmt.line },
      },
    );
    if (!/origin/i.test(set("Vary")?.value ?? "")) line("Vary", "Origin");
  }
  if (credentials && !/^true$/i.test(set("Access-Control-Allow-Credentials")?.value ?? "")) {
    const x = set("Access-Control-Allow-Credentials");
    const why: Words = { key: "config.fix.credentials" };
    if (x) p.hookValue(x, pyStr("true", x.quote), why);
    else
      p.hookLine(
        hook,
        `${hook.param}.headers[${pyStr("Access-Control-Allow-Credentials", q)}] = ${pyStr("true", q)}`,
        why,
      );
  }
}

class Patcher extends EditList {
  readonly cannotAll: Words[] = [];

  /** The hook's header value (its string literal) replaced. */
  hookValue(x: HookSet, text: string, why: Words): void {
    this.push(`hook-value:${x.literal.start}`, {
      file: this.file,
      start: x.literal.start,
      end: x.literal.end,
      text,
      why,
    });
  }

  /**
   * A hand-written decorator's Allow-Origin set from a variable holding a comma-separated list (one
   * header with every origin, which no browser accepts: https://fetch.spec.whatwg.org/#cors-check):
   * the request's origin sent when it is one of the list's parts, the value as before otherwise; the
   * list stays where it is written (app.config, a settings file). Vary: Origin beside it.
   */
  decoOrigin(hand: HandDeco, origin: string): boolean {
    const x = [...hand.sets].reverse().find((y) => lower(y.name) === "access-control-allow-origin");
    if (!x || x.among || !/^[A-Za-z_]\w*$/.test(x.rhsText) || x.parts.length < 2 || !x.parts.includes(origin))
      return false;
    const text = this.text(this.file);
    const request = [...this.app.mod.imports].find(
      ([, v]) => v.module === "flask" && v.name === "request",
    )?.[0];
    const param = /^(\w+)\.headers\b/.exec(text.slice(x.stmt.start, x.stmt.end))?.[1];
    if (!request || !param) return false;
    const q = quoteOf(text);
    const sep = pyStr(",", q);
    const got = `${request}.headers.get(${pyStr("Origin", q)})`;
    const why: Words = {
      key: "config.flask.fix.hand-deco-origin",
      params: { name: hand.name, line: x.stmt.line, value: x.rhsText },
    };
    this.push(`deco-origin:${x.rhs.start}`, {
      file: this.file,
      start: x.rhs.start,
      end: x.rhs.end,
      text: `${got} if ${got} in [o.strip() for o in ${x.rhsText}.split(${sep})] else ${x.rhsText}`,
      why,
    });
    if (!hand.sets.some((y) => lower(y.name) === "vary" && /origin/i.test(y.value))) {
      const at = afterLine(text, x.stmt.end);
      this.push(`deco-vary:${x.stmt.start}`, {
        file: this.file,
        start: at,
        end: at,
        text: `${indentAt(text, x.stmt.start)}${param}.vary.add(${pyStr("Origin", q)})\n`,
        why,
      });
    }
    return true;
  }

  /** A line added to the hook just before its `return response`. */
  hookLine(hook: HandHook, code: string, why: Words): void {
    const text = this.text(this.file);
    const at = lineStart(text, hook.ret.start);
    this.push(`hook-line:${code}`, {
      file: this.file,
      start: at,
      end: at,
      text: `${indentAt(text, hook.ret.start)}${code}\n`,
      why,
    });
  }
  constructor(private readonly app: FlaskApp) {
    super(new Map([[app.file, app.mod.text]]));
  }
  private get file(): string {
    return this.app.file;
  }

  private insert(set: OptSet, key: string, name: string, value: string, why: Words): void {
    if (!set.close) {
      this.cannotAll.push({ key: "config.flask.cannot.place", params: { line: set.line } });
      return;
    }
    const arg = set.dict ? `${pyStr(name, quoteOf(this.text(this.file)))}: ${value}` : `${name}=${value}`;
    for (const e of argInsert(this.text(this.file), set.args, set.close, arg))
      this.push(e.part === "comma" ? `${set.close.start}:comma` : `${set.close.start}:${key}`, {
        file: this.file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
  }

  /** Adds values to the list option `name` where it is written (the innermost set that has it). */
  extend(sets: OptSet[], name: string, values: string[], fallback: string[]): void {
    if (values.length === 0) return;
    const text = this.text(this.file);
    const why: Words = { key: "config.flask.fix.list", params: { name, values: values.join(", ") } };
    const set = [...sets].reverse().find((s) => s.opts.has(name));
    const o = set?.opts.get(name);
    if (!set || !o) {
      const target = sets.at(-1) as OptSet;
      const q = quoteOf(text);
      this.insert(
        target,
        `opt:${name}`,
        name,
        `[${[...fallback, ...values].map((v) => pyStr(v, q)).join(", ")}]`,
        why,
      );
      return;
    }
    const key = `list:${o.at.start}`;
    if (o.value.t === "seq" && o.value.display) {
      for (const e of displayInsert(text, o.value.display, values))
        this.push(e.part === "comma" ? `${key}:comma` : key, {
          file: this.file,
          start: e.at,
          end: e.at,
          text: e.text,
          why,
        });
      return;
    }
    if (o.value.t === "seq" && o.value.joined) {
      const { start, end, text } = joinedInsert(o.value.joined, values);
      this.push(key, { file: this.file, start, end, text, why });
      return;
    }
    if (o.value.t === "str") {
      const q = o.value.quote;
      const items = values.map((v) => pyStr(v, q)).join(", ");
      this.push(key, {
        file: this.file,
        start: o.at.start,
        end: o.at.end,
        text: `[${text.slice(o.at.start, o.at.end)}, ${items}]`,
        why,
      });
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name, line: o.at.line } });
  }

  credentials(sets: OptSet[]): void {
    const why: Words = { key: "config.flask.fix.credentials" };
    const set = [...sets].reverse().find((s) => s.opts.has("supports_credentials"));
    const o = set?.opts.get("supports_credentials");
    if (o) this.push("credentials", { file: this.file, start: o.at.start, end: o.at.end, text: "True", why });
    else this.insert(sets.at(-1) as OptSet, "credentials", "supports_credentials", "True", why);
  }

  /**
   * A resources pattern for a path no resource matches, written as the others are (`/api/*` beside
   * `/v1/*`, a raw string if they are): CORS()'s own options then apply to it; in a dict, the new
   * resource gets the page's origin when CORS() does not allow it already. Other resources keep
   * their paths (a pattern is only added).
   */
  addResource(path: string, origin: string): boolean {
    const ext = this.app.ext;
    const w = ext?.written;
    if (!ext || !w || !ext.resources) return false;
    const seg = /^\/[^/]+/.exec(path)?.[0] ?? "/";
    const dotStar =
      ext.resources.some((r) => r.pattern.endsWith(".*")) &&
      !ext.resources.some((r) => r.pattern.endsWith("/*"));
    const pattern = seg === "/" ? "/*" : `${seg}${dotStar ? "/.*" : "/*"}`;
    if (!matches(decodeURIComponent(path), pattern, true) || ext.resources.some((r) => r.pattern === pattern))
      return false;
    const text = this.text(this.file);
    const why: Words = { key: "config.flask.fix.resource", params: { pattern, path } };
    const lit = (q: string) => `${w.prefix}${pyStr(pattern, q)}`;
    if (w.kind === "list") {
      const q = quoteOf(text, w.display);
      for (const e of displayInsert(text, w.display, [pattern]))
        this.push(e.part === "comma" ? "resource:comma" : `resource:${pattern}`, {
          file: this.file,
          start: e.at,
          end: e.at,
          text: w.prefix ? e.text.replace(pyStr(pattern, q), lit(q)) : e.text,
          why,
        });
      return true;
    }
    if (w.kind === "str") {
      const q = quoteOf(text);
      this.push(`resource:${pattern}`, {
        file: this.file,
        start: w.at.start,
        end: w.at.end,
        text: `[${text.slice(w.at.start, w.at.end)}, ${lit(q)}]`,
        why,
      });
      return true;
    }
    if (!w.set.close) return false;
    const q = quoteOf(text);
    let allowed = true;
    try {
      allowed = optionsOf(...extSets(this.app, ext)).origins.some((x) => matches(origin, x, false));
    } catch {
      allowed = false;
    }
    const value = allowed ? "{}" : `{${pyStr("origins", q)}: [${pyStr(origin, q)}]}`;
    for (const e of argInsert(text, w.set.args, w.set.close, `${lit(q)}: ${value}`))
      this.push(e.part === "comma" ? "resource:comma" : `resource:${pattern}`, {
        file: this.file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
    return true;
  }

  /**
   * The @cross_origin line moved right under the route decorator, where it wraps the view the route
   * registers before any other decorator runs.
   */
  moveCross(route: Route): void {
    const m = route.misplaced;
    if (!m) return;
    const text = this.text(this.file);
    const why: Words = m.guard
      ? {
          key: "config.flask.fix.cross-before-auth",
          params: { line: m.line, name: m.guard.name, route: route.line },
        }
      : { key: "config.flask.fix.cross-under-route", params: { line: m.line, route: route.line } };
    this.push(`cross-move:${m.cross.start}`, {
      file: this.file,
      start: m.cross.start,
      end: m.cross.end,
      text: "",
      why,
    });
    this.push(`cross-to:${m.cross.start}`, {
      file: this.file,
      start: m.to,
      end: m.to,
      text: text.slice(m.cross.start, m.cross.end),
      why,
    });
  }

  /**
   * The @cross_origin of another view of the same URL copied above this view's `def`: Werkzeug
   * routes this method (the preflight's OPTIONS, often) to the first view of the URL that has it,
   * and flask-cors acts only in the views it decorates
   * (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/decorator.py#L106-L134).
   */
  copyCross(route: Route, from: Route): void {
    if (!from.cross) return;
    const text = this.text(this.file);
    const at = lineStart(text, route.def.start);
    this.push(`cross:${route.def.start}`, {
      file: this.file,
      start: at,
      end: at,
      text: `${indentAt(text, route.def.start)}${from.cross.text}\n`,
      why: {
        key: "config.flask.fix.cross-origin",
        params: {
          view: route.view,
          line: route.line,
          from: from.cross.set.line,
          method: route.methods[0] ?? "GET",
        },
      },
    });
  }

  /**
   * CORS(bp, …) on a blueprint acts on that blueprint's routes only (flask-cors registers an
   * after_request on the object it is given: https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/extension.py#L158):
   * the same call for the route's blueprint, after it.
   */
  scopeCors(ext: Ext & { target: string }, owner: string): boolean {
    const text = this.text(this.file);
    const stmt = text.slice(ext.stmt.start, ext.stmt.end);
    const re = new RegExp(`^((?:flask_cors\\.)?CORS\\(\\s*)${ext.target}\\b`);
    if (!re.test(stmt)) return false;
    const at = afterLine(text, ext.stmt.end);
    this.push(`scoped:${owner}`, {
      file: this.file,
      start: at,
      end: at,
      text: `${indentAt(text, ext.stmt.start)}${stmt.replace(re, `$1${owner}`)}\n`,
      why: {
        key: "config.flask.fix.blueprint",
        params: { name: owner, target: ext.target, line: ext.stmt.line },
      },
    });
    return true;
  }

  /**
   * `if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers: return
   * None` at the top of a before_request hook: Flask runs the
   * hooks for the preflight too (it carries no token or cookie), and a hook that answers it
   * (401, a redirect) answers for the whole request; returning None lets Flask's automatic OPTIONS
   * answer, which flask-cors completes (https://flask.palletsprojects.com/en/2.2.x/api/#flask.Flask.before_request,
   * https://github.com/corydolphin/flask-cors/issues/201).
   */
  optionsThrough(hook: Hook): void {
    const text = this.text(this.file);
    const indent = indentAt(text, hook.first.start);
    const at = lineStart(text, hook.first.start);
    if (text.slice(at, hook.first.start).trim() !== "") {
      this.cannotAll.push({ key: "config.flask.cannot.hook", params: { line: hook.line } });
      return;
    }
    const q = quoteOf(text);
    const why: Words = { key: "config.flask.fix.hook", params: { line: hook.line } };
    const unit = indent.startsWith("\t") ? "\t" : "    ";
    this.push(`hook:${hook.line}`, {
      file: this.file,
      start: at,
      end: at,
      // Only a preflight (it names Access-Control-Request-Method): any other OPTIONS request still
      // meets the hook's check, as before.
      text: `${indent}if request.method == ${pyStr("OPTIONS", q)} and ${pyStr("Access-Control-Request-Method", q)} in request.headers:\n${indent}${unit}return None\n`,
      why,
    });
    const imported = this.app.mod.imports.get("request");
    if (imported?.module === "flask" && imported.name === "request") return;
    if (imported) {
      this.cannotAll.push({ key: "config.flask.cannot.hook", params: { line: hook.line } });
      return;
    }
    let line = 0;
    for (let l = 0; l < this.app.mod.importsEnd; l++) line = afterLine(text, line);
    this.push("hook:import", {
      file: this.file,
      start: line,
      end: line,
      text: "from flask import request\n",
      why,
    });
  }

  /** An app-wide before_request hook, after CORS(app), that answers every OPTIONS request itself. */
  optionsHook(): boolean {
    const ext = this.app.ext;
    const app = this.app.app;
    const text = this.text(this.file);
    const name = ["answer_preflight", "cors_preflight", "answer_options"].find(
      (n) => !new RegExp(`\\b${n}\\b`).test(text),
    );
    const imported = this.app.mod.imports.get("request");
    // A view of the app's own that takes OPTIONS (`methods=["OPTIONS"]`) would be answered by the
    // hook instead, losing what it sends: not done there.
    const ownOptions = /\bmethods\s*=\s*[[(][^\])]*["']OPTIONS["']/.test(text);
    if (
      !ext ||
      !app ||
      this.app.factory ||
      ownOptions ||
      !name ||
      (imported && !(imported.module === "flask" && imported.name === "request"))
    ) {
      this.cannotAll.push({ key: "config.cannot.cause", params: { code: "preflight-status-not-ok" } });
      return false;
    }
    const q = quoteOf(text);
    const why: Words = { key: "config.flask.fix.options-hook", params: { line: ext.stmt.line } };
    const at = afterLine(text, ext.stmt.end);
    this.push("options-hook", {
      file: this.file,
      start: at,
      end: at,
      text: `\n\n@${app.name}.before_request\ndef ${name}():\n    if request.method == ${pyStr("OPTIONS", q)}:\n        return ${app.name}.make_default_options_response()\n`,
      why,
    });
    if (!imported) {
      let line = 0;
      for (let l = 0; l < this.app.mod.importsEnd; l++) line = afterLine(text, line);
      this.push("options-hook:import", {
        file: this.file,
        start: line,
        end: line,
        text: "from flask import request\n",
        why,
      });
    }
    return true;
  }

  /**
   * strict_slashes=False on a rule ending in "/": Werkzeug then matches the URL without the slash
   * too, instead of redirecting it (a preflight may not follow a redirect). Every URL the rule
   * matched stays matched.
   */
  noStrictSlashes(route: Route): void {
    const why: Words = {
      key: "config.flask.fix.strict-slashes",
      params: { line: route.line, rule: route.rule },
    };
    if (!route.call.close) {
      this.cannotAll.push({ key: "config.flask.cannot.place", params: { line: route.line } });
      return;
    }
    for (const e of argInsert(
      this.text(this.file),
      route.call.args,
      route.call.close,
      "strict_slashes=False",
    ))
      this.push(e.part === "comma" ? `slash:${route.line}:comma` : `slash:${route.line}`, {
        file: this.file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
  }

  /**
   * "OPTIONS" removed from the route's literal methods list, so Flask answers the preflight with its
   * automatic OPTIONS response (https://github.com/pallets/flask/blob/2.2.x/src/flask/app.py,
   * add_url_rule: provide_automatic_options when OPTIONS is not in methods). Only where the view's own
   * code does not look at OPTIONS (then answering it is the view's purpose, not an accident).
   */
  dropOptions(route: Route, status: number | null): boolean {
    const item = route.optionsItem;
    if (!item) return false;
    const text = this.text(this.file);
    if (/OPTIONS/.test(text.slice(route.def.start, route.def.end))) return false;
    this.push(`drop-options:${item.start}`, {
      file: this.file,
      start: item.start,
      end: item.end,
      text: "",
      why: {
        key: "config.flask.fix.drop-options",
        params: { line: route.line, view: route.view, status: status ?? "?" },
      },
    });
    return true;
  }

  /**
   * `CORS(app, resources={"^<rule>$": {…the decorator's options…}})` under the app: only where the app
   * has no CORS(…) yet and the decorator's options are all keywords (a dict of the same entries).
   */
  corsForAborts(route: Route, origin: string): boolean {
    const app = this.app.app;
    const cross = route.cross;
    if (!app || !cross || this.app.ext || this.app.scoped.length > 0) return false;
    const text = this.text(this.file);
    const q = quoteOf(text);
    const entries: string[] = [];
    // The options are copied as written, under the app's statement: each name they read must be
    // bound there already (imported, or assigned at module level above it), or the app would not start.
    const bound = (name: string) =>
      ["True", "False", "None"].includes(name) ||
      this.app.mod.imports.has(name) ||
      this.app.mod.assignments.some((x) => x.name === name && x.stmt.start < app.stmt.start);
    for (const a of cross.set.args) {
      const m = /^(\w+)\s*=\s*([\s\S]+)$/.exec(text.slice(a.start, a.end));
      if (!m) return false;
      const names =
        (m[2] as string).replace(/(["'])(?:\\.|(?!\1)[^\\])*\1/g, "").match(/(?<![.\w])[A-Za-z_]\w*/g) ?? [];
      if (!names.every((n) => /^[rRuUbBfF]+$/.test(n) || bound(n))) return false;
      entries.push(`${pyStr(m[1] as string, q)}: ${m[2]}`);
    }
    if (!cross.set.opts.has("origins") && !cross.set.opts.has("origin"))
      entries.unshift(`${pyStr("origins", q)}: [${pyStr(origin, q)}]`);
    // Werkzeug's <converter:name> segments match one path segment; the rest is literal.
    const rule = route.rule
      .split(/(<[^>]+>)/)
      .map((part) => (part.startsWith("<") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("");
    const why: Words = route.abortsUnder
      ? {
          key: "config.flask.fix.aborts-under",
          params: {
            name: route.abortsUnder.name,
            line: route.abortsUnder.line,
            view: route.view,
            rule: route.rule,
          },
        }
      : {
          key: "config.flask.fix.aborts",
          params: { view: route.view, line: route.line, rule: route.rule },
        };
    this.corsCall(
      `aborts:${route.line}`,
      `resources={${pyStr(`^${rule}$`, q)}: {${entries.join(", ")}}}`,
      why,
    );
    return true;
  }

  /**
   * `CORS(app, <args>)` on the line under the app's statement (inside an application factory, at its
   * indentation), with flask_cors' import where the file has none.
   */
  private corsCall(key: string, args: string, why: Words): void {
    const app = this.app.app;
    if (!app) return;
    const text = this.text(this.file);
    if (!this.app.mod.imports.has("CORS")) {
      let at = 0;
      for (let l = 0; l < this.app.mod.importsEnd; l++) at = afterLine(text, at);
      this.push("add:import", {
        file: this.file,
        start: at,
        end: at,
        text: "from flask_cors import CORS\n",
        why,
      });
    }
    const at = afterLine(text, app.stmt.end);
    this.push(key, {
      file: this.file,
      start: at,
      end: at,
      text: `${indentAt(text, app.stmt.start)}CORS(${app.name}, ${args})\n`,
      why,
    });
  }

  addCors(origin: string): void {
    const app = this.app.app;
    if (!app) {
      this.cannotAll.push({ key: "config.flask.cannot.no-app" });
      return;
    }
    const text = this.text(this.file);
    const q = quoteOf(text);
    // CORS written from nothing exposes nothing: the headers the views write (a list's X-Total-Count)
    // would no longer reach the page's script (../python/written-headers.ts).
    const mod = this.app.mod;
    const expose = exposedNames(
      this.app.routes
        .filter((r) => !r.methods.every((m) => m === "OPTIONS"))
        .flatMap((r) => {
          const def = mod.tree.rootNode.descendantForIndex(r.def.start, r.def.end);
          const fn = def?.type === "decorated_definition" ? def.childForFieldName("definition") : def;
          return fn?.type === "function_definition" ? headerNamesWritten(fn, mod) : [];
        }),
    );
    this.corsCall(
      "add",
      `origins=[${pyStr(origin, q)}]${expose.length > 0 ? `, expose_headers=[${expose.map((n) => pyStr(n, q)).join(", ")}]` : ""}`,
      expose.length > 0
        ? { key: "config.flask.fix.add-expose", params: { expose: expose.join(", ") } }
        : { key: "config.flask.fix.add" },
    );
  }
}

export function patchFlask(
  config: FlaskConfig,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const app = config.app;
  const p = new Patcher(app);
  const wants = new Map<
    string,
    { sets: OptSet[]; origins: Set<string>; methods: Set<string>; headers: Set<string>; credentials: boolean }
  >();
  const asked: string[] = [];
  if (app.hook) {
    // A preflight a before_request hook answers with an error never reaches the hook's headers:
    // the hook lets preflights through first; what they still lack is the next round's.
    const rest = failing.filter(({ spec, judged }) => {
      const route = placeOf(app, new URL(spec.url).pathname, "OPTIONS").route;
      const blocking = refusingHooks(app, spec, judged, route);
      for (const h of blocking) p.optionsThrough(h);
      return blocking.length === 0;
    });
    patchHook(p, app, app.hook, rest);
    return { edits: p.edits, cannot: p.cannot };
  }
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    try {
      const path = new URL(spec.url).pathname;
      // The view the failing step reaches: a preflight is routed as OPTIONS.
      const first = faultOf(spec, judged);
      const stage =
        first && "hop" in first
          ? first.hop.method
          : unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)
            ? "OPTIONS"
            : spec.method;
      const place = placeOf(app, path, stage);
      // The URL redirects to the rule with a slash: the rule matches it without one.
      const slashed = place.route ? null : slashRoute(app, path, stage);
      if (slashed && first && "hop" in first) {
        p.noStrictSlashes(slashed);
        asked.push(spec.id);
        continue;
      }
      // A hand-written decorator of the view sets Allow-Origin itself: flask-cors skips such an
      // answer, so the decorator's line is the one to change.
      const hand = stage !== "OPTIONS" ? place.route?.hand : null;
      if (
        hand?.sets.some((x) => lower(x.name) === "access-control-allow-origin") &&
        first &&
        "hop" in first
      ) {
        if (
          ["multiple-allow-origin", "allow-origin-mismatch"].includes(first.cause.code) &&
          p.decoOrigin(hand, spec.origin)
        )
          asked.push(spec.id);
        else
          p.cannot.set(spec.id, {
            key: "config.flask.cannot.hand-deco",
            params: { name: hand.name, line: hand.line, code: first.cause.code },
          });
        continue;
      }
      // A preflight a before_request hook answers with an error: the hook lets OPTIONS through.
      const status = spec.recorded?.preflight?.status;
      // @cross_origin written where it wraps nothing the route registers, or under an auth decorator.
      if (place.route?.misplaced) {
        p.moveCross(place.route);
        asked.push(spec.id);
        continue;
      }
      const blocking = place.route ? refusingHooks(app, spec, judged, place.route) : [];
      if (blocking.length > 0) {
        for (const h of blocking) p.optionsThrough(h);
        asked.push(spec.id);
        continue;
      }
      // A preflight to a path no route has (the page reads the API's 404): Flask answers it 404
      // before flask-cors can, so a before_request hook answers OPTIONS with Flask's default
      // answer, which flask-cors completes (flask-cors#262); every other request is as before.
      if (
        !place.route &&
        place.resource &&
        place.ext === app.ext &&
        first &&
        "hop" in first &&
        first.cause.stage === "preflight" &&
        first.cause.code === "preflight-status-not-ok" &&
        status === 404
      ) {
        if (p.optionsHook()) asked.push(spec.id);
        continue;
      }
      // A preflight the view answers itself with an error, because its route lists OPTIONS (a token
      // check that lets OPTIONS through, then the view's code needing the token: flask-jwt-extended#475):
      // OPTIONS removed from the methods, Flask's automatic OPTIONS answers before the view and
      // flask-cors' after_request adds its headers; every other method still reaches the view.
      if (
        stage === "OPTIONS" &&
        first &&
        "hop" in first &&
        first.cause.code === "preflight-status-not-ok" &&
        place.route?.ownOptions &&
        !place.view &&
        !place.route.hand
      ) {
        const route = place.route;
        if (place.resource && place.ext && p.dropOptions(route, status ?? null)) asked.push(spec.id);
        else
          p.cannot.set(spec.id, {
            key: "config.flask.cannot.view-options",
            params: { line: route.line, view: route.view, status: status ?? "?" },
          });
        continue;
      }
      // The error answer of a view that aborts past its @cross_origin: CORS(app) for its rule, with the
      // decorator's options, adds the headers to every answer (its after_request runs for errors too).
      const recorded = spec.recorded?.actual?.status;
      if (
        place.view &&
        stage !== "OPTIONS" &&
        recorded != null &&
        recorded >= 400 &&
        first &&
        "hop" in first &&
        first.cause.code === "missing-allow-origin" &&
        abortsPastCross(app, place.route)
      ) {
        if (p.corsForAborts(place.route as Route, spec.origin)) asked.push(spec.id);
        else
          p.cannot.set(spec.id, {
            key: "config.flask.cannot.aborts",
            params: { line: place.route?.line ?? 0 },
          });
        continue;
      }
      if (!place.view && !place.resource) {
        const route = place.route;
        // Another view of the same URL has @cross_origin, but Flask routes this method to this one.
        const sibling =
          route && !route.cross ? app.routes.find((r) => r.cross && r.rule === route.rule) : undefined;
        // CORS(bp) on another blueprint: this route's blueprint gets the same CORS(…).
        const scoped =
          route && !app.ext && app.scoped.length > 0 && !app.scoped.some((x) => x.target === route.owner)
            ? app.scoped.at(-1)
            : undefined;
        if (route && sibling?.cross) {
          p.copyCross(route, sibling);
          asked.push(spec.id);
        } else if (route && scoped && route.owner !== app.app?.name && p.scopeCors(scoped, route.owner))
          asked.push(spec.id);
        else if (app.ext?.resources && !app.ext.unknown && p.addResource(path, spec.origin))
          asked.push(spec.id);
        else if (app.ext || app.views.length > 0)
          p.cannot.set(spec.id, { key: "config.flask.cannot.resource", params: { path } });
        else {
          p.addCors(spec.origin);
          asked.push(spec.id);
        }
        continue;
      }
      if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) continue;
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      if (!("hop" in fault)) {
        p.cannot.set(spec.id, fault);
        continue;
      }
      // A resource written as a dict takes new options; a pattern string (or none) leaves them to CORS(…).
      const resourceSet = (place.resource as Resource | null)?.set;
      const sets = place.view
        ? [configSet(app, null), place.view]
        : [...extSets(app, place.ext as Ext), ...(resourceSet?.close ? [resourceSet] : [])];
      const key = sets.map((s) => s.line).join(":");
      const w = wants.get(key) ?? {
        sets,
        origins: new Set(),
        methods: new Set(),
        headers: new Set(),
        credentials: false,
      };
      wants.set(key, w);
      const o = optionsOf(...sets);
      switch (fault.cause.code) {
        case "missing-allow-origin":
        case "header-not-allowed":
        case "method-not-allowed": {
          const origin = spec.origin;
          if (!o.origins.some((x) => matches(origin, x, false))) w.origins.add(origin);
          if (!o.methods.includes(spec.method.toUpperCase())) w.methods.add(spec.method.toUpperCase());
          for (const h of unsafeNames(spec))
            if (!o.headers.some((x) => matches(h, x, false))) w.headers.add(lower(h));
          if (w.origins.size + w.methods.size + w.headers.size === 0)
            p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: fault.cause.code } });
          else asked.push(spec.id);
          break;
        }
        case "allow-credentials-not-true":
          // flask-cors reflects every origin its `origins` match (send_wildcard is off by default):
          // with "*" or ".*", supports_credentials=True would let any site read with the user's
          // cookies (https://github.com/corydolphin/flask-cors/blob/3.0.10/flask_cors/core.py#L222).
          // Narrowing origins to the page would block the sites allowed today: the user decides.
          if (o.origins.some((x) => matches(STRANGER_ORIGIN, x, false)))
            p.cannot.set(spec.id, {
              key: "config.flask.cannot.all-credentials",
              params: {
                origin: spec.origin,
                line:
                  [...sets]
                    .reverse()
                    .find((x) => x.opts.has("origins"))
                    ?.opts.get("origins")?.at.line ?? (sets.at(-1) as OptSet).line,
              },
            });
          else {
            w.credentials = true;
            asked.push(spec.id);
          }
          break;
        default:
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: fault.cause.code } });
      }
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      p.cannot.set(spec.id, e.why);
    }
  }
  for (const w of wants.values()) {
    p.extend(w.sets, "origins", [...w.origins], []);
    p.extend(w.sets, "methods", [...w.methods], []);
    p.extend(w.sets, "allow_headers", [...w.headers], []);
    if (w.credentials) p.credentials(w.sets);
  }
  const why = p.cannotAll[0];
  if (why) for (const id of asked) if (!p.cannot.has(id)) p.cannot.set(id, why);
  return { edits: p.edits, cannot: p.cannot };
}

/** `also` for a finding: the lines given, each once, but its own. */
function alsoLines(
  lines: number[],
  file: string,
  own: number,
): { also?: Array<{ file: string; line: number }> } {
  const also = [...new Set(lines)].filter((l) => l !== own).map((line) => ({ file, line }));
  return also.length > 0 ? { also } : {};
}
