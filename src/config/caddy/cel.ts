/**
 * Caddy's `expression` matcher, the part of CEL a CORS matcher is written with: an allow-list of
 * origins (`{http.request.header.Origin} in ["https://a", "https://b"]`), comparisons, `&&`, `||`,
 * `!`, string methods and Caddy's own matcher functions (`method('OPTIONS')`, `header({...})`,
 * `path(...)`, `host(...)`). Caddy turns each `{placeholder}` into `ph(req, "placeholder")` before
 * CEL reads it (modules/caddyhttp/celmatcher.go, `placeholderRegexp`): a header placeholder is the
 * request's value or "" (https://caddyserver.com/docs/caddyfile/matchers#expression). Anything
 * else — a function CORS Lens does not know, a type it does not model — throws `CelUnknown`, and the
 * caller says the matcher cannot be evaluated rather than guessing.
 */

export class CelUnknown extends Error {}

/** What an expression can ask of the request. */
export interface CelRequest {
  /** A placeholder's value (`http.request.header.Origin` → the Origin or ""); throws when unknown. */
  placeholder(name: string): string;
  method(): string;
  path(): string;
  host(): string;
  scheme(): string;
  header(name: string): string | null;
  pathMatches(pattern: string, path: string): boolean;
  hostMatches(pattern: string, host: string): boolean;
  valueMatches(pattern: string, value: string): boolean;
}

type Value = string | boolean | number | Value[] | Map<string, Value>;

type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "ph"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

