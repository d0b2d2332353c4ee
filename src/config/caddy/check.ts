/**
 * `cors-lens check` for Caddyfiles: CORS mistakes visible in the file itself, each with its file and
 * line. Caddy-specific ones: `basicauth` runs before `respond` in Caddy's directive order
 * (https://caddyserver.com/docs/caddyfile/directives#directive-order), so it refuses the preflight
 * whatever `respond @options` says; a `header` Caddy sets at once is added to the upstream's own
 * copy by `reverse_proxy` (two Allow-Origin values); a CORS `header` under a `method OPTIONS`
 * matcher only reaches the preflight; the preflight going on to the upstream.
 */
import { regexWithoutScheme, unescapedHostDot } from "../origin-regex";
import type { ConfigFinding } from "../types";
import {
  allOps,
  celText,
  findMatcher,
  matcherLines,
  matcherToken,
  type Op,
  type Scope,
  scopeOf,
} from "./answer";
import { CelUnknown, evaluateCel } from "./cel";
import { REFLECT } from "./patch";
import type { Node } from "./syntax";
import type { CaddyTree, Site } from "./tree";

const lower = (s: string) => s.toLowerCase();
const isAcao = (o: Op) => lower(o.field) === "access-control-allow-origin" && o.kind !== "delete";
const isCreds = (o: Op) => lower(o.field) === "access-control-allow-credentials" && lower(o.value) === "true";

function linesOf(scope: Scope, token: { value: string } | null) {
  if (!token?.value.startsWith("@")) return null;
  const def = findMatcher(scope, token.value);
  return def ? matcherLines(def) : null;
}

/** A matcher that lets only listed origins through (`header Origin a b`, not `*`). */
function originGuard(scope: Scope, token: { value: string } | null): boolean {
  const lines = linesOf(scope, token);
  return (
    !!lines?.some(
      (l) =>
        l.type === "header" &&
        lower(l.args[0]?.value ?? "") === "origin" &&
        l.args.length > 1 &&
        !l.args.slice(1).some((a) => a.value.includes("*")),
    ) ||
    !!lines?.some(
      (l) => l.type === "header_regexp" && /origin/i.test(l.args.map((a) => a.value).join(" ")),
    ) ||
    !!lines?.some((l) => l.type === "expression" && refusesUnlistedOrigin(celText(l.args)))
  );
}

/** An origin no allow-list holds, for asking an `expression` matcher whether it lists origins. */
const UNLISTED = "https://unlisted-origin.cors-lens.invalid";

/**
 * Whether an `expression` matcher reads the Origin and refuses one no list holds, for a simple
 * request and a preflight alike (`{http.request.header.Origin} in [...]`). Anything it cannot
 * evaluate is not a guard.
 */
function refusesUnlistedOrigin(expression: string): boolean {
  if (!/origin/i.test(expression)) return false;
  const ask = (method: string): boolean | null => {
    const header = (name: string) => (lower(name) === "origin" ? UNLISTED : null);
    try {
      return evaluateCel(expression, {
        placeholder: (name) => {
          const m = /^(?:http\.request\.)?header\.(.+)$/i.exec(name);
          if (!m) throw new CelUnknown(name);
          return header(m[1] as string) ?? "";
        },
        method: () => method,
        path: () => "/",
        host: () => "localhost",
        scheme: () => "https",
        header,
        pathMatches: () => true,
        hostMatches: () => true,
        valueMatches: (p, v) => p === "*" || p === v,
      });
    } catch {
      return null;
    }
  };
  return ask("GET") === false && ask("OPTIONS") === false;
}

/**
 * Whether only listed origins reach a header: its own matcher, or that of a `handle`/`route` it sits
 * in (`handle @preflight { header { … } }` with `header_regexp Origin` in @preflight).
 */
function guarded(scope: Scope, token: { value: string } | null): boolean {
  if (originGuard(scope, token)) return true;
  for (let s: Scope | null = scope; s?.node; s = s.parent)
    if (s.parent && originGuard(s.parent, matcherToken(s.node))) return true;
  return false;
}

function optionsOnly(scope: Scope, token: { value: string } | null): boolean {
  const lines = linesOf(scope, token);
  return (
    !!lines &&
    lines.some((l) => l.type === "method" && l.args.every((a) => a.value.toUpperCase() === "OPTIONS"))
  );
}

