/**
 * Caddyfile syntax: tokens and lines (directives) with their byte offsets in the original text, so
 * the patcher edits only what it must. Follows Caddy's own lexer and parser
 * (https://github.com/caddyserver/caddy/blob/master/caddyconfig/caddyfile/lexer.go and parse.go):
 * tokens end at whitespace; a newline ends a directive; `#` starts a comment only where a token
 * could start; `"…"` takes `\"` escapes and may span lines; `` `…` `` is raw; `{` ending a line opens
 * a block and a lone `}` closes it; a first block with no keys holds the global options; `(name)`
 * defines a snippet; `{$VAR}` and `{$VAR:default}` are environment values read when Caddy loads.
 */
import { ConfigSyntaxError } from "../types";

export interface Token {
  /** The token as Caddy reads it (quotes removed, escapes applied). */
  value: string;
  start: number;
  end: number;
  line: number;
  /** The line it ends on (a quoted token may span lines). */
  endLine: number;
  quoted: boolean;
}

export interface Node {
  /** The first token (directive name, matcher `@name`, or a header field inside a `header` block). */
  name: string;
  nameToken: Token;
  args: Token[];
  /** From the first token's first byte to the last token's last byte (or the block's `}`). */
  start: number;
  end: number;
  file: string;
  line: number;
  block: { open: number; close: number; children: Node[] } | null;
}

export interface SiteBlock {
  /** The addresses (keys) as written, commas removed. */
  keys: Token[];
  /** The site's directives; `node` is null for a file without braces (one site). */
  children: Node[];
  node: { start: number; end: number; open: number; close: number } | null;
  file: string;
  line: number;
}

export interface Caddyfile {
  file: string;
  global: Node[] | null;
  snippets: Map<string, Node[]>;
  sites: SiteBlock[];
  /** Top-level `import` lines (other files). */
  imports: Node[];
}

export class CaddySyntaxError extends ConfigSyntaxError {}

/** The tokens of a Caddyfile. */
export function tokenize(text: string, file: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    const start = i;
    const startLine = line;
    let value = "";
    let quoted = false;
    // A token: runs of plain characters and quoted parts until whitespace.
    while (i < n) {
      const ch = text[i] as string;
      if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") break;
      if (ch === '"' && i === start) {
        quoted = true;
        i++;
        let closed = false;
        while (i < n) {
          const q = text[i] as string;
          if (q === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
            value += text[i + 1];
            i += 2;
            continue;
          }
          if (q === '"') {
            i++;
            closed = true;
            break;
          }
          if (q === "\n") line++;
          value += q;
          i++;
        }
        if (!closed) throw new CaddySyntaxError(file, startLine, "unterminated quoted string");
        break;
      }
      if (ch === "`" && i === start) {
        quoted = true;
        const close = text.indexOf("`", i + 1);
        if (close < 0) throw new CaddySyntaxError(file, startLine, "unterminated backtick string");
        const raw = text.slice(i + 1, close);
        for (const x of raw) if (x === "\n") line++;
        value = raw;
        i = close + 1;
        break;
      }
      value += ch;
      i++;
    }
    out.push({ value, start, end: i, line: startLine, endLine: line, quoted });
  }
  return out;
}

const isOpen = (t: Token | undefined) => !!t && !t.quoted && t.value === "{";
const isClose = (t: Token | undefined) => !!t && !t.quoted && t.value === "}";

/** Directives (one per line, a trailing `{` opening a block) from `at` until a `}` or the end. */
function parseLines(tokens: Token[], at: number, file: string): { nodes: Node[]; next: number } {
  const nodes: Node[] = [];
  let i = at;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (isClose(first)) return { nodes, next: i };
    if (isOpen(first)) throw new CaddySyntaxError(file, first.line, "unexpected {");
    const args: Token[] = [];
    let j = i + 1;
    while (j < tokens.length && (tokens[j] as Token).line === (tokens[j - 1] as Token).endLine) {
      const t = tokens[j] as Token;
      if (isClose(t)) break;
      args.push(t);
      j++;
    }
    let block: Node["block"] = null;
    let end = (args.at(-1) ?? first).end;
    if (isOpen(args.at(-1))) {
      const open = args.pop() as Token;
      const inner = parseLines(tokens, j, file);
      const close = tokens[inner.next];
      if (!isClose(close)) throw new CaddySyntaxError(file, open.line, "unclosed {");
      block = { open: open.start, close: (close as Token).start, children: inner.nodes };
      end = (close as Token).end;
      j = inner.next + 1;
    }
    nodes.push({
      name: first.value,
      nameToken: first,
      args,
      start: first.start,
      end,
      file,
      line: first.line,
      block,
    });
    i = j;
  }
  return { nodes, next: i };
}

export function parseCaddyfile(text: string, file: string): Caddyfile {
  const tokens = tokenize(text, file);
  const out: Caddyfile = { file, global: null, snippets: new Map(), sites: [], imports: [] };
  let i = 0;
  let first = true;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    // The global options block: a `{` with no keys, first in the file.
    if (first && isOpen(t)) {
      const inner = parseLines(tokens, i + 1, file);
      if (!isClose(tokens[inner.next])) throw new CaddySyntaxError(file, t.line, "unclosed {");
      out.global = inner.nodes;
      i = inner.next + 1;
      first = false;
      continue;
    }
    first = false;
    if (isClose(t)) throw new CaddySyntaxError(file, t.line, "unexpected }");
    if (!t.quoted && t.value === "import") {
      const args: Token[] = [];
      let j = i + 1;
      while (j < tokens.length && (tokens[j] as Token).line === t.line) args.push(tokens[j++] as Token);
      out.imports.push({
        name: "import",
        nameToken: t,
        args,
        start: t.start,
        end: (args.at(-1) ?? t).end,
        file,
        line: t.line,
        block: null,
      });
      i = j;
      continue;
    }
    // Keys: tokens until `{`, going on to the next line after a trailing comma.
    const keys: Token[] = [];
    let j = i;
    let line = t.line;
    while (j < tokens.length) {
      const k = tokens[j] as Token;
      if (isOpen(k)) break;
      if (k.line !== line) break;
      for (const part of k.value.split(",")) if (part !== "") keys.push({ ...k, value: part });
      j++;
      if (k.value.endsWith(",") && tokens[j]) line = (tokens[j] as Token).line;
    }
    const open = tokens[j];
    if (!isOpen(open) || (open as Token).line !== line) {
      // No braces: the rest of the file is this one site's directives (Caddy allows it for one site).
      if (out.sites.length > 0)
        throw new CaddySyntaxError(file, t.line, `the site ${t.value} needs { } around its directives`);
      const inner = parseLines(tokens, j, file);
      if (inner.next < tokens.length)
        throw new CaddySyntaxError(file, (tokens[inner.next] as Token).line, "unexpected }");
      out.sites.push({ keys, children: inner.nodes, node: null, file, line: t.line });
      return out;
    }
    const inner = parseLines(tokens, j + 1, file);
    const close = tokens[inner.next];
    if (!isClose(close)) throw new CaddySyntaxError(file, (open as Token).line, "unclosed {");
    const snippet = keys.length === 1 && /^\(.+\)$/.test(keys[0]?.value ?? "");
    if (snippet) out.snippets.set((keys[0] as Token).value.slice(1, -1), inner.nodes);
    else
      out.sites.push({
        keys,
        children: inner.nodes,
        node: {
          start: t.start,
          end: (close as Token).end,
          open: (open as Token).start,
          close: (close as Token).start,
        },
        file,
        line: t.line,
      });
    i = inner.next + 1;
  }
  return out;
}
