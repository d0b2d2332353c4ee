/**
 * What Apache httpd answers one request with, from its configuration alone. The order is httpd's
 * request processing (https://httpd.apache.org/docs/2.4/sections.html#merging,
 * https://github.com/apache/httpd/blob/trunk/server/request.c `ap_process_request_internal`):
 * the virtual host its port and name pick; server-context mod_rewrite and mod_alias at URL
 * translation (before authorization: a vhost `RewriteRule … [R=204]` answers a preflight whatever
 * `Require` says); then authorization (`Require`, under `<Limit>`/`<LimitExcept>`); then per-directory
 * mod_rewrite (`.htaccess`, `<Directory>`, `<Location>`: after authorization); then the handler
 * (`ProxyPass` to the application, whose answer is the recorded one, or a file).
 * mod_headers keeps two tables (https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header):
 * `Header` acts on the "onsuccess" headers, `Header always` on the "always" ones; a response httpd
 * makes itself (a redirect, 401/403, a rewrite's `R=` status, an error page with `ProxyErrorOverride`)
 * sends the "always" table only; a proxied answer sends both, so `Header set` and `Header always set`
 * of one name give two lines, and `Header always set` adds to the application's own copy.
 * Header directives of every section that applies run in merge order: server, virtual host,
 * `<Directory>` and `.htaccess` (not for a proxied request: no file), `<Files>`, `<Location>`, `<If>`.
 */
import { combinedHeader, type HeaderList } from "../../engine";
import type { Answer, ConfigFile, HopRequest, Words } from "../types";
import { Unknown } from "../whatif";
import { type ExprRequest, evalExpr, evalString, HTTP_VARS, NotModelled, pcre } from "./expr";
import { ApacheSyntaxError, type Node, parseApache, type Token } from "./syntax";

export interface ApacheTree {
  files: Map<string, string>;
  /** Top-level directives of the main files, `Include`d files inlined. */
  top: Node[];
  /** `.htaccess` files: the directory they sit in, and their directives. */
  htaccess: Array<{ dir: string; file: string; nodes: Node[] }>;
  /** `Include` lines whose files were not passed. */
  unresolved: Node[];
}

const lower = (s: string) => s.toLowerCase();
const dirOf = (p: string) => p.replace(/\/[^/]*$/, "") || "/";

function globRe(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, ".")}$`,
  );
}

/** A path pattern matched as the end of a path (`vhosts/*.conf` matches `/etc/apache2/vhosts/a.conf`). */
function globSuffix(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`(^|/)${body}$`);
}

export function buildTree(files: readonly ConfigFile[]): ApacheTree {
  const parsed = new Map<string, Node[]>();
  for (const f of files) parsed.set(f.path, parseApache(f.text, f.path));
  const included = new Set<string>();
  const unresolved: Node[] = [];
  const inline = (nodes: Node[], depth: number): Node[] =>
    nodes.flatMap((n) => {
      if ((n.key === "include" || n.key === "includeoptional") && n.args[0]) {
        const pat = n.args[0].value;
        // Relative patterns are relative to ServerRoot, unknown here: the passed path must end with them.
        const tail = pat.replace(/^\.?\//, "");
        const suffix = globSuffix(tail);
        const hits = [...parsed.keys()].filter(
          (p) => p !== n.file && (p === pat || globRe(pat).test(p) || suffix.test(p)),
        );
        if (hits.length === 0 || depth > 8) {
          unresolved.push(n);
          return [n];
        }
        for (const h of hits) included.add(h);
        return hits.flatMap((h) => inline(parsed.get(h) ?? [], depth + 1));
      }
      if (n.section) n.section.children = inline(n.section.children, depth);
      return [n];
    });
  const top: Node[] = [];
  const htaccess: ApacheTree["htaccess"] = [];
  const mains = files.filter((f) => !/(^|\/)\.htaccess$/.test(f.path));
  const expanded = new Map(mains.map((f) => [f.path, inline(parsed.get(f.path) ?? [], 0)]));
  for (const f of mains) if (!included.has(f.path)) top.push(...(expanded.get(f.path) ?? []));
  // The directories the configuration names (DocumentRoot, <Directory>): a .htaccess passed from
  // elsewhere (a checkout's public/.htaccess for DocumentRoot /var/www/app/public) is taken as the
  // one of the configured directory whose path ends the same way, when exactly one does best.
  const configured = new Set<string>();
  const collect = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if ((n.key === "documentroot" || n.key === "directory") && n.args[0] && n.args[0].value !== "~")
        configured.add(n.args[0].value.replace(/\/+$/, ""));
      if (n.section) collect(n.section.children);
    }
  };
  collect(top);
  const placed = (dir: string): string => {
    const under = [...configured].some(
      (c) => dir === c || dir.startsWith(`${c}/`) || c.startsWith(`${dir}/`),
    );
    if (under) return dir;
    const parts = dir.split("/").filter(Boolean);
    const tail = (c: string) => {
      const q = c.split("/").filter(Boolean);
      let n = 0;
      while (n < parts.length && n < q.length && parts[parts.length - 1 - n] === q[q.length - 1 - n]) n++;
      return n;
    };
    const scored = [...configured].map((c) => ({ c, n: tail(c) })).sort((a, b) => b.n - a.n);
    const best = scored[0];
    return best && best.n > 0 && scored[1]?.n !== best.n ? best.c : dir;
  };
  for (const f of files)
    if (/(^|\/)\.htaccess$/.test(f.path))
      htaccess.push({ dir: placed(dirOf(f.path)), file: f.path, nodes: inline(parsed.get(f.path) ?? [], 0) });
  return { files: new Map(files.map((f) => [f.path, f.text])), top, htaccess, unresolved };
}

