/**
 * What nginx answers one request with, from the configuration alone: the server and location it
 * picks, the rewrite phase (`if`, `set`, `return`, `rewrite`), the access phase (`deny`,
 * `auth_basic`, `auth_request`, `limit_except`), the content (a `return`, the upstream, static
 * files) and the headers the header filter adds. The phases as nginx runs them:
 * https://nginx.org/en/docs/dev/development_guide.html#http_phases ; location choice:
 * https://nginx.org/en/docs/http/ngx_http_core_module.html#location ; `if` makes its block the
 * request's configuration (https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#if).
 * Anything it cannot evaluate (a variable it does not know, a file test) makes the answer unknown.
 */
import { combinedHeader, type HeaderList } from "../../engine";
import type { Answer, HopRequest, Words } from "../types";
import type { Directive } from "./syntax";
import { type Ctx, hasOwn, inheritedLevel, inheritedScalar, type NginxTree, own } from "./tree";

/** Statuses `add_header` applies to without `always` (ngx_http_headers_filter_module.c). */
export const ADD_HEADER_STATUSES: ReadonlySet<number> = new Set([
  200, 201, 204, 206, 301, 302, 303, 304, 307, 308,
]);

import { Unknown } from "../whatif";

/** nginx's PCRE regex as a JavaScript one; null where the syntax differs. */
export function nginxRegex(source: string, caseless: boolean): RegExp | null {
  let s = source;
  let flags = caseless ? "i" : "";
  if (s.startsWith("(?i)")) {
    s = s.slice(4);
    flags = "i";
  }
  s = s.replace(/\(\?P</g, "(?<");
  try {
    return new RegExp(s, flags);
  } catch {
    return null;
  }
}

export interface State {
  request: HopRequest;
  url: URL;
  uri: string;
  vars: Map<string, string>;
  captures: string[];
  tree: NginxTree;
}

function header(req: HopRequest, name: string): string | null {
  return combinedHeader(req.headers, name);
}

/** The value of one variable, or Unknown. */
function variable(name: string, st: State): string {
  const lower = name.toLowerCase();
  if (/^\d$/.test(name)) return st.captures[Number(name)] ?? "";
  if (st.vars.has(name)) return st.vars.get(name) as string;
  if (lower.startsWith("http_")) return header(st.request, lower.slice(5).replace(/_/g, "-")) ?? "";
  if (lower.startsWith("cookie_")) {
    const cookie = header(st.request, "cookie") ?? "";
    const m = new RegExp(`(?:^|;\\s*)${lower.slice(7)}=([^;]*)`).exec(cookie);
    return m?.[1] ?? "";
  }
  if (lower.startsWith("arg_")) return st.url.searchParams.get(name.slice(4)) ?? "";
  switch (lower) {
    case "request_method":
      return st.request.method;
    case "uri":
    case "document_uri":
      return st.uri;
    case "request_uri":
      return st.url.pathname + st.url.search;
    case "args":
    case "query_string":
      return st.url.search.replace(/^\?/, "");
    case "is_args":
      return st.url.search ? "?" : "";
    case "scheme":
      return st.url.protocol.replace(/:$/, "");
    case "host":
      return st.url.hostname;
    case "content_type":
      return header(st.request, "content-type") ?? "";
  }
  const map = st.tree.maps.get(name);
  if (map) return mapValue(map, st);
  throw new Unknown({ key: "config.unknown.variable", params: { name: `$${name}` } });
}

/** A value with variables (`"$http_origin"`, `"${scheme}://x"`) evaluated. */
export function evaluate(text: string, st: State): string {
  return text.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_m, a: string | undefined, b: string | undefined) =>
    variable((a ?? b) as string, st),
  );
}

/**
 * A `map` block, indexed once (a tree is not changed once built): exact keys (the first of a key
 * wins), regexes in order, and the first entry nginx would refuse to evaluate. A map of hundreds of
 * origins is then one lookup per request, as nginx's own hash is.
 */
