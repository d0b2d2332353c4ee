/**
 * A fix applied to an app exactly as CORS Lens prints it, and nothing more: where the app has a
 * CORS set-up, the printed change (its `edits`, which say the same as the printed sentence); where
 * it has none, the printed imports the file lacks ("if your file does not import it yet") and the
 * snippet where the printed `where` says. No clean-up the printed text does not state: a fix that
 * needs one fails here as it would for its user.
 */
import type { Fix, FixEdit } from "../../src/engine";

/** How a stack's app is written, for finding what the printed text names. */
export interface AppShape {
  /** The option syntax of the set-up. */
  /** `go-options`: functional options, `handlers.AllowedHeaders([]string{…})` inside the call. */
  syntax: "js" | "python" | "header-lines" | "django-settings" | "go-options";
  /** Text that starts the set-up's call (`cors(`, `CORS(app`, `add_middleware(CORSMiddleware`); null for header lines and settings. */
  call: string | null;
  /** The line the printed `where` names: the snippet goes on the line after it (null: at the end of the file). */
  anchor: string | null;
}

/** The extent [start, end) of the balanced bracket that opens at `open`. */
function balanced(text: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (pairs[c]) stack.push(pairs[c] as string);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

/** The region of the set-up the edits apply to: the call's arguments, or the whole file. */
function region(text: string, shape: AppShape): [number, number] {
  if (shape.call === null) return [0, text.length];
  const at = text.indexOf(shape.call);
  if (at < 0) throw new Error(`the app has no ${shape.call}`);
  // The call's own bracket: the first one the call's text names (`register(` of `register(cors`,
  // `{` of Go's `cors.Options{`).
  const paren = shape.call.search(/[({]/);
  const open = paren >= 0 ? at + paren : text.indexOf("(", at + shape.call.length);
  return [open, balanced(text, open)];
}

/** Where `option` is set inside [from, to): the index of its value, or -1. */
function optionValue(text: string, from: number, to: number, option: string, shape: AppShape): number {
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern =
    shape.syntax === "js"
      ? new RegExp(`\\b${escaped}\\s*:\\s*`, "g")
      : shape.syntax === "python"
        ? new RegExp(`\\b${escaped}\\s*=\\s*`, "g")
        : shape.syntax === "go-options"
          ? new RegExp(`\\b${escaped}\\(\\s*`, "g")
          : new RegExp(`^${escaped}\\s*=\\s*`, "gm");
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m && m.index < to ? m.index + m[0].length : -1;
}

function addItems(text: string, edit: Extract<FixEdit, { kind: "add-items" }>, shape: AppShape): string {
  if (shape.syntax === "header-lines") {
    // `add_header Access-Control-Allow-Headers "a, b" always;`: the quoted value gets the items.
    // PHP's `header('Access-Control-Allow-Headers: a, b');`: the single-quoted string, likewise.
    const line = text
      .split("\n")
      .find((l) => l.toLowerCase().includes(edit.option.toLowerCase()) && /["']/.test(l));
    if (!line) throw new Error(`no ${edit.option} line`);
    const quote = line.lastIndexOf('"') > line.lastIndexOf("'") ? '"' : "'";
    const close = line.lastIndexOf(quote);
    const open = line.lastIndexOf(quote, close - 1);
    const current = line.slice(open + 1, close).trim();
    const value = current === "" ? edit.items.join(", ") : `${current}, ${edit.items.join(", ")}`;
    return text.replace(line, `${line.slice(0, open + 1)}${value}${line.slice(close)}`);
  }
  const [from, to] = region(text, shape);
  const at = optionValue(text, from, to, edit.option, shape);
  if (at < 0) {
    // "Where it is not set, it already allows them: leave it out."
    if (edit.whenAbsent === null) return text;
    if (!edit.whenAbsent) throw new Error(`${edit.option} is not set and the fix says nothing for that`);
    if (shape.syntax === "django-settings") return `${text.trimEnd()}\n${edit.whenAbsent}\n`;
    // An option added to the call: after `{` of an options object, else before the closing `)`.
    const brace = text.indexOf("{", from);
    if (shape.syntax === "js" && brace >= 0 && brace < to)
      return `${text.slice(0, brace + 1)} ${edit.whenAbsent},${text.slice(brace + 1)}`;
    const close = to - 1;
    const before = text.slice(from + 1, close).trimEnd();
    const comma = before.endsWith(",") || before === "" ? "" : ",";
    return `${text.slice(0, from + 1)}${before}${comma} ${edit.whenAbsent})${text.slice(to)}`;
  }
  // Go's `[]string{…}`: the list is the braces.
  const list = text.startsWith("[]string{", at) ? at + "[]string".length : at;
  if (list !== at) {
    const end = balanced(text, list) - 1;
    const inside = text.slice(list + 1, end).trimEnd();
    const sep = inside === "" ? "" : inside.endsWith(",") ? " " : ", ";
    return `${text.slice(0, list + 1)}${inside}${sep}${edit.items.join(", ")}${text.slice(end)}`;
  }
  const c = text[at];
  if (c === "[" || c === "(") {
    const end = balanced(text, at) - 1;
    const inside = text.slice(at + 1, end).trimEnd();
    const sep = inside === "" ? "" : inside.endsWith(",") ? " " : ", ";
    return `${text.slice(0, at + 1)}${inside}${sep}${edit.items.join(", ")}${text.slice(end)}`;
  }
  if ((c === '"' || c === "'") && edit.listFromString) {
    // "If it is one string, first make it a list of the string's names, then add them."
    const end = text.indexOf(c, at + 1);
    const names = text
      .slice(at + 1, end)
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "")
      .map((n) => `${c}${n}${c}`);
    return `${text.slice(0, at)}[${[...names, ...edit.items].join(", ")}]${text.slice(end + 1)}`;
  }
  if (c === '"' || c === "'") {
    // A comma-joined string ("GET,PUT"): the items join it, unquoted.
    const end = text.indexOf(c, at + 1);
    const items = edit.items.map((i) => i.replace(/^["']|["']$/g, ""));
    return `${text.slice(0, end)},${items.join(",")}${text.slice(end)}`;
  }
  throw new Error(`${edit.option} is not a list the fix can extend: ${text.slice(at, at + 40)}`);
}

function replaceItem(
  text: string,
  edit: Extract<FixEdit, { kind: "replace-item" }>,
  shape: AppShape,
): string {
  if (shape.syntax === "header-lines") {
    // `header('Access-Control-Allow-Origin: *');`: the item in that header's line is replaced.
    const named = `${edit.option}: ${edit.item}`;
    const line = text.split("\n").find((l) => l.includes(named));
    if (!line) throw new Error(`no ${named} line`);
    return text.replace(line, line.replace(named, `${edit.option}: ${edit.by.join(", ")}`));
  }
  const [from, to] = region(text, shape);
  const at = optionValue(text, from, to, edit.option, shape);
  if (at < 0) {
    // The library's default answered `*`: the option is added, as the change says.
    if (!edit.whenAbsent) throw new Error(`${edit.option} is not set`);
    return addItems(
      text,
      { kind: "add-items", option: edit.option, items: [], whenAbsent: edit.whenAbsent },
      shape,
    );
  }
  const list = text.startsWith("[]string{", at) ? at + "[]string".length : at;
  const c = text[list];
  const end =
    c === "[" || c === "(" || c === "{" ? balanced(text, list) : text.indexOf(c as string, at + 1) + 1;
  const value = text.slice(at, end);
  if (!value.includes(edit.item)) throw new Error(`${edit.option} has no ${edit.item}`);
  const by = edit.by.join(", ");
  // `origin: "*"` (a string) becomes a list where several replace it.
  const replaced =
    c === "[" || c === "(" || c === "{" ? value.replace(edit.item, by) : edit.by.length > 1 ? `[${by}]` : by;
  return `${text.slice(0, at)}${replaced}${text.slice(end)}`;
}

function set(text: string, edit: Extract<FixEdit, { kind: "set" }>, shape: AppShape): string {
  const [from, to] = region(text, shape);
  const at = optionValue(text, from, to, edit.option, shape);
  // A functional option (`handlers.AllowCredentials()`) that is there is already set.
  if (at >= 0 && shape.syntax === "go-options") return text;
  if (at >= 0) {
    const q = text[at];
    const end =
      q === '"' || q === "'"
        ? text.indexOf(q, at + 1) + 1
        : at + (/^[\w.]+/.exec(text.slice(at))?.[0].length ?? 0);
    return `${text.slice(0, at)}${edit.value}${text.slice(end)}`;
  }
  return addItems(
    text,
    { kind: "add-items", option: edit.option, items: [], whenAbsent: assign(edit, shape) },
    shape,
  );
}

function assign(edit: Extract<FixEdit, { kind: "set" }>, shape: AppShape): string {
  if (shape.syntax === "js") return `${edit.option}: ${edit.value}`;
  if (shape.syntax === "python") return `${edit.option}=${edit.value}`;
  if (shape.syntax === "go-options") return `handlers.${edit.option}${edit.value}`;
  return `${edit.option} = ${edit.value}`;
}

/** Moves the statement containing `statement` to just after the line containing `after`. */
function move(text: string, edit: Extract<FixEdit, { kind: "move" }>): string {
  const at = text.indexOf(edit.statement);
  if (at < 0) throw new Error(`no ${edit.statement}`);
  const start = text.lastIndexOf("\n", at) + 1;
  const paren = edit.statement.indexOf("(");
  const open = paren >= 0 ? at + paren : text.indexOf("(", at + edit.statement.length);
  let end = balanced(text, open);
  // The enclosing call(s) on the same statement: `app.use(cors(…))`.
  while (text[end] === ")") end++;
  if (text[end] === ";") end++;
  const statement = text.slice(start, end).trim();
  const without = text.slice(0, start) + text.slice(end).replace(/^[ \t]*\n/, "");
  if (edit.after === null) return `${without.trimEnd()}\n\n${statement}\n`;
  const after = edit.after;
  const lines = without.split("\n");
  const line = lines.findIndex((l) => l.includes(after));
  if (line < 0) throw new Error(`no line with ${after}`);
  const indent = /^\s*/.exec(lines[line] ?? "")?.[0] ?? "";
  lines.splice(line + 1, 0, indent + statement);
  return lines.join("\n");
}

/** Inserts code on the lines before the statement containing `before` (at that statement's indentation). */
function insert(text: string, edit: Extract<FixEdit, { kind: "insert" }>): string {
  const at = text.indexOf(edit.before);
  if (at < 0) throw new Error(`no ${edit.before}`);
  const start = text.lastIndexOf("\n", at) + 1;
  return `${text.slice(0, start)}${edit.code}\n\n\n${text.slice(start)}`;
}

/** Makes `wrapper(…)` the outermost handler: the last argument of the call `in`, without a wrapper it already has inside. */
function wrap(text: string, edit: Extract<FixEdit, { kind: "wrap" }>): string {
  const at = text.indexOf(`${edit.in}(`);
  if (at < 0) throw new Error(`no ${edit.in}(`);
  const open = at + edit.in.length;
  const end = balanced(text, open) - 1;
  const args = text.slice(open + 1, end);
  const split = args.indexOf(",");
  const handler = args.slice(split + 1).trim();
  const call = handler.indexOf(`${edit.wrapper}(`);
  const optionsEnd = call >= 0 ? balanced(handler, call + edit.wrapper.length) : -1;
  if (call >= 0 && handler[optionsEnd] === "(") {
    // A curried wrapper (`handlers.CORS(opts)(router)`): it moves out whole, with its options,
    // and what it wrapped stays where it was.
    const wrapper = handler.slice(call, optionsEnd);
    const argEnd = balanced(handler, optionsEnd);
    const inside = handler.slice(optionsEnd + 1, argEnd - 1);
    const rest = `${handler.slice(0, call)}${inside}${handler.slice(argEnd)}`;
    return `${text.slice(0, open + 1)}${args.slice(0, split)}, ${wrapper}(${rest})${text.slice(end)}`;
  }
  // The wrapper moves out: where it wrapped something inside, that inner call keeps its argument.
  const inner = handler.startsWith(`${edit.wrapper}(`)
    ? handler.slice(edit.wrapper.length + 1, -1)
    : handler.replace(`${edit.wrapper}(`, "(");
  return `${text.slice(0, open + 1)}${args.slice(0, split)}, ${edit.wrapper}(${inner})${text.slice(end)}`;
}

/** The printed change applied: each edit as it says. */
export function applyEdits(text: string, edits: readonly FixEdit[], shape: AppShape): string {
  let out = text;
  for (const edit of edits) {
    if (edit.kind === "add-items") out = addItems(out, edit, shape);
    else if (edit.kind === "replace-item") out = replaceItem(out, edit, shape);
    else if (edit.kind === "set") out = set(out, edit, shape);
    else if (edit.kind === "move") out = move(out, edit);
    else if (edit.kind === "insert") out = insert(out, edit);
    else out = wrap(out, edit);
  }
  return out;
}

/**
 * The fix as printed: the change where it has edits; else the imports the file lacks at its top
 * and the snippet after the printed anchor. `form` picks the import for the app's module system.
 */
export function applyPrinted(
  text: string,
  fix: Fix,
  shape: AppShape,
  form: "esm" | "cjs" | null,
  /** Paste the snippet whatever the app has (pasting it a second time). */
  snippetOnly = false,
): string {
  // The printed labels leave the choice to the reader: "Change in your set-up" for an app that
  // has one, "No CORS set-up yet? Add" for an app that has none.
  const hasSetup = shape.call === null || text.includes(shape.call);
  if (!snippetOnly && hasSetup && fix.edits && fix.edits.length > 0) {
    // The printed sentence names what the edits change.
    for (const e of fix.edits)
      if ("option" in e && !fix.change?.includes(e.option))
        throw new Error(`the printed change does not name ${e.option}: ${fix.change}`);
    const edited = applyEdits(text, fix.edits, shape);
    // Code the change pastes in may need the printed imports, which the reader adds where missing.
    return fix.edits.some((e) => e.kind === "insert") ? withImports(edited, fix, form) : edited;
  }
  const missing = missingImports(text, fix, form);
  if (shape.anchor === null) return [...missing, `${text.trimEnd()}\n\n${fix.snippet}\n`].join("\n");
  const anchor = shape.anchor;
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(anchor));
  if (at < 0) throw new Error(`anchor not found: ${shape.anchor}`);
  const indent = /^\s*/.exec(lines[at] ?? "")?.[0] ?? "";
  lines.splice(at + 1, 0, ...fix.snippet.split("\n").map((l) => (l === "" ? l : indent + l)));
  return [...missing, ...lines].join("\n");
}

/** The printed imports for the app's module system that the file does not have yet. */
function missingImports(text: string, fix: Fix, form: "esm" | "cjs" | null): string[] {
  return (fix.imports ?? [])
    .filter((m) => m.form === null || m.form === form)
    .map((m) => m.code)
    .filter((code) => !text.includes(code));
}

/** The printed imports the text lacks, added at its top: what a reader does with "if your file does not import it yet". */
export function withImports(text: string, fix: Fix, form: "esm" | "cjs" | null = null): string {
  const missing = missingImports(text, fix, form);
  return missing.length > 0 ? `${missing.join("\n")}\n${text}` : text;
}

/** Whether the printed change applies to this app: it has edits and the app has the set-up they edit. */
export function hasChange(text: string, fix: Fix, shape: AppShape): boolean {
  return (fix.edits?.length ?? 0) > 0 && (shape.call === null || text.includes(shape.call));
}
