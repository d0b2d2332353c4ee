/**
 * What Caddy answers one request with, from the Caddyfile alone: the site its address picks, the
 * routes of each block in Caddy's order (`handle` blocks mutually exclusive, `route` in the order
 * written), the matchers (https://caddyserver.com/docs/caddyfile/matchers), the `header` operations
 * (https://caddyserver.com/docs/caddyfile/directives/header: set, `+` add, `-` delete, `?` default,
 * `>` or `defer` applied when the response is written, in reverse order of the handlers since each
 * wraps the writer of the next), and the handler that answers: `respond`, `redir`, `error`,
 * `basicauth` (401), `reverse_proxy` (the upstream's answer, its `header_down` applied, then its
 * headers added to those already set: https://github.com/caddyserver/caddy/blob/master/modules/caddyhttp/reverseproxy/reverseproxy.go
 * `copyHeader`), `file_server`, or Caddy's empty 200 when none does. An error status (a handler's
 * error, not an upstream's answer) keeps the headers already set and loses the deferred ones.
 * Anything it cannot evaluate (an `expression` matcher, an environment value) makes the answer unknown.
 */
import { combinedHeader, type HeaderList } from "../../engine";
import type { Answer, HopRequest, Words } from "../types";
import { Unknown } from "../whatif";
import { CelUnknown, evaluateCel } from "./cel";
import type { Node, Token } from "./syntax";
import { type Address, type CaddyTree, DIRECTIVE_ORDER, INERT, type Site } from "./tree";

export type ScopeKind = "site" | "handle" | "handle_path" | "route";

export interface Scope {
  kind: ScopeKind;
  node: Node | null;
  nodes: Node[];
  parent: Scope | null;
  site: Site;
}

export type OpKind = "set" | "add" | "delete" | "default" | "replace";

/** One header operation: a `header` line (or a line of its block), or a `header_down` line. */
export interface Op {
  /** The line that holds it. */
  line: Node;
  /** The `header` or `reverse_proxy` directive it belongs to. */
  directive: Node;
  field: string;
  value: string;
  /** The field token (with its prefix) and the value token, for edits. */
  fieldToken: Token;
  valueToken: Token | null;
  replace: string | null;
  kind: OpKind;
  deferred: boolean;
  /** The `header` line's matcher token (null for none; header_down has none). */
  matcher: Token | null;
  /** The field written inside a `header … { }` block (a line that cannot take a matcher). */
  inBlock: boolean;
  down: boolean;
  scope: Scope;
}

const lower = (s: string) => s.toLowerCase();

export function scopeOf(site: Site): Scope {
  return { kind: "site", node: null, nodes: site.children, parent: null, site };
}

/** The matcher token of a directive: `*`, a path (`/…`) or `@name` as its first argument. */
export function matcherToken(n: Node): Token | null {
  const a = n.args[0];
  if (!a || a.quoted) return null;
  if (a.value === "*" || a.value.startsWith("/") || a.value.startsWith("@")) {
    // `redir /to` and `rewrite /to` with one argument: the path is the target, not a matcher.
    if ((n.name === "redir" || n.name === "rewrite") && n.args.length === 1) return null;
    // `respond /path` is a matcher only before a body or status.
    return a;
  }
  return null;
}

export function argsAfterMatcher(n: Node): Token[] {
  return matcherToken(n) ? n.args.slice(1) : n.args;
}

const isHeaderField = (n: Node) => !n.name.startsWith("@") && n.name !== "defer" && n.name !== "match";