interface MapIndex {
  hostnames: boolean;
  exact: Map<string, { value: string; pos: number }>;
  regexes: Array<[RegExp, string]>;
  fallback: string | null;
  /** The first `include` or unreadable regex, and where it stands among the entries. */
  refusal: { pos: number; why: Words } | null;
}

const MAPS = new WeakMap<Directive, MapIndex>();

function mapIndex(map: Directive): MapIndex {
  let index = MAPS.get(map);
  if (index) return index;
  const entries = map.block?.children ?? [];
  const hostnames = entries.some((d) => d.name === "hostnames");
  index = { hostnames, exact: new Map(), regexes: [], fallback: null, refusal: null };
  entries.forEach((d, pos) => {
    const i = index as MapIndex;
    if (d.name === "hostnames" || d.name === "volatile" || i.refusal) return;
    if (d.name === "include") {
      i.refusal = { pos, why: { key: "config.unknown.map-include", params: { line: d.line } } };
      return;
    }
    const key = d.name;
    const value = d.args[0]?.value ?? "";
    if (key === "default") {
      i.fallback = value;
      return;
    }
    if (key.startsWith("~")) {
      const caseless = key.startsWith("~*");
      const re = nginxRegex(key.slice(caseless ? 2 : 1), caseless);
      if (!re)
        i.refusal = { pos, why: { key: "config.unknown.regex", params: { regex: key, line: d.line } } };
      else i.regexes.push([re, value]);
      return;
    }
    const plain = key.startsWith("\\") ? key.slice(1) : key;
    const k = hostnames ? plain.toLowerCase() : plain;
    if (!i.exact.has(k)) i.exact.set(k, { value, pos });
  });
  MAPS.set(map, index);
  return index;
}

function mapValue(map: Directive, st: State): string {
  const source = evaluate(map.args[0]?.value ?? "", st);
  const index = mapIndex(map);
  const hit = index.exact.get(index.hostnames ? source.toLowerCase() : source);
  // Entries are read in order: one nginx cannot evaluate, before the matching key, stops the answer.
  if (index.refusal && (!hit || index.refusal.pos < hit.pos)) throw new Unknown(index.refusal.why);
  if (hit) return evaluate(hit.value, st);
  for (const [re, value] of index.regexes) {
    const m = re.exec(source);
    if (m) {
      const saved = st.captures;
      st.captures = [...m].map((x) => x ?? "");
      try {
        return evaluate(value, st);
      } finally {
        st.captures = saved;
      }
    }
  }
  return index.fallback === null ? "" : evaluate(index.fallback, st);
}

/** The words of an `if` condition with the parentheses nginx strips. */
export function conditionWords(d: Directive): { words: string[]; quoted: boolean[] } {
  const words = d.args.map((a) => a.value);
  const quoted = d.args.map((a) => a.quoted);
  if (words.length > 0) {
    words[0] = (words[0] as string).replace(/^\(/, "");
    const last = words.length - 1;
    if (!quoted[last]) words[last] = (words[last] as string).replace(/\)$/, "");
  }
  if (words[0] === "") {
    words.shift();
    quoted.shift();
  }
  if (words.at(-1) === "" && !quoted.at(-1)) {
    words.pop();
    quoted.pop();
  }
  return { words, quoted };
}

function condition(d: Directive, st: State): boolean {
  const { words } = conditionWords(d);
  const [a, op, b] = words;
  if (a === undefined) return false;
  if (/^!?-[fdex]$/.test(a))
    throw new Unknown({ key: "config.unknown.file-test", params: { test: a, line: d.line } });
  const left = evaluate(a, st);
  if (op === undefined) return left !== "" && left !== "0";
  const right = b ?? "";
  switch (op) {
    case "=":
      return left === evaluate(right, st);
    case "!=":
      return left !== evaluate(right, st);
    case "~":
    case "~*":
    case "!~":
    case "!~*": {
      const re = nginxRegex(right, op.endsWith("*"));
      if (!re) throw new Unknown({ key: "config.unknown.regex", params: { regex: right, line: d.line } });
      const m = re.exec(left);
      if (m) st.captures = [...m].map((x) => x ?? "");
      return op.startsWith("!") ? !m : !!m;
    }
  }
  throw new Unknown({ key: "config.unknown.condition", params: { line: d.line } });
}

