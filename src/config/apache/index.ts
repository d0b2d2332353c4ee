/** Apache httpd (httpd.conf, vhost files, `.htaccess`): reader (answers and allowance), checker and patcher. */
import type { Edit } from "../edit";
import type { Allowance, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import {
  faultOf,
  type Judged,
  type RequestSpec,
  recordedExposable,
  STRANGER_ORIGIN,
  Unknown,
  unsafeNames,
} from "../whatif";
import {
  type ApacheTree,
  allNodes,
  allOps,
  answer,
  buildTree,
  type Line,
  newSt,
  type Op,
  pickVhost,
  type Rendered,
  render,
  route,
} from "./answer";
import { checkApache } from "./check";
import { Patcher, VARIABLE } from "./patch";
import type { Node } from "./syntax";

export interface ApacheConfig extends ReadConfig {
  format: "apache";
  tree: ApacheTree;
}

const lower = (s: string) => s.toLowerCase();
const isAcao = (name: string) => lower(name) === "access-control-allow-origin";
const isCors = (name: string) => /^access-control-/i.test(name);
const sets = (o: Op) =>
  o.action !== "unset" && o.action !== "edit" && o.action !== "edit*" && o.action !== "echo";

export function readApache(files: readonly ConfigFile[]): ApacheConfig {
  const tree = buildTree(files);
  const notes: Words[] = tree.unresolved.map((d) => ({
    key: "config.note.include",
    params: { file: d.file, line: d.line, pattern: d.args[0]?.value ?? "" },
  }));
  return {
    format: "apache",
    tree,
    notes,
    answer: (request: HopRequest) => answer(tree, request),
    allowance: () => allowanceOf(tree),
    check: (): ConfigFinding[] => checkApache(tree),
  };
}

/** The `<If>`/`<ElseIf>`/`<Else>` a directive sits in, directly. */
export function parentIf(tree: ApacheTree, n: Node): Node | null {
  return (
    allNodes(tree)
      .map((x) => x.node)
      .find((x) => /^(if|elseif|else)$/.test(x.key) && !!x.section?.children.includes(n)) ?? null
  );
}

export function setsCors(tree: ApacheTree): boolean {
  return allOps(tree).some((o) => isCors(o.field) && sets(o));
}

function baseOf(tree: ApacheTree): string {
  const vhost = pickVhost(tree.top, new URL("http://localhost/"));
  const addr = vhost?.args[0]?.value ?? "";
  const port = /:(\d+)$/.exec(addr)?.[1];
  const listen = tree.top.find((n) => n.key === "listen")?.args[0]?.value;
  const p = port ?? /(\d+)$/.exec(listen ?? "")?.[1] ?? "80";
  const host = /^(\d+\.\d+\.\d+\.\d+):/.exec(addr)?.[1] ?? "localhost";
  return p === "443" ? `https://${host}` : `http://${host}:${p}`;
}

/** The places and origins to try: over-generous on purpose (only those allowed before are kept). */
function allowanceOf(tree: ApacheTree): Allowance[] {
  const ops = allOps(tree);
  if (!ops.some((o) => isAcao(o.field) && sets(o))) return [];
  const origins = new Set<string>();
  for (const text of tree.files.values())
    for (const m of text.matchAll(/https?:(?:\/\/|\\\/\\\/)[A-Za-z0-9.\\-]+(?::\d+)?/g))
      origins.add(m[0].replace(/\\/g, ""));
  if (
    ops.some(
      (o) =>
        isAcao(o.field) &&
        (o.value.trim() === "*" || VARIABLE.test(o.value.trim()) || /^expr=/i.test(o.value)),
    )
  )
    origins.add(STRANGER_ORIGIN);
  const paths = new Set<string>(["/"]);
  for (const text of tree.files.values()) {
    for (const m of text.matchAll(/<Location\s+"?(\/[^\s">]*)"?\s*>/gi))
      paths.add(`${m[1]?.replace(/\/$/, "")}/x`);
    for (const m of text.matchAll(/^\s*ProxyPass\s+(\/\S*)\s+\S+/gim))
      paths.add(`${m[1]?.replace(/\/$/, "")}/x`);
  }
  const list = (name: string) =>
    ops
      .filter((o) => lower(o.field) === lower(name) && sets(o) && !o.value.includes("%"))
      .flatMap((o) => o.value.split(/[\s,]+/))
      .filter((s) => s !== "" && s !== "*");
  const base = baseOf(tree);
  return [...paths].map((p) => ({
    url: `${base}${p}`,
    origins: [...origins].filter((o) => /^https?:\/\/[^/]+$/.test(o)),
    methods: [...new Set(list("Access-Control-Allow-Methods").map((x) => x.toUpperCase()))],
    headers: [...new Set(list("Access-Control-Allow-Headers"))],
    credentials: ops.some(
      (o) => lower(o.field) === "access-control-allow-credentials" && lower(o.value) === "true",
    ),
  }));
}

/** Keys of the "unknown" answers a patch settles by answering the preflight in httpd itself. */
export const PREFLIGHT_UNKNOWN = new Set([
  "config.apache.unknown.upstream-options",
  "config.apache.unknown.file-method",
]);

function finalLine(r: Rendered, name: string): Line | null {
  return r.headers.filter((h) => lower(h.name) === lower(name)).at(-1) ?? null;
}

/** One round of edits for the failing requests (each request's first failing check). */
export function patchApache(
  tree: ApacheTree,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const p = new Patcher(tree);
  const hasVary = allOps(tree).some((o) => lower(o.field) === "vary" && /origin/i.test(o.value));
  const originWants = new Map<Op, { id: string; origins: Set<string> }>();
  const regexWants = new Map<Node, Set<string>>();
  const setterWants = new Map<Node, { name: string; origins: Set<string> }>();
  const listWants = new Map<string, { op: Op | null; acao: Op; header: string; names: string[] }>();
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
      try {
        const st = newSt({ method: "OPTIONS", url: spec.url, headers: [["Origin", spec.origin]] });
        p.preflight(route(tree, st).vhost, 0);
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
    const path = new URL(hop.url).pathname;
    const acao = finalLine(r, "Access-Control-Allow-Origin");
    switch (cause.code) {
      case "preflight-status-not-ok":
      case "preflight-redirected":
        p.preflight(r.route.vhost, hop.status ?? 0);
        break;
      case "missing-allow-origin": {
        const reached = r.ops.filter((x) => isAcao(x.op.field) && sets(x.op));
        // Set, but only in the table a response httpd made itself does not send.
        const lost = reached.find((x) => !x.applied && !x.op.always && r.local);
        if (lost) {
          const group = r.ops
            .map((x) => x.op)
            .filter(
              (o) => isCors(o.field) && sets(o) && !o.always && o.layer.section === lost.op.layer.section,
            );
          p.always(group, r.status, lost.op.field);
          break;
        }
        // Set under a condition on the origin that this origin does not meet: the condition grows.
        const guarded = reached.find((x) => x.op.cond && /^env=/i.test(x.op.cond));
        if (guarded) {
          const name = (guarded.op.cond as string).slice(4);
          const setter = p.setterOf(name);
          // `"%{HTTP_ORIGIN}e" env=HTTP_ORIGIN` (enable-cors.org's recipe): no line of the file
          // sets that variable, and httpd does not for a request it proxies (HTTP_* variables are
          // made for CGI scripts): a SetEnvIf Origin line sets it, to the listed origins.
          const own = VARIABLE.exec(guarded.op.value.trim())?.[1];
          if (setter) {
            const w = regexWants.get(setter) ?? new Set();
            w.add(spec.origin);
            regexWants.set(setter, w);
          } else if (own === name) {
            const w = setterWants.get(guarded.op.node) ?? { name, origins: new Set<string>() };
            w.origins.add(spec.origin);
            setterWants.set(guarded.op.node, w);
          } else
            p.cannot.set(spec.id, {
              key: "config.apache.cannot.condition",
              params: { line: guarded.op.node.line },
            });
          break;
        }
        if (reached.length > 0) {
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        // Set in a .htaccess httpd does not read (an AllowOverride without FileInfo): allowed there.
        const off = r.route.ignored[0];
        if (off) {
          p.allowFileInfo(off.by, off.file);
          break;
        }
        // Set in a <FilesMatch> whose pattern leaves out this file (CORS for fonts and scripts, the
        // page fetches JSON): the pattern grows an alternative for this file's extension.
        const all = allOps(tree);
        const files = all.find(
          (o) =>
            isAcao(o.field) && sets(o) && o.layer.where === "files" && o.layer.section?.key === "filesmatch",
        );
        if (files?.layer.section) {
          if (!p.extendFilesMatch(files.layer.section, path))
            p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        // Set in a section (or an <If>) this request is outside of: its CORS lines are repeated in the
        // virtual host, where every request gets them (a later set in the section still wins there).
        // A <Directory> section too: a proxied request maps to no file, so none applies to it.
        const source = all.find(
          (o) =>
            isAcao(o.field) &&
            sets(o) &&
            (o.layer.where === "location" ||
              (o.layer.where === "directory" && r.outcome.kind === "upstream") ||
              parentIf(tree, o.node)),
        );
        if (source && r.route.vhost) {
          const within = parentIf(tree, source.node);
          // Vary: Origin with them, where the section has it (an answer that depends on the Origin).
          const group = all.filter(
            (o) =>
              (isCors(o.field) || /^vary$/i.test(o.field)) &&
              sets(o) &&
              (within
                ? !!within.section?.children.includes(o.node)
                : o.layer.section === source.layer.section && !parentIf(tree, o.node)),
          );
          // The variables those lines read (`%{NAME}e`, `env=NAME`) are set by SetEnvIf/SetEnv lines of
          // the same section: copied with them, or the copy sends nothing.
          const vars = new Set(
            group.flatMap((o) => [
              ...(o.cond ? [/^env=!?(.+)$/i.exec(o.cond)?.[1] ?? ""] : []),
              ...[...o.value.matchAll(/%\{(\w+)\}e/g)].map((m) => m[1] ?? ""),
            ]),
          );
          const section = within ?? source.layer.section;
          const setters = (section?.section?.children ?? []).filter(
            (n) =>
              ["setenvif", "setenvifnocase", "setenv"].includes(n.key) &&
              n.args.some((a) => vars.has(a.value.replace(/^!/, "").split("=")[0] ?? "")),
          );
          p.copy(
            [...setters, ...group.map((o) => o.node)].sort((a, b) => a.start - b.start),
            r.route.vhost,
            path,
          );
          break;
        }
        if (allOps(tree).some((o) => isAcao(o.field) && sets(o))) {
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        // One Allow-Origin line per virtual host (the first request's): it exposes what the failing
        // requests to that host carried in their answers.
        p.freshOrigin(
          r.route.vhost,
          [spec.origin],
          spec.credentials === "include",
          recordedExposable(failing.map((f) => f.spec).filter((s) => hostOf(s.url) === hostOf(spec.url))),
        );
        break;
      }
      case "allow-origin-mismatch":
      case "invalid-allow-origin":
      case "wildcard-origin-with-credentials":
      case "multiple-allow-origin": {
        const lines = r.headers.filter((h) => isAcao(h.name));
        const fromApp = lines.filter((h) => !h.op);
        const mine = lines.filter((h) => h.op);
        if (cause.code === "multiple-allow-origin" && fromApp.length > 0 && mine.length > 0) {
          const ours = new Set(r.headers.filter((h) => h.op && isCors(h.name)).map((h) => lower(h.name)));
          const names = [
            ...new Set(r.headers.filter((h) => !h.op && ours.has(lower(h.name))).map((h) => h.name)),
          ];
          p.hideUpstream(mine[0]?.op as Op, names);
          break;
        }
        if (cause.code === "multiple-allow-origin" && mine.length > 1) {
          const [first, second] = mine as [Line, Line];
          const ops = mine.map((h) => h.op as Op);
          if (first.value.trim() === second.value.trim() && first.op && second.op)
            p.removeLine(second.op, first.op);
          // One `Header add` per front end (every response then carries them all, and no browser takes
          // a list): one line answering each listed origin with itself.
          else if (!p.oneOriginOf(ops, spec.origin, hasVary))
            p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
          break;
        }
        // An origin the `SetEnvIf Origin` test let through, sent altered (`=$0$1` appends a group):
        // the variable is set to the origin itself.
        if (cause.code === "allow-origin-mismatch" && acao?.op && p.assignsAltered(acao.op)) {
          p.assignOrigin(acao.op);
          break;
        }
        if (acao?.op) {
          const w = originWants.get(acao.op) ?? { id: spec.id, origins: new Set() };
          w.origins.add(spec.origin);
          originWants.set(acao.op, w);
        } else if (acao)
          p.cannot.set(spec.id, { key: "config.apache.cannot.upstream-sets", params: { path } });
        else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      }
      case "allow-credentials-not-true": {
        const acac = finalLine(r, "Access-Control-Allow-Credentials");
        if (acao?.op) p.credentials(acao.op, acac?.op ?? null);
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
        const list = finalLine(r, header);
        if (list && !list.op) {
          p.cannot.set(spec.id, { key: "config.apache.cannot.upstream-sets", params: { path } });
          break;
        }
        if (!acao?.op) {
          p.cannot.set(spec.id, { key: "config.cannot.no-level" });
          break;
        }
        const key = `${header}:${(list?.op ?? acao.op).node.file}:${(list?.op ?? acao.op).node.start}`;
        const w = listWants.get(key) ?? { op: list?.op ?? null, acao: acao.op, header, names: [] };
        for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
        listWants.set(key, w);
        break;
      }
      default:
        p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
    }
  }
  for (const [op, w] of originWants) p.allowOrigin(w.id, op, [...w.origins], hasVary);
  for (const [setter, origins] of regexWants) p.extendRegex(setter, [...origins]);
  for (const [header, w] of setterWants) p.setterFor(header, w.name, [...w.origins]);
  for (const w of listWants.values()) {
    if (w.op) p.extendList(w.op, w.names, w.header);
    else p.newList(w.acao, w.header, w.names);
  }
  return { edits: p.edits, cannot: p.cannot };
}

/** A URL's host and port, as a virtual host is chosen by ("" for one that does not parse). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}
