/**
 * An aiohttp app module read the way aiohttp 3.8 and aiohttp-cors 0.7.0 (Debian 12's python3-aiohttp
 * and python3-aiohttp-cors) build it, statement by statement: the router's resources and routes in
 * registration order (a route joins the LAST resource when it has the same path, else it opens a new
 * one: https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_urldispatcher.py#L1103-L1113),
 * `aiohttp_cors.setup(app, defaults=…)`, and each `cors.add(…)` replayed as the library does it
 * (https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/aiohttp_cors/urldispatcher_router_adapter.py):
 * the preflight route added to the resource, the route's config stored for its method (and as the
 * resource's default when the resource had none), and the ValueErrors it raises at startup.
 * `for route in list(app.router.routes()): cors.add(route)` covers the routes registered BEFORE it.
 */
import type { Node } from "web-tree-sitter";
import {
  boundArguments,
  evaluate,
  type PyModule,
  type PyVal,
  readModule,
  returned,
  type Span,
} from "../python/values";
import type { ConfigFile, Words } from "../types";
import { type HandMiddleware, readHandMiddleware } from "./hand";

export interface Opt {
  value: PyVal;
  /** The whole `name=value` (or `"name": value`), and the value. */
  arg: Span;
  at: Span;
}

/** One origin's options as written: a ResourceOptions(...) call, or a dict of its keywords. */
export interface Site {
  opts: Map<string, Opt>;
  args: Span[];
  close: Span | null;
  line: number;
  dict: boolean;
  /** Its source text: an origin added beside it gets the same options. */
  text: string;
  /** Not a ResourceOptions(...) or a dict written in this file. */
  unknown: Words | null;
}

export interface Entry {
  origin: string;
  line: number;
  site: Site;
}

/** A mapping origin → options as written (setup's defaults, cors.add's config, a view's cors_config). */
export interface CorsMap {
  entries: Entry[];
  /** The dict display: where a new origin's entry goes. */
  dict: { args: Span[]; close: Span; line: number } | null;
  /** `{o: ResourceOptions(…) for o in ORIGINS}`: a new origin goes into ORIGINS. */
  comp: { source: PyVal; site: Site } | null;
  unknown: Words | null;
  line: number;
}

export const EMPTY: CorsMap = { entries: [], dict: null, comp: null, unknown: null, line: 0 };

export interface View {
  name: string;
  line: number;
  /** Derives from aiohttp_cors.CorsViewMixin (its options() answers the preflight). */
  mixin: boolean;
  /** The HTTP methods it defines (lower case). */
  methods: string[];
  classConfig: CorsMap | null;
  /** @custom_cors({...}) on a method. */
  methodConfigs: Map<string, CorsMap>;
}

export type RouteKind = "handler" | "view" | "preflight";

export interface Route {
  kind: RouteKind;
  /** Upper case; "*" for add_view / add_route("*", …). */
  method: string;
  resource: Resource;
  line: number;
  view: View | null;
  /** The registering call when it is a statement of its own (`cors.add(…)` can wrap it). */
  call: Span | null;
  /** The statement registering it, in the block it was written in. */
  stmt: Node | null;
  /** The statements that led to its registration: the calls of the file's functions, then `stmt`. */
  sites: Node[];
  /** Registration order. */
  order: number;
  /** Covered by a cors.add of this route (line), or null. */
  added: number | null;
}

export interface Resource {
  path: string;
  re: RegExp;
  line: number;
  routes: Route[];
  /** cors.add reached it: aiohttp-cors answers its preflights (its OPTIONS route, or the view's). */
  preflight: boolean;
  /** aiohttp-cors' _ResourceConfig: CORS headers are added to its responses. */
  config: { defaults: CorsMap; methods: Map<string, CorsMap>; line: number } | null;
  static: boolean;
}

export interface Loop {
  stmt: Node;
  line: number;
  /** The routes registered before it have an order below this. */
  order: number;
  /** The statement list it is written in. */
  block: Node;
  /** `if not isinstance(route.resource, web.StaticResource):` around its cors.add: static files left out. */
  guard?: Node;
}

/** Why the app does not start (aiohttp-cors raises at setup), with the line that raises. */
export interface Crash {
  line: number;
  words: Words;
}

/** A middleware function of the file: aiohttp runs it around every handler, aiohttp-cors' preflight one too. */
export interface Middleware {
  name: string;
  /** Its `def` line, and the line registering it. */
  line: number;
  registered: number;
  /** Its name in `Application(middlewares=[…])` (where `fix` reorders the list); null when appended. */
  entry: Span | null;
  /** It can answer by itself (raise or return a response of its own). */
  answers: boolean;
  /** The line of its body's statement that answers, where known. */
  answersAt: number | null;
  /** It names OPTIONS (lets preflights through, as written). */
  passesOptions: boolean;
  body: Span;
  firstStmt: Span | null;
  /** Its parameters' names. */
  request: string;
  handler: string;
}

export interface AiohttpApp {
  file: string;
  mod: PyModule;
  app: { name: string; stmt: Span } | null;
  setup: {
    name: string;
    line: number;
    stmt: Node;
    /** setup()'s arguments and closing parenthesis: where `defaults=` goes. */
    args: Span[];
    close: Span | null;
    defaults: CorsMap;
    /** defaults= is written (a dict of this file). */
    written: boolean;
    /** Routes registered before it have an order below this. */
    order: number;
  } | null;
  resources: Resource[];
  routes: Route[];
  loops: Loop[];
  /** Every cors.add statement (or the loop holding it), in order. */
  adds: Array<{ line: number; stmt: Node; order: number }>;
  crash: Crash | null;
  unknown: Words | null;
  /** How the file names ResourceOptions (`aiohttp_cors.ResourceOptions`, `ResourceOptions`). */
  optionsName: string;
  /** Every options site read (for the checks). */
  maps: CorsMap[];
  /**
   * Same-file functions whose returned options were read (`cors.add(route, front_ends(["GET"]))`):
   * every call shares their body, so an edit there is no one route's (patchAiohttp refuses it).
   */
  shared: Array<{ name: string; line: number; start: number; end: number }>;
  middlewares: Middleware[];
  /** The app's own CORS middleware, when it is one CORS Lens reads (hand.ts). */
  hand: HandMiddleware | null;
  /**
   * `web.normalize_path_middleware(…)` registered: a URL no route takes is redirected (308) to the
   * one with (append_slash, default on) or without (remove_slash) its trailing slash, if a route takes that
   * (https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_middlewares.py).
   */
  normalize: { appendSlash: boolean; removeSlash: boolean; line: number } | null;
  /**
   * The app's startup hooks (`app.on_startup.append(f)`, f a function of the file), in the order
   * aiohttp runs them: the appending statement, the calls that led to it, and the registration order
   * when it ran (routes a hook registers have an order at or above it).
   */
  startup: Array<{ fn: Node; stmt: Node; sites: Node[]; order?: number }>;
}

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 });
const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
const lineOf = (n: Node) => n.startPosition.row + 1;
/** A response of the middleware's own: raise web.HTTPUnauthorized, return web.json_response(…). */
const ANSWERS = /\braise\s+(web\.)?HTTP\w+|\breturn\s+(web\.)?(json_response|Response|HTTP\w+)\b/;

