/**
 * Minimal edits of a Django settings file: an element added to a list as the list is written (one per
 * line or inline, its quotes, its trailing comma), a setting added after the file's other CORS_*
 * settings, CorsMiddleware moved to the top of MIDDLEWARE (django-cors-headers' README: "as high as
 * possible, especially before any middleware that can generate responses such as Django's
 * CommonMiddleware", https://github.com/adamchainz/django-cors-headers/blob/3.14.0/README.rst#setup).
 * Never narrower: a list is extended, never replaced; CORS_ALLOW_ALL_ORIGINS and regexes stay.
 */
import { afterLine, EditList, indentAt, lineStart } from "../edit";
import { displayInsert, joinedInsert, pyStr, quoteOf } from "../python/edit";
import { type Assignment, type Display, type PyVal, readModule, type Span } from "../python/values";
import type { Words } from "../types";
import { CORS_MIDDLEWARE, type DjangoSettings } from "./settings";

export { pyStr } from "../python/edit";

type ListSetting = "CORS_ALLOWED_ORIGINS" | "CORS_ALLOW_HEADERS" | "CORS_ALLOW_METHODS";

export class Patcher extends EditList {
  constructor(private readonly s: DjangoSettings) {
    super(new Map(s.texts));
  }

  /** The settings module in effect; a span written in a module it star-imports names its own file. */
  private get file(): string {
    return this.s.file;
  }

  private fileOf(at: Span): string {
    return at.file ?? this.s.file;
  }

  /** Where a new setting goes: beside the last CORS_* setting in effect, else the settings module. */
  private get newFile(): string {
    const cors = this.s.mod.assignments.filter((a) => a.name.startsWith("CORS_") && !a.conditional).at(-1);
    return cors ? this.fileOf(cors.stmt) : this.file;
  }

  /** The quote the file writes its strings with (the display's, else the file's first). */
  private quote(d: Display | null = null): string {
    return quoteOf(this.text(d ? this.fileOf(d.open) : this.newFile), d);
  }

