/**
 * Module-level Python assignments read as values: literals (strings, lists, tuples, sets, booleans,
 * numbers), `os.environ.get("X", "literal")`/`os.getenv` defaults, `"a,b".split(",")`, `+` of
 * sequences, `list(x)`/`tuple(x)`, `*x` in a display, and names bound earlier in the same file.
 * Anything else is `unknown` with its text: a reader never guesses what code computes.
 */
import type { Node, Tree } from "web-tree-sitter";
import { pythonParser } from "./grammar";

export interface Span {
  start: number;
  end: number;
  line: number;
  /** The file it is written in, when the module was read with other modules' names (a star import). */
  file?: string;
}

/** A list/tuple/set written as a display in the file: where an element can be added. */
export interface Display {
  open: Span;
  close: Span;
  elements: Array<Span & { text: string }>;
}

export type PyVal =
  | {
      t: "str";
      v: string;
      at: Span;
      quote: string;
      prefix: string;
      /** The default of an environment variable (`os.environ.get("X", "…")`): deployed, it may differ. */
      env?: true;
    }
  | {
      t: "seq";
      kind: "list" | "tuple" | "set";
      items: PyVal[];
      at: Span;
      /** The display an element is added to (the last one written, in `a + [...]`). */
      display: Display | null;
      /**
       * A string split on a separator: the origins are in it. `after`: the split call, when the
       * string is an environment variable's default — a value added there would be lost wherever the
       * variable is set, so it is added after the call (`….split(",") + ["…"]`).
       */
      joined: {
        at: Span;
        sep: string;
        quote: string;
        after: Span | null;
        call?: Span;
        /** The string that was split (the value read). */
        text?: string;
      } | null;
      /**
       * The default of an environment helper of the file (`get_list_of_str("X", [...])`, see
       * envHelper): deployed, it may differ, so a value is added after the call, never inside it.
       */
      env?: { name: string; helper: string };
    }
  /**
   * `env`: computed from an environment variable's default (deployed, it may differ); `from`: the
   * variable, the same-file function it is read through and its default's literal (see returned).
   */
  | {
      t: "bool";
      v: boolean;
      at: Span;
      env?: true;
      from?: { name: string; helper: string; dflt: Span | null };
    }
  | { t: "int"; v: number; at: Span }
  | { t: "none"; at: Span }
  /**
   * A settings class of the file, or an instance of it (`settings = Settings()`): its fields' defaults.
   * `init`: its `__init__`, run when it is instantiated; `reassigned`: attributes its other methods
   * set on the instance (`self.x = …`), each with where: on an instance they are not the class default.
   */
  | {
      t: "obj";
      cls: string;
      attrs: Map<string, PyVal>;
      at: Span;
      init?: Node;
      reassigned?: Map<string, Span>;
    }
  /**
   * A class of Python or its typing module (`list`, `collections.abc.Sequence`, `Sequence[str]`):
   * `origin` is what typing.get_origin returns for it (null: None).
   */
  | { t: "type"; name: string; origin: string | null; at: Span }
  | { t: "unknown"; text: string; at: Span };

export interface Assignment {
  name: string;
  value: PyVal;
  /** The whole statement, and its right-hand side. */
  stmt: Span;
  rhs: Span;
  /** Under an `if` this reader cannot decide, or augmented (`+=`) with an unknown base. */
  conditional: boolean;
}

export interface PyModule {
  text: string;
  tree: Tree;
  /** Every module-level assignment in order (the last of a name is the one in effect). */
  assignments: Assignment[];
  /** The value in effect at the end of the module, by name. */
  names: Map<string, Assignment>;
  /** `from X import *`: names set there are not seen. */
  starImports: Array<{ module: string; line: number }>;
  /** Names imported, with the module they come from. */
  imports: Map<string, { module: string; name: string; line: number }>;
  /** The last line of the imports at the top (0 when none). */
  importsEnd: number;
  /** A syntax error: line and the text there. */
  error: { line: number; text: string } | null;
}

/** The file of the module being read, stamped on its spans (readModule is synchronous). */
let reading: string | undefined;

const span = (n: Node): Span =>
  reading === undefined
    ? { start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 }
    : { start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1, file: reading };

/** The defaults corsheaders ships (corsheaders/defaults.py, 3.14: https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/defaults.py). */
export const CORSHEADERS_DEFAULTS: Record<string, readonly string[]> = {
  default_headers: [
    "accept",
    "accept-encoding",
    "authorization",
    "content-type",
    "dnt",
    "origin",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
  ],
  default_methods: ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"],
};

function unescapePy(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(\r?\n|[\\'"abfnrtv0]|x[0-9a-fA-F]{2})/g, (_, c: string) => {
    const map: Record<string, string> = {
      "\\": "\\",
      "'": "'",
      '"': '"',
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "\t",
      v: "\v",
      "0": "\0",
    };
    if (c.startsWith("x")) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    if (c.startsWith("\r") || c.startsWith("\n")) return "";
    return map[c] ?? c;
  });
}