const VERBS: Record<string, string> = {
  add_get: "GET",
  add_head: "HEAD",
  add_post: "POST",
  add_put: "PUT",
  add_patch: "PATCH",
  add_delete: "DELETE",
  add_options: "OPTIONS",
  get: "GET",
  head: "HEAD",
  post: "POST",
  put: "PUT",
  patch: "PATCH",
  delete: "DELETE",
  options: "OPTIONS",
};

/** A statement that registers routes or CORS in a way not read above: the reader says so. */
const REGISTERS = /\.add\(|\badd_(get|head|post|put|patch|delete|options|route|view|resource|routes)\b/;

const HTTP_METHODS = ["get", "head", "post", "put", "patch", "delete", "options"];

/** aiohttp's path pattern as a regex: `{name}` is one segment, `{name:regex}` the regex. */
export function pathRegex(path: string): RegExp {
  let out = "";
  let i = 0;
  while (i < path.length) {
    const ch = path[i] as string;
    if (ch === "{") {
      let depth = 1;
      let j = i + 1;
      while (j < path.length && depth > 0) {
        if (path[j] === "{") depth++;
        else if (path[j] === "}") depth--;
        j++;
      }
      const inner = path.slice(i + 1, j - 1);
      const colon = inner.indexOf(":");
      out += colon < 0 ? "[^{}/]+" : `(?:${inner.slice(colon + 1)})`;
      i = j;
      continue;
    }
    out += ch.replace(/[.+?^${}()|[\]\\*]/g, "\\$&");
    i++;
  }
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return /(?!)/;
  }
}

/** A sample path of a pattern: `{id}` → 1. */
export function samplePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, "1");
}

class Abort {
  constructor(
    readonly crash: Crash | null,
    readonly unknown: Words | null,
  ) {}
}

type Bound =
  | { kind: "routes"; routes: Route[] }
  | { kind: "resource"; resource: Resource }
  | { kind: "table"; defs: TableDef[] }
  | { kind: "node"; node: Node };

interface TableDef {
  method: string;
  path: string;
  line: number;
  view: View | null;
}

/** A same-file function's names, as its body binds them where it returns (see readMap). */
interface Local {
  scope: Map<string, PyVal>;
  node: (name: string) => Node | null;
}

/** The function definition a returned expression is written in. */
function functionOf(n: Node): Node | null {
  for (let p = n.parent; p; p = p.parent) if (p.type === "function_definition") return p;
  return null;
}

/**
 * The expression `name` is bound to where `at` (the returned expression) reads it: the function's
 * one assignment to it, written before and in a block holding `at` (values.ts returned runs no loop);
 * a name bound twice, or in a branch not on the way, is not followed (null).
 */
function boundIn(fn: Node, at: Node, name: string): Node | null {
  const found: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.namedChildren) {
      if (!c || c.type === "function_definition" || c.type === "class_definition") continue;
      if (c.type === "assignment" && c.childForFieldName("left")?.text === name) found.push(c);
      walk(c);
    }
  };
  const body = fn.childForFieldName("body");
  if (body) walk(body);
  const a = found.length === 1 ? found[0] : undefined;
  const block = a?.parent?.parent;
  if (!a || !block || a.startIndex >= at.startIndex) return null;
  for (let p = at.parent; p; p = p.parent) if (p.id === block.id) return a.childForFieldName("right");
  return null;
}

