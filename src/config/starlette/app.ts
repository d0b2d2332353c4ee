/**
 * A FastAPI or Starlette app module read for its middleware stack: `app.add_middleware(...)` (each
 * inserted at the front, so the last added runs first:
 * https://github.com/encode/starlette/blob/0.26.1/starlette/applications.py#L137-L140),
 * `@app.middleware("http")` functions (added the same way), and `FastAPI(middleware=[Middleware(...)])`
 * (in the order written, inside the added ones). CORSMiddleware's keyword arguments are read as values.
 */
import type { Node } from "web-tree-sitter";
import {
  appStatements,
  bindLocal,
  evaluate,
  type PyModule,
  type PyVal,
  readModule,
  type Span,
} from "../python/values";
import type { ConfigFile } from "../types";

export type MwKind = "cors" | "https" | "hosts" | "passive" | "unknown";

export interface Kwarg {
  value: PyVal;
  /** The whole `name=value` argument, and the value alone. */
  arg: Span;
  at: Span;
}

export interface Mw {
  kind: MwKind;
  name: string;
  line: number;
  /** The statement that registers it (with its decorators and body for `@app.middleware`). */
  stmt: Span;
  /** `@app.middleware("http")` whose body builds a response of its own (it may answer first). */
  answers: boolean;
  /**
   * `@app.middleware("http")` that catches what `call_next` raises and answers it itself: inside
   * CORSMiddleware, an unhandled exception's 500 then passes through CORS.
   */
  catches: boolean;
  /** CORSMiddleware's arguments, and the argument list's closing parenthesis. */
  kwargs: Map<string, Kwarg>;
  close: Span | null;
  /** Every argument of the call (the class too): where a new keyword argument goes after. */
  args: Span[];
  /** Registered with add_middleware / @app.middleware (false: FastAPI(middleware=[...])). */
  added: boolean;
}

export interface StarletteApp {
  file: string;
  mod: PyModule;
  /** The app object's name and the statement creating it. */
  app: { name: string; stmt: Span } | null;
  /** The application factory it is made in (`def create_app() -> FastAPI:`), if not at module level. */
  factory: { name: string; line: number } | null;
  /** The statements read: the module's, then the factory's body. */
  body: Node[];
  /** Outermost first: the order a request meets them. */
  stack: Mw[];
  /** Registrations in source order (the patcher moves the CORS one after the last). */
  registrations: Mw[];
  /**
   * Other apps of the module mounted into the served one (`app.mount("/api/v1", api_app)`), each
   * with the middleware registered on it: they answer under their prefix, not the served app's routes.
   */
  mounted: Array<{ name: string; prefix: string; line: number; middleware: Mw[] }>;
}

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex, line: n.startPosition.row + 1 });
const kids = (n: Node): Node[] =>
  n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

/** A `try:` around `call_next` with an `except` for every exception (bare, Exception or BaseException). */
const CATCHES = /\btry\s*:[\s\S]*\bcall_next\b[\s\S]*\bexcept\s*(?:(?:Exception|BaseException)\b[^:\n]*)?:/;

const PASSIVE = /^(GZipMiddleware|SessionMiddleware|ProxyHeadersMiddleware)$/;

function kindOf(name: string): MwKind {
  const last = name.split(".").at(-1) ?? name;
  if (last === "CORSMiddleware") return "cors";
  if (last === "TrustedHostMiddleware") return "hosts";
  if (last === "HTTPSRedirectMiddleware") return "https";
  if (PASSIVE.test(last)) return "passive";
  return "unknown";
}

