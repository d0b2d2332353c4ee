/**
 * An aiohttp middleware of the app's own that sets the CORS headers itself, read when it is the
 * common one: an optional `if request.method == "OPTIONS": return web.Response(…, headers=D)` that
 * answers the preflight, `response = await handler(request)`, then `response.headers.update(D)` /
 * `response.headers["X"] = "v"`, and `return response` — D a dict literal of strings, written there
 * or at module level. Anything else stays unknown, as before.
 *
 * What a request gets (aiohttp runs middlewares around the handler:
 * https://docs.aiohttp.org/en/stable/web_advanced.html#middlewares): the OPTIONS branch's response;
 * else the handler's, with the headers set after it. A URL or method no route takes makes the
 * handler raise (HTTPNotFound, HTTPMethodNotAllowed): the exception passes the middleware, whose
 * later lines never run, so that answer has no CORS header.
 */
import type { Node } from "web-tree-sitter";
import { evaluate, type PyModule, type Span } from "../python/values";

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 });
const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

/** One header of a dict literal (or a `response.headers["X"] = "v"` line): its value's literal. */
export interface HandHeader {
  name: string;
  value: string;
  /** The value's string literal (where `fix` edits it). */
  at: Span;
  quote: string;
}

export interface HandDict {
  headers: HandHeader[];
  /** The dict's braces: a new entry goes before the closing one. */
  node: Span;
}

export interface HandMiddleware {
  name: string;
  line: number;
  request: string;
  /** The OPTIONS branch: its status and headers. */
  options: { status: number; dict: HandDict | null; stmt: Span } | null;
  /** `response = await handler(request)`: the call, and the name it binds. */
  call: { stmt: Span; value: Span; response: string };
  /**
   * `response = web.Response(status=204) if request.method == "OPTIONS" else await handler(request)`
   * (what `fix` writes): OPTIONS gets that response, with the headers set after it.
   */
  inline: { status: number } | null;
  /** What it sets on the handler's response, in order. */
  sets: Array<{ kind: "update"; dict: HandDict } | { kind: "item"; header: HandHeader; stmt: Span }>;
  /** `return response`. */
  ret: Span;
  /** The name `web` is imported as (`from aiohttp import web`), for a response `fix` builds. */
  web: string | null;
  /** The text it reads: its own, and the dicts it names. */
  spans: Span[];
}

/** A plain string literal (no f-string, no bytes), read as the Python reader reads every string. */
function str(n: Node | null | undefined, mod: PyModule): { v: string; quote: string } | null {
  if (!n) return null;
  const v = evaluate(n, new Map(), mod.imports);
  return v.t === "str" && v.prefix === "" && n.type === "string" ? v : null;
}

/** A dict of string literals, written here or named (a module-level constant). */
function dictOf(n: Node | null | undefined, mod: PyModule): HandDict | null {
  let d = n;
  if (d?.type === "identifier") {
    const a = mod.names.get(d.text);
    if (!a || a.conditional) return null;
    d = mod.tree.rootNode.descendantForIndex(a.rhs.start, a.rhs.end);
  }
  if (d?.type !== "dictionary") return null;
  const headers: HandHeader[] = [];
  for (const p of kids(d)) {
    if (p.type !== "pair") return null;
    const k = str(p.childForFieldName("key"), mod);
    const valueNode = p.childForFieldName("value");
    const v = str(valueNode, mod);
    if (!k || !v || !valueNode) return null;
    headers.push({ name: k.v, value: v.v, at: span(valueNode), quote: v.quote });
  }
  return { headers, node: span(d) };
}

/** `request.method == "OPTIONS"` (either side, `==` only). */
function isOptionsTest(n: Node | null, request: string, mod: PyModule): boolean {
  if (n?.type !== "comparison_operator") return false;
  const [a, b] = kids(n);
  const ops = n.childrenForFieldName("operators").map((o) => o?.text);
  const method = `${request}.method`;
  const opt = (x: Node | undefined) => str(x, mod)?.v === "OPTIONS" || x?.text === "hdrs.METH_OPTIONS";
  return ops.join() === "==" && ((a?.text === method && opt(b)) || (b?.text === method && opt(a)));
}

/** `web.Response(status=N, headers=D)` (or `Response`): the status (200 by default) and the dict. */
function responseOf(
  n: Node | null | undefined,
  mod: PyModule,
): { status: number; dict: HandDict | null } | null {
  if (n?.type !== "call") return null;
  const fn = n.childForFieldName("function")?.text ?? "";
  if (!/^(web\.)?Response$/.test(fn.replace(/^\w+\.(?=Response$)/, "web."))) return null;
  let status = 200;
  let dict: HandDict | null = null;
  for (const a of kids(n.childForFieldName("arguments") as Node)) {
    if (a.type !== "keyword_argument") return null;
    const name = a.childForFieldName("name")?.text;
    const value = a.childForFieldName("value");
    if (name === "status" && value?.type === "integer") status = Number(value.text);
    else if (name === "headers") {
      dict = dictOf(value, mod);
      if (!dict) return null;
    } else if (name !== "text" && name !== "body") return null;
  }
  return { status, dict };
}

