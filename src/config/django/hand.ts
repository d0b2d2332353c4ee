/**
 * A hand-written Django middleware that sets the CORS headers itself (`response["Access-Control-…"] =
 * …`): a class with `__call__`, an old-style `MiddlewareMixin` with `process_request`/`process_response`
 * (its `__call__` runs process_request, the rest of the stack when that returns nothing, then
 * process_response: https://github.com/django/django/blob/stable/3.2.x/django/utils/deprecation.py),
 * or a function `def cors(get_response)` returning its inner function
 * (https://docs.djangoproject.com/en/3.2/topics/http/middleware/#writing-your-own-middleware).
 *
 * Read by running its code for each request the what-if asks about: the statements it understands
 * (assignments, `if`/`elif`/`else`, `return`, header sets and deletions, `patch_vary_headers`) with
 * the request's method, path and headers (`request.headers`, `request.META`), the file's module-level
 * constants, and — with settings.py passed — `settings.X`. Anything else that may touch the response
 * makes the answer unknown, never guessed. Each header remembers the statement that set it and the
 * literal its value came from: the patcher edits there.
 */
import type { Node } from "web-tree-sitter";
import { combinedHeader, type HeaderList, hasHeader } from "../../engine";
import { type Display, evaluate, type PyModule, type PyVal, readModule, type Span } from "../python/values";
import type { Allowance, Answer, ConfigFile, HopRequest, Words } from "../types";
import { STRANGER_ORIGIN, Unknowable } from "../whatif";
import { corsHeaders, layerOf } from "./answer";
import { CORS_MIDDLEWARE, type DjangoSettings, type Middleware, pyRegex } from "./settings";

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 });
const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
const lower = (s: string) => s.toLowerCase();

interface Fn {
  body: Node;
  params: string[];
}

export interface HandMiddleware {
  file: string;
  name: string;
  kind: "call" | "mixin" | "function";
  line: number;
  call: Fn | null;
  processRequest: Fn | null;
  processResponse: Fn | null;
  /** A function middleware's `get_response` parameter. */
  outer: string | null;
  /** The class's other methods (`self.set_headers(response)`), run where they are called. */
  methods: ReadonlyMap<string, Fn>;
  /** Its source text. */
  text: string;
}

export interface HandFile {
  file: string;
  mod: PyModule;
  middlewares: HandMiddleware[];
}

/** Where a header's value was written: a string literal, or a sequence joined (`", ".join(X)`). */
export type Src =
  | { kind: "lit"; at: Span; quote: string; file: string }
  | { kind: "join"; sep: string; display: Display; file: string }
  | null;

/** The statement that set a header. */
export interface Site {
  file: string;
  line: number;
  stmt: Span;
  /** The text before `[` (`response`, `response.headers`). */
  target: string;
  src: Src;
  /** Set with the request's own Origin (`request.headers.get("Origin")`, `request.META["HTTP_ORIGIN"]`). */
  reflected: boolean;
  middleware: string;
  /** Set inside a `for` loop (a header added beside it would run each time round). */
  inLoop: boolean;
}

export interface RespHeader {
  name: string;
  value: string;
  site: Site | null;
}

export interface Resp {
  /** null: the view's status, not recorded. */
  status: number | null;
  headers: RespHeader[];
  fromView: boolean;
  /** A `response = get_response(request)` statement: where an OPTIONS answer goes instead. */
  viewCall: { file: string; stmt: Span; name: string; target: string; middleware: HandMiddleware } | null;
}

/** What one run saw: origins tested against a list written in the file, and found not in it. */
export interface Trace {
  misses: Array<{ display: Display; value: string; file: string; line: number }>;
  assumed: Words[];
  /** The hand-written middlewares the request went through, outermost first. */
  ran: HandMiddleware[];
  /** django-cors-headers answered the preflight itself. */
  corsheadersAnswered: boolean;
}

type V =
  | { t: "str"; v: string; src: Src; reflected?: boolean }
  | { t: "int"; v: number; src: Src }
  | { t: "bool"; v: boolean }
  | { t: "none" }
  | { t: "seq"; items: V[]; display: Display | null; file: string }
  | { t: "dict"; entries: Array<{ k: V; v: V }> }
  | { t: "resp"; r: Resp }
  | { t: "hdrs"; r: Resp; target: string }
  | { t: "obj"; o: "request" | "headers" | "meta" | "self" | "next" | "http" | "settings" }
  | { t: "cls"; status: number }
  | { t: "fn"; name: "patch_vary_headers" };

/** Django's response classes a middleware answers with, and their status. */
const RESPONSES: Record<string, number> = {
  HttpResponse: 200,
  JsonResponse: 200,
  HttpResponseNotAllowed: 405,
  HttpResponseForbidden: 403,
  HttpResponseBadRequest: 400,
};

const isCors = (t: string) => /access-control-/i.test(t);