  /** Adds elements to a list display, written the way the list is. */
  private extendDisplay(key: string, d: Display, values: string[], why: Words): void {
    const file = this.fileOf(d.open);
    for (const e of displayInsert(this.text(file), d, values))
      this.push(e.part === "comma" ? `${key}:comma` : key, {
        file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
  }

  /** A new statement after the file's last CORS_* setting (or at the end). */
  private addStatement(key: string, statement: string, why: Words): void {
    const file = this.newFile;
    const text = this.text(file);
    const cors = this.s.mod.assignments.filter((a) => a.name.startsWith("CORS_") && !a.conditional).at(-1);
    if (cors && indentAt(text, cors.stmt.start) === "") {
      const at = afterLine(text, cors.stmt.end);
      const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
      this.push(key, { file, start: at, end: at, text: `${nl}${statement}\n`, why });
      return;
    }
    const nl = text === "" || text.endsWith("\n") ? "" : "\n";
    this.push(key, {
      file,
      start: text.length,
      end: text.length,
      text: `${nl}\n${statement}\n`,
      why,
    });
  }

  private importDefault(name: "default_headers" | "default_methods", why: Words): void {
    const imported = this.s.mod.imports.get(name);
    if (imported && /corsheaders\.defaults$/.test(imported.module)) return;
    const file = this.newFile;
    const text = this.text(file);
    // An import of the other default already written (a former round's): the name joins it.
    const line = /^from corsheaders\.defaults import [\w ,]*\w/m.exec(text);
    if (line) {
      const at = line.index + line[0].length;
      this.push(`import:${name}`, { file, start: at, end: at, text: `, ${name}`, why });
      return;
    }
    let at = 0;
    // The settings module's imports end is known; in a module it imports, after its last top import.
    if (file === this.file) for (let l = 0; l < this.s.mod.importsEnd; l++) at = afterLine(text, at);
    else
      for (const m of text.matchAll(/^(?:from|import)\s[^\n]*\n/gm))
        if (m.index < this.firstSetting(file)) at = m.index + m[0].length;
    const pending = this.edits.find(
      (e) => e.start === at && e.text.startsWith("from corsheaders.defaults import"),
    );
    if (pending) pending.text = `${pending.text.trimEnd()}, ${name}\n`;
    else
      this.push(`import:${name}`, {
        file,
        start: at,
        end: at,
        text: `from corsheaders.defaults import ${name}\n`,
        why,
      });
  }

  /** Adds values to one of the list settings, creating it where it is not set. */
  extendList(name: ListSetting, values: string[]): void {
    if (values.length === 0) return;
    const value =
      name === "CORS_ALLOWED_ORIGINS"
        ? this.s.origins
        : name === "CORS_ALLOW_HEADERS"
          ? this.s.headers
          : this.s.methods;
    const a: Assignment | null = value.from;
    const written = a?.name ?? name;
    // The setting's own line (where the list is written), which `check --har` names.
    const why: Words = {
      key: name === "CORS_ALLOWED_ORIGINS" ? "config.django.fix.origins" : "config.django.fix.list",
      params: { name: written, values: values.join(", "), ...(a ? { line: a.stmt.line } : {}) },
    };
    const key = `list:${written}`;
    if (!a) {
      const q = this.quote();
      if (name === "CORS_ALLOWED_ORIGINS") {
        this.addStatement(key, `${name} = [${values.map((v) => pyStr(v, q)).join(", ")}]`, why);
        return;
      }
      const dflt = name === "CORS_ALLOW_HEADERS" ? "default_headers" : "default_methods";
      this.importDefault(dflt, why);
      this.addStatement(key, `${name} = (*${dflt}, ${values.map((v) => pyStr(v, q)).join(", ")})`, why);
      return;
    }
    const v = a.value as PyVal;
    if (v.t === "seq" && v.display) {
      this.extendDisplay(key, v.display, values, why);
      return;
    }
    if (v.t === "seq" && v.joined) {
      const { at, start, end, text } = joinedInsert(v.joined, values);
      this.push(key, { file: this.fileOf(at), start, end, text, why });
      return;
    }
    if (v.t === "seq") {
      // `default_headers`, `list(default_headers)`, `json.loads(os.environ.get(…))`: spread into a
      // display with the new values (the environment's own list, where set, stays whole).
      const file = this.fileOf(a.rhs);
      const q = quoteOf(this.text(file));
      const rhs = this.text(file).slice(a.rhs.start, a.rhs.end);
      const [open, close] = v.kind === "list" ? ["[", "]"] : ["(", ")"];
      this.push(key, {
        file,
        start: a.rhs.start,
        end: a.rhs.end,
        text: `${open}*${rhs}, ${values.map((x) => pyStr(x, q)).join(", ")}${close}`,
        why,
      });
      return;
    }
    if (v.t === "str") {
      // `("x-token")`, a string where a tuple was meant: the tuple, its one value first.
      const file = this.fileOf(a.rhs);
      const q = quoteOf(this.text(file));
      const all = [v.v, ...values.filter((x) => x.toLowerCase() !== v.v.toLowerCase())];
      this.push(key, {
        file,
        start: a.rhs.start,
        end: a.rhs.end,
        text: `(${all.map((x) => pyStr(x, q)).join(", ")}${all.length === 1 ? "," : ""})`,
        why: { key: "config.django.fix.tuple", params: { name: a.name, line: a.stmt.line, value: v.v } },
      });
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name: a.name, line: a.stmt.line } });
  }

  /** The offset of a module's first assignment written in it (its top imports end before it). */
  private firstSetting(file: string): number {
    const a = this.s.mod.assignments
      .filter((x) => this.fileOf(x.stmt) === file)
      .sort((x, y) => x.stmt.start - y.stmt.start)[0];
    return a ? a.stmt.start : this.text(file).length;
  }

  /** Reasons no edit could be made, for the requests that asked for it. */
  readonly cannotAll: Words[] = [];

