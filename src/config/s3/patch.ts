/**
 * Minimal edits of an S3 bucket CORS file, never narrower than before: the page's origin, method and
 * headers are added to the rule S3 would use for them (the first rule that takes the origin), a
 * rule for the origin goes in front of a rule that answers it `*` where credentials need the origin
 * itself (every rule is kept), an origin that can never match (a trailing slash) is replaced by the
 * one the browser sends, and what makes S3 refuse the file is repaired. JSON edits keep the user's
 * layout (one-line arrays stay on one line; a new rule through jsonc-parser's `modify`); XML
 * elements go in at the indentation of their neighbours.
 */
import { type FormattingOptions, modify } from "jsonc-parser";
import { needsPreflight } from "../../engine";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import type { Words } from "../types";
import type { Judged, RequestSpec } from "../whatif";
import { unsafeNames } from "../whatif";
import {
  answersStar,
  type Compiled,
  compile,
  firstMatch,
  headersMatch,
  originMatch,
  refusals,
  S3_METHODS,
  wildcard,
} from "./answer";
import {
  FIELDS,
  type Field,
  type List,
  type Mismatch,
  type Rule,
  type S3Doc,
  type Val,
  XML_NAME,
} from "./parse";

export const REFUSED_KEY = "config.s3.unknown.refused";

const lower = (s: string) => s.toLowerCase();
const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A browser's Origin for an origin written with a path or a trailing slash. */
const bare = (v: string) => v.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/]*)\/.*$/i, "$1");
/** A value no browser's Origin can match: a path or trailing slash, or no scheme (and no wildcard). */
export const deadOrigin = (v: string) =>
  v !== "null" &&
  !v.includes("*") &&
  (/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.test(v) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v));

interface Wants {
  origins: string[];
  replace: Map<Val, string>;
  methods: string[];
  headers: string[];
}

interface NewRule {
  before: Rule | null;
  origins: string[];
  methods: string[];
  headers: string[];
  expose: string[];
  maxAge: number | null;
}

class S3Patcher extends EditList {
  private readonly unit: string;
  constructor(readonly doc: S3Doc) {
    super(new Map([[doc.file, doc.text]]));
    const m = /\n([ \t]+)\S/.exec(doc.text);
    this.unit = m?.[1]?.startsWith("\t") ? "\t" : (m?.[1] ?? "  ").slice(0, Math.min(m?.[1]?.length ?? 2, 4));
  }

  private edit(key: string, start: number, end: number, text: string, why: Words): void {
    // A file written with CRLF gets CRLF in what is inserted too.
    const eol = this.doc.text.includes("\r\n") ? text.replace(/(?<!\r)\n/g, "\r\n") : text;
    this.push(key, { file: this.doc.file, start, end, text: eol, why });
  }

  private get json(): boolean {
    return this.doc.format === "s3-json";
  }

  private quote(v: string): string {
    return this.json ? JSON.stringify(v) : v;
  }

  private element(field: Field, v: string): string {
    return `<${XML_NAME[field]}>${xmlEscape(v)}</${XML_NAME[field]}>`;
  }

  /** Values appended to a rule's list as the list is written (one line or one value a line). */
  appendValues(rule: Rule, field: Field, values: string[], why: Words): void {
    if (values.length === 0) return;
    const t = this.doc.text;
    const list = rule.lists[field];
    if (!list) {
      this.addList(rule, field, values, why);
      return;
    }
    const last = list.values.at(-1);
    if (this.json) {
      if (!last) {
        this.edit(
          `${rule.index}:${field}`,
          list.start,
          list.end,
          `[${values.map(this.quote, this).join(", ")}]`,
          why,
        );
        return;
      }
      const inline = !t.slice(list.start, list.end).includes("\n");
      const sep = inline ? ", " : `,\n${indentAt(t, last.start)}`;
      this.edit(
        `${rule.index}:${field}`,
        last.end,
        last.end,
        values.map((v) => `${sep}${JSON.stringify(v)}`).join(""),
        why,
      );
      return;
    }
    const at = last as Val;
    const alone = t.slice(lineStart(t, at.elemStart), at.elemStart).trim() === "";
    const sep = alone ? `\n${indentAt(t, at.elemStart)}` : "";
    this.edit(
      `${rule.index}:${field}`,
      at.elemEnd,
      at.elemEnd,
      values.map((v) => sep + this.element(field, v)).join(""),
      why,
    );
  }

