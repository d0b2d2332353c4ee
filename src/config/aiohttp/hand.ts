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
 * later lines never run, so that answer has no CORS header; so does an HTTPException the handler
 * raises itself (`raise web.HTTPNotFound(…)`), unless the call is wrapped in `try: … except
 * web.HTTPException as exc:` that sets the headers on it and re-raises (what `fix` writes; aiohttp
 * sends a raised HTTPException as the response, its headers included:
 * https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_protocol.py, _handle_request).
 */
import type { Node } from "web-tree-sitter";
import { evaluate, type PyModule, type Span } from "../python/values";
import { headerNamesWritten } from "../python/written-headers";

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
  /** `response = await handler(request)`: the call, and the name it binds (`wrapped`: its try). */
  call: { stmt: Span; value: Span; response: string; wrapped: Span | null };
  /**
   * `response = web.Response(status=204) if request.method == "OPTIONS" else await handler(request)`
   * (what `fix` writes): OPTIONS gets that response, with the headers set after it.
   */
  inline: { status: number } | null;
  /** What it sets on the handler's response, in order. */
  sets: HandSet[];
  /** `try: <call> except web.HTTPException as exc: <sets on exc>; raise`: what a raised answer gets. */
  catches: HandSet[] | null;
  /** `return response`. */
  ret: Span;
  /** The name `web` is imported as (`from aiohttp import web`), for a response `fix` builds. */
  web: string | null;
  /** The text it reads: its own, and the dicts it names. */
  spans: Span[];
}

export type HandSet =
  | { kind: "update"; dict: HandDict; stmt: Span }
  | { kind: "item"; header: HandHeader; stmt: Span };

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
  let first = stmts.shift();
  // `try: response = await handler(request)` / `except web.HTTPException as exc: …; raise`.
  let caught: { name: string; body: Node } | null = null;
  let wrapped: Node | null = null;
  if (first?.type === "try_statement") {
    const tryBody = kids(first.childForFieldName("body") as Node);
    const clauses = kids(first).filter((c) => c.type !== "block");
    const ex = clauses.length === 1 && clauses[0]?.type === "except_clause" ? clauses[0] : null;
    const m = ex ? /^except\s+([\w.]+)\s+as\s+(\w+)\s*:/.exec(ex.text) : null;
    const exBody = ex ? kids(ex).find((c) => c.type === "block") : undefined;
    if (tryBody.length !== 1 || !m || !exBody || !/^(\w+\.)?HTTPException$/.test(m[1] ?? "")) return null;
    caught = { name: m[2] ?? "", body: exBody };
    wrapped = first;
    first = tryBody[0];
  }
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
  const sets = setsOf(stmts, response, mod);
  if (!sets) return null;
  let catches: HandSet[] | null = null;
  if (caught) {
    const inner = kids(caught.body);
    const reraise = inner.pop();
    catches =
      reraise?.type === "raise_statement" && kids(reraise).length === 0
        ? setsOf(inner, caught.name, mod)
        : null;
    if (!catches) return null;
  }
  const web = [...mod.imports].find(([, v]) => v.module === "aiohttp" && v.name === "web")?.[0] ?? null;
  return {
    name,
    line: fn.startPosition.row + 1,
    request,
    options,
    call: {
      stmt: span(first),
      value: span(whole as Node),
      response,
      wrapped: wrapped ? span(wrapped) : null,
    },
    inline,
    sets,
    catches,
    ret: span(last),
    web,
    spans: [
      span(fn),
      ...(options?.dict ? [options.dict.node] : []),
      ...sets.flatMap((x) => (x.kind === "update" ? [x.dict.node] : [])),
    ],
  };
}