export function readAiohttp(file: ConfigFile): AiohttpApp {
  const mod = readModule(file.text);
  const app: AiohttpApp = {
    file: file.path,
    mod,
    app: null,
    setup: null,
    resources: [],
    routes: [],
    loops: [],
    adds: [],
    crash: null,
    unknown: null,
    optionsName: "aiohttp_cors.ResourceOptions",
    maps: [],
    shared: [],
    middlewares: [],
    startup: [],
    normalize: null,
    hand: null,
  };
  if (mod.error) return app;
  const imported = mod.imports.get("ResourceOptions");
  if (imported && /aiohttp_cors/.test(imported.module)) app.optionsName = "ResourceOptions";
  const scope = new Map([...mod.names].map(([k, a]) => [k, a.value]));
  const moduleScope = scope;
  const bound = new Map<string, Bound>();
  const functions = new Map<string, Node>();
  const views = new Map<string, View>();
  const tables = new Map<string, TableDef[]>();
  let order = 0;
  /** The statements calling the function being read, outermost first. */
  const calls: Node[] = [];
  /** app.on_startup.append(f) of a function of the file: run after the file's code, in order. */
  const startup: AiohttpApp["startup"] = [];
  const unknown = (line: number, text: string): never => {
    throw new Abort(null, {
      key: "config.aiohttp.unknown.code",
      params: { line, text: text.replace(/\s+/g, " ").slice(0, 80) },
    });
  };
  const crash = (line: number, words: Words): never => {
    throw new Abort({ line, words }, null);
  };

  const EXPECTED = new Set([
    "allow_credentials",
    "expose_headers",
    "allow_headers",
    "max_age",
    "allow_methods",
  ]);
  /** ResourceOptions(...) or a dict of its keywords, validated as its __new__ does (ValueError at startup). */
  const readSite = (n: Node, local?: Local): Site => {
    const scope = local?.scope ?? moduleScope;
    let node = n;
    if (node.type === "identifier") {
      const own = local?.node(node.text);
      const b = own ? null : bound.get(node.text);
      if (own) node = own;
      else if (b?.kind === "node") node = b.node;
    }
    const close = node.child(node.childCount - 1);
    const site: Site = {
      opts: new Map(),
      args: [],
      close: null,
      line: lineOf(node),
      dict: false,
      text: n.text,
      unknown: null,
    };
    if (
      node.type === "call" &&
      /(^|\.)ResourceOptions$/.test(node.childForFieldName("function")?.text ?? "")
    ) {
      const args = node.childForFieldName("arguments") as Node;
      const all = kids(args);
      site.args = all.map(span);
      const c = args.child(args.childCount - 1);
      site.close = c ? span(c) : null;
      for (const a of all) {
        if (a.type !== "keyword_argument") {
          site.unknown = {
            key: "config.aiohttp.unknown.value",
            params: { line: lineOf(a), text: a.text.slice(0, 80) },
          };
          continue;
        }
        const name = a.childForFieldName("name")?.text ?? "";
        const v = a.childForFieldName("value") as Node;
        if (!EXPECTED.has(name)) crash(lineOf(a), { key: "config.aiohttp.crash.keyword", params: { name } });
        site.opts.set(name, { value: evaluate(v, scope, mod.imports), arg: span(a), at: span(v) });
      }
    } else if (node.type === "dictionary") {
      site.dict = true;
      site.close = close ? span(close) : null;
      for (const p of kids(node)) {
        const k = p.childForFieldName("key");
        const v = p.childForFieldName("value");
        const key = k ? evaluate(k, scope, mod.imports) : null;
        if (p.type !== "pair" || key?.t !== "str" || !v) {
          site.unknown = {
            key: "config.aiohttp.unknown.value",
            params: { line: lineOf(p), text: p.text.slice(0, 80) },
          };
          continue;
        }
        site.args.push(span(p));
        // _parse_config_options accepts four keys in a dict (not allow_methods).
        if (!EXPECTED.has(key.v) || key.v === "allow_methods")
          crash(lineOf(p), { key: "config.aiohttp.crash.dict-key", params: { name: key.v } });
        site.opts.set(key.v, { value: evaluate(v, scope, mod.imports), arg: span(p), at: span(v) });
      }
    } else {
      site.unknown = {
        key: "config.aiohttp.unknown.value",
        params: { line: lineOf(n), text: n.text.slice(0, 80) },
      };
    }
    for (const [name, o] of site.opts) {
      const v = o.value;
      if (name === "allow_credentials" && v.t !== "bool" && v.t !== "unknown")
        crash(o.at.line, { key: "config.aiohttp.crash.value", params: { name, text: o.value.t } });
      if (
        (name === "expose_headers" || name === "allow_headers" || name === "allow_methods") &&
        v.t === "str" &&
        v.v !== "*"
      )
        // A string is not a "proper sequence" (ResourceOptions.__new__): ("X-Token") is a string.
        crash(o.at.line, { key: "config.aiohttp.crash.string", params: { name, value: v.v } });
    }
    return site;
  };

  /** A mapping origin → options (setup's defaults, cors.add's config, cors_config). */
  const readMap = (n: Node | null | undefined, local?: Local): CorsMap => {
    if (!n || n.type === "none") return { ...EMPTY, line: n ? lineOf(n) : 0 };
    const scope = local?.scope ?? moduleScope;
    let node = n;
    if (node.type === "identifier") {
      const own = local?.node(node.text);
      const b = own ? null : bound.get(node.text);
      if (own) node = own;
      else if (b?.kind === "node") node = b.node;
    }
    // `front_ends(["GET"])`: a same-file function returning the mapping, its parameters bound to the
    // call's arguments (values.ts returned); read with the names its body binds.
    if (node.type === "call" && !local) {
      const r = returned(node, scope, mod.imports);
      const fn = r ? functionOf(r.node) : null;
      if (r && fn) {
        const name = fn.childForFieldName("name")?.text ?? "";
        if (!app.shared.some((f) => f.start === fn.startIndex))
          app.shared.push({ name, line: lineOf(fn), start: fn.startIndex, end: fn.endIndex });
        return readMap(r.node, { scope: r.scope, node: (x) => boundIn(fn, r.node, x) });
      }
    }
    const map: CorsMap = { entries: [], dict: null, comp: null, unknown: null, line: lineOf(node) };
    app.maps.push(map);
    if (node.type === "dictionary") {
      const close = node.child(node.childCount - 1) as Node;
      const pairs = kids(node);
      map.dict = { args: pairs.map(span), close: span(close), line: lineOf(node) };
      for (const p of pairs) {
        const k = p.childForFieldName("key");
        const v = p.childForFieldName("value");
        const key = k ? evaluate(k, scope, mod.imports) : null;
        if (p.type !== "pair" || key?.t !== "str" || !v) {
          map.unknown = {
            key: "config.aiohttp.unknown.value",
            params: { line: lineOf(p), text: p.text.slice(0, 80) },
          };
          continue;
        }
        map.entries.push({ origin: key.v, line: lineOf(p), site: readSite(v, local) });
      }
      return map;
    }
    if (node.type === "dictionary_comprehension") {
      const body = node.childForFieldName("body");
      const clauses = kids(node).filter((c) => c.id !== body?.id);
      const clause = clauses[0];
      const left = clause?.childForFieldName("left");
      const right = clause?.childForFieldName("right");
      const key = body?.childForFieldName("key");
      const value = body?.childForFieldName("value");
      if (
        clauses.length === 1 &&
        clause?.type === "for_in_clause" &&
        left &&
        right &&
        key &&
        value &&
        key.text === left.text
      ) {
        const source = evaluate(right, scope, mod.imports);
        const site = readSite(value, local);
        if (source.t === "seq" && source.items.every((i) => i.t === "str")) {
          map.comp = { source, site };
          for (const i of source.items)
            map.entries.push({ origin: (i as { v: string }).v, line: i.at.line, site });
          return map;
        }
      }
    }
    map.unknown = {
      key: "config.aiohttp.unknown.value",
      params: { line: lineOf(n), text: n.text.slice(0, 80) },
    };
    return map;
  };

  // `X.add_subapp("/prefix", Y)` anywhere in the file: Y is a sub-application (read as such at
  // `Y = web.Application()`, its routes kept until add_subapp registers them under the prefix).
  const subNames = new Set(
    [...file.text.matchAll(/\b\w+\.add_subapp\(\s*[^,]+,\s*(\w+)\s*\)/g)].map((m) => m[1] as string),
  );
  const subRoutes = new Map<string, Array<{ method: string; path: string; line: number }>>();
  const isRouter = (t: string) =>
    /(^|\.)router$/.test(t) || (app.app !== null && t === `${app.app.name}.router`);

  /** Registers a route as aiohttp's router does (the last resource reused for the same path). */
  const register = (
    method: string,
    path: string,
    line: number,
    view: View | null,
    call: Span | null,
    stmt: Node | null,
    on?: Resource,
  ): Route => {
    let resource = on;
    if (!resource) {
      const last = app.resources.at(-1);
      if (last && !last.static && last.path === path) resource = last;
      else {
        resource = {
          path,
          re: pathRegex(path),
          line,
          routes: [],
          preflight: false,
          config: null,
          static: false,
        };
        app.resources.push(resource);
      }
    }
    const route: Route = {
      kind: view ? "view" : "handler",
      method,
      resource,
      line,
      view,
      call,
      stmt,
      sites: stmt ? [...calls, stmt] : [...calls],
      order: order++,
      added: null,
    };
    resource.routes.push(route);
    app.routes.push(route);
    return route;
  };

  const strArg = (n: Node | undefined): string | null => {
    if (!n) return null;
    const v = evaluate(n, scope, mod.imports);
    return v.t === "str" ? v.v : null;
  };

  /** A route-registering call: the routes it adds (the first is what it returns), or null when it is not one. */
  const registration = (call: Node, stmt: Node | null, standalone: boolean): Bound | null => {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return null;
    const verb = fn.childForFieldName("attribute")?.text ?? "";
    const recv = fn.childForFieldName("object")?.text ?? "";
    const argsNode = call.childForFieldName("arguments");
    if (!argsNode) return null;
    const args = kids(argsNode);
    const positional = args.filter((a) => a.type !== "keyword_argument");
    const keyword = (name: string) =>
      args
        .find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name)
        ?.childForFieldName("value") ?? undefined;
    const line = lineOf(call);
    const at = standalone ? span(call) : null;
    const resourceVar = bound.get(recv);
    if (resourceVar?.kind === "resource" && verb === "add_route") {
      const m = strArg(positional[0]);
      if (m === null) unknown(line, call.text);
      const h = positional[1];
      const view = h ? (views.get(h.text) ?? null) : null;
      return {
        kind: "routes",
        routes: [
          register(
            (m as string).toUpperCase(),
            resourceVar.resource.path,
            line,
            view,
            at,
            stmt,
            resourceVar.resource,
          ),
        ],
      };
    }
    if (!isRouter(recv) && !(verb === "add_routes" && (recv === app.app?.name || isRouter(recv))))
      return null;
    if (verb in VERBS && verb.startsWith("add_")) {
      const path = strArg(positional[0] ?? keyword("path"));
      if (path === null) unknown(line, call.text);
      const method = VERBS[verb] as string;
      const route = register(method, path as string, line, null, at, stmt);
      const head = keyword("allow_head");
      if (method === "GET" && head?.type !== "false")
        register("HEAD", path as string, line, null, null, stmt);
      return { kind: "routes", routes: [route] };
    }
    if (verb === "add_route") {
      const m = strArg(positional[0] ?? keyword("method"));
      const path = strArg(positional[1] ?? keyword("path"));
      if (m === null || path === null) unknown(line, call.text);
      const h = positional[2] ?? keyword("handler");
      const view = h ? (views.get(h.text) ?? null) : null;
      return {
        kind: "routes",
        routes: [register((m as string).toUpperCase(), path as string, line, view, at, stmt)],
      };
    }
    if (verb === "add_view") {
      const path = strArg(positional[0]);
      const h = positional[1];
      if (path === null || !h) unknown(line, call.text);
      const view = views.get((h as Node).text) ?? null;
      if (!view) unknown(line, call.text);
      return { kind: "routes", routes: [register("*", path as string, line, view, at, stmt)] };
    }
    if (verb === "add_resource") {
      const path = strArg(positional[0]);
      if (path === null) unknown(line, call.text);
      const last = app.resources.at(-1);
      if (last && !last.static && last.path === path) return { kind: "resource", resource: last };
      const resource: Resource = {
        path: path as string,
        re: pathRegex(path as string),
        line,
        routes: [],
        preflight: false,
        config: null,
        static: false,
      };
      app.resources.push(resource);
      return { kind: "resource", resource };
    }
    if (verb === "add_static") {
      // A StaticResource: GET and HEAD for every path under its prefix
      // (https://github.com/aio-libs/aiohttp/blob/master/aiohttp/web_urldispatcher.py, StaticResource).
      const prefix = (strArg(positional[0]) ?? "/static").replace(/\/+$/, "");
      const resource: Resource = {
        path: prefix,
        re: new RegExp(`^${prefix.replace(/[.+?^${}()|[\]\\*]/g, "\\$&")}/.+$`),
        line,
        routes: [],
        preflight: false,
        config: null,
        static: true,
      };
      app.resources.push(resource);
      const routes = ["GET", "HEAD"].map((m) => register(m, prefix, line, null, null, stmt, resource));
      return { kind: "routes", routes };
    }
    if (verb === "add_routes") {
      const arg = positional[0];
      if (!arg) return null;
      const out: Route[] = [];
      if (arg.type === "identifier" && tables.has(arg.text)) {
        for (const d of tables.get(arg.text) as TableDef[])
          out.push(register(d.method, d.path, d.line, d.view, null, stmt));
        return { kind: "routes", routes: out };
      }
      if (arg.type !== "list" && arg.type !== "tuple") unknown(line, call.text);
      for (const item of kids(arg)) {
        const f = item.type === "call" ? item.childForFieldName("function") : null;
        const name =
          f?.type === "attribute" ? (f.childForFieldName("attribute")?.text ?? "") : (f?.text ?? "");
        const ia = item.type === "call" ? kids(item.childForFieldName("arguments") as Node) : [];
        const pos = ia.filter((a) => a.type !== "keyword_argument");
        if (name in VERBS) {
          const path = strArg(pos[0]);
          if (path === null) unknown(lineOf(item), item.text);
          out.push(register(VERBS[name] as string, path as string, lineOf(item), null, null, stmt));
          const head = ia.find(
            (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "allow_head",
          );
          if (name === "get" && head?.childForFieldName("value")?.type !== "false")
            register("HEAD", path as string, lineOf(item), null, null, stmt);
        } else if (name === "route") {
          const m = strArg(pos[0]);
          const path = strArg(pos[1]);
          if (m === null || path === null) unknown(lineOf(item), item.text);
          const view = pos[2] ? (views.get(pos[2].text) ?? null) : null;
          out.push(register((m as string).toUpperCase(), path as string, lineOf(item), view, null, stmt));
        } else if (name === "view") {
          const path = strArg(pos[0]);
          const view = pos[1] ? views.get(pos[1].text) : undefined;
          if (path === null || !view) unknown(lineOf(item), item.text);
          out.push(register("*", path as string, lineOf(item), view as View, null, stmt));
        } else if (name === "static") {
          app.resources.push({
            path: "",
            re: /(?!)/,
            line: lineOf(item),
            routes: [],
            preflight: false,
            config: null,
            static: true,
          });
        } else unknown(lineOf(item), item.text);
      }
      return { kind: "routes", routes: out };
    }
    return null;
  };

  // aiohttp-cors' add_preflight_handler and set_config_for_routing_entity, replayed.
  const preflightFor = (resource: Resource, line: number): void => {
    if (resource.preflight || resource.static) return;
    for (const r of resource.routes) {
      if (r.method === "OPTIONS" && r.kind !== "preflight")
        crash(line, { key: "config.aiohttp.crash.options", params: { path: resource.path, line: r.line } });
      if (r.method === "*") {
        if (r.view?.mixin) {
          resource.preflight = true;
          return;
        }
        if (r.view)
          crash(line, { key: "config.aiohttp.crash.view", params: { view: r.view.name, line: r.line } });
        crash(line, { key: "config.aiohttp.crash.any", params: { path: resource.path, line: r.line } });
      }
    }
    resource.preflight = true;
    const pre: Route = {
      kind: "preflight",
      method: "OPTIONS",
      resource,
      line,
      view: null,
      call: null,
      stmt: null,
      sites: [],
      order: order++,
      added: line,
    };
    resource.routes.push(pre);
    app.routes.push(pre);
  };
  const corsAddRoute = (route: Route, map: CorsMap, line: number): void => {
    const resource = route.resource;
    if (!resource.preflight) preflightFor(resource, line);
    if (!resource.config) resource.config = { defaults: map, methods: new Map(), line };
    if (resource.config.methods.has(route.method))
      crash(line, {
        key: "config.aiohttp.crash.twice",
        params: { method: route.method, path: resource.path, line: route.line },
      });
    resource.config.methods.set(route.method, map);
    route.added = line;
  };
  const corsAddResource = (resource: Resource, map: CorsMap, line: number): void => {
    preflightFor(resource, line);
    if (resource.config)
      crash(line, {
        key: "config.aiohttp.crash.twice",
        params: { method: "*", path: resource.path, line: resource.line },
      });
    resource.config = { defaults: map, methods: new Map(), line };
  };

  const isCorsAdd = (call: Node): boolean => {
    const fn = call.childForFieldName("function");
    return (
      app.setup !== null &&
      fn?.type === "attribute" &&
      fn.childForFieldName("attribute")?.text === "add" &&
      fn.childForFieldName("object")?.text === app.setup.name
    );
  };

  /** cors.add(entity, config): the entity registered first (when it is a registering call). */
  const corsAdd = (
    call: Node,
    stmt: Node,
    loopItem: Route | Resource | null,
    loopVar: string | null,
  ): Bound | null => {
    const argsNode = call.childForFieldName("arguments") as Node;
    const args = kids(argsNode);
    const positional = args.filter((a) => a.type !== "keyword_argument");
    const kw = args.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "config",
    );
    const target = positional[0];
    const configNode = positional[1] ?? kw?.childForFieldName("value");
    const line = lineOf(call);
    if (!target) unknown(line, call.text);
    let entity: Bound | null = null;
    if (loopVar !== null && target?.text === loopVar && loopItem)
      entity =
        "routes" in loopItem
          ? { kind: "resource", resource: loopItem }
          : { kind: "routes", routes: [loopItem] };
    else if (target?.type === "call") entity = registration(target, stmt, false);
    else if (target?.type === "identifier") entity = bound.get(target.text) ?? null;
    if (!entity || entity.kind === "node" || entity.kind === "table") return unknown(line, call.text);
    const map = readMap(configNode);
    if (entity.kind === "resource") corsAddResource(entity.resource, map, line);
    else for (const r of entity.routes.slice(0, 1)) corsAddRoute(r, map, line);
    return entity;
  };

  const readView = (cls: Node): void => {
    const name = cls.childForFieldName("name")?.text ?? "";
    const bases = cls.childForFieldName("superclasses")?.text ?? "";
    if (!/\bView\b|CorsViewMixin/.test(bases)) return;
    const view: View = {
      name,
      line: lineOf(cls),
      mixin: /CorsViewMixin/.test(bases),
      methods: [],
      classConfig: null,
      methodConfigs: new Map(),
    };
    const body = cls.childForFieldName("body");
    for (const st of body ? kids(body) : []) {
      if (st.type === "expression_statement") {
        const a = kids(st)[0];
        if (a?.type === "assignment" && a.childForFieldName("left")?.text === "cors_config")
          view.classConfig = readMap(a.childForFieldName("right"));
        continue;
      }
      const def = st.type === "decorated_definition" ? st.childForFieldName("definition") : st;
      if (def?.type !== "function_definition") continue;
      const m = def.childForFieldName("name")?.text ?? "";
      if (!HTTP_METHODS.includes(m)) continue;
      view.methods.push(m);
      if (st.type === "decorated_definition")
        for (const d of st.namedChildren) {
          const c = d && d.type === "decorator" ? kids(d)[0] : null;
          if (c?.type === "call" && /(^|\.)custom_cors$/.test(c.childForFieldName("function")?.text ?? ""))
            view.methodConfigs.set(
              m.toUpperCase(),
              readMap(kids(c.childForFieldName("arguments") as Node)[0]),
            );
        }
    }
    views.set(name, view);
  };

  const routesOfRouter = (n: Node): boolean => {
    // app.router.routes(), list(app.router.routes()), app.router.resources()
    let x = n;
    if (x.type === "call" && /^(list|tuple)$/.test(x.childForFieldName("function")?.text ?? "")) {
      const inner = kids(x.childForFieldName("arguments") as Node)[0];
      if (!inner) return false;
      x = inner;
    }
    return (
      x.type === "call" &&
      /(^|\.)router\.(routes|resources)$/.test(x.childForFieldName("function")?.text ?? "")
    );
  };

  /** aiohttp_cors.setup, or setup imported from aiohttp_cors (not a function of the file's own). */
  const isSetup = (fnText: string): boolean => {
    if (fnText === "aiohttp_cors.setup") return true;
    const imp = mod.imports.get(fnText);
    return imp?.module === "aiohttp_cors" && imp.name === "setup";
  };
  /** Application(middlewares=[…]) and app.middlewares.append(…): the file's own middleware functions. */
  const middlewares = (call: Node | null, line: number): void => {
    const args = call?.childForFieldName("arguments");
    const kw = args
      ? kids(args).find(
          (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "middlewares",
        )
      : undefined;
    const list = kw?.childForFieldName("value");
    if (!list) return;
    if (list.type !== "list" && list.type !== "tuple") return;
    for (const m of kids(list)) addMiddleware(m, line, span(m));
  };
  const addMiddleware = (m: Node, line: number, entry: Span | null = null): void => {
    if (
      m.type === "call" &&
      /(^|\.)normalize_path_middleware$/.test(m.childForFieldName("function")?.text ?? "")
    ) {
      const flag = (name: string, dflt: boolean): boolean => {
        const kw = kids(m.childForFieldName("arguments") as Node).find(
          (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name,
        );
        const v = kw?.childForFieldName("value")?.text;
        return v === "True" ? true : v === "False" ? false : dflt;
      };
      app.normalize = {
        appendSlash: flag("append_slash", true),
        removeSlash: flag("remove_slash", false),
        line,
      };
      return;
    }
    const fn = m.type === "identifier" ? functions.get(m.text) : undefined;
    // New-style middlewares only (@web.middleware): an old-style factory returns the one that runs.
    const decorated = fn?.parent?.type === "decorated_definition" ? fn.parent : null;
    if (
      !fn ||
      !decorated ||
      !/@\s*(web\.)?middleware\b/.test(decorated.text.slice(0, fn.startIndex - decorated.startIndex))
    )
      return;
    const params = kids(fn.childForFieldName("parameters") as Node).map(
      (p) => p.text.split(/[:=]/)[0]?.trim() ?? "",
    );
    const body = fn.childForFieldName("body");
    if (!body || params.length !== 2) return;
    // Kept only if it turns out to hold every Allow-Origin of the file (below).
    const hand = app.hand === null ? readHandMiddleware(fn, m.text, mod) : null;
    if (hand) app.hand = hand;
    // What it does before it calls the handler: answering there answers preflights too.
    // `if request.method == "OPTIONS": return await handler(request)` first: OPTIONS passes on, and
    // what it does before calling the handler for the other requests is what follows.
    const first = kids(body)[0];
    const passFirst =
      first?.type === "if_statement" &&
      !first.childForFieldName("alternative") &&
      /OPTIONS|METH_OPTIONS/.test(first.childForFieldName("condition")?.text ?? "") &&
      /^return\s+(await\s+)?\w+\s*\(\s*\w+\s*\)$/.test(
        first.childForFieldName("consequence")?.text.trim() ?? "",
      );
    const skip = passFirst ? first.endIndex - body.startIndex : 0;
    const found = body.text.slice(skip).search(new RegExp(`\\b${params[1]}\\s*\\(`));
    const call = found < 0 ? -1 : skip + found;
    // `if <the request is allowed>: return await handler(request)` and an answer after it: the
    // handler is called only under that condition, and what follows the `if` answers every other
    // request first — a preflight too, unless the condition names OPTIONS. That `if` is the test that
    // refuses.
    const holder =
      call < 0
        ? undefined
        : kids(body).find(
            (st) => st.startIndex <= body.startIndex + call && body.startIndex + call < st.endIndex,
          );
    const guardedCall =
      holder?.type === "if_statement" &&
      !holder.childForFieldName("alternative") &&
      !/OPTIONS|METH_OPTIONS/.test(holder.childForFieldName("condition")?.text ?? "") &&
      kids(holder.childForFieldName("consequence") as Node).at(-1)?.type === "return_statement"
        ? holder
        : null;
    // What follows the `if`, up to a later call of the handler (which passes those requests on too).
    const rest = guardedCall ? body.text.slice(guardedCall.endIndex - body.startIndex) : "";
    const again = rest.search(new RegExp(`\\b${params[1]}\\s*\\(`));
    const after = again < 0 ? rest : rest.slice(0, again);
    const text = (call < 0 ? body.text : body.text.slice(0, call)) + (ANSWERS.test(after) ? after : "");
    const answering =
      guardedCall && ANSWERS.test(after)
        ? guardedCall
        : kids(body).find((st) => st.startIndex - body.startIndex < text.length && ANSWERS.test(st.text));
    app.middlewares.push({
      name: m.text,
      line: lineOf(fn),
      registered: line,
      entry,
      // It builds a response of its own (raise web.HTTPUnauthorized, return web.json_response(…)).
      answers: ANSWERS.test(text),
      // The body's statement that answers (the `if` around the raise): the line that refuses.
      answersAt: answering ? lineOf(answering) : null,
      passesOptions: /OPTIONS|METH_OPTIONS/.test(text),
      body: span(body),
      // The first statement after a docstring: where a pass-through for OPTIONS goes.
      firstStmt: (() => {
        const all = kids(body);
        const first =
          all[0]?.type === "expression_statement" && kids(all[0])[0]?.type === "string" ? all[1] : all[0];
        return first ? span(first) : null;
      })(),
      request: params[0] as string,
      handler: params[1] as string,
    });
  };

  const exec = (stmts: Node[], block: Node, depth: number): void => {
    for (const s of stmts) {
      if (s.type === "class_definition") {
        readView(s);
        continue;
      }
      if (s.type === "function_definition") {
        functions.set(s.childForFieldName("name")?.text ?? "", s);
        continue;
      }
      if (s.type === "decorated_definition") {
        const def = s.childForFieldName("definition");
        if (def?.type === "class_definition") readView(def);
        if (def?.type === "function_definition")
          functions.set(def.childForFieldName("name")?.text ?? "", def);
        for (const d of s.namedChildren) {
          const c = d && d.type === "decorator" ? kids(d)[0] : null;
          const fn = c?.type === "call" ? c.childForFieldName("function") : null;
          const owner = fn?.type === "attribute" ? fn.childForFieldName("object")?.text : undefined;
          const verb = fn?.type === "attribute" ? (fn.childForFieldName("attribute")?.text ?? "") : "";
          if (!c || !owner || !tables.has(owner)) continue;
          const cargs = kids(c.childForFieldName("arguments") as Node);
          const defs = tables.get(owner) as TableDef[];
          const viewName = def?.childForFieldName("name")?.text ?? "";
          if (verb in VERBS) {
            const path = strArg(cargs[0]);
            if (path === null) unknown(lineOf(c), c.text);
            defs.push({ method: VERBS[verb] as string, path: path as string, line: lineOf(c), view: null });
            if (verb === "get")
              defs.push({ method: "HEAD", path: path as string, line: lineOf(c), view: null });
          } else if (verb === "view") {
            const path = strArg(cargs[0]);
            if (path === null) unknown(lineOf(c), c.text);
            defs.push({
              method: "*",
              path: path as string,
              line: lineOf(c),
              view: views.get(viewName) ?? null,
            });
          } else if (verb === "route") {
            const m = strArg(cargs[0]);
            const path = strArg(cargs[1]);
            if (m === null || path === null) unknown(lineOf(c), c.text);
            defs.push({
              method: (m as string).toUpperCase(),
              path: path as string,
              line: lineOf(c),
              view: null,
            });
          }
        }
        continue;
      }
      if (s.type === "if_statement") {
        const cond = s.childForFieldName("condition")?.text.replace(/\s+/g, "") ?? "";
        if (/^__name__==["']__main__["']$/.test(cond)) {
          const body = s.childForFieldName("consequence");
          if (body) exec(kids(body), body, depth);
        } else if (REGISTERS.test(s.text)) unknown(lineOf(s), s.text);
        continue;
      }
      if (s.type === "for_statement") {
        const right = s.childForFieldName("right");
        const left = s.childForFieldName("left");
        const body = s.childForFieldName("body");
        if (right && left?.type === "identifier" && body && routesOfRouter(right) && app.setup) {
          const resourcesLoop = /resources\(\)/.test(right.text);
          const items: Array<Route | Resource> = resourcesLoop ? [...app.resources] : [...app.routes];
          // The body: cors.add(var[, config]), maybe under an `if` that skips static resources.
          let inner = kids(body);
          let guard: Node | undefined;
          if (inner.length === 1 && inner[0]?.type === "if_statement") {
            const cond = inner[0].childForFieldName("condition")?.text.replace(/\s+/g, " ") ?? "";
            if (
              !/^not isinstance\(\w+(\.resource)?, (web\.)?StaticResource\)$/.test(cond) ||
              inner[0].childForFieldName("alternative")
            )
              unknown(lineOf(s), s.text);
            guard = inner[0];
            const cons = inner[0].childForFieldName("consequence");
            inner = cons ? kids(cons) : [];
          }
          // `if isinstance(route.resource, web.StaticResource): continue` then cors.add(route), as
          // Home Assistant's startup walk has it: the static resources left out the same way.
          let skips = false;
          const head = inner[0];
          if (inner.length === 2 && head?.type === "if_statement" && !head.childForFieldName("alternative")) {
            const cond = head.childForFieldName("condition")?.text.replace(/\s+/g, " ") ?? "";
            const cons = head.childForFieldName("consequence");
            if (
              !/^isinstance\(\w+(\.resource)?, (web\.)?StaticResource\)$/.test(cond) ||
              cons?.text.trim() !== "continue"
            )
              unknown(lineOf(s), s.text);
            skips = true;
            inner = inner.slice(1);
          }
          const call =
            inner.length === 1 && inner[0]?.type === "expression_statement" ? kids(inner[0])[0] : undefined;
          if (call?.type !== "call" || !isCorsAdd(call)) unknown(lineOf(s), s.text);
          app.loops.push({ stmt: s, line: lineOf(s), block, order, ...(guard ? { guard } : {}) });
          app.adds.push({ line: lineOf(s), stmt: s, order });
          for (const item of items)
            if ((!guard && !skips) || !("routes" in item ? item.static : item.resource.static))
              corsAdd(call as Node, s, item, left.text);
          continue;
        }
        if (REGISTERS.test(s.text)) unknown(lineOf(s), s.text);
        continue;
      }
      if (s.type === "with_statement" || s.type === "try_statement") {
        const body = s.childForFieldName("body");
        if (body) exec(kids(body), body, depth);
        continue;
      }
      if (s.type !== "expression_statement") continue;
      let e = kids(s)[0];
      if (e?.type === "await") e = kids(e)[0];
      if (!e) continue;
      if (e.type === "assignment") {
        const left = e.childForFieldName("left");
        let right = e.childForFieldName("right");
        if (right?.type === "await") right = kids(right)[0] ?? null;
        if (!left || !right) continue;
        const fnText = right.type === "call" ? (right.childForFieldName("function")?.text ?? "") : "";
        if (left.type === "identifier" && right.type === "call") {
          if (/(^|\.)Application$/.test(fnText)) {
            // A sub-application (`app.add_subapp("/api/", api)` in this file): its routes are
            // registered where it is added; its own middlewares are not read.
            if (subNames.has(left.text)) {
              if (kids(right.childForFieldName("arguments") as Node).length > 0) unknown(lineOf(s), s.text);
              subRoutes.set(left.text, []);
              continue;
            }
            // A second Application that is not a sub-app: which one serves is not read.
            if (app.app && app.app.name !== left.text) unknown(lineOf(s), s.text);
            app.app = { name: left.text, stmt: span(s) };
            middlewares(right, lineOf(s));
            continue;
          }
          if (isSetup(fnText)) {
            setupCall(right, s, left.text);
            continue;
          }
          if (/(^|\.)RouteTableDef$/.test(fnText)) {
            tables.set(left.text, []);
            bound.set(left.text, { kind: "table", defs: tables.get(left.text) as TableDef[] });
            continue;
          }
          if (isCorsAdd(right)) {
            app.adds.push({ line: lineOf(s), stmt: s, order });
            const b = corsAdd(right, s, null, null);
            if (b) bound.set(left.text, b);
            continue;
          }
          const reg = registration(right, s, false);
          if (reg) {
            bound.set(left.text, reg);
            continue;
          }
          const callee = functions.get(fnText);
          if (callee && depth < 4) {
            inline(callee, depth, s, right);
            if (/Application\(/.test(callee.text) && !app.app) app.app = { name: left.text, stmt: span(s) };
            continue;
          }
        }
        if (left.type === "identifier") bound.set(left.text, { kind: "node", node: right });
        continue;
      }
      if (e.type === "call") {
        const fnText = e.childForFieldName("function")?.text ?? "";
        // A sub-application's route: registered on the app where add_subapp puts it, under its prefix.
        const sub = /^(\w+)\.router\.(add_\w+)$/.exec(fnText);
        const pending = sub ? subRoutes.get(sub[1] as string) : undefined;
        if (sub && pending) {
          const verb = sub[2] as string;
          const a = kids(e.childForFieldName("arguments") as Node);
          const pos = a.filter((x) => x.type !== "keyword_argument");
          const head = a.find(
            (x) => x.type === "keyword_argument" && x.childForFieldName("name")?.text === "allow_head",
          );
          const path = strArg(verb === "add_route" ? pos[1] : pos[0]);
          const method = verb === "add_route" ? strArg(pos[0])?.toUpperCase() : VERBS[verb];
          if (!(verb in VERBS || verb === "add_route") || path === null || !method || method === "*")
            unknown(lineOf(s), s.text);
          pending.push({ method: method as string, path: path as string, line: lineOf(s) });
          if (method === "GET" && head?.childForFieldName("value")?.type !== "false")
            pending.push({ method: "HEAD", path: path as string, line: lineOf(s) });
          continue;
        }
        const mount = /^(\w+)\.add_subapp$/.exec(fnText);
        if (mount && app.app && mount[1] === app.app.name) {
          const [prefixNode, subNode] = kids(e.childForFieldName("arguments") as Node);
          const prefix = strArg(prefixNode)?.replace(/\/+$/, "");
          const routes = subNode?.type === "identifier" ? subRoutes.get(subNode.text) : undefined;
          if (prefix === undefined || !routes) unknown(lineOf(s), s.text);
          for (const r of routes ?? []) register(r.method, `${prefix}${r.path}`, r.line, null, null, s);
          continue;
        }
        if (isCorsAdd(e)) {
          app.adds.push({ line: lineOf(s), stmt: s, order });
          corsAdd(e, s, null, null);
          continue;
        }
        // app.on_startup.append(hook): aiohttp runs the hooks in order when the app starts
        // (https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_app.py, Application.startup),
        // after every line of the file: run below, in that order, once the file's own code has run.
        if (app.app && fnText === `${app.app.name}.on_startup.append`) {
          const hook = kids(e.childForFieldName("arguments") as Node)[0];
          const fn = hook?.type === "identifier" ? functions.get(hook.text) : undefined;
          if (fn) {
            startup.push({ fn, stmt: s, sites: [...calls] });
            continue;
          }
          if (REGISTERS.test(s.text)) unknown(lineOf(s), s.text);
          continue;
        }
        if (app.app && fnText === `${app.app.name}.middlewares.append`) {
          const m = kids(e.childForFieldName("arguments") as Node)[0];
          if (m) addMiddleware(m, lineOf(s));
          continue;
        }
        if (isSetup(fnText)) {
          setupCall(e, s, "");
          continue;
        }
        if (registration(e, s, true)) continue;
        const callee = functions.get(fnText);
        if (callee && depth < 4) {
          inline(callee, depth, s, e);
          continue;
        }
        // web.run_app(create_app()) / asyncio.run(main()): the factory's body runs.
        let ran = false;
        for (const a of kids(e.childForFieldName("arguments") as Node)) {
          const f =
            a.type === "call" ? functions.get(a.childForFieldName("function")?.text ?? "") : undefined;
          if (f && depth < 4) {
            inline(f, depth, s);
            ran = true;
          }
        }
        if (!ran && REGISTERS.test(s.text)) unknown(lineOf(s), s.text);
      }
    }
  };
  const inline = (fn: Node, depth: number, site: Node | null = null, call: Node | null = null) => {
    const body = fn.childForFieldName("body");
    // `setup_cors(app, ["https://…"])`: a parameter given a value this reader knows is that value
    // while the body runs (`{host: … for host in origins}`); the names it shadowed come back after.
    // Bound as Python binds a call's arguments: positional ones in order, then keyword ones by name
    // (`setup_tus(app, upload_url="/uploads", …)`, aiohttp-tus' own call), else the written default.
    const saved = new Map<string, PyVal | undefined>();
    const args = call ? kids(call.childForFieldName("arguments") ?? call) : [];
    const params = kids(fn.childForFieldName("parameters") ?? fn);
    // What cannot be bound (a `*args` in the call) leaves the parameter unknown where it is read.
    for (const b of boundArguments(params, args).bound) {
      if (!b.value || args.some((x) => /splat/.test(x.type))) continue;
      const v = evaluate(b.value, scope, mod.imports);
      if (v.t === "unknown") continue;
      saved.set(b.name, scope.get(b.name));
      scope.set(b.name, v);
    }
    if (site) calls.push(site);
    try {
      if (body) exec(kids(body), body, depth + 1);
    } finally {
      if (site) calls.pop();
      for (const [k, v] of saved) {
        if (v === undefined) scope.delete(k);
        else scope.set(k, v);
      }
    }
  };
  const setupCall = (call: Node, stmt: Node, name: string) => {
    const argsNode = call.childForFieldName("arguments") as Node;
    const args = kids(argsNode);
    const kw = args.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "defaults",
    );
    const value = kw?.childForFieldName("value");
    const close = argsNode.child(argsNode.childCount - 1);
    app.setup = {
      name,
      line: lineOf(call),
      stmt,
      args: args.map(span),
      close: close ? span(close) : null,
      defaults: EMPTY,
      written: value !== undefined && value !== null && value.type !== "none",
      order,
    };
    app.setup.defaults = readMap(value);
  };

  // Headers the app sets itself (a middleware of its own, on_response_prepare): not modelled.
  const own = /Access-Control-Allow-Origin|ACCESS_CONTROL_ALLOW_ORIGIN/i.exec(file.text);
  if (own) {
    const line = file.text.slice(0, own.index).split("\n").length;
    app.unknown = { key: "config.aiohttp.unknown.own-headers", params: { line } };
  }
  try {
    const root = mod.tree.rootNode;
    exec(kids(root), root, 0);
    if (!app.app) {
      // A factory no line of the file calls (gunicorn's `app:create_app`, an `async def init()`):
      // the first function that creates the Application runs.
      const factory = [...functions.values()].find((f) => /\bApplication\s*\(/.test(f.text));
      if (factory) inline(factory, 0);
    }
    // The startup hooks, in the order they were appended (one appended by a hook runs too).
    for (let i = 0; i < startup.length; i++) {
      const h = startup[i] as AiohttpApp["startup"][number];
      h.order = order;
      calls.push(...h.sites);
      inline(h.fn, 0, h.stmt);
      calls.splice(calls.length - h.sites.length, h.sites.length);
    }
    app.startup = startup;
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    app.crash = e.crash;
    app.unknown = app.unknown ?? e.unknown;
  }
  // The own headers are this one middleware's, read: known, unless aiohttp-cors is set up beside it
  // (its response hook and the middleware both write Allow-Origin, in an order not modelled).
  // Every Allow-Origin of the file is in what the middleware reads (no on_response_prepare hook
  // elsewhere): known.
  const inHand = (i: number) => app.hand?.spans.some((x) => x.start <= i && i < x.end) ?? false;
  if (
    app.hand &&
    !app.setup &&
    app.middlewares.some((m) => m.name === app.hand?.name) &&
    app.unknown?.key === "config.aiohttp.unknown.own-headers" &&
    [...file.text.matchAll(/Access-Control-Allow-Origin/gi)].every((m) => inHand(m.index ?? 0))
  )
    app.unknown = null;
  else app.hand = null;
  return app;
}