  /** A list the rule lacks, after its last member, in the layout of the rule's other lists. */
  private addList(rule: Rule, field: Field, values: string[], why: Words): void {
    const t = this.doc.text;
    if (this.json) {
      const lists = Object.values(rule.lists) as List[];
      const lastEnd = Math.max(...lists.map((l) => l.end), rule.maxAge?.end ?? 0, rule.id?.end ?? 0);
      const indent = indentAt(t, lastEnd);
      const oneLine = !t.slice(rule.start, rule.end).includes("\n");
      const inlineLists = lists.every((l) => !t.slice(l.start, l.end).includes("\n"));
      const array = inlineLists
        ? `[${values.map((v) => JSON.stringify(v)).join(", ")}]`
        : `[\n${values.map((v) => `${indent}${this.unit}${JSON.stringify(v)}`).join(",\n")}\n${indent}]`;
      this.edit(
        `${rule.index}:${field}`,
        lastEnd,
        lastEnd,
        `${oneLine ? ", " : `,\n${indent}`}${JSON.stringify(field)}: ${array}`,
        why,
      );
      return;
    }
    const at = rule.lastChildEnd;
    const indent = indentAt(t, at);
    const alone = t.slice(lineStart(t, at), at).trimStart().startsWith("<");
    const sep = alone && t.slice(lineStart(t, at), at).trim().split("<").length <= 3 ? `\n${indent}` : "";
    this.edit(
      `${rule.index}:${field}`,
      at,
      at,
      values.map((v) => sep + this.element(field, v)).join(""),
      why,
    );
  }

  replaceValue(val: Val, value: string, why: Words): void {
    this.edit(
      `replace:${val.start}`,
      val.start,
      val.end,
      this.json ? JSON.stringify(value) : xmlEscape(value),
      why,
    );
  }

  /** A value dropped with its separator (JSON: the comma before it; XML: its line when alone on it). */
  removeValue(rule: Rule, field: Field, val: Val, why: Words): void {
    const t = this.doc.text;
    if (this.json) {
      // Not jsonc-parser's removal: in 3.3.1 it leaves the value's closing quote behind.
      const values = (rule.lists[field] as List).values;
      const k = values.indexOf(val);
      const before = values[k - 1];
      const after = values[k + 1];
      if (before) this.edit(`remove:${val.start}`, before.end, val.end, "", why);
      else if (after) this.edit(`remove:${val.start}`, val.start, after.start, "", why);
      else this.edit(`remove:${val.start}`, val.start, val.end, "", why);
      return;
    }
    const ls = lineStart(t, val.elemStart);
    const alone = t.slice(ls, val.elemStart).trim() === "" && /^[ \t]*(\r?\n|$)/.test(t.slice(val.elemEnd));
    if (alone) this.edit(`remove:${val.start}`, ls, afterLine(t, val.elemEnd), "", why);
    else this.edit(`remove:${val.start}`, val.elemStart, val.elemEnd, "", why);
  }

  /** Several values in place of one (`*` for the methods S3 takes). */
  replaceWithMany(rule: Rule, field: Field, val: Val, values: string[], why: Words): void {
    const t = this.doc.text;
    if (this.json) {
      const list = rule.lists[field] as List;
      const inline = !t.slice(list.start, list.end).includes("\n");
      const sep = inline ? ", " : `,\n${indentAt(t, val.start)}`;
      this.edit(
        `replace:${val.start}`,
        val.start,
        val.end,
        values.map((v) => JSON.stringify(v)).join(sep),
        why,
      );
      return;
    }
    const alone = t.slice(lineStart(t, val.elemStart), val.elemStart).trim() === "";
    const sep = alone ? `\n${indentAt(t, val.elemStart)}` : "";
    this.edit(
      `replace:${val.start}`,
      val.elemStart,
      val.elemEnd,
      values.map((v) => this.element(field, v)).join(sep),
      why,
    );
  }