/** Named matchers that exclude OPTIONS (`not method OPTIONS`). */
function excludesOptions(scope: Scope, token: { value: string } | null): boolean {
  const lines = linesOf(scope, token);
  return !!lines?.some(
    (l) =>
      (l.type === "not" && /method\s+OPTIONS/i.test(l.args.map((a) => a.value).join(" "))) ||
      (l.type === "not" &&
        !!l.node.block?.children.some(
          (c) => c.name === "method" && c.args.some((a) => a.value.toUpperCase() === "OPTIONS"),
        )) ||
      (l.type === "method" && !l.args.some((a) => a.value.toUpperCase() === "OPTIONS")),
  );
}

function walkScopes(site: Site): Scope[] {
  const out: Scope[] = [];
  const walk = (s: Scope) => {
    out.push(s);
    for (const n of s.nodes)
      if ((n.name === "handle" || n.name === "handle_path" || n.name === "route") && n.block)
        walk({ kind: n.name, node: n, nodes: n.block.children, parent: s, site });
  };
  walk(scopeOf(site));
  return out;
}

/** Whether a scope answers OPTIONS itself (`respond` under a method OPTIONS matcher, or a handle for it). */
function answersOptions(scopes: Scope[]): boolean {
  return scopes.some((s) =>
    s.nodes.some(
      (n) =>
        (n.name === "respond" && optionsOnly(s, matcherToken(n))) ||
        ((n.name === "handle" || n.name === "route") &&
          optionsOnly(s, matcherToken(n)) &&
          !!n.block?.children.some((c) => c.name === "respond")),
    ),
  );
}

