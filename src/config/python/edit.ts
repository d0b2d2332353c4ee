/**
 * Edits of Python source shared by the Python readers' patchers: a string literal of untrusted text,
 * and elements added to a list/tuple display the way it is written (one a line or inline, the
 * display's quotes, a trailing comma, the last element's comment kept on its line).
 */
import { afterLine, indentAt, lineStart } from "../edit";
import type { Display, Span } from "./values";

/** A Python string literal of untrusted text: quotes, backslashes and control characters escaped. */
export function pyStr(v: string, quote = '"'): string {
  let out = "";
  for (const ch of v) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c > 0x7e && c < 0xa0) out += `\\x${c.toString(16)}`;
    else if ((c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** The quote a display's strings are written with (else the file's first, else `"`). */
export function quoteOf(text: string, d: Display | null = null): string {
  const first = d?.elements[0]?.text ?? /(["'])/.exec(text)?.[1] ?? '"';
  return /^[rRuU]*'/.test(first) ? "'" : '"';
}

/** The insertions that add `values` to the display `d` of `text` ("comma" first when one is needed). */
export function displayInsert(
  text: string,
  d: Display,
  values: string[],
): Array<{ part: "comma" | "items"; at: number; text: string }> {
  const q = quoteOf(text, d);
  const items = values.map((v) => pyStr(v, q));
  const last = d.elements.at(-1);
  if (!last) return [{ part: "items", at: d.close.start, text: items.join(", ") }];
  const comma = /^\s*,/.test(text.slice(last.end, d.close.start));
  if (last.line !== d.close.line) {
    const indent = indentAt(text, last.start);
    // After the last element's line (its comment stays on it), one element a line.
    const at = Math.min(afterLine(text, last.end), lineStart(text, d.close.start));
    return [
      ...(comma ? [] : [{ part: "comma" as const, at: last.end, text: "," }]),
      { part: "items", at, text: items.map((i) => `${indent}${i},\n`).join("") },
    ];
  }
  return [{ part: "items", at: last.end, text: `, ${items.join(", ")}` }];
}

/**
 * The insertions that add one argument (or dict entry) `arg` to a call's argument list (or a dict),
 * written as the list is (one a line with a trailing comma, or inline). `args` are the existing
 * arguments' spans; `close` the closing bracket.
 */
export function argInsert(
  text: string,
  args: ReadonlyArray<{ start: number; end: number; line: number }>,
  close: { start: number; line: number },
  arg: string,
): Array<{ part: "comma" | "items"; at: number; text: string }> {
  const last = [...args].sort((a, b) => a.start - b.start).at(-1);
  const lastEnd = last ? last.end : text.slice(0, close.start).trimEnd().length;
  const comma = /^\s*,/.test(text.slice(lastEnd, close.start));
  if (last && last.line !== close.line) {
    const indent = indentAt(text, last.start);
    const at = Math.min(afterLine(text, last.end), lineStart(text, close.start));
    return [
      ...(comma ? [] : [{ part: "comma" as const, at: last.end, text: "," }]),
      { part: "items", at, text: `${indent}${arg},\n` },
    ];
  }
  if (!last) return [{ part: "items", at: close.start, text: arg }];
  // Right after the last argument, before a trailing comma if there is one (`f(a=1,)` gives
  // `f(a=1, b=2,)`): Python allows one after the last argument of a call or entry of a dict
  // (https://docs.python.org/3/reference/expressions.html#calls).
  return [{ part: "items", at: lastEnd, text: `, ${arg}` }];
}

/**
 * Origins added to a string split on a separator (`"a,b".split(",")`): inside the string, or, when
 * the string is an environment variable's default, after the split call (`….split(",") + ["…"]`),
 * so that they are there wherever the variable is set too.
 */
export function joinedInsert(
  j: { at: Span; sep: string; quote: string; after: Span | null },
  values: string[],
): { at: Span; start: number; end: number; text: string } {
  if (j.after)
    return {
      at: j.after,
      start: j.after.end,
      end: j.after.end,
      text: ` + [${values.map((x) => pyStr(x, j.quote)).join(", ")}]`,
    };
  const close = j.at.end - j.quote.length;
  const text = values.map((x) => pyStr(`${j.sep}${x}`, j.quote).slice(1, -1)).join("");
  return { at: j.at, start: close, end: close, text };
}