/** `response.headers.update(D)` / `response.headers["X"] = "v"` statements, or null for anything else. */
function setsOf(stmts: Node[], response: string, mod: PyModule): HandSet[] | null {
  const sets: HandSet[] = [];
  for (const s of stmts) {
    const e = s.type === "expression_statement" ? kids(s)[0] : null;
    if (e?.type === "call" && e.childForFieldName("function")?.text === `${response}.headers.update`) {
      const args = kids(e.childForFieldName("arguments") as Node);
      const dict = args.length === 1 ? dictOf(args[0], mod) : null;
      if (!dict) return null;
      sets.push({ kind: "update", dict, stmt: span(s) });
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
  return sets;
}

/** A route's handler: the module-level function named last among the registering call's arguments. */
function handlerDef(mod: PyModule, registered: Node | null): Node | null {
  const call = registered?.type === "expression_statement" ? kids(registered)[0] : registered;
  const args = call?.type === "call" ? kids(call.childForFieldName("arguments") as Node) : [];
  const handler = args.filter((a) => a.type !== "keyword_argument").at(-1);
  if (handler?.type !== "identifier") return null;
  return (
    kids(mod.tree.rootNode)
      .map((s) => (s.type === "decorated_definition" ? s.childForFieldName("definition") : s))
      .find(
        (s): s is Node =>
          s?.type === "function_definition" && s.childForFieldName("name")?.text === handler.text,
      ) ?? null
  );
}

/** The names of the headers a route's handler writes on its answers (../python/written-headers.ts). */
export function handlerHeaderNames(mod: PyModule, registered: Node | null): string[] {
  const def = handlerDef(mod, registered);
  return def ? headerNamesWritten(def, mod) : [];
}

/**
 * The statuses of the HTTPExceptions a route's handler (a function of the file, named in the
 * registering call) raises itself, `raise web.HTTPNotFound(…)`: aiohttp's classes by name
 * (https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_exceptions.py).
 */
export function handlerRaises(
  mod: PyModule,
  registered: Node | null,
): Map<number, { name: string; line: number }> {
  const out = new Map<number, { name: string; line: number }>();
  const def = handlerDef(mod, registered);
  const body = def?.childForFieldName("body")?.text ?? "";
  const line = def ? def.startPosition.row + 1 : 0;
  for (const m of body.matchAll(/\braise\s+(?:\w+\.)?(HTTP\w+)\s*\(/g)) {
    const status = HTTP_STATUS[m[1] ?? ""];
    if (status && !out.has(status)) out.set(status, { name: m[1] ?? "", line });
  }
  return out;
}

const HTTP_STATUS: Record<string, number> = {
  HTTPBadRequest: 400,
  HTTPUnauthorized: 401,
  HTTPPaymentRequired: 402,
  HTTPForbidden: 403,
  HTTPNotFound: 404,
  HTTPMethodNotAllowed: 405,
  HTTPNotAcceptable: 406,
  HTTPRequestTimeout: 408,
  HTTPConflict: 409,
  HTTPGone: 410,
  HTTPLengthRequired: 411,
  HTTPPreconditionFailed: 412,
  HTTPRequestEntityTooLarge: 413,
  HTTPUnsupportedMediaType: 415,
  HTTPUnprocessableEntity: 422,
  HTTPTooManyRequests: 429,
  HTTPInternalServerError: 500,
  HTTPNotImplemented: 501,
  HTTPBadGateway: 502,
  HTTPServiceUnavailable: 503,
  HTTPGatewayTimeout: 504,
};

/** The headers a list of sets puts on a response (later sets replace earlier ones of the name). */
export function setHeaders(sets: readonly HandSet[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const put = (name: string, value: string) => {
    for (let i = out.length - 1; i >= 0; i--)
      if ((out[i] as [string, string])[0].toLowerCase() === name.toLowerCase()) out.splice(i, 1);
    out.push([name, value]);
  };
  for (const s of sets)
    if (s.kind === "update") for (const h of s.dict.headers) put(h.name, h.value);
    else put(s.header.name, s.header.value);
  return out;
}

/** The headers it puts on the handler's response. */
export function handHeaders(m: HandMiddleware): Array<[string, string]> {
  return setHeaders(m.sets);
}

/**
 * The headers a preflight gets from it, each with where it is written: the OPTIONS branch's dict;
 * else (the preflight answered in it, or raised past it) what it sets after the handler, in order.
 */
export function preflightHeaders(m: HandMiddleware): HandHeader[] {
  if (m.options) return m.options.dict?.headers ?? [];
  return m.sets.flatMap((x) => (x.kind === "update" ? x.dict.headers : [x.header]));
}