  /** Element names S3 does not know renamed, in one edit of the rule (open and close tags). */
  renameXml(rule: Rule, names: Map<string, string>, why: Words): void {
    const t = this.doc.text;
    const re = new RegExp(`<(/?)((?:[\\w-]+:)?)(${[...names.keys()].join("|")})(?=[\\s/>])`, "g");
    const slice = t.slice(rule.start, rule.end);
    const text = slice.replace(re, (_m, close: string, prefix: string, name: string) => {
      return `<${close}${prefix}${names.get(name) ?? name}`;
    });
    if (text !== slice) this.edit(`rename:${rule.start}`, rule.start, rule.end, text, why);
  }

  /** A closing tag's name replaced by the name of the element it closes. */
  renameTag(m: Mismatch, why: Words): void {
    this.edit(`tag:${m.start}`, m.start, m.end, m.open, why);
  }

  renameJsonKey(rule: Rule, name: string, to: string, why: Words): void {
    const t = this.doc.text;
    const re = new RegExp(`"${name}"(?=\\s*:)`, "g");
    for (const m of t.slice(rule.start, rule.end).matchAll(re)) {
      const at = rule.start + (m.index ?? 0);
      this.edit(`rename:${at}`, at, at + m[0].length, JSON.stringify(to), why);
    }
  }

  wrapList(list: List, why: Words): void {
    const t = this.doc.text;
    this.edit(`wrap:${list.start}`, list.start, list.end, `[${t.slice(list.start, list.end)}]`, why);
  }

  insertRule(n: NewRule, why: Words): void {
    const t = this.doc.text;
    const fields: Array<[Field, string[]]> = (
      [
        ["AllowedOrigins", n.origins],
        ["AllowedMethods", n.methods],
        ["AllowedHeaders", n.headers],
        ["ExposeHeaders", n.expose],
      ] as Array<[Field, string[]]>
    ).filter(([, v]) => v.length > 0);
    const key = `rule:${n.before?.index ?? "end"}:${n.origins.join(",")}`;
    const inline = Object.values(this.doc.rules[0]?.lists ?? {}).every(
      (l) => !t.slice(l.start, l.end).includes("\n"),
    );
    if (this.json && inline && this.doc.rules.length > 0) {
      // One-line arrays, as the file's own rules are written (jsonc-parser would spread them out).
      const anchor = n.before ?? (this.doc.rules.at(-1) as Rule);
      const indent = indentAt(t, anchor.start);
      const props = Object.values(anchor.lists)[0];
      const inner =
        props && t.slice(anchor.start, props.start).includes("\n") ? indentAt(t, props.start) : null;
      const members = fields.map(
        ([f, vs]) => `${JSON.stringify(f)}: [${vs.map((v) => JSON.stringify(v)).join(", ")}]`,
      );
      if (n.maxAge !== null) members.push(`"MaxAgeSeconds": ${n.maxAge}`);
      const body =
        inner === null
          ? `{ ${members.join(", ")} }`
          : `{\n${members.map((m) => inner + m).join(",\n")}\n${indent}}`;
      if (n.before) this.edit(key, n.before.start, n.before.start, `${body},\n${indent}`, why);
      else this.edit(key, anchor.end, anchor.end, `,\n${indent}${body}`, why);
      return;
    }
    if (this.json) {
      const obj: Record<string, unknown> = Object.fromEntries(fields);
      if (n.maxAge !== null) obj.MaxAgeSeconds = n.maxAge;
      const options: FormattingOptions = {
        insertSpaces: this.unit !== "\t",
        tabSize: this.unit === "\t" ? 1 : this.unit.length,
        eol: t.includes("\r\n") ? "\r\n" : "\n",
      };
      const index = n.before ? n.before.index : this.doc.rules.length;
      const edits = modify(t, [...this.doc.rulesPath, index], obj, {
        isArrayInsertion: true,
        formattingOptions: options,
      });
      edits.forEach((e, i) => {
        this.edit(`${key}:${i}`, e.offset, e.offset + e.length, e.content, why);
      });
      return;
    }
    const anchor = n.before ?? (this.doc.rules.at(-1) as Rule);
    const indent = indentAt(t, anchor.start);
    const firstChild = Object.values(anchor.lists)[0]?.values[0];
    const inner = firstChild ? indentAt(t, firstChild.elemStart) : indent + this.unit;
    const lines = fields.flatMap(([f, vs]) => vs.map((v) => `${inner}${this.element(f, v)}`));
    if (n.maxAge !== null) lines.push(`${inner}<MaxAgeSeconds>${n.maxAge}</MaxAgeSeconds>`);
    const block = `${indent}<CORSRule>\n${lines.join("\n")}\n${indent}</CORSRule>`;
    if (n.before) {
      const ls = lineStart(t, n.before.start);
      if (t.slice(ls, n.before.start).trim() === "") this.edit(key, ls, ls, `${block}\n`, why);
      else this.edit(key, n.before.start, n.before.start, block.trimStart(), why);
    } else this.edit(key, anchor.end, anchor.end, `\n${block}`, why);
  }
}