/** The middlewares of a file that set a CORS header, in file order. */
export function readHand(file: ConfigFile): HandFile {
  const mod = readModule(file.text);
  const out: HandMiddleware[] = [];
  if (mod.error) return { file: file.path, mod, middlewares: out };
  const fnOf = (n: Node): Fn | null => {
    const body = n.childForFieldName("body");
    const params = n.childForFieldName("parameters");
    if (!body || !params) return null;
    return {
      body,
      // `request`, `request: HttpRequest`, `request=None`: the parameter's name.
      params: kids(params).map((p) =>
        p.type === "identifier"
          ? p.text
          : (p.childForFieldName("name")?.text ??
            kids(p).find((c) => c.type === "identifier")?.text ??
            p.text),
      ),
    };
  };
  const unwrap = (n: Node): Node =>
    n.type === "decorated_definition" ? (n.childForFieldName("definition") ?? n) : n;
  for (const top of kids(mod.tree.rootNode).map(unwrap)) {
    const name = top.childForFieldName("name")?.text ?? "";
    if (top.type === "class_definition") {
      const methods = new Map<string, Fn>();
      for (const m of kids(top.childForFieldName("body") as Node).map(unwrap)) {
        if (m.type !== "function_definition") continue;
        const f = fnOf(m);
        if (f) methods.set(m.childForFieldName("name")?.text ?? "", f);
      }
      const call = methods.get("__call__") ?? null;
      const pr = methods.get("process_request") ?? null;
      const ps = methods.get("process_response") ?? null;
      if (!call && !pr && !ps) continue;
      out.push({
        file: file.path,
        name,
        kind: call ? "call" : "mixin",
        line: top.startPosition.row + 1,
        call,
        processRequest: call ? null : pr,
        processResponse: call ? null : ps,
        outer: null,
        methods,
        text: top.text,
      });
      continue;
    }
    if (top.type === "function_definition") {
      const f = fnOf(top);
      if (f?.params.length !== 1) continue;
      const inner = kids(f.body)
        .map(unwrap)
        .find((s) => s.type === "function_definition");
      const returned = kids(f.body).find((s) => s.type === "return_statement");
      const innerName = inner?.childForFieldName("name")?.text;
      if (!inner || !innerName || kids(returned ?? f.body)[0]?.text !== innerName) continue;
      const g = fnOf(inner);
      if (!g) continue;
      out.push({
        file: file.path,
        name,
        kind: "function",
        line: top.startPosition.row + 1,
        call: g,
        processRequest: null,
        processResponse: null,
        outer: f.params[0] ?? null,
        methods: new Map(),
        text: top.text,
      });
    }
  }
  // The middlewares that set a CORS header themselves; else (headers from a constant of the file) all.
  const own = out.filter((m) => isCors(m.text));
  return { file: file.path, mod, middlewares: own.length > 0 ? own : isCors(file.text) ? out : [] };
}

