/**
 * The nginx configuration as nginx assembles it: the main file, the files it `include`s (those the
 * user passed), and the contexts (http, server, location, if) with what each one inherits. How
 * nginx resolves `include` (relative to the configuration prefix, globs allowed):
 * https://nginx.org/en/docs/ngx_core_module.html#include
 */
import type { ConfigFile, Words } from "../types";
import { type Directive, parseNginx } from "./syntax";

export type CtxKind = "http" | "server" | "location" | "if" | "limit_except";

export interface Ctx {
  kind: CtxKind;
  /** The block directive that opens it (null for an http context made of a file's top level). */
  directive: Directive | null;
  parent: Ctx | null;
  /** Its own directives, with passed `include`d files spliced in where they are included. */
  items: Directive[];
  /** Nested contexts in order (servers, locations, ifs, limit_except). */
  children: Ctx[];
  /** `include`s in this context whose files were not passed. */
  unresolved: Directive[];
  /** For a location: its modifier ("", "=", "^~", "~", "~*") and path or regex. */
  match?: { modifier: string; path: string };
  /** The file whose top level this context is, when it has no block directive. */
  file?: string;
}

export interface NginxTree {
  https: Ctx[];
  servers: Ctx[];
  /** Every context, in file order. */
  all: Ctx[];
  /** Every `map` block, by the variable it sets (without `$`). */
  maps: Map<string, Directive>;
  files: Map<string, string>;
  notes: Words[];
  /** Files that hold only directives belonging inside a block nobody passed. */
  orphans: string[];
}

/** Files nginx's packages include everywhere that never set CORS headers. */
const STANDARD_INCLUDES =
  /(^|\/)(mime\.types|fastcgi_params|fastcgi\.conf|proxy_params|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf|fastcgi-php\.conf|modules-enabled\/\*\.conf)$/;

