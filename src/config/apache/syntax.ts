/**
 * Apache httpd configuration syntax (httpd.conf, vhost files, `.htaccess`): directives one per line
 * (a `\` ending a line continues it), `#` comments only where a directive could start, sections
 * `<Name args>` … `</Name>`, arguments split on white space with `"…"` or `'…'` quoting (a
 * backslash escapes the quote): as `ap_getword_conf` and `ap_build_config` read them
 * (https://github.com/apache/httpd/blob/trunk/server/util.c, https://github.com/apache/httpd/blob/trunk/server/config.c).
 * Every token keeps its byte offsets so the patcher edits only what it must.
 */
import { ConfigSyntaxError } from "../types";

export interface Token {
  /** The argument as httpd reads it (quotes removed, escaped quotes applied). */
  value: string;
  start: number;
  end: number;
  line: number;
  quoted: boolean;
}

export interface Node {
  /** The directive or section name as written (`Header`, `Location`). */
  name: string;
  /** Lower case, for lookups (httpd's names are case-insensitive). */
  key: string;
  args: Token[];
  /** From the first byte of the name (or its `<`) to the end of the line (before the newline). */
  start: number;
  end: number;
  line: number;
  file: string;
  section: { children: Node[]; close: number; closeEnd: number; closeLine: number } | null;
}

export class ApacheSyntaxError extends ConfigSyntaxError {}

/** The arguments of one logical line between `from` and `to`. */
function words(text: string, from: number, to: number, lineAt: (o: number) => number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      i++;
      continue;
    }
    // A backslash-newline continuation is white space between words.
    if (c === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      i += text[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    const start = i;
    let value = "";
    if (c === '"' || c === "'") {
      i++;
      while (i < to && text[i] !== c) {
        if (text[i] === "\\" && text[i + 1] === c) {
          value += c;
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      i++;
      out.push({ value, start, end: Math.min(i, to), line: lineAt(start), quoted: true });
      continue;
    }
    while (i < to && !/[ \t\r\n]/.test(text[i] as string)) {
      value += text[i];
      i++;
    }
    out.push({ value, start, end: i, line: lineAt(start), quoted: false });
  }
  return out;
}

export function parseApache(text: string, file: string): Node[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt = (o: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const root: Node[] = [];
  const stack: Node[] = [];
  let i = 0;
  while (i < text.length) {
    // One logical line: up to a newline not escaped by a backslash.
    let end = i;
    while (end < text.length) {
      if (text[end] === "\n") {
        const before = text[end - 1] === "\r" ? end - 2 : end - 1;
        if (text[before] !== "\\") break;
      }
      end++;
    }
    const next = end + 1;
    let at = i;
    while (at < end && /[ \t\r]/.test(text[at] as string)) at++;
    const contentEnd = (() => {
      let e = end;
      while (e > at && /[ \t\r]/.test(text[e - 1] as string)) e--;
      return e;
    })();
    if (at >= contentEnd || text[at] === "#") {
      i = next;
      continue;
    }
    const line = lineAt(at);
    const into = stack.at(-1)?.section?.children ?? root;
    if (text.startsWith("</", at)) {
      const name = text
        .slice(at + 2, contentEnd)
        .replace(/>$/, "")
        .trim();
      const open = stack.pop();
      if (!open || open.key !== name.toLowerCase())
        throw new ApacheSyntaxError(
          file,
          line,
          `</${name}> closes nothing${open ? ` (<${open.name}> is open)` : ""}`,
        );
      if (open.section) {
        open.section.close = at;
        open.section.closeEnd = contentEnd;
        open.section.closeLine = line;
      }
      i = next;
      continue;
    }
    if (text[at] === "<") {
      if (text[contentEnd - 1] !== ">")
        throw new ApacheSyntaxError(file, line, "a section opening must end with >");
      const m = /^<([A-Za-z0-9_]+)/.exec(text.slice(at, contentEnd));
      if (!m) throw new ApacheSyntaxError(file, line, "unreadable section");
      const name = m[1] as string;
      const node: Node = {
        name,
        key: name.toLowerCase(),
        args: words(text, at + 1 + name.length, contentEnd - 1, lineAt),
        start: at,
        end: contentEnd,
        line,
        file,
        section: { children: [], close: -1, closeEnd: -1, closeLine: -1 },
      };
      into.push(node);
      stack.push(node);
      i = next;
      continue;
    }
    const toks = words(text, at, contentEnd, lineAt);
    const first = toks[0];
    if (!first) {
      i = next;
      continue;
    }
    into.push({
      name: first.value,
      key: first.value.toLowerCase(),
      args: toks.slice(1),
      start: at,
      end: contentEnd,
      line,
      file,
      section: null,
    });
    i = next;
  }
  const open = stack.pop();
  if (open) throw new ApacheSyntaxError(file, open.line, `<${open.name}> is not closed`);
  return root;
}