export { ApacheSyntaxError };

export type Where = "server" | "vhost" | "directory" | "htaccess" | "files" | "location";

/** The directives of one section that applies to the request, conditional sections resolved. */
export interface Layer {
  where: Where;
  section: Node | null;
  nodes: Node[];
  /** The `<VirtualHost>` it sits in (set by `allOps`, for the checker). */
  vhost?: Node | null;
}

export type Action = "set" | "append" | "merge" | "add" | "unset" | "setifempty" | "edit" | "edit*" | "echo";

/** One `Header` directive. */
export interface Op {
  node: Node;
  always: boolean;
  action: Action;
  field: string;
  /** The value token (null for unset/echo). */
  valueToken: Token | null;
  value: string;
  replacement: string | null;
  cond: string | null;
  layer: Layer;
}

export function headerOp(n: Node, layer: Layer): Op | null {
  if (n.key !== "header") return null;
  const a = [...n.args];
  let always = false;
  if (lower(a[0]?.value ?? "") === "always") {
    always = true;
    a.shift();
  } else if (lower(a[0]?.value ?? "") === "onsuccess") a.shift();
  const action = lower(a[0]?.value ?? "") as Action;
  if (!["set", "append", "merge", "add", "unset", "setifempty", "edit", "edit*", "echo"].includes(action))
    return null;
  // httpd drops a colon written after the name (`Header set Access-Control-Allow-Origin: "*"` sends
  // `Access-Control-Allow-Origin: *`; seen with httpd 2.4 here, as WooCommerce's .htaccess writes it).
  const field = (a[1]?.value ?? "").replace(/:$/, "");
  const valueToken = action === "unset" || action === "echo" ? null : (a[2] ?? null);
  const replacement = action === "edit" || action === "edit*" ? (a[3]?.value ?? "") : null;
  const rest = a.slice(action === "unset" || action === "echo" ? 2 : action.startsWith("edit") ? 4 : 3);
  const condTok = rest.find((t) => /^(env=|expr=|early$)/i.test(t.value));
  return {
    node: n,
    always,
    action,
    field,
    valueToken,
    value: valueToken?.value ?? "",
    replacement,
    cond: condTok && !/^early$/i.test(condTok.value) ? condTok.value : null,
    layer,
  };
}

export interface St {
  method: string;
  url: URL;
  path: string;
  request: HopRequest;
  env: Map<string, string>;
  /** Variables set by something the model does not evaluate. */
  envUnknown: Set<string>;
  assumed: Words[];
}

const exprReq = (st: St): ExprRequest => ({
  method: st.method,
  path: st.path,
  headers: st.request.headers,
  env: st.env,
});

function evalIf(n: Node, st: St): boolean {
  const src = n.args.map((t) => t.value).join(" ");
  try {
    return evalExpr(src, exprReq(st));
  } catch (e) {
    if (!(e instanceof NotModelled)) throw e;
    throw new Unknown({ key: "config.apache.unknown.expr", params: { expr: src, line: n.line } });
  }
}

const SECTIONS = new Set([
  "virtualhost",
  "directory",
  "directorymatch",
  "files",
  "filesmatch",
  "location",
  "locationmatch",
]);

/**
 * The directives of a list with `<IfModule>`, `<IfDefine>`, `<If>`/`<ElseIf>`/`<Else>` and
 * `<Limit>`/`<LimitExcept>` resolved for this request (`st` null: every branch, for the checker).
 */
export function flatten(nodes: readonly Node[], st: St | null): Node[] {
  const out: Node[] = [];
  let chain: boolean | null = null;
  for (const n of nodes) {
    if (n.section && SECTIONS.has(n.key)) {
      out.push(n);
      chain = null;
      continue;
    }
    if (!n.section) {
      out.push(n);
      continue;
    }
    const arg = n.args[0]?.value ?? "";
    let take = true;
    switch (n.key) {
      case "ifmodule":
      case "ifdefine":
      case "ifversion":
      case "ifdirective":
      case "ifsection":
      case "iffile":
        // The modules a CORS set-up needs are loaded (the config test would fail otherwise).
        take = !arg.startsWith("!");
        break;
      case "if":
        take = st ? evalIf(n, st) : true;
        chain = take;
        break;
      case "elseif":
        take = st ? chain === false && evalIf(n, st) : true;
        if (take) chain = true;
        break;
      case "else":
        take = st ? chain === false : true;
        chain = null;
        break;
      case "limit":
        take = !st || n.args.some((t) => t.value.toUpperCase() === st.method);
        break;
      case "limitexcept":
        take = !st || !n.args.some((t) => t.value.toUpperCase() === st.method);
        break;
      case "requireany":
      case "requireall":
      case "requirenone":
        out.push(n);
        continue;
      default:
        take = false;
    }
    if (n.key !== "if" && n.key !== "elseif" && n.key !== "else") chain = null;
    if (take) out.push(...flatten(n.section.children, st));
  }
  return out;
}