function stringValue(n: Node): PyVal {
  const at = span(n);
  const m = /^([rRuUbBfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(n.text);
  if (!m || /[fFbB]/.test(m[1] ?? "") || n.namedChildren.some((c) => c?.type === "interpolation"))
    return { t: "unknown", text: n.text, at };
  const prefix = m[1] ?? "";
  return { t: "str", v: unescapePy(m[3] ?? "", /[rR]/.test(prefix)), at, quote: m[2] ?? '"', prefix };
}

type Scope = Map<string, PyVal>;

const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

function display(n: Node, items: Node[]): Display {
  const open = n.child(0) as Node;
  const close = n.child(n.childCount - 1) as Node;
  return { open: span(open), close: span(close), elements: items.map((c) => ({ ...span(c), text: c.text })) };
}

/** The value of an expression, given the names bound so far. */
export function evaluate(n: Node, scope: Scope, imports: PyModule["imports"]): PyVal {
  const at = span(n);
  const unknown = (): PyVal => ({ t: "unknown", text: n.text, at });
  switch (n.type) {
    case "string":
      return stringValue(n);
    case "concatenated_string": {
      const parts = kids(n).map(stringValue);
      if (parts.some((p) => p.t !== "str")) return unknown();
      const first = parts[0] as Extract<PyVal, { t: "str" }>;
      return { ...first, at, v: parts.map((p) => (p as { v: string }).v).join("") };
    }
    case "true":
    case "false":
      return { t: "bool", v: n.type === "true", at };
    case "none":
      return { t: "none", at };
    case "integer": {
      const v = Number(n.text.replace(/_/g, ""));
      return Number.isFinite(v) ? { t: "int", v, at } : unknown();
    }
    case "parenthesized_expression": {
      const inner = kids(n)[0];
      return inner ? evaluate(inner, scope, imports) : unknown();
    }
    case "list":
    case "tuple":
    case "set": {
      const elems = kids(n);
      const items: PyVal[] = [];
      for (const c of elems) {
        if (c.type === "list_splat") {
          const inner = kids(c)[0];
          const v = inner ? evaluate(inner, scope, imports) : unknown();
          if (v.t !== "seq") return unknown();
          items.push(...v.items);
        } else items.push(evaluate(c, scope, imports));
      }
      return { t: "seq", kind: n.type, items, at, display: display(n, elems), joined: null };
    }
    case "identifier": {
      const bound = scope.get(n.text);
      if (bound) return { ...bound, at } as PyVal;
      const imported = imports.get(n.text);
      const defaults =
        imported && /corsheaders\.defaults$/.test(imported.module) && CORSHEADERS_DEFAULTS[imported.name];
      if (defaults)
        return {
          t: "seq",
          kind: "tuple",
          items: defaults.map((v) => ({ t: "str", v, at, quote: '"', prefix: "" })),
          at,
          display: null,
          joined: null,
        };
      const type = imported
        ? pyType(`${imported.module}.${imported.name}`)
        : BUILTIN_TYPES.has(n.text)
          ? pyType(n.text)
          : null;
      return type ? { t: "type", ...type, at } : unknown();
    }
    case "binary_operator": {
      const op = n.childForFieldName("operator")?.text;
      const l = n.childForFieldName("left");
      const r = n.childForFieldName("right");
      if (op !== "+" || !l || !r) return unknown();
      const a = evaluate(l, scope, imports);
      const b = evaluate(r, scope, imports);
      if (a.t === "seq" && b.t === "seq")
        return {
          t: "seq",
          kind: a.kind,
          items: [...a.items, ...b.items],
          at,
          display: b.display ?? a.display,
          joined: null,
        };
      if (a.t === "str" && b.t === "str") return { ...a, at, v: a.v + b.v };
      return unknown();
    }
    case "call":
      return call(n, scope, imports) ?? unknown();
    case "attribute": {
      const obj = n.childForFieldName("object");
      const attr = n.childForFieldName("attribute")?.text ?? "";
      const o = obj ? evaluate(obj, scope, imports) : null;
      const v = o?.t === "obj" ? o.attrs.get(attr) : undefined;
      if (v) return v;
      // os.pathsep as on POSIX, where these apps are deployed (";" on Windows).
      const dotted = n.text.replace(/\s+/g, "");
      if (obj?.type === "identifier" && !scope.has(obj.text) && !imports.has(obj.text)) {
        if (dotted === "os.pathsep") return { t: "str", v: ":", at, quote: '"', prefix: "" };
        if (dotted === "os.sep") return { t: "str", v: "/", at, quote: '"', prefix: "" };
      }
      const type =
        /^(typing|collections\.abc)\.\w+$/.test(dotted) && !scope.has("typing") ? pyType(dotted) : null;
      if (type) return { t: "type", ...type, at };
      return aiohttpHdrs(n, imports) ?? unknown();
    }
    case "subscript": {
      const key = itemKey(n);
      const bound = key !== null ? scope.get(key) : undefined;
      if (bound) return { ...bound, at } as PyVal;
      // `Sequence[str]`, `list[str]`: a generic alias, whose get_origin is the class.
      const base = n.childForFieldName("value");
      const t = base ? evaluate(base, scope, imports) : null;
      if (t?.t === "type")
        return { t: "type", name: n.text.replace(/\s+/g, ""), origin: t.origin ?? t.name, at };
      return unknown();
    }
    case "comparison_operator":
    case "not_operator": {
      // `os.getenv("X", "true").lower() == "true"`: a comparison of known values is a bool.
      const c = condition(n, scope, imports);
      const fromEnv = n.descendantsOfType("call").some((x) => {
        const v = x ? evaluate(x, scope, imports) : null;
        return v?.t === "str" && v.env === true;
      });
      if (c === null) return unknown();
      return fromEnv ? { t: "bool", v: c, at, env: true } : { t: "bool", v: c, at };
    }
    case "conditional_expression": {
      // `a if DEBUG else b`: the branch a literal condition picks.
      const [a, c, b] = kids(n);
      const pick = c ? condition(c, scope, imports) : null;
      if (!a || !b || pick === null) return unknown();
      return evaluate(pick ? a : b, scope, imports);
    }
    case "list_comprehension":
    case "set_comprehension":
    case "generator_expression":
      return comprehension(n, scope, imports) ?? unknown();
    default:
      return unknown();
  }
}

const BUILTIN_TYPES = new Set(["list", "tuple", "set", "frozenset", "dict", "str", "int", "bool"]);

/** typing's aliases: what get_origin returns for each (https://docs.python.org/3/library/typing.html#typing.get_origin). */
const TYPING_ORIGINS: Record<string, string> = {
  List: "list",
  Tuple: "tuple",
  Set: "set",
  FrozenSet: "frozenset",
  Dict: "dict",
  Sequence: "collections.abc.Sequence",
  MutableSequence: "collections.abc.MutableSequence",
  Iterable: "collections.abc.Iterable",
  Collection: "collections.abc.Collection",
  AbstractSet: "collections.abc.Set",
};
const ABC_TYPES = new Set(["Sequence", "MutableSequence", "Iterable", "Collection", "Set", "Mapping"]);

/** A class of the builtins, typing or collections.abc by its dotted name; null for anything else. */
function pyType(dotted: string): { name: string; origin: string | null } | null {
  const m = /^(?:(typing|collections\.abc)\.)?(\w+)$/.exec(dotted);
  if (!m) return null;
  const [, module, name = ""] = m;
  if (!module) return BUILTIN_TYPES.has(name) ? { name, origin: null } : null;
  if (module === "typing") {
    const origin = TYPING_ORIGINS[name];
    return origin ? { name: `typing.${name}`, origin } : null;
  }
  return ABC_TYPES.has(name) ? { name: `collections.abc.${name}`, origin: null } : null;
}

/** aiohttp.hdrs' names whose header is not the name title-cased with hyphens. */
const HDRS_IRREGULAR: Record<string, string> = {
  ETAG: "Etag",
  LAST_EVENT_ID: "Last-Event-ID",
  SEC_WEBSOCKET_ACCEPT: "Sec-WebSocket-Accept",
  SEC_WEBSOCKET_VERSION: "Sec-WebSocket-Version",
  SEC_WEBSOCKET_PROTOCOL: "Sec-WebSocket-Protocol",
  SEC_WEBSOCKET_EXTENSIONS: "Sec-WebSocket-Extensions",
  SEC_WEBSOCKET_KEY: "Sec-WebSocket-Key",
  SEC_WEBSOCKET_KEY1: "Sec-WebSocket-Key1",
  TE: "TE",
  URI: "URI",
  WWW_AUTHENTICATE: "WWW-Authenticate",
};

/**
 * `hdrs.CONTENT_TYPE`, `hdrs.METH_GET` (`from aiohttp import hdrs`): aiohttp's constants, each the
 * header's name (`istr("Content-Type")`) or the method (https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/hdrs.py).
 */
function aiohttpHdrs(n: Node, imports: PyModule["imports"]): PyVal | null {
  const obj = n.childForFieldName("object");
  const attr = n.childForFieldName("attribute")?.text ?? "";
  const imp = obj?.type === "identifier" ? imports.get(obj.text) : undefined;
  const isHdrs =
    (imp?.module === "aiohttp" && imp.name === "hdrs") || (imp === undefined && obj?.text === "aiohttp.hdrs");
  if (!isHdrs || !/^[A-Z][A-Z0-9_]*$/.test(attr) || attr === "METH_ALL") return null;
  const v = attr.startsWith("METH_")
    ? attr === "METH_ANY"
      ? "*"
      : attr.slice(5)
    : (HDRS_IRREGULAR[attr] ??
      attr
        .split("_")
        .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
        .join("-"));
  return { t: "str", v, at: span(n), quote: '"', prefix: "" };
}

/**
 * `[str(o) for o in ORIGINS]`, `[o.rstrip("/") for o in X]`, `[m for m in X if m]`: one `for` over a
 * known sequence, `if` clauses decided from each element's literal, each element evaluated with the
 * name bound. A string element keeps the span of the literal
 * it comes from (an edit fixes it there), and the sequence the display of its source.
 */
function comprehension(n: Node, scope: Scope, imports: PyModule["imports"]): PyVal | null {
  const body = n.childForFieldName("body");
  const clauses = kids(n).filter((c) => c.id !== body?.id);
  const clause = clauses[0];
  const filters = clauses.slice(1);
  if (!body || clause?.type !== "for_in_clause" || filters.some((f) => f.type !== "if_clause")) return null;
  const left = clause.childForFieldName("left");
  const right = clause.childForFieldName("right");
  if (left?.type !== "identifier" || !right) return null;
  const source = evaluate(right, scope, imports);
  if (source.t !== "seq") return null;
  const items: PyVal[] = [];
  for (const item of source.items) {
    const inner: Scope = new Map(scope);
    inner.set(left.text, item);
    // `if m`, `if m is not None`: decided for each element from its literal, or not evaluated.
    let kept = true;
    for (const f of filters) {
      const c = kids(f)[0];
      const keep = c ? condition(c, inner, imports) : null;
      if (keep === null) return null;
      kept &&= keep;
    }
    if (!kept) continue;
    const v = evaluate(body, inner, imports);
    if (v.t === "unknown") return null;
    items.push(
      v.t === "str" && item.t === "str" ? { ...v, at: item.at, quote: item.quote, prefix: item.prefix } : v,
    );
  }
  return {
    t: "seq",
    kind: n.type === "set_comprehension" ? "set" : "list",
    items,
    at: span(n),
    display: source.display,
    joined: source.joined,
  };
}

/** The module-level functions being evaluated (a function that calls itself is not followed). */
const inlining = new Set<string>();

/**
 * The environment variables read while a value is evaluated (`os.environ.get("X", default)` /
 * `os.getenv`, read as their default): a same-file function's value computed from one is that
 * default's, said as such by the readers (deployed, the variable may be set).
 */
let envReads: Array<{ name: string; dflt: Span | null }> | null = null;

/** What a same-file function returns: the returned expression and the names bound where it returns. */
export interface Returned {
  node: Node;
  scope: Scope;
  /** The function's name, and the first environment variable read on the way (by the call's arguments or its body). */
  name: string;
  env: { name: string; dflt: Span | null } | null;
}

/**
 * A call's arguments bound to a function's parameters as Python binds them: positional ones in order
 * (up to a bare `*` or `*args`, after which parameters are keyword-only), then keyword ones by name,
 * else the parameter's written default (null: none). `complete` is false where the binding is not all
 * known: a `*args`/`**kwargs` in the call or the definition, an argument no parameter takes.
 */
export function boundArguments(
  params: readonly Node[],
  args: readonly Node[],
): { bound: Array<{ name: string; value: Node | null; given: boolean }>; complete: boolean } {
  const positional = args.filter((a) => a.type !== "keyword_argument");
  const keywords = new Map(
    args
      .filter((a) => a.type === "keyword_argument")
      .map((a) => [a.childForFieldName("name")?.text ?? "", a.childForFieldName("value")] as const),
  );
  let complete = !args.some((a) => /splat/.test(a.type));
  const bound: Array<{ name: string; value: Node | null; given: boolean }> = [];
  let i = 0;
  let byPosition = true;
  for (const p of params) {
    if (p.type === "positional_separator") continue;
    const name =
      p.type === "identifier"
        ? p.text
        : p.type === "typed_parameter"
          ? kids(p).find((c) => c.type === "identifier")?.text
          : p.type === "default_parameter" || p.type === "typed_default_parameter"
            ? p.childForFieldName("name")?.text
            : undefined;
    if (!name) {
      // `*` (keyword_separator) or `*args`: keyword-only after it; `*args`/`**kwargs` take what is left.
      byPosition = false;
      if (p.type !== "keyword_separator") complete = false;
      continue;
    }
    const byPlace = byPosition ? positional[i] : undefined;
    if (byPlace) i++;
    const byName = keywords.get(name);
    keywords.delete(name);
    const given = byPlace ?? byName ?? null;
    bound.push({ name, value: given ?? p.childForFieldName("value"), given: given !== null });
  }
  if (i < positional.length || keywords.size > 0) complete = false;
  return { bound, complete };
}

/**
 * `f(args…)` where f is a module-level function of this file (not decorated) whose body only binds
 * names (`x = …`), decides `if`s from known values and returns: its parameters bound to the call's
 * arguments (or their written defaults), the body run in order, and the expression it returns with the
 * names bound there — the Python a reader can follow without guessing. Anything else in the body (a
 * loop, a `try`, an `if` it cannot decide, a parameter it cannot bind) is not evaluated: null.
 */
export function returned(n: Node, scope: Scope, imports: PyModule["imports"]): Returned | null {
  const fn = n.type === "call" ? n.childForFieldName("function") : null;
  const args = n.childForFieldName("arguments");
  if (fn?.type !== "identifier" || !args || args.type !== "argument_list" || scope.has(fn.text)) return null;
  const name = fn.text;
  if (inlining.has(name)) return null;
  let root: Node = n;
  while (root.parent) root = root.parent;
  const def = kids(root).find(
    (c) => c.type === "function_definition" && c.childForFieldName("name")?.text === name,
  );
  const params = def?.childForFieldName("parameters");
  const body = def?.childForFieldName("body");
  if (!def || !body || /^async\b/.test(def.text)) return null;
  const outer = envReads;
  const reads: NonNullable<typeof envReads> = [];
  envReads = reads;
  inlining.add(name);
  try {
    const local: Scope = new Map(scope);
    const { bound, complete } = boundArguments(kids(params ?? def), kids(args));
    if (!complete) return null;
    for (const b of bound) {
      // A parameter's written default is evaluated where the function is defined: the module's names.
      const v = b.value ? evaluate(b.value, scope, imports) : null;
      if (!v) return null;
      local.set(b.name, v);
    }
    const run = (stmts: Node[]): Node | null | "on" => {
      for (const st of stmts) {
        if (st.type === "return_statement") return kids(st)[0] ?? null;
        if (st.type === "pass_statement") continue;
        if (st.type === "if_statement") {
          // The branch a known condition picks (the elif/else chain in order).
          const chain: Array<{ cond: Node | null; body: Node | null }> = [
            { cond: st.childForFieldName("condition"), body: st.childForFieldName("consequence") },
            ...st.childrenForFieldName("alternative").map((alt) => ({
              cond: alt?.childForFieldName("condition") ?? null,
              body: alt?.childForFieldName("consequence") ?? alt?.childForFieldName("body") ?? null,
            })),
          ];
          for (const b of chain) {
            const d = b.cond ? condition(b.cond, local, imports) : true;
            if (d === null) return null;
            if (!d) continue;
            const r = b.body ? run(kids(b.body)) : "on";
            if (r !== "on") return r;
            break;
          }
          continue;
        }
        const a = st.type === "expression_statement" ? kids(st)[0] : undefined;
        // A docstring, or `name = …`; anything else (a loop, a call for its effect) is not evaluated.
        if (a?.type === "string") continue;
        const left = a?.type === "assignment" ? a.childForFieldName("left") : null;
        const right = a?.type === "assignment" ? a.childForFieldName("right") : null;
        if (left?.type !== "identifier" || !right) return null;
        local.set(left.text, evaluate(right, local, imports));
      }
      return "on";
    };
    const r = run(kids(body));
    if (r === null || r === "on") return null;
    return { node: r, scope: local, name, env: reads[0] ?? null };
  } finally {
    inlining.delete(name);
    envReads = outer;
    if (outer) outer.push(...reads);
  }
}

function inlined(n: Node, scope: Scope, imports: PyModule["imports"]): PyVal | null {
  const r = returned(n, scope, imports);
  if (!r) return null;
  inlining.add(r.name);
  const outer = envReads;
  const reads: NonNullable<typeof envReads> = [];
  envReads = reads;
  let v: PyVal;
  try {
    v = evaluate(r.node, r.scope, imports);
  } finally {
    inlining.delete(r.name);
    envReads = outer;
    if (outer) outer.push(...reads);
  }
  if (v.t === "unknown") return null;
  const at = span(n);
  const env = r.env ?? reads[0] ?? null;
  if (!env) return v;
  // Computed from an environment variable's default: said as such where it is read.
  if (v.t === "str") return { ...v, at, env: true };
  if (v.t === "bool")
    return { ...v, at, env: true, from: { name: env.name, helper: r.name, dflt: env.dflt } };
  // A list keeps where it is written (a split's separator, a display): an edit there is the
  // function's own, kept where the variable is set too (joined.after) — otherwise it goes after the call.
  if (v.t === "seq") return { ...v, at, env: { name: env.name, helper: r.name } };
  return { ...v, at } as PyVal;
}

/**
 * `helper("X", default)` where helper is a module-level function of this file that reads the
 * environment variable its first parameter names (`os.environ.get(name)`, `os.getenv(name)`) and
 * returns its second parameter as it is (`if value is None: return default`), as open-discussions'
 * envs.get_list_of_str does: when X is not set the call is that default, the value read here; what
 * the body makes of a set X is not evaluated (the environment may differ wherever it is deployed).
 */
function envHelper(
  n: Node,
  name: string,
  positional: Node[],
  keyword: (name: string) => Node | null,
): { variable: string; dflt: Node } | null {
  let root: Node = n;
  while (root.parent) root = root.parent;
  const def = kids(root).find(
    (c) => c.type === "function_definition" && c.childForFieldName("name")?.text === name,
  );
  const params = kids(def?.childForFieldName("parameters") ?? root).map((p) =>
    p.type === "identifier" ? p.text : null,
  );
  const [p0, p1] = params;
  const body = def?.childForFieldName("body");
  if (!def || !body || !p0 || !p1) return null;
  const reads = new RegExp(`\\bos\\.(environ\\.get|getenv)\\(\\s*${p0}\\s*[,)]`).test(body.text);
  const returns = (x: Node): boolean =>
    (x.type === "return_statement" && kids(x)[0]?.type === "identifier" && kids(x)[0]?.text === p1) ||
    x.namedChildren.some((c) => c !== null && c.type !== "function_definition" && returns(c));
  const variable = positional[0];
  const dflt = positional[1] ?? keyword(p1);
  if (!reads || !returns(body) || variable?.type !== "string" || !dflt) return null;
  const v = stringValue(variable);
  return v?.t === "str" ? { variable: v.v, dflt } : null;
}

/** The attributes a method sets on its first parameter (`self.x = …`, `self.x += …`), each with where. */
function selfAssigned(body: Node, self: string): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const a of body.descendantsOfType(["assignment", "augmented_assignment"])) {
    const targets = a?.childForFieldName("left");
    if (!a || !targets) continue;
    for (const t of [targets, ...targets.descendantsOfType("attribute")]) {
      const obj = t?.type === "attribute" ? t.childForFieldName("object") : null;
      const attr = t?.childForFieldName("attribute")?.text;
      if (obj?.type === "identifier" && obj.text === self && attr && !out.has(attr)) out.set(attr, span(a));
    }
  }
  // setattr(self, …), self.__dict__: any attribute may be set.
  const any = new RegExp(`\\bsetattr\\(\\s*${self}\\s*,|\\b${self}\\.__dict__\\b`).exec(body.text);
  if (any) out.set("*", span(body));
  return out;
}