/** A middleware file: it defines a middleware (get_response, MiddlewareMixin, process_response) and no settings. */
export function looksMiddleware(text: string): boolean {
  return (
    /\bget_response\b|MiddlewareMixin|\bdef\s+process_(response|request)\s*\(/.test(text) &&
    !/^\s*(MIDDLEWARE|INSTALLED_APPS|ROOT_URLCONF)\s*=/m.test(text)
  );
}

export interface Stack {
  hands: HandFile[];
  settings: DjangoSettings | null;
}

/** The MIDDLEWARE entry of a hand-written middleware: `<module>.<Name>`, the module named as its file. */
export function entryOf(stack: Stack, m: HandMiddleware): Middleware | null {
  const list = stack.settings?.middleware;
  if (!list?.known) return null;
  const base = (m.file.split("/").pop() ?? m.file).replace(/\.py$/, "");
  return (
    list.value.find((e) => e.name === `${base}.${m.name}` || e.name.endsWith(`.${base}.${m.name}`)) ?? null
  );
}

const unknownCode = (file: string, n: Node): Unknowable =>
  new Unknowable({
    key: "config.django.mw.unknown.code",
    params: { file, line: n.startPosition.row + 1, text: n.text.split("\n")[0]?.slice(0, 80) ?? "" },
  });

function truthy(v: V): boolean {
  switch (v.t) {
    case "str":
      return v.v !== "";
    case "int":
      return v.v !== 0;
    case "bool":
      return v.v;
    case "none":
      return false;
    case "seq":
      return v.items.length > 0;
    default:
      return true;
  }
}

function fromPy(p: PyVal, file: string): V | null {
  switch (p.t) {
    case "str":
      return { t: "str", v: p.v, src: { kind: "lit", at: p.at, quote: p.quote, file } };
    case "int":
      return { t: "int", v: p.v, src: { kind: "lit", at: p.at, quote: "", file } };
    case "bool":
      return { t: "bool", v: p.v };
    case "none":
      return { t: "none" };
    case "seq": {
      const items: V[] = [];
      for (const i of p.items) {
        const v = fromPy(i, file);
        if (!v) return null;
        items.push(v);
      }
      return { t: "seq", items, display: p.display, file };
    }
    default:
      return null;
  }
}

/** Equal strings, numbers, booleans or None (dict keys, `in`). */
function samePrim(a: V, b: V): boolean {
  if (a.t === "none" || b.t === "none") return a.t === b.t;
  return (a.t === "str" || a.t === "int" || a.t === "bool") &&
    (b.t === "str" || b.t === "int" || b.t === "bool")
    ? a.v === b.v
    : false;
}

/** Django's header value: str() of what is set. */
function headerText(v: V, n: Node, file: string): string {
  if (v.t === "str") return v.v;
  if (v.t === "int") return String(v.v);
  if (v.t === "bool") return v.v ? "True" : "False";
  if (v.t === "none") return "None";
  throw unknownCode(file, n);
}

function setHeader(r: Resp, name: string, value: string, site: Site | null): void {
  r.headers = r.headers.filter((h) => lower(h.name) !== lower(name));
  r.headers.push({ name, value, site });
}

/** patch_vary_headers: the new names added to Vary, `*` kept (django/utils/cache.py). */
function patchVary(r: Resp, names: string[], site: Site | null): void {
  const old = r.headers.find((h) => lower(h.name) === "vary");
  const have = old
    ? old.value
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
    : [];
  const added = names.filter((n) => !have.some((h) => lower(h) === lower(n)));
  const all = [...have, ...added];
  setHeader(r, "Vary", all.includes("*") ? "*" : all.join(", "), added.length ? site : (old?.site ?? site));
}

const metaKey = (header: string) =>
  /^content-(type|length)$/i.test(header)
    ? header.toUpperCase().replace(/-/g, "_")
    : `HTTP_${header.toUpperCase().replace(/-/g, "_")}`;

interface Request {
  method: string;
  path: string;
  headers: HeaderList;
}

function headerOf(req: Request, name: string): string | null {
  return combinedHeader(req.headers, lower(name));
}

function metaOf(req: Request, key: string): string | null {
  const h = req.headers.find(([n]) => metaKey(n) === key);
  return h ? h[1] : null;
}

/** One run of one middleware for one request. */
class Run {
  private readonly locals = new Map<string, V>();
  private loops = 0;
  constructor(
    private readonly hand: HandFile,
    private readonly mw: HandMiddleware,
    private readonly req: Request,
    private readonly next: () => Resp,
    private readonly settings: DjangoSettings | null,
    private readonly trace: Trace,
    /** Methods of the class this run is inside (a bound on `self.x()` calling itself). */
    private readonly depth = 0,
  ) {}

  private get file(): string {
    return this.hand.file;
  }

  bind(name: string | undefined, v: V): void {
    if (name) this.locals.set(name, v);
  }

  /** Runs a body: the value it returns (none when it falls off the end). */
  exec(body: Node): V {
    const r = this.block(body);
    return r ?? { t: "none" };
  }

  private block(b: Node): V | undefined {
    for (const s of kids(b)) {
      const r = this.stmt(s);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private stmt(s: Node): V | undefined {
    switch (s.type) {
      case "pass_statement":
        return undefined;
      case "return_statement": {
        const e = kids(s)[0];
        return e ? this.eval(e) : { t: "none" };
      }
      case "if_statement": {
        const cond = s.childForFieldName("condition") as Node;
        if (truthy(this.eval(cond))) return this.block(s.childForFieldName("consequence") as Node);
        for (const alt of s.childrenForFieldName("alternative")) {
          if (!alt) continue;
          const c = alt.childForFieldName("condition");
          if (c && !truthy(this.eval(c))) continue;
          return this.block((alt.childForFieldName("consequence") ?? alt.childForFieldName("body")) as Node);
        }
        return undefined;
      }
      case "for_statement": {
        // `for name, value in HEADERS.items(): response[name] = value`: a known sequence, no `else`.
        if (s.childForFieldName("alternative")) throw unknownCode(this.file, s);
        const left = s.childForFieldName("left") as Node;
        const names =
          left.type === "identifier"
            ? [left.text]
            : kids(left).every((k) => k.type === "identifier")
              ? kids(left).map((k) => k.text)
              : null;
        const over = this.eval(s.childForFieldName("right") as Node);
        const items = over.t === "seq" ? over.items : over.t === "dict" ? over.entries.map((e) => e.k) : null;
        if (!names || !items) throw unknownCode(this.file, s);
        this.loops++;
        try {
          for (const item of items) {
            if (left.type === "identifier") this.locals.set(names[0] as string, item);
            else {
              if (item.t !== "seq" || item.items.length !== names.length) throw unknownCode(this.file, s);
              for (const [i, n] of names.entries()) this.locals.set(n, item.items[i] as V);
            }
            const r = this.block(s.childForFieldName("body") as Node);
            if (r !== undefined) return r;
          }
        } finally {
          this.loops--;
        }
        return undefined;
      }
      case "delete_statement": {
        for (const t of kids(s).flatMap((k) => (k.type === "expression_list" ? kids(k) : [k]))) {
          const { r, name } = this.headerTarget(t);
          r.headers = r.headers.filter((h) => lower(h.name) !== lower(name));
        }
        return undefined;
      }
      case "expression_statement": {
        const e = kids(s)[0];
        if (!e) return undefined;
        if (e.type === "assignment") {
          this.assign(s, e);
          return undefined;
        }
        if (e.type === "string") return undefined; // a docstring
        if (e.type === "call") {
          try {
            this.eval(e);
          } catch (err) {
            // A call this reader does not know (logging) is left out, unless it is given the response.
            const resps = [...this.locals]
              .filter(([, v]) => v.t === "resp" || v.t === "hdrs")
              .map(([k]) => k);
            if (!(err instanceof Unknowable) || resps.some((k) => new RegExp(`\\b${k}\\b`).test(e.text)))
              throw err;
          }
          return undefined;
        }
        throw unknownCode(this.file, s);
      }
      default:
        throw unknownCode(this.file, s);
    }
  }

  /** `response["X"]`, `response.headers["X"]`: the response and the header's name. */
  private headerTarget(t: Node): { r: Resp; name: string; target: string } {
    if (t.type !== "subscript") throw unknownCode(this.file, t);
    const obj = this.eval(t.childForFieldName("value") as Node);
    const key = this.eval(t.childForFieldName("subscript") as Node);
    if ((obj.t !== "resp" && obj.t !== "hdrs") || key.t !== "str") throw unknownCode(this.file, t);
    return { r: obj.r, name: key.v, target: (t.childForFieldName("value") as Node).text };
  }

  private site(s: Node, target: string, v: V): Site {
    return {
      file: this.file,
      line: s.startPosition.row + 1,
      stmt: span(s),
      target,
      src: v.t === "str" || v.t === "int" ? v.src : null,
      reflected: v.t === "str" && v.reflected === true,
      middleware: this.mw.name,
      inLoop: this.loops > 0,
    };
  }

  private assign(s: Node, a: Node): void {
    const left = a.childForFieldName("left") as Node;
    const right = a.childForFieldName("right");
    if (!right || a.childForFieldName("type")) throw unknownCode(this.file, s);
    if (left.type === "identifier") {
      const v = this.eval(right);
      // `response = self.get_response(request)`: where the patch answers OPTIONS instead.
      if (v.t === "resp" && v.r.fromView && right.type === "call" && !v.r.viewCall) {
        const fn = (right.childForFieldName("function") as Node).text;
        v.r.viewCall = { file: this.file, stmt: span(s), name: left.text, target: fn, middleware: this.mw };
      }
      this.locals.set(left.text, v);
      return;
    }
    if (left.type === "subscript") {
      const { r, name, target } = this.headerTarget(left);
      const v = this.eval(right);
      setHeader(r, name, headerText(v, right, this.file), this.site(s, target, v));
      return;
    }
    if (left.type === "attribute" && left.childForFieldName("attribute")?.text === "status_code") {
      const obj = this.eval(left.childForFieldName("object") as Node);
      const v = this.eval(right);
      if (obj.t === "resp" && v.t === "int") {
        obj.r.status = v.v;
        obj.r.fromView = false;
        return;
      }
    }
    throw unknownCode(this.file, s);
  }

  private str(v: string, src: Src = null, reflected = false): V {
    return { t: "str", v, src, reflected };
  }

  private header(name: string): V {
    const v = headerOf(this.req, name);
    return v === null ? { t: "none" } : this.str(v, null, lower(name) === "origin");
  }

  private meta(key: string): V {
    const v = metaOf(this.req, key);
    return v === null ? { t: "none" } : this.str(v, null, key === "HTTP_ORIGIN");
  }

  eval(n: Node): V {
    switch (n.type) {
      case "parenthesized_expression":
        return this.eval(kids(n)[0] as Node);
      case "identifier":
        return this.name(n);
      case "attribute":
        return this.attribute(n);
      case "subscript": {
        const obj = this.eval(n.childForFieldName("value") as Node);
        const key = this.eval(n.childForFieldName("subscript") as Node);
        if (obj.t === "dict") {
          const hit = obj.entries.find((e) => samePrim(e.k, key));
          if (hit) return hit.v;
        }
        if (key.t === "str" && (obj.t === "obj" || obj.t === "resp" || obj.t === "hdrs")) {
          const got =
            obj.t === "obj" && obj.o === "headers"
              ? this.header(key.v)
              : obj.t === "obj" && obj.o === "meta"
                ? this.meta(key.v)
                : obj.t === "resp" || obj.t === "hdrs"
                  ? (() => {
                      const h = obj.r.headers.find((x) => lower(x.name) === lower(key.v));
                      return h ? this.str(h.value) : ({ t: "none" } as V);
                    })()
                  : null;
          // A KeyError: Django answers 500 (the what-if does not model it).
          if (got && got.t !== "none") return got;
        }
        throw unknownCode(this.file, n);
      }
      case "call":
        return this.call(n);
      case "comparison_operator":
        return this.compare(n);
      case "boolean_operator": {
        const l = this.eval(n.childForFieldName("left") as Node);
        const op = n.childForFieldName("operator")?.text;
        if (op === "and") return truthy(l) ? this.eval(n.childForFieldName("right") as Node) : l;
        return truthy(l) ? l : this.eval(n.childForFieldName("right") as Node);
      }
      case "not_operator":
        return { t: "bool", v: !truthy(this.eval(n.childForFieldName("argument") as Node)) };
      case "conditional_expression": {
        const [a, c, b] = kids(n);
        return truthy(this.eval(c as Node)) ? this.eval(a as Node) : this.eval(b as Node);
      }
      case "binary_operator": {
        const l = this.eval(n.childForFieldName("left") as Node);
        const r = this.eval(n.childForFieldName("right") as Node);
        if (n.childForFieldName("operator")?.text === "+" && l.t === "str" && r.t === "str")
          return this.str(l.v + r.v);
        throw unknownCode(this.file, n);
      }
      case "dictionary": {
        const entries: Array<{ k: V; v: V }> = [];
        for (const p of kids(n)) {
          if (p.type !== "pair") throw unknownCode(this.file, n);
          entries.push({
            k: this.eval(p.childForFieldName("key") as Node),
            v: this.eval(p.childForFieldName("value") as Node),
          });
        }
        return { t: "dict", entries };
      }
      case "list":
      case "tuple":
      case "set": {
        const items = kids(n).map((k) => this.eval(k));
        const d: Display = {
          open: span(n.child(0) as Node),
          close: span(n.child(n.childCount - 1) as Node),
          elements: kids(n).map((c) => ({ ...span(c), text: c.text })),
        };
        return { t: "seq", items, display: d, file: this.file };
      }
      default: {
        const p = evaluate(n, new Map(), this.hand.mod.imports);
        const v = fromPy(p, this.file);
        if (!v) throw unknownCode(this.file, n);
        return v;
      }
    }
  }

  private name(n: Node): V {
    const local = this.locals.get(n.text);
    if (local) return local;
    if (n.text === this.mw.outer) return { t: "obj", o: "next" };
    const a = this.hand.mod.names.get(n.text);
    if (a && !a.conditional) {
      const v = fromPy(a.value, this.file);
      if (v) return v;
      // A dict literal (the values reader reads no dicts): read here.
      const node = this.hand.mod.tree.rootNode.descendantForIndex(a.rhs.start, a.rhs.end);
      if (node?.type === "dictionary") return this.eval(node);
      // `getattr(settings, "X", default)` at module level: read here, with settings.py.
      if (node?.type === "call" && node.childForFieldName("function")?.text === "getattr")
        return this.eval(node);
    }
    const imp = this.hand.mod.imports.get(n.text);
    if (imp?.module === "django.http" && imp.name in RESPONSES)
      return { t: "cls", status: RESPONSES[imp.name] as number };
    if (imp?.module === "django" && imp.name === "http") return { t: "obj", o: "http" };
    if (imp?.module === "django.utils.cache" && imp.name === "patch_vary_headers")
      return { t: "fn", name: "patch_vary_headers" };
    if (imp?.module === "django.conf" && imp.name === "settings") return { t: "obj", o: "settings" };
    throw unknownCode(this.file, n);
  }

  private attribute(n: Node): V {
    const obj = this.eval(n.childForFieldName("object") as Node);
    const attr = n.childForFieldName("attribute")?.text ?? "";
    if (obj.t === "obj" && obj.o === "request") {
      if (attr === "method") return this.str(this.req.method);
      if (attr === "path" || attr === "path_info") return this.str(this.req.path);
      if (attr === "headers") return { t: "obj", o: "headers" };
      if (attr === "META") return { t: "obj", o: "meta" };
    }
    if (obj.t === "obj" && obj.o === "self" && attr === "get_response") return { t: "obj", o: "next" };
    if (obj.t === "obj" && obj.o === "http" && attr in RESPONSES)
      return { t: "cls", status: RESPONSES[attr] as number };
    if (obj.t === "obj" && obj.o === "settings" && this.settings) {
      const a = this.settings.mod.names.get(attr);
      const v = a && !a.conditional ? fromPy(a.value, this.settings.file) : null;
      if (v) return v;
    }
    if (obj.t === "resp" && attr === "headers") return { t: "hdrs", r: obj.r, target: n.text };
    if (obj.t === "resp" && attr === "status_code" && obj.r.status !== null)
      return { t: "int", v: obj.r.status, src: null };
    throw unknownCode(this.file, n);
  }

  private call(n: Node): V {
    const fn = n.childForFieldName("function") as Node;
    const argsNode = n.childForFieldName("arguments") as Node;
    const all = kids(argsNode);
    const positional = all.filter((a) => a.type !== "keyword_argument");
    const keyword = (name: string) =>
      all
        .find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name)
        ?.childForFieldName("value") ?? null;
    const args = () => positional.map((a) => this.eval(a));
    if (fn.type === "attribute") {
      const attr = fn.childForFieldName("attribute")?.text ?? "";
      const obj = this.eval(fn.childForFieldName("object") as Node);
      if (obj.t === "obj" && (obj.o === "headers" || obj.o === "meta") && attr === "get") {
        const [k, d] = args();
        if (k?.t !== "str") throw unknownCode(this.file, n);
        const got = obj.o === "headers" ? this.header(k.v) : this.meta(k.v);
        return got.t === "none" && d ? d : got;
      }
      if (obj.t === "obj" && obj.o === "self" && attr === "get_response") return this.forward(positional);
      // A method of the middleware's class: run with its own parameters; the response it is given
      // is the same object, so the headers it sets are the caller's.
      const method = obj.t === "obj" && obj.o === "self" ? this.mw.methods.get(attr) : undefined;
      if (method && this.depth < 8 && all.length === positional.length) {
        const values = args();
        if (values.length !== method.params.length - 1) throw unknownCode(this.file, n);
        const run = new Run(
          this.hand,
          this.mw,
          this.req,
          this.next,
          this.settings,
          this.trace,
          this.depth + 1,
        );
        run.bind(method.params[0], { t: "obj", o: "self" });
        for (const [i, v] of values.entries()) run.bind(method.params[i + 1], v);
        return run.exec(method.body);
      }
      if (
        obj.t === "dict" &&
        (attr === "items" || attr === "keys" || attr === "values") &&
        positional.length === 0
      )
        return {
          t: "seq",
          items: obj.entries.map((e) =>
            attr === "items"
              ? ({ t: "seq", items: [e.k, e.v], display: null, file: this.file } as V)
              : attr === "keys"
                ? e.k
                : e.v,
          ),
          display: null,
          file: this.file,
        };
      if (obj.t === "dict" && attr === "get") {
        const [k, d] = args();
        const hit = obj.entries.find((e) => k !== undefined && samePrim(e.k, k));
        return hit ? hit.v : (d ?? { t: "none" });
      }
      if ((obj.t === "resp" || obj.t === "hdrs") && (attr === "setdefault" || attr === "has_header")) {
        const [k, v] = args();
        if (k?.t !== "str") throw unknownCode(this.file, n);
        const has = obj.r.headers.some((h) => lower(h.name) === lower(k.v));
        if (attr === "has_header") return { t: "bool", v: has };
        if (!v) throw unknownCode(this.file, n);
        if (!has) {
          const stmt = n.parent?.type === "expression_statement" ? n.parent : n;
          setHeader(
            obj.r,
            k.v,
            headerText(v, n, this.file),
            this.site(stmt, (fn.childForFieldName("object") as Node).text, v),
          );
        }
        return { t: "none" };
      }
      if (obj.t === "str") {
        const [a] = args();
        if (attr === "join" && a?.t === "seq" && a.items.every((i) => i.t === "str")) {
          return {
            t: "str",
            v: a.items.map((i) => (i as { v: string }).v).join(obj.v),
            src: a.display ? { kind: "join", sep: obj.v, display: a.display, file: a.file } : null,
          };
        }
        if (attr === "startswith" || attr === "endswith") {
          const opts =
            a?.t === "str"
              ? [a.v]
              : a?.t === "seq"
                ? a.items.map((i) => (i.t === "str" ? i.v : null))
                : [null];
          if (opts.some((o) => o === null)) throw unknownCode(this.file, n);
          return {
            t: "bool",
            v: (opts as string[]).some((o) =>
              attr === "startswith" ? obj.v.startsWith(o) : obj.v.endsWith(o),
            ),
          };
        }
        if (attr === "lower" || attr === "upper")
          return { ...obj, v: attr === "lower" ? lower(obj.v) : obj.v.toUpperCase() };
        if (/^(strip|rstrip|lstrip)$/.test(attr) && (!a || a.t === "str")) {
          const chars = a?.t === "str" ? [...a.v] : [" ", "\t", "\n", "\r"];
          let s = obj.v;
          if (attr !== "rstrip") while (s !== "" && chars.includes(s[0] as string)) s = s.slice(1);
          if (attr !== "lstrip") while (s !== "" && chars.includes(s.at(-1) as string)) s = s.slice(0, -1);
          return { ...obj, v: s };
        }
      }
      if (obj.t === "cls") return this.newResponse(obj.status, keyword("status"), n);
      if (obj.t === "obj" && obj.o === "http" && attr in RESPONSES)
        return this.newResponse(RESPONSES[attr] as number, keyword("status"), n);
      throw unknownCode(this.file, n);
    }
    // getattr(settings, "X", default): the setting where settings.py (passed) sets it, else the
    // default; without settings.py, or with its names partly in a module not passed, unknown.
    if (
      fn.type === "identifier" &&
      fn.text === "getattr" &&
      positional.length >= 2 &&
      !this.locals.has("getattr")
    ) {
      const obj = this.eval(positional[0] as Node);
      const key = this.eval(positional[1] as Node);
      if (obj.t !== "obj" || obj.o !== "settings" || key.t !== "str" || !this.settings)
        throw unknownCode(this.file, n);
      const a = this.settings.mod.names.get(key.v);
      if (a) {
        const v = !a.conditional ? fromPy(a.value, this.settings.file) : null;
        if (v) return v;
        throw unknownCode(this.file, n);
      }
      const d = positional[2];
      if (!d || this.settings.mod.starImports.length > 0) throw unknownCode(this.file, n);
      return this.eval(d);
    }
    const f = this.eval(fn);
    if (f.t === "obj" && f.o === "next") return this.forward(positional);
    if (f.t === "cls") return this.newResponse(f.status, keyword("status"), n);
    if (f.t === "fn") {
      const [r, names] = args();
      if (r?.t !== "resp" || names?.t !== "seq" || names.items.some((i) => i.t !== "str"))
        throw unknownCode(this.file, n);
      const stmt = n.parent?.type === "expression_statement" ? n.parent : n;
      patchVary(
        r.r,
        names.items.map((i) => (i as { v: string }).v),
        this.site(stmt, (positional[0] as Node).text, { t: "none" }),
      );
      return { t: "none" };
    }
    if (fn.type === "identifier" && fn.text === "str" && positional.length === 1 && !this.locals.has("str")) {
      const v = this.eval(positional[0] as Node);
      if (v.t === "str") return v;
      return this.str(headerText(v, n, this.file));
    }
    throw unknownCode(this.file, n);
  }

  private forward(args: Node[]): V {
    if (args.length !== 1 || !(this.eval(args[0] as Node).t === "obj"))
      throw unknownCode(this.file, args[0] ?? this.mw.call?.body ?? this.hand.mod.tree.rootNode);
    return { t: "resp", r: this.next() };
  }

  private newResponse(status: number, kw: Node | null, n: Node): V {
    let s = status;
    if (kw) {
      const v = this.eval(kw);
      if (v.t !== "int") throw unknownCode(this.file, n);
      s = v.v;
    }
    return { t: "resp", r: { status: s, headers: [], fromView: false, viewCall: null } };
  }

  private compare(n: Node): V {
    const ops = n.childrenForFieldName("operators").map((o) => o?.text ?? "");
    const operands = kids(n);
    let left = this.eval(operands[0] as Node);
    for (const [i, op] of ops.entries()) {
      const right = this.eval(operands[i + 1] as Node);
      const ok = this.compareOne(op, left, right, n);
      if (!ok) return { t: "bool", v: false };
      left = right;
    }
    return { t: "bool", v: true };
  }

  private compareOne(op: string, l: V, r: V, n: Node): boolean {
    const prim = (v: V) =>
      v.t === "str" || v.t === "int" || v.t === "bool" ? v.v : v.t === "none" ? null : undefined;
    switch (op) {
      case "==":
      case "!=": {
        const a = prim(l);
        const b = prim(r);
        if (a === undefined || b === undefined) throw unknownCode(this.file, n);
        return (a === b) === (op === "==");
      }
      case "is":
      case "is not": {
        if (r.t !== "none" && l.t !== "none") throw unknownCode(this.file, n);
        return (l.t === r.t) === (op === "is");
      }
      case "in":
      case "not in": {
        let found: boolean;
        if (r.t === "obj" && r.o === "headers" && l.t === "str") found = headerOf(this.req, l.v) !== null;
        else if (r.t === "obj" && r.o === "meta" && l.t === "str") found = metaOf(this.req, l.v) !== null;
        else if (r.t === "str" && l.t === "str") found = r.v.includes(l.v);
        else if ((r.t === "resp" || r.t === "hdrs") && l.t === "str")
          found = r.r.headers.some((h) => lower(h.name) === lower(l.v));
        else if (r.t === "dict") found = r.entries.some((e) => samePrim(e.k, l));
        else if (r.t === "seq") {
          const a = prim(l);
          if (a === undefined || r.items.some((i) => prim(i) === undefined)) throw unknownCode(this.file, n);
          found = r.items.some((i) => prim(i) === a);
          if (!found && l.t === "str" && r.display)
            this.trace.misses.push({
              display: r.display,
              value: l.v,
              file: r.file,
              line: n.startPosition.row + 1,
            });
        } else throw unknownCode(this.file, n);
        return found === (op === "in");
      }
      default:
        throw unknownCode(this.file, n);
    }
  }
}

/** Runs one middleware around `next` (the rest of the stack). */
function runMiddleware(
  hand: HandFile,
  mw: HandMiddleware,
  req: Request,
  next: () => Resp,
  settings: DjangoSettings | null,
  trace: Trace,
): Resp {
  trace.ran.push(mw);
  const start = (fn: Fn, self: boolean): Run => {
    const run = new Run(hand, mw, req, next, settings, trace);
    const [a, b] = fn.params;
    if (self) {
      run.bind(a, { t: "obj", o: "self" });
      run.bind(b, { t: "obj", o: "request" });
    } else run.bind(a, { t: "obj", o: "request" });
    return run;
  };
  const asResp = (v: V, body: Node): Resp => {
    if (v.t !== "resp") throw unknownCode(hand.file, body);
    return v.r;
  };
  if (mw.call) {
    const fn = mw.call;
    return asResp(start(fn, mw.kind === "call").exec(fn.body), fn.body);
  }
  let response: Resp | null = null;
  if (mw.processRequest) {
    const v = start(mw.processRequest, true).exec(mw.processRequest.body);
    if (v.t === "resp") response = v.r;
    else if (v.t !== "none") throw unknownCode(hand.file, mw.processRequest.body);
  }
  response ??= next();
  if (mw.processResponse) {
    const fn = mw.processResponse;
    const run = start(fn, true);
    run.bind(fn.params[2], { t: "resp", r: response });
    return asResp(run.exec(fn.body), fn.body);
  }
  return response;
}

export const isPreflight = (req: { method: string; headers: HeaderList }) =>
  req.method === "OPTIONS" && hasHeader(req.headers, "access-control-request-method");

/** The stack's layers, outermost first: MIDDLEWARE's order with settings.py, else the one middleware. */
export function layers(
  stack: Stack,
): Array<{ entry: Middleware | null; hand: { file: HandFile; mw: HandMiddleware } | null }> {
  const all = stack.hands.flatMap((file) => file.middlewares.map((mw) => ({ file, mw })));
  const list = stack.settings?.middleware;
  // No MIDDLEWARE in the settings passed (set in another module): the middleware alone.
  if (!stack.settings || !list || (list.known && list.from === null))
    return all.slice(0, 1).map((h) => ({ entry: null, hand: h }));
  if (!list.known) throw new Unknowable(list.why);
  return list.value.map((entry) => ({
    entry,
    hand: all.find((h) => entryOf(stack, h.mw) === entry) ?? null,
  }));
}

export interface Answered {
  resp: Resp;
  trace: Trace;
}

/** The response the stack gives this request, with the statements that set each header. */
export function respond(
  stack: Stack,
  request: {
    method: string;
    url: string;
    headers: HeaderList;
    upstream?: { status: number | null; headers: HeaderList } | null;
  },
): Answered {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Unknowable({ key: "config.unknown.url", params: { url: request.url } });
  }
  const req: Request = { method: request.method, path: url.pathname, headers: request.headers };
  const trace: Trace = { misses: [], assumed: [], ran: [], corsheadersAnswered: false };
  const upstream = request.upstream ?? null;
  const all = layers(stack);
  const s = stack.settings;
  const recorded = upstream?.status ?? null;
  const view = (): Resp => {
    const headers: RespHeader[] = (upstream?.headers ?? []).map(([name, value]) => ({
      name,
      value,
      site: null,
    }));
    // APPEND_SLASH's redirect passes back through the CORS layers above CommonMiddleware.
    if (
      recorded === 301 &&
      !req.path.endsWith("/") &&
      s?.appendSlash.known &&
      s.appendSlash.value &&
      all.some((l) => l.entry && layerOf(l.entry.name) === "common")
    )
      headers.push({ name: "Location", value: `${req.path}/${url.search}`, site: null });
    return { status: recorded, headers, fromView: true, viewCall: null };
  };
  const corsheadersOn = (): boolean => {
    if (!s) return false;
    if (!s.urlsRegex.known) throw new Unknowable(s.urlsRegex.why);
    const re = pyRegex(s.urlsRegex.value);
    if (!re)
      throw new Unknowable({
        key: "config.unknown.regex",
        params: { regex: s.urlsRegex.value, line: s.urlsRegex.from?.stmt.line ?? 0 },
      });
    return re.test(req.path);
  };
  const at = (i: number, inside: boolean): Resp => {
    const layer = all[i];
    if (!layer) return view();
    const next = () => at(i + 1, inside || layer.hand !== null || layer.entry?.name === CORS_MIDDLEWARE);
    if (layer.hand) return runMiddleware(layer.hand.file, layer.hand.mw, req, next, s, trace);
    const name = layer.entry?.name ?? "";
    if (name === CORS_MIDDLEWARE && s) {
      if (!corsheadersOn()) return next();
      let r: Resp;
      if (isPreflight(req)) {
        trace.corsheadersAnswered = true;
        r = { status: 200, headers: [], fromView: false, viewCall: null };
      } else r = next();
      const base: HeaderList = r.headers.map((h) => [h.name, h.value]);
      const out = corsHeaders(s, request, base);
      r.headers = out.map(([n, v]) => ({
        name: n,
        value: v,
        site: r.headers.find((h) => h.name === n && h.value === v)?.site ?? null,
      }));
      return r;
    }
    // Below the first CORS layer a middleware's own answer is the application's (the record's status).
    if (inside) return next();
    const kind = layerOf(name);
    const entry = layer.entry as Middleware;
    if (kind === "passive") return next();
    if (kind === "security") {
      if (!s?.sslRedirect.known)
        throw new Unknowable(
          s?.sslRedirect.known === false
            ? s.sslRedirect.why
            : { key: "config.unknown.url", params: { url: request.url } },
        );
      if (s.sslRedirect.value && url.protocol === "http:")
        return {
          status: 301,
          headers: [
            { name: "Location", value: `https://${url.host}${url.pathname}${url.search}`, site: null },
          ],
          fromView: false,
          viewCall: null,
        };
      return next();
    }
    if (kind === "common") {
      if (s?.appendSlash.known && s.appendSlash.value && !req.path.endsWith("/")) {
        if (recorded === 301)
          return {
            status: 301,
            headers: [{ name: "Location", value: `${req.path}/${url.search}`, site: null }],
            fromView: true,
            viewCall: null,
          };
        if (recorded === null)
          trace.assumed.push({ key: "config.django.assumed.routed", params: { path: req.path } });
      }
      return next();
    }
    if (kind === "static" && s?.staticUrl.known) {
      const p = s.staticUrl.value.startsWith("/") ? s.staticUrl.value : `/${s.staticUrl.value}`;
      if (s.staticUrl.value !== "" && req.path.startsWith(p)) {
        if (recorded === null)
          trace.assumed.push({ key: "config.assumed.static-200", params: { path: req.path } });
        return { status: recorded ?? 200, headers: [], fromView: true, viewCall: null };
      }
      return next();
    }
    // A middleware of the project above every CORS layer: it may answer first.
    if (all.slice(i + 1).some((l) => l.hand || l.entry?.name === CORS_MIDDLEWARE))
      throw new Unknowable({
        key: "config.django.unknown.middleware",
        params: { name: entry.name, line: entry.line },
      });
    return next();
  };
  const resp = at(0, false);
  return { resp, trace };
}

/** The what-if's answer: the status and headers, or why they cannot be known. */
export function answerHand(stack: Stack, request: HopRequest): Answer {
  try {
    const { resp, trace } = respond(stack, request);
    const assumed = [...trace.assumed];
    let status = resp.status;
    if (status === null) {
      const path = new URL(request.url).pathname;
      if (isPreflight(request))
        return { kind: "unknown", why: { key: "config.django.mw.unknown.view-options", params: { path } } };
      assumed.push({ key: "config.django.assumed.view-200", params: { method: request.method, path } });
      status = 200;
    }
    return {
      kind: "known",
      status,
      headers: resp.headers.map((h) => [h.name, h.value]),
      fromUpstream: resp.fromView,
      assumed,
    };
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

const BASE = "http://localhost:8000";

/** Origins written in the files (allowlists): tried besides a stand-in for any origin. */
export function writtenOrigins(stack: Stack): string[] {
  const out = new Set<string>();
  const texts = [...stack.hands.map((h) => h.mod.text), stack.settings?.mod.text ?? ""];
  for (const t of texts)
    for (const m of t.matchAll(/["'](https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)["']/g)) out.add(m[1] as string);
  return [...out];
}

const listOf = (v: string | null) =>
  (v ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");

/** What the stack allows each origin, from its answer to a preflight from it (the view taken as 200). */
export function allowanceHand(stack: Stack): Allowance[] {
  const out: Allowance[] = [];
  for (const path of ["/", "/api/x/"]) {
    const url = `${BASE}${path}`;
    for (const origin of [STRANGER_ORIGIN, ...writtenOrigins(stack)]) {
      const ask = (method: string, headers: HeaderList) =>
        answerHand(stack, {
          method,
          url,
          headers: [["Origin", origin], ...headers],
          upstream: { status: 200, headers: [] },
        });
      const pre = ask("OPTIONS", [["Access-Control-Request-Method", "PUT"]]);
      const get = ask("GET", []);
      if (get.kind !== "known") continue;
      const acao = combinedHeader(get.headers, "access-control-allow-origin");
      if (acao !== "*" && acao !== origin) continue;
      const h = pre.kind === "known" && pre.status < 300 ? pre.headers : [];
      out.push({
        url,
        origins: [origin],
        methods: listOf(combinedHeader(h, "access-control-allow-methods")).map((m) => m.toUpperCase()),
        headers: listOf(combinedHeader(h, "access-control-allow-headers")).filter((x) => x !== "*"),
        credentials:
          acao === origin && combinedHeader(get.headers, "access-control-allow-credentials") === "true",
      });
    }
  }
  return out;
}
