/**
 * Ruby literals as a rack-cors configuration writes them, read from tree-sitter-ruby's tree: strings
 * (without interpolation), symbols, regexps, arrays and `%w[]`/`%i[]`, booleans, integers, nil,
 * constants and local names assigned once in the file, an `OpenStruct.new(…)` constant's members,
 * `.freeze`, and `"a,b".split(",")`. Anything
 * else (ENV, a method call) is `unknown` with its text: the reader never guesses what code computes.
 */
import type { Node, Tree } from "web-tree-sitter";
import { parserFor } from "../grammar";

export interface Span {
  start: number;
  end: number;
  line: number;
}

/** A list written in the file: where an element goes (before `close`). */
export interface ListAt {
  kind: "array" | "words" | "symbols";
  close: number;
  items: Span[];
}

export type RbVal =
  | {
      t: "str";
      v: string;
      at: Span;
      quote: string;
      /** The default of an environment value (`ENV["X"] || "…"`, `ENV.fetch("X", "…")`): deployed, it may differ. */
      env?: Span;
    }
  | { t: "sym"; v: string; at: Span }
  | { t: "regex"; source: string; flags: string; re: RegExp | null; at: Span; text: string }
  | { t: "bool"; v: boolean; at: Span }
  | { t: "int"; v: number; at: Span }
  | { t: "nil"; at: Span }
  | { t: "list"; items: RbVal[]; at: Span; list: ListAt | null }
  | { t: "unknown"; text: string; at: Span; env: boolean };

export const span = (n: Node): Span => ({
  start: n.startIndex,
  end: n.endIndex,
  line: n.startPosition.row + 1,
});

export const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

export type Scope = ReadonlyMap<string, Node>;

export interface RubyFile {
  text: string;
  tree: Tree;
  error: { line: number; text: string } | null;
  /** Names assigned exactly once in the file (`ORIGINS = %w[…]`), to their value's node. */
  scope: Scope;
}

function findBroken(n: Node): Node | null {
  if (n.isMissing || n.type === "ERROR") return n;
  for (const c of n.children) {
    if (c && (c.hasError || c.isMissing)) {
      const m = findBroken(c);
      if (m) return m;
    }
  }
  return n.hasError ? n : null;
}

export function parseRuby(text: string): RubyFile {
  const tree = parserFor("ruby").parse(text) as Tree;
  const root = tree.rootNode;
  if (root.hasError) {
    const bad = findBroken(root);
    const line = bad ? bad.startPosition.row + 1 : 1;
    return { text, tree, error: { line, text: (text.split("\n")[line - 1] ?? "").trim() }, scope: new Map() };
  }
  const seen = new Map<string, Node | null>();
  for (const a of root.descendantsOfType(["assignment", "operator_assignment"])) {
    if (!a) continue;
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    if (!left || !right || (left.type !== "constant" && left.type !== "identifier")) continue;
    // Assigned twice (or with `||=`, `+=`): which one is in effect is code's to decide.
    seen.set(left.text, seen.has(left.text) || a.type !== "assignment" ? null : right);
  }
  const scope = new Map<string, Node>();
  for (const [k, v] of seen) if (v) scope.set(k, v);
  return { text, tree, error: null, scope };
}

