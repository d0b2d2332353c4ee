/**
 * A small ICU MessageFormat subset, enough for whole sentences with named placeholders: `{name}`,
 * `{name, select, a {…} other {…}}` and `{count, plural, =0 {…} one {…} other {…}}` with `#` for
 * the number (plural categories from `Intl.PluralRules`: English one/other, Korean other only).
 * Apostrophes are plain text (no ICU quoting): catalogue texts never need literal braces.
 */

export type Params = Readonly<Record<string, string | number | boolean | null | undefined>>;

type Node =
  | string
  | { kind: "arg"; name: string }
  | { kind: "select"; name: string; options: Record<string, Node[]> }
  | { kind: "plural"; name: string; options: Record<string, Node[]> }
  | { kind: "pound" };

export class MessageSyntaxError extends Error {}

function parse(pattern: string): Node[] {
  let i = 0;
  const nodes = (inPlural: boolean, nested: boolean): Node[] => {
    const out: Node[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push(text);
      text = "";
    };
    while (i < pattern.length) {
      const c = pattern[i] as string;
      if (c === "}") {
        if (!nested) throw new MessageSyntaxError(`unbalanced } at ${i} in ${JSON.stringify(pattern)}`);
        break;
      }
      if (c === "#" && inPlural) {
        flush();
        out.push({ kind: "pound" });
        i++;
        continue;
      }
      if (c !== "{") {
        text += c;
        i++;
        continue;
      }
      flush();
      i++;
      const close = /[,}]/g;
      close.lastIndex = i;
      const m = close.exec(pattern);
      if (!m) throw new MessageSyntaxError(`unclosed { in ${JSON.stringify(pattern)}`);
      const name = pattern.slice(i, m.index).trim();
      if (!/^[A-Za-z][\w]*$/.test(name))
        throw new MessageSyntaxError(`bad argument name ${JSON.stringify(name)}`);
      i = m.index + 1;
      if (m[0] === "}") {
        out.push({ kind: "arg", name });
        continue;
      }
      const typeEnd = pattern.indexOf(",", i);
      if (typeEnd < 0) throw new MessageSyntaxError(`argument ${name}: no options`);
      const type = pattern.slice(i, typeEnd).trim();
      if (type !== "select" && type !== "plural")
        throw new MessageSyntaxError(`argument ${name}: unknown type ${type}`);
      i = typeEnd + 1;
      const options: Record<string, Node[]> = {};
      for (;;) {
        while (/\s/.test(pattern[i] ?? "")) i++;
        if (pattern[i] === "}") {
          i++;
          break;
        }
        const open = pattern.indexOf("{", i);
        if (open < 0) throw new MessageSyntaxError(`argument ${name}: option without a body`);
        const key = pattern.slice(i, open).trim();
        if (!key) throw new MessageSyntaxError(`argument ${name}: empty option key`);
        i = open + 1;
        options[key] = nodes(type === "plural" || inPlural, true);
        if (pattern[i] !== "}") throw new MessageSyntaxError(`argument ${name}: option ${key} not closed`);
        i++;
      }
      if (!options.other) throw new MessageSyntaxError(`argument ${name}: no "other" option`);
      out.push({ kind: type, name, options });
    }
    flush();
    return out;
  };
  const result = nodes(false, false);
  if (i < pattern.length) throw new MessageSyntaxError(`unbalanced } in ${JSON.stringify(pattern)}`);
  return result;
}

const parsed = new Map<string, Node[]>();
function ast(pattern: string): Node[] {
  let nodes = parsed.get(pattern);
  if (!nodes) {
    nodes = parse(pattern);
    parsed.set(pattern, nodes);
  }
  return nodes;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

function render(nodes: readonly Node[], params: Params, locale: string, count: number | null): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") out += node;
    else if (node.kind === "pound") out += String(count ?? "");
    else if (node.kind === "arg") out += String(params[node.name] ?? "");
    else if (node.kind === "select") {
      const value = String(params[node.name] ?? "");
      out += render(node.options[value] ?? node.options.other ?? [], params, locale, count);
    } else {
      const n = Number(params[node.name] ?? 0);
      const branch = node.options[`=${n}`] ?? node.options[pluralCategory(locale, n)] ?? node.options.other;
      out += render(branch ?? [], params, locale, n);
    }
  }
  return out;
}

/** Formats one catalogue pattern. Throws MessageSyntaxError on a malformed pattern (a test catches it). */
export function formatMessage(pattern: string, params: Params = {}, locale = "en"): string {
  return render(ast(pattern), params, locale, null);
}

/** The argument names a pattern uses, and the select/plural keys of each: equal across languages. */
export function argumentsOf(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (typeof node === "string" || node.kind === "pound") continue;
      names.add(node.kind === "arg" ? node.name : `${node.name}:${node.kind}`);
      if (node.kind !== "arg") for (const branch of Object.values(node.options)) walk(branch);
    }
  };
  walk(ast(pattern));
  return [...names].sort();
}