/** A `header` directive's operations. */
export function headerOps(n: Node, scope: Scope): Op[] {
  const matcher = matcherToken(n);
  const args = argsAfterMatcher(n);
  const out: Op[] = [];
  // A `match` line makes the block's operations wait for the response (Caddy defers them).
  const deferAll = !!n.block?.children.some(
    (c) => (c.name === "defer" && c.args.length === 0) || c.name === "match",
  );
  const make = (line: Node, f: Token, rest: Token[], inBlock: boolean): Op => {
    let field = f.value;
    let kind: OpKind = "set";
    let deferred = deferAll;
    const prefix = field[0];
    if (prefix === "+") kind = "add";
    else if (prefix === "-") {
      kind = "delete";
      deferred = true;
    } else if (prefix === "?") {
      kind = "default";
      deferred = true;
    } else if (prefix === ">") deferred = true;
    if (prefix && "+-?>".includes(prefix)) field = field.slice(1);
    // Some write `Field:` as in HTTP; Caddy drops the colon.
    field = field.replace(/:$/, "");
    if (kind === "set" && rest.length >= 2) kind = "replace";
    return {
      line,
      directive: n,
      field,
      value: rest[0]?.value ?? "",
      fieldToken: f,
      valueToken: rest[0] ?? null,
      replace: kind === "replace" ? (rest[1]?.value ?? "") : null,
      kind,
      deferred,
      matcher,
      inBlock,
      down: false,
      scope,
    };
  };
  if (args[0]) out.push(make(n, args[0], args.slice(1), false));
  for (const c of n.block?.children ?? []) if (isHeaderField(c)) out.push(make(c, c.nameToken, c.args, true));
  return out;
}

/** A `reverse_proxy` block's `header_down` operations (applied to the upstream's headers). */
export function downOps(n: Node, scope: Scope): Op[] {
  const out: Op[] = [];
  for (const c of n.block?.children ?? []) {
    if (c.name !== "header_down" || !c.args[0]) continue;
    const f = c.args[0];
    let field = f.value;
    let kind: OpKind = "set";
    if (field.startsWith("+")) kind = "add";
    else if (field.startsWith("-")) kind = "delete";
    else if (field.startsWith("?")) kind = "default";
    if ("+-?>".includes(field[0] ?? "")) field = field.slice(1);
    if (kind === "set" && c.args.length >= 3) kind = "replace";
    out.push({
      line: c,
      directive: n,
      field,
      value: c.args[1]?.value ?? "",
      fieldToken: f,
      valueToken: c.args[1] ?? null,
      replace: kind === "replace" ? (c.args[2]?.value ?? "") : null,
      kind,
      deferred: false,
      matcher: null,
      inBlock: true,
      down: true,
      scope,
    });
  }
  return out;
}

/** Caddy's path matcher: case-insensitive, `*` anywhere (MatchPath in caddyhttp/matchers.go). */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i");
  return re.test(path);
}

/** A header matcher value: `*` alone (present), `*x` suffix, `x*` prefix, or exact. */
function valueMatches(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*") && pattern.endsWith("*") && pattern.length > 1)
    return value.includes(pattern.slice(1, -1));
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}

export interface St {
  request: HopRequest;
  url: URL;
  path: string;
  method: string;
  vars: Map<string, string>;
  headers: Array<{ name: string; value: string; op: Op | null }>;
  deferred: Op[][];
  /** Every header operation met on the way (applied or not), for the patcher. */
  seen: Array<{ op: Op; applied: boolean }>;
  scopes: Scope[];
  assumed: Words[];
}

function reqHeader(st: St, name: string): string {
  return combinedHeader(st.request.headers, name) ?? "";
}

/** A value with Caddy's request placeholders replaced; unknown ones throw when `strict`. */
export function placeholders(text: string, st: St, strict: boolean): string {
  return text.replace(/\{([^{}\s]+)\}/g, (all, key: string) => {
    const k = key;
    let m = /^(?:http\.request\.)?header\.(.+)$/i.exec(k);
    if (m) return reqHeader(st, m[1] as string);
    m = /^http\.vars\.(.+)$/.exec(k);
    if (m && st.vars.has(m[1] as string)) return st.vars.get(m[1] as string) as string;
    if (st.vars.has(k)) return st.vars.get(k) as string;
    switch (k) {
      case "method":
      case "http.request.method":
        return st.method;
      case "host":
      case "http.request.host":
        return st.url.hostname;
      case "hostport":
      case "http.request.hostport":
        return st.url.host;
      case "path":
      case "http.request.uri.path":
        return st.path;
      case "uri":
      case "http.request.uri":
        return st.path + st.url.search;
      case "query":
      case "http.request.uri.query":
        return st.url.search.replace(/^\?/, "");
      case "scheme":
      case "http.request.scheme":
        return st.url.protocol.replace(/:$/, "");
    }
    if (!strict) return all;
    if (k.startsWith("$")) throw new Unknown({ key: "config.caddy.unknown.env", params: { name: all } });
    throw new Unknown({ key: "config.caddy.unknown.placeholder", params: { name: all } });
  });
}