export type Flow =
  | { kind: "return"; status: number; location: string | null; ctx: Ctx }
  | { kind: "next"; ctx: Ctx; uri: string | null; stop: boolean };

function childFor(ctx: Ctx, d: Directive): Ctx {
  const child = ctx.children.find((c) => c.directive === d);
  if (!child) throw new Unknown({ key: "config.unknown.condition", params: { line: d.line } });
  return child;
}

/** The rewrite module's directives of one context, in order (`if` bodies inline). */
export function rewritePhase(ctx: Ctx, st: State): Flow {
  let current = ctx;
  let newUri: string | null = null;
  const run = (items: Directive[], here: Ctx): Flow | null => {
    for (const d of items) {
      switch (d.name) {
        case "set":
          st.vars.set((d.args[0]?.value ?? "").replace(/^\$/, ""), evaluate(d.args[1]?.value ?? "", st));
          break;
        case "break":
          return { kind: "next", ctx: current, uri: newUri, stop: true };
        case "return": {
          const first = d.args[0]?.value ?? "";
          if (/^\d{3}$/.test(first)) {
            const status = Number(first);
            const target = d.args[1] ? evaluate(d.args[1].value, st) : null;
            const redirect = [301, 302, 303, 307, 308].includes(status);
            return { kind: "return", status, location: redirect ? target : null, ctx: current };
          }
          return { kind: "return", status: 302, location: evaluate(first, st), ctx: current };
        }
        case "rewrite": {
          const re = nginxRegex(d.args[0]?.value ?? "", false);
          if (!re)
            throw new Unknown({
              key: "config.unknown.regex",
              params: { regex: d.args[0]?.value, line: d.line },
            });
          const m = re.exec(st.uri);
          if (!m) break;
          st.captures = [...m].map((x) => x ?? "");
          const replaced = evaluate(d.args[1]?.value ?? "", st);
          const flag = d.args[2]?.value ?? "";
          if (
            /^(https?:\/\/|\$scheme)/.test(d.args[1]?.value ?? "") ||
            flag === "redirect" ||
            flag === "permanent"
          ) {
            return {
              kind: "return",
              status: flag === "permanent" ? 301 : 302,
              location: replaced,
              ctx: current,
            };
          }
          newUri = replaced.split("?")[0] as string;
          st.uri = newUri;
          if (flag === "last" || flag === "break")
            return { kind: "next", ctx: current, uri: newUri, stop: flag === "break" };
          break;
        }
        case "if": {
          const child = childFor(here, d);
          if (condition(d, st)) {
            current = child;
            const inner = run(d.block?.children ?? [], child);
            if (inner) return inner;
          }
          break;
        }
      }
    }
    return null;
  };
  return run(rewriteItems(ctx), ctx) ?? { kind: "next", ctx: current, uri: newUri, stop: false };
}

const REWRITE_NAMES = new Set(["set", "break", "return", "rewrite", "if"]);
const REWRITE_ITEMS = new WeakMap<Ctx, Directive[]>();

/** A context's rewrite-module directives in order, found once (a server's items are mostly locations). */
function rewriteItems(ctx: Ctx): Directive[] {
  let items = REWRITE_ITEMS.get(ctx);
  if (!items) {
    items = ctx.items.filter((d) => REWRITE_NAMES.has(d.name));
    REWRITE_ITEMS.set(ctx, items);
  }
  return items;
}

/**
 * A context's locations, indexed once (a tree is not changed once built): exact paths, prefix paths
 * (the first of a path wins, as in file order), regexes compiled in order. Longest-prefix matching
 * then looks up the URI's own prefixes instead of testing every location (nginx itself keeps a
 * tree of them: ngx_http_init_static_location_trees in ngx_http.c).
 */