/** The virtual host a URL reaches: the port, then the name; null where the file has none. */
const vhostCache = new WeakMap<readonly Node[], Map<string, Node | null>>();

export function pickVhost(top: readonly Node[], url: URL): Node | null {
  // Asked for every request of a large HAR: once per host and port.
  const key = `${url.protocol}//${url.host}`;
  let byHost = vhostCache.get(top);
  if (!byHost) {
    byHost = new Map();
    vhostCache.set(top, byHost);
  }
  const hit = byHost.get(key);
  if (hit !== undefined) return hit;
  const found = pickVhostUncached(top, url);
  byHost.set(key, found);
  return found;
}

function pickVhostUncached(top: readonly Node[], url: URL): Node | null {
  const vhosts = flatten(top, null).filter((n) => n.key === "virtualhost");
  if (vhosts.length === 0) return null;
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const onPort = vhosts.filter((v) =>
    v.args.some((a) => {
      const p = /:(\d+|\*)$/.exec(a.value)?.[1];
      return p === undefined || p === "*" || p === port || /^PORT$/.test(p);
    }),
  );
  const host = url.hostname.toLowerCase();
  const named = onPort.find((v) =>
    v.section?.children.some(
      (c) =>
        (c.key === "servername" || c.key === "serveralias") && c.args.some((a) => lower(a.value) === host),
    ),
  );
  return named ?? onPort[0] ?? vhosts[0] ?? null;
}

function locationMatches(n: Node, path: string): boolean {
  const args = n.args.map((t) => t.value);
  if (n.key === "locationmatch" || args[0] === "~") {
    const re = n.key === "locationmatch" ? args[0] : args[1];
    try {
      return pcre(re ?? "").test(path);
    } catch {
      throw new Unknown({ key: "config.unknown.regex", params: { regex: re ?? "", line: n.line } });
    }
  }
  const loc = args[0] ?? "/";
  if (/[*?]/.test(loc)) return globRe(loc).test(path) || path.startsWith(loc.replace(/[*?].*$/, ""));
  if (loc.endsWith("/")) return path.startsWith(loc) || path === loc.slice(0, -1);
  return path === loc || path.startsWith(`${loc}/`);
}

/**
 * The `AllowOverride` that keeps httpd from reading `Header` lines of a `.htaccess` in `dir`: the last
 * one of the `<Directory>` sections holding it, when it allows neither FileInfo nor All (mod_headers'
 * directives are of the FileInfo class: https://httpd.apache.org/docs/2.4/mod/core.html#allowoverride).
 * Null where the files given say nothing (httpd's default is None, but the main file may not be passed).
 */
export function ignoredBy(tree: ApacheTree, dir: string): Node | null {
  let last: Node | null = null;
  const sections = allNodes(tree).filter(
    (x) => x.node.key === "directory" && directoryMatches(x.node, `${dir}/.htaccess`),
  );
  sections.sort((a, b) => (a.node.args[0]?.value.length ?? 0) - (b.node.args[0]?.value.length ?? 0));
  for (const d of sections)
    for (const n of flatten(d.node.section?.children ?? [], null)) if (n.key === "allowoverride") last = n;
  if (!last) return null;
  const v = last.args.map((a) => lower(a.value));
  return v.includes("all") || v.some((x) => x === "fileinfo" || x.startsWith("fileinfo=")) ? null : last;
}

function directoryMatches(n: Node, file: string): boolean {
  const d = n.args[0]?.value ?? "/";
  if (n.key === "directorymatch" || d === "~") {
    try {
      return pcre(n.key === "directorymatch" ? d : (n.args[1]?.value ?? "")).test(file);
    } catch {
      return false;
    }
  }
  const base = d.replace(/\/$/, "");
  return file === base || file.startsWith(`${base}/`);
}

export interface Route {
  layers: Layer[];
  /** `.htaccess` files httpd does not read for this request, and the `AllowOverride` that says so. */
  ignored: Array<{ file: string; by: Node }>;
  vhost: Node | null;
  proxied: Node | null;
  file: string | null;
}

