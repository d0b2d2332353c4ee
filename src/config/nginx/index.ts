/** nginx: reader (answers and allowance), checker and patcher behind one interface. */
import { combinedHeader } from "../../engine";
import type { Edit } from "../edit";
import type { Allowance, ConfigFile, ConfigFinding, ReadConfig, Words } from "../types";
import {
  faultOf,
  type Judged,
  type RequestSpec,
  recordedExposable,
  STRANGER_ORIGIN,
  Unknown,
  unsafeNames,
} from "../whatif";
import { addHeaders, answer, findLocation, findServer, render } from "./answer";
import { checkNginx } from "./check";
import { guardedAcao, originGate, Patcher } from "./patch";
import { sampleOrigin } from "./sample";
import { buildTree, type Ctx, inheritedLevel, type NginxTree, own } from "./tree";

export interface NginxConfig extends ReadConfig {
  tree: NginxTree;
}

const lower = (s: string) => s.toLowerCase();

export function readNginx(files: readonly ConfigFile[]): NginxConfig {
  const tree = buildTree(files);
  const notes: Words[] = [];
  for (const orphan of tree.orphans) notes.push({ key: "config.note.orphan", params: { file: orphan } });
  const unresolved = tree.all.flatMap((c) => c.unresolved);
  for (const d of unresolved)
    notes.push({
      key: "config.note.include",
      params: { file: d.file, line: d.line, pattern: d.args[0]?.value ?? "" },
    });
  return {
    format: "nginx",
    tree,
    notes,
    answer: (request) => answer(tree, request),
    allowance: () => allowanceOf(tree),
    check: (): ConfigFinding[] => checkNginx(tree),
  };
}

/** Whether any passed file adds an Access-Control-* header (else CORS is set somewhere else). */
export function setsCors(tree: NginxTree): boolean {
  return tree.all.some((c) => addHeaders(c).some((h) => /^access-control-/i.test(h.name)));
}

function listValues(level: Ctx | null, name: string): string[] {
  return addHeaders(level)
    .filter((h) => lower(h.name) === lower(name) && !h.value.includes("$"))
    .flatMap((h) => h.value.split(/[\s,]+/))
    .filter((s) => s !== "" && s !== "*");
}

