/**
 * rack-cors 1.1.1 (Debian 12's ruby-rack-cors) in a Rails initializer (`config.middleware
 * .insert_before 0, Rack::Cors do … end`) or a Rack `config.ru` (`use Rack::Cors do … end`), read
 * from its source (https://github.com/cyu/rack-cors/blob/v1.1.1/lib/rack/cors.rb):
 * - the `allow` blocks are tried in order: the first whose origins allow the request's origin and
 *   has a resource matching the path answers (a block whose origins match but whose resources do
 *   not is passed over);
 * - `origins`: `'*'` allows any origin (the resource then answers `*`, and `credentials: true`
 *   raises at boot); a string with `http(s)://` is compared exactly; any other string is a host
 *   matched with any scheme; a Regexp is tested with `===` (unanchored unless written so);
 * - a preflight (OPTIONS with Access-Control-Request-Method) is answered by Rack::Cors itself with
 *   200, with the CORS headers only when the method is in `methods` (lower case, compared as
 *   written; GET alone when absent) and every requested header is simple or in `headers`;
 * - other requests reach the app, and the resource's headers are merged under the app's own.
 */
import type { Node } from "web-tree-sitter";
import { combinedHeader, type HeaderList, hasHeader } from "../../engine";
import { distance } from "../distance";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { dropsWrite } from "../methods";
import type { Allowance, Answer, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { ConfigSyntaxError } from "../types";
import { faultOf, type Judged, type RequestSpec, Unknowable, unsafeNames } from "../whatif";
import {
  condition,
  evaluate,
  kids,
  parseRuby,
  type RbVal,
  type RubyFile,
  rbStr,
  type Scope,
  type Span,
  span,
} from "./values";

export class RackSyntaxError extends ConfigSyntaxError {}

/** A preflight that passes a middleware above Rack::Cors, unrecorded: the patch moves Rack::Cors up. */
export const PREFLIGHT_UNKNOWN = new Set(["config.rack.unknown.gate"]);

/** Rack::Cors::CORS_SIMPLE_HEADERS: accepted in a preflight whatever `headers` says. */
const SIMPLE_HEADERS = ["accept", "accept-language", "content-language", "content-type"];
/** `methods: :any` (Resource#initialize). */
const ANY_METHODS = ["get", "head", "post", "put", "patch", "delete", "options"];
/** The options Resource#initialize reads (symbol keys); any other key is ignored silently. */
const KNOWN_OPTIONS = ["headers", "methods", "credentials", "expose", "max_age", "if", "vary"];
/**
 * Middleware that passes every request on (logging, compression, caching headers, sessions): one
 * above Rack::Cors does not answer a preflight itself. Any other (auth, rate limits, static files,
 * the app's own classes) may.
 */
const PASSING =
  /^(::)?Rack::(CommonLogger|Logger|Lint|ShowExceptions|ShowStatus|Runtime|ContentLength|ContentType|Deflater|ETag|ConditionalGet|Head|MethodOverride|Session::\w+|TempfileReaper|Sendfile|Reloader|NullLogger|RewindableInput)$/;

interface Opt {
  key: string;
  value: RbVal;
  pair: Span;
}

export interface Resource {
  line: number;
  call: Span;
  path: RbVal;
  pattern: RegExp | null;
  opts: Map<string, Opt>;
  /** Keys Resource#initialize ignores (a typo, a string key), with their line. */
  ignored: Array<{ key: string; line: number }>;
  /** Where a new `key: value` goes: after the last argument (inside a `{…}` hash if written so). */
  insertAt: number;
  rocket: boolean;
  /** `origins '*'` was called before this resource in its block: it answers `*`. */
  public: boolean;
}

interface OriginsCall {
  line: number;
  call: Span;
  args: RbVal[];
  /** The origins after `args.flatten`. */
  items: RbVal[];
  /** `origins { |source, env| … }`: a proc decides. */
  proc: boolean;
  lastArgEnd: number | null;
}

export interface Allow {
  line: number;
  origins: OriginsCall | null;
  public: boolean;
  resources: Resource[];
  /** `allow.` when the block names its parameter. */
  recv: string;
  block: Span;
  /** Where a new statement of the block goes, and its indentation. */
  endAt: number;
  indent: string;
  /** `if`/`unless` in the block decided by an environment default (said with every answer). */
  assumed: Words[];
  /** The line of an `if`/`unless` in the block whose condition code decides. */
  undecided: number | null;
}

/**
 * The paths a `use Rack::Static, urls: [...]` answers itself: every path that starts with one of the
 * prefixes (rack 2.2 lib/rack/static.rb `can_serve`: `path.start_with?(*@urls)`; a Hash of urls
 * matches whole paths). Its Rack::Files answers them — the file, a 404, or 200 with `Allow` to an
 * OPTIONS — and the request never reaches the middleware below, unless `cascade: true` passes a 404
 * on. https://github.com/rack/rack/blob/2-2-stable/lib/rack/static.rb
 */
export interface StaticUrls {
  prefixes: string[];
  exact: string[];
  cascade: boolean;
}

/** Whether a Rack::Static above Rack::Cors answers this path itself. */
export function servedAbove(use: CorsUse, path: string): CorsUse["gates"][number] | null {
  return (
    use.gates.find(
      (g) => g.serves && (g.serves.prefixes.some((u) => path.startsWith(u)) || g.serves.exact.includes(path)),
    ) ?? null
  );
}

/** `use Rack::Static, urls: [...]`'s urls, where they are literal strings; null otherwise. */
function staticUrls(args: readonly Node[], scope: Scope): StaticUrls | null {
  if (!/^(::)?Rack::Static$/.test(args[0]?.text ?? "")) return null;
  const pairs = args
    .slice(1)
    .flatMap((a) =>
      a.type === "pair" ? [a] : a.type === "hash" ? kids(a).filter((p) => p.type === "pair") : [],
    );
  const option = (name: string) =>
    pairs
      .find((p) => {
        const k = p.childForFieldName("key");
        return k?.text === `${name}:` || k?.text === name || k?.text === `:${name}`;
      })
      ?.childForFieldName("value") ?? null;
  const urls = option("urls");
  if (!urls) return null;
  const cascade = option("cascade")?.text === "true";
  if (urls.type === "hash") {
    const exact = kids(urls)
      .filter((p) => p.type === "pair")
      .map((p) => evaluate(p.childForFieldName("key") as Node, scope));
    return exact.every((v) => v.t === "str")
      ? { prefixes: [], exact: exact.map((v) => (v as { v: string }).v), cascade }
      : null;
  }
  const v = evaluate(urls, scope);
  if (v.t !== "list" || !v.items.every((i) => i.t === "str")) return null;
  return { prefixes: v.items.map((i) => (i as { v: string }).v), exact: [], cascade };
}

export interface CorsUse {
  line: number;
  stmt: Span;
  how: "use" | "first" | "rails-use" | "rails-after";
  allows: Allow[];
  /** Middleware above it that may answer on its own (config.ru's `use X` before it). */
  gates: Array<{ name: string; line: number; stmt: Span; serves?: StaticUrls }>;
  /** A resource created with `credentials: true` under `origins '*'`: Rack::Cors raises at boot. */
  raises: { line: number } | null;
}

export interface RackApp {
  file: string;
  text: string;
  rb: RubyFile;
  uses: CorsUse[];
}

export interface RackConfig extends ReadConfig {
  format: "rack";
  app: RackApp;
}

/** `Rack::Cors`, or the string older Rails initializers pass (`insert_before 0, "Rack::Cors"`). */
const isCors = (n: Node | null | undefined) => /^(["']?)(::)?Rack::Cors\1$/.test(n?.text ?? "");

function bodyOf(block: Node): Node[] {
  const body = block.namedChildren.find((c) => c?.type === "body_statement" || c?.type === "block_body");
  return body ? kids(body) : [];
}

function paramOf(block: Node): string | null {
  const params = block.namedChildren.find((c) => c?.type === "block_parameters");
  const first = params ? kids(params)[0] : null;
  return first?.type === "identifier" ? first.text : null;
}

/** A call of the block's DSL: `name …` or `param.name …`. */
function dslCall(n: Node, param: string | null): { name: string; call: Node } | null {
  if (n.type !== "call" && n.type !== "identifier") return null;
  if (n.type === "identifier") return { name: n.text, call: n };
  const recv = n.childForFieldName("receiver");
  if (recv && !(param && recv.type === "identifier" && recv.text === param)) return null;
  return { name: n.childForFieldName("method")?.text ?? "", call: n };
}

/** rack-cors' Resource#compile: a path string as the regex it is matched with. */
export function compilePath(path: string): RegExp | null {
  const body = path.replace(/((:\w+)|\/\*|[*.+()])/g, (m) =>
    m === "/*" ? "\\/?(.*?)" : m === "*" ? "(.*?)" : /^[.+()]$/.test(m) ? `\\${m}` : "([^/?&#]+)",
  );
  try {
    return new RegExp(`^${body}$`);
  } catch {
    return null;
  }
}

function readRack(file: ConfigFile): RackApp {
  const rb = parseRuby(file.text);
  const app: RackApp = { file: file.path, text: file.text, rb, uses: [] };
  if (rb.error) return app;
  const top = kids(rb.tree.rootNode);
  const calls = rb.tree.rootNode.descendantsOfType("call").filter((c): c is Node => c !== null);
  for (const c of calls) {
    const args = c.childForFieldName("arguments");
    const block = c.childForFieldName("block");
    const method = c.childForFieldName("method")?.text ?? "";
    const list = args ? kids(args) : [];
    const at = list.findIndex(isCors);
    if (at < 0 || !block) continue;
    const recv = c.childForFieldName("receiver");
    let how: CorsUse["how"] = "use";
    if (recv && /middleware$/.test(recv.text)) {
      const first = list[0];
      how =
        (method === "insert_before" || method === "insert") && at === 1 && first?.text === "0"
          ? "first"
          : method === "unshift"
            ? "first"
            : method === "use"
              ? "rails-use"
              : "rails-after";
    } else if (recv || method !== "use") continue;
    // The statement: the call itself, or the top-level expression holding it.
    const stmt = top.find((s) => s.startIndex <= c.startIndex && s.endIndex >= c.endIndex) ?? c;
    const gates: CorsUse["gates"] = [];
    // A top-level `use` only: Rack::Builder wraps a `map` block's app in every top-level `use`,
    // wherever the block is written, so moving it would change nothing.
    if (how === "use" && stmt.id === c.id)
      for (const s of top) {
        if (s.startIndex >= stmt.startIndex) break;
        if (
          s.type !== "call" ||
          s.childForFieldName("receiver") ||
          s.childForFieldName("method")?.text !== "use"
        )
          continue;
        const useArgs = kids(s.childForFieldName("arguments") as Node);
        const name = useArgs[0]?.text ?? "";
        const serves = staticUrls(useArgs, rb.scope);
        if (!PASSING.test(name) && !isCors(useArgs[0]))
          gates.push({ name, line: s.startPosition.row + 1, stmt: span(s), ...(serves ? { serves } : {}) });
      }
    const use: CorsUse = {
      line: c.startPosition.row + 1,
      stmt: span(stmt),
      how,
      allows: [],
      gates,
      raises: null,
    };
    const param = paramOf(block);
    for (const s of bodyOf(block)) {
      const d = dslCall(s, param);
      const inner = d?.call.type === "call" ? d.call.childForFieldName("block") : null;
      if (d?.name !== "allow" || !inner) continue;
      use.allows.push(readAllow(rb, inner, file.text));
    }
    // Resource#initialize raises CorsMisconfigurationError: the app does not start.
    for (const a of use.allows)
      for (const r of a.resources) {
        const c = r.opts.get("credentials");
        if (r.public && c?.value.t === "bool" && c.value.v) use.raises ??= { line: c.pair.line };
      }
    app.uses.push(use);
  }
  app.uses.sort((a, b) => a.stmt.start - b.stmt.start);
  return app;
}

function readAllow(rb: RubyFile, block: Node, text: string): Allow {
  const param = paramOf(block);
  const stmts = bodyOf(block);
  const first = stmts[0];
  const allow: Allow = {
    line: block.startPosition.row + 1,
    origins: null,
    public: false,
    resources: [],
    recv: param ? `${param}.` : "",
    block: span(block),
    endAt:
      stmts.length > 0 ? afterLine(text, (stmts.at(-1) as Node).endIndex) : lineStart(text, block.endIndex),
    indent: first ? indentAt(text, first.startIndex) : `${indentAt(text, block.startIndex)}  `,
    assumed: [],
    undecided: null,
  };
  // `if RAILS_ENV != 'production'` around the block's calls (cyu/rack-cors#232): the branch the
  // condition takes, where the file decides it (an environment value read as its default, said so).
  const branches = (list: Node[]): Node[] =>
    list.flatMap((s) => {
      if (s.type !== "if" && s.type !== "unless" && s.type !== "elsif") return [s];
      const cond = s.childForFieldName("condition");
      const c = cond ? condition(cond, rb.scope) : null;
      if (!c) {
        allow.undecided ??= s.startPosition.row + 1;
        return [];
      }
      if (c.env)
        allow.assumed.push({
          key: "config.rack.assumed.env-condition",
          params: { line: s.startPosition.row + 1, text: (cond as Node).text.slice(0, 80) },
        });
      const branch =
        c.value !== (s.type === "unless")
          ? s.childForFieldName("consequence")
          : s.childForFieldName("alternative");
      if (!branch) return [];
      return branch.type === "elsif" ? branches([branch]) : branches(kids(branch));
    });
  for (const s of branches(stmts)) {
    const d = dslCall(s, param);
    if (!d) continue;
    const argList = d.call.type === "call" ? d.call.childForFieldName("arguments") : null;
    const args = argList ? kids(argList) : [];
    if (d.name === "origins") {
      const values = args.map((a) => evaluate(a, rb.scope));
      const items: RbVal[] = [];
      const flat = (v: RbVal) => {
        if (v.t === "list") v.items.forEach(flat);
        else if (!(v.t === "str" && v.v === "")) items.push(v);
      };
      values.forEach(flat);
      if (items.some((i) => i.t === "str" && i.v === "*")) allow.public = true;
      allow.origins = {
        line: s.startPosition.row + 1,
        call: span(d.call),
        args: values,
        items,
        proc: d.call.type === "call" && d.call.childForFieldName("block") !== null,
        lastArgEnd: args.at(-1)?.endIndex ?? null,
      };
    } else if (d.name === "resource" && args[0]) {
      const path = evaluate(args[0], rb.scope);
      const opts = new Map<string, Opt>();
      const ignored: Resource["ignored"] = [];
      let insertAt = (args.at(-1) as Node).endIndex;
      let rocket = false;
      const pairs: Node[] = [];
      for (const a of args.slice(1)) {
        if (a.type === "pair") pairs.push(a);
        else if (a.type === "hash") {
          pairs.push(...kids(a).filter((p) => p.type === "pair"));
          const lastPair = kids(a).at(-1);
          if (lastPair) insertAt = lastPair.endIndex;
        }
      }
      for (const p of pairs) {
        const k = p.childForFieldName("key");
        const v = p.childForFieldName("value");
        if (!k || !v) continue;
        if (p.text.includes("=>")) rocket = true;
        const key =
          k.type === "simple_symbol" ? k.text.slice(1) : k.type === "hash_key_symbol" ? k.text : null;
        if (key === null || !KNOWN_OPTIONS.includes(key)) {
          ignored.push({ key: k.text.replace(/^:/, ""), line: p.startPosition.row + 1 });
          continue;
        }
        opts.set(key, { key, value: evaluate(v, rb.scope), pair: span(p) });
      }
      allow.resources.push({
        line: s.startPosition.row + 1,
        call: span(d.call),
        path,
        pattern: path.t === "str" ? compilePath(path.v) : path.t === "regex" ? path.re : null,
        opts,
        ignored,
        insertAt,
        rocket,
        public: allow.public,
      });
    }
  }
  return allow;
}

interface Options {
  methods: string[];
  headers: "any" | string[];
  credentials: boolean;
  expose: string;
  maxAge: string;
}

function bad(name: string, o: Opt): Unknowable {
  return new Unknowable({
    key: "config.rack.unknown.value",
    params: { name, line: o.pair.line, text: o.value.t === "unknown" ? o.value.text.slice(0, 80) : "" },
  });
}

/** Resource#initialize's reading of the options. */
function optionsOf(r: Resource): Options {
  const scalarText = (v: RbVal): string | null =>
    v.t === "str" || v.t === "sym" ? v.v : v.t === "int" ? String(v.v) : null;
  const listOf = (name: string): RbVal[] | null => {
    const o = r.opts.get(name);
    if (!o || o.value.t === "nil") return null;
    const items = o.value.t === "list" ? o.value.items : [o.value];
    if (items.some((i) => scalarText(i) === null)) throw bad(name, o);
    return items;
  };
  const m = r.opts.get("methods");
  const methods =
    m?.value.t === "sym" && m.value.v === "any"
      ? ANY_METHODS
      : (listOf("methods")?.map((i) => scalarText(i) as string) ?? ["get"]);
  const h = r.opts.get("headers");
  // Header names are compared as downcased Strings: a Symbol other than :any never equals one.
  const headers: Options["headers"] =
    h?.value.t === "sym" && h.value.v === "any"
      ? "any"
      : (listOf("headers")?.flatMap((i) => (i.t === "str" ? [i.v.toLowerCase()] : [])) ?? []);
  const c = r.opts.get("credentials");
  const a = r.opts.get("max_age");
  // `opts[:max_age] || 7200`, sent with `.to_s`.
  if (a && a.value.t !== "int" && a.value.t !== "str" && a.value.t !== "nil") throw bad("max_age", a);
  if (r.opts.has("if")) throw new Unknowable({ key: "config.rack.unknown.if", params: { line: r.line } });
  return {
    methods,
    headers,
    credentials: !r.public && c?.value.t === "bool" && c.value.v,
    expose: (listOf("expose") ?? []).map((i) => scalarText(i) as string).join(", "),
    maxAge: a?.value.t === "int" || a?.value.t === "str" ? String(a.value.v) : "7200",
  };
}

/** Resources#allow_origin? for one origin (true, false), or Unknowable where code decides. */
function allowsOrigin(a: Allow, origin: string): boolean {
  if (a.public) return true;
  const o = a.origins;
  if (!o) return false;
  let unknown: Words | null = o.proc
    ? { key: "config.rack.unknown.origins", params: { line: o.line, text: "{ |source, env| … }" } }
    : null;
  for (const i of o.items) {
    if (i.t === "str") {
      if (/^https?:\/\//.test(i.v) || i.v === "file://" ? i.v === origin : hostMatch(i.v, origin))
        return true;
    } else if (i.t === "regex") {
      if (!i.re) unknown ??= { key: "config.unknown.regex", params: { regex: i.text, line: i.at.line } };
      else if (i.re.test(origin)) return true;
    } else
      unknown ??= { key: "config.rack.unknown.origins", params: { line: i.at.line, text: originText(i) } };
  }
  if (unknown) throw new Unknowable(unknown);
  return false;
}

/** A scheme-less origin string: `Regexp.compile("^[a-z][a-z0-9.+-]*:\/\/#{Regexp.quote(n)}$")`. */
function hostMatch(host: string, origin: string): boolean {
  const m = /^([a-z][a-z0-9.+-]*):\/\/(.*)$/.exec(origin);
  return m !== null && m[2] === host;
}

function originText(v: RbVal): string {
  return v.t === "unknown" ? v.text.slice(0, 80) : v.t === "sym" ? `:${v.v}` : "";
}

/** Rack::Cors#match_resource: the first block allowing the origin with a resource for the path. */
function matchResource(
  use: CorsUse,
  path: string,
  origin: string,
): { allow: Allow; resource: Resource } | null {
  for (const allow of use.allows) {
    if (!allowsOrigin(allow, origin)) continue;
    for (const resource of allow.resources) if (pathMatches(resource, path)) return { allow, resource };
  }
  return null;
}

function pathMatches(r: Resource, path: string): boolean {
  if (!r.pattern)
    throw new Unknowable({
      key: "config.rack.unknown.value",
      params: {
        name: "resource",
        line: r.line,
        text: r.path.t === "unknown" ? r.path.text.slice(0, 80) : "",
      },
    });
  if (r.opts.has("if") && r.pattern.test(path))
    throw new Unknowable({ key: "config.rack.unknown.if", params: { line: r.line } });
  return r.pattern.test(path);
}

/** Rack::Utils.unescape_path and clean_path_info, as Rack::Cors#evaluate_path applies them. */
function pathOf(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept as sent: Rack leaves an invalid escape as it is.
  }
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  // clean_path_info joins the parts again: a trailing slash is gone ("/api/items/" is "/api/items").
  return `/${parts.join("/")}`;
}

/**
 * Moved first, `later` answers its origins on its resources' paths instead of `before`, and
 * rack-cors does not fall through on a method or header a matching resource refuses: what `before`
 * allowed there and `later` does not is added to `later`'s resources, so nothing allowed before is
 * refused. Null where that cannot be written (`headers: :any` before, a list in `later`).
 */
function shadowedOptions(
  later: Allow,
  before: Allow,
): Map<Resource, { methods: string[]; headers: string[] }> | null {
  const out = new Map<Resource, { methods: string[]; headers: string[] }>();
  for (const r of later.resources) {
    const sample = samplePath(r) ?? (r.path.t === "str" ? r.path.v.replace(/\/$/, "") : null);
    if (sample === null) return null;
    const b = before.resources.find(
      (x) => x.pattern?.test(sample) || x.pattern?.test(sample.replace(/\/$/, "")),
    );
    if (!b) continue;
    const mine = optionsOf(r);
    const theirs = optionsOf(b);
    if (theirs.headers === "any" && mine.headers !== "any") return null;
    out.set(r, {
      methods: theirs.methods.filter((m) => !mine.methods.includes(m)),
      headers:
        mine.headers === "any" || theirs.headers === "any"
          ? []
          : theirs.headers.filter((h) => !mine.headers.includes(h)),
    });
  }
  return out;
}

/**
 * A resource written with a trailing slash (`'/api/v1/me/'`) that would take the path with it:
 * rack-cors never sees that slash (clean_path_info), so the resource matches no request.
 */
function slashed(r: Resource, path: string): boolean {
  return r.path.t === "str" && /[^/*]\/$/.test(r.path.v) && !!r.pattern?.test(`${path}/`);
}

function corsHeaders(r: Resource, o: Options, origin: string): Array<[string, string]> {
  const h: Array<[string, string]> = [
    ["Access-Control-Allow-Origin", r.public ? "*" : origin],
    ["Access-Control-Allow-Methods", o.methods.map((m) => m.toUpperCase()).join(", ")],
    ["Access-Control-Expose-Headers", o.expose],
    ["Access-Control-Max-Age", o.maxAge],
  ];
  if (o.credentials) h.push(["Access-Control-Allow-Credentials", "true"]);
  return h;
}

function answer(app: RackApp, req: HopRequest): Answer {
  try {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new Unknowable({ key: "config.unknown.url", params: { url: req.url } });
    }
    const use = app.uses[0];
    const upstream = req.upstream ?? null;
    const undecided = use?.allows.find((a) => a.undecided !== null)?.undecided;
    if (undecided) throw new Unknowable({ key: "config.rack.unknown.if-block", params: { line: undecided } });
    const assumed: Words[] = (use?.allows ?? []).flatMap((a) => a.assumed);
    const path = pathOf(url);
    const preflight = req.method === "OPTIONS" && hasHeader(req.headers, "access-control-request-method");
    if (use?.raises)
      throw new Unknowable({ key: "config.rack.unknown.raises", params: { line: use.raises.line } });
    // Rack::Static above Rack::Cors answers its paths itself, without CORS (a 404 passed on with
    // `cascade: true` excepted: then what was recorded says).
    const served = use ? servedAbove(use, path) : null;
    if (served && !(served.serves?.cascade && upstream?.status === 404)) {
      const files = req.method === "OPTIONS" || req.method === "GET" || req.method === "HEAD";
      if (upstream?.status == null && req.method !== "OPTIONS")
        assumed.push({
          key: "config.rack.assumed.static-file",
          params: { name: served.name, line: served.line, path },
        });
      return {
        kind: "known",
        // Rack::Files: 200 with Allow to OPTIONS, the file (assumed there) to GET and HEAD, 405 otherwise.
        status: upstream?.status ?? (files ? 200 : 405),
        headers: upstream?.headers ?? [],
        fromUpstream: false,
        assumed,
      };
    }
    const gate = use?.gates[0];
    if (gate) {
      if (upstream?.status == null) {
        if (preflight)
          throw new Unknowable({
            key: "config.rack.unknown.gate",
            params: { name: gate.name, line: gate.line, path },
          });
        assumed.push({ key: "config.rack.assumed.gate", params: { name: gate.name, line: gate.line } });
      } else if (upstream.status >= 400)
        // Answered above Rack::Cors (a 401 of an auth middleware): no CORS header is added to it.
        return {
          kind: "known",
          status: upstream.status,
          headers: upstream.headers,
          fromUpstream: true,
          assumed,
        };
    }
    const origin = combinedHeader(req.headers, "origin");
    if (!use || origin === null) {
      if (upstream?.status == null)
        assumed.push({ key: "config.rack.assumed.app-200", params: { method: req.method, path } });
      return {
        kind: "known",
        status: upstream?.status ?? 200,
        headers: upstream?.headers ?? [],
        fromUpstream: true,
        assumed,
      };
    }
    const hit = matchResource(use, path, origin);
    if (preflight) {
      const o = hit ? optionsOf(hit.resource) : null;
      const method = (combinedHeader(req.headers, "access-control-request-method") ?? "").toLowerCase();
      const asked = combinedHeader(req.headers, "access-control-request-headers");
      const headersOk =
        !o ||
        asked === null ||
        o.headers === "any" ||
        asked
          .split(/,\s*/)
          .every(
            (x) =>
              SIMPLE_HEADERS.includes(x.toLowerCase()) || (o.headers as string[]).includes(x.toLowerCase()),
          );
      const headers: Array<[string, string]> =
        hit && o?.methods.includes(method) && headersOk
          ? [
              ...corsHeaders(hit.resource, o, origin),
              ...(asked !== null ? [["Access-Control-Allow-Headers", asked] as [string, string]] : []),
            ]
          : [];
      return { kind: "known", status: 200, headers, fromUpstream: gate !== undefined, assumed };
    }
    if (upstream?.status == null)
      assumed.push({ key: "config.rack.assumed.app-200", params: { method: req.method, path } });
    const base: HeaderList = upstream?.headers ?? [];
    const own = hit ? corsHeaders(hit.resource, optionsOf(hit.resource), origin) : [];
    // `add_headers.merge(headers)`: the app's own header of a name wins.
    const headers: Array<readonly [string, string]> = [
      ...own.filter(([n]) => !hasHeader(base, n)),
      ...base.filter(([n]) => n.toLowerCase() !== "vary"),
    ];
    const vary = use.allows.some((a) => a.resources.some((r) => r.pattern?.test(path)));
    const baseVary = combinedHeader(base, "vary");
    if (vary) {
      const list = [...(baseVary ? baseVary.split(/,\s*/) : []), "Origin"];
      headers.push(["Vary", [...new Set(list)].join(", ")]);
    } else if (baseVary !== null) headers.push(["Vary", baseVary]);
    return { kind: "known", status: upstream?.status ?? 200, headers, fromUpstream: true, assumed };
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

export function readRackConfig(files: readonly ConfigFile[]): RackConfig {
  const file = files.at(-1) as ConfigFile;
  const app = readRack(file);
  if (app.rb.error) throw new RackSyntaxError(file.path, app.rb.error.line, app.rb.error.text.slice(0, 120));
  return {
    format: "rack",
    app,
    notes:
      app.uses.length > 1
        ? [{ key: "config.rack.note.several", params: { line: app.uses[0]?.line ?? 0 } }]
        : [],
    answer: (request) => answer(app, request),
    allowance: () => allowanceOf(app),
    check: () => checkRack(app),
  };
}

export function setsCors(config: RackConfig): boolean {
  return config.app.uses.length > 0;
}

/** A path the resource pattern matches: `*` as `x`, `:id` as `1`. */
function samplePath(r: Resource): string | null {
  if (r.path.t !== "str") return null;
  const p = r.path.v.replace(/\/\*$/, "/x").replace(/\*/g, "x").replace(/:\w+/g, "1");
  const path = p.startsWith("/") ? p : `/${p}`;
  return r.pattern?.test(path) ? path : null;
}

function allowanceOf(app: RackApp): Allowance[] {
  const use = app.uses[0];
  if (!use || use.raises) return [];
  const out: Allowance[] = [];
  for (const a of use.allows)
    for (const r of a.resources) {
      const path = samplePath(r);
      if (!path) continue;
      try {
        const o = optionsOf(r);
        const origins = a.public
          ? ["https://other.example"]
          : (a.origins?.items ?? []).flatMap((i) =>
              i.t !== "str" || i.v === "*"
                ? []
                : /^https?:\/\/[^/]+$/.test(i.v)
                  ? [i.v]
                  : /^[\w.-]+(:\d+)?$/.test(i.v)
                    ? [`https://${i.v}`]
                    : [],
            );
        out.push({
          url: `http://127.0.0.1:9292${path}`,
          origins,
          methods: o.methods.map((m) => m.toUpperCase()).filter((m) => /^[A-Z]+$/.test(m)),
          headers: o.headers === "any" ? ["x-requested-with"] : o.headers,
          credentials: o.credentials,
        });
      } catch (e) {
        if (!(e instanceof Unknowable)) throw e;
      }
    }
  return out;
}

function checkRack(app: RackApp): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const add = (code: string, severity: "error" | "warning", line: number, words: Words) =>
    out.push({ code, severity, file: app.file, line, words });
  for (const use of app.uses) {
    if (use.raises)
      add("rack-cors-any-origin-credentials", "error", use.raises.line, {
        key: "config.rack.check.any-credentials",
      });
    const gate = use.gates[0];
    if (gate)
      add("rack-cors-not-first", "warning", use.line, {
        key: "config.rack.check.gate",
        params: { name: gate.name, line: gate.line },
      });
    if (use.how === "rails-use")
      add("rack-cors-not-first", "warning", use.line, { key: "config.rack.check.rails-use" });
    for (const a of use.allows) {
      const items = a.origins?.items ?? [];
      for (const i of items) {
        if (i.t === "str" && i.v !== "*") {
          // '/\Ahttps?:\/\/…\z/' in quotes: a string, compared with the Origin whole
          // (Rack::Cors::Resources#allow_origin?), not the Regexp it was meant to be.
          if (/^\/.+\/[imx]*$/.test(i.v))
            add("rack-cors-origin-regex-string", "error", i.at.line, {
              key: "config.rack.check.regex-string",
              params: { origin: i.v },
            });
          else if (i.v.includes("*"))
            add("rack-cors-origin-glob", "error", i.at.line, {
              key: "config.rack.check.glob",
              params: { origin: i.v },
            });
          else if (/^https?:\/\/[^/]+\/|^[^:/]+\/$/.test(i.v) || /^https?:\/\/[^/]*\/$/.test(i.v))
            add("rack-cors-origin-path", "error", i.at.line, {
              key: "config.rack.check.path",
              params: { origin: i.v },
            });
          // 'localhost' (or with a scheme, no port): rack-cors compares it with the whole Origin
          // (a string without a scheme becomes /^[a-z][a-z0-9.+-]*:\/\/localhost$/:
          // https://github.com/cyu/rack-cors/blob/master/lib/rack/cors/resources.rb, #origins), the
          // Origin of a page on port 80 only; a development server's page sends its port.
          else if (/^((https?:\/\/)?(localhost|127\.0\.0\.1))$/.test(i.v))
            add("origin-localhost-no-port", "warning", i.at.line, {
              key: "config.express.check.localhost-port",
              params: { value: i.v },
            });
        } else if (i.t === "regex") {
          const body = i.source.replace(/\\\\/g, "").replace(/\[[^\]]*\]/g, "");
          if (/(^|[^\\])\.[A-Za-z0-9]/.test(body))
            add("rack-cors-origin-regex-dot", "error", i.at.line, {
              key: "config.rack.check.regex-dot",
              params: { regex: i.text },
            });
          if (!/^(\^|\\A)/.test(i.source) || !/(\$|\\z|\\Z)$/.test(i.source))
            add("rack-cors-origin-regex-anchor", "warning", i.at.line, {
              key: "config.rack.check.regex-anchor",
              params: { regex: i.text },
            });
        } else if (i.t === "unknown")
          add("rack-cors-origins-unresolved", "warning", i.at.line, {
            key: "config.rack.check.unresolved",
            params: { text: i.text.slice(0, 80) },
          });
      }
      let catchAll: Resource | null = null;
      for (const r of a.resources) {
        if (r.path.t === "str" && /[^/*]\/$/.test(r.path.v))
          add("rack-cors-resource-trailing-slash", "error", r.line, {
            key: "config.rack.check.trailing-slash",
            params: { path: r.path.v, fixed: r.path.v.slice(0, -1) },
          });
        if (catchAll)
          add("rack-cors-resource-shadowed", "warning", r.line, {
            key: "config.rack.check.shadowed",
            params: { path: r.path.t === "str" ? r.path.v : "", line: catchAll.line },
          });
        else if (r.path.t === "str" && /^\/?\*$/.test(r.path.v) && !r.opts.has("if")) catchAll = r;
        for (const g of r.ignored) {
          const near = KNOWN_OPTIONS.map((k) => ({ k, d: distance(g.key.replace(/^["']|["']$/g, ""), k) }))
            .filter((x) => x.d <= 3)
            .sort((x, y) => x.d - y.d)[0];
          add("rack-cors-unknown-option", "error", g.line, {
            key: "config.rack.check.unknown-option",
            params: { name: g.key, suggest: near ? near.k : "none" },
          });
        }
        // `:all` (or any symbol but :any) is one literal name: no method or header equals it (cyu/rack-cors#129).
        for (const name of ["methods", "headers"]) {
          const o = r.opts.get(name);
          if (
            o?.value.t === "sym" &&
            o.value.v !== "any" &&
            !(name === "methods" && /^(get|head|post|put|patch|delete|options)$/.test(o.value.v))
          )
            add("rack-cors-symbol-not-any", "error", o.pair.line, {
              key: "config.rack.check.symbol",
              params: { name, value: o.value.v },
            });
        }
        notPassed(app, r, add);
        const m = r.opts.get("methods");
        if (!m)
          add("rack-cors-methods-default", "warning", r.line, {
            key: "config.rack.check.methods-default",
            params: { path: r.path.t === "str" ? r.path.v : "" },
          });
        else {
          const items = m.value.t === "list" ? m.value.items : [m.value];
          // Updates allowed one way and not the other (patch but not put): an API that updates or
          // deletes takes both verbs more often than not, and a client library picks one.
          const listed = items.flatMap((x) => (x.t === "str" || x.t === "sym" ? [x.v.toLowerCase()] : []));
          const missing = dropsWrite(listed);
          const cased = items.some((x) => x.t === "str" && x.v !== x.v.toLowerCase());
          if (missing.length > 0 && !cased && !listed.includes("any") && !listed.includes("*"))
            add("rack-cors-methods-partial", "warning", r.line, {
              key: "config.rack.check.methods-partial",
              params: { methods: missing.join(", ") },
            });
          const upper = items.filter((x) => x.t === "str" && x.v !== x.v.toLowerCase());
          if (upper.length > 0)
            add("rack-cors-methods-case", "error", m.pair.line, {
              key: "config.rack.check.methods-case",
              params: { methods: upper.map((x) => (x as { v: string }).v).join(", ") },
            });
        }
      }
    }
    // A block after a public one ('*') whose resources the public block's all match: every
    // request it was written for is answered by the public block first, with '*' and no
    // credentials (rack-cors uses the first block whose origins and resource match).
    use.allows.forEach((a, i) => {
      const open = use.allows.slice(0, i).find((b) => b.public);
      if (!open || a.public || a.resources.length === 0) return;
      const covered = a.resources.every((r) => {
        const sample = samplePath(r);
        return sample !== null && open.resources.some((x) => pathMatches(x, sample));
      });
      if (covered && a.resources.some((r) => optionsOf(r).credentials))
        add("rack-cors-block-shadowed", "error", open.origins?.line ?? open.line, {
          key: "config.rack.check.block-shadowed",
          params: { line: a.line },
        });
    });
  }
  return out;
}

/**
 * A resource whose options all read one object of the file (`headers: CorsConfig.headers, methods:
 * CorsConfig.request_methods`, a config loaded into an OpenStruct or a hash) while that object also
 * sets a resource option the call never passes (`credentials: true`): Resource#initialize takes only
 * what it is given (https://github.com/cyu/rack-cors/blob/master/lib/rack/cors/resource.rb), so that
 * option keeps its default (no credentials, no exposed headers …). Named at the resource, the
 * object's line as `also`.
 */
function notPassed(
  app: RackApp,
  r: Resource,
  add: (code: string, severity: "error" | "warning", line: number, words: Words) => void,
): void {
  const read = new Set<string>();
  for (const o of r.opts.values()) {
    // As written (the value may be read through the object: an OpenStruct's members are).
    const written = app.text
      .slice(o.pair.start, o.pair.end)
      .replace(/^\s*(?:\w+:|:\w+\s*=>|(["'])\w+\1\s*=>)\s*/, "");
    const m = /^([A-Za-z_]\w*(?:::\w+)*)\.\w+$/.exec(written);
    if (!m) return;
    read.add(m[1] as string);
  }
  const [name] = [...read];
  if (read.size !== 1 || !name) return;
  let obj = app.rb.scope.get(name) ?? null;
  // OpenStruct.new(key: value, …) / Struct-like constructors given a hash: its pairs.
  if (obj?.type === "call") obj = obj.childForFieldName("arguments");
  for (const pair of obj ? kids(obj).filter((p) => p.type === "pair") : []) {
    const key = (pair.childForFieldName("key")?.text ?? "").replace(/^:|:$|^["']|["']$/g, "");
    const value = pair.childForFieldName("value")?.text ?? "";
    if (!KNOWN_OPTIONS.includes(key) || key === "if" || r.opts.has(key) || /^(false|nil)$/.test(value))
      continue;
    add("rack-cors-option-not-passed", "warning", r.line, {
      key: "config.rack.check.option-not-passed",
      params: { name, key, value: value.slice(0, 40), line: pair.startPosition.row + 1 },
    });
  }
}

type Found = { allow: Allow; resource: Resource };

class Patcher extends EditList {
  readonly cannotAll: Words[] = [];
  constructor(private readonly app: RackApp) {
    super(new Map([[app.file, app.text]]));
  }
  private get file(): string {
    return this.app.file;
  }
  private get quote(): string {
    const q = /(["'])/.exec(this.app.text.slice(this.app.uses[0]?.stmt.start ?? 0));
    return q?.[1] ?? '"';
  }

  private edit(key: string, start: number, end: number, text: string, why: Words): void {
    this.push(key, { file: this.file, start, end, text, why });
  }

  /** Adds literal values to a list written in the file. */
  private toList(
    key: string,
    v: Extract<RbVal, { t: "list" }>,
    words: string[],
    literal: (w: string) => string,
    why: Words,
  ): boolean {
    const l = v.list;
    if (!l) return false;
    const last = l.items.at(-1);
    if (l.kind === "array") {
      const text = words.map(literal).join(", ");
      if (last) this.edit(key, last.end, last.end, `, ${text}`, why);
      else this.edit(key, l.close, l.close, text, why);
    } else {
      const text = words.join(" ");
      if (last) this.edit(key, last.end, last.end, ` ${text}`, why);
      else this.edit(key, l.close, l.close, text, why);
    }
    return true;
  }

  origin(allow: Allow, origin: string): boolean {
    const o = allow.origins;
    const why: Words = { key: "config.rack.fix.origin", params: { origin, line: o?.line ?? allow.line } };
    if (!o || o.proc || o.lastArgEnd === null) {
      this.cannotAll.push({ key: "config.rack.cannot.origins", params: { line: o?.line ?? allow.line } });
      return false;
    }
    const only = o.args.length === 1 ? o.args[0] : undefined;
    if (only?.t === "list" && only.list && only.items.every((i) => i.t === "str" || i.t === "regex"))
      return this.toList(`origins:${only.at.start}`, only, [origin], (w) => rbStr(w, this.quote), why);
    // Quoted as the origins before it are.
    const lastStr = [...o.items].reverse().find((i) => i.t === "str");
    const q = lastStr?.t === "str" ? lastStr.quote : this.quote;
    this.edit(`origins:${o.call.start}`, o.lastArgEnd, o.lastArgEnd, `, ${rbStr(origin, q)}`, why);
    return true;
  }

  private option(r: Resource, name: string, value: string, why: Words): void {
    const pair = r.rocket ? `:${name} => ${value}` : `${name}: ${value}`;
    this.edit(`opt:${r.call.start}:${name}`, r.insertAt, r.insertAt, `, ${pair}`, why);
  }

  methods(r: Resource, methods: string[]): void {
    const why: Words = {
      key: "config.rack.fix.methods",
      params: { methods: methods.join(", ").toUpperCase(), line: r.line },
    };
    const o = r.opts.get("methods");
    const add = methods.map((m) => m.toLowerCase());
    if (!o) {
      this.option(r, "methods", `[${["get", ...add].map((m) => `:${m}`).join(", ")}]`, why);
      return;
    }
    const v = o.value;
    if (v.t === "nil") {
      // nil is the default, GET alone.
      const list = `[${["get", ...add].map((m) => `:${m}`).join(", ")}]`;
      this.edit(`methods:${v.at.start}`, v.at.start, v.at.end, list, why);
      return;
    }
    if (v.t === "list" && v.list) {
      const strings = v.items.some((i) => i.t === "str");
      this.toList(`methods:${v.at.start}`, v, add, (m) => (strings ? rbStr(m, this.quote) : `:${m}`), why);
      return;
    }
    if (v.t === "sym" || v.t === "str") {
      const text = this.app.text.slice(v.at.start, v.at.end);
      const lit = (m: string) => (v.t === "str" ? rbStr(m, v.quote) : `:${m}`);
      this.edit(
        `methods:${v.at.start}`,
        v.at.start,
        v.at.end,
        `[${[text, ...add.map(lit)].join(", ")}]`,
        why,
      );
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name: "methods", line: o.pair.line } });
  }

  headers(r: Resource, headers: string[]): void {
    const why: Words = {
      key: "config.rack.fix.headers",
      params: { headers: headers.join(", "), line: r.line },
    };
    const o = r.opts.get("headers");
    if (!o || o.value.t === "nil") {
      if (o) {
        this.edit(
          `headers:${o.value.at.start}`,
          o.value.at.start,
          o.value.at.end,
          `[${headers.map((h) => rbStr(h, this.quote)).join(", ")}]`,
          why,
        );
        return;
      }
      this.option(r, "headers", `[${headers.map((h) => rbStr(h, this.quote)).join(", ")}]`, why);
      return;
    }
    const v = o.value;
    if (v.t === "list" && v.list) {
      this.toList(`headers:${v.at.start}`, v, headers, (h) => rbStr(h, this.quote), why);
      return;
    }
    if (v.t === "str" || v.t === "sym") {
      const text = this.app.text.slice(v.at.start, v.at.end);
      this.edit(
        `headers:${v.at.start}`,
        v.at.start,
        v.at.end,
        `[${[text, ...headers.map((h) => rbStr(h, v.t === "str" ? v.quote : this.quote))].join(", ")}]`,
        why,
      );
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name: "headers", line: o.pair.line } });
  }

  credentials(r: Resource): void {
    const why: Words = { key: "config.rack.fix.credentials", params: { line: r.line } };
    const o = r.opts.get("credentials");
    if (o) this.edit(`credentials:${r.call.start}`, o.value.at.start, o.value.at.end, "true", why);
    else this.option(r, "credentials", "true", why);
  }

  /**
   * A resource for the path's first segment in the block, written as the block's first resource is
   * (its options copied): the other resources keep their paths.
   */
  resource(allow: Allow, path: string): boolean {
    const seg = /^\/[^/]+/.exec(path)?.[0];
    const pattern = seg ? `${seg}/*` : "*";
    const re = compilePath(pattern);
    if (!re?.test(path)) return false;
    const model = allow.resources[0];
    const text = this.app.text;
    const lit = rbStr(pattern, this.quote);
    const call = model
      ? `${text.slice(model.call.start, model.path.at.start)}${lit}${text.slice(model.path.at.end, model.call.end)}`
      : `${allow.recv}resource ${lit}`;
    const line = `${allow.indent}${call}\n`;
    const at = model ? afterLine(text, (allow.resources.at(-1) as Resource).call.end) : allow.endAt;
    this.edit(`resource:${allow.block.start}:${pattern}`, at, at, line, {
      key: "config.rack.fix.resource",
      params: { pattern, path, line: allow.line },
    });
    return true;
  }

  /**
   * An `origins '*'` block whose page sends credentials: rack-cors refuses `credentials: true` beside
   * `*` (it raises at boot), and narrowing `*` to a list would refuse every site it serves today. A copy
   * of the block goes above it, for the listed origins only, each resource with `credentials: true`:
   * rack-cors answers a request from the first block whose origins and resource both match
   * (https://github.com/cyu/rack-cors/blob/v1.1.1/lib/rack/cors.rb, `match_resource`), so those origins
   * get their own origin with credentials and every other site `*` as before.
   */
  credentialedCopy(allow: Allow, origins: string[]): boolean {
    const o = allow.origins;
    if (!o || o.proc || allow.undecided !== null || allow.assumed.length > 0) return false;
    if (allow.resources.length === 0 || !allow.resources.every((r) => r.public)) return false;
    const text = this.app.text;
    const start = lineStart(text, allow.block.start);
    const end = afterLine(text, allow.block.end);
    // Edits inside the copy, by offset in the original text, applied from the last one back.
    const inner: Array<{ at: number; to: number; text: string }> = [];
    const q = (() => {
      const s = o.items.find((i) => i.t === "str");
      return s?.t === "str" ? s.quote : this.quote;
    })();
    const callText = text.slice(o.call.start, o.call.end);
    const name = /^[\w.]*origins/.exec(callText)?.[0] ?? `${allow.recv}origins`;
    inner.push({
      at: o.call.start,
      to: o.call.end,
      text: `${name} ${origins.map((x) => rbStr(x, q)).join(", ")}`,
    });
    for (const r of allow.resources) {
      const c = r.opts.get("credentials");
      if (c) inner.push({ at: c.value.at.start, to: c.value.at.end, text: "true" });
      else
        inner.push({
          at: r.insertAt,
          to: r.insertAt,
          text: r.rocket ? ", :credentials => true" : ", credentials: true",
        });
    }
    let copy = text.slice(start, end);
    for (const e of inner.sort((a, b) => b.at - a.at))
      copy = `${copy.slice(0, e.at - start)}${e.text}${copy.slice(e.to - start)}`;
    this.edit(`credcopy:${start}`, start, start, copy, {
      key: "config.rack.fix.credentialed-copy",
      params: { origins: origins.join(", "), line: o.line },
    });
    return true;
  }

  /** An `allow` block moved above an earlier one that shadows it for its origins and paths. */
  /**
   * The shadowing block `before` moved below `later`, which follows it (two edits: the block cut,
   * and written again after `later`), so edits inside `later` — its trailing slashes dropped, the
   * methods and headers `before` allowed on its paths added — stand apart from them.
   */
  raise(later: Allow, before: Allow): boolean {
    const text = this.app.text;
    const at = lineStart(text, before.block.start);
    const end = afterLine(text, before.block.end);
    const from = lineStart(text, later.block.start);
    const to = afterLine(text, later.block.end);
    // Adjacent blocks only: moving `before` past another block would let that one answer first.
    if (at >= from || text.slice(end, from).trim() !== "") return false;
    const why: Words = { key: "config.rack.fix.raise", params: { line: later.line, before: before.line } };
    this.edit(`raise-cut:${at}`, at, from, "", why);
    this.edit(`raise-put:${to}`, to, to, `${text.slice(end, from)}${text.slice(at, end)}`, why);
    return true;
  }

  /** A resource path's trailing slash dropped: rack-cors matches the path after clean_path_info. */
  unslash(r: Resource): void {
    if (r.path.t !== "str") return;
    const at = r.path.at;
    this.edit(`unslash:${at.start}`, at.end - 2, at.end - 1, "", {
      key: "config.rack.fix.unslash",
      params: { path: r.path.v, line: r.line },
    });
  }

  /** The `use Rack::Cors … end` statement moved above the first middleware that answers before it. */
  move(use: CorsUse): boolean {
    const gate = use.gates[0];
    if (!gate) return false;
    const text = this.app.text;
    const from = lineStart(text, use.stmt.start);
    const to = afterLine(text, use.stmt.end);
    const at = lineStart(text, gate.stmt.start);
    if (at >= from) return false;
    // One edit: the statement, then what stood between the gate and it.
    this.edit("move", at, to, `${text.slice(from, to)}${text.slice(at, from)}`, {
      key: "config.rack.fix.move",
      params: { name: gate.name, line: gate.line },
    });
    return true;
  }
}

export function patchRack(
  config: RackConfig,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const app = config.app;
  const p = new Patcher(app);
  const use = app.uses[0];
  const asked: string[] = [];
  const wants = new Map<Resource, { methods: Set<string>; headers: Set<string>; credentials: boolean }>();
  // `origins '*'` blocks whose pages send credentials: the origins, and the requests asking (credentialedCopy).
  const publicCreds = new Map<Allow, { origins: Set<string>; ids: string[] }>();
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    if (!use) {
      p.cannot.set(spec.id, { key: "config.rack.cannot.no-cors" });
      continue;
    }
    try {
      if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
        if (p.move(use)) asked.push(spec.id);
        continue;
      }
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      if (!("hop" in fault)) {
        p.cannot.set(spec.id, fault);
        continue;
      }
      // A path Rack::Static above Rack::Cors answers itself: Rack::Cors goes first (rack-cors#32).
      if (servedAbove(use, pathOf(new URL(spec.url)))) {
        if (p.move(use)) asked.push(spec.id);
        continue;
      }
      // An answer of a middleware above Rack::Cors (a 401 to the preflight): Rack::Cors goes first.
      const status = fault.request.upstream?.status;
      if (use.gates.length > 0 && status != null && status >= 400) {
        if (p.move(use)) asked.push(spec.id);
        continue;
      }
      const path = pathOf(new URL(spec.url));
      const origin = spec.origin;
      const hit: Found | null = matchResource(use, path, origin);
      if (!hit) {
        // The first block with a resource for the path gets the origin; else the first block that
        // allows the origin gets a resource for the path.
        const covering = use.allows.find((a) => a.resources.some((r) => r.pattern?.test(path)));
        const allowing = use.allows.find((a) => allowsOrigin(a, origin));
        const done = covering
          ? p.origin(covering, origin)
          : allowing
            ? p.resource(allowing, path)
            : use.allows[0]
              ? p.origin(use.allows[0], origin)
              : false;
        if (done) asked.push(spec.id);
        else if (!p.cannot.has(spec.id))
          p.cannot.set(spec.id, { key: "config.rack.cannot.resource", params: { path } });
        continue;
      }
      const o = optionsOf(hit.resource);
      const w = wants.get(hit.resource) ?? { methods: new Set(), headers: new Set(), credentials: false };
      wants.set(hit.resource, w);
      const code = fault.cause.code;
      if (code === "allow-credentials-not-true" || code === "wildcard-origin-with-credentials") {
        // A later block that lists this origin and gives the path credentials, shadowed by this
        // one (rack-cors uses the first block whose origins and resource match, and falls through
        // to the next where the resource does not: lib/rack/cors.rb, match_resource): it goes first.
        const later = use.allows
          .slice(use.allows.indexOf(hit.allow) + 1)
          .find(
            (a) =>
              !a.public &&
              allowsOrigin(a, origin) &&
              a.resources.some(
                (r) => (pathMatches(r, path) || slashed(r, path)) && !r.public && optionsOf(r).credentials,
              ),
          );
        const kept = later ? shadowedOptions(later, hit.allow) : null;
        if (later && kept && p.raise(later, hit.allow)) {
          for (const r of later.resources) if (slashed(r, path)) p.unslash(r);
          for (const [r, w] of kept) {
            if (w.methods.length > 0) p.methods(r, w.methods);
            if (w.headers.length > 0) p.headers(r, w.headers);
          }
          asked.push(spec.id);
          continue;
        }
        if (hit.resource.public) {
          const c = publicCreds.get(hit.allow) ?? { origins: new Set<string>(), ids: [] };
          c.origins.add(origin);
          c.ids.push(spec.id);
          publicCreds.set(hit.allow, c);
          continue;
        }
        w.credentials = true;
        asked.push(spec.id);
        continue;
      }
      if (code === "missing-allow-origin" || code === "method-not-allowed" || code === "header-not-allowed") {
        const before = w.methods.size + w.headers.size;
        if (fault.hop.method === "OPTIONS" && !o.methods.includes(spec.method.toLowerCase()))
          w.methods.add(spec.method.toLowerCase());
        if (fault.hop.method === "OPTIONS" && o.headers !== "any")
          for (const h of unsafeNames(spec))
            if (!SIMPLE_HEADERS.includes(h.toLowerCase()) && !o.headers.includes(h.toLowerCase()))
              w.headers.add(h.toLowerCase());
        if (w.methods.size + w.headers.size === before && before === 0)
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
        else asked.push(spec.id);
        continue;
      }
      p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      p.cannot.set(spec.id, e.why);
    }
  }
  for (const [r, w] of wants) {
    if (w.methods.size > 0) p.methods(r, [...w.methods]);
    if (w.headers.size > 0) p.headers(r, [...w.headers]);
    if (w.credentials) p.credentials(r);
  }
  for (const [allow, c] of publicCreds) {
    if (p.credentialedCopy(allow, [...c.origins])) asked.push(...c.ids);
    else
      for (const id of c.ids)
        p.cannot.set(id, {
          key: "config.rack.cannot.public-credentials",
          params: { line: allow.origins?.line ?? allow.line },
        });
  }
  const why = p.cannotAll[0];
  if (why) for (const id of asked) if (!p.cannot.has(id)) p.cannot.set(id, why);
  return { edits: p.edits, cannot: p.cannot };
}