interface LocationIndex {
  exact: Map<string, Ctx>;
  prefix: Map<string, Ctx>;
  /** Every prefix path's length, longest first (the URI's prefixes worth looking up). */
  prefixLengths: number[];
  regexes: Array<{ ctx: Ctx; re: RegExp | null; path: string }>;
  /** Each location's place in the file, for rules that take the first in order. */
  order: Map<Ctx, number>;
}

const LOCATIONS = new WeakMap<Ctx, LocationIndex>();

function locationIndex(container: Ctx): LocationIndex {
  let index = LOCATIONS.get(container);
  if (index) return index;
  index = { exact: new Map(), prefix: new Map(), prefixLengths: [], regexes: [], order: new Map() };
  const lengths = new Set<number>();
  for (const l of container.children) {
    if (l.kind !== "location" || !l.match) continue;
    const { modifier, path } = l.match;
    index.order.set(l, index.order.size);
    if (modifier === "=") {
      if (!index.exact.has(path)) index.exact.set(path, l);
    } else if (modifier === "" || modifier === "^~") {
      if (!path.startsWith("@") && !index.prefix.has(path)) {
        index.prefix.set(path, l);
        lengths.add(path.length);
      }
    } else if (modifier === "~" || modifier === "~*")
      index.regexes.push({ ctx: l, re: nginxRegex(path, modifier === "~*"), path });
  }
  index.prefixLengths = [...lengths].sort((a, b) => b - a);
  LOCATIONS.set(container, index);
  return index;
}

/**
 * The named location a location's own `try_files` falls back to (`try_files $uri @app`), if any
 * (try_files is not inherited: ngx_http_core_merge_loc_conf does not merge it).
 */
function tryFilesFallback(server: Ctx, loc: Ctx): Ctx | null {
  const last = own(loc, "try_files")[0]?.args.at(-1)?.value;
  if (!last?.startsWith("@")) return null;
  return server.children.find((l) => l.kind === "location" && l.match?.path === last) ?? null;
}

/** The location nginx picks for a URI among a server's (or a location's nested) locations. */
export function findLocation(container: Ctx, uri: string): Ctx | null {
  const index = locationIndex(container);
  const exact = index.exact.get(uri);
  if (exact) return exact;
  let prefix: Ctx | null = null;
  for (const n of index.prefixLengths) {
    if (n > uri.length) continue;
    prefix = index.prefix.get(uri.slice(0, n)) ?? null;
    if (prefix) break;
  }
  let candidate: Ctx | null = prefix;
  if (prefix) {
    const inner = findLocation(prefix, uri);
    if (inner) candidate = inner;
    if (prefix.match?.modifier === "^~") return candidate;
  }
  for (const { ctx: l, re, path } of index.regexes) {
    if (!re)
      throw new Unknown({
        key: "config.unknown.regex",
        params: { regex: path, line: l.directive?.line ?? 0 },
      });
    if (re.test(uri)) return findLocation(l, uri) ?? l;
  }
  return candidate;
}

/**
 * A prefix location ending in "/" served by an upstream answers the same path without the slash
 * with a 301 to it, before any rewrite (https://nginx.org/en/docs/http/ngx_http_core_module.html#location,
 * "auto_redirect" in ngx_http_core_module.c); an exact location for that path prevents it.
 */
function autoRedirect(container: Ctx, uri: string): Ctx | null {
  const index = locationIndex(container);
  if (index.exact.has(uri)) return null;
  // The prefix locations that can answer, in file order: `uri/` itself, and those `uri` starts with.
  const candidates: Ctx[] = [];
  const slashed = index.prefix.get(`${uri}/`);
  if (slashed) candidates.push(slashed);
  for (const n of index.prefixLengths) {
    const l = n <= uri.length ? index.prefix.get(uri.slice(0, n)) : undefined;
    if (l) candidates.push(l);
  }
  candidates.sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));
  for (const l of candidates) {
    const m = l.match as { modifier: string; path: string };
    if (m.path === `${uri}/` && hasUpstream(l)) return l;
    if (uri.startsWith(m.path)) {
      const inner = autoRedirect(l, uri);
      if (inner) return inner;
    }
  }
  return null;
}

