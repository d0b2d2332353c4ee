/**
 * S3 bucket CORS files, read with offsets kept: the JSON `aws s3api put-bucket-cors` takes and
 * `get-bucket-cors` prints (`{"CORSRules": [...]}`, or `{"CORSConfiguration": {"CORSRules": ...}}` as
 * `--cli-input-json` holds it), the console's editor (a bare array of rules), and the XML document
 * of the REST API (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html), with or
 * without its xmlns. JSON through jsonc-parser's tree (offsets per value); XML through a tokenizer of
 * this one schema's shape (elements and text, no DTD).
 */
import {
  createScanner,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import { distance } from "../distance";
import { lineIndex } from "../nginx/syntax";
import { ConfigSyntaxError } from "../types";

export type Field = "AllowedOrigins" | "AllowedMethods" | "AllowedHeaders" | "ExposeHeaders";
export const FIELDS: readonly Field[] = [
  "AllowedOrigins",
  "AllowedMethods",
  "AllowedHeaders",
  "ExposeHeaders",
];
/** The XML element of one value of each list (the JSON name without its plural s). */
export const XML_NAME: Record<Field, string> = {
  AllowedOrigins: "AllowedOrigin",
  AllowedMethods: "AllowedMethod",
  AllowedHeaders: "AllowedHeader",
  ExposeHeaders: "ExposeHeader",
};

/** One value as written: its text range (a JSON string with its quotes; an XML element's content). */
export interface Val {
  value: string;
  start: number;
  end: number;
  /** The whole XML element (`<AllowedMethod>…</AllowedMethod>`); the JSON string again. */
  elemStart: number;
  elemEnd: number;
  line: number;
}

/** A list of a rule: the JSON array (or the one value written in its place), or the XML elements. */
export interface List {
  values: Val[];
  /** The JSON array node's range; for XML the first element's start and the last one's end. */
  start: number;
  end: number;
  line: number;
  /** JSON: written as an array (the CLI refuses a string in its place). */
  isArray: boolean;
}

export interface Rule {
  index: number;
  start: number;
  end: number;
  line: number;
  lists: Partial<Record<Field, List>>;
  maxAge: Val | null;
  id: Val | null;
  /** Names S3 does not know in this rule (the CLI or S3 refuses the file). */
  unknown: Array<{ name: string; line: number }>;
  /** XML: the last child element's end (new elements go after it). */
  lastChildEnd: number;
}

export interface S3Doc {
  format: "s3-json" | "s3-xml";
  file: string;
  text: string;
  rules: Rule[];
  /** JSON: where the rules array is (jsonc-parser's path); XML: []. */
  rulesPath: Array<string | number>;
  /** The rules array (JSON) or the CORSConfiguration element (XML). */
  rulesStart: number;
  rulesEnd: number;
  line: (offset: number) => number;
  /** XML: elements directly in <CORSConfiguration> that are not rules (S3 refuses the document). */
  stray: Array<{ name: string; line: number }>;
  /** JSON: the lines of comments (jsonc-parser reads them; the AWS CLI and the console do not). */
  comments: number[];
  /**
   * XML: closing tags that name another element than the one open (`<MaxAgeSeconds>3000</MaxAgeSec>`),
   * read as closing it so the rest of the file is read; S3 refuses the document (MalformedXML).
   */
  mismatched: Mismatch[];
}

export interface Mismatch {
  line: number;
  /** The name in the closing tag (no namespace prefix) and the element it closes. */
  close: string;
  open: string;
  /** The name's range in the closing tag. */
  start: number;
  end: number;
  /** The closing name is plainly the open one mistyped (its prefix, a near miss, another case). */
  plain: boolean;
}

/**
 * A closing name that plainly means the open element: the same name in another case, a prefix of it
 * of 3 or more characters (`MaxAgeSec`), the name with something after it (`AllowedMethods`), or at
 * most two characters off in a name of 5 or more (`AllowedOrgin`).
 */
export function plainlyMeant(close: string, open: string): boolean {
  const c = close.toLowerCase();
  const o = open.toLowerCase();
  if (c === o) return true;
  if (c.length >= 3 && o.startsWith(c)) return true;
  if (o.length >= 3 && c.startsWith(o)) return true;
  return Math.min(c.length, o.length) >= 5 && distance(c, o) <= 2;
}

export class S3SyntaxError extends ConfigSyntaxError {}

/** The file is S3 bucket CORS JSON: an object or array that names the rules' fields. */
export function looksS3Json(text: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(text) && /"(CORSRules|AllowedOrigins|AllowedMethods)"/.test(text);
}

/** The file is S3 bucket CORS XML: its first element is CORSConfiguration. */
export function looksS3Xml(text: string): boolean {
  return /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<([\w-]+:)?CORSConfiguration\b/.test(text);
}

export function parseS3(file: string, text: string): S3Doc {
  return looksS3Xml(text) ? parseXml(file, text) : parseJson(file, text);
}

function parseJson(file: string, text: string): S3Doc {
  const line = lineIndex(text);
  const errors: ParseError[] = [];
  // A byte order mark read as a space: jsonc-parser refuses it, and offsets stay those of the file.
  const root = parseTree(text.replace(/^\uFEFF/, " "), errors, {
    allowTrailingComma: false,
    disallowComments: false,
  });
  const first = errors[0];
  if (first || !root)
    throw new S3SyntaxError(file, line(first?.offset ?? 0), printParseErrorCode(first?.error ?? 1));
  const prop = (n: JsonNode | undefined, key: string) =>
    n?.type === "object" ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  let rulesPath: Array<string | number> = [];
  let arr: JsonNode | undefined;
  if (root.type === "array") arr = root;
  else if (prop(root, "CORSRules")) {
    arr = prop(root, "CORSRules");
    rulesPath = ["CORSRules"];
  } else if (prop(prop(root, "CORSConfiguration"), "CORSRules")) {
    arr = prop(prop(root, "CORSConfiguration"), "CORSRules");
    rulesPath = ["CORSConfiguration", "CORSRules"];
  }
  if (arr?.type !== "array")
    throw new S3SyntaxError(file, line(root.offset), 'no "CORSRules" array of rules');
  const rules: Rule[] = (arr.children ?? []).map((r, index) => {
    if (r.type !== "object") throw new S3SyntaxError(file, line(r.offset), "a rule is not an object");
    const rule: Rule = {
      index,
      start: r.offset,
      end: r.offset + r.length,
      line: line(r.offset),
      lists: {},
      maxAge: null,
      id: null,
      unknown: [],
      lastChildEnd: r.offset + r.length,
    };
    const val = (n: JsonNode): Val => ({
      value: typeof n.value === "string" || typeof n.value === "number" ? String(n.value) : "",
      start: n.offset,
      end: n.offset + n.length,
      elemStart: n.offset,
      elemEnd: n.offset + n.length,
      line: line(n.offset),
    });
    for (const p of r.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      if ((FIELDS as readonly string[]).includes(key)) {
        const isArray = v.type === "array";
        const items = isArray ? (v.children ?? []) : [v];
        rule.lists[key as Field] = {
          values: items.filter((c) => c.type === "string").map(val),
          start: v.offset,
          end: v.offset + v.length,
          line: line(v.offset),
          isArray,
        };
      } else if (key === "MaxAgeSeconds") rule.maxAge = val(v);
      else if (key === "ID") rule.id = val(v);
      else rule.unknown.push({ name: key, line: line(k.offset) });
    }
    return rule;
  });
  return {
    format: "s3-json",
    file,
    text,
    rules,
    rulesPath,
    rulesStart: arr.offset,
    rulesEnd: arr.offset + arr.length,
    line,
    stray: [],
    comments: commentLines(text, line),
    mismatched: [],
  };
}

/** jsonc-parser's `SyntaxKind` (a const enum, which `verbatimModuleSyntax` cannot import). */
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

function commentLines(text: string, line: (o: number) => number): number[] {
  const scanner = createScanner(text, false);
  const out: number[] = [];
  for (let k: number = scanner.scan(); k !== EOF; k = scanner.scan())
    if (k === LINE_COMMENT || k === BLOCK_COMMENT) out.push(line(scanner.getTokenOffset()));
  return out;
}

interface Element {
  name: string;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e.startsWith("#x") || e.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** Elements with offsets: enough XML for this schema (comments, a prolog, CDATA, attributes). */
function parseElements(
  file: string,
  text: string,
  line: (o: number) => number,
  mismatched: Mismatch[],
): Element {
  const stack: Element[] = [
    { name: "", start: 0, openEnd: 0, closeStart: 0, end: 0, children: [], text: "" },
  ];
  let at = 0;
  const fail = (o: number, detail: string): never => {
    throw new S3SyntaxError(file, line(o), detail);
  };
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    const top = stack[stack.length - 1] as Element;
    if (lt < 0) {
      if (text.slice(at).trim() !== "" && stack.length > 1) top.text += decode(text.slice(at));
      break;
    }
    top.text += decode(text.slice(at, lt));
    if (text.startsWith("<!--", lt)) {
      const e = text.indexOf("-->", lt + 4);
      if (e < 0) fail(lt, "a comment is not closed (-->)");
      at = e + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const e = text.indexOf("]]>", lt);
      if (e < 0) fail(lt, "a CDATA section is not closed");
      top.text += text.slice(lt + 9, e);
      at = e + 3;
    } else if (text.startsWith("<?", lt)) {
      const e = text.indexOf("?>", lt);
      if (e < 0) fail(lt, "a processing instruction is not closed");
      at = e + 2;
    } else if (text.startsWith("<!", lt)) {
      fail(lt, "a DOCTYPE or declaration is not part of a CORS configuration");
    } else {
      const gt = text.indexOf(">", lt);
      if (gt < 0) fail(lt, "a tag is not closed (>)");
      const inner = text.slice(lt + 1, gt);
      const close = inner.startsWith("/");
      const m = /^\/?\s*([A-Za-z_][\w.:-]*)/.exec(inner);
      if (!m) fail(lt, `not a tag: <${inner.slice(0, 40)}>`);
      const name = (m ? (m[1] as string) : "").replace(/^[\w-]+:/, "");
      if (close) {
        if (stack.length === 1) fail(lt, `</${name}> closes nothing`);
        if (top.name !== name) {
          // A name no open element has: a typo in the closing tag, read as closing the open element
          // (the rest of the file stays readable). One that closes an outer element leaves an
          // element unclosed: which was meant is not plain.
          if (stack.some((e) => e !== stack[0] && e.name === name))
            fail(lt, `</${name}> closes <${top.name}>: <${top.name}> is not closed`);
          const nameAt = lt + 1 + (m?.[0].length ?? 0) - name.length;
          mismatched.push({
            line: line(lt),
            close: name,
            open: top.name,
            start: nameAt,
            end: nameAt + name.length,
            plain: plainlyMeant(name, top.name),
          });
        }
        top.closeStart = lt;
        top.end = gt + 1;
        stack.pop();
      } else {
        const el: Element = {
          name,
          start: lt,
          openEnd: gt + 1,
          closeStart: gt + 1,
          end: gt + 1,
          children: [],
          text: "",
        };
        top.children.push(el);
        if (!inner.trimEnd().endsWith("/")) stack.push(el);
      }
      at = gt + 1;
    }
  }
  if (stack.length > 1) fail(text.length, `<${stack[stack.length - 1]?.name}> is not closed`);
  return stack[0] as Element;
}

function parseXml(file: string, text: string): S3Doc {
  const line = lineIndex(text);
  const mismatched: Mismatch[] = [];
  const doc = parseElements(file, text, line, mismatched);
  const top = doc.children.filter((c) => c.name !== "");
  const root = top[0];
  if (root?.name !== "CORSConfiguration" || top.length > 1)
    throw new S3SyntaxError(file, line(root?.start ?? 0), "the document is not one <CORSConfiguration>");
  const rules: Rule[] = [];
  for (const r of root.children) {
    if (r.name !== "CORSRule") {
      rules.push({
        index: -1,
        start: r.start,
        end: r.end,
        line: line(r.start),
        lists: {},
        maxAge: null,
        id: null,
        unknown: [{ name: r.name, line: line(r.start) }],
        lastChildEnd: r.end,
      });
      continue;
    }
    const rule: Rule = {
      index: rules.filter((x) => x.index >= 0).length,
      start: r.start,
      end: r.end,
      line: line(r.start),
      lists: {},
      maxAge: null,
      id: null,
      unknown: [],
      lastChildEnd: r.children.at(-1)?.end ?? r.openEnd,
    };
    for (const c of r.children) {
      const raw = text.slice(c.openEnd, c.closeStart);
      const lead = raw.length - raw.trimStart().length;
      const value = decode(raw.trim());
      const v: Val = {
        value,
        start: c.openEnd + lead,
        end: c.openEnd + lead + raw.trim().length,
        elemStart: c.start,
        elemEnd: c.end,
        line: line(c.start),
      };
      const field = FIELDS.find((f) => XML_NAME[f] === c.name);
      if (field) {
        const list = rule.lists[field];
        if (list) {
          list.values.push(v);
          list.end = c.end;
        } else rule.lists[field] = { values: [v], start: c.start, end: c.end, line: v.line, isArray: true };
      } else if (c.name === "MaxAgeSeconds") rule.maxAge = v;
      else if (c.name === "ID") rule.id = v;
      else rule.unknown.push({ name: c.name, line: v.line });
    }
    rules.push(rule);
  }
  return {
    format: "s3-xml",
    file,
    text,
    rules: rules.filter((r) => r.index >= 0),
    rulesPath: [],
    rulesStart: root.start,
    rulesEnd: root.end,
    line,
    stray: rules.filter((r) => r.index < 0).flatMap((r) => r.unknown),
    comments: [],
    mismatched,
  };
}