const PLACEHOLDER = /^\{([a-zA-Z][\w.-]+)\}/;
const OPS = [
  "&&",
  "||",
  "==",
  "!=",
  "<=",
  ">=",
  "!",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ".",
  "+",
  "<",
  ">",
  "?",
];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const ph = PLACEHOLDER.exec(text.slice(i));
    if (ph && text[i - 1] !== "\\") {
      out.push({ t: "ph", v: ph[1] as string });
      i += ph[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      // CEL string literals: single or double quoted, backslash escapes (raw and triple-quoted
      // strings are left to CelUnknown).
      let v = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === "\\") {
          const n = text[++j];
          v += n === "n" ? "\n" : n === "t" ? "\t" : (n ?? "");
        } else v += text[j];
      }
      if (j >= text.length) throw new CelUnknown("unterminated string");
      out.push({ t: "str", v });
      i = j + 1;
      continue;
    }
    const num = /^\d+/.exec(text.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(text.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new CelUnknown(`unexpected ${c}`);
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

/** Evaluates the expression for a request; true when it matches. */
export function evaluateCel(text: string, req: CelRequest): boolean {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === "op" && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new CelUnknown(`expected ${v}`);
    at++;
  };
  const str = (v: Value): string => {
    if (typeof v !== "string") throw new CelUnknown("not a string");
    return v;
  };
  const bool = (v: Value): boolean => {
    if (typeof v !== "boolean") throw new CelUnknown("not a bool");
    return v;
  };
  const equal = (a: Value, b: Value): boolean => {
    if (typeof a !== typeof b || typeof a === "object") throw new CelUnknown("not comparable");
    return a === b;
  };

  const or = (): Value => {
    let v = and();
    while (isOp("||")) {
      at++;
      const r = and();
      v = bool(v) || bool(r);
    }
    return v;
  };
  const and = (): Value => {
    let v = relation();
    while (isOp("&&")) {
      at++;
      const r = relation();
      v = bool(v) && bool(r);
    }
    return v;
  };
  const relation = (): Value => {
    const left = additive();
    const t = peek();
    if (t?.t === "op" && (t.v === "==" || t.v === "!=")) {
      at++;
      const same = equal(left, additive());
      return t.v === "==" ? same : !same;
    }
    if (t?.t === "id" && t.v === "in") {
      at++;
      const right = additive();
      if (Array.isArray(right)) return right.some((x) => typeof x === typeof left && x === left);
      if (right instanceof Map) return right.has(str(left));
      throw new CelUnknown("in");
    }
    if (t?.t === "op" && ["<", ">", "<=", ">=", "?"].includes(t.v)) throw new CelUnknown(t.v);
    return left;
  };
  const additive = (): Value => {
    let v = unary();
    while (isOp("+")) {
      at++;
      v = str(v) + str(unary());
    }
    return v;
  };
  const unary = (): Value => {
    if (isOp("!")) {
      at++;
      return !bool(unary());
    }
    return member();
  };
  const member = (): Value => {
    let v = primary();
    while (isOp(".")) {
      at++;
      const name = peek();
      if (name?.t !== "id") throw new CelUnknown("member");
      at++;
      const args = callArgs();
      v = method(v, name.v, args);
    }
    return v;
  };
  const callArgs = (): Value[] => {
    expect("(");
    const args: Value[] = [];
    while (!isOp(")")) {
      args.push(or());
      if (!isOp(")")) expect(",");
    }
    at++;
    return args;
  };
  const primary = (): Value => {
    const t = peek();
    if (!t) throw new CelUnknown("end");
    at++;
    if (t.t === "str") return t.v;
    if (t.t === "num") return t.v;
    if (t.t === "ph") return req.placeholder(t.v);
    if (t.t === "id") {
      if (t.v === "true") return true;
      if (t.v === "false") return false;
      if (isOp("(")) return call(t.v, callArgs());
      throw new CelUnknown(t.v);
    }
    if (t.v === "(") {
      const v = or();
      expect(")");
      return v;
    }
    if (t.v === "[") {
      const list: Value[] = [];
      while (!isOp("]")) {
        list.push(or());
        if (!isOp("]")) expect(",");
      }
      at++;
      return list;
    }
    if (t.v === "{") {
      const map = new Map<string, Value>();
      while (!isOp("}")) {
        const k = str(or());
        expect(":");
        map.set(k, or());
        if (!isOp("}")) expect(",");
      }
      at++;
      return map;
    }
    throw new CelUnknown(t.v);
  };
  const method = (target: Value, name: string, args: Value[]): Value => {
    const s = str(target);
    const a = args.map(str);
    switch (name) {
      case "startsWith":
        return s.startsWith(a[0] ?? "");
      case "endsWith":
        return s.endsWith(a[0] ?? "");
      case "contains":
        return s.includes(a[0] ?? "");
      case "lowerAscii":
        return s.toLowerCase();
      case "upperAscii":
        return s.toUpperCase();
      case "matches": {
        // RE2, partial match: a pattern JavaScript reads the same way (no lookarounds in RE2).
        try {
          return new RegExp(a[0] ?? "").test(s);
        } catch {
          throw new CelUnknown("matches");
        }
      }
      default:
        throw new CelUnknown(name);
    }
  };
  /** Caddy's matcher functions (each the matcher of the same name, modules/caddyhttp/matchers.go). */
  const call = (name: string, args: Value[]): Value => {
    switch (name) {
      case "method":
        return args.map(str).some((m) => m.toUpperCase() === req.method().toUpperCase());
      case "path":
        return args.map(str).some((p) => req.pathMatches(p, req.path()));
      case "host":
        return args.map(str).some((h) => req.hostMatches(h, req.host()));
      case "protocol":
        return args.map(str).some((p) => req.scheme() === p.toLowerCase());
      case "header": {
        const fields = args[0];
        if (!(fields instanceof Map)) throw new CelUnknown("header");
        for (const [field, wanted] of fields) {
          const value = req.header(field);
          if (value === null) return false;
          const patterns = Array.isArray(wanted) ? wanted.map(str) : [str(wanted)];
          if (!patterns.some((p) => req.valueMatches(p, value))) return false;
        }
        return true;
      }
      default:
        throw new CelUnknown(name);
    }
  };

  const result = or();
  if (at !== tokens.length) throw new CelUnknown("trailing");
  return bool(result);
}