/** The sections that apply to a request, in merge order. */
export function route(tree: ApacheTree, st: St): Route {
  const top = flatten(tree.top, st);
  const vhost = pickVhost(tree.top, st.url);
  const layers: Layer[] = [
    { where: "server", section: null, nodes: top.filter((n) => !SECTIONS.has(n.key)) },
  ];
  const vnodes = vhost ? flatten(vhost.section?.children ?? [], st) : [];
  if (vhost)
    layers.push({ where: "vhost", section: vhost, nodes: vnodes.filter((n) => !SECTIONS.has(n.key)) });
  const sections = [...top, ...vnodes].filter((n) => SECTIONS.has(n.key) && n.key !== "virtualhost");
  const locations = sections.filter(
    (n) => (n.key === "location" || n.key === "locationmatch") && locationMatches(n, st.path),
  );
  const locLayers: Layer[] = locations.map((n) => ({
    where: "location",
    section: n,
    nodes: flatten(n.section?.children ?? [], st),
  }));
  // ProxyPass: the first server/vhost mapping whose path prefixes the URL (`!` excludes), or one in a <Location>.
  let proxied: Node | null = null;
  for (const l of locLayers) {
    const p = l.nodes.find((n) => n.key === "proxypass" && n.args.length >= 1 && n.args[0]?.value !== "!");
    if (p) proxied = p;
  }
  const maps = [...layers.flatMap((l) => l.nodes)].filter(
    (n) => n.key === "proxypass" || n.key === "proxypassmatch",
  );
  for (const m of maps) {
    const from = m.args[0]?.value ?? "";
    const hit =
      m.key === "proxypassmatch"
        ? (() => {
            try {
              return pcre(from).test(st.path);
            } catch {
              return false;
            }
          })()
        : st.path.startsWith(from) || (from.endsWith("/") && st.path === from.slice(0, -1));
    if (!hit) continue;
    if (m.args[1]?.value === "!") break;
    proxied ??= m;
    break;
  }
  let file: string | null = null;
  const ignored: Route["ignored"] = [];
  if (!proxied) {
    const root =
      [...layers]
        .reverse()
        .flatMap((l) => l.nodes)
        .find((n) => n.key === "documentroot")?.args[0]?.value ?? null;
    file = root ? `${root.replace(/\/$/, "")}${st.path}` : null;
    const dirs = sections
      .filter(
        (n) =>
          (n.key === "directory" || n.key === "directorymatch") && file !== null && directoryMatches(n, file),
      )
      .sort((a, b) => (a.args[0]?.value.split("/").length ?? 0) - (b.args[0]?.value.split("/").length ?? 0));
    for (const d of dirs)
      layers.push({ where: "directory", section: d, nodes: flatten(d.section?.children ?? [], st) });
    for (const h of tree.htaccess)
      if (file === null || file.startsWith(`${h.dir}/`) || tree.top.length === 0) {
        const off = ignoredBy(tree, h.dir);
        if (off) ignored.push({ file: h.file, by: off });
        else layers.push({ where: "htaccess", section: null, nodes: flatten(h.nodes, st) });
      }
    const name = st.path.split("/").pop() ?? "";
    // <Files> sections of the configuration, then those inside the <Directory> sections and the
    // .htaccess files that apply (https://httpd.apache.org/docs/2.4/sections.html#merging).
    const fileSections = [
      ...sections,
      ...layers.filter((l) => l.where === "directory" || l.where === "htaccess").flatMap((l) => l.nodes),
    ];
    for (const f of fileSections.filter((n) => n.key === "files" || n.key === "filesmatch")) {
      const pat = f.args[0]?.value ?? "";
      const hit =
        f.key === "filesmatch" || pat === "~"
          ? pcre(f.args.at(-1)?.value ?? "").test(name)
          : globRe(pat).test(name);
      if (hit) layers.push({ where: "files", section: f, nodes: flatten(f.section?.children ?? [], st) });
    }
  }
  layers.push(...locLayers);
  return { layers, vhost, proxied, file, ignored };
}

/** SetEnv, SetEnvIf(NoCase) and UnsetEnv, in order (mod_env, mod_setenvif). */
function environment(layers: readonly Layer[], st: St): void {
  for (const l of layers)
    for (const n of l.nodes) {
      const a = n.args.map((t) => t.value);
      if (n.key === "setenv" && a[0]) st.env.set(a[0], a[1] ?? "");
      else if (n.key === "unsetenv") for (const v of a) st.env.delete(v);
      else if (n.key === "setenvif" || n.key === "setenvifnocase") {
        const attr = a[0] ?? "";
        const subject =
          lower(attr) === "request_method"
            ? st.method
            : lower(attr) === "request_uri"
              ? st.path
              : lower(attr) === "remote_addr" || lower(attr) === "remote_host"
                ? null
                : (combinedHeader(st.request.headers, attr) ?? "");
        const assigns = a.slice(2);
        if (subject === null) {
          for (const s of assigns) st.envUnknown.add(s.replace(/^!/, "").replace(/=.*$/, ""));
          continue;
        }
        let m: RegExpExecArray | null;
        try {
          m = pcre(a[1] ?? "", n.key === "setenvifnocase").exec(subject);
        } catch {
          throw new Unknown({ key: "config.unknown.regex", params: { regex: a[1] ?? "", line: n.line } });
        }
        if (!m) continue;
        const found = m;
        for (const s of assigns) {
          if (s.startsWith("!")) {
            st.env.delete(s.slice(1));
            continue;
          }
          const [k, ...v] = s.split("=");
          const val = v.length ? v.join("=").replace(/\$(\d)/g, (_, d) => found[Number(d)] ?? "") : "1";
          st.env.set(k as string, val);
        }
      } else if (n.key === "setenvifexpr" || n.key === "browsermatch" || n.key === "browsermatchnocase")
        for (const s of a.slice(n.key === "setenvifexpr" ? 1 : 1))
          st.envUnknown.add(s.replace(/^!/, "").replace(/=.*$/, ""));
    }
}

export type Outcome =
  | { kind: "local"; status: number; location: string | null; by: Node | null; early: boolean }
  | { kind: "upstream"; status: number; by: Node; local: boolean }
  | { kind: "file"; status: number; local: boolean };