const fieldName = (doc: S3Doc, f: Field) => (doc.format === "s3-xml" ? XML_NAME[f] : f);

/** What makes S3 refuse the file, repaired where the intent is plain. */
function repairRefusals(p: S3Patcher, doc: S3Doc, cannot: (why: Words) => void): void {
  const plural = Object.fromEntries(FIELDS.map((f) => [XML_NAME[f], f])) as Record<string, Field>;
  let repaired = 0;
  // A closing tag whose name is plainly the open element's mistyped gets that element's name; any
  // other is not guessed at.
  for (const m of doc.mismatched)
    if (m.plain) {
      p.renameTag(m, { key: "config.s3.fix.tag", params: { from: m.close, to: m.open } });
      repaired++;
    }
  for (const r of doc.rules) {
    const renames = new Map<string, string>();
    for (const u of r.unknown) {
      if (doc.format === "s3-xml" && (FIELDS as readonly string[]).includes(u.name))
        renames.set(u.name, XML_NAME[u.name as Field]);
      else if (doc.format === "s3-json" && plural[u.name]) {
        p.renameJsonKey(r, u.name, plural[u.name] as string, {
          key: "config.s3.fix.rename",
          params: { from: u.name, to: plural[u.name] as string },
        });
        repaired++;
      }
    }
    if (renames.size > 0) {
      p.renameXml(r, renames, {
        key: "config.s3.fix.rename",
        params: { from: [...renames.keys()].join(", "), to: [...renames.values()].join(", ") },
      });
      repaired++;
    }
    for (const f of FIELDS) {
      const list = r.lists[f];
      if (list && !list.isArray) {
        p.wrapList(list, { key: "config.s3.fix.wrap", params: { name: f } });
        repaired++;
      }
    }
    const methods = r.lists.AllowedMethods;
    for (const m of methods?.values ?? []) {
      if (S3_METHODS.includes(m.value)) continue;
      const have = new Set(methods?.values.map((v) => v.value.toUpperCase()));
      if (m.value.trim() === "*") {
        p.replaceWithMany(
          r,
          "AllowedMethods",
          m,
          S3_METHODS.filter((x) => !have.has(x)),
          { key: "config.s3.fix.method-star" },
        );
      } else if (S3_METHODS.includes(m.value.trim().toUpperCase())) {
        const up = m.value.trim().toUpperCase();
        const twice = methods?.values.some((v) => v !== m && v.value === up);
        if (twice)
          p.removeValue(r, "AllowedMethods", m, {
            key: "config.s3.fix.method-drop",
            params: { value: m.value },
          });
        else p.replaceValue(m, up, { key: "config.s3.fix.method-case", params: { value: m.value } });
      } else if ((methods?.values.length ?? 0) > 1) {
        p.removeValue(r, "AllowedMethods", m, {
          key: "config.s3.fix.method-drop",
          params: { value: m.value },
        });
      } else {
        p.replaceValue(m, "GET", { key: "config.s3.fix.method-drop", params: { value: m.value } });
      }
      repaired++;
    }
  }
  if (repaired === 0) {
    const tag = doc.mismatched.find((m) => !m.plain);
    const first = refusals(doc)[0];
    if (tag)
      cannot({ key: "config.s3.cannot.tag", params: { close: tag.close, open: tag.open, line: tag.line } });
    else if (first) cannot({ key: "config.s3.cannot.refused", params: { line: first.line } });
  }
}