const UPSTREAM_NAMES = ["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass"];

/** The context hands requests to an upstream (`proxy_pass` and its kin). */
function hasUpstream(ctx: Ctx): boolean {
  return hasOwn(ctx, ...UPSTREAM_NAMES);
}

function listenPorts(server: Ctx): Array<{ port: number; defaultServer: boolean }> {
  return own(server, "listen").map((d) => {
    const a = d.args[0]?.value ?? "80";
    const m = /:(\d+)$/.exec(a) ?? /^(\d+)$/.exec(a);
    return { port: m ? Number(m[1]) : 80, defaultServer: d.args.some((x) => x.value === "default_server") };
  });
}

function nameMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith("~")) return nginxRegex(pattern.slice(1), true)?.test(host) ?? false;
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
  if (pattern.endsWith(".*")) return host.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith(".")) return host === pattern.slice(1) || host.endsWith(pattern);
  return pattern.toLowerCase() === host.toLowerCase();
}

/** The server block for a URL: the listening port, then the name, then the default server. */
export function findServer(tree: NginxTree, url: URL): Ctx | null {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const onPort = tree.servers.filter((s) => {
    const ports = listenPorts(s);
    return ports.length === 0 ? port === 80 : ports.some((p) => p.port === port);
  });
  const pool = onPort.length > 0 ? onPort : tree.servers;
  const named = pool.find((s) =>
    own(s, "server_name").some((d) => d.args.some((a) => nameMatches(a.value, url.hostname))),
  );
  if (named) return named;
  return pool.find((s) => listenPorts(s).some((p) => p.defaultServer)) ?? pool[0] ?? null;
}

/** Where the request ends: its status and configuration context, and whether the upstream answered. */
interface Outcome {
  status: number;
  location: string | null;
  ctx: Ctx;
  fromUpstream: boolean;
  assumed: Words[];
}

/**
 * The `limit_except` block a request's method falls into, if any: nginx then runs the request with
 * that block's configuration (ngx_http_update_location_config), so the location's own `if`s and
 * `return`s do not run for it (the rewrite module does not inherit them).
 */
export function limitExceptFor(loc: Ctx, method: string): Ctx | null {
  for (const le of loc.children.filter((c) => c.kind === "limit_except")) {
    const allowed = (le.directive?.args ?? []).map((a) => a.value.toUpperCase());
    if (allowed.includes("GET")) allowed.push("HEAD");
    if (!allowed.includes(method.toUpperCase())) return le;
  }
  return null;
}

function accessRules(ctx: Ctx, st: State): number | null {
  const rules: Directive[] = [];
  for (let c: Ctx | null = ctx; c && rules.length === 0; c = c.parent)
    if (hasOwn(c, "allow", "deny"))
      rules.push(...c.items.filter((d) => d.name === "allow" || d.name === "deny"));
  const first = rules[0];
  if (first) {
    if (first.name === "deny" && first.args[0]?.value === "all") return 403;
    if (!(first.name === "allow" && first.args[0]?.value === "all"))
      throw new Unknown({ key: "config.unknown.address-rule", params: { line: first.line } });
  }
  const basic = inheritedScalar(ctx, "auth_basic");
  if (basic && basic.args[0]?.value !== "off" && header(st.request, "authorization") === null) return 401;
  const sub = inheritedScalar(ctx, "auth_request");
  if (sub && sub.args[0]?.value !== "off") {
    const recorded = st.request.upstream?.status;
    if (recorded === 401 || recorded === 403) return recorded;
    if (recorded === undefined || recorded === null)
      throw new Unknown({ key: "config.unknown.auth-request", params: { line: sub.line } });
  }
  return null;
}