/** The classes being instantiated (an __init__ that instantiates its own class is not followed). */
const instantiating = new Set<string>();

/**
 * An instance of a class of the file made with no arguments: the class's attributes, then what its
 * `__init__` sets on `self` where this reader can run it as Python does (its parameters' written
 * defaults, local names, `if`s decided from known values, `self.x = …` evaluated); an attribute set
 * where it cannot (an undecided branch, a loop, a `try`) is unknown, and so is one another method sets
 * (`self.x = …` in a method that may be called later): never the class default read as the instance's.
 */
function instance(
  cls: Extract<PyVal, { t: "obj" }>,
  at: Span,
  scope: Scope,
  imports: PyModule["imports"],
): PyVal {
  const attrs = new Map(cls.attrs);
  const unsure = (name: string, where: Span): PyVal => ({
    t: "unknown",
    text: `self.${name} = … (line ${where.line})`,
    at: where,
  });
  const init = cls.init;
  const params = init ? kids(init.childForFieldName("parameters") ?? init) : [];
  const self = params[0]?.type === "identifier" ? params[0].text : null;
  const body = init?.childForFieldName("body");
  if (init && body) {
    const assigned = self ? selfAssigned(body, self) : new Map<string, Span>([["*", span(init)]]);
    const { bound, complete } = boundArguments(params.slice(1), []);
    const local: Scope = new Map(scope);
    let ok = self !== null && complete && !instantiating.has(cls.cls);
    for (const b of ok ? bound : []) {
      const v = b.value ? evaluate(b.value, scope, imports) : null;
      if (!v) ok = false;
      else local.set(b.name, v);
    }
    if (!ok || assigned.has("*")) {
      const where = assigned.get("*");
      if (where) for (const k of attrs.keys()) attrs.set(k, unsure(k, where));
      for (const [k, where] of assigned) if (k !== "*") attrs.set(k, unsure(k, where));
    } else {
      instantiating.add(cls.cls);
      try {
        runInit(kids(body), true, self as string, attrs, local, imports);
      } finally {
        instantiating.delete(cls.cls);
      }
    }
  }
  const later = cls.reassigned ?? new Map<string, Span>();
  const anyLater = later.get("*");
  if (anyLater) for (const k of attrs.keys()) attrs.set(k, unsure(k, anyLater));
  for (const [k, where] of later) if (k !== "*") attrs.set(k, unsure(k, where));
  return { t: "obj", cls: cls.cls, attrs, at };
}