/** The named matcher `@name` visible from a scope (its own block first, then the enclosing ones). */
export function findMatcher(scope: Scope, name: string): Node | null {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const def = s.nodes.find((n) => n.name === name);
    if (def) return def;
  }
  return null;
}

/** The conditions of a named matcher: one `[type, args]` per line. */
export function matcherLines(def: Node): Array<{ type: string; args: Token[]; node: Node }> {
  if (def.block) return def.block.children.map((c) => ({ type: c.name, args: c.args, node: c }));
  const first = def.args[0];
  if (!first) return [];
  if (first.quoted) return [{ type: "expression", args: def.args, node: def }];
  return [{ type: first.value, args: def.args.slice(1), node: def }];
}

function linesMatch(lines: Array<{ type: string; args: Token[]; node: Node }>, st: St): boolean {
  const headerLines = lines.filter((l) => l.type === "header");
  // Header lines: each field must match; values of the same field across lines are alternatives.
  const fields = new Map<string, string[]>();
  for (const l of headerLines) {
    const f = l.args[0]?.value ?? "";
    fields.set(lower(f), [...(fields.get(lower(f)) ?? []), ...l.args.slice(1).map((a) => a.value)]);
  }
  for (const [f, values] of fields) {
    if (f.startsWith("!")) {
      if (reqHeader(st, f.slice(1)) !== "") return false;
      continue;
    }
    const present = st.request.headers.some(([n]) => lower(n) === f);
    if (!present) return false;
    const v = reqHeader(st, f);
    if (values.length > 0 && !values.some((p) => valueMatches(p, v))) return false;
  }
  for (const l of lines) {
    const vals = l.args.map((a) => a.value);
    switch (l.type) {
      case "header":
        break;
      case "method":
        if (!vals.some((v) => v.toUpperCase() === st.method.toUpperCase())) return false;
        break;
      case "path":
        if (!vals.some((p) => pathMatches(p, st.path))) return false;
        break;
      case "host":
        if (!vals.some((h) => hostMatches(h, st.url.hostname))) return false;
        break;
      case "protocol":
        if (!vals.some((p) => st.url.protocol.startsWith(lower(p)))) return false;
        break;
      case "not": {
        const inner = l.node.block
          ? l.node.block.children.map((c) => ({ type: c.name, args: c.args, node: c }))
          : [{ type: vals[0] ?? "", args: l.args.slice(1), node: l.node }];
        if (linesMatch(inner, st)) return false;
        break;
      }
      case "header_regexp":
      case "path_regexp": {
        const rest = l.type === "header_regexp" ? l.args : [{ value: "" } as Token, ...l.args];
        // `header_regexp [name] Field regex`, `path_regexp [name] regex`.
        const field = l.type === "header_regexp" ? (rest.length >= 3 ? rest[1] : rest[0])?.value : null;
        const source = rest.at(-1)?.value ?? "";
        let re: RegExp;
        try {
          re = new RegExp(source.replace(/^\(\?i\)/, ""), source.startsWith("(?i)") ? "i" : "");
        } catch {
          throw new Unknown({
            key: "config.caddy.unknown.matcher",
            params: { type: l.type, line: l.node.line },
          });
        }
        const subject = field ? reqHeader(st, field) : st.path;
        if (field && !st.request.headers.some(([n]) => lower(n) === lower(field))) return false;
        if (!re.test(subject)) return false;
        break;
      }
      case "expression":
        if (!expressionMatches(l.args, st)) return false;
        break;
      default:
        throw new Unknown({
          key: "config.caddy.unknown.matcher",
          params: { type: l.type, line: l.node.line },
        });
    }
  }
  return true;
}

