/** Caddy (Caddyfile): reader (answers and allowance), checker and patcher behind one interface. */
import type { Allowance, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { faultOf, type Judged, type RequestSpec, recordedExposable, Unknown, unsafeNames } from "../whatif";
import {
  allOps,
  answer,
  downOps,
  findMatcher,
  matcherLines,
  matcherToken,
  type Op,
  type Rendered,
  render,
  type Scope,
} from "./answer";

export { allOps };

import type { Edit } from "../edit";
import { STRANGER_ORIGIN } from "../whatif";
import { checkCaddy } from "./check";
import { Patcher, quote } from "./patch";
import type { Node } from "./syntax";
import { buildTree, type CaddyTree, type Site } from "./tree";

export interface CaddyConfig extends ReadConfig {
  format: "caddy";
  tree: CaddyTree;
}

const lower = (s: string) => s.toLowerCase();
const isAcao = (name: string) => lower(name) === "access-control-allow-origin";
const isCors = (name: string) => /^access-control-/i.test(name);

export function readCaddy(files: readonly ConfigFile[]): CaddyConfig {
  const tree = buildTree(files);
  const notes: Words[] = [];
  for (const d of tree.unresolved)
    notes.push({
      key: "config.note.include",
      params: { file: d.file, line: d.line, pattern: d.args[0]?.value ?? "" },
    });
  for (const e of tree.envDefaults)
    notes.push({
      key: "config.caddy.note.env-default",
      params: { name: `{$${e.name}}`, value: e.value, line: e.line },
    });
  return {
    format: "caddy",
    tree,
    notes,
    answer: (request: HopRequest) => answer(tree, request),
    allowance: () => allowanceOf(tree),
    check: (): ConfigFinding[] => checkCaddy(tree),
  };
}

export function setsCors(tree: CaddyTree): boolean {
  return tree.sites.some((s) => allOps(s).some((o) => isCors(o.field) && o.kind !== "delete"));
}

function siteBase(site: Site): string {
  // The first address Caddy serves over plain HTTP if any (the tests' and most proxies' case).
  const implied = (a: Site["addresses"][number]) =>
    a.scheme ?? (a.host !== null && a.port !== 80 ? "https" : "http");
  const a = site.addresses.find((x) => implied(x) === "http") ?? site.addresses[0];
  const scheme = a ? implied(a) : "http";
  const port = a?.port ?? (scheme === "https" ? 443 : 80);
  const host = a?.host && !a.host.includes("*") ? a.host : "localhost";
  return `${scheme}://${host}:${port}`;
}

function listOf(ops: Op[], name: string): string[] {
  return ops
    .filter((o) => lower(o.field) === lower(name) && !o.value.includes("{") && o.kind !== "delete")
    .flatMap((o) => o.value.split(/[\s,]+/))
    .filter((s) => s !== "" && s !== "*");
}

/** The places and origins to try: over-generous on purpose (only those allowed before are kept). */
function allowanceOf(tree: CaddyTree): Allowance[] {
  const out: Allowance[] = [];
  for (const site of tree.sites) {
    const ops = allOps(site);
    if (!ops.some((o) => isAcao(o.field))) continue;
    const origins = new Set<string>();
    for (const text of tree.files.values())
      for (const m of text.matchAll(/https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?=["'\s,]|$)/gm)) origins.add(m[0]);
    if (ops.some((o) => isAcao(o.field) && (o.value.trim() === "*" || /header\.origin\}$/i.test(o.value))))
      origins.add(STRANGER_ORIGIN);
    const paths = new Set<string>(["/"]);
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        const m = matcherToken(n);
        if (
          m?.value.startsWith("/") &&
          ["handle", "handle_path", "route", "reverse_proxy", "header"].includes(n.name)
        )
          paths.add(m.value.replace(/\*$/, "x").replace(/\/$/, "/x"));
        if (n.block) walk(n.block.children);
      }
    };
    walk(site.children);
    const base = siteBase(site);
    for (const p of paths)
      out.push({
        url: `${base}${p}`,
        origins: [...origins].filter((o) => /^https?:\/\/[^/]+$/.test(o)),
        methods: [...new Set(listOf(ops, "Access-Control-Allow-Methods").map((x) => x.toUpperCase()))],
        headers: [...new Set(listOf(ops, "Access-Control-Allow-Headers"))],
        credentials: ops.some(
          (o) => lower(o.field) === "access-control-allow-credentials" && lower(o.value) === "true",
        ),
      });
  }
  return out;
}

/** Keys of the "unknown" answers a patch can settle by answering the preflight in Caddy itself. */
export const PREFLIGHT_UNKNOWN = new Set([
  "config.caddy.unknown.upstream-options",
  "config.caddy.unknown.file-method",
]);

function finalOp(r: Rendered, name: string): { op: Op | null; present: boolean } {
  const hits = r.headers.filter((h) => lower(h.name) === lower(name));
  const last = hits.at(-1);
  return { op: last?.op ?? null, present: !!last };
}

/** The CORS operations to repeat where a request got none: the group of the first Allow-Origin found. */
function sourceOps(site: Site, seen: Op[]): Op[] {
  const all = [...seen, ...allOps(site)];
  const acao = all.find((o) => isAcao(o.field) && o.kind !== "delete");
  if (!acao) return [];
  return allOps(site)
    .filter(
      (o) => o.directive === acao.directive && isCors(o.field) && o.kind !== "delete" && o.down === acao.down,
    )
    .concat(
      // An Allow-Origin alone in its own `header` line: the other CORS lines of the same block join it.
      acao.inBlock || acao.down
        ? []
        : allOps(site).filter(
            (o) =>
              o.directive !== acao.directive &&
              !o.inBlock &&
              !o.down &&
              o.scope.node === acao.scope.node &&
              o.matcher?.value === acao.matcher?.value &&
              isCors(o.field) &&
              !isAcao(o.field) &&
              o.kind !== "delete",
          ),
    );
}

/** One round of edits for the failing requests (each request's first failing check). */
export function patchCaddy(
  tree: CaddyTree,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const p = new Patcher(tree);
  const originWants = new Map<
    Op["line"],
    { op: Op; origins: Set<string>; id: string; credentials: boolean }
  >();
  const freshWants = new Map<
    Scope["node"] | Site,
    {
      scope: Scope;
      at: Node | null;
      origins: Set<string>;
      credentials: boolean;
      id: string;
      specs: RequestSpec[];
    }
  >();
  const listWants = new Map<
    string,
    { op: Op | null; acao: Op | null; header: string; names: string[]; id: string }
  >();
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
      // Where the preflight lands, with any answer from behind: the patch answers it before that.
      try {
        const r = render(tree, {
          method: "OPTIONS",
          url: spec.url,
          headers: [
            ["Origin", spec.origin],
            ["Access-Control-Request-Method", spec.method],
          ],
          upstream: { status: 405, headers: [] },
        });
        p.preflight(r.outcome.scope, r.outcome.terminal, 0);
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
        p.cannot.set(spec.id, e.why);
      }
      continue;
    }
    const fault = faultOf(spec, judged);
    if (!fault) continue;
    if (!("hop" in fault)) {
      p.cannot.set(spec.id, fault);
      continue;
    }
    const { cause, hop } = fault;
    let r: Rendered;
    try {
      r = render(tree, fault.request);
    } catch (e) {
      if (e instanceof Unknown) {
        p.cannot.set(spec.id, e.why);
        continue;
      }
      throw e;
    }
    const site = r.outcome.scope.site;
    const acao = finalOp(r, "Access-Control-Allow-Origin");
    const terminal = r.outcome.terminal;
    switch (cause.code) {
      case "preflight-status-not-ok":
      case "preflight-redirected":
        if (terminal && (terminal.name === "basicauth" || terminal.name === "basic_auth"))
          p.authExempt(spec.id, terminal, r.outcome.scope, hop.status ?? 0);
        else if (terminal?.name === "redir" || terminal?.name === "error")
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        else p.preflight(r.outcome.scope, terminal, hop.status ?? 0);
        break;
      case "missing-allow-origin": {
        // `header -Access-Control-Allow-Origin` (meant for the application's copy) is deferred, as
        // every deletion is, so it runs when the response is written and takes this file's own
        // Allow-Origin, added before, with it: the deletion goes, and the file's line sets the
        // field at write time instead, over the application's value.
        const all = r.st.seen.filter((s) => s.applied).map((s) => s.op);
        const dropped = all.find((o) => isAcao(o.field) && o.kind === "delete" && !o.down);
        const mine = all.find(
          (o) => isAcao(o.field) && (o.kind === "add" || o.kind === "set") && !o.deferred && !o.down,
        );
        if (dropped && mine && p.deferSet(mine, dropped)) break;
        const seen = r.st.seen.filter((s) => !s.applied).map((s) => s.op);
        const guarded = seen.find((o) => {
          if (!isAcao(o.field) || !o.matcher?.value.startsWith("@")) return false;
          const def = findMatcher(o.scope, o.matcher.value);
          const lines = def ? matcherLines(def) : [];
          return (
            lines.length > 0 &&
            lines.every((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin")
          );
        });
        if (guarded) {
          const w = originWants.get(guarded.line) ?? {
            op: guarded,
            origins: new Set(),
            id: spec.id,
            credentials: false,
          };
          w.origins.add(spec.origin);
          originWants.set(guarded.line, w);
          break;
        }
        // A `handle` under an origin matcher that sets Allow-Origin, not entered: its matcher grows.
        const gate = allOps(site)
          .filter((o) => isAcao(o.field) && !o.down && o.scope.node && o.scope.kind === "handle")
          .map((o) => ({ o, m: matcherToken(o.scope.node as Node) }))
          .find(({ o, m }) => {
            if (!m?.value.startsWith("@") || !o.scope.parent) return false;
            const def = findMatcher(o.scope.parent, m.value);
            const lines = def ? matcherLines(def) : [];
            return (
              lines.length > 0 &&
              lines.every((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin") &&
              !r.st.scopes.some((s) => s.node === o.scope.node)
            );
          });
        if (gate?.o.scope.parent) {
          p.growNamed(spec.id, gate.m, gate.o.scope.parent, [spec.origin], gate.o.line.line);
          break;
        }
        const lost = seen.find((o) => isAcao(o.field) && o.deferred);
        if (lost && r.outcome.error) {
          p.cannot.set(spec.id, {
            key: "config.caddy.cannot.deferred-error",
            params: { line: lost.line.line, status: r.status },
          });
          break;
        }
        // CORS lines under a path matcher, in the block the request reached: the matcher goes.
        const pathOnly = (o: Op) => {
          const m = o.matcher;
          if (!m || o.inBlock || o.down) return false;
          if (m.value.startsWith("/")) return true;
          const def = m.value.startsWith("@") ? findMatcher(o.scope, m.value) : null;
          const lines = def ? matcherLines(def) : [];
          return lines.length > 0 && lines.every((l) => l.type === "path");
        };
        const narrowed = seen.find(
          (o) => isAcao(o.field) && pathOnly(o) && o.scope.node === r.outcome.scope.node,
        );
        if (narrowed?.matcher) {
          const m = narrowed.matcher;
          for (const o of seen)
            if (
              isCors(o.field) &&
              pathOnly(o) &&
              o.matcher?.value === m.value &&
              o.scope.node === narrowed.scope.node
            )
              p.dropMatcher(o.directive, o.matcher as NonNullable<Op["matcher"]>, {
                key: "config.caddy.fix.unmatch",
                params: { line: o.line.line, matcher: m.value, path: new URL(hop.url).pathname },
              });
          break;
        }
        const source = sourceOps(site, seen);
        const at =
          terminal && terminal.name !== "header" && r.outcome.scope.nodes.includes(terminal)
            ? terminal
            : null;
        if (source.length > 0) {
          const upstreamSets = r.outcome.scope.nodes.some(
            (n) =>
              (n.name === "reverse_proxy" || n.name === "php_fastcgi") &&
              downOps(n, r.outcome.scope).some((o) => isCors(o.field)),
          );
          p.copy(r.outcome.scope, source, at, upstreamSets || source.some((o) => o.down));
          // In a `route`, lines after the handler that answers never ran: they move, not repeat.
          if (r.outcome.scope.kind === "route" && at)
            for (const d of new Set(source.map((o) => o.directive)))
              if (r.outcome.scope.nodes.includes(d) && d.start > at.start)
                p.removeNode(d, { key: "config.caddy.fix.moved", params: { line: d.line, before: at.line } });
          break;
        }
        const key = r.outcome.scope.node ?? site;
        const w = freshWants.get(key) ?? {
          scope: r.outcome.scope,
          at,
          origins: new Set(),
          credentials: false,
          id: spec.id,
          specs: [],
        };
        w.origins.add(spec.origin);
        w.specs.push(spec);
        w.credentials ||= spec.credentials === "include";
        freshWants.set(key, w);
        break;
      }
      case "allow-origin-mismatch":
      case "invalid-allow-origin":
      case "wildcard-origin-with-credentials":
      case "multiple-allow-origin": {
        const acaoLines = r.headers.filter((h) => isAcao(h.name));
        const fromCaddy = acaoLines.filter((h) => h.op);
        const fromApp = acaoLines.filter((h) => !h.op);
        if (
          cause.code === "multiple-allow-origin" &&
          fromCaddy.length > 0 &&
          fromApp.length > 0 &&
          terminal
        ) {
          const mine = new Set(r.headers.filter((h) => h.op && isCors(h.name)).map((h) => lower(h.name)));
          const names = [
            ...new Set(r.headers.filter((h) => !h.op && mine.has(lower(h.name))).map((h) => h.name)),
          ];
          const own = fromCaddy[0]?.op?.line;
          p.hideUpstream(terminal, names, own ? { line: own.line, file: own.file } : undefined);
          break;
        }
        const down = fromCaddy.find((h) => h.op?.down);
        const own = fromCaddy.find((h) => h.op && !h.op.down);
        if (cause.code === "multiple-allow-origin" && down?.op && own?.op) {
          p.dropDown(down.op, own.op.line.line);
          break;
        }
        if (
          cause.code === "multiple-allow-origin" &&
          (fromCaddy.length !== 1 || !/\S[\s,]+\S/.test(fromCaddy[0]?.value ?? ""))
        ) {
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        if (acao.op) {
          const w = originWants.get(acao.op.line) ?? {
            op: acao.op,
            origins: new Set(),
            id: spec.id,
            credentials: false,
          };
          w.origins.add(spec.origin);
          w.credentials ||= spec.credentials === "include";
          originWants.set(acao.op.line, w);
        } else if (r.fromUpstream && acao.present)
          p.cannot.set(spec.id, {
            key: "config.caddy.cannot.upstream-sets",
            params: { path: new URL(hop.url).pathname },
          });
        else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      }
      case "allow-credentials-not-true": {
        const acac = finalOp(r, "Access-Control-Allow-Credentials");
        if (acao.op) p.credentials(acao.op, acac.op);
        else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      }
      case "method-not-allowed":
      case "header-not-allowed": {
        const header =
          cause.code === "method-not-allowed"
            ? "Access-Control-Allow-Methods"
            : "Access-Control-Allow-Headers";
        const names =
          cause.code === "method-not-allowed"
            ? [spec.method]
            : unsafeNames(spec).map((n) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n);
        const list = finalOp(r, header);
        if (list.present && !list.op) {
          p.cannot.set(spec.id, {
            key: "config.caddy.cannot.upstream-sets",
            params: { path: new URL(hop.url).pathname },
          });
          break;
        }
        if (!list.op && !acao.op) {
          p.cannot.set(spec.id, { key: "config.cannot.no-level" });
          break;
        }
        const key = `${header}:${(list.op ?? acao.op)?.line.start}:${(list.op ?? acao.op)?.line.file}`;
        const w = listWants.get(key) ?? { op: list.op, acao: acao.op, header, names: [], id: spec.id };
        for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
        listWants.set(key, w);
        break;
      }
      default:
        p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
    }
  }
  for (const w of originWants.values()) p.allowOrigin(w.id, w.op, [...w.origins], w.credentials);
  for (const w of freshWants.values())
    p.freshOrigin(w.id, w.scope, [...w.origins], w.credentials, w.at, recordedExposable(w.specs));
  for (const w of listWants.values()) {
    if (w.op) p.extendList(w.op, w.names, w.header);
    else if (w.acao)
      p.beside(w.acao, w.header, quote(w.names.join(", "), true), {
        key:
          w.header === "Access-Control-Allow-Methods" ? "config.fix.methods-new" : "config.fix.headers-new",
        params: { names: w.names.join(", ") },
      });
  }
  return { edits: p.edits, cannot: p.cannot };
}