  /** CORS_ALLOW_CREDENTIALS = True. */
  credentials(): void {
    const a = this.s.credentials.from;
    const why: Words = { key: "config.django.fix.credentials" };
    // `to_bool(os.environ.get("CORS_ALLOW_CREDENTIALS", False))`: the default made one the helper reads
    // as True (proven by reading the edited module again), so a deployed value still decides.
    const from = a && !a.conditional && a.value.t === "bool" ? a.value.from : undefined;
    if (a && from?.dflt) {
      const file = this.fileOf(from.dflt);
      const text = this.text(file);
      const old = text.slice(from.dflt.start, from.dflt.end);
      const q = /^["']/.test(old) ? (old[0] as string) : quoteOf(text);
      for (const value of ["True", pyStr("true", q), pyStr("1", q)]) {
        const next = text.slice(0, from.dflt.start) + value + text.slice(from.dflt.end);
        const v = readModule(next).names.get(a.name)?.value;
        if (v?.t !== "bool" || !v.v) continue;
        this.push("credentials", {
          file,
          start: from.dflt.start,
          end: from.dflt.end,
          text: value,
          why: {
            key: "config.django.fix.credentials-default",
            params: { name: a.name, line: a.stmt.line, env: from.name, helper: from.helper, value },
          },
        });
        return;
      }
    }
    if (a && !a.conditional && (a.value.t === "bool" || a.value.t === "int" || a.value.t === "none")) {
      this.push("credentials", {
        file: this.fileOf(a.rhs),
        start: a.rhs.start,
        end: a.rhs.end,
        text: "True",
        why,
      });
      return;
    }
    if (a) {
      this.cannotAll.push({ key: "config.cannot.list-value", params: { name: a.name, line: a.stmt.line } });
      return;
    }
    this.addStatement("credentials", "CORS_ALLOW_CREDENTIALS = True", why);
  }

  /** CorsMiddleware to the top of MIDDLEWARE (added there when missing, with "corsheaders" in INSTALLED_APPS). */
  middlewareFirst(): void {
    const mw = this.s.middleware;
    const a = mw.from;
    const d = a?.value.t === "seq" ? a.value.display : null;
    if (!mw.known || !a || !d) {
      this.cannotAll.push({ key: "config.django.cannot.middleware", params: { line: a?.stmt.line ?? 0 } });
      return;
    }
    const file = this.fileOf(d.open);
    const text = this.text(file);
    const list = mw.value;
    const at = list.findIndex((m) => m.name === CORS_MIDDLEWARE);
    const cors = list[at];
    const first = d.elements[0];
    const q = this.quote(d);
    const item = pyStr(CORS_MIDDLEWARE, q);
    const why: Words = cors
      ? { key: "config.django.fix.move", params: { line: cors.line, above: list[0]?.name ?? "" } }
      : { key: "config.django.fix.add-middleware" };
    if (at === 0) return;
    // The element holding it (not its index: a comprehension may filter the display's items).
    const held = cors && d.elements.find((e) => e.start <= cors.start && cors.end <= e.end);
    if (cors && !held) {
      this.cannotAll.push({ key: "config.django.cannot.middleware", params: { line: a.stmt.line } });
      return;
    }
    if (!first) {
      this.push("mw:add", { file, start: d.close.start, end: d.close.start, text: item, why });
    } else if (first.line !== d.open.line) {
      const indent = indentAt(text, first.start);
      const ls = lineStart(text, first.start);
      this.push("mw:add", { file, start: ls, end: ls, text: `${indent}${item},\n`, why });
    } else {
      this.push("mw:add", { file, start: first.start, end: first.start, text: `${item}, `, why });
    }
    if (cors) {
      const el = held as Display["elements"][number];
      const ls = lineStart(text, el.start);
      const lineEnd = afterLine(text, el.end);
      const rest = text.slice(el.end, lineEnd);
      // Alone on its line (a comment after it goes with it): the line goes.
      if (text.slice(ls, el.start).trim() === "" && /^\s*,?\s*(#.*)?\r?\n?$/.test(rest))
        this.push("mw:remove", { file, start: ls, end: lineEnd, text: "", why });
      else {
        const comma = /^\s*,\s*/.exec(rest)?.[0] ?? "";
        this.push("mw:remove", {
          file,
          start: el.start,
          end: el.end + comma.length,
          text: "",
          why,
        });
      }
      return;
    }
    const apps = this.s.apps;
    const ad = apps.from?.value.t === "seq" ? apps.from.value.display : null;
    if (apps.known && !apps.value.includes("corsheaders") && ad)
      this.extendDisplay("apps", ad, ["corsheaders"], { key: "config.django.fix.app" });
  }

  /** CORS_URLS_REGEX also matches this path's first segment. */
  widenUrls(path: string): void {
    const a = this.s.urlsRegex.from;
    if (a?.value.t !== "str" || a.conditional) {
      this.cannotAll.push({ key: "config.django.cannot.urls-regex", params: { line: a?.stmt.line ?? 0 } });
      return;
    }
    const seg = /^\/[^/]+\//.exec(path)?.[0] ?? path;
    const lit = seg
      .replace(/[.]/g, "[.]")
      .replace(/[+*?()[\]{}|^$\\]/g, (c) => `[${c === "\\" ? "\\\\" : c}]`);
    const close = a.value.at.end - a.value.quote.length;
    const added = pyStr(`|^${lit}${seg === path ? "$" : ""}`, a.value.quote).slice(1, -1);
    this.push("urls", {
      file: this.fileOf(a.value.at),
      start: close,
      end: close,
      text: added,
      why: { key: "config.django.fix.urls", params: { line: a.stmt.line, path: seg } },
    });
  }
}