/** Runs an __init__'s statements (see instance); `sure` is false in a branch not known to run. */
function runInit(
  stmts: Node[],
  sure: boolean,
  self: string,
  attrs: Map<string, PyVal>,
  local: Scope,
  imports: PyModule["imports"],
): "returned" | "on" {
  const unsure = (name: string, where: Span): PyVal => ({
    t: "unknown",
    text: `self.${name} = … (line ${where.line})`,
    at: where,
  });
  /** What a statement not run here may set: unknown after it. */
  const lost = (st: Node) => {
    for (const [k, where] of selfAssigned(st, self))
      if (k === "*") for (const a of attrs.keys()) attrs.set(a, unsure(a, where));
      else attrs.set(k, unsure(k, where));
    for (const a of st.descendantsOfType(["assignment", "augmented_assignment", "for_in_clause"])) {
      const left = a?.childForFieldName("left");
      for (const id of left ? [left, ...left.descendantsOfType("identifier")] : [])
        if (id?.type === "identifier" && id.parent?.type !== "attribute")
          local.set(id.text, { t: "unknown", text: a?.text ?? "", at: span(st) });
    }
  };
  for (const st of stmts) {
    if (st.type === "return_statement") return "returned";
    if (st.type === "pass_statement") continue;
    if (st.type === "if_statement") {
      const chain: Array<{ cond: Node | null; body: Node | null }> = [
        { cond: st.childForFieldName("condition"), body: st.childForFieldName("consequence") },
        ...st.childrenForFieldName("alternative").map((alt) => ({
          cond: alt?.childForFieldName("condition") ?? null,
          body: alt?.childForFieldName("consequence") ?? alt?.childForFieldName("body") ?? null,
        })),
      ];
      let undecided = !sure;
      for (const b of chain) {
        const d = undecided ? null : b.cond ? condition(b.cond, local, imports) : true;
        if (d === false) continue;
        if (d === null) {
          // Not known to run: what it sets is unknown after it, whichever branch ran.
          undecided = true;
          if (b.body) lost(b.body);
          continue;
        }
        const r = b.body ? runInit(kids(b.body), true, self, attrs, local, imports) : "on";
        if (r === "returned") return r;
        break;
      }
      continue;
    }
    const a = st.type === "expression_statement" ? kids(st)[0] : undefined;
    if (a?.type === "string") continue;
    const left = a?.type === "assignment" ? a.childForFieldName("left") : null;
    const right = a?.type === "assignment" ? a.childForFieldName("right") : null;
    if (left && right && left.type === "identifier") {
      local.set(left.text, evaluate(right, local, imports));
      continue;
    }
    const obj = left?.type === "attribute" ? left.childForFieldName("object") : null;
    const attr = left?.childForFieldName("attribute")?.text;
    if (left && right && obj?.type === "identifier" && obj.text === self && attr) {
      attrs.set(attr, evaluate(right, local, imports));
      continue;
    }
    // A call for its effect (super().__init__(), logging) sets nothing on self unless self is handed
    // to it: a method that sets attributes is read as such (reassigned), a function given self is not.
    if (a?.type === "call") {
      const fn = a.childForFieldName("function");
      const args = kids(a.childForFieldName("arguments") ?? a);
      const handsSelf =
        args.some((x) => x.type === "identifier" && x.text === self) || fn?.text === "setattr";
      if (handsSelf) for (const k of attrs.keys()) attrs.set(k, unsure(k, span(st)));
      continue;
    }
    lost(st);
  }
  return "on";
}