/**
 * The CEL text of an `expression` matcher: one token as Caddy reads it (a backquoted expression), or
 * several joined with their quotes kept (Caddy's UnmarshalCaddyfile, `RemainingArgsRaw`).
 */
export function celText(args: readonly Token[]): string {
  if (args.length === 1) return (args[0] as Token).value;
  return args.map((a) => (a.quoted ? JSON.stringify(a.value) : a.value)).join(" ");
}

function expressionMatches(args: readonly Token[], st: St): boolean {
  try {
    return evaluateCel(celText(args), {
      placeholder: (name) => placeholders(`{${name}}`, st, true),
      method: () => st.method,
      path: () => st.path,
      host: () => st.url.hostname,
      scheme: () => st.url.protocol.replace(/:$/, ""),
      header: (name) =>
        st.request.headers.some(([n]) => lower(n) === lower(name)) ? reqHeader(st, name) : null,
      pathMatches,
      hostMatches,
      valueMatches,
    });
  } catch (error) {
    if (!(error instanceof CelUnknown)) throw error;
    throw new Unknown({
      key: "config.caddy.unknown.matcher",
      params: { type: "expression", line: args[0]?.line ?? 0 },
    });
  }
}

function hostMatches(pattern: string, host: string): boolean {
  const p = lower(pattern);
  if (p.startsWith("*.")) return host.endsWith(p.slice(1)) && !host.slice(0, -(p.length - 1)).includes(".");
  return p === lower(host);
}

export function matches(token: Token | null, scope: Scope, st: St): boolean {
  if (!token || token.value === "*") return true;
  if (token.value.startsWith("/")) return pathMatches(token.value, st.path);
  const def = findMatcher(scope, token.value);
  if (!def)
    throw new Unknown({
      key: "config.caddy.unknown.no-matcher",
      params: { name: token.value, line: token.line },
    });
  return linesMatch(matcherLines(def), st);
}

/** A route entry's path matcher patterns (for Caddy's sort of same-name directives). */
function pathPatterns(n: Node, scope: Scope): string[] {
  const m = matcherToken(n);
  if (!m) return [];
  if (m.value.startsWith("/")) return [m.value];
  if (m.value === "*") return [];
  const def = findMatcher(scope, m.value);
  if (!def) return [];
  return matcherLines(def)
    .filter((l) => l.type === "path")
    .flatMap((l) => l.args.map((a) => a.value));
}

/** The directives of a block as Caddy runs them. */
export function ordered(scope: Scope): Node[] {
  const handlers = scope.nodes.filter((n) => !n.name.startsWith("@") && !n.name.startsWith("("));
  if (scope.kind === "route") return handlers;
  const pos = (n: Node) => {
    const i = DIRECTIVE_ORDER.indexOf(n.name);
    return i < 0 ? DIRECTIVE_ORDER.length : i;
  };
  const routes = handlers.map((n) => ({
    n,
    p: pathPatterns(n, scope),
    has: !!matcherToken(n) && matcherToken(n)?.value !== "*",
  }));
  // Caddy 2.6's sortRoutes, as its adapter orders the same directive (checked with `caddy adapt` on
  // 2.6.2): a route with a matcher before one without; two with a path, the longer first; any other
  // pair keeps its order — so a `handle @m` whose matcher has no path (`method OPTIONS`, `header
  // Origin …`) stays where it is written, and no path route moves past it. Not a total order: sorted
  // the way Go's sort.SliceStable does it for a block (insertion, swapping while `less`).
  const less = (a: (typeof routes)[number], b: (typeof routes)[number]) => {
    const d = pos(a.n) - pos(b.n);
    if (d !== 0) return d < 0;
    if (a.has && !b.has) return true;
    if (a.p.length > 0 && b.p.length > 0) return (a.p[0] ?? "").length > (b.p[0] ?? "").length;
    return false;
  };
  for (let i = 1; i < routes.length; i++)
    for (
      let j = i;
      j > 0 && less(routes[j] as (typeof routes)[number], routes[j - 1] as (typeof routes)[number]);
      j--
    )
      [routes[j - 1], routes[j]] = [
        routes[j] as (typeof routes)[number],
        routes[j - 1] as (typeof routes)[number],
      ];
  return routes.map((x) => x.n);
}