function globRegex(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

/** Whether an `include` pattern names this file: path segments compared from the end, globs allowed. */
export function includeMatches(pattern: string, path: string): boolean {
  const p = pattern.split("/").filter((s) => s !== "" && s !== ".");
  const f = path.split("/").filter((s) => s !== "" && s !== ".");
  const k = Math.min(p.length, f.length);
  if (k === 0) return false;
  for (let i = 1; i <= k; i++) {
    if (!globRegex(p[p.length - i] as string).test(f[f.length - i] as string)) return false;
  }
  return true;
}

const BLOCK_KINDS: Record<string, CtxKind> = {
  http: "http",
  server: "server",
  location: "location",
  if: "if",
  limit_except: "limit_except",
};

export function buildTree(files: readonly ConfigFile[]): NginxTree {
  const parsed = new Map<string, Directive[]>();
  for (const f of files) parsed.set(f.path, parseNginx(f.text, f.path));
  const included = new Set<string>();
  const includeTargets = (d: Directive): string[] => {
    const pattern = d.args[0]?.value ?? "";
    return files.map((f) => f.path).filter((p) => p !== d.file && includeMatches(pattern, p));
  };
  for (const list of parsed.values()) {
    const walk = (ds: Directive[]) => {
      for (const d of ds) {
        if (d.name === "include") for (const t of includeTargets(d)) included.add(t);
        if (d.block) walk(d.block.children);
      }
    };
    walk(list);
  }
  const tree: NginxTree = {
    https: [],
    servers: [],
    all: [],
    maps: new Map(),
    files: new Map(files.map((f) => [f.path, f.text])),
    notes: [],
    orphans: [],
  };
  const expand = (ds: Directive[], ctx: Ctx, seen: Set<string>) => {
    for (const d of ds) {
      if (d.name === "include") {
        const targets = includeTargets(d);
        if (targets.length === 0) {
          if (!STANDARD_INCLUDES.test(d.args[0]?.value ?? "")) ctx.unresolved.push(d);
          continue;
        }
        for (const t of targets) {
          if (seen.has(t)) continue;
          expand(parsed.get(t) ?? [], ctx, new Set([...seen, t]));
        }
        continue;
      }
      ctx.items.push(d);
      if (d.name === "map" && d.block) {
        const target = d.args[1]?.value ?? "";
        tree.maps.set(target.replace(/^\$/, ""), d);
      }
      const kind = d.block ? BLOCK_KINDS[d.name] : undefined;
      if (!kind || !d.block) continue;
      const child: Ctx = { kind, directive: d, parent: ctx, items: [], children: [], unresolved: [] };
      if (kind === "location") {
        const a = d.args.map((x) => x.value);
        child.match =
          a.length >= 2
            ? { modifier: a[0] as string, path: a[1] as string }
            : { modifier: "", path: a[0] ?? "" };
      }
      tree.all.push(child);
      if (kind === "http") tree.https.push(child);
      if (kind === "server") tree.servers.push(child);
      ctx.children.push(child);
      expand(d.block.children, child, seen);
    }
  };
  for (const f of files) {
    if (included.has(f.path)) continue;
    const top = parsed.get(f.path) ?? [];
    const names = new Set(top.map((d) => d.name));
    if (names.has("http") || names.has("events")) {
      // The main file: its top level is the main context; http blocks inside are the http contexts.
      const main: Ctx = {
        kind: "http",
        directive: null,
        parent: null,
        items: [],
        children: [],
        unresolved: [],
        file: f.path,
      };
      tree.all.push(main);
      expand(top, main, new Set([f.path]));
      continue;
    }
    if (names.has("server") || names.has("map") || names.has("upstream")) {
      // A site file (sites-enabled/, conf.d/): included into http by the main file.
      const http: Ctx = {
        kind: "http",
        directive: null,
        parent: null,
        items: [],
        children: [],
        unresolved: [],
        file: f.path,
      };
      tree.https.push(http);
      tree.all.push(http);
      expand(top, http, new Set([f.path]));
      continue;
    }
    if (names.has("location")) {
      // Locations on their own: a server's body kept in its own file.
      const server: Ctx = {
        kind: "server",
        directive: null,
        parent: null,
        items: [],
        children: [],
        unresolved: [],
        file: f.path,
      };
      tree.servers.push(server);
      tree.all.push(server);
      expand(top, server, new Set([f.path]));
      continue;
    }
    // A snippet (`snippets/cors.conf`): directives for a block of a file that was not passed. Read
    // as a location of its own, for `check`; no request reaches it.
    tree.orphans.push(f.path);
    const snippet: Ctx = {
      kind: "location",
      directive: null,
      parent: null,
      items: [],
      children: [],
      unresolved: [],
      file: f.path,
    };
    tree.all.push(snippet);
    expand(top, snippet, new Set([f.path]));
  }
  return tree;
}

/** Every context under `ctx`, itself included, depth first. */
export function allContexts(ctx: Ctx): Ctx[] {
  return [ctx, ...ctx.children.flatMap(allContexts)];
}

/**
 * Each context's directives by name, made on first use: a what-if asks each request's server for
 * its `listen`, `add_header` … and a server of 1,000 locations has 1,000 items (the 5,000-line bench
 * configuration spent most of `fix`'s time filtering them). A tree is not changed once built.
 */
const BY_NAME = new WeakMap<Ctx, Map<string, Directive[]>>();

function byName(ctx: Ctx): Map<string, Directive[]> {
  let m = BY_NAME.get(ctx);
  if (!m) {
    m = new Map();
    for (const d of ctx.items) {
      const list = m.get(d.name);
      if (list) list.push(d);
      else m.set(d.name, [d]);
    }
    BY_NAME.set(ctx, m);
  }
  return m;
}

const NONE: readonly Directive[] = [];

/** The directives of a context with this name (`add_header`, `proxy_hide_header` …), in order. */
export function own(ctx: Ctx, name: string): readonly Directive[] {
  return byName(ctx).get(name) ?? NONE;
}

/** Whether a context has a directive of one of these names. */
export function hasOwn(ctx: Ctx, ...names: string[]): boolean {
  const m = byName(ctx);
  return names.some((n) => m.has(n));
}

/**
 * The level whose array directive applies: nginx inherits `add_header` (and `proxy_hide_header`)
 * from the enclosing level only when the current level has none of its own
 * (https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header).
 */
export function inheritedLevel(ctx: Ctx, name: string): Ctx | null {
  for (let c: Ctx | null = ctx; c; c = c.parent) if (own(c, name).length > 0) return c;
  return null;
}

/** The value of a scalar directive as inherited (the nearest level that sets it). */
export function inheritedScalar(ctx: Ctx, name: string): Directive | null {
  for (let c: Ctx | null = ctx; c; c = c.parent) {
    const d = own(c, name).at(-1);
    if (d) return d;
  }
  return null;
}

/** The `include`s not passed, on the way from this context to the top. */
export function unresolvedAbove(ctx: Ctx): Directive[] {
  const out: Directive[] = [];
  for (let c: Ctx | null = ctx; c; c = c.parent) out.push(...c.unresolved);
  return out;
}