function call(n: Node, scope: Scope, imports: PyModule["imports"]): PyVal | null {
  const at = span(n);
  const fn = n.childForFieldName("function");
  const args = n.childForFieldName("arguments");
  if (!fn || !args) return null;
  // `list(o for o in X)`: the generator is the call's one argument.
  const positional =
    args.type === "generator_expression" ? [args] : kids(args).filter((a) => a.type !== "keyword_argument");
  const keyword = (name: string) =>
    kids(args)
      .filter((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name)
      .map((a) => a.childForFieldName("value"))[0] ?? null;
  const name = fn.text.replace(/\s+/g, "");
  const fromEnv =
    fn.type === "identifier" && !scope.has(name) ? envHelper(n, name, positional, keyword) : null;
  if (fromEnv) {
    const v = evaluate(fromEnv.dflt, scope, imports);
    if (v.t === "str") return { ...v, env: true };
    if (v.t === "seq")
      return { ...v, at, display: null, joined: null, env: { name: fromEnv.variable, helper: name } };
    return null;
  }
  // get_allowed_origins(), to_bool(os.environ.get("X", False)): a module-level function whose body
  // only binds names, decides known `if`s and returns: its return value, evaluated with its parameters
  // bound to the arguments (once per call chain; see returned).
  if (fn.type === "identifier" && !scope.has(name)) {
    const v = inlined(n, scope, imports);
    if (v) return v;
  }
  // Settings() with no arguments: the class's defaults (the environment may override them at run time,
  // as with os.environ.get's default), as its __init__ and other methods leave them (see instance).
  const cls = fn.type === "identifier" ? scope.get(name) : undefined;
  if (cls?.t === "obj" && kids(args).length === 0) return instance(cls, at, scope, imports);
  // typing.get_origin(Sequence[str]) is collections.abc.Sequence; of a plain class, None.
  const imported = imports.get(name);
  if (
    ((imported?.module === "typing" && imported.name === "get_origin") || name === "typing.get_origin") &&
    positional.length === 1
  ) {
    const t = evaluate(positional[0] as Node, scope, imports);
    if (t.t !== "type") return null;
    return t.origin === null ? { t: "none", at } : { t: "type", name: t.origin, origin: null, at };
  }
  // A dataclass or pydantic field's default: `field(default_factory=lambda: [...])`,
  // `field(default=…)`, `Field(…)` / `Field(default=…)` (https://docs.python.org/3/library/dataclasses.html#dataclasses.field,
  // https://docs.pydantic.dev/latest/concepts/fields/#default-values).
  const from = imports.get(name)?.module ?? "";
  if (
    (name === "field" && from === "dataclasses") ||
    (name === "Field" && /^(pydantic|sqlmodel)/.test(from))
  ) {
    const factory = keyword("default_factory");
    if (factory?.type === "lambda" && !factory.childForFieldName("parameters")) {
      const body = factory.childForFieldName("body");
      return body ? evaluate(body, scope, imports) : null;
    }
    if (factory?.type === "identifier" && /^(list|tuple|set)$/.test(factory.text))
      return { t: "seq", kind: factory.text as "list", items: [], at, display: null, joined: null };
    const dflt = keyword("default") ?? (name === "Field" ? (positional[0] ?? null) : null);
    return dflt ? evaluate(dflt, scope, imports) : null;
  }
  if (/^(list|tuple|set|sorted)$/.test(name) && positional.length === 1) {
    const v = evaluate(positional[0] as Node, scope, imports);
    if (v.t !== "seq") return null;
    return { ...v, kind: name === "tuple" ? "tuple" : name === "set" ? "set" : "list", at };
  }
  // str() of a string is the string; of True, False, None or an int, its Python text.
  if (name === "str" && positional.length === 1) {
    const v = evaluate(positional[0] as Node, scope, imports);
    if (v.t === "str") return v;
    const text =
      v.t === "bool"
        ? v.v
          ? "True"
          : "False"
        : v.t === "none"
          ? "None"
          : v.t === "int"
            ? String(v.v)
            : null;
    return text === null ? null : { t: "str", v: text, at, quote: '"', prefix: "" };
  }
  // json.loads of a string literal (an environment default): a JSON array of strings is a list.
  if (name === "json.loads" && positional.length === 1) {
    const text = evaluate(positional[0] as Node, scope, imports);
    if (text.t !== "str") return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.v);
    } catch {
      return null;
    }
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === "string")) return null;
    return {
      t: "seq",
      kind: "list",
      items: parsed.map((v: string) => ({
        t: "str",
        v,
        at: text.at,
        quote: text.quote,
        prefix: text.prefix,
      })),
      at,
      display: null,
      joined: null,
    };
  }
  // os.environ.get("X", default) / os.getenv("X", default): the file's own value is the default.
  if (/^(os\.)?(environ\.get|getenv)$/.test(name)) {
    const d = positional[1] ?? keyword("default");
    const variable = positional[0] ? evaluate(positional[0], scope, imports) : null;
    if (variable?.t === "str") envReads?.push({ name: variable.v, dflt: d ? span(d) : null });
    if (!d) return null;
    const v = evaluate(d, scope, imports);
    return v.t === "str" ? { ...v, env: true } : v;
  }
  if (fn.type === "attribute") {
    const obj = fn.childForFieldName("object");
    const attr = fn.childForFieldName("attribute")?.text;
    if (obj && attr && /^(strip|rstrip|lstrip|lower|upper)$/.test(attr) && positional.length <= 1) {
      const base = evaluate(obj, scope, imports);
      const charsNode = positional[0];
      const chars = charsNode ? evaluate(charsNode, scope, imports) : null;
      if (base.t !== "str" || (chars && chars.t !== "str")) return null;
      const set = chars?.t === "str" ? [...chars.v] : [" ", "\t", "\n", "\r", "\f", "\v"];
      let v = base.v;
      if (attr === "lower") v = v.toLowerCase();
      else if (attr === "upper") v = v.toUpperCase();
      else {
        let a = 0;
        let b = v.length;
        if (attr !== "rstrip") while (a < b && set.includes(v[a] as string)) a++;
        if (attr !== "lstrip") while (b > a && set.includes(v[b - 1] as string)) b--;
        v = v.slice(a, b);
      }
      return { ...base, v, at };
    }
    if (obj && attr === "split") {
      const base = evaluate(obj, scope, imports);
      const sepNode = positional[0];
      const sep = sepNode ? evaluate(sepNode, scope, imports) : null;
      if (base.t !== "str" || (sep && sep.t !== "str")) return null;
      const s = sep ? (sep as { v: string }).v : null;
      const parts = s === null ? base.v.split(/\s+/).filter((p) => p !== "") : base.v.split(s);
      return {
        t: "seq",
        kind: "list",
        items: parts.map((v) => ({ t: "str", v, at: base.at, quote: base.quote, prefix: base.prefix })),
        at,
        display: null,
        joined:
          s === null
            ? null
            : { at: base.at, sep: s, quote: base.quote, after: base.env ? at : null, call: at, text: base.v },
      };
    }
  }
  return null;
}