function contentPhase(loc: Ctx, cur: Ctx, st: State): Outcome {
  const upstream = hasUpstream(cur) || hasUpstream(loc);
  const method = st.request.method.toUpperCase();
  if (upstream) {
    const recorded = st.request.upstream?.status;
    if (recorded !== undefined && recorded !== null)
      return { status: recorded, location: null, ctx: cur, fromUpstream: true, assumed: [] };
    if (method === "OPTIONS")
      throw new Unknown({ key: "config.unknown.upstream-options", params: { path: st.uri } });
    return {
      status: 200,
      location: null,
      ctx: cur,
      fromUpstream: true,
      assumed: [{ key: "config.assumed.upstream-200", params: { method, path: st.uri } }],
    };
  }
  // The static module serves GET and HEAD only (405 otherwise); POST to a file is 405 too
  // (ngx_http_static_module.c). Whether the file exists is not in the configuration.
  if (method !== "GET" && method !== "HEAD")
    return { status: 405, location: null, ctx: cur, fromUpstream: false, assumed: [] };
  // A recorded answer says whether the file was there (a 404 without `always` loses CORS headers).
  const recorded = st.request.upstream?.status;
  if (recorded !== undefined && recorded !== null)
    return { status: recorded, location: null, ctx: cur, fromUpstream: true, assumed: [] };
  return {
    status: 200,
    location: null,
    ctx: cur,
    fromUpstream: false,
    assumed: [{ key: "config.assumed.static-200", params: { path: st.uri } }],
  };
}

function errorPage(ctx: Ctx, status: number): Directive | null {
  for (let c: Ctx | null = ctx; c; c = c.parent) {
    const pages = own(c, "error_page");
    if (pages.length > 0)
      return pages.find((d) => d.args.slice(0, -1).some((a) => a.value === String(status))) ?? null;
  }
  return null;
}

