/**
 * nginx configuration syntax: tokens and directives with their byte offsets in the original text, so
 * the patcher edits only what it must. Follows nginx's own reader, `ngx_conf_read_token()` in
 * https://github.com/nginx/nginx/blob/master/src/core/ngx_conf_file.c: words end at whitespace,
 * `;`, `{` or `}`; `#` starts a comment only where a word could start; quoted words take `\` escapes;
 * `${name}` keeps its braces inside a word; a `)` right after a quoted word only ends it.
 */
import { ConfigSyntaxError } from "../types";

export interface Token {
  /** The word as nginx reads it (quotes removed, escapes applied). */
  value: string;
  /** Offsets of the word in the text, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface Directive {
  name: string;
  nameToken: Token;
  args: Token[];
  /** From the name's first byte to the `;` (inclusive) or the block's `}` (inclusive). */
  start: number;
  end: number;
  file: string;
  line: number;
  /** For a block directive: the offset of `{`, of `}`, and what is inside. */
  block: { open: number; close: number; children: Directive[] } | null;
}

export class NginxSyntaxError extends ConfigSyntaxError {}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A line index for fast offset → line lookups on large files. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

type Piece = { kind: "word"; token: Token } | { kind: ";" | "{" | "}"; at: number };

const SPACE = /[ \t\r\n]/;

/** nginx drops the backslash before `"`, `'` and `\\`, and reads `\\t`, `\\r`, `\\n`; any other stays (`\\.` in a regex). */
function unescapeWord(raw: string): string {
  return raw.replace(/\\(["'\\trn])/g, (_m, c: string) =>
    c === "t" ? "\t" : c === "r" ? "\r" : c === "n" ? "\n" : c,
  );
}

function pieces(text: string, file: string): Piece[] {
  const out: Piece[] = [];
  const lineOf = lineIndex(text);
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (c === ";" || c === "{" || c === "}") {
      out.push({ kind: c, at: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      i++;
      let raw = "";
      while (i < n && text[i] !== c) {
        if (text[i] === "\\" && i + 1 < n) {
          raw += text.slice(i, i + 2);
          i += 2;
        } else raw += text[i++];
      }
      if (i >= n) throw new NginxSyntaxError(file, lineOf(start), "unclosed quote");
      i++;
      out.push({ kind: "word", token: { value: unescapeWord(raw), start, end: i, quoted: true } });
      // nginx drops a ")" that directly follows a quoted word (the end of an `if` condition).
      if (text[i] === ")") i++;
      else if (i < n && !SPACE.test(text[i] as string) && !";{}".includes(text[i] as string))
        throw new NginxSyntaxError(file, lineOf(i), `unexpected "${text[i]}" after a quoted word`);
      continue;
    }
    const start = i;
    let raw = "";
    while (i < n) {
      const d = text[i] as string;
      if (SPACE.test(d) || d === ";") break;
      if (d === "{" && !(raw.endsWith("$") || /\$\{[^}]*$/.test(raw))) break;
      if (d === "}" && !/\$\{[^}]*$/.test(raw)) break;
      if (d === "\\" && i + 1 < n) {
        raw += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      raw += d;
      i++;
    }
    out.push({ kind: "word", token: { value: unescapeWord(raw), start, end: i, quoted: false } });
  }
  return out;
}

/** Parses a whole file into its top-level directives. Throws NginxSyntaxError with the line. */
export function parseNginx(text: string, file: string): Directive[] {
  const list = pieces(text, file);
  const lineOf = lineIndex(text);
  let at = 0;
  const level = (depth: number): Directive[] => {
    const out: Directive[] = [];
    let words: Token[] = [];
    while (at < list.length) {
      const p = list[at++] as Piece;
      if (p.kind === "word") {
        words.push(p.token);
        continue;
      }
      if (p.kind === "}") {
        if (words.length > 0) throw new NginxSyntaxError(file, lineOf(p.at), 'unexpected "}"');
        if (depth === 0) throw new NginxSyntaxError(file, lineOf(p.at), 'unexpected "}"');
        at--;
        return out;
      }
      const [name, ...args] = words;
      if (!name) throw new NginxSyntaxError(file, lineOf(p.at), `unexpected "${p.kind}"`);
      if (p.kind === ";") {
        out.push({
          name: name.value,
          nameToken: name,
          args,
          start: name.start,
          end: p.at + 1,
          file,
          line: lineOf(name.start),
          block: null,
        });
      } else {
        const children = level(depth + 1);
        const close = list[at++];
        if (close?.kind !== "}")
          throw new NginxSyntaxError(file, lineOf(text.length), 'unexpected end of file, expecting "}"');
        out.push({
          name: name.value,
          nameToken: name,
          args,
          start: name.start,
          end: close.at + 1,
          file,
          line: lineOf(name.start),
          block: { open: p.at, close: close.at, children },
        });
      }
      words = [];
    }
    if (words.length > 0)
      throw new NginxSyntaxError(file, lineOf(text.length), 'unexpected end of file, expecting ";" or "}"');
    if (depth > 0)
      throw new NginxSyntaxError(file, lineOf(text.length), 'unexpected end of file, expecting "}"');
    return out;
  };
  return level(0);
}