/**
 * Decides a module-level `if` condition from literal names, or null when it cannot; `leaf` evaluates
 * what the reader knows beyond names (Flask's app.config["X"]).
 */
export function condition(
  n: Node,
  scope: Scope,
  imports: PyModule["imports"],
  leaf?: (n: Node) => PyVal | null,
): boolean | null {
  const ev = (x: Node): PyVal => leaf?.(x) ?? evaluate(x, scope, imports);
  if (n.type === "not_operator") {
    const arg = n.childForFieldName("argument");
    const v = arg ? condition(arg, scope, imports, leaf) : null;
    return v === null ? null : !v;
  }
  if (n.type === "boolean_operator") {
    // `is_json and value is not None`: Python's short circuit (False and …, True or …).
    const op = n.childForFieldName("operator")?.text;
    const l = n.childForFieldName("left");
    const r = n.childForFieldName("right");
    const a = l ? condition(l, scope, imports, leaf) : null;
    if (op === "and" && a === false) return false;
    if (op === "or" && a === true) return true;
    const b = r ? condition(r, scope, imports, leaf) : null;
    if (a === null || b === null) return null;
    return op === "and" ? a && b : a || b;
  }
  if (n.type === "comparison_operator") {
    // `m is None`, `m is not None`, `X == "a"`: one operator between two literals.
    const [l, r] = kids(n);
    const op = n.children
      .filter((c) => c !== null && !c.isNamed)
      .map((c) => c?.text)
      .join(" ");
    if (!l || !r || kids(n).length !== 2) return null;
    const a = ev(l);
    const b = ev(r);
    if (op === "in" || op === "not in") {
      // `str(value).lower() in ("1", "true")`: a known string or number among known literals.
      // A class is found by identity (`get_origin(t) in (list, tuple)`).
      const scalar = (v: PyVal) =>
        v.t === "str" || v.t === "int" ? `${v.t}:${v.v}` : v.t === "type" ? `type:${v.name}` : null;
      const key = scalar(a);
      if (key === null) return null;
      let found: boolean;
      if (b.t === "str" && a.t === "str") found = b.v.includes(a.v);
      else if (b.t === "seq") {
        const keys = b.items.map(scalar);
        if (keys.some((k) => k === null)) return null;
        found = keys.includes(key);
      } else return null;
      return op === "in" ? found : !found;
    }
    // Identity is told for True, False and None only; equality for literals (True == 1).
    const identity = op === "is" || op === "is not";
    const lit = (v: PyVal) =>
      v.t === "none"
        ? "none"
        : v.t === "bool"
          ? identity
            ? `bool:${v.v}`
            : `int:${v.v ? 1 : 0}`
          : !identity && (v.t === "str" || v.t === "int")
            ? `${v.t}:${v.v}`
            : null;
    const known = (v: PyVal) => v.t === "str" || v.t === "int" || v.t === "bool" || v.t === "none";
    if (!known(a) || !known(b)) return null;
    if (identity && ![a.t, b.t].some((t) => t === "bool" || t === "none")) return null;
    // A string or number is never True, False or None: `x is None` is False for it.
    const same = lit(a) !== null && lit(a) === lit(b);
    if (op === "is" || op === "==") return same;
    if (op === "is not" || op === "!=") return !same;
    return null;
  }
  const v = ev(n);
  // A setting read from the environment (`DEBUG = os.getenv(…) == "1"`) decides nothing here.
  if (v.t === "bool") return v.env ? null : v.v;
  if (v.t === "none") return false;
  if (v.t === "int") return v.v !== 0;
  if (v.t === "str") return v.v !== "";
  return null;
}