function applyOp(st: St, op: Op, list: Array<{ name: string; value: string; op: Op | null }>): void {
  const name = lower(op.field);
  const strict = /^access-control-|^vary$/i.test(op.field);
  const value = () => placeholders(op.value, st, strict);
  const remove = (pred: (n: string) => boolean) => {
    for (let i = list.length - 1; i >= 0; i--)
      if (pred(lower((list[i] as { name: string }).name))) list.splice(i, 1);
  };
  switch (op.kind) {
    case "set": {
      const v = value();
      remove((n) => n === name);
      list.push({ name: op.field, value: v, op });
      break;
    }
    case "add":
      list.push({ name: op.field, value: value(), op });
      break;
    case "delete":
      if (name.endsWith("*")) remove((n) => n.startsWith(name.slice(0, -1)));
      else remove((n) => n === name);
      break;
    case "default":
      if (!list.some((h) => lower(h.name) === name)) list.push({ name: op.field, value: value(), op });
      break;
    case "replace": {
      const find = op.value;
      const to = placeholders(op.replace ?? "", st, strict);
      for (const h of list) if (lower(h.name) === name) h.value = h.value.split(find).join(to);
      break;
    }
  }
}

export interface Outcome {
  status: number;
  location: string | null;
  /** A handler's error (not an upstream's answer): deferred headers are not written. */
  error: boolean;
  fromUpstream: boolean;
  /** The directive that answered (null: Caddy's empty 200) and the block it is in. */
  terminal: Node | null;
  scope: Scope;
}

const UPSTREAM = new Set(["reverse_proxy", "php_fastcgi"]);

function statusArg(args: Token[]): number | null {
  const s = args.find((a) => /^\d{3}$/.test(a.value));
  return s ? Number(s.value) : null;
}