/** One round of edits for the failing requests. */
export function patchS3(
  doc: S3Doc,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const p = new S3Patcher(doc);
  const rules = compile(doc);
  const wants = new Map<Rule, Wants>();
  const want = (r: Rule) => {
    let w = wants.get(r);
    if (!w) {
      w = { origins: [], replace: new Map(), methods: [], headers: [] };
      wants.set(r, w);
    }
    return w;
  };
  const newRules = new Map<string, NewRule>();
  const refused = failing.filter(
    (f) => typeof f.judged.unknown === "object" && f.judged.unknown?.key === REFUSED_KEY,
  );
  if (refused.length > 0) {
    repairRefusals(p, doc, (why) => {
      for (const f of refused) p.cannot.set(f.spec.id, why);
    });
    return { edits: p.edits, cannot: p.cannot };
  }
  for (const { spec, judged } of failing) {
    if (judged.verdict !== "blocked") continue;
    const origin = spec.origin;
    const method = spec.method.toUpperCase();
    if (!S3_METHODS.includes(method)) {
      p.cannot.set(spec.id, { key: "config.s3.cannot.method", params: { method: spec.method } });
      continue;
    }
    const unsafe = needsPreflight(spec.method, spec.headers) === true ? unsafeNames(spec) : [];
    const named = (n: string) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n;
    const creds = spec.credentials === "include";
    const matched = firstMatch(rules, origin, method, unsafe);
    const union = (before: Rule) => {
      const key = `${before.index}:${origin}`;
      const n = newRules.get(key) ?? {
        before,
        origins: [origin],
        methods: [],
        headers: [],
        expose: [],
        maxAge: null,
      };
      // Everything any rule gave this origin, so no request of it gets less from the new rule.
      for (const c of rules.filter((c) => originMatch(c, origin))) {
        for (const m of c.methods) if (!n.methods.includes(m)) n.methods.push(m);
        for (const h of c.rule.lists.AllowedHeaders?.values ?? [])
          if (!n.headers.some((x) => lower(x) === lower(h.value))) n.headers.push(h.value);
        for (const e of c.expose) if (!n.expose.some((x) => lower(x) === lower(e))) n.expose.push(e);
        if (c.maxAge !== null && /^\d+$/.test(c.maxAge)) n.maxAge = Math.max(n.maxAge ?? 0, Number(c.maxAge));
      }
      if (!n.methods.includes(method)) n.methods.push(method);
      for (const h of unsafe) if (!n.headers.some((x) => wildcard(x, "i")?.test(h))) n.headers.push(named(h));
      n.methods.sort((a, b) => S3_METHODS.indexOf(a) - S3_METHODS.indexOf(b));
      newRules.set(key, n);
    };
    if (matched) {
      if (answersStar(matched) && creds) union(matched.rule);
      else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: judged.cause?.code ?? "" } });
      continue;
    }
    const extend = (c: Compiled) => {
      const w = want(c.rule);
      if (!c.methods.includes(method) && !w.methods.includes(method)) w.methods.push(method);
      for (const h of unsafe)
        if (!c.headers.some((re) => re.test(h)) && !w.headers.some((x) => lower(x) === h))
          w.headers.push(named(h));
    };
    const taking = rules.find((c) => originMatch(c, origin));
    if (taking) {
      if (answersStar(taking) && creds) union(taking.rule);
      else {
        // The first rule takes the origin through `*`: a rule that already gives the method and
        // headers to origins it names gets this one too, rather than the method going to every
        // origin (S3 goes on to the next rule whose method matches: cors.html's evaluation).
        const named = answersStar(taking)
          ? rules.find(
              (c) =>
                !answersStar(c) &&
                c.methods.includes(method) &&
                headersMatch(c, unsafe) &&
                c.origins.length > 0,
            )
          : undefined;
        if (named) {
          const w = want(named.rule);
          if (!w.origins.includes(origin)) w.origins.push(origin);
        } else extend(taking);
      }
      continue;
    }
    // No rule takes the origin: one written almost as the browser sends it (a trailing slash, the
    // other scheme, capitals) is the one meant; else a rule that already has the method and headers.
    const near = rules
      .flatMap((c) => (c.rule.lists.AllowedOrigins?.values ?? []).map((v) => ({ c, v })))
      .find(({ v }) => {
        const b = lower(bare(v.value)).replace(/^https?:\/\//, "");
        return b === lower(origin).replace(/^https?:\/\//, "");
      });
    if (near) {
      const w = want(near.c.rule);
      const fixed = /^[a-z][a-z0-9+.-]*:\/\//i.test(near.v.value)
        ? bare(near.v.value)
        : `${new URL(origin).protocol}//${bare(`x://${near.v.value}`).slice(4)}`;
      if (deadOrigin(near.v.value) && fixed === origin) w.replace.set(near.v, origin);
      else if (!w.origins.includes(origin)) w.origins.push(origin);
      extend(near.c);
      continue;
    }
    const fit = rules.find((c) => c.methods.includes(method) && headersMatch(c, unsafe));
    if (fit) {
      const w = want(fit.rule);
      if (!w.origins.includes(origin)) w.origins.push(origin);
      continue;
    }
    const key = `end:${origin}`;
    const n = newRules.get(key) ?? {
      before: null,
      origins: [origin],
      methods: [],
      headers: [],
      expose: [],
      maxAge: null,
    };
    if (!n.methods.includes(method)) n.methods.push(method);
    for (const h of unsafe) if (!n.headers.some((x) => lower(x) === h)) n.headers.push(named(h));
    newRules.set(key, n);
  }
  for (const [rule, w] of wants) {
    const line = rule.line;
    for (const [val, origin] of w.replace)
      p.replaceValue(val, origin, {
        key: "config.s3.fix.origin-replace",
        params: { value: val.value, origin },
      });
    if (w.origins.length > 0)
      p.appendValues(rule, "AllowedOrigins", w.origins, {
        key: "config.s3.fix.origins",
        params: {
          names: w.origins.join(", "),
          line,
          field: fieldName(doc, "AllowedOrigins"),
          at: rule.lists.AllowedOrigins?.line ?? line,
        },
      });
    if (w.methods.length > 0)
      p.appendValues(rule, "AllowedMethods", w.methods, {
        key: "config.s3.fix.methods",
        params: {
          names: w.methods.join(", "),
          line,
          field: fieldName(doc, "AllowedMethods"),
          at: rule.lists.AllowedMethods?.line ?? line,
        },
      });
    if (w.headers.length > 0)
      p.appendValues(rule, "AllowedHeaders", w.headers, {
        key: "config.s3.fix.headers",
        params: {
          names: w.headers.join(", "),
          line,
          field: fieldName(doc, "AllowedHeaders"),
          at: rule.lists.AllowedHeaders?.line ?? line,
        },
      });
  }
  for (const n of newRules.values())
    p.insertRule(
      n,
      n.before
        ? { key: "config.s3.fix.rule-before", params: { origins: n.origins.join(", "), line: n.before.line } }
        : { key: "config.s3.fix.rule-end", params: { origins: n.origins.join(", ") } },
    );
  return { edits: p.edits, cannot: p.cannot };
}