/** The rewrite rules of one context that answer the request themselves (R=, F, G, P), or null. */
function rewrite(
  nodes: readonly Node[],
  st: St,
  perDir: boolean,
  /** The variables set before these rules run (`%{ENV:NAME}`). */
  env: { known: ReadonlyMap<string, string>; unknown: ReadonlySet<string> },
): { outcome: Outcome | "proxy" | "app" } | null {
  if (!nodes.some((n) => n.key === "rewriteengine" && lower(n.args[0]?.value ?? "") === "on")) return null;
  let conds: Node[] = [];
  for (const n of nodes) {
    if (n.key === "rewritecond") {
      conds.push(n);
      continue;
    }
    if (n.key !== "rewriterule") continue;
    const mine = conds;
    conds = [];
    const [pattern = "", target = "-", flagText = ""] = n.args.map((t) => t.value);
    const flags = flagText
      .replace(/^\[|\]$/g, "")
      .split(",")
      .map((f) => f.trim());
    const subject = perDir ? st.path.replace(/^\//, "") : st.path;
    const negate = pattern.startsWith("!");
    let hit: boolean;
    try {
      hit =
        pcre(
          negate ? pattern.slice(1) : pattern,
          flags.some((f) => /^(NC|nocase)$/i.test(f)),
        ).test(subject) !== negate;
    } catch {
      throw new Unknown({ key: "config.unknown.regex", params: { regex: pattern, line: n.line } });
    }
    if (!hit) continue;
    let ok = true;
    let orChain = false;
    // An internal rewrite (a front controller's `!-f`/`!-d` test) sends the request to the application
    // or to a file: either way its status is the recorded one, so a test of the file system is assumed
    // to pass (and said so) rather than making the whole answer unknown.
    const internal =
      target !== "-" && !flags.some((f) => /^(R|redirect|F|forbidden|G|gone|P|proxy|E|env)(=|$)/i.test(f));
    let guessed: Node | null = null;
    for (const c of mine) {
      const [test = "", cond = ""] = c.args.map((t) => t.value);
      const cflags = (c.args[2]?.value ?? "")
        .replace(/^\[|\]$/g, "")
        .split(",")
        .map((f) => f.trim().toUpperCase());
      let value: string;
      try {
        value = test.replace(/%\{([^}]+)\}/g, (_, v: string) => {
          if (v === "REQUEST_METHOD") return st.method;
          if (v === "REQUEST_URI") return st.path;
          const h = /^HTTP:(.+)$/.exec(v)?.[1] ?? (HTTP_VARS.has(v) ? v.slice(5).replace(/_/g, "-") : null);
          if (h !== null) return combinedHeader(st.request.headers, h) ?? "";
          // mod_rewrite expands a variable it does not have (`%{HTTP_ORIGIN}`) to nothing.
          if (v.startsWith("HTTP_")) return "";
          const name = /^ENV:(.+)$/.exec(v)?.[1];
          if (name !== undefined && (env.known.has(name) || !env.unknown.has(name)))
            return env.known.get(name) ?? "";
          throw new NotModelled(v);
        });
      } catch {
        if (!internal)
          throw new Unknown({ key: "config.apache.unknown.rewrite-cond", params: { line: c.line } });
        guessed = c;
        continue;
      }
      const neg = cond.startsWith("!");
      const body = neg ? cond.slice(1) : cond;
      let r: boolean;
      if (body.startsWith("="))
        r = cflags.includes("NC") ? lower(value) === lower(body.slice(1)) : value === body.slice(1);
      else if (/^-[a-zA-Z]/.test(body)) {
        if (!internal)
          throw new Unknown({ key: "config.apache.unknown.rewrite-cond", params: { line: c.line } });
        guessed = c;
        continue;
      } else
        try {
          r = pcre(body, cflags.includes("NC")).test(value);
        } catch {
          throw new Unknown({ key: "config.unknown.regex", params: { regex: body, line: c.line } });
        }
      r = r !== neg;
      ok = orChain ? ok || r : ok && r;
      // [OR] joins this condition with the next one.
      orChain = cflags.includes("OR");
      if (!orChain && !ok) break;
    }
    if (!ok) continue;
    if (guessed) st.assumed.push({ key: "config.apache.assumed.rewrite", params: { line: guessed.line } });
    for (const f of flags) {
      const e = /^(?:E|env)=(!?)([^:]+)(?::(.*))?$/.exec(f);
      if (e) {
        if (e[1]) st.env.delete(e[2] as string);
        else st.env.set(e[2] as string, e[3] ?? "");
      }
    }
    const r = flags.map((f) => /^(?:R|redirect)(?:=(\d+))?$/i.exec(f)).find((m) => m);
    if (r) {
      const status = Number(r[1] ?? 302);
      const redirect = status >= 300 && status < 400;
      return {
        outcome: {
          kind: "local",
          status,
          location: redirect ? new URL(target.replace(/\$\d/g, ""), st.url).href : null,
          by: n,
          early: !perDir,
        },
      };
    }
    if (flags.some((f) => /^(F|forbidden)$/i.test(f)))
      return { outcome: { kind: "local", status: 403, location: null, by: n, early: !perDir } };
    if (flags.some((f) => /^(G|gone)$/i.test(f)))
      return { outcome: { kind: "local", status: 410, location: null, by: n, early: !perDir } };
    if (flags.some((f) => /^(P|proxy)$/i.test(f))) return { outcome: "proxy" };
    if (target !== "-") return { outcome: "app" };
    if (flags.some((f) => /^(L|last|END)$/i.test(f))) return null;
  }
  return null;
}

