/**
 * The part of httpd's expression language (ap_expr: https://httpd.apache.org/docs/2.4/expr.html)
 * that CORS configurations use in `<If>`, `Require expr`, `Header … expr=`: `%{REQUEST_METHOD}`,
 * `%{HTTP_ORIGIN}`, `%{HTTP:Name}`, `%{req:Name}`, `req('Name')`, `http('Name')`, string comparison,
 * `=~`/`!~` with `/re/` or `m#re#`, `-z`/`-n`, `in { … }`, `!`, `&&`, `||`, parentheses. Anything
 * else throws `NotModelled`: the caller says "unknown" instead of guessing.
 */
import { combinedHeader, type HeaderList } from "../../engine";

export class NotModelled extends Error {}

/**
 * The request headers with a variable of their own in ap_expr and mod_rewrite
 * (https://httpd.apache.org/docs/2.4/expr.html#vars, https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html#rewritecond);
 * any other header is read with `%{HTTP:Name}` or `req('Name')`.
 */
export const HTTP_VARS = new Set([
  "HTTP_ACCEPT",
  "HTTP_COOKIE",
  "HTTP_FORWARDED",
  "HTTP_HOST",
  "HTTP_PROXY_CONNECTION",
  "HTTP_REFERER",
  "HTTP_USER_AGENT",
]);

export interface ExprRequest {
  method: string;
  path: string;
  headers: HeaderList;
  env: Map<string, string>;
}

/** A PCRE pattern as a JavaScript RegExp (`(?i)` becomes the i flag); NotModelled where it differs. */
export function pcre(pattern: string, insensitive = false): RegExp {
  let p = pattern;
  let flags = insensitive ? "i" : "";
  if (p.startsWith("(?i)")) {
    p = p.slice(4);
    flags = "i";
  }
  if (/\(\?[a-zA-Z]|\\[AZzQEG]|\(\?[<P]/.test(p)) throw new NotModelled(pattern);
  try {
    return new RegExp(p, flags);
  } catch {
    throw new NotModelled(pattern);
  }
}

function variable(name: string, r: ExprRequest): string {
  const header = (n: string) => combinedHeader(r.headers, n) ?? "";
  const fn = /^(req|http|req_novary|HTTP):(.+)$/.exec(name);
  if (fn) return header(fn[2] as string);
  if (name === "REQUEST_METHOD") return r.method;
  if (name === "REQUEST_URI") return r.path;
  // Only these request headers have an HTTP_ variable; httpd refuses any other (`%{HTTP_ORIGIN}`).
  if (HTTP_VARS.has(name)) return header(name.slice(5).replace(/_/g, "-"));
  if (/^ENV:/.test(name)) return r.env.get(name.slice(4)) ?? "";
  throw new NotModelled(name);
}

type Tok = { t: "str" | "re" | "op" | "word"; v: string; flags?: string };

function lex(src: string, r: ExprRequest): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (["&&", "||", "==", "!=", "=~", "!~", "<=", ">="].includes(two)) {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("!(){},<>=".includes(c)) {
      out.push({ t: "op", v: c });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new NotModelled(src);
      // Strings may hold %{VAR}: they are expanded.
      out.push({ t: "str", v: src.slice(i + 1, close).replace(/%\{([^}]+)\}/g, (_, n) => variable(n, r)) });
      i = close + 1;
      continue;
    }
    if (c === "%" && src[i + 1] === "{") {
      const close = src.indexOf("}", i);
      if (close < 0) throw new NotModelled(src);
      out.push({ t: "str", v: variable(src.slice(i + 2, close), r) });
      i = close + 1;
      continue;
    }
    if (c === "/" || (c === "m" && /[^\w\s]/.test(src[i + 1] ?? ""))) {
      const d = c === "/" ? "/" : (src[i + 1] as string);
      const from = c === "/" ? i + 1 : i + 2;
      let j = from;
      while (j < src.length && src[j] !== d) j += src[j] === "\\" ? 2 : 1;
      if (j >= src.length) throw new NotModelled(src);
      const m = /^[a-z]*/.exec(src.slice(j + 1))?.[0] ?? "";
      out.push({ t: "re", v: src.slice(from, j), flags: m });
      i = j + 1 + m.length;
      continue;
    }
    const w = /^-?[A-Za-z_][\w-]*/.exec(src.slice(i));
    if (!w) throw new NotModelled(src);
    out.push({ t: "word", v: w[0] });
    i += w[0].length;
  }
  return out;
}

/** Evaluates a boolean expression; NotModelled for what it does not know. */
export function evalExpr(src: string, r: ExprRequest): boolean {
  const toks = lex(src, r);
  let i = 0;
  const peek = () => toks[i];
  const take = (v?: string): Tok => {
    const t = toks[i];
    if (!t || (v !== undefined && t.v !== v)) throw new NotModelled(src);
    i++;
    return t;
  };
  const value = (): string => {
    const t = take();
    if (t.t === "str") return t.v;
    if (t.t === "word" && ["req", "http", "req_novary", "resp", "env", "tolower", "toupper"].includes(t.v)) {
      take("(");
      const arg = value();
      take(")");
      if (t.v === "tolower") return arg.toLowerCase();
      if (t.v === "toupper") return arg.toUpperCase();
      if (t.v === "env") return r.env.get(arg) ?? "";
      if (t.v === "resp") throw new NotModelled(src);
      return combinedHeader(r.headers, arg) ?? "";
    }
    throw new NotModelled(src);
  };
  const test = (): boolean => {
    const t = peek();
    if (t?.t === "word" && (t.v === "true" || t.v === "false")) {
      i++;
      return t.v === "true";
    }
    if (t?.t === "word" && (t.v === "-z" || t.v === "-n")) {
      i++;
      const v = value();
      return t.v === "-z" ? v === "" : v !== "";
    }
    const left = value();
    const op = take();
    if (op.v === "=~" || op.v === "!~") {
      const re = take();
      if (re.t !== "re") throw new NotModelled(src);
      const hit = pcre(re.v, (re.flags ?? "").includes("i")).test(left);
      return op.v === "=~" ? hit : !hit;
    }
    if (op.t === "word" && op.v === "in") {
      take("{");
      const list: string[] = [value()];
      while (peek()?.v === ",") {
        i++;
        list.push(value());
      }
      take("}");
      return list.includes(left);
    }
    const right = value();
    if (op.v === "==" || op.v === "=" || op.v === "-eq") return left === right;
    if (op.v === "!=" || op.v === "-ne") return left !== right;
    throw new NotModelled(src);
  };
  const unary = (): boolean => {
    const t = peek();
    if (t?.v === "!" && t.t === "op") {
      i++;
      return !unary();
    }
    if (t?.v === "(" && t.t === "op") {
      i++;
      const v = or();
      take(")");
      return v;
    }
    return test();
  };
  const and = (): boolean => {
    let v = unary();
    while (peek()?.v === "&&") {
      i++;
      const w = unary();
      v = v && w;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (peek()?.v === "||") {
      i++;
      const w = and();
      v = v || w;
    }
    return v;
  };
  const result = or();
  if (i !== toks.length) throw new NotModelled(src);
  return result;
}

/** A string expression (`Header set X "expr=%{req:Origin}"`): the parts it knows, or NotModelled. */
export function evalString(src: string, r: ExprRequest): string {
  return src.replace(/%\{([^}]+)\}/g, (_, n: string) => variable(n, r));
}