export function readApp(file: ConfigFile): StarletteApp {
  const mod = readModule(file.text);
  const out: StarletteApp = {
    file: file.path,
    mod,
    app: null,
    factory: null,
    body: [],
    stack: [],
    registrations: [],
    mounted: [],
  };
  if (mod.error) return out;
  const { stmts, factory } = appStatements(mod, /(^|\.)(FastAPI|Starlette)$/);
  out.factory = factory;
  out.body = stmts;
  const scope = new Map([...mod.names].map(([k, a]) => [k, a.value]));
  const middlewareOf = (
    all: Node[],
    callee: string,
    args: Node[],
    stmt: Span,
    line: number,
    added: boolean,
    close: Span | null,
  ): Mw => {
    const kwargs = new Map<string, Kwarg>();
    for (const a of args)
      if (a.type === "keyword_argument") {
        const name = a.childForFieldName("name")?.text ?? "";
        const v = a.childForFieldName("value");
        if (v) kwargs.set(name, { value: evaluate(v, scope, mod.imports), arg: span(a), at: span(v) });
      }
    return {
      kind: kindOf(callee),
      name: callee,
      line,
      stmt,
      answers: false,
      catches: false,
      kwargs,
      close,
      added,
      args: all.map(span),
    };
  };
  const constructed: Mw[] = [];
  const added: Mw[] = [];
  // The apps the module makes, and which is mounted in which: the served app is the one mounted in
  // no other (uvicorn serves `main:app`; a sub-app answers only under its mount path:
  // https://fastapi.tiangolo.com/advanced/sub-applications/). Its own middleware is not the served app's.
  const made = new Map<string, Node>();
  const mounts = new Map<string, { prefix: string; line: number }>();
  for (const s of stmts) {
    const e = s.type === "expression_statement" ? kids(s)[0] : undefined;
    const right = e?.type === "assignment" ? e.childForFieldName("right") : null;
    const callee = right?.type === "call" ? right.childForFieldName("function")?.text : null;
    const left = e?.type === "assignment" ? e.childForFieldName("left") : null;
    if (left?.type === "identifier" && callee && /(^|\.)(FastAPI|Starlette)$/.test(callee))
      made.set(left.text, s);
    const fn = e?.type === "call" ? e.childForFieldName("function") : null;
    if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "mount" && e) {
      const args = kids(e.childForFieldName("arguments") as Node);
      const sub = args[1]?.type === "identifier" ? args[1].text : null;
      const path = args[0]?.type === "string" ? evaluate(args[0], scope, mod.imports) : null;
      if (sub && path?.t === "str") mounts.set(sub, { prefix: path.v, line: s.startPosition.row + 1 });
    }
  }
  const roots = [...made.keys()].filter((n) => !mounts.has(n));
  /** Registered on another app of the module than the served one (its middleware, not this app's). */
  const servedName = made.size > 1 && roots.length === 1 ? (roots[0] as string) : null;
  const subOf = (object: string | undefined): string | null =>
    servedName !== null &&
    object !== undefined &&
    object !== servedName &&
    made.has(object) &&
    mounts.has(object)
      ? object
      : null;
  const subMiddleware = new Map<string, Mw[]>();
  for (const s of stmts) {
    if (factory) bindLocal(s, scope, mod.imports);
    if (s.type === "expression_statement") {
      const e = kids(s)[0];
      if (e?.type === "assignment") {
        const right = e.childForFieldName("right");
        const left = e.childForFieldName("left");
        const fn = right?.type === "call" ? right.childForFieldName("function")?.text : null;
        if (left && fn && /(^|\.)(FastAPI|Starlette)$/.test(fn)) {
          if (subOf(left.text) !== null) continue;
          out.app = { name: left.text, stmt: span(s) };
          const list = right
            ? kids(right.childForFieldName("arguments") as Node).find(
                (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "middleware",
              )
            : undefined;
          let value = list?.childForFieldName("value");
          // middleware=middleware: the module-level list literal of that name, written above.
          if (value?.type === "identifier") {
            const name = value.text;
            value = kids(mod.tree.rootNode)
              .filter((x) => x.type === "expression_statement" && x.startIndex < s.startIndex)
              .map((x) => kids(x)[0])
              .filter((a) => a?.type === "assignment" && a.childForFieldName("left")?.text === name)
              .at(-1)
              ?.childForFieldName("right");
          }
          if (value?.type === "list")
            for (const m of kids(value)) {
              const args = m.type === "call" ? kids(m.childForFieldName("arguments") as Node) : [];
              const cls = args[0];
              if (!cls || cls.type === "keyword_argument") continue;
              const argList = m.childForFieldName("arguments") as Node;
              const close = argList.child(argList.childCount - 1);
              constructed.push(
                middlewareOf(
                  args,
                  cls.text,
                  args.slice(1),
                  span(m),
                  m.startPosition.row + 1,
                  false,
                  close ? span(close) : null,
                ),
              );
            }
        }
        continue;
      }
      if (e?.type === "call") {
        const fn = e.childForFieldName("function");
        const argList = e.childForFieldName("arguments");
        if (
          fn?.type === "attribute" &&
          fn.childForFieldName("attribute")?.text === "add_middleware" &&
          argList
        ) {
          const args = kids(argList);
          const cls = args[0];
          if (!cls || cls.type === "keyword_argument") continue;
          const close = argList.child(argList.childCount - 1);
          const sub = subOf(fn.childForFieldName("object")?.text);
          const list = sub === null ? added : (subMiddleware.get(sub) ?? []);
          if (sub !== null) subMiddleware.set(sub, list);
          list.push(
            middlewareOf(
              args,
              cls.text,
              args.slice(1),
              span(s),
              s.startPosition.row + 1,
              true,
              close ? span(close) : null,
            ),
          );
        }
      }
      continue;
    }
    if (s.type === "decorated_definition") {
      const decorators = s.namedChildren.filter((c): c is Node => c?.type === "decorator");
      const owner = decorators
        .map((d) => /^@\s*(\w+)\.middleware\(\s*["']http["']\s*\)$/.exec(d.text)?.[1])
        .find((x) => x !== undefined);
      if (owner !== undefined && subOf(owner) !== null) continue;
      if (owner !== undefined) {
        const def = s.childForFieldName("definition");
        const body = def?.childForFieldName("body")?.text ?? "";
        const name = def?.childForFieldName("name")?.text ?? "middleware";
        added.push({
          kind: "unknown",
          name,
          line: s.startPosition.row + 1,
          stmt: span(s),
          // A response of its own (401, a redirect) returned before call_next's: it may answer first.
          answers: /\b\w*Response\s*\(|raise\s+HTTPException/.test(body),
          // It answers what it catches: a response of its own, or what it returns there (an
          // exception handler's answer).
          catches:
            CATCHES.test(body) &&
            (/\b\w*Response\s*\(/.test(body) ||
              /\bexcept\b[^\n]*:(?![\s\S]*\braise\b)[\s\S]*\breturn[ \t]+\S/.test(body)),
          kwargs: new Map(),
          close: null,
          args: [],
          added: true,
        });
      }
    }
  }
  out.registrations = [...added];
  out.stack = [...added.reverse(), ...constructed];
  for (const [name, { prefix, line }] of mounts)
    if (subOf(name) !== null)
      out.mounted.push({ name, prefix, line, middleware: subMiddleware.get(name) ?? [] });
  return out;
}

/** CORSMiddleware's settings as Starlette 0.26 reads them (its defaults where not given). */
export interface CorsSettings {
  origins: string[];
  regex: string | null;
  methods: string[];
  headers: string[];
  credentials: boolean;
  expose: string[];
  maxAge: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; name: string; line: number; text: string };

export function corsSettings(m: Mw): Read<CorsSettings> {
  const bad = (name: string, k: Kwarg): Read<CorsSettings> => ({
    ok: false,
    name,
    line: k.at.line,
    text: k.value.t === "unknown" ? k.value.text.slice(0, 80) : "",
  });
  const list = (name: string, dflt: string[]): string[] | Read<CorsSettings> => {
    const k = m.kwargs.get(name);
    if (!k) return dflt;
    if (k.value.t !== "seq" || k.value.items.some((i) => i.t !== "str")) return bad(name, k);
    return k.value.items.map((i) => (i as { v: string }).v);
  };
  const origins = list("allow_origins", []);
  if (!Array.isArray(origins)) return origins;
  const methods = list("allow_methods", ["GET"]);
  if (!Array.isArray(methods)) return methods;
  const headers = list("allow_headers", []);
  if (!Array.isArray(headers)) return headers;
  const expose = list("expose_headers", []);
  if (!Array.isArray(expose)) return expose;
  const r = m.kwargs.get("allow_origin_regex");
  if (r && r.value.t !== "str" && r.value.t !== "none") return bad("allow_origin_regex", r);
  const c = m.kwargs.get("allow_credentials");
  if (c && c.value.t !== "bool") return bad("allow_credentials", c);
  const a = m.kwargs.get("max_age");
  if (a && a.value.t !== "int") return bad("max_age", a);
  return {
    ok: true,
    value: {
      origins,
      regex: r?.value.t === "str" ? r.value.v : null,
      methods,
      headers,
      credentials: c?.value.t === "bool" ? c.value.v : false,
      expose,
      maxAge: a?.value.t === "int" ? a.value.v : 600,
    },
  };
}