/**
 * Another module given with this one: `from X import *` binds its names where the import stands,
 * as Python does (each value and assignment keeps the span of the file it is written in).
 */
export interface ModuleContext {
  file: string;
  star: (module: string) => PyModule | null;
}

/** Parses a settings module and binds its module-level names in order. */
export function readModule(text: string, context?: ModuleContext): PyModule {
  const outer = reading;
  reading = context?.file;
  try {
    return readModuleIn(text, context);
  } finally {
    reading = outer;
  }
}

function readModuleIn(text: string, context: ModuleContext | undefined): PyModule {
  const tree = pythonParser().parse(text) as Tree;
  const mod: PyModule = {
    text,
    tree,
    assignments: [],
    names: new Map(),
    starImports: [],
    imports: new Map(),
    importsEnd: 0,
    error: null,
  };
  const root = tree.rootNode;
  if (root.hasError) {
    const bad = root.descendantsOfType(["ERROR"])[0] ?? findMissing(root);
    const line = bad ? bad.startPosition.row + 1 : 1;
    mod.error = { line, text: (text.split("\n")[line - 1] ?? "").trim() };
    return mod;
  }
  const scope: Scope = new Map();
  const bind = (a: Assignment) => {
    mod.assignments.push(a);
    mod.names.set(a.name, a);
    scope.set(a.name, a.value);
  };
  const walk = (stmts: Node[], conditional: boolean, top: boolean) => {
    for (const s of stmts) {
      if (s.type === "import_from_statement") {
        const module = s.childForFieldName("module_name")?.text ?? "";
        if (kids(s).some((c) => c.type === "wildcard_import")) {
          const other = context?.star(module);
          if (!other) mod.starImports.push({ module, line: s.startPosition.row + 1 });
          else {
            // Its names (imported ones too: a star import re-exports them) as they stand at its end.
            for (const [as, i] of other.imports) mod.imports.set(as, i);
            for (const a of other.names.values()) {
              const b = { ...a, conditional: a.conditional || conditional };
              mod.assignments.push(b);
              mod.names.set(b.name, b);
              scope.set(b.name, b.value);
            }
            mod.starImports.push(...other.starImports);
          }
        }
        for (const c of s.childrenForFieldName("name")) {
          if (!c) continue;
          const orig = c.type === "aliased_import" ? (c.childForFieldName("name")?.text ?? "") : c.text;
          const as = c.type === "aliased_import" ? (c.childForFieldName("alias")?.text ?? orig) : orig;
          mod.imports.set(as, { module, name: orig, line: s.startPosition.row + 1 });
        }
        if (top) mod.importsEnd = s.endPosition.row + 1;
        continue;
      }
      if (s.type === "import_statement" || s.type === "future_import_statement") {
        if (top) mod.importsEnd = s.endPosition.row + 1;
        continue;
      }
      if (s.type === "expression_statement") {
        const a = kids(s)[0];
        if (!a) continue;
        if (a.type === "assignment") {
          const left = a.childForFieldName("left");
          const right = a.childForFieldName("right");
          // `settings.cors_origins = …` on an object of the file: that attribute from here on.
          const obj = left?.type === "attribute" ? left.childForFieldName("object") : null;
          const held = obj?.type === "identifier" ? scope.get(obj.text) : undefined;
          const attr = left?.childForFieldName("attribute")?.text;
          if (obj && right && held?.t === "obj" && attr) {
            const attrs = new Map(held.attrs);
            attrs.set(attr, evaluate(right, scope, mod.imports));
            bind({ name: obj.text, value: { ...held, attrs }, stmt: span(s), rhs: span(right), conditional });
            continue;
          }
          if (!left || !right || left.type !== "identifier") continue;
          const value = evaluate(right, scope, mod.imports);
          bind({ name: left.text, value, stmt: span(s), rhs: span(right), conditional });
        } else if (a.type === "augmented_assignment") {
          const left = a.childForFieldName("left");
          const right = a.childForFieldName("right");
          const op = a.childForFieldName("operator")?.text;
          if (!left || !right || left.type !== "identifier") continue;
          const before = scope.get(left.text);
          const add = evaluate(right, scope, mod.imports);
          const value: PyVal =
            op === "+=" && before?.t === "seq" && add.t === "seq"
              ? { ...before, items: [...before.items, ...add.items], display: add.display ?? before.display }
              : { t: "unknown", text: a.text, at: span(a) };
          bind({ name: left.text, value, stmt: span(s), rhs: span(right), conditional });
        }
        continue;
      }
      if (s.type === "if_statement") {
        const cond = s.childForFieldName("condition");
        const decided = cond ? condition(cond, scope, mod.imports) : null;
        const body = s.childForFieldName("consequence");
        const alts = s.childrenForFieldName("alternative").filter((x): x is Node => x !== null);
        if (decided === true) {
          if (body) walk(kids(body), conditional, false);
        } else if (decided === false) {
          // The first elif/else whose condition holds.
          for (const alt of alts) {
            const c = alt.childForFieldName("condition");
            const d = c ? condition(c, scope, mod.imports) : true;
            const b = alt.childForFieldName("consequence") ?? alt.childForFieldName("body");
            if (d === null) {
              if (b) walk(kids(b), true, false);
              continue;
            }
            if (d) {
              if (b) walk(kids(b), conditional, false);
              break;
            }
          }
        } else {
          if (body) walk(kids(body), true, false);
          for (const alt of alts) {
            const b = alt.childForFieldName("consequence") ?? alt.childForFieldName("body");
            if (b) walk(kids(b), true, false);
          }
        }
        continue;
      }
      // A settings class (pydantic's BaseSettings, or any class of the file): its fields' defaults,
      // bound to its name. A field typed as a URL (AnyHttpUrl…) is unknown: str() of it ends with "/"
      // in pydantic 2, not in 1 (https://docs.pydantic.dev/latest/migration/#url-and-dsn-types-in-pydanticnetworks-no-longer-inherit-from-str).
      // A @dataclass class reads as its fields' defaults too (the decorator writes __init__ from them).
      const cdef =
        s.type === "decorated_definition" &&
        kids(s)
          .filter((d) => d.type === "decorator")
          .every((d) => /^@\s*(dataclasses\.)?dataclass\b/.test(d.text))
          ? s.childForFieldName("definition")
          : s;
      if (cdef?.type === "class_definition" && top) {
        const name = cdef.childForFieldName("name")?.text;
        const body = cdef.childForFieldName("body");
        if (!name || !body) continue;
        const attrs = new Map<string, PyVal>();
        // Its methods: __init__ is run where it is instantiated; what another sets on self
        // (`self.x = …`) is not the class default on an instance.
        let init: Node | undefined;
        const reassigned = new Map<string, Span>();
        for (const st of kids(body)) {
          const def = st.type === "decorated_definition" ? st.childForFieldName("definition") : st;
          if (def?.type !== "function_definition") continue;
          const first = kids(def.childForFieldName("parameters") ?? def)[0];
          const fbody = def.childForFieldName("body");
          if (def.childForFieldName("name")?.text === "__init__" && st === def) init = def;
          else if (first?.type === "identifier" && fbody)
            for (const [k, where] of selfAssigned(fbody, first.text))
              if (!reassigned.has(k)) reassigned.set(k, where);
        }
        for (const st of kids(body)) {
          const a = st.type === "expression_statement" ? kids(st)[0] : undefined;
          if (a?.type !== "assignment") continue;
          const left = a.childForFieldName("left");
          const right = a.childForFieldName("right");
          const type = a.childForFieldName("type");
          if (left?.type !== "identifier" || !right) continue;
          attrs.set(
            left.text,
            type && /Url\b/.test(type.text)
              ? { t: "unknown", text: `${left.text}: ${type.text}`, at: span(right) }
              : evaluate(right, scope, mod.imports),
          );
        }
        bind({
          name,
          value: {
            t: "obj",
            cls: name,
            attrs,
            at: span(s),
            ...(init ? { init } : {}),
            ...(reassigned.size > 0 ? { reassigned } : {}),
          },
          stmt: span(s),
          rhs: span(body),
          conditional,
        });
        continue;
      }
      if (s.type === "try_statement") {
        // `try: from .local import * / except ImportError: pass`: the body is what runs normally.
        const body = s.childForFieldName("body");
        if (body) walk(kids(body), conditional, false);
      }
    }
  };
  walk(kids(root), false, true);
  for (const [name, last] of mod.names) {
    // Set under an undecided condition after its last plain assignment: the value is not known.
    const all = mod.assignments.filter((a) => a.name === name);
    const plain = all.filter((a) => !a.conditional).at(-1);
    const undecided = all.some((a) => a.conditional && (!plain || a.stmt.start > plain.stmt.start));
    if (undecided)
      mod.names.set(name, { ...last, value: { t: "unknown", text: `if …: ${name} = …`, at: last.stmt } });
  }
  return mod;
}