function run(scope: Scope, st: St): Outcome | null {
  st.scopes.push(scope);
  let handled = false;
  for (const n of ordered(scope)) {
    const grouped = n.name === "handle" || n.name === "handle_path";
    if (grouped && handled) continue;
    const mt = matcherToken(n);
    if (n.name === "header") {
      const ops = headerOps(n, scope);
      const ok = matches(mt, scope, st);
      for (const op of ops) st.seen.push({ op, applied: ok && !op.deferred });
      if (!ok) continue;
      const now = ops.filter((o) => !o.deferred);
      for (const op of now) applyOp(st, op, st.headers);
      const later = ops.filter((o) => o.deferred);
      if (later.length > 0) st.deferred.push(later);
      continue;
    }
    if (UPSTREAM.has(n.name)) for (const op of downOps(n, scope)) st.seen.push({ op, applied: false });
    if (INERT.has(n.name)) continue;
    if (!matches(mt, scope, st)) continue;
    const args = argsAfterMatcher(n);
    const end = (status: number, extra: Partial<Outcome> = {}): Outcome => ({
      status,
      location: null,
      error: false,
      fromUpstream: false,
      terminal: n,
      scope,
      ...extra,
    });
    switch (n.name) {
      case "map": {
        const source = placeholders(args[0]?.value ?? "", st, true);
        const dests = args.slice(1).map((a) => a.value.replace(/^\{|\}$/g, ""));
        let outs: string[] | null = null;
        let defaults: string[] = [];
        for (const e of n.block?.children ?? []) {
          const vals = e.args.map((a) => a.value);
          if (e.name === "default") defaults = vals;
          else if (outs === null) {
            const hit = e.name.startsWith("~") ? new RegExp(e.name.slice(1)).test(source) : e.name === source;
            if (hit) outs = vals;
          }
        }
        dests.forEach((d, i) => {
          const v = (outs ?? defaults)[i];
          if (v !== undefined && v !== "-") st.vars.set(d, placeholders(v, st, false));
        });
        break;
      }
      case "vars":
        if (args[0]) st.vars.set(args[0].value, placeholders(args[1]?.value ?? "", st, false));
        break;
      case "redir": {
        const to = placeholders(args[0]?.value ?? "", st, false);
        const code = args[1]?.value ?? "302";
        const status =
          code === "permanent"
            ? 301
            : code === "temporary"
              ? 302
              : code === "html"
                ? 200
                : Number(code) || 302;
        return end(status, { location: to });
      }
      case "method":
        if (args[0]) st.method = args[0].value.toUpperCase();
        break;
      case "rewrite": {
        const to = placeholders(args[0]?.value ?? "", st, false);
        if (to.includes("{"))
          throw new Unknown({ key: "config.caddy.unknown.rewrite", params: { line: n.line } });
        st.path = to.split("?")[0] as string;
        break;
      }
      case "uri": {
        const [op, a, b] = args.map((x) => x.value);
        if (op === "strip_prefix" && a && st.path.startsWith(a)) st.path = st.path.slice(a.length) || "/";
        else if (op === "strip_suffix" && a && st.path.endsWith(a)) st.path = st.path.slice(0, -a.length);
        else if (op === "replace" && a !== undefined) st.path = st.path.split(a).join(b ?? "");
        break;
      }
      case "basicauth":
      case "basic_auth":
        if (reqHeader(st, "authorization") === "") return end(401, { error: true });
        break;
      case "handle":
      case "handle_path":
      case "route": {
        handled ||= grouped;
        const saved = st.path;
        if (n.name === "handle_path" && mt?.value.startsWith("/")) {
          const prefix = mt.value.replace(/\*$/, "").replace(/\/$/, "");
          if (st.path.toLowerCase().startsWith(prefix.toLowerCase()))
            st.path = st.path.slice(prefix.length) || "/";
        }
        const inner = run(
          { kind: n.name, node: n, nodes: n.block?.children ?? [], parent: scope, site: scope.site },
          st,
        );
        if (inner) return inner;
        st.path = saved;
        break;
      }
      case "error":
        return end(statusArg(args) ?? 500, { error: true });
      case "respond":
        return end(statusArg(args) ?? 200);
      case "reverse_proxy":
      case "php_fastcgi": {
        if (n.block?.children.some((c) => c.name === "handle_response" || c.name.startsWith("@")))
          throw new Unknown({ key: "config.caddy.unknown.handle-response", params: { line: n.line } });
        const recorded = st.request.upstream?.status;
        let status: number;
        if (recorded !== undefined && recorded !== null) status = recorded;
        else if (st.method === "OPTIONS")
          throw new Unknown({ key: "config.caddy.unknown.upstream-options", params: { path: st.path } });
        else {
          status = 200;
          st.assumed.push({
            key: "config.caddy.assumed.upstream-200",
            params: { method: st.method, path: st.path },
          });
        }
        const up: Array<{ name: string; value: string; op: Op | null }> = (
          st.request.upstream?.headers ?? []
        ).map(([name, value]) => ({ name, value, op: null }));
        for (const op of downOps(n, scope)) {
          applyOp(st, op, up);
          const seen = st.seen.find((s) => s.op.line === op.line);
          if (seen) seen.applied = true;
        }
        st.headers.push(...up);
        return end(status, { fromUpstream: true });
      }
      case "file_server": {
        const recorded = st.request.upstream?.status;
        if (recorded !== undefined && recorded !== null)
          return end(recorded, { fromUpstream: true, error: recorded >= 400 });
        if (st.method !== "GET" && st.method !== "HEAD")
          throw new Unknown({
            key: "config.caddy.unknown.file-method",
            params: { method: st.method, path: st.path },
          });
        st.assumed.push({ key: "config.assumed.static-200", params: { path: st.path } });
        return end(200);
      }
      case "abort":
        throw new Unknown({ key: "config.caddy.unknown.abort", params: { line: n.line } });
      default:
        throw new Unknown({ key: "config.caddy.unknown.directive", params: { name: n.name, line: n.line } });
    }
  }
  return null;
}

