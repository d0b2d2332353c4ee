/**
 * The nginx patcher: from a failing request's first failing check and the context that answered it,
 * the smallest edit that makes it pass while keeping what the file allowed (lists are extended, a
 * reflected origin or `*` is kept, `always` is added, `add_header`s are copied into the block that
 * dropped them). Edits are byte ranges of the original text: nothing else moves.
 */
import { afterLine, EditList, indentAt, lineStart } from "../edit";
import { escapeRegex } from "../origin-regex";
import type { Words } from "../types";
import { freshWhy } from "../whatif";
import { type AddHeader, addHeaders, conditionWords, corsRelevant, type Rendered } from "./answer";
import type { Directive, Token } from "./syntax";
import { type Ctx, inheritedLevel, type NginxTree, own } from "./tree";

const lower = (s: string) => s.toLowerCase();

/** One indentation step as the file writes it (the first nested line's extra indentation). */
function indentUnit(text: string): string {
  const m = /\{[^\n]*\n([ \t]*)\S/.exec(text);
  const inner = m?.[1] ?? "";
  const outer = m ? indentAt(text, m.index) : "";
  const unit = inner.startsWith(outer) ? inner.slice(outer.length) : "";
  return unit.length > 0 ? unit : "    ";
}

/** A value as nginx reads it, written with double quotes where it needs them (or was quoted). */
function quote(value: string, wasQuoted = true): string {
  if (!wasQuoted && /^[^\s;{}"'#]+$/.test(value)) return value;
  // nginx keeps a backslash before anything but a quote, a backslash, t, r or n (ngx_conf_file.c).
  return `"${value.replace(/\\(?=["'\\trn])/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export class Patcher extends EditList {
  /** Map variables this patcher created (one round can need two). */
  private readonly created = new Set<string>();

  constructor(private readonly tree: NginxTree) {
    super(tree.files);
  }

  private insertAfter(d: Directive, lines: string[], why: Words, key: string): void {
    const text = this.text(d.file);
    const indent = indentAt(text, d.start);
    const at = afterLine(text, d.end);
    const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
    this.push(key, {
      file: d.file,
      start: at,
      end: at,
      text: `${nl}${lines.map((l) => indent + l).join("\n")}\n`,
      why,
    });
  }

  /** Lines at the top of a block (after its `{` line), indented as its first directive. */
  private insertAtTop(ctx: Ctx, lines: string[], why: Words, key: string, before?: Directive): void {
    const first = before ?? ctx.items[0];
    const file = ctx.directive?.file ?? first?.file ?? ctx.file ?? "";
    const text = this.text(file);
    let at: number;
    let indent: string;
    if (first && first.file === file) {
      at = lineStart(text, first.start);
      indent = indentAt(text, first.start);
    } else if (ctx.directive?.block) {
      at = afterLine(text, ctx.directive.block.open);
      indent = indentAt(text, ctx.directive.start) + indentUnit(text);
    } else {
      at = 0;
      indent = "";
    }
    this.push(key, { file, start: at, end: at, text: `${lines.map((l) => indent + l).join("\n")}\n`, why });
  }

  private replace(file: string, token: Token, text: string, why: Words, key: string): void {
    this.push(key, { file, start: token.start, end: token.end, text, why });
  }

  /** 1. `always` on every CORS add_header of this level that lacks it. */
  always(level: Ctx, status: number): void {
    for (const h of addHeaders(level)) {
      if (h.always || !corsRelevant(h.name)) continue;
      const d = h.directive;
      const at = (h.directive.args[1] ?? h.directive.args[0] ?? d.nameToken).end;
      this.push(`always:${d.file}:${d.start}`, {
        file: d.file,
        start: at,
        end: at,
        text: " always",
        why: { key: "config.fix.always", params: { status, name: h.name } },
      });
    }
  }

  /** 2. The CORS add_headers of an enclosing level copied into the level that dropped them. */
  copyInto(level: Ctx, from: Ctx): void {
    const mine = new Set(addHeaders(level).map((h) => lower(h.name)));
    const last = own(level, "add_header").at(-1);
    if (!last) return;
    const lines: string[] = [];
    let fromLine = 0;
    for (const h of addHeaders(from)) {
      if (!corsRelevant(h.name) || mine.has(lower(h.name))) continue;
      fromLine ||= h.directive.line;
      lines.push(this.text(h.directive.file).slice(h.directive.start, h.directive.end));
    }
    if (lines.length === 0) return;
    this.insertAfter(
      last,
      lines,
      {
        key: "config.fix.copy",
        params: { line: own(level, "add_header")[0]?.line ?? last.line, from: fromLine },
      },
      `copy:${last.file}:${last.start}`,
    );
  }

  private vary(level: Ctx, after: Directive, always: boolean): void {
    if (addHeaders(level).some((h) => lower(h.name) === "vary" && /origin/i.test(h.value))) return;
    this.insertAfter(
      after,
      [`add_header Vary Origin${always ? " always" : ""};`],
      { key: "config.fix.vary" },
      `vary:${after.file}:${after.start}`,
    );
  }

  /** A fresh `map $http_origin` in the http context, before the first server. */
  private newMap(origins: string[], fallback: string, why: Words): string {
    const taken = (n: string) => this.tree.maps.has(n) || this.created.has(n);
    let name = "cors_allow_origin";
    for (let i = 2; taken(name); i++) name = `cors_allow_origin_${i}`;
    this.created.add(name);
    const server = this.tree.servers.find((s) => s.directive) ?? null;
    const anchor = server?.directive;
    if (!anchor) return "";
    const text = this.text(anchor.file);
    const unit = indentUnit(text);
    const lines = [
      `map $http_origin $${name} {`,
      `${unit}default ${quote(fallback)};`,
      ...origins.map((o) => `${unit}${quote(o)} $http_origin;`),
      "}",
    ];
    const indent = indentAt(text, anchor.start);
    const at = lineStart(text, anchor.start);
    this.push(`map:${name}`, {
      file: anchor.file,
      start: at,
      end: at,
      text: `${lines.map((l) => indent + l).join("\n")}\n\n`,
      why,
    });
    return `$${name}`;
  }

  /** 3. Let `origin` through the Allow-Origin directive `h`, keeping every origin it allowed. */
  allowOrigin(id: string, level: Ctx, h: AddHeader, origins: string[], location: Ctx | null): boolean {
    const v = h.value.trim();
    const d = h.directive;
    // Reflected inside `if ($http_origin ~ …)`: the test decides, and grows an alternative.
    if (/^\$\{?http_origin\}?$/i.test(v)) {
      if (originIf(level)) return this.extendIf(id, level, origins);
      // Reflected inside an `if` on a variable that an origin test sets (the ingress-nginx template:
      // `if ($http_origin ~* (…)) { set $cors 'true'; }`, then `if ($cors = "true") { add_header … }`):
      // the origin test decides, and grows an alternative.
      const gate = originGate(level, this.tree.all);
      return gate ? this.extendIf(id, gate, origins) : true;
    }
    if (v === "*" || (!v.includes("$") && /^[^$]+$/.test(v))) {
      const listed = v === "*" ? [] : v.split(/[\s,]+/).filter((s) => s !== "");
      const all = [...new Set([...listed, ...origins])];
      const variable = this.newMap(all, v === "*" ? "*" : "", {
        key: v === "*" ? "config.fix.map-wildcard" : "config.fix.map-list",
        params: { line: d.line, origins: all.join(" ") },
      });
      if (!variable) {
        this.cannot.set(id, { key: "config.cannot.no-server" });
        return false;
      }
      this.replace(
        d.file,
        h.directive.args[1] as Token,
        variable,
        { key: "config.fix.use-map", params: { variable } },
        `acao:${d.file}:${d.start}`,
      );
      this.vary(level, d, h.always);
      return true;
    }
    const m = /^\$\{?(\w+)\}?$/.exec(v);
    const name = m?.[1];
    if (!name) {
      this.cannot.set(id, { key: "config.cannot.origin-value", params: { value: v, line: d.line } });
      return false;
    }
    const map = this.tree.maps.get(name);
    if (map) return this.extendMap(id, map, origins);
    // A variable set inside `if ($http_origin ~ …)`: the regex grows an alternative.
    const setter = this.tree.all.find(
      (c) =>
        c.kind === "if" && own(c, "set").some((s) => (s.args[0]?.value ?? "") === `$${name}`) && originIf(c),
    );
    if (setter) return this.extendIf(id, setter, origins);
    const guarded = location ? guardedAcao(location) : null;
    if (guarded) return this.extendIf(id, guarded, origins);
    this.cannot.set(id, { key: "config.cannot.origin-value", params: { value: v, line: d.line } });
    return false;
  }

  /**
   * Lets `origins` through `map`. A map of another map's result (h5bp's `map $http_origin
   * $origin_allowed` → `map $origin_allowed $cors { 1 $http_origin; }`) is extended where the origin
   * is tested: the first map gets the origins, with the value the second map reflects.
   */
  private extendMap(id: string, map: Directive, origins: string[], forced?: string, depth = 0): boolean {
    const entries = (map.block?.children ?? []).filter(
      (e) => e.name !== "default" && e.name !== "hostnames" && e.name !== "volatile",
    );
    if (!/^\$http_origin$/i.test(map.args[0]?.value ?? "")) {
      const source = /^\$\{?(\w+)\}?$/.exec(map.args[0]?.value ?? "")?.[1];
      const inner = source ? this.tree.maps.get(source) : undefined;
      // The key whose value is the origin itself: the inner map's value that makes this one reflect.
      const reflecting = entries.find(
        (e) => !e.name.startsWith("~") && /^\$\{?http_origin\}?$/i.test(e.args[0]?.value ?? ""),
      );
      if (inner && inner !== map && reflecting && depth < 4)
        return this.extendMap(id, inner, origins, reflecting.name, depth + 1);
      this.cannot.set(id, { key: "config.cannot.map-source", params: { line: map.line } });
      return false;
    }
    const values = new Set(
      entries.map((e) => (e.args[0]?.value === e.name ? "=key" : (e.args[0]?.value ?? ""))),
    );
    const value =
      forced !== undefined ? forced : values.size === 1 ? ([...values][0] as string) : "$http_origin";
    const text = this.text(map.file);
    const last = entries.at(-1);
    const indent = last ? indentAt(text, last.start) : indentAt(text, map.start) + indentUnit(text);
    const at = last ? afterLine(text, last.end) : afterLine(text, map.block?.open ?? map.start);
    const lines = origins.map(
      (o) =>
        `${indent}${quote(o)} ${value === "=key" ? quote(o) : value.startsWith("$") ? value : quote(value)};`,
    );
    this.push(`mapentry:${map.file}:${map.start}:${origins.join(",")}`, {
      file: map.file,
      start: at,
      end: at,
      text: `${lines.join("\n")}\n`,
      why: { key: "config.fix.map-entry", params: { line: map.line, origins: origins.join(" ") } },
    });
    return true;
  }

  private extendIf(id: string, ctx: Ctx, origins: string[]): boolean {
    const d = ctx.directive as Directive;
    const { words } = conditionWords(d);
    const op = words[1] ?? "";
    if (!["~", "~*", "="].includes(op) || d.args.length < 3) {
      this.cannot.set(id, { key: "config.cannot.origin-if", params: { line: d.line } });
      return false;
    }
    const tokenIndex = d.args.length - 1;
    const token = d.args[tokenIndex] as Token;
    const old = words[2] as string;
    const extra = origins.map((o) => `^${escapeRegex(o)}$`).join("|");
    const regex = op === "=" ? `^${escapeRegex(old)}$|${extra}` : `(?:${old})|${extra}`;
    const opToken = d.args[1] as Token;
    const raw = this.text(d.file).slice(token.start, token.end);
    const closing = !token.quoted && raw.endsWith(")") ? ")" : "";
    this.replace(
      d.file,
      token,
      `${quote(regex)}${closing}`,
      { key: "config.fix.origin-regex", params: { line: d.line, origins: origins.join(" ") } },
      `if:${d.file}:${d.start}`,
    );
    if (op === "=")
      this.replace(
        d.file,
        opToken,
        "~",
        { key: "config.fix.origin-regex", params: { line: d.line, origins: origins.join(" ") } },
        `ifop:${d.file}:${d.start}`,
      );
    void id;
    return true;
  }

  /** 3f. No CORS at all where the request lands: Allow-Origin for the evidence's origins (and Vary). */
  fresh(id: string, ctx: Ctx, origins: string[], credentials: boolean, expose: string[] = []): void {
    const value =
      origins.length === 1
        ? quote(origins[0] as string)
        : this.newMap(origins, "", {
            key: "config.fix.map-list",
            params: { line: ctx.directive?.line ?? 0, origins: origins.join(" ") },
          });
    if (!value) {
      this.cannot.set(id, { key: "config.cannot.no-server" });
      return;
    }
    const lines = [
      `add_header Access-Control-Allow-Origin ${value} always;`,
      "add_header Vary Origin always;",
    ];
    if (credentials) lines.push('add_header Access-Control-Allow-Credentials "true" always;');
    if (expose.length > 0)
      lines.push(`add_header Access-Control-Expose-Headers "${expose.join(", ")}" always;`);
    const anchor = own(ctx, "add_header").at(-1);
    const why: Words = freshWhy(origins.join(" "), expose);
    if (anchor) this.insertAfter(anchor, lines, why, `fresh:${ctx.directive?.start ?? 0}`);
    else this.insertAtTop(ctx, lines, why, `fresh:${ctx.directive?.start ?? 0}`);
  }

  /** 4. Access-Control-Allow-Credentials: true next to Allow-Origin. */
  credentials(level: Ctx, acao: AddHeader): void {
    const existing = addHeaders(level).find((h) => lower(h.name) === "access-control-allow-credentials");
    if (existing) {
      const token = existing.directive.args[1];
      if (token)
        this.replace(
          existing.directive.file,
          token,
          '"true"',
          { key: "config.fix.credentials" },
          `acac:${existing.directive.start}`,
        );
      return;
    }
    this.insertAfter(
      acao.directive,
      [`add_header Access-Control-Allow-Credentials "true"${acao.always ? " always" : ""};`],
      { key: "config.fix.credentials" },
      `acac:${acao.directive.file}:${acao.directive.start}`,
    );
  }

  /** 5. The preflight answered by nginx itself, before whatever refused or redirected it. */
  preflightReturn(location: Ctx, status: number): void {
    const existing = location.children.find(
      (c) =>
        c.kind === "if" &&
        c.directive &&
        /^\(?\$request_method$/.test(conditionWords(c.directive).words[0] ?? "") &&
        /^OPTIONS$/i.test(conditionWords(c.directive).words[2] ?? ""),
    );
    const why: Words = { key: "config.fix.preflight", params: { status } };
    // A `rewrite … break` (or last, redirect, permanent) before it ends the rewrite module's
    // directives in this location, the `if` among them
    // (https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#rewrite): that OPTIONS `if` never
    // runs, so the same block is written above the first such rewrite (the user's own stays as written).
    const ends = location.items.find(
      (d) => d.name === "rewrite" && /^(break|last|redirect|permanent)$/.test(d.args.at(-1)?.value ?? ""),
    );
    const d = existing?.directive;
    if (
      d?.block &&
      ends &&
      ends.file === d.file &&
      ends.start < d.start &&
      own(existing as Ctx, "return").length > 0
    ) {
      const t = this.text(d.file);
      const indent = indentAt(t, d.start);
      const lines = t
        .slice(lineStart(t, d.start), d.block.close + 1)
        .split("\n")
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
      const moved: Words = {
        key: "config.nginx.fix.options-before-rewrite",
        params: { line: ends.line, at: d.line },
      };
      this.insertAtTop(location, lines, moved, `pfcopy:${d.start}`, ends);
      return;
    }
    if (existing?.directive?.block) {
      if (own(existing, "return").length > 0) return;
      const last = existing.items.at(-1);
      if (last) this.insertAfter(last, ["return 204;"], why, `pfret:${existing.directive.start}`);
      else this.insertAtTop(existing, ["return 204;"], why, `pfret:${existing.directive.start}`);
      return;
    }
    const text = this.text(location.directive?.file ?? location.file ?? "");
    const unit = indentUnit(text);
    // Before the first directive that ends or redirects the request; after the `set`s and `if`s
    // that compute what the CORS headers use.
    const stops = location.items.find(
      (d) =>
        d.name === "return" ||
        d.name === "rewrite" ||
        (d.name === "if" &&
          (d.block?.children ?? []).some((c) => c.name === "return" || c.name === "rewrite")),
    );
    const lines = ["if ($request_method = OPTIONS) {", `${unit}return 204;`, "}"];
    const key = `pf:${location.directive?.file}:${location.directive?.start ?? 0}`;
    if (stops) {
      this.insertAtTop(location, lines, why, key, stops);
      return;
    }
    const lastSet = [...location.items].reverse().find((d) => d.name === "set" || d.name === "if");
    if (lastSet) {
      const t = this.text(lastSet.file);
      const at = afterLine(t, lastSet.end);
      const indent = indentAt(t, lastSet.start);
      this.push(key, {
        file: lastSet.file,
        start: at,
        end: at,
        text: `${lines.map((l) => indent + l).join("\n")}\n`,
        why,
      });
      return;
    }
    this.insertAtTop(location, lines, why, key);
  }

  /** 5b. A `limit_except` that refuses OPTIONS: OPTIONS joins its methods (the preflight then runs as before). */
  limitExcept(le: Ctx, status: number): void {
    const d = le.directive;
    const last = d?.args.at(-1);
    if (!d || !last) return;
    this.push(`le:${d.file}:${d.start}`, {
      file: d.file,
      start: last.end,
      end: last.end,
      text: " OPTIONS",
      why: { key: "config.fix.limit-except", params: { status } },
    });
  }

  /** 6 and 7. A method or header name added to Allow-Methods / Allow-Headers (or the header added). */
  extendList(
    id: string,
    level: Ctx,
    header: "Access-Control-Allow-Methods" | "Access-Control-Allow-Headers",
    names: string[],
  ): void {
    const h = addHeaders(level).find((x) => lower(x.name) === lower(header));
    const kind = header.endsWith("Methods") ? "methods" : "headers";
    if (h) {
      const token = h.directive.args[1];
      if (!token || h.value.includes("$")) {
        this.cannot.set(id, {
          key: "config.cannot.list-value",
          params: { line: h.directive.line, name: header },
        });
        return;
      }
      const have = h.value.split(/[\s,]+/).filter((s) => s !== "");
      const add = names.filter((n) => !have.some((x) => lower(x) === lower(n)));
      if (add.length === 0) return;
      const joined =
        h.value.includes(",") || have.length <= 1
          ? `${h.value.replace(/[\s,]*$/, "")}, ${add.join(", ")}`
          : `${h.value} ${add.join(" ")}`;
      this.replace(
        h.directive.file,
        token,
        quote(joined),
        { key: `config.fix.${kind}`, params: { names: add.join(", "), line: h.directive.line } },
        `list:${h.directive.file}:${h.directive.start}`,
      );
      return;
    }
    const acao = addHeaders(level).find((x) => lower(x.name) === "access-control-allow-origin");
    const anchor = acao?.directive ?? own(level, "add_header").at(-1);
    if (!anchor) {
      this.cannot.set(id, { key: "config.cannot.no-level" });
      return;
    }
    // Without the header only the CORS-safelisted methods were allowed: they stay allowed.
    const list =
      kind === "methods"
        ? [...new Set(["GET", "HEAD", "POST", ...names.map((n) => n.toUpperCase())])]
        : names;
    this.insertAfter(
      anchor,
      [`add_header ${header} ${quote(list.join(", "))}${acao?.always ? " always" : ""};`],
      { key: `config.fix.${kind}-new`, params: { names: names.join(", ") } },
      `newlist:${header}:${anchor.file}:${anchor.start}`,
    );
  }

  /** 8. Two Allow-Origin: the extra add_header removed, or the upstream's own hidden. */
  duplicate(level: Ctx | null, rendered: Rendered, location: Ctx | null): boolean {
    const acao = addHeaders(level).filter((h) => lower(h.name) === "access-control-allow-origin");
    if (acao.length > 1) {
      for (const h of acao.slice(1)) {
        const d = h.directive;
        const text = this.text(d.file);
        const s = lineStart(text, d.start);
        const e = afterLine(text, d.end);
        const whole = text.slice(s, d.start).trim() === "" && text.slice(d.end, e).trim() === "";
        this.push(`dup:${d.file}:${d.start}`, {
          file: d.file,
          start: whole ? s : d.start,
          end: whole ? e : d.end,
          text: "",
          why: {
            key: "config.fix.duplicate",
            params: { line: d.line, first: (acao[0] as AddHeader).directive.line },
          },
        });
      }
      return true;
    }
    if (rendered.fromUpstream && location) {
      const mine = new Set(addHeaders(level).map((h) => lower(h.name)));
      const names = [...new Set(rendered.headers.map(([n]) => n))].filter(
        (n) => /^access-control-/i.test(n) && mine.has(lower(n)),
      );
      const hiddenLevel = inheritedLevel(location, "proxy_hide_header");
      const hidden = new Set(
        (hiddenLevel ? own(hiddenLevel, "proxy_hide_header") : []).map((d) => lower(d.args[0]?.value ?? "")),
      );
      const lines = names.filter((n) => !hidden.has(lower(n))).map((n) => `proxy_hide_header ${n};`);
      // Hiding at this level drops the hides inherited from above: they are kept by copying them.
      if (hiddenLevel && hiddenLevel !== location)
        for (const d of own(hiddenLevel, "proxy_hide_header"))
          lines.push(this.text(d.file).slice(d.start, d.end));
      if (lines.length === 0) return false;
      // This server's own Allow-Origin line: the other of the two values (check --har names it too).
      const mineAcao = addHeaders(level).find(
        (h) => lower(h.name) === "access-control-allow-origin",
      )?.directive;
      this.insertAtTop(
        location,
        lines,
        {
          key: "config.fix.hide",
          params: {
            names: names.join(", "),
            ...(mineAcao ? { own: mineAcao.line, ownFile: mineAcao.file } : {}),
          },
        },
        `hide:${location.directive?.start ?? 0}`,
      );
      return true;
    }
    return false;
  }
}

/** An `if` testing `$http_origin` with a positive regex or equality. */
export function originIf(ctx: Ctx): boolean {
  if (ctx.kind !== "if" || !ctx.directive) return false;
  const { words } = conditionWords(ctx.directive);
  return /^\$http_origin$/i.test(words[0] ?? "") && ["~", "~*", "="].includes(words[1] ?? "");
}

/**
 * The origin test an `if` on a variable depends on: an `if ($http_origin ~ …)` that sets that
 * variable (`set $cors 'true'`), or null.
 */
export function originGate(level: Ctx, all: readonly Ctx[]): Ctx | null {
  if (level.kind !== "if" || !level.directive) return null;
  const tested = /^\$\{?(\w+)\}?$/.exec(conditionWords(level.directive).words[0] ?? "")?.[1];
  if (!tested || lower(tested) === "http_origin") return null;
  return (
    all.find(
      (c) =>
        originIf(c) &&
        c.parent === level.parent &&
        own(c, "set").some((d) => (d.args[0]?.value ?? "") === `$${tested}`),
    ) ?? null
  );
}

/** An `if ($http_origin ~ …)` inside this location (or its server) that adds Allow-Origin. */
export function guardedAcao(location: Ctx): Ctx | null {
  for (let c: Ctx | null = location; c; c = c.parent) {
    const found = c.children.find(
      (x) =>
        originIf(x) &&
        (addHeaders(x).some((h) => lower(h.name) === "access-control-allow-origin") ||
          own(x, "set").length > 0),
    );
    if (found) return found;
  }
  return null;
}
