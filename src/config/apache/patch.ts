/**
 * The Apache patcher: the smallest edits of the original text that make a failing request pass
 * while keeping what the file allowed. `always` is added where httpd's own responses lost the CORS
 * headers (mod_headers' two tables: https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header);
 * the preflight is answered by a server-context `RewriteRule … [R=204,L]`, which runs at URL
 * translation, before authorization and the proxy (https://httpd.apache.org/docs/2.4/rewrite/flags.html#flag_r);
 * a fixed origin becomes the request's origin when `SetEnvIf Origin` finds it in the list
 * (https://httpd.apache.org/docs/2.4/mod/mod_setenvif.html#setenvif), `*` is kept for the other
 * origins; an existing origin regex gets one more alternative; lists are extended; `Header unset`
 * (the table the application's headers are in) drops the application's copy of a header httpd sets.
 */
import { afterLine, EditList, indentAt, lineStart } from "../edit";
import { escapeRegex } from "../origin-regex";
import type { Words } from "../types";
import { freshWhy } from "../whatif";
import { type ApacheTree, allNodes, flatten, type Op } from "./answer";
import { pcre } from "./expr";
import type { Node, Token } from "./syntax";

const lower = (s: string) => s.toLowerCase();

/** A value as an httpd argument: bare where it can be, else in double quotes. */
export function quote(value: string): string {
  if (/^[^\s"'\\#<>]+$/.test(value)) return value;
  return `"${value.replace(/"/g, '\\"')}"`;
}

export const VARIABLE = /^%\{([A-Za-z0-9_]+)\}e$/;

/** The `Header` prefix of an op as written (`Header always`), for lines that join it. */
function prefix(op: Op): string {
  return op.always ? "Header always" : "Header";
}

export class Patcher extends EditList {
  constructor(private readonly tree: ApacheTree) {
    super(tree.files);
    for (const t of tree.files.values())
      for (const m of t.matchAll(/\b([A-Z][A-Z0-9_]+)\b/g)) this.names.add(m[1] as string);
  }

  /** Lines after the line of `n`, at its indentation. */
  after(n: Node, lines: string[], why: Words, key: string): void {
    const text = this.text(n.file);
    const indent = indentAt(text, n.start);
    const at = afterLine(text, n.end);
    const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
    this.push(key, {
      file: n.file,
      start: at,
      end: at,
      text: `${nl}${lines.map((l) => `${indent}${l}\n`).join("")}`,
      why,
    });
  }

  /** Lines before the line of `n`, at its indentation. */
  before(n: Node, lines: string[], why: Words, key: string, aboveComments = false): void {
    const text = this.text(n.file);
    const indent = indentAt(text, n.start);
    let at = lineStart(text, n.start);
    // Above the comment lines that introduce `n`: they keep describing it.
    while (aboveComments && at > 0) {
      const prev = lineStart(text, at - 1);
      if (!text.slice(prev, at).trim().startsWith("#")) break;
      at = prev;
    }
    this.push(key, {
      file: n.file,
      start: at,
      end: at,
      text: lines.map((l) => `${indent}${l}\n`).join(""),
      why,
    });
  }

  /** Lines just inside a section (after its opening line), one step deeper than it. */
  inside(section: Node, lines: string[], why: Words, key: string): void {
    const text = this.text(section.file);
    const child = section.section?.children[0];
    const indent = child ? indentAt(text, child.start) : `${indentAt(text, section.start)}    `;
    const at = afterLine(text, section.end);
    this.push(key, {
      file: section.file,
      start: at,
      end: at,
      text: lines.map((l) => `${indent}${l}\n`).join(""),
      why,
    });
  }

  private replaceToken(t: Token, file: string, text: string, why: Words, key: string): void {
    this.push(key, { file, start: t.start, end: t.end, text, why });
  }

  /** `always` added to the CORS `Header` lines that lack it. */
  always(ops: Op[], status: number, name: string): void {
    for (const op of ops) {
      if (op.always) continue;
      const at = op.node.start + op.node.name.length;
      this.push(`always:${op.node.file}:${op.node.start}`, {
        file: op.node.file,
        start: at,
        end: at,
        text: " always",
        why: { key: "config.apache.fix.always", params: { status, name, line: op.node.line } },
      });
    }
  }

  /**
   * The preflight answered at URL translation: a `RewriteCond`/`RewriteRule` pair in the virtual host
   * (or the file's top level, or the `.htaccess`), before any other rule so nothing rewrites it first.
   */
  preflight(vhost: Node | null, status: number): void {
    const why: Words = { key: "config.apache.fix.preflight", params: { status } };
    const rule = ["RewriteCond %{REQUEST_METHOD} OPTIONS", "RewriteRule ^ - [R=204,L]"];
    const htaccess = this.tree.htaccess[0];
    const scopeNodes = vhost
      ? (vhost.section?.children ?? [])
      : this.tree.top.length > 0
        ? this.tree.top
        : (htaccess?.nodes ?? []);
    const inScope = flatten(scopeNodes, null).filter((n) => !n.section);
    const firstRule = inScope.find((n) => n.key === "rewritecond" || n.key === "rewriterule");
    const engineOn = inScope.some((n) => n.key === "rewriteengine" && lower(n.args[0]?.value ?? "") === "on");
    if (firstRule && engineOn) {
      this.before(firstRule, rule, why, `preflight:${firstRule.file}:${firstRule.start}`, true);
      return;
    }
    const lines = ["RewriteEngine On", ...rule];
    const cors = inScope.filter(
      (n) => n.key === "header" && /access-control-/i.test(n.args.map((a) => a.value).join(" ")),
    );
    const last = cors.at(-1) ?? scopeNodes.filter((n) => !n.section).at(-1);
    if (last) this.after(last, lines, why, `preflight:${last.file}:${last.start}`);
    else if (vhost) this.inside(vhost, lines, why, `preflight:${vhost.file}:${vhost.start}`);
    else {
      const file = htaccess?.file ?? [...this.tree.files.keys()][0] ?? "";
      this.push(`preflight:${file}`, {
        file,
        start: 0,
        end: 0,
        text: lines.map((l) => `${l}\n`).join(""),
        why,
      });
    }
  }

  /** An origin regex of `SetEnvIf Origin` with the origins added as alternatives. */
  extendRegex(setenv: Node, origins: string[]): void {
    const t = setenv.args[1] as Token;
    const extra = origins.map((o) => `^${escapeRegex(o)}$`).join("|");
    this.replaceToken(
      t,
      setenv.file,
      quote(`${t.value}|${extra}`),
      { key: "config.apache.fix.regex", params: { line: setenv.line, origins: origins.join(", ") } },
      `regex:${setenv.file}:${setenv.start}`,
    );
  }

  /** A `SetEnvIf Origin` line that sets `name` to these origins, above the Header line that reads it. */
  setterFor(header: Node, name: string, origins: string[]): void {
    const re = `^(${origins.map(escapeRegex).join("|")})$`;
    this.before(
      header,
      [`SetEnvIf Origin ${quote(re)} ${name}=$1`],
      { key: "config.apache.fix.setter", params: { name, line: header.line, origins: origins.join(", ") } },
      `setter:${header.file}:${header.start}`,
    );
  }

  /** The `SetEnvIf(NoCase)` line that sets a variable, whatever it tests. */
  setterOfAny(name: string): Node | null {
    return (
      allNodes(this.tree)
        .map((x) => x.node)
        .find(
          (n) =>
            (n.key === "setenvif" || n.key === "setenvifnocase") &&
            n.args.slice(2).some((a) => a.value.split("=")[0] === name),
        ) ?? null
    );
  }

  /** The `SetEnvIf(NoCase) Origin` line that sets a variable, if one does. */
  setterOf(name: string): Node | null {
    return (
      allNodes(this.tree)
        .map((x) => x.node)
        .find(
          (n) =>
            (n.key === "setenvif" || n.key === "setenvifnocase") &&
            lower(n.args[0]?.value ?? "") === "origin" &&
            n.args.slice(2).some((a) => a.value.split("=")[0] === name),
        ) ?? null
    );
  }

  /** Allow-Origin answered with the request's origin for these origins (the ones listed before kept). */
  allowOrigin(id: string, op: Op, origins: string[], hasVary: boolean): void {
    const v = op.value.trim();
    const variable = VARIABLE.exec(v)?.[1];
    if (variable) {
      const setter = this.setterOf(variable);
      if (setter) this.extendRegex(setter, origins);
      else
        this.cannot.set(id, { key: "config.cannot.origin-value", params: { line: op.node.line, value: v } });
      return;
    }
    // Built from a variable a `SetEnvIf` sets from another request header (`SetEnvIf Host ^(.*)$
    // YOU_HOST=$1`, then `"http://%{YOU_HOST}e"`): the server's own name, never a page of another
    // origin. The page's origins are reflected instead, from a `SetEnvIf Origin` line.
    const fromOther = [...v.matchAll(/%\{(\w+)\}e/g)]
      .map((m) => this.setterOfAny(m[1] as string))
      .find((n) => n !== null && lower(n.args[0]?.value ?? "") !== "origin");
    if (fromOther && !op.cond && op.valueToken) {
      const name = this.freshName("CORS_ALLOW_ORIGIN");
      const listed = [...new Set(origins)];
      const why: Words = {
        key: "config.apache.fix.origin-header",
        params: {
          line: op.node.line,
          header: fromOther.args[0]?.value ?? "",
          origins: listed.join(", "),
          name,
        },
      };
      const key = `origin:${op.node.file}:${op.node.start}`;
      this.before(
        op.node,
        [`SetEnvIf Origin ${quote(`^(${listed.map(escapeRegex).join("|")})$`)} ${name}=$0`],
        why,
        `${key}:before`,
      );
      this.replaceToken(
        op.valueToken,
        op.node.file,
        `${quote(`%{${name}}e`)} env=${name}`,
        why,
        `${key}:value`,
      );
      if (!hasVary)
        this.after(op.node, [`${prefix(op)} merge Vary Origin`], { key: "config.fix.vary" }, `${key}:vary`);
      return;
    }
    if (op.cond || !op.valueToken || /[%$]/.test(v)) {
      this.cannot.set(id, { key: "config.apache.cannot.condition", params: { line: op.node.line } });
      return;
    }
    const name = this.freshName("CORS_ALLOW_ORIGIN");
    const value = `${quote(`%{${name}}e`)} env=${name}`;
    const vary = hasVary ? [] : [`${prefix(op)} merge Vary Origin`];
    const key = `origin:${op.node.file}:${op.node.start}`;
    if (v === "*") {
      const listed = [...new Set(origins)];
      const setenv = `SetEnvIf Origin ${quote(`^(${listed.map(escapeRegex).join("|")})$`)} ${name}=$0`;
      const why: Words = {
        key: "config.apache.fix.keep-wildcard",
        params: { origins: listed.join(", "), name },
      };
      this.before(op.node, [setenv], why, `${key}:before`);
      this.after(op.node, [`${prefix(op)} set ${op.field} ${value}`, ...vary], why, `${key}:after`);
      return;
    }
    const listed = [
      ...new Set([...v.split(/[\s,]+/).filter((o) => /^https?:\/\//.test(o) || o === "null"), ...origins]),
    ];
    const setenv = `SetEnvIf Origin ${quote(`^(${listed.map(escapeRegex).join("|")})$`)} ${name}=$0`;
    const why: Words = { key: "config.apache.fix.reflect", params: { origins: listed.join(", "), name } };
    this.before(op.node, [setenv], why, `${key}:before`);
    this.replaceToken(op.valueToken, op.node.file, value, why, `${key}:value`);
    if (vary.length > 0) this.after(op.node, vary, { key: "config.fix.vary" }, `${key}:vary`);
  }

  /** The `SetEnvIf Origin` assignment of the variable `op` sends, when it is not the origin itself (`$0`). */
  private alteredAssignment(op: Op): { setter: Node; token: Token; name: string } | null {
    const name = VARIABLE.exec(op.value.trim())?.[1];
    const setter = name ? this.setterOf(name) : null;
    if (!name || !setter) return null;
    const token = setter.args.slice(2).find((a) => a.value.split("=")[0] === name);
    const value = token?.value.slice(name.length + 1);
    return token && value !== undefined && value !== "$0" && /\$\d/.test(value)
      ? { setter, token, name }
      : null;
  }

  assignsAltered(op: Op): boolean {
    return this.alteredAssignment(op) !== null;
  }

  /** `NAME=$0$1` becomes `NAME=$0`: the whole match, which an origin test anchored at the scheme makes the origin. */
  assignOrigin(op: Op): void {
    const a = this.alteredAssignment(op);
    if (!a) return;
    this.replaceToken(
      a.token,
      a.setter.file,
      quote(`${a.name}=$0`),
      {
        key: "config.apache.fix.assign-origin",
        params: { line: a.setter.line, name: a.name, was: a.token.value },
      },
      `assign:${a.setter.file}:${a.setter.start}`,
    );
  }

  /**
   * Fixed Allow-Origin lines, one per origin (`Header add … "https://a"`, `… "https://b"`): the first
   * answers each listed origin (and `origin`) with itself, the others go. False where a line is not a
   * plain origin (a condition, a variable, `*`).
   */
  oneOriginOf(ops: Op[], origin: string, hasVary: boolean): boolean {
    const [first, ...rest] = ops;
    if (!first?.valueToken || ops.some((o) => o.cond || o.node.file !== first.node.file)) return false;
    const values = ops.map((o) => o.value.trim());
    if (!values.every((v) => /^(https?:\/\/[^\s,/]+|null)$/.test(v))) return false;
    const listed = [...new Set([...values, origin])];
    const name = this.freshName("CORS_ALLOW_ORIGIN");
    const why: Words = {
      key: "config.apache.fix.one-origin",
      params: { origins: listed.join(", "), name, line: first.node.line },
    };
    const key = `oneorigin:${first.node.file}:${first.node.start}`;
    this.before(
      first.node,
      [`SetEnvIf Origin ${quote(`^(${listed.map(escapeRegex).join("|")})$`)} ${name}=$0`],
      why,
      `${key}:before`,
    );
    const text = this.text(first.node.file);
    this.push(`${key}:line`, {
      file: first.node.file,
      start: lineStart(text, first.node.start),
      end: afterLine(text, first.node.end),
      text: `${indentAt(text, first.node.start)}${prefix(first)} set ${first.field} ${quote(`%{${name}}e`)} env=${name}\n${
        hasVary ? "" : `${indentAt(text, first.node.start)}${prefix(first)} merge Vary Origin\n`
      }`,
      why,
    });
    for (const o of rest) this.removeLine(o, first, why);
    return true;
  }

  /**
   * A `<FilesMatch>` pattern with one more alternative: the extension of the file at `path` (or its
   * whole name when it has none). False where the pattern cannot be told.
   */
  extendFilesMatch(section: Node, path: string): boolean {
    const t = section.args.at(-1);
    const name = decodeURIComponent(path.split("/").pop() ?? "");
    if (!t || name === "") return false;
    // The pattern takes the file already: something else keeps the headers off it.
    try {
      if (pcre(t.value).test(name)) return false;
    } catch {
      return false;
    }
    const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1];
    const old = t.value;
    // `\.(css|js|…)$`, as most snippets write it: the new extension joins the list.
    const listed = /^(.*\\\.\()([^()]*)(\)\$?)$/.exec(old);
    const value =
      ext && listed
        ? `${listed[1]}${listed[2]}|${ext}${listed[3]}`
        : `(?:${old})|${ext ? `\\.${escapeRegex(ext)}$` : `^${escapeRegex(name)}$`}`;
    this.replaceToken(
      t,
      section.file,
      quote(value),
      { key: "config.apache.fix.files-match", params: { line: section.line, name } },
      `filesmatch:${section.file}:${section.start}`,
    );
    return true;
  }

  /**
   * `AllowOverride` that keeps httpd from reading a `.htaccess`'s Header lines gains FileInfo (the
   * class mod_headers' directives belong to: https://httpd.apache.org/docs/2.4/mod/core.html#allowoverride);
   * `None` becomes `FileInfo`. The edit is made where the user put CORS (their .htaccess), not moved.
   */
  allowFileInfo(by: Node, file: string): void {
    const none = by.args.length === 1 && lower(by.args[0]?.value ?? "") === "none";
    const last = by.args.at(-1);
    if (!last) return;
    const why: Words = {
      key: "config.apache.fix.allow-fileinfo",
      params: { file, line: by.line, value: by.args.map((a) => a.value).join(" ") },
    };
    if (none) this.replaceToken(last, by.file, "FileInfo", why, `allowoverride:${by.file}:${by.start}`);
    else
      this.push(`allowoverride:${by.file}:${by.start}`, {
        file: by.file,
        start: last.end,
        end: last.end,
        text: " FileInfo",
        why,
      });
  }

  credentials(acao: Op, acac: Op | null): void {
    const why: Words = { key: "config.fix.credentials" };
    if (acac?.valueToken) {
      this.replaceToken(
        acac.valueToken,
        acac.node.file,
        quote("true"),
        why,
        `acac:${acac.node.file}:${acac.node.start}`,
      );
      return;
    }
    const cond = acao.cond ? ` ${quote(acao.cond)}` : "";
    this.after(
      acao.node,
      [`${prefix(acao)} set Access-Control-Allow-Credentials "true"${cond}`],
      why,
      `acac:${acao.node.file}:${acao.node.start}`,
    );
  }

  extendList(op: Op, names: string[], header: string): void {
    const t = op.valueToken;
    if (!t) return;
    const have = t.value.split(",").map((s) => lower(s.trim()));
    const add = names.filter((n) => !have.includes(lower(n)));
    if (add.length === 0) return;
    const value = t.value.trim() === "" ? add.join(", ") : `${t.value}, ${add.join(", ")}`;
    this.replaceToken(
      t,
      op.node.file,
      quote(value).startsWith('"') || !t.quoted ? quote(value) : `"${value}"`,
      {
        key: header === "Access-Control-Allow-Methods" ? "config.fix.methods" : "config.fix.headers",
        params: { names: add.join(", "), line: op.node.line },
      },
      `list:${op.node.file}:${op.node.start}`,
    );
  }

  newList(acao: Op, header: string, names: string[]): void {
    const cond = acao.cond ? ` ${quote(acao.cond)}` : "";
    this.after(
      acao.node,
      [`${prefix(acao)} set ${header} ${quote(names.join(", "))}${cond}`],
      {
        key: header === "Access-Control-Allow-Methods" ? "config.fix.methods-new" : "config.fix.headers-new",
        params: { names: names.join(", ") },
      },
      `newlist:${header}:${acao.node.file}:${acao.node.start}`,
    );
  }

  /** `Header unset` for the application's copies (the onsuccess table, where proxied headers are). */
  hideUpstream(at: Op, names: string[]): void {
    const lines = names.map((n) => `Header unset ${n}`);
    // httpd's own Allow-Origin line: the other of the two values (check --har names it too).
    const why: Words = {
      key: "config.apache.fix.hide",
      params: { names: names.join(", "), own: at.node.line, ownFile: at.node.file },
    };
    const key = `hide:${at.node.file}:${at.node.start}:${names.join(",")}`;
    // httpd's own line in the same (onsuccess) table, `Header add …`: mod_headers runs that table's
    // lines in order, so the unset goes before it — after it, it would drop httpd's copy too
    // (https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header, "always" and "onsuccess").
    if (at.always) this.after(at.node, lines, why, key);
    else this.before(at.node, lines, why, key);
  }

  removeLine(op: Op, first: Op, why?: Words): void {
    const text = this.text(op.node.file);
    this.push(`remove:${op.node.file}:${op.node.start}`, {
      file: op.node.file,
      start: lineStart(text, op.node.start),
      end: afterLine(text, op.node.end),
      text: "",
      why: why ?? { key: "config.fix.duplicate", params: { line: op.node.line, first: first.node.line } },
    });
  }

  /** The CORS lines of a section, repeated verbatim where a request is answered outside it. */
  copy(nodes: Node[], where: Node | null, path: string): void {
    const first = nodes[0];
    if (!first) return;
    const text = this.text(first.file);
    const lines = nodes.map((n) => text.slice(n.start, n.end));
    const why: Words = { key: "config.apache.fix.copy", params: { line: first.line, path } };
    if (where) this.inside(where, lines, why, `copy:${where.file}:${where.start}`);
  }

  /** Allow-Origin where nothing set it (the virtual host, or the file's top level). */
  freshOrigin(where: Node | null, origins: string[], credentials: boolean, expose: string[] = []): void {
    const why: Words = freshWhy(origins.join(", "), expose);
    const lines: string[] = [];
    if (origins.length === 1)
      lines.push(`Header always set Access-Control-Allow-Origin ${quote(origins[0] as string)}`);
    else {
      const name = this.freshName("CORS_ALLOW_ORIGIN");
      lines.push(
        `SetEnvIf Origin ${quote(`^(${origins.map(escapeRegex).join("|")})$`)} ${name}=$0`,
        `Header always set Access-Control-Allow-Origin ${quote(`%{${name}}e`)} env=${name}`,
        "Header always merge Vary Origin",
      );
    }
    if (credentials) lines.push('Header always set Access-Control-Allow-Credentials "true"');
    if (expose.length > 0)
      lines.push(`Header always set Access-Control-Expose-Headers ${quote(expose.join(", "))}`);
    if (where) this.inside(where, lines, why, `fresh:${where.file}:${where.start}`);
    else {
      const file = this.tree.htaccess[0]?.file ?? [...this.tree.files.keys()][0] ?? "";
      this.push(`fresh:${file}`, { file, start: 0, end: 0, text: lines.map((l) => `${l}\n`).join(""), why });
    }
  }
}