export function checkCaddy(tree: CaddyTree): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const push = (f: ConfigFinding) => {
    const key = `${f.code}:${f.file}:${f.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  const at = (n: Node) => ({ file: n.file, line: n.line });
  for (const site of tree.sites) {
    const ops = allOps(site);
    const acao = ops.filter(isAcao);
    // Access-Control-Request-* are what the browser sends in a preflight; set on the answer they
    // allow nothing (the answer's names are Access-Control-Allow-*: https://fetch.spec.whatwg.org/#http-responses).
    for (const o of ops)
      if (o.kind !== "delete" && /^access-control-request-(method|headers)$/i.test(o.field))
        push({
          code: "request-header-in-response",
          severity: "error",
          ...at(o.line),
          words: {
            key: "config.check.request-header-in-response",
            params: {
              name: o.field,
              meant: o.field.replace(/request/i, "Allow").replace(/-method$/i, "-Methods"),
            },
          },
        });
    const scopes = walkScopes(site);
    for (const s of scopes)
      for (const n of s.nodes.filter((x) => x.name === "header")) {
        // `header_down`/`header_up` are reverse_proxy's subdirectives: inside `header` they are a
        // field named "header_down" (https://caddyserver.com/docs/caddyfile/directives/header).
        for (const c of n.block?.children ?? [])
          if (
            (c.name === "header_down" || c.name === "header_up") &&
            /^access-control-/i.test(c.args[0]?.value ?? "")
          )
            push({
              code: "caddy-proxy-subdirective-in-header",
              severity: "error",
              ...at(c),
              words: { key: "config.caddy.check.proxy-subdirective", params: { name: c.name } },
            });
        // A path matcher is exact in Caddy 2 unless it ends in `*` (Caddy 1's `header /` was a prefix):
        // https://caddyserver.com/docs/caddyfile/matchers#path-matchers
        const path = n.args[0]?.value ?? "";
        const cors =
          /^access-control-/i.test(n.args[1]?.value ?? "") ||
          !!n.block?.children.some((c) => /^[-+>?]?access-control-/i.test(c.name));
        if (path.startsWith("/") && !path.includes("*") && cors)
          push({
            code: "caddy-exact-path-matcher",
            severity: "error",
            ...at(n),
            words: { key: "config.caddy.check.exact-path", params: { path } },
          });
      }
    if (acao.length === 0) continue;
    const creds = ops.find(isCreds);
    const vary = ops.some((o) => lower(o.field) === "vary" && /(^|[\s,])origin($|[\s,])/i.test(o.value));
    for (const h of acao) {
      const v = h.value.trim();
      const sameGroup = (o: Op) =>
        o.directive === h.directive ||
        (o.scope.node === h.scope.node && o.matcher?.value === h.matcher?.value);
      const c = ops.find((o) => isCreds(o) && sameGroup(o));
      if (v === "*" && c)
        push({
          code: "wildcard-with-credentials",
          severity: "error",
          ...at(h.line),
          words: { key: "config.check.wildcard-credentials", params: { line: c.line.line } },
        });
      if (REFLECT.test(v) && creds && !guarded(h.scope, h.matcher))
        push({
          code: "reflected-with-credentials",
          severity: "error",
          ...at(h.line),
          words: { key: "config.check.reflected-credentials", params: { line: creds.line.line } },
        });
      if (v.includes("{") && !vary)
        push({
          code: "vary-origin-missing",
          severity: "warning",
          ...at(h.line),
          words: { key: "config.check.vary" },
        });
      const other = /^\{(?:http\.request\.)?header\.([A-Za-z0-9-]+)\}$/.exec(v);
      if (other && !REFLECT.test(v))
        push({
          code: "origin-from-other-header",
          severity: "error",
          ...at(h.line),
          words: { key: "config.check.origin-other-header", params: { name: other[1] ?? "" } },
        });
      if (!v.includes("{") && /\S[\s,]+\S/.test(v))
        push({
          code: "origin-list",
          severity: "error",
          ...at(h.line),
          words: { key: "config.check.origin-list" },
        });
      if (lower(v) === "null")
        push({
          code: "null-origin-allowed",
          severity: "warning",
          ...at(h.line),
          words: { key: "config.check.null" },
        });
      if (h.kind === "add" && acao.some((o) => o !== h && o.scope === h.scope))
        push({
          code: "duplicate-allow-origin",
          severity: "error",
          ...at(h.line),
          words: { key: "config.check.duplicate", params: { line: (acao[0] as Op).line.line } },
        });
    }
    // Caddy's own Allow-Origin set at once, and the upstream's set by header_down: both are sent.
    const immediate = acao.filter((o) => !o.down && !o.deferred);
    for (const d of acao.filter((o) => o.down && o.kind !== "default")) {
      const outer = immediate.find((o) => {
        for (let s: Scope | null = d.scope; s; s = s.parent) if (s.node === o.scope.node) return true;
        return false;
      });
      if (outer)
        push({
          code: "duplicate-allow-origin",
          severity: "error",
          ...at(d.line),
          words: { key: "config.check.duplicate", params: { line: outer.line.line } },
        });
    }
    // A deletion waits for the response (Caddy defers every `-` operation), so it also removes the
    // Allow-Origin this file adds at once in the same block or one around it.
    const encloses = (outer: Scope, inner: Scope) => {
      for (let s: Scope | null = inner; s; s = s.parent) if (s.node === outer.node) return true;
      return false;
    };
    for (const d of ops.filter(
      (o) => lower(o.field) === "access-control-allow-origin" && o.kind === "delete" && !o.down && !o.matcher,
    )) {
      const own = immediate.find((o) => encloses(o.scope, d.scope) || encloses(d.scope, o.scope));
      if (own)
        push({
          code: "deferred-delete-takes-own",
          severity: "error",
          ...at(d.line),
          words: { key: "config.caddy.check.delete-own", params: { line: own.line.line } },
        });
    }
    // Matchers: null allowed, origin regexes.
    for (const s of scopes)
      for (const def of s.nodes.filter((n) => n.name.startsWith("@")))
        for (const l of matcherLines(def)) {
          if (
            l.type === "header" &&
            lower(l.args[0]?.value ?? "") === "origin" &&
            l.args.some((a) => a.value === "null")
          )
            push({
              code: "null-origin-allowed",
              severity: "warning",
              ...at(l.node),
              words: { key: "config.check.null" },
            });
          if (l.type === "header_regexp") {
            const field = l.args.length >= 3 ? l.args[1]?.value : l.args[0]?.value;
            const regex = l.args.at(-1)?.value ?? "";
            if (lower(field ?? "") !== "origin") continue;
            if (unescapedHostDot(regex))
              push({
                code: "origin-regex-dot",
                severity: "error",
                ...at(l.node),
                words: { key: "config.check.regex-dot", params: { regex } },
              });
            const body = regex.replace(/^\(\?i\)/, "");
            if (!body.startsWith("^") || !body.endsWith("$"))
              push({
                code: "origin-regex-anchor",
                severity: "error",
                ...at(l.node),
                words: { key: "config.check.regex-anchor", params: { regex } },
              });
            if (regexWithoutScheme(regex))
              push({
                code: "origin-no-scheme",
                severity: "error",
                ...at(l.node),
                words: { key: "config.check.regex-no-scheme", params: { regex } },
              });
          }
        }
    // The preflight: refused by basicauth, CORS on it alone, or sent on to the upstream.
    for (const s of scopes) {
      for (const n of s.nodes) {
        if ((n.name === "basicauth" || n.name === "basic_auth") && !excludesOptions(s, matcherToken(n)))
          push({
            code: "preflight-refused",
            severity: "error",
            ...at(n),
            words: { key: "config.check.preflight-refused", params: { directive: n.name } },
          });
      }
    }
    const forPreflight = (o: Op) => {
      if (optionsOnly(o.scope, o.matcher)) return true;
      for (let s: Scope | null = o.scope; s?.node; s = s.parent)
        if (optionsOnly(s.parent ?? s, matcherToken(s.node))) return true;
      return false;
    };
    const first = acao[0] as Op;
    if (acao.every(forPreflight)) {
      const holder =
        first.scope.node && !optionsOnly(first.scope, first.matcher) ? first.scope.node : first.line;
      push({
        code: "cors-on-preflight-only",
        severity: "error",
        ...at(holder),
        words: { key: "config.check.preflight-only" },
      });
    }
    // A handle block with no Allow-Origin while its sibling handles set one: handle blocks are
    // mutually exclusive, so requests it takes get none.
    const within = (o: Op, s: Scope) => {
      for (let x: Scope | null = s; x; x = x.parent) if (o.scope.node === x.node) return true;
      return false;
    };
    for (const s of scopes) {
      if ((s.kind !== "handle" && s.kind !== "handle_path") || !s.node || !s.parent) continue;
      if (optionsOnly(s.parent, matcherToken(s.node))) continue;
      if (acao.some((o) => within(o, s) && !forPreflight(o))) continue;
      const sibling = acao.find(
        (o) =>
          o.scope.node !== s.node &&
          o.scope.parent?.node === s.parent?.node &&
          (o.scope.kind === "handle" || o.scope.kind === "handle_path"),
      );
      if (sibling)
        push({
          code: "handle-without-cors",
          severity: "warning",
          ...at(s.node),
          words: { key: "config.caddy.check.handle-without-cors", params: { line: sibling.line.line } },
        });
    }
    // Inside `route` the order is as written: a header after the handler that answers never runs.
    const TERMINAL = new Set(["respond", "reverse_proxy", "php_fastcgi", "file_server", "redir", "error"]);
    for (const s of scopes.filter((x) => x.kind === "route")) {
      const end = s.nodes.findIndex((n) => TERMINAL.has(n.name) && !matcherToken(n));
      if (end < 0) continue;
      for (const n of s.nodes.slice(end + 1))
        if (n.name === "header" && acao.some((o) => o.directive === n))
          push({
            code: "header-after-response",
            severity: "error",
            ...at(n),
            words: {
              key: "config.caddy.check.header-after-response",
              params: { directive: (s.nodes[end] as Node).name, line: (s.nodes[end] as Node).line },
            },
          });
    }
    // A `respond` for OPTIONS at one level, while a `handle` there (sorted before `respond`) answers first.
    for (const s of scopes) {
      if (s.kind === "route") continue;
      const answering = s.nodes.filter(
        (n) =>
          (n.name === "handle" || n.name === "handle_path") &&
          !optionsOnly(s, matcherToken(n)) &&
          !!n.block?.children.some((c) => c.name === "reverse_proxy" || c.name === "php_fastcgi"),
      );
      if (answering.length === 0) continue;
      for (const n of s.nodes)
        if (n.name === "respond" && optionsOnly(s, matcherToken(n)))
          push({
            code: "preflight-shadowed",
            severity: "error",
            ...at(n),
            words: {
              key: "config.caddy.check.preflight-shadowed",
              params: { line: (answering[0] as Node).line },
            },
          });
    }
    const upstream = scopes.flatMap((s) =>
      s.nodes.filter((n) => n.name === "reverse_proxy" || n.name === "php_fastcgi"),
    );
    if (upstream.length > 0 && acao.some((o) => !o.down) && !answersOptions(scopes))
      push({
        code: "preflight-to-upstream",
        severity: "warning",
        ...at(upstream[0] as Node),
        words: { key: "config.caddy.check.preflight-upstream" },
      });
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
