/**
 * A Caddyfile's sites with `import`s expanded (snippets `(name)` with their `{args.N}`, and passed
 * files), `{$VAR:default}` environment values applied as Caddy does when it loads the file
 * (https://caddyserver.com/docs/caddyfile/concepts#environment-variables), and the routes of each
 * block in the order Caddy runs them (https://caddyserver.com/docs/caddyfile/directives#directive-order;
 * same-name directives: a path matcher first, the longest first, then any matcher, then none:
 * `sortRoutes` in https://github.com/caddyserver/caddy/blob/master/caddyconfig/httpcaddyfile/directives.go).
 * Expanded nodes keep the offsets of the text they come from: an edit lands in the snippet.
 */
import type { ConfigFile } from "../types";
import {
  type Caddyfile,
  CaddySyntaxError,
  type Node,
  parseCaddyfile,
  type SiteBlock,
  type Token,
} from "./syntax";

/** Caddy 2's standard order of handler directives (v2.6–2.8). */
export const DIRECTIVE_ORDER = [
  "tracing",
  "map",
  "vars",
  "fs",
  "root",
  "skip_log",
  "log_skip",
  "header",
  "copy_response_headers",
  "request_body",
  "redir",
  "method",
  "rewrite",
  "uri",
  "try_files",
  "basicauth",
  "basic_auth",
  "forward_auth",
  "request_header",
  "encode",
  "push",
  "intercept",
  "templates",
  "invoke",
  "handle_path",
  "handle",
  "route",
  "abort",
  "error",
  "copy_response",
  "respond",
  "metrics",
  "reverse_proxy",
  "php_fastcgi",
  "file_server",
  "acme_server",
];

/** Directives with no bearing on the answer's status or CORS headers. */
export const INERT = new Set([
  "tls",
  "log",
  "encode",
  "root",
  "vars",
  "skip_log",
  "log_skip",
  "tracing",
  "request_body",
  "request_header",
  "push",
  "templates",
  "metrics",
  "bind",
  "fs",
  "try_files",
  "import",
]);

export interface Address {
  scheme: string | null;
  host: string | null;
  port: number | null;
  path: string | null;
}

export interface Site {
  block: SiteBlock;
  addresses: Address[];
  children: Node[];
}

export interface CaddyTree {
  files: Map<string, string>;
  sites: Site[];
  /** `import` lines whose snippet or file was not passed. */
  unresolved: Node[];
  /** Environment values read with their defaults (Caddy reads the real environment). */
  envDefaults: Array<{ name: string; value: string; line: number; file: string }>;
  /** Environment values with no default: unknown here. */
  envUnknown: Array<{ name: string; line: number; file: string }>;
  parsed: Caddyfile[];
}

export function parseAddress(key: string): Address {
  let s = key;
  let scheme: string | null = null;
  const m = /^([a-z]+):\/\//i.exec(s);
  if (m) {
    scheme = (m[1] as string).toLowerCase();
    s = s.slice(m[0].length);
  }
  let path: string | null = null;
  const slash = s.indexOf("/");
  if (slash >= 0) {
    path = s.slice(slash);
    s = s.slice(0, slash);
  }
  let port: number | null = null;
  const pm = /^(.*?):(\d+)$/.exec(s);
  if (pm) {
    port = Number(pm[2]);
    s = pm[1] as string;
  }
  return { scheme, host: s === "" ? null : s.toLowerCase(), port, path };
}

function substituteEnv(tree: CaddyTree, t: Token, file: string): Token {
  if (!t.value.includes("{$")) return t;
  const value = t.value.replace(/\{\$([A-Za-z0-9_]+)(?::([^}]*))?\}/g, (all, name: string, def?: string) => {
    if (def !== undefined) {
      tree.envDefaults.push({ name, value: def, line: t.line, file });
      return def;
    }
    tree.envUnknown.push({ name, line: t.line, file });
    return all;
  });
  return { ...t, value };
}

function substituteArgs(t: Token, args: string[]): Token {
  if (!t.value.includes("{args")) return t;
  const value = t.value
    .replace(/\{args(?:\.|\[)(\d+)\]?\}/g, (_a, n: string) => args[Number(n)] ?? "")
    .replace(/\{args(?:\[:\]|\.\*)\}/g, () => args.join(" "));
  return { ...t, value };
}