/** The characters of a string's body, escapes decoded as Ruby decodes them for its quote. */
function stringValue(n: Node): string | null {
  const open = n.child(0)?.text ?? '"';
  let out = "";
  for (const c of kids(n)) {
    if (c.type === "interpolation") return null;
    if (c.type === "string_content") out += open === "'" ? c.text.replace(/\\([\\'])/g, "$1") : c.text;
    else if (c.type === "escape_sequence") {
      const e = c.text.slice(1);
      out += e === "n" ? "\n" : e === "t" ? "\t" : e === "0" ? "\0" : e.length === 1 ? e : c.text;
    } else return null;
  }
  return out;
}

export function evaluate(n: Node, scope: Scope, depth = 0): RbVal {
  const at = span(n);
  const unknown = (): RbVal => ({ t: "unknown", text: n.text, at, env: /\bENV\b/.test(n.text) });
  if (depth > 8) return unknown();
  switch (n.type) {
    case "string": {
      const v = stringValue(n);
      return v === null ? unknown() : { t: "str", v, at, quote: n.text[0] === "'" ? "'" : '"' };
    }
    case "simple_symbol":
      return { t: "sym", v: n.text.slice(1), at };
    case "hash_key_symbol":
      return { t: "sym", v: n.text, at };
    case "delimited_symbol": {
      const v = stringValue(n);
      return v === null ? unknown() : { t: "sym", v, at };
    }
    case "true":
    case "false":
      return { t: "bool", v: n.type === "true", at };
    case "nil":
      return { t: "nil", at };
    case "integer":
      return /^\d[\d_]*$/.test(n.text) ? { t: "int", v: Number(n.text.replace(/_/g, "")), at } : unknown();
    case "regex": {
      const first = n.child(0);
      const last = n.child(n.childCount - 1);
      if (!first || !last || kids(n).some((c) => c.type === "interpolation")) return unknown();
      const source = n.text.slice(first.endIndex - n.startIndex, last.startIndex - n.startIndex);
      const flags = last.text.replace(/^[^a-z]*/, "");
      return { t: "regex", source, flags, re: rubyRegex(source, flags), at, text: n.text };
    }
    case "array":
    case "string_array":
    case "symbol_array": {
      const items = kids(n);
      const close = n.child(n.childCount - 1);
      const kind = n.type === "array" ? "array" : n.type === "string_array" ? "words" : "symbols";
      const values: RbVal[] = items.map((i) =>
        i.type === "bare_string"
          ? { t: "str", v: i.text, at: span(i), quote: '"' }
          : i.type === "bare_symbol"
            ? { t: "sym", v: i.text, at: span(i) }
            : evaluate(i, scope, depth + 1),
      );
      // `[*A, "x"]`: a splat's items are the named list's.
      const flat: RbVal[] = [];
      for (const [k, v] of values.entries()) {
        const item = items[k] as Node;
        if (item.type === "splat_argument") {
          const inner = kids(item)[0];
          const got = inner ? evaluate(inner, scope, depth + 1) : unknown();
          if (got.t === "list") flat.push(...got.items);
          else flat.push({ t: "unknown", text: item.text, at: span(item), env: /\bENV\b/.test(item.text) });
        } else flat.push(v);
      }
      return {
        t: "list",
        items: flat,
        at,
        list: close ? { kind, close: close.startIndex, items: items.map(span) } : null,
      };
    }
    case "splat_argument": {
      // `*ORIGINS` among call arguments: the list's items (rack-cors flattens them anyway).
      const inner = kids(n)[0];
      const got = inner ? evaluate(inner, scope, depth + 1) : unknown();
      return got.t === "list" ? got : unknown();
    }
    case "binary": {
      // `ENV["X"] || "…"`: the default written here (the environment is not known here); `env`
      // spans the whole expression, which a patch keeps as it is.
      const left = n.childForFieldName("left");
      const right = n.childForFieldName("right");
      const op = n.childForFieldName("operator")?.text;
      if ((op === "||" || op === "or") && left && right && /^ENV\s*(\[|\.fetch\b)/.test(left.text)) {
        const d = evaluate(right, scope, depth + 1);
        return d.t === "str" ? { ...d, env: at } : unknown();
      }
      return unknown();
    }
    case "parenthesized_statements": {
      const inner = kids(n);
      return inner.length === 1 ? evaluate(inner[0] as Node, scope, depth + 1) : unknown();
    }
    case "constant":
    case "identifier": {
      const bound = scope.get(n.text);
      return bound ? evaluate(bound, scope, depth + 1) : unknown();
    }
    case "call": {
      const recv = n.childForFieldName("receiver");
      const method = n.childForFieldName("method")?.text ?? "";
      if (!recv || n.childForFieldName("block")) return unknown();
      const args = n.childForFieldName("arguments");
      // `Settings.origins` where `Settings = OpenStruct.new(origins: […], …)` in this file (a YAML
      // config written as a struct): the member's value as written there.
      const struct =
        (recv.type === "constant" || recv.type === "identifier") && !args ? scope.get(recv.text) : undefined;
      if (
        struct?.type === "call" &&
        struct.childForFieldName("method")?.text === "new" &&
        /^(::)?OpenStruct$/.test(struct.childForFieldName("receiver")?.text ?? "")
      ) {
        const pair = kids(struct.childForFieldName("arguments") ?? struct).find(
          (a) => a.type === "pair" && a.childForFieldName("key")?.text.replace(/:$/, "") === method,
        );
        const value = pair?.childForFieldName("value");
        return value ? evaluate(value, scope, depth + 1) : unknown();
      }
      const base = evaluate(recv, scope, depth + 1);
      // ENV.fetch("X", "…"): its default, as `ENV["X"] || "…"`.
      if (recv.text === "ENV" && method === "fetch" && args) {
        const d = kids(args)[1];
        const got = d ? evaluate(d, scope, depth + 1) : unknown();
        return got.t === "str" ? { ...got, env: at } : unknown();
      }
      if (/^(freeze|dup|compact|uniq|flatten)$/.test(method) && !args) return base;
      if (method === "split" && base.t === "str" && args) {
        const sep = kids(args)[0];
        const s = sep ? evaluate(sep, scope, depth + 1) : null;
        if (s?.t === "str")
          return {
            t: "list",
            items: base.v.split(s.v).map((v) => ({ t: "str", v, at: base.at, quote: base.quote })),
            at,
            list: null,
          };
      }
      return unknown();
    }
    default:
      return unknown();
  }
}

/**
 * A Ruby regexp's source as a JavaScript RegExp, for what origins are tested with: `\A`, `\z`,
 * `\Z`, `\h` translated; what JavaScript reads otherwise (inline options, POSIX brackets, the `x`
 * flag) gives null.
 */
export function rubyRegex(source: string, flags: string): RegExp | null {
  if (/[x]/.test(flags) || /\(\?[imx-]+[):]|\[\[:|\\[GKRXpP]/.test(source)) return null;
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = source[i + 1] ?? "";
    i++;
    if (next === "A") out += "^";
    else if (next === "z" || next === "Z") out += "$";
    else if (next === "h") out += "[0-9a-fA-F]";
    else out += `\\${next}`;
  }
  try {
    return new RegExp(out, `${flags.includes("i") ? "i" : ""}${flags.includes("m") ? "s" : ""}`);
  } catch {
    return null;
  }
}

/** `s` as a Ruby string literal with `quote` (single quotes take no interpolation). */
export function rbStr(s: string, quote = '"'): string {
  const escaped = s.replace(/\\/g, "\\\\");
  return quote === "'"
    ? `'${escaped.replace(/'/g, "\\'")}'`
    : `"${escaped.replace(/"/g, '\\"').replace(/#/g, "\\#")}"`;
}

/**
 * An `if`/`unless` condition the file decides: `A == "x"` / `A != "x"` between values read here (a
 * constant bound to `ENV.fetch("RAILS_ENV", "development")` read as its default), `true`, `false`.
 * `env`: an environment default decided it (deployed, it may differ). null: code decides.
 */
export function condition(n: Node, scope: Scope): { value: boolean; env: boolean } | null {
  if (n.type === "true" || n.type === "false") return { value: n.type === "true", env: false };
  if (n.type === "parenthesized_statements") {
    const inner = kids(n);
    return inner.length === 1 ? condition(inner[0] as Node, scope) : null;
  }
  if (n.type !== "binary") return null;
  const op = n.childForFieldName("operator")?.text;
  const left = n.childForFieldName("left");
  const right = n.childForFieldName("right");
  if ((op !== "==" && op !== "!=") || !left || !right) return null;
  const scalar = (v: RbVal): string | null =>
    v.t === "str"
      ? `s:${v.v}`
      : v.t === "int" || v.t === "bool"
        ? `${v.t}:${v.v}`
        : v.t === "nil"
          ? "nil"
          : null;
  const a = evaluate(left, scope);
  const b = evaluate(right, scope);
  const x = scalar(a);
  const y = scalar(b);
  if (x === null || y === null) return null;
  const env = (a.t === "str" && a.env !== undefined) || (b.t === "str" && b.env !== undefined);
  return { value: op === "==" ? x === y : x !== y, env };
}