function redirect(nodes: readonly Node[], st: St, inLocation: boolean): Outcome | null {
  for (const n of nodes) {
    if (!/^redirect(match|permanent|temp)?$/.test(n.key)) continue;
    const a = n.args.map((t) => t.value);
    let status = n.key === "redirectpermanent" ? 301 : 302;
    if (/^\d{3}$/.test(a[0] ?? "")) status = Number(a.shift());
    else if (["permanent", "temp", "seeother", "gone"].includes(lower(a[0] ?? "")))
      status = { permanent: 301, temp: 302, seeother: 303, gone: 410 }[lower(a.shift() as string)] as number;
    const [from, to] = inLocation && a.length === 1 ? [null, a[0]] : [a[0], a[1]];
    let hit = from === null;
    let target = to ?? "";
    if (from !== null && from !== undefined) {
      if (n.key === "redirectmatch") {
        const m = pcre(from).exec(st.path);
        hit = !!m;
        if (m) target = target.replace(/\$(\d)/g, (_, d) => m[Number(d)] ?? "");
      } else if (st.path === from || st.path.startsWith(from.endsWith("/") ? from : `${from}/`)) {
        hit = true;
        target = target + st.path.slice(from.length);
      }
    }
    if (hit)
      return {
        kind: "local",
        status,
        location: status < 400 ? new URL(target, st.url).href : null,
        by: n,
        early: !inLocation,
      };
  }
  return null;
}

/** Authorization: the last section with `Require` lines decides (AuthMerging Off, httpd's default). */
function authorize(layers: readonly Layer[], st: St): Outcome | null {
  let decisive: { layer: Layer; reqs: Node[] } | null = null;
  for (const l of layers) {
    // httpd 2.2's Order/Allow/Deny (mod_access_compat) decide by the client's address: not known here.
    const compat = l.nodes.find(
      (n) => (n.key === "deny" || n.key === "allow") && lower(n.args[0]?.value ?? "") === "from",
    );
    if (compat && !(compat.key === "allow" && lower(compat.args[1]?.value ?? "") === "all"))
      throw new Unknown({ key: "config.unknown.address-rule", params: { line: compat.line } });
    const reqs = l.nodes.filter(
      (n) => n.key === "require" || n.key === "requireany" || n.key === "requireall",
    );
    if (reqs.length > 0) decisive = { layer: l, reqs };
  }
  if (!decisive) return null;
  let denied: { status: number; by: Node } | null = null;
  for (const r of decisive.reqs) {
    if (r.section) throw new Unknown({ key: "config.apache.unknown.require", params: { line: r.line } });
    const [kind = "", ...rest] = r.args.map((t) => t.value);
    const neg = kind === "not";
    const k = lower(neg ? (rest.shift() ?? "") : kind);
    let granted: boolean;
    if (k === "all") granted = lower(rest[0] ?? "") === "granted";
    else if (k === "method") granted = rest.map((m) => m.toUpperCase()).includes(st.method);
    else if (k === "expr") {
      try {
        granted = evalExpr(rest.join(" "), exprReq(st));
      } catch (e) {
        if (!(e instanceof NotModelled)) throw e;
        throw new Unknown({
          key: "config.apache.unknown.expr",
          params: { expr: rest.join(" "), line: r.line },
        });
      }
    } else if (k === "valid-user" || k === "user" || k === "group") {
      granted = !!combinedHeader(st.request.headers, "authorization");
      if (granted) st.assumed.push({ key: "config.apache.assumed.auth", params: { line: r.line } });
      else {
        denied ??= { status: 401, by: r };
        continue;
      }
    } else throw new Unknown({ key: "config.unknown.address-rule", params: { line: r.line } });
    if (neg) granted = !granted;
    if (granted) return null;
    denied ??= { status: 403, by: r };
  }
  return denied
    ? { kind: "local", status: denied.status, location: null, by: denied.by, early: false }
    : null;
}

export interface Line {
  name: string;
  value: string;
  op: Op | null;
}

export interface Rendered {
  status: number;
  headers: Line[];
  outcome: Outcome;
  route: Route;
  /** Every `Header` directive of the sections that applied, and whether its condition held. */
  ops: Array<{ op: Op; applied: boolean }>;
  local: boolean;
  fromUpstream: boolean;
  assumed: Words[];
  st: St;
}

function formatValue(op: Op, st: St): string {
  const v = op.value;
  if (/^expr=/i.test(v))
    try {
      return evalString(v.slice(5), exprReq(st));
    } catch {
      throw new Unknown({
        key: "config.apache.unknown.expr",
        params: { expr: v.slice(5), line: op.node.line },
      });
    }
  return v.replace(
    /%(%|\{([^}]+)\}([a-zA-Z])|[a-zA-Z])/g,
    (all, _x, name: string | undefined, kind: string | undefined) => {
      if (all === "%%") return "%";
      if (name && kind === "e") {
        if (st.envUnknown.has(name) && !st.env.has(name))
          throw new Unknown({ key: "config.apache.unknown.env", params: { name, line: op.node.line } });
        return st.env.get(name) ?? "(null)";
      }
      return all;
    },
  );
}

