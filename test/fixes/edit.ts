/**
 * Text edits the per-stack appliers make: what a developer does with a fix that says "replace your
 * cors() call with this, directly after `const app = express()`". Each throws when the anchor it
 * needs is missing, so an applier never silently leaves the config unchanged.
 */

/** Removes every statement starting with `start` through its balanced closing parenthesis (and `;`). */
export function removeCalls(text: string, start: string): string {
  let out = text;
  for (;;) {
    const at = out.indexOf(start);
    if (at < 0) return out;
    const open = out.indexOf("(", at);
    let depth = 0;
    let end = open;
    for (; end < out.length; end++) {
      const c = out[end];
      if (c === "(") depth++;
      else if (c === ")" && --depth === 0) break;
    }
    if (depth !== 0) throw new Error(`unbalanced call at ${start}`);
    end++;
    if (out[end] === ";") end++;
    out = out.slice(0, at) + out.slice(end);
  }
}

/** Removes whole lines that contain `needle`. */
export function removeLines(text: string, needle: string | RegExp): string {
  return text
    .split("\n")
    .filter((l) => (typeof needle === "string" ? !l.includes(needle) : !needle.test(l)))
    .join("\n");
}

/** Inserts `snippet` on the line after the first line containing `anchor`, indented like that line. */
export function insertAfterLine(text: string, anchor: string, snippet: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(anchor));
  if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  const indent = /^\s*/.exec(lines[at] ?? "")?.[0] ?? "";
  lines.splice(at + 1, 0, ...snippet.split("\n").map((l) => (l === "" ? l : indent + l)));
  return lines.join("\n");
}

/** Inserts `snippet` before the first line containing `anchor`, indented like it. */
export function insertBeforeLine(text: string, anchor: string, snippet: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(anchor));
  if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  const indent = /^\s*/.exec(lines[at] ?? "")?.[0] ?? "";
  lines.splice(at, 0, ...snippet.split("\n").map((l) => (l === "" ? l : indent + l)));
  return lines.join("\n");
}

/** Removes a `{ … }` block whose opening line contains `opening` (brace-balanced, nested blocks included). */
export function removeBlock(text: string, opening: string): string {
  let out = text;
  for (;;) {
    const at = out.indexOf(opening);
    if (at < 0) return out;
    const open = out.indexOf("{", at);
    let depth = 0;
    let end = open;
    for (; end < out.length; end++) {
      if (out[end] === "{") depth++;
      else if (out[end] === "}" && --depth === 0) break;
    }
    const lineStart = out.lastIndexOf("\n", at) + 1;
    out = out.slice(0, lineStart) + out.slice(end + 1).replace(/^[ \t]*\n/, "");
  }
}