function globMatch(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
  const base = path.split("/").pop() ?? path;
  return re.test(path) || re.test(base) || path.endsWith(`/${pattern}`);
}

/** Nodes with imports expanded and placeholders of the environment and snippet arguments applied. */
function expand(
  tree: CaddyTree,
  nodes: Node[],
  snippets: Map<string, Node[]>,
  others: readonly ConfigFile[],
  args: string[],
  depth: number,
): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const fix = (t: Token) => substituteArgs(substituteEnv(tree, t, n.file), args);
    const name = fix(n.nameToken);
    const nArgs = n.args.map(fix);
    if (name.value === "import" && depth < 10) {
      const target = nArgs[0]?.value ?? "";
      const rest = nArgs.slice(1).map((a) => a.value);
      const snippet = snippets.get(target);
      if (snippet) {
        out.push(...expand(tree, snippet, snippets, others, rest, depth + 1));
        continue;
      }
      const files = others.filter((f) => globMatch(target, f.path) && f.path !== n.file);
      if (files.length > 0) {
        for (const f of files) {
          const parsed = parseLoose(f);
          out.push(...expand(tree, parsed, snippets, others, rest, depth + 1));
        }
        continue;
      }
      tree.unresolved.push(n);
      continue;
    }
    out.push({
      ...n,
      name: name.value,
      nameToken: name,
      args: nArgs,
      block: n.block
        ? { ...n.block, children: expand(tree, n.block.children, snippets, others, args, depth) }
        : null,
    });
  }
  return out;
}

/** A file of directives only (a snippet file imported inside a site). */
function parseLoose(f: ConfigFile): Node[] {
  const parsed = parseCaddyfile(`x {\n${f.text}\n}`, f.path);
  // Offsets shifted by the wrapper's 4 bytes, lines by 1.
  const shift = (n: Node): Node => ({
    ...n,
    start: n.start - 4,
    end: n.end - 4,
    line: n.line - 1,
    nameToken: shiftToken(n.nameToken),
    args: n.args.map(shiftToken),
    block: n.block
      ? { open: n.block.open - 4, close: n.block.close - 4, children: n.block.children.map(shift) }
      : null,
  });
  return (parsed.sites[0]?.children ?? []).map(shift);
}

function shiftToken(t: Token): Token {
  return { ...t, start: t.start - 4, end: t.end - 4, line: t.line - 1, endLine: t.endLine - 1 };
}

/** Whether a file is a whole Caddyfile (sites) or directives imported into a site. */
function isSiteFile(text: string): boolean {
  try {
    const p = parseCaddyfile(text, "x");
    return p.sites.some((s) => s.node !== null) || p.global !== null || p.snippets.size > 0;
  } catch {
    return false;
  }
}

export function buildTree(files: readonly ConfigFile[]): CaddyTree {
  const tree: CaddyTree = {
    files: new Map(files.map((f) => [f.path, f.text])),
    sites: [],
    unresolved: [],
    envDefaults: [],
    envUnknown: [],
    parsed: [],
  };
  const main = files.filter((f) => isSiteFile(f.text));
  const mains = main.length > 0 ? main : files.slice(0, 1);
  const rest = files.filter((f) => !mains.includes(f));
  const parsed = mains.map((f) => parseCaddyfile(f.text, f.path));
  tree.parsed = parsed;
  const snippets = new Map<string, Node[]>();
  for (const p of parsed) for (const [k, v] of p.snippets) snippets.set(k, v);
  for (const p of parsed) {
    for (const imp of p.imports) {
      const target = imp.args[0]?.value ?? "";
      const passed = rest.filter((f) => globMatch(target, f.path));
      if (passed.length === 0) tree.unresolved.push(imp);
      for (const f of passed) {
        const sub = parseCaddyfile(f.text, f.path);
        for (const [k, v] of sub.snippets) snippets.set(k, v);
        parsed.push(sub);
      }
    }
  }
  for (const p of parsed) {
    for (const s of p.sites) {
      const keys = s.keys.map((k) => substituteEnv(tree, k, s.file));
      tree.sites.push({
        block: s,
        addresses: keys.map((k) => parseAddress(k.value)),
        children: expand(tree, s.children, snippets, rest, [], 0),
      });
    }
  }
  return tree;
}

export { CaddySyntaxError };