/** Where the request ends up, before the header filter. */
export function route(tree: NginxTree, request: HopRequest): Outcome & { st: State } {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  const server = findServer(tree, url);
  if (!server) throw new Unknown({ key: "config.unknown.no-server" });
  let uri: string;
  try {
    uri = decodeURIComponent(url.pathname);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  const st: State = {
    request,
    url,
    uri,
    vars: new Map(),
    captures: [],
    tree,
  };
  const done = (o: Outcome) => ({ ...o, st });
  const atServer = rewritePhase(server, st);
  if (atServer.kind === "return")
    return done({
      status: atServer.status,
      location: atServer.location,
      ctx: atServer.ctx,
      fromUpstream: false,
      assumed: [],
    });
  for (let round = 0; round < 10; round++) {
    const redirect = autoRedirect(server, st.uri);
    if (redirect)
      return done({
        status: 301,
        location: `${st.uri}/${st.url.search}`,
        ctx: redirect,
        fromUpstream: false,
        assumed: [],
      });
    const loc = findLocation(server, st.uri);
    if (!loc) {
      // No location: the server's own configuration serves static files.
      return done(contentPhase(server, atServer.ctx, st));
    }
    const limited = limitExceptFor(loc, st.request.method);
    const flow = rewritePhase(limited ?? loc, st);
    if (flow.kind === "return")
      return done({
        status: flow.status,
        location: flow.location,
        ctx: flow.ctx,
        fromUpstream: false,
        assumed: [],
      });
    if (flow.uri !== null && !flow.stop) continue;
    const denied = accessRules(limited ?? loc, st);
    if (denied !== null)
      return done({ status: denied, location: null, ctx: flow.ctx, fromUpstream: false, assumed: [] });
    const named = tryFilesFallback(server, loc);
    if (named) {
      // `try_files $uri … @name`: whether a file matches is not in the configuration; an API path is
      // taken as none (assumed, said), and the named location answers, with its own add_header
      // level: the location's headers do not follow an internal redirect
      // (https://nginx.org/en/docs/http/ngx_http_core_module.html#try_files).
      const assumed: Words = {
        key: "config.assumed.try-files",
        params: { path: st.uri, name: named.match?.path ?? "" },
      };
      const inner = rewritePhase(named, st);
      if (inner.kind === "return")
        return done({
          status: inner.status,
          location: inner.location,
          ctx: inner.ctx,
          fromUpstream: false,
          assumed: [assumed],
        });
      const refused = accessRules(named, st);
      if (refused !== null)
        return done({
          status: refused,
          location: null,
          ctx: inner.ctx,
          fromUpstream: false,
          assumed: [assumed],
        });
      const o = contentPhase(named, inner.ctx, st);
      return done({ ...o, assumed: [assumed, ...o.assumed] });
    }
    return done(contentPhase(loc, flow.ctx, st));
  }
  throw new Unknown({ key: "config.unknown.rewrite-loop" });
}

export interface AddHeader {
  directive: Directive;
  name: string;
  value: string;
  always: boolean;
}

export function addHeaders(level: Ctx | null): AddHeader[] {
  if (!level) return [];
  return own(level, "add_header").map((d) => ({
    directive: d,
    name: d.args[0]?.value ?? "",
    value: d.args[1]?.value ?? "",
    always: d.args[2]?.value === "always",
  }));
}

/** The CORS-relevant headers a response carries: `Access-Control-*` and `Vary`. */
export function corsRelevant(name: string): boolean {
  return /^access-control-|^vary$/i.test(name);
}

export interface Rendered {
  status: number;
  headers: HeaderList;
  ctx: Ctx;
  level: Ctx | null;
  fromUpstream: boolean;
  assumed: Words[];
}

/** The whole answer: the outcome and the headers nginx adds (and lets through from the upstream). */
export function render(tree: NginxTree, request: HopRequest): Rendered {
  const outcome = route(tree, request);
  const page = outcome.status >= 300 ? errorPage(outcome.ctx, outcome.status) : null;
  if (page)
    throw new Unknown({
      key: "config.unknown.error-page",
      params: { line: page.line, status: outcome.status },
    });
  // headers-more (`more_set_headers`) is a third-party module with its own rules: not modelled.
  for (let c: Ctx | null = outcome.ctx; c; c = c.parent) {
    const more = hasOwn(c, "more_set_headers", "more_clear_headers")
      ? c.items.find((d) => d.name === "more_set_headers" || d.name === "more_clear_headers")
      : undefined;
    if (more) throw new Unknown({ key: "config.unknown.headers-more", params: { line: more.line } });
  }
  const headers: Array<[string, string]> = [];
  if (outcome.location !== null) headers.push(["Location", outcome.location]);
  if (outcome.fromUpstream) {
    const hiddenLevel = inheritedLevel(outcome.ctx, "proxy_hide_header");
    const hidden = new Set(
      (hiddenLevel ? own(hiddenLevel, "proxy_hide_header") : []).map((d) =>
        (d.args[0]?.value ?? "").toLowerCase(),
      ),
    );
    for (const [n, v] of request.upstream?.headers ?? [])
      if (!hidden.has(n.toLowerCase())) headers.push([n, v]);
  }
  const level = inheritedLevel(outcome.ctx, "add_header");
  const st = outcome.st;
  for (const h of addHeaders(level)) {
    if (!h.always && !ADD_HEADER_STATUSES.has(outcome.status)) continue;
    let value: string;
    try {
      value = evaluate(h.value, st);
    } catch (e) {
      if (e instanceof Unknown && corsRelevant(h.name)) throw e;
      continue;
    }
    // An empty value adds nothing (ngx_http_add_header: "if the value is empty").
    if (value !== "") headers.push([h.name, value]);
  }
  return {
    status: outcome.status,
    headers,
    ctx: outcome.ctx,
    level,
    fromUpstream: outcome.fromUpstream,
    assumed: outcome.assumed,
  };
}

export function answer(tree: NginxTree, request: HopRequest): Answer {
  try {
    const r = render(tree, request);
    return {
      kind: "known",
      status: r.status,
      headers: r.headers,
      fromUpstream: r.fromUpstream,
      assumed: r.assumed,
    };
  } catch (e) {
    if (e instanceof Unknown) return { kind: "unknown", why: e.why };
    throw e;
  }
}