function findMissing(n: Node): Node | null {
  if (n.isMissing) return n;
  for (const c of n.children) {
    if (!c) continue;
    if (c.hasError || c.isMissing) {
      const m = findMissing(c);
      if (m) return m;
    }
  }
  return n.hasError ? n : null;
}

/** The strings of a sequence value, or null when one is not a known string. */
export function strings(v: PyVal | undefined): string[] | null {
  if (v?.t !== "seq") return null;
  const out: string[] = [];
  for (const i of v.items) {
    if (i.t !== "str") return null;
    out.push(i.v);
  }
  return out;
}

/**
 * The statements that build the app: the module's own, or — an application factory
 * (https://flask.palletsprojects.com/en/stable/patterns/appfactories/, run by `flask --app` or
 * gunicorn's `"module:create_app()"`) — the module's statements followed by the body of the one
 * top-level function that makes the app (`app = Flask(__name__)`) and returns it, when no
 * module-level statement makes one.
 */
export function appStatements(
  mod: PyModule,
  maker: RegExp,
): { stmts: Node[]; factory: { name: string; line: number } | null } {
  const top = kids(mod.tree.rootNode);
  const makes = (s: Node) => {
    const e = s.type === "expression_statement" ? kids(s)[0] : null;
    const right = e?.type === "assignment" ? e.childForFieldName("right") : null;
    const left = e?.type === "assignment" ? e.childForFieldName("left") : null;
    const fn = right?.type === "call" ? right.childForFieldName("function")?.text : null;
    return left?.type === "identifier" && fn && maker.test(fn) ? left.text : null;
  };
  if (top.some((s) => makes(s) !== null)) return { stmts: top, factory: null };
  const factories = top.flatMap((s) => {
    const def = s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    const body = def?.type === "function_definition" ? def.childForFieldName("body") : null;
    if (!def || !body) return [];
    const stmts = kids(body);
    const name = stmts.map(makes).find((n) => n !== null);
    // It hands the app back: `return app` (the factory the server calls), not a helper that
    // makes a throwaway app of its own.
    const returns = stmts.some(
      (x) => x.type === "return_statement" && kids(x)[0]?.type === "identifier" && kids(x)[0]?.text === name,
    );
    return name && returns
      ? [
          {
            stmts,
            factory: { name: def.childForFieldName("name")?.text ?? "", line: def.startPosition.row + 1 },
          },
        ]
      : [];
  });
  const only = factories.length === 1 ? factories[0] : undefined;
  // The module's own statements first (a blueprint or router defined at module level and
  // registered by the factory), then the factory's body.
  return only ? { stmts: [...top, ...only.stmts], factory: only.factory } : { stmts: top, factory: null };
}

/**
 * A function defined at this module's top level that a call hands the app to, alone (`init_app(app)`
 * in a factory, as udata's api module does): its statements act on that app where it is called, so a
 * reader reads them there, the app named by the function's parameter. Null for anything else.
 */
export function appHelper(
  mod: PyModule,
  call: Node,
  app: string,
): { name: string; param: string; stmts: Node[] } | null {
  const fn = call.childForFieldName("function");
  const args = kids(call.childForFieldName("arguments") ?? call);
  if (
    fn?.type !== "identifier" ||
    args.length !== 1 ||
    args[0]?.type !== "identifier" ||
    args[0].text !== app
  )
    return null;
  const def = kids(mod.tree.rootNode).find(
    (s) => s.type === "function_definition" && s.childForFieldName("name")?.text === fn.text,
  );
  const params = def ? kids(def.childForFieldName("parameters") ?? def) : [];
  const body = def?.childForFieldName("body");
  if (params.length !== 1 || params[0]?.type !== "identifier" || !body) return null;
  return { name: fn.text, param: params[0].text, stmts: kids(body) };
}

/** Binds a factory's local assignment (`origins = os.getenv(…).split(",")`) for what follows it. */
export function bindLocal(s: Node, scope: Scope, imports: PyModule["imports"]): void {
  const e = s.type === "expression_statement" ? kids(s)[0] : null;
  if (e?.type !== "assignment") return;
  const left = e.childForFieldName("left");
  const right = e.childForFieldName("right");
  if (left?.type === "identifier" && right) scope.set(left.text, evaluate(right, scope, imports));
  // `app.config["FRONTEND_URL"] = …` (the factory's own settings, read back a line later).
  const key = left ? itemKey(left) : null;
  if (key !== null && right) scope.set(key, evaluate(right, scope, imports));
}

/** `obj["KEY"]` with a plain string key: the name it is bound under in a scope; null otherwise. */
function itemKey(n: Node): string | null {
  if (n.type !== "subscript") return null;
  const obj = n.childForFieldName("value");
  const sub = n.childForFieldName("subscript");
  const k = sub?.type === "string" ? stringValue(sub) : null;
  return obj && k?.t === "str" ? `${obj.text.replace(/\s+/g, "")}[${JSON.stringify(k.v)}]` : null;
}
