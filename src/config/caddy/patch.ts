/**
 * The Caddyfile patcher: from a failing request's first failing check and the block that answered
 * it, the smallest edit that makes it pass while keeping what the file allowed: lists are extended,
 * a reflected origin keeps its matcher and the matcher grows, `*` is kept for the other origins (the
 * listed ones get their own origin from a deferred `header`, which Caddy applies last), the preflight
 * is answered with `respond` inside the block the request lands in (a `handle` elsewhere would never
 * run: `handle` blocks are mutually exclusive), `header_down -…` drops the application's copy of a
 * header Caddy sets. Edits are byte ranges of the original text: nothing else moves.
 */
import { afterLine, EditList, indentAt, lineStart } from "../edit";
import type { Words } from "../types";
import { freshWhy } from "../whatif";
import { argsAfterMatcher, findMatcher, matcherLines, matcherToken, type Op, type Scope } from "./answer";
import type { Node, Token } from "./syntax";
import type { CaddyTree } from "./tree";

const lower = (s: string) => s.toLowerCase();

/** One indentation step as the file writes it (Caddy's own `fmt` uses a tab). */
export function indentUnit(text: string): string {
  const m = /\{[ \t]*\n([ \t]*)\S/.exec(text);
  if (!m) return "\t";
  const inner = m[1] ?? "";
  const outer = indentAt(text, m.index);
  const unit = inner.startsWith(outer) ? inner.slice(outer.length) : "";
  return unit.length > 0 ? unit : "\t";
}

/** A value as a Caddyfile token: bare where it can be, else in double quotes. */
export function quote(value: string, wasQuoted = false): string {
  if (!wasQuoted && /^[^\s"'`{}#]+$/.test(value)) return value;
  if (!wasQuoted && /^\{[^\s{}]+\}$/.test(value)) return value;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * A named matcher of origins: Caddy's `header` matcher takes one value per line, and lines of the
 * same field are alternatives (MatchHeader in caddyhttp/matchers.go).
 */
export function originMatcher(name: string, origins: string[], unit: string): string[] {
  if (origins.length === 1) return [`@${name} header Origin ${origins[0]}`];
  return [`@${name} {`, ...origins.map((o) => `${unit}header Origin ${o}`), "}"];
}

export const REFLECT = /^\{(?:http\.request\.)?header\.origin\}$/i;

export class Patcher extends EditList {
  constructor(tree: CaddyTree) {
    super(tree.files);
    for (const t of tree.files.values())
      for (const m of t.matchAll(/@([A-Za-z0-9_-]+)/g)) this.names.add(m[1] as string);
  }

  /** Lines after the line holding `n`'s end, at `n`'s indentation. */
  private after(n: Node, lines: string[], why: Words, key: string): void {
    const text = this.text(n.file);
    const indent = indentAt(text, n.start);
    const at = afterLine(text, n.end);
    const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
    this.push(key, {
      file: n.file,
      start: at,
      end: at,
      text: `${nl}${lines.map((l) => indent + l).join("\n")}\n`,
      why,
    });
  }

  /** Lines before the line of `n`, at its indentation. */
  private before(n: Node, lines: string[], why: Words, key: string): void {
    const text = this.text(n.file);
    const indent = indentAt(text, n.start);
    const at = lineStart(text, n.start);
    this.push(key, {
      file: n.file,
      start: at,
      end: at,
      text: `${lines.map((l) => indent + l).join("\n")}\n`,
      why,
    });
  }

  /** Lines at the top of a block (before its first directive, or inside an empty one). */
  private top(scope: Scope, lines: string[], why: Words, key: string, at?: Node | null): void {
    const first = at ?? scope.nodes.find((n) => !n.name.startsWith("@")) ?? scope.nodes[0];
    if (first) {
      this.before(first, lines, why, key);
      return;
    }
    const block = scope.node?.block;
    const file = scope.node?.file ?? scope.site.block.file;
    const text = this.text(file);
    const unit = indentUnit(text);
    if (block && scope.node) {
      const indent = indentAt(text, scope.node.start) + unit;
      const pos = afterLine(text, block.open);
      this.push(key, {
        file,
        start: pos,
        end: pos,
        text: `${lines.map((l) => indent + l).join("\n")}\n`,
        why,
      });
      return;
    }
    const site = scope.site.block.node;
    if (site) {
      const pos = afterLine(text, site.open);
      this.push(key, { file, start: pos, end: pos, text: `${lines.map((l) => unit + l).join("\n")}\n`, why });
    }
  }

  private unit(file: string): string {
    return indentUnit(this.text(file));
  }

  /** 1. The preflight answered with 204 in the block the request lands in, before what answered it. */
  preflight(scope: Scope, terminal: Node | null, status: number): void {
    const existing = findMatcher(scope, "@cors_preflight");
    const isOptions =
      existing &&
      matcherLines(existing).every((l) => l.type === "method" && l.args.every((a) => a.value === "OPTIONS"));
    const name = isOptions ? "cors_preflight" : this.freshName("cors_preflight");
    const lines = [...(isOptions ? [] : [`@${name} method OPTIONS`]), `respond @${name} 204`];
    const why: Words = { key: "config.caddy.fix.preflight", params: { status } };
    const key = `preflight:${scope.node?.start ?? scope.site.block.line}:${scope.site.block.file}`;
    if (terminal && terminal.name !== "header") this.before(terminal, lines, why, key);
    else this.top(scope, lines, why, key);
  }

  /** 2. Header operations repeated in the block that answered without them. */
  copy(scope: Scope, ops: Op[], at: Node | null, deferred: boolean): void {
    if (ops.length === 0) return;
    const file = scope.node?.file ?? scope.site.block.file;
    const u = this.unit(file);
    const field = (op: Op) =>
      `${op.kind === "add" ? "+" : op.kind === "default" ? "?" : ""}${op.field}${op.valueToken ? ` ${this.raw(op.valueToken, op.line.file)}` : ""}`;
    const lines = deferred
      ? ["header {", ...ops.map((o) => `${u}${field(o)}`), `${u}defer`, "}"]
      : ops.map((o) => `header ${field(o)}`);
    const from = ops[0] as Op;
    this.top(
      scope,
      lines,
      { key: "config.caddy.fix.copy", params: { line: from.line.line } },
      `copy:${scope.node?.start ?? "site"}:${file}`,
      at,
    );
  }

  private raw(t: Token, file: string): string {
    return this.text(file).slice(t.start, t.end);
  }

  /** A whole directive removed (a `header` in a `route` after the handler that answers: it never ran). */
  removeNode(n: Node, why: Words): void {
    const text = this.text(n.file);
    this.push(`rm:${n.file}:${n.start}`, {
      file: n.file,
      start: lineStart(text, n.start),
      end: afterLine(text, n.end),
      text: "",
      why,
    });
  }

  /**
   * A deferred deletion of a field this file also sets: the deletion's line goes, and the setting
   * line becomes a deferred `set` (a block with `defer`: Caddy 2.6 has no `>` prefix), which
   * replaces the application's value when the response is written. One-line directives only.
   */
  deferSet(mine: Op, dropped: Op): boolean {
    const del = dropped.directive;
    const set = mine.directive;
    if (del.block || set.block || del.args.length !== 1 || !mine.valueToken) return false;
    const text = this.text(set.file);
    const indent = indentAt(text, set.start);
    const u = this.unit(set.file);
    const matcher = mine.matcher ? `${this.raw(mine.matcher, set.file)} ` : "";
    const why: Words = {
      key: "config.caddy.fix.defer-set",
      params: { line: mine.line.line, deleted: dropped.line.line },
    };
    this.removeNode(del, why);
    this.push(`defer:${set.file}:${set.start}`, {
      file: set.file,
      start: set.start,
      end: set.end,
      text: `header ${matcher}${mine.field} ${this.raw(mine.valueToken, set.file)} {\n${indent}${u}defer\n${indent}}`,
      why,
    });
    return true;
  }

  /** A path matcher taken off a CORS `header` line: the request outside those paths needs it too. */
  dropMatcher(n: Node, token: Token, why: Words): void {
    const next = n.args[n.args.indexOf(token) + 1];
    this.push(`unmatch:${n.file}:${token.start}`, {
      file: n.file,
      start: token.start,
      end: next ? next.start : token.end,
      text: "",
      why,
    });
  }

  /** 3. Allow-Origin where none was set. */
  freshOrigin(
    id: string,
    scope: Scope,
    origins: string[],
    credentials: boolean,
    at: Node | null,
    expose: string[] = [],
  ): void {
    const file = scope.node?.file ?? scope.site.block.file;
    let lines: string[];
    // The matcher that guards the headers, where several origins need one.
    let guard = "";
    if (origins.length === 1) {
      lines = [`header Access-Control-Allow-Origin ${quote(origins[0] as string, true)}`];
      if (credentials) lines.push("header Access-Control-Allow-Credentials true");
    } else {
      const m = this.freshName("cors_origin");
      guard = `@${m} `;
      lines = [
        ...originMatcher(
          m,
          origins.map((o) => quote(o)),
          this.unit(file),
        ),
        `header @${m} Access-Control-Allow-Origin "{header.Origin}"`,
        `header @${m} Vary Origin`,
      ];
      if (credentials) lines.push(`header @${m} Access-Control-Allow-Credentials true`);
    }
    if (expose.length > 0)
      lines.push(`header ${guard}Access-Control-Expose-Headers ${quote(expose.join(", "))}`);
    void id;
    this.top(
      scope,
      lines,
      freshWhy(origins.join(" "), expose),
      `fresh:${scope.node?.start ?? "site"}:${file}`,
      at,
    );
  }

  /** 4. Let the origins through the Allow-Origin operation `op`, keeping every origin it allowed. */
  allowOrigin(id: string, op: Op, origins: string[], credentials: boolean): boolean {
    const v = op.value.trim();
    const file = op.line.file;
    const u = this.unit(file);
    const refused = (why: Words) => {
      this.cannot.set(id, why);
      return false;
    };
    if (REFLECT.test(v)) {
      // Reflected under a matcher: the matcher's Origin list grows.
      if (!op.matcher?.value.startsWith("@"))
        return refused({ key: "config.caddy.cannot.matcher", params: { line: op.line.line } });
      return this.growMatcher(id, op, origins);
    }
    // Another request header (`{http.request.header.Referer}`, Host): never an origin (a Referer
    // has a path, a Host no scheme), so it allowed nothing. The page's origins, reflected under a
    // matcher of the line's own conditions and those origins, take its place.
    if (/^\{(?:http\.request\.)?header\.[A-Za-z0-9-]+\}$/.test(v) && !REFLECT.test(v))
      return this.originsForHeader(id, op, origins);
    const map = /^\{([^{}]+)\}$/.exec(v);
    if (map) return this.growMap(id, op, map[1] as string, origins);
    if (v.includes("{"))
      return refused({ key: "config.cannot.origin-value", params: { value: v, line: op.line.line } });
    if (op.down) return refused({ key: "config.caddy.cannot.header-down", params: { line: op.line.line } });
    if (op.matcher) {
      const def = op.matcher.value.startsWith("@") ? findMatcher(op.scope, op.matcher.value) : null;
      const originLine = def
        ? matcherLines(def).find((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin")
        : null;
      if (!originLine || !op.valueToken)
        return refused({ key: "config.caddy.cannot.matcher", params: { line: op.line.line } });
      this.growMatcher(id, op, origins);
      this.push(`acao:${file}:${op.valueToken.start}`, {
        file,
        start: op.valueToken.start,
        end: op.valueToken.end,
        text: '"{header.Origin}"',
        why: { key: "config.caddy.fix.reflect", params: { line: op.line.line } },
      });
      return true;
    }
    // Inside a `handle` whose matcher already checks the Origin: the value becomes the request's
    // own origin and the matcher grows.
    const gate =
      op.scope.kind === "handle" && op.scope.node && !op.inBlock ? matcherToken(op.scope.node) : null;
    const gateDef =
      gate?.value.startsWith("@") && op.scope.parent ? findMatcher(op.scope.parent, gate.value) : null;
    const gateLines = gateDef ? matcherLines(gateDef) : [];
    if (
      gate &&
      op.valueToken &&
      gateLines.length > 0 &&
      gateLines.every((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin")
    ) {
      this.growNamed(id, gate, op.scope.parent as Scope, origins, op.line.line);
      this.push(`acao:${file}:${op.valueToken.start}`, {
        file,
        start: op.valueToken.start,
        end: op.valueToken.end,
        text: '"{header.Origin}"',
        why: { key: "config.caddy.fix.reflect", params: { line: op.line.line } },
      });
      return true;
    }
    const m = this.freshName("cors_origin");
    if (v === "*") {
      // `*` stays for every other origin; the listed ones get their own, from a deferred header
      // that Caddy applies after the immediate one.
      const lines = [
        ...originMatcher(
          m,
          origins.map((o) => quote(o)),
          u,
        ),
        `header @${m} {`,
        `${u}Access-Control-Allow-Origin "{header.Origin}"`,
        `${u}Vary Origin`,
        ...(credentials ? [`${u}Access-Control-Allow-Credentials true`] : []),
        `${u}defer`,
        "}",
      ];
      const anchor = op.inBlock ? op.directive : op.line;
      this.after(
        anchor,
        lines,
        { key: "config.caddy.fix.wildcard", params: { line: op.line.line, origins: origins.join(" ") } },
        `acao:${file}:${op.line.start}`,
      );
      return true;
    }
    // A fixed origin (or several in one value): a matcher of them all, and the request's own origin.
    // An origin from the environment (`{$CORS_ORIGIN:…}`) or a snippet's argument stays as written.
    const raw = op.valueToken ? this.raw(op.valueToken, file) : v;
    const listed = /\{\$|\{args/.test(raw)
      ? [raw]
      : v
          .split(/[\s,]+/)
          .filter((s) => s !== "")
          .map((o) => quote(o));
    const all = [...new Set([...listed, ...origins.map((o) => quote(o))])];
    const deferred = op.deferred;
    const lines = deferred
      ? [
          ...originMatcher(m, all, u),
          `header @${m} {`,
          `${u}Access-Control-Allow-Origin "{header.Origin}"`,
          `${u}Vary Origin`,
          `${u}defer`,
          "}",
        ]
      : [
          ...originMatcher(m, all, u),
          `header @${m} Access-Control-Allow-Origin "{header.Origin}"`,
          `header @${m} Vary Origin`,
        ];
    const why: Words = {
      key: "config.caddy.fix.origin-list",
      params: { line: op.line.line, origins: all.join(" ") },
    };
    const text = this.text(file);
    if (op.inBlock) {
      // A line of a `header { }` block takes no matcher: it leaves the block, the matcher form follows it.
      const s = lineStart(text, op.line.start);
      this.push(`acao-rm:${file}:${op.line.start}`, {
        file,
        start: s,
        end: afterLine(text, op.line.end),
        text: "",
        why,
      });
      this.after(op.directive, lines, why, `acao:${file}:${op.line.start}`);
      return true;
    }
    const indent = indentAt(text, op.line.start);
    this.push(`acao:${file}:${op.line.start}`, {
      file,
      start: op.line.start,
      end: op.line.end,
      text: lines.map((l, i) => (i === 0 ? l : indent + l)).join("\n"),
      why,
    });
    return true;
  }

  private growMatcher(id: string, op: Op, origins: string[]): boolean {
    return this.growNamed(id, op.matcher, op.scope, origins, op.line.line);
  }

  /** The origins added to the Origin lines of the named matcher `token` (seen from `scope`). */
  growNamed(id: string, token: Token | null, scope: Scope, origins: string[], at: number): boolean {
    const op = { line: { line: at } };
    const def = token ? findMatcher(scope, token.value) : null;
    const line = def
      ? matcherLines(def).find((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin")
      : null;
    if (!def || !line) {
      this.cannot.set(id, { key: "config.caddy.cannot.matcher", params: { line: op.line.line } });
      return false;
    }
    // Every Origin line of the matcher: lines of one field are alternatives.
    const have = new Set(
      matcherLines(def as Node)
        .filter((l) => l.type === "header" && lower(l.args[0]?.value ?? "") === "origin")
        .flatMap((l) => l.args.slice(1).map((a) => a.value)),
    );
    if (have.has("*")) return true;
    const add = origins.filter((o) => !have.has(o));
    if (add.length === 0) return true;
    const text = this.text(def.file);
    const why: Words = {
      key: "config.caddy.fix.matcher",
      params: { name: def.name, line: line.node.line, origins: add.join(" ") },
    };
    const added = add.map((o) => `header Origin ${quote(o)}`);
    if (def.block) {
      this.after(line.node, added, why, `matcher:${def.file}:${def.start}`);
      return true;
    }
    // A one-line matcher becomes a block: one value per `header` line.
    const indent = indentAt(text, def.start);
    const u = this.unit(def.file);
    const first = text.slice(def.args[0]?.start ?? def.end, def.end);
    this.push(`matcher:${def.file}:${def.start}`, {
      file: def.file,
      start: def.start,
      end: def.end,
      text: [
        `${def.name} {`,
        `${indent}${u}${first}`,
        ...added.map((l) => `${indent}${u}${l}`),
        `${indent}}`,
      ].join("\n"),
      why,
    });
    return true;
  }

  private originsForHeader(id: string, op: Op, origins: string[]): boolean {
    const file = op.line.file;
    const text = this.text(file);
    const u = this.unit(file);
    // The line's own conditions: a named matcher's lines, or a path written on the directive.
    let conditions: string[] = [];
    if (op.matcher?.value.startsWith("@")) {
      const def = findMatcher(op.scope, op.matcher.value);
      if (!def) {
        this.cannot.set(id, { key: "config.caddy.cannot.matcher", params: { line: op.line.line } });
        return false;
      }
      conditions = matcherLines(def).map((l) =>
        l.type === "expression"
          ? `expression ${text.slice(l.args[0]?.start ?? 0, l.args.at(-1)?.end ?? 0)}`
          : text.slice(l.node.start, l.node.end).replace(/^@[A-Za-z0-9_-]+\s+/, ""),
      );
    } else if (op.matcher && op.matcher.value !== "*") conditions = [`path ${op.matcher.value}`];
    const m = this.freshName("cors_origin");
    const lines = [
      `@${m} {`,
      ...conditions.map((c) => `${u}${c}`),
      ...origins.map((o) => `${u}header Origin ${quote(o)}`),
      "}",
      `header @${m} Access-Control-Allow-Origin "{header.Origin}"`,
    ];
    const why: Words = {
      key: "config.caddy.fix.origin-header",
      params: { line: op.line.line, value: op.value, origins: origins.join(" ") },
    };
    // The line goes (a one-line `header` directive, the field line of a block, or the block it
    // was the only field of).
    const alone = !op.inBlock || (op.directive.block?.children.length ?? 0) <= 1;
    this.removeNode(alone ? op.directive : op.line, why);
    this.after(op.directive, lines, why, `origin-header:${file}:${op.line.start}`);
    return true;
  }

  private growMap(id: string, op: Op, variable: string, origins: string[]): boolean {
    const maps: Node[] = [];
    for (let s: Scope | null = op.scope; s; s = s.parent)
      maps.push(...s.nodes.filter((n) => n.name === "map"));
    const map = maps.find((n) =>
      argsAfterMatcher(n)
        .slice(1)
        .some((a) => a.value === `{${variable}}`),
    );
    const source = map ? (argsAfterMatcher(map)[0]?.value ?? "") : "";
    if (!map?.block || !/^\{(?:http\.request\.)?header\.origin\}$/i.test(source)) {
      this.cannot.set(id, {
        key: "config.cannot.origin-value",
        params: { value: op.value, line: op.line.line },
      });
      return false;
    }
    const dests = argsAfterMatcher(map).slice(1);
    const index = dests.findIndex((a) => a.value === `{${variable}}`);
    const first = map.block.children.find((c) => c.name !== "default") ?? map.block.children[0];
    const lines = origins.map((o) => {
      const outs = dests.map((_, i) => (i === index ? quote(o) : "-"));
      return `${quote(o)} ${outs.join(" ")}`;
    });
    const why: Words = {
      key: "config.fix.map-entry",
      params: { line: map.line, origins: origins.join(" ") },
    };
    if (first) this.before(first, lines, why, `map:${map.file}:${map.start}`);
    else
      this.cannot.set(id, {
        key: "config.cannot.origin-value",
        params: { value: op.value, line: op.line.line },
      });
    return !!first;
  }

  /** A line beside the Allow-Origin operation, in the same form (same matcher, block, or header_down). */
  beside(op: Op, field: string, value: string, why: Words): void {
    const lineText = op.down
      ? `header_down ${field} ${value}`
      : op.inBlock
        ? `${field} ${value}`
        : `header ${op.matcher ? `${op.matcher.value} ` : ""}${field} ${value}`;
    this.after(op.line, [lineText], why, `beside:${op.line.file}:${op.line.start}:${lower(field)}`);
  }

  /** 5. Names added to an Allow-Methods / Allow-Headers value. */
  extendList(op: Op, names: string[], header: string): void {
    const t = op.valueToken;
    if (!t) return;
    const have = op.value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const add = names.filter((n) => !have.some((h) => lower(h) === lower(n)));
    if (add.length === 0) return;
    const sep =
      op.value.includes(", ") || op.value.trim() === "" ? ", " : op.value.includes(",") ? "," : ", ";
    const next = [...have, ...add].join(sep);
    this.push(`list:${op.line.file}:${t.start}`, {
      file: op.line.file,
      start: t.start,
      end: t.end,
      text: quote(next, t.quoted || next.includes(" ")),
      why: {
        key: header === "Access-Control-Allow-Methods" ? "config.fix.methods" : "config.fix.headers",
        params: { names: add.join(", "), line: op.line.line },
      },
    });
  }

  /** 6. Access-Control-Allow-Credentials true. */
  credentials(acao: Op, existing: Op | null): void {
    if (existing?.valueToken) {
      const t = existing.valueToken;
      this.push(`acac:${existing.line.file}:${t.start}`, {
        file: existing.line.file,
        start: t.start,
        end: t.end,
        text: "true",
        why: { key: "config.fix.credentials" },
      });
      return;
    }
    this.beside(acao, "Access-Control-Allow-Credentials", "true", { key: "config.fix.credentials" });
  }

  /** 7. The application's copy of headers Caddy sets, dropped with header_down. */
  hideUpstream(proxy: Node, names: string[], own?: { line: number; file: string }): void {
    const file = proxy.file;
    const text = this.text(file);
    const u = this.unit(file);
    const lines = names.map((n) => `header_down -${n}`);
    // Caddy's own Allow-Origin line: the other of the two values (check --har names it too).
    const why: Words = {
      key: "config.caddy.fix.hide",
      params: { names: names.join(", "), ...(own ? { own: own.line, ownFile: own.file } : {}) },
    };
    const key = `hide:${file}:${proxy.start}`;
    const inner = proxy.block?.children[0];
    if (inner) {
      this.before(inner, lines, why, key);
      return;
    }
    const indent = indentAt(text, proxy.start);
    if (proxy.block) {
      const at = afterLine(text, proxy.block.open);
      this.push(key, {
        file,
        start: at,
        end: at,
        text: `${lines.map((l) => indent + u + l).join("\n")}\n`,
        why,
      });
      return;
    }
    this.push(key, {
      file,
      start: proxy.end,
      end: proxy.end,
      text: ` {\n${lines.map((l) => indent + u + l).join("\n")}\n${indent}}`,
      why,
    });
  }

  /**
   * 7b. A `header_down` that sets a header Caddy's own `header` sets too: both are sent, so every
   * request was blocked; the line now drops the header instead (Caddy's value stays).
   */
  dropDown(op: Op, first: number): void {
    // `header_down -Field`: whatever the application or this line sent, Caddy's own value is the one.
    const end = op.line.args.at(-1)?.end ?? op.line.end;
    this.push(`drop:${op.line.file}:${op.line.start}`, {
      file: op.line.file,
      start: op.fieldToken.start,
      end,
      text: `-${op.field}`,
      why: { key: "config.fix.duplicate", params: { line: op.line.line, first } },
    });
  }

  /** 8. basicauth lets OPTIONS through (a preflight carries no credentials). */
  authExempt(id: string, auth: Node, scope: Scope, status: number): void {
    const m = matcherToken(auth);
    const name = this.freshName("cors_authed");
    const why: Words = { key: "config.caddy.fix.auth", params: { line: auth.line, status } };
    const key = `auth:${auth.file}:${auth.start}`;
    if (!m || m.value === "*") {
      this.before(auth, [`@${name} not method OPTIONS`], why, `${key}:def`);
      const at = m ? m.start : auth.nameToken.end;
      this.push(key, {
        file: auth.file,
        start: at,
        end: m ? m.end : at,
        text: m ? `@${name}` : ` @${name}`,
        why,
      });
      return;
    }
    if (m.value.startsWith("/")) {
      const u = this.unit(auth.file);
      this.before(
        auth,
        [`@${name} {`, `${u}path ${m.value}`, `${u}not method OPTIONS`, "}"],
        why,
        `${key}:def`,
      );
      this.push(key, { file: auth.file, start: m.start, end: m.end, text: `@${name}`, why });
      return;
    }
    void scope;
    this.cannot.set(id, { key: "config.caddy.cannot.auth-matcher", params: { line: auth.line } });
  }
}