function condHolds(op: Op, st: St): boolean {
  const c = op.cond;
  if (!c) return true;
  if (/^env=/i.test(c)) {
    const neg = c[4] === "!";
    const name = c.slice(neg ? 5 : 4);
    if (st.envUnknown.has(name) && !st.env.has(name))
      throw new Unknown({ key: "config.apache.unknown.env", params: { name, line: op.node.line } });
    return st.env.has(name) !== neg;
  }
  try {
    return evalExpr(c.slice(5), exprReq(st));
  } catch (e) {
    if (!(e instanceof NotModelled)) throw e;
    throw new Unknown({
      key: "config.apache.unknown.expr",
      params: { expr: c.slice(5), line: op.node.line },
    });
  }
}

function applyOp(op: Op, table: Line[], st: St): void {
  const same = (l: Line) => lower(l.name) === lower(op.field);
  const drop = () => {
    for (let i = table.length - 1; i >= 0; i--) if (same(table[i] as Line)) table.splice(i, 1);
  };
  const value = () => formatValue(op, st);
  switch (op.action) {
    case "set":
      drop();
      table.push({ name: op.field, value: value(), op });
      break;
    case "setifempty":
      if (!table.some(same)) table.push({ name: op.field, value: value(), op });
      break;
    case "add":
      table.push({ name: op.field, value: value(), op });
      break;
    case "append":
    case "merge": {
      const v = value();
      const first = table.find(same);
      if (!first) {
        table.push({ name: op.field, value: v, op });
        break;
      }
      const joined = table
        .filter(same)
        .map((l) => l.value)
        .join(", ");
      if (
        op.action === "merge" &&
        joined
          .split(",")
          .map((s) => s.trim())
          .includes(v)
      )
        break;
      drop();
      table.push({ name: op.field, value: `${joined}, ${v}`, op });
      break;
    }
    case "unset":
      drop();
      break;
    case "edit":
    case "edit*": {
      let re: RegExp;
      try {
        re = pcre(op.value);
      } catch {
        throw new Unknown({ key: "config.unknown.regex", params: { regex: op.value, line: op.node.line } });
      }
      const g = new RegExp(re.source, op.action === "edit*" ? `${re.flags}g` : re.flags);
      for (const l of table)
        if (same(l)) l.value = l.value.replace(g, (op.replacement ?? "").replace(/\$(\d)/g, "$$$1"));
      break;
    }
    case "echo":
      for (const [n, v] of st.request.headers)
        if (pcre(`^(?:${op.field})$`, true).test(n)) table.push({ name: n, value: v, op });
      break;
  }
}

export function newSt(request: HopRequest): St {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  return {
    method: request.method.toUpperCase(),
    url,
    path,
    request,
    env: new Map(),
    envUnknown: new Set(),
    assumed: [],
  };
}

export function render(tree: ApacheTree, request: HopRequest): Rendered {
  const st = newSt(request);
  const r = route(tree, st);
  const early = r.layers.filter((l) => l.where === "server" || l.where === "vhost");
  const late = r.layers.filter((l) => l.where !== "server" && l.where !== "vhost");
  // mod_setenvif runs server-context SetEnvIf at post_read_request, before the server's rewrite rules
  // (translate_name), and per-directory ones at header_parser, before the per-directory rules
  // (fixups): https://github.com/apache/httpd/blob/2.4.62/modules/metadata/mod_setenvif.c
  environment(early, st);
  const serverEnv = { known: new Map(st.env), unknown: new Set(st.envUnknown) };
  environment(late, st);
  // Server-context rewriting: the virtual host's rules (a vhost inherits none by default), else the server's.
  const rewriteLayer = early.findLast((l) => l.nodes.some((n) => n.key === "rewriterule"));
  let outcome: Outcome | null = null;
  let proxied = r.proxied;
  let app = false;
  const first = rewriteLayer ? rewrite(rewriteLayer.nodes, st, false, serverEnv) : null;
  if (first?.outcome === "proxy" || first?.outcome === "app") {
    app = true;
  } else if (first) outcome = first.outcome;
  outcome ??= redirect(
    early.flatMap((l) => l.nodes),
    st,
    false,
  );
  outcome ??= authorize(r.layers, st);
  if (!outcome) {
    for (const l of late) {
      const o = redirect(l.nodes, st, l.where === "location");
      if (o) outcome = o;
    }
  }
  if (!outcome) {
    const dirRewrite = late.findLast((l) => l.nodes.some((n) => n.key === "rewriterule"));
    const second = dirRewrite
      ? rewrite(dirRewrite.nodes, st, true, { known: st.env, unknown: st.envUnknown })
      : null;
    if (second?.outcome === "proxy" || second?.outcome === "app") app = true;
    else if (second) outcome = second.outcome;
  }
  const upstreamHeaders: Line[] = [];
  if (!outcome) {
    const recorded = request.upstream?.status;
    if (proxied || app) {
      const by = proxied ?? (r.layers.flatMap((l) => l.nodes).find((n) => n.key === "rewriterule") as Node);
      proxied = by;
      let status: number;
      if (recorded !== undefined && recorded !== null) status = recorded;
      else if (st.method === "OPTIONS")
        throw new Unknown({ key: "config.apache.unknown.upstream-options", params: { path: st.path } });
      else {
        status = 200;
        st.assumed.push({
          key: "config.apache.assumed.upstream-200",
          params: { method: st.method, path: st.path },
        });
      }
      const override = r.layers.some((l) =>
        l.nodes.some((n) => n.key === "proxyerroroverride" && lower(n.args[0]?.value ?? "") === "on"),
      );
      const local = override && status >= 400;
      if (!local)
        for (const [n, v] of request.upstream?.headers ?? [])
          upstreamHeaders.push({ name: n, value: v, op: null });
      outcome = { kind: "upstream", status, by, local };
    } else {
      let status: number;
      if (recorded !== undefined && recorded !== null) status = recorded;
      else if (st.method === "GET" || st.method === "HEAD") {
        status = 200;
        st.assumed.push({ key: "config.assumed.static-200", params: { path: st.path } });
      } else if (st.method === "OPTIONS") status = 200;
      else
        throw new Unknown({
          key: "config.apache.unknown.file-method",
          params: { method: st.method, path: st.path },
        });
      // httpd makes every answer of a file request that is not a success itself: an error page, or
      // mod_dir's DirectorySlash 301 to the directory's URL with a slash
      // (https://httpd.apache.org/docs/2.4/mod/mod_dir.html#directoryslash); a 304 is the file's.
      outcome = { kind: "file", status, local: status >= 300 && status !== 304 };
    }
  }
  const local = outcome.kind === "local" || outcome.local;
  // A response made at URL translation never reached the directory walk: its sections do not apply.
  const applying =
    outcome.kind === "local" && outcome.early
      ? r.layers.filter((l) => l.where !== "directory" && l.where !== "htaccess" && l.where !== "files")
      : r.layers;
  const ops: Rendered["ops"] = [];
  const out: Line[] = [...upstreamHeaders];
  const err: Line[] = [];
  for (const l of applying)
    for (const n of l.nodes) {
      const op = headerOp(n, l);
      if (!op) continue;
      const holds = condHolds(op, st);
      ops.push({ op, applied: holds && (op.always || !local) });
      if (holds) applyOp(op, op.always ? err : out, st);
    }
  const headers = local ? err : [...err, ...out];
  if (outcome.kind === "local" && outcome.location)
    headers.push({ name: "Location", value: outcome.location, op: null });
  return {
    status: outcome.status,
    headers,
    outcome,
    route: { ...r, proxied },
    ops,
    local,
    // The status came from the application (or the file system) even where httpd replaced the body.
    fromUpstream:
      outcome.kind === "upstream" || (outcome.kind === "file" && request.upstream?.status != null),
    assumed: st.assumed,
    st,
  };
}