function defaultPort(scheme: string | null, host: string | null): number {
  if (scheme === "http") return 80;
  if (scheme === "https") return 443;
  return host === null ? 80 : 443;
}

/** The site a URL reaches: the port, then the exact host, a wildcard host, a site for any host. */
export function findSite(tree: CaddyTree, url: URL): Site | null {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const scheme = url.protocol.replace(/:$/, "");
  // No scheme: HTTPS for an address with a host (unless on port 80), HTTP for `:port` alone
  // (https://caddyserver.com/docs/caddyfile/concepts#addresses).
  const implied = (a: Address) =>
    a.scheme ?? (a.host !== null && (a.port ?? defaultPort(null, a.host)) !== 80 ? "https" : "http");
  const candidates = tree.sites.flatMap((s) =>
    s.addresses
      .filter((a) => (a.port ?? defaultPort(a.scheme, a.host)) === port)
      .filter((a) => implied(a) === scheme)
      .filter((a) => a.path === null || pathMatches(a.path, url.pathname))
      .map((a) => ({ s, a })),
  );
  return (
    candidates.find((c) => c.a.host === host)?.s ??
    candidates.find((c) => c.a.host?.startsWith("*.") && hostMatches(c.a.host, host))?.s ??
    candidates.find((c) => c.a.host === null)?.s ??
    null
  );
}

export interface Rendered {
  status: number;
  headers: Array<{ name: string; value: string; op: Op | null }>;
  outcome: Outcome;
  st: St;
  fromUpstream: boolean;
  assumed: Words[];
}

export function render(tree: CaddyTree, request: HopRequest): Rendered {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  const site = findSite(tree, url);
  if (!site) throw new Unknown({ key: "config.caddy.unknown.no-site" });
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  const st: St = {
    request,
    url,
    path,
    method: request.method.toUpperCase(),
    vars: new Map(),
    headers: [],
    deferred: [],
    seen: [],
    scopes: [],
    assumed: [],
  };
  const root = scopeOf(site);
  const outcome: Outcome = run(root, st) ?? {
    status: 200,
    location: null,
    error: false,
    fromUpstream: false,
    terminal: null,
    scope: st.scopes.at(-1) ?? root,
  };
  if (outcome.error && site.children.some((n) => n.name === "handle_errors"))
    throw new Unknown({ key: "config.caddy.unknown.handle-errors", params: { status: outcome.status } });
  if (!outcome.error)
    for (let i = st.deferred.length - 1; i >= 0; i--)
      for (const op of st.deferred[i] ?? []) {
        applyOp(st, op, st.headers);
        const seen = st.seen.find((s) => s.op === op);
        if (seen) seen.applied = true;
      }
  if (outcome.location !== null) st.headers.push({ name: "Location", value: outcome.location, op: null });
  return {
    status: outcome.status,
    headers: st.headers,
    outcome,
    st,
    fromUpstream: outcome.fromUpstream,
    assumed: st.assumed,
  };
}

export function answer(tree: CaddyTree, request: HopRequest): Answer {
  try {
    const r = render(tree, request);
    const headers: HeaderList = r.headers.map((h) => [h.name, h.value] as [string, string]);
    return { kind: "known", status: r.status, headers, fromUpstream: r.fromUpstream, assumed: r.assumed };
  } catch (e) {
    if (e instanceof Unknown) return { kind: "unknown", why: e.why };
    throw e;
  }
}

/** Every header operation of a site, in every block, `header_down` included. */
export function allOps(site: Site): Op[] {
  const out: Op[] = [];
  const walk = (scope: Scope) => {
    for (const n of scope.nodes) {
      if (n.name === "header") out.push(...headerOps(n, scope));
      if (n.name === "reverse_proxy" || n.name === "php_fastcgi") out.push(...downOps(n, scope));
      if ((n.name === "handle" || n.name === "handle_path" || n.name === "route") && n.block)
        walk({ kind: n.name, node: n, nodes: n.block.children, parent: scope, site: scope.site });
    }
  };
  walk(scopeOf(site));
  return out;
}