/** The middleware read, or null when it does anything else. */
export function readHandMiddleware(fn: Node, name: string, mod: PyModule): HandMiddleware | null {
  const params = kids(fn.childForFieldName("parameters") as Node).map((p) => p.text);
  const body = fn.childForFieldName("body");
  if (params.length !== 2 || !body) return null;
  const [request, handler] = params as [string, string];
  const stmts = kids(body);
  if (stmts[0]?.type === "expression_statement" && kids(stmts[0])[0]?.type === "string") stmts.shift();
  let options: HandMiddleware["options"] = null;
  // `if request.method == "OPTIONS": response = web.Response() else: response = await handler(request)`:
  // the inline form written as statements (Comfy-Org/ComfyUI's server.py).
  let branched: { status: number; stmt: Node } | null = null;
  if (stmts[0]?.type === "if_statement") {
    const s = stmts[0];
    const one = (block: Node | null | undefined) => {
      const inner = block ? kids(block) : [];
      const e = inner.length === 1 && inner[0]?.type === "expression_statement" ? kids(inner[0])[0] : null;
      return e?.type === "assignment" ? { stmt: inner[0] as Node, assign: e } : null;
    };
    const alt = s.childForFieldName("alternative");
    const yes = one(s.childForFieldName("consequence"));
    const no = alt?.type === "else_clause" ? one(alt.childForFieldName("body")) : null;
    const r = yes ? responseOf(yes.assign.childForFieldName("right"), mod) : null;
    if (
      yes &&
      no &&
      r &&
      !r.dict &&
      isOptionsTest(s.childForFieldName("condition"), request, mod) &&
      yes.assign.childForFieldName("left")?.text === no.assign.childForFieldName("left")?.text
    ) {
      stmts.shift();
      stmts.unshift(no.stmt);
      branched = { status: r.status, stmt: s };
    }
  }
  if (!branched && stmts[0]?.type === "if_statement") {
    const s = stmts.shift() as Node;
    const cons = s.childForFieldName("consequence");
    const inner = cons ? kids(cons) : [];
    const ret = inner.length === 1 && inner[0]?.type === "return_statement" ? kids(inner[0])[0] : null;
    const r = responseOf(ret, mod);
    if (
      !isOptionsTest(s.childForFieldName("condition"), request, mod) ||
      s.childForFieldName("alternative") ||
      !r
    )
      return null;
    options = { ...r, stmt: span(s) };
  }
  const first = stmts.shift();
  const assign = first?.type === "expression_statement" ? kids(first)[0] : null;
  const left = assign?.type === "assignment" ? assign.childForFieldName("left") : null;
  const whole = assign?.childForFieldName("right");
  // `R if request.method == "OPTIONS" else await handler(request)`
  let inline: HandMiddleware["inline"] = branched ? { status: branched.status } : null;
  let right = whole;
  if (whole?.type === "conditional_expression") {
    const [a, test, b] = kids(whole);
    const r = responseOf(a, mod);
    if (!r || r.dict || !isOptionsTest(test ?? null, request, mod) || options) return null;
    inline = { status: r.status };
    right = b;
  }
  const awaited = right?.type === "await" ? kids(right)[0] : null;
  if (
    !first ||
    left?.type !== "identifier" ||
    !right ||
    awaited?.type !== "call" ||
    awaited.childForFieldName("function")?.text !== handler ||
    awaited.childForFieldName("arguments")?.text.replace(/\s+/g, "") !== `(${request})`
  )
    return null;
  const response = left.text;
  const last = stmts.pop();
  if (last?.type !== "return_statement" || kids(last)[0]?.text !== response) return null;
  const sets: HandMiddleware["sets"] = [];
  for (const s of stmts) {
    const e = s.type === "expression_statement" ? kids(s)[0] : null;
    if (e?.type === "call" && e.childForFieldName("function")?.text === `${response}.headers.update`) {
      const args = kids(e.childForFieldName("arguments") as Node);
      const dict = args.length === 1 ? dictOf(args[0], mod) : null;
      if (!dict) return null;
      sets.push({ kind: "update", dict });
      continue;
    }
    if (e?.type === "assignment") {
      const l = e.childForFieldName("left");
      const k = l?.type === "subscript" ? str(l.childForFieldName("subscript"), mod) : null;
      const valueNode = e.childForFieldName("right");
      const v = str(valueNode, mod);
      if (l?.childForFieldName("value")?.text !== `${response}.headers` || !k || !v || !valueNode)
        return null;
      sets.push({
        kind: "item",
        header: { name: k.v, value: v.v, at: span(valueNode), quote: v.quote },
        stmt: span(s),
      });
      continue;
    }
    return null;
  }
  const web = [...mod.imports].find(([, v]) => v.module === "aiohttp" && v.name === "web")?.[0] ?? null;
  return {
    name,
    line: fn.startPosition.row + 1,
    request,
    options,
    call: { stmt: span(first), value: span(whole as Node), response },
    inline,
    sets,
    ret: span(last),
    web,
    spans: [
      span(fn),
      ...(options?.dict ? [options.dict.node] : []),
      ...sets.flatMap((x) => (x.kind === "update" ? [x.dict.node] : [])),
    ],
  };
}

/** The headers it puts on the handler's response (later sets replace earlier ones of the name). */
export function handHeaders(m: HandMiddleware): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const put = (name: string, value: string) => {
    for (let i = out.length - 1; i >= 0; i--)
      if ((out[i] as [string, string])[0].toLowerCase() === name.toLowerCase()) out.splice(i, 1);
    out.push([name, value]);
  };
  for (const s of m.sets)
    if (s.kind === "update") for (const h of s.dict.headers) put(h.name, h.value);
    else put(s.header.name, s.header.value);
  return out;
}

/**
 * The headers a preflight gets from it, each with where it is written: the OPTIONS branch's dict;
 * else (the preflight answered in it, or raised past it) what it sets after the handler, in order.
 */
export function preflightHeaders(m: HandMiddleware): HandHeader[] {
  if (m.options) return m.options.dict?.headers ?? [];
  return m.sets.flatMap((x) => (x.kind === "update" ? x.dict.headers : [x.header]));
}