export function answer(tree: ApacheTree, request: HopRequest): Answer {
  try {
    const r = render(tree, request);
    const headers: HeaderList = r.headers.map((h) => [h.name, h.value] as [string, string]);
    return { kind: "known", status: r.status, headers, fromUpstream: r.fromUpstream, assumed: r.assumed };
  } catch (e) {
    if (e instanceof Unknown) return { kind: "unknown", why: e.why };
    throw e;
  }
}

/** Every `Header` directive in the files, with the section it sits in (every branch). */
const opsCache = new WeakMap<ApacheTree, Op[]>();
const nodesCache = new WeakMap<ApacheTree, Array<{ node: Node; section: Node | null; where: Where }>>();

export function allOps(tree: ApacheTree): Op[] {
  // A tree does not change once built: its lists are made once (the patcher asks for each request).
  const cached = opsCache.get(tree);
  if (cached) return cached;
  const out: Op[] = [];
  opsCache.set(tree, out);
  const walk = (nodes: readonly Node[], layer: Layer) => {
    for (const n of flatten(nodes, null)) {
      if (n.section && SECTIONS.has(n.key)) {
        const where: Where =
          n.key === "virtualhost"
            ? "vhost"
            : n.key.startsWith("location")
              ? "location"
              : n.key.startsWith("files")
                ? "files"
                : "directory";
        const vhost = n.key === "virtualhost" ? n : (layer.vhost ?? null);
        walk(n.section.children, { where, section: n, nodes: [], vhost });
        continue;
      }
      const op = headerOp(n, layer);
      if (op) out.push(op);
    }
  };
  walk(tree.top, { where: "server", section: null, nodes: [] });
  for (const h of tree.htaccess) walk(h.nodes, { where: "htaccess", section: null, nodes: [] });
  return out;
}

/** Every directive (every branch), with its section, for the checker and the patcher. */
export function allNodes(tree: ApacheTree): Array<{ node: Node; section: Node | null; where: Where }> {
  const cached = nodesCache.get(tree);
  if (cached) return cached;
  const out: Array<{ node: Node; section: Node | null; where: Where }> = [];
  nodesCache.set(tree, out);
  const walk = (nodes: readonly Node[], section: Node | null, where: Where) => {
    for (const n of nodes) {
      if (n.section && SECTIONS.has(n.key)) {
        const w: Where =
          n.key === "virtualhost"
            ? "vhost"
            : n.key.startsWith("location")
              ? "location"
              : n.key.startsWith("files")
                ? "files"
                : "directory";
        out.push({ node: n, section, where });
        walk(n.section.children, n, w);
        continue;
      }
      if (n.section) walk(n.section.children, section, where);
      out.push({ node: n, section, where });
    }
  };
  walk(tree.top, null, "server");
  for (const h of tree.htaccess) walk(h.nodes, null, "htaccess");
  return out;
}