/** The origins an Allow-Origin value lets through, as concrete origins to try. */
function originsOf(value: string, tree: NginxTree, location: Ctx): string[] {
  const v = value.trim();
  if (v === "*" || /^\$\{?http_origin\}?$/i.test(v)) return [STRANGER_ORIGIN];
  if (!v.includes("$"))
    return v
      .split(/[\s,]+/)
      .filter((s) => /^https?:\/\//.test(s))
      .slice(0, 1);
  const name = /^\$\{?(\w+)\}?$/.exec(v)?.[1];
  const map = name ? tree.maps.get(name) : undefined;
  const out: string[] = [];
  if (map && /^\$http_origin$/i.test(map.args[0]?.value ?? "")) {
    for (const e of map.block?.children ?? []) {
      const value = e.args[0]?.value ?? "";
      if (value === "" || value === "0") continue;
      if (e.name === "default") out.push(STRANGER_ORIGIN);
      else if (e.name.startsWith("~")) {
        const s = sampleOrigin(e.name.replace(/^~\*?/, ""), e.name.startsWith("~*"));
        if (s) out.push(s);
      } else if (/^https?:\/\//.test(e.name)) out.push(e.name);
    }
    return out;
  }
  const guard = guardedAcao(location);
  const words = guard?.directive?.args.map((a) => a.value) ?? [];
  const regex = words.at(-1)?.replace(/\)$/, "");
  if (regex) {
    const s = words[1] === "=" ? regex : sampleOrigin(regex, words[1] === "~*");
    if (s) out.push(s);
  }
  return out;
}

function serverBase(server: Ctx): string {
  const listen = own(server, "listen")[0]?.args[0]?.value ?? "80";
  const port = /(\d+)$/.exec(listen)?.[1] ?? "80";
  const name = own(server, "server_name")
    .flatMap((d) => d.args.map((a) => a.value))
    .find((n) => /^[a-z0-9.-]+$/i.test(n) && n !== "_" && !n.startsWith("."));
  const ssl = own(server, "listen").some((d) => d.args.some((a) => a.value === "ssl"));
  return `${ssl ? "https" : "http"}://${name ?? "localhost"}:${port}`;
}

/** For each location with CORS headers: a URL that reaches it and what it allows. */
function allowanceOf(tree: NginxTree): Allowance[] {
  const out: Allowance[] = [];
  for (const server of tree.servers) {
    const base = serverBase(server);
    const places = server.children.filter((c) => c.kind === "location");
    const all = places.flatMap((p) => [p, ...p.children.filter((c) => c.kind === "location")]);
    for (const loc of all) {
      const m = loc.match;
      if (!m || m.modifier === "~" || m.modifier === "~*" || m.path.startsWith("@")) continue;
      const levels = [
        inheritedLevel(loc, "add_header"),
        ...loc.children.filter((c) => c.kind === "if").map((c) => inheritedLevel(c, "add_header")),
      ];
      const acao = levels
        .flatMap((l) => addHeaders(l))
        .filter((h) => lower(h.name) === "access-control-allow-origin");
      const guard = guardedAcao(loc);
      if (acao.length === 0 && !guard) continue;
      const origins = [
        ...new Set(
          [
            ...acao,
            ...(guard
              ? addHeaders(guard).filter((h) => lower(h.name) === "access-control-allow-origin")
              : []),
          ].flatMap((h) => originsOf(h.value, tree, loc)),
        ),
      ];
      if (origins.length === 0) continue;
      out.push({
        url: `${base}${m.path}`,
        origins,
        methods: [
          ...new Set(
            levels.flatMap((l) => listValues(l, "Access-Control-Allow-Methods")).map((x) => x.toUpperCase()),
          ),
        ],
        headers: [...new Set(levels.flatMap((l) => listValues(l, "Access-Control-Allow-Headers")))],
        credentials: levels.some((l) =>
          addHeaders(l).some(
            (h) => lower(h.name) === "access-control-allow-credentials" && lower(h.value) === "true",
          ),
        ),
      });
    }
  }
  return out;
}

/** One round of edits for the failing requests (each request's first failing check). */
export function patchNginx(
  tree: NginxTree,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const p = new Patcher(tree);
  // The origins each Allow-Origin directive must let through, gathered first: one edit per directive.
  const originWants = new Map<
    unknown,
    {
      level: Ctx;
      h: ReturnType<typeof addHeaders>[number];
      origins: Set<string>;
      id: string;
      location: Ctx | null;
    }
  >();
  const listWants = new Map<
    string,
    {
      level: Ctx;
      header: "Access-Control-Allow-Methods" | "Access-Control-Allow-Headers";
      names: string[];
      id: string;
    }
  >();
  const freshWants = new Map<
    Ctx,
    { origins: Set<string>; credentials: boolean; id: string; specs: RequestSpec[] }
  >();
  for (const { spec, judged } of failing) {
    if (typeof judged.unknown === "object" && judged.unknown?.key === "config.unknown.upstream-options") {
      const place = placeOf(tree, spec.url);
      if (place) p.preflightReturn(place, 0);
      continue;
    }
    const fault = faultOf(spec, judged);
    if (!fault) continue;
    if (!("hop" in fault)) {
      p.cannot.set(spec.id, fault);
      continue;
    }
    const { cause, hop } = fault;
    let r: ReturnType<typeof render>;
    try {
      r = render(tree, fault.request);
    } catch (e) {
      if (e instanceof Unknown) {
        p.cannot.set(spec.id, e.why);
        continue;
      }
      throw e;
    }
    const location = locationOf(r.ctx);
    const level = r.level;
    const acao = addHeaders(level).find((h) => lower(h.name) === "access-control-allow-origin");
    const wantOrigin = (h: NonNullable<typeof acao>, lvl: Ctx) => {
      const w = originWants.get(h.directive) ?? {
        level: lvl,
        h,
        origins: new Set<string>(),
        id: spec.id,
        location,
      };
      w.origins.add(spec.origin);
      originWants.set(h.directive, w);
    };
    switch (cause.code) {
      case "preflight-status-not-ok":
      case "preflight-redirected":
        if (r.ctx.kind === "limit_except") p.limitExcept(r.ctx, hop.status ?? 0);
        else p.preflightReturn(location ?? r.ctx, hop.status ?? 0);
        break;
      case "missing-allow-origin": {
        if (acao && level) {
          if (
            !acao.always &&
            hop.status !== null &&
            ![200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(hop.status)
          ) {
            p.always(level, hop.status);
          } else wantOrigin(acao, level);
          break;
        }
        const from = level?.parent ? inheritedLevel(level.parent, "add_header") : null;
        let source: Ctx | null = from;
        while (source && !addHeaders(source).some((h) => lower(h.name) === "access-control-allow-origin"))
          source = source.parent ? inheritedLevel(source.parent, "add_header") : null;
        if (level && source) {
          p.copyInto(level, source);
          break;
        }
        const guard = location ? guardedAcao(location) : null;
        if (guard) {
          const isAcao = (h: { name: string }) => lower(h.name) === "access-control-allow-origin";
          // The test may only set a variable that later `if`s test (`set $cors 'true'`): the Allow-Origin
          // is theirs, and the test still decides.
          const gated = guard.parent?.children.find(
            (c) => c !== guard && originGate(c, tree.all) === guard && addHeaders(c).some(isAcao),
          );
          const holder = addHeaders(guard).some(isAcao) ? guard : gated;
          const g = holder ? addHeaders(holder).find(isAcao) : undefined;
          if (holder && g) {
            wantOrigin(g, holder);
            break;
          }
        }
        const target = location ?? r.ctx;
        const w = freshWants.get(target) ?? {
          origins: new Set<string>(),
          credentials: false,
          id: spec.id,
          specs: [],
        };
        w.origins.add(spec.origin);
        w.specs.push(spec);
        w.credentials ||= spec.credentials === "include";
        freshWants.set(target, w);
        break;
      }
      case "allow-origin-mismatch":
      case "invalid-allow-origin":
      case "wildcard-origin-with-credentials":
        if (acao && level) wantOrigin(acao, level);
        else if (r.fromUpstream && r.headers.some(([n]) => lower(n) === "access-control-allow-origin"))
          p.cannot.set(spec.id, {
            key: "config.cannot.upstream-sets",
            params: { path: new URL(hop.url).pathname },
          });
        else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      case "multiple-allow-origin":
        // Several origins in one value ("a b" or "a, b"): one origin at a time, from a map.
        if (acao && level && !acao.value.includes("$") && /\S[\s,]+\S/.test(acao.value.trim())) {
          wantOrigin(acao, level);
          break;
        }
        if (!p.duplicate(level, r, location))
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      case "allow-credentials-not-true": {
        // "true, true": nginx's add_header over the application's own copy — the application's is
        // hidden (proxy_hide_header), as for a doubled Allow-Origin.
        const acac = r.headers.filter(([n]) => lower(n) === "access-control-allow-credentials");
        if (acac.length > 1 && r.fromUpstream && p.duplicate(level, r, location)) break;
        if (acao && level) p.credentials(level, acao);
        else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
        break;
      }
      case "method-not-allowed":
      case "header-not-allowed": {
        if (!level) {
          p.cannot.set(spec.id, { key: "config.cannot.no-level" });
          break;
        }
        const header =
          cause.code === "method-not-allowed"
            ? "Access-Control-Allow-Methods"
            : "Access-Control-Allow-Headers";
        const names =
          cause.code === "method-not-allowed"
            ? [spec.method]
            : unsafeNames(spec).map((n) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n);
        const key = `${header}:${level.directive?.start ?? level.file}`;
        const w = listWants.get(key) ?? { level, header, names: [], id: spec.id };
        for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
        listWants.set(key, w);
        break;
      }
      default:
        p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: cause.code } });
    }
    void combinedHeader;
  }
  for (const w of originWants.values()) p.allowOrigin(w.id, w.level, w.h, [...w.origins], w.location);
  for (const w of listWants.values()) p.extendList(w.id, w.level, w.header, w.names);
  for (const [ctx, w] of freshWants)
    p.fresh(w.id, ctx, [...w.origins], w.credentials, recordedExposable(w.specs));
  return { edits: p.edits, cannot: p.cannot };
}

/** The location a URL lands in (for a request whose answer is unknown). */
function placeOf(tree: NginxTree, url: string): Ctx | null {
  try {
    const u = new URL(url);
    const server = findServer(tree, u);
    return server ? (findLocation(server, decodeURIComponent(u.pathname)) ?? server) : null;
  } catch {
    return null;
  }
}

function locationOf(ctx: Ctx): Ctx | null {
  for (let c: Ctx | null = ctx; c; c = c.parent) if (c.kind === "location") return c;
  for (let c: Ctx | null = ctx; c; c = c.parent) if (c.kind === "server") return c;
  return null;
}
