/**
 * The Express patcher: the smallest edits of the app's text that make a failing request pass while
 * keeping what it allowed. The `cors` registration moves ahead of the auth, static files or routes
 * that answered first (Express runs middleware in registration order:
 * https://expressjs.com/en/guide/using-middleware.html); a per-route `cors()` gets its
 * `app.options(path, cors(…))` for the preflight (https://github.com/expressjs/cors#enabling-cors-pre-flight);
 * the options grow: an origin string becomes a list, a list or the allowlist a callback reads gets
 * the origin, `*` stays for every other origin through a callback; `methods`/`allowedHeaders` lists
 * get the names; `credentials: true`. Hand-set header strings get the names appended.
 */
import type * as t from "@babel/types";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { meantHeader } from "../header-names";
import { escapeRegex } from "../origin-regex";
import type { Words } from "../types";
import { exposedNames, faultOf, type Judged, type RequestSpec, Unknown, unsafeNames } from "../whatif";
import {
  ANY_PATH,
  bare,
  type CorsUse,
  chainRoot,
  childNodes,
  discardedCors,
  dotted,
  ETAG_RETAINED,
  type ExpressApp,
  FASTIFY_METHODS,
  Fn,
  fastifyReaches,
  HONO_METHODS,
  isName,
  KOA_METHODS,
  KOA2_METHODS,
  koaMount,
  type Layer,
  propName,
  type Reader,
  run,
  TOKEN,
  type Trace,
  type Val,
  withoutScheme,
} from "./model";
import { routeHeaderNames } from "./written-headers";

/** Keys of the "unknown" answers a patch settles by letting cors() answer the preflight. */
export const PREFLIGHT_UNKNOWN = new Set(["config.express.unknown.options-handler"]);

const DEFAULT_METHODS = ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"];
const lower = (s: string) => s.toLowerCase();

class Patcher extends EditList {
  /** The quote character the file's strings use most. */
  readonly q: string;
  constructor(readonly app: ExpressApp) {
    super(new Map([[app.file, app.text]]));
    const single = (app.text.match(/'/g) ?? []).length;
    const double = (app.text.match(/"/g) ?? []).length;
    this.q = single > double ? "'" : '"';
  }

  str(s: string): string {
    const q = this.q;
    return `${q}${s.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`)}${q}`;
  }

  src(n: t.Node): string {
    return this.app.text.slice(n.start ?? 0, n.end ?? 0);
  }

  line(n: t.Node): number {
    return this.app.lineOf(n.start ?? 0);
  }

  /**
   * The options object written into a bare `cors()`, by the call's offset; the properties written into
   * an empty options object `{}`, by -(its offset) - 1.
   */
  private readonly written = new Map<number, Edit>();

  insert(key: string, at: number, text: string, why: Words): void {
    this.push(key, { file: this.app.file, start: at, end: at, text, why });
  }

  /** The bytes [start, end) removed. */
  cut(key: string, start: number, end: number, why: Words): void {
    this.push(key, { file: this.app.file, start, end, text: "", why });
  }

  /** The bytes [start, end) replaced by text. */
  rewrite(key: string, start: number, end: number, text: string, why: Words): void {
    this.push(key, { file: this.app.file, start, end, text, why });
  }

  replace(key: string, n: t.Node, text: string, why: Words): void {
    this.push(key, { file: this.app.file, start: n.start ?? 0, end: n.end ?? 0, text, why });
  }

  /** Items appended to an array literal, in its layout (one per line when it is written so). */
  appendArray(arr: t.ArrayExpression, items: string[], why: Words): void {
    const last = arr.elements.at(-1);
    if (!last) {
      this.insert(`arr:${arr.start}`, (arr.start ?? 0) + 1, items.join(", "), why);
      return;
    }
    const multi = this.app.text.slice(arr.start ?? 0, arr.end ?? 0).includes("\n");
    const indent = indentAt(this.app.text, last.start ?? 0);
    const text = multi ? items.map((i) => `,\n${indent}${i}`).join("") : items.map((i) => `, ${i}`).join("");
    this.insert(`arr:${arr.start}`, last.end ?? 0, text, why);
  }

  /** A property added to an options object (or the object written into `cors()`). */
  addProp(use: CorsUse, obj: t.ObjectExpression | null, key: string, value: string, why: Words): void {
    if (!obj) {
      const at = (use.call.end ?? 1) - 1;
      // A second option for the same bare `cors()` goes into the object the first one wrote (two
      // objects side by side would not parse); its reason stays an edit of its own, empty.
      const written = this.written.get(use.call.start ?? 0);
      if (written) {
        if (!new RegExp(`[{,] ${key}: `).test(written.text))
          written.text = `${written.text.slice(0, -2)}, ${key}: ${value} }`;
        this.insert(`obj:${use.call.start}:${key}`, at, "", why);
        return;
      }
      // Fastify: `register(cors)` takes the options as its second argument.
      const text = this.app.dialect === "fastify" ? `, { ${key}: ${value} }` : `{ ${key}: ${value} }`;
      const edit: Edit = { file: this.app.file, start: at, end: at, text, why };
      this.written.set(use.call.start ?? 0, edit);
      this.push(`obj:${use.call.start}:${key}`, edit);
      return;
    }
    const last = obj.properties.at(-1);
    if (!last) {
      // An empty `{}` (\`register(fastifyCors, {})\`): a second option goes into the text the first one
      // wrote, after a comma (two insertions at the same offset would read `{ a: 1  b: 2 }`).
      const written = this.written.get(-(obj.start ?? 0) - 1);
      if (written) {
        if (!new RegExp(`[{,] ${key}: `).test(` {${written.text}`))
          written.text = `${written.text.slice(0, -1)}, ${key}: ${value} `;
        this.insert(`obj:${obj.start}:${key}`, (obj.start ?? 0) + 1, "", why);
        return;
      }
      const edit: Edit = {
        file: this.app.file,
        start: (obj.start ?? 0) + 1,
        end: (obj.start ?? 0) + 1,
        text: ` ${key}: ${value} `,
        why,
      };
      this.written.set(-(obj.start ?? 0) - 1, edit);
      this.push(`obj:${obj.start}:${key}`, edit);
      return;
    }
    const text = this.app.text;
    const multi = text.slice(obj.start ?? 0, obj.end ?? 0).includes("\n");
    // After a trailing comma when there is one: the new line keeps the file's style.
    const after = /^\s*,/.exec(text.slice(last.end ?? 0));
    if (multi) {
      const indent = indentAt(text, last.start ?? 0);
      if (after)
        this.insert(
          `obj:${obj.start}:${key}`,
          (last.end ?? 0) + after[0].length,
          `\n${indent}${key}: ${value},`,
          why,
        );
      else this.insert(`obj:${obj.start}:${key}`, last.end ?? 0, `,\n${indent}${key}: ${value}`, why);
    } else this.insert(`obj:${obj.start}:${key}`, last.end ?? 0, `, ${key}: ${value}`, why);
  }

  /** The expression an option's value is written as, following a same-file `const`. */
  valueNode(use: CorsUse, key: string): t.Node | null {
    if ("key" in use.options) return null;
    const p = use.options.props.get(key);
    if (p?.type !== "ObjectProperty") return p ?? null;
    return this.follow(p.value);
  }

  follow(n: t.Node): t.Node {
    let b = bare(n);
    for (let i = 0; i < 5 && b.type === "Identifier"; i++) {
      const c = this.app.consts.get(b.name);
      if (!c) break;
      b = bare(c.init);
    }
    return b;
  }

  /** Moves a top-level statement (with the comments above it) before another one. */
  move(stmt: t.Statement, before: t.Statement, why: Words): void {
    const text = this.app.text;
    const leading = stmt.leadingComments?.filter((c) => (c.end ?? 0) <= (stmt.start ?? 0)) ?? [];
    const first = leading[0]?.start ?? stmt.start ?? 0;
    const from = lineStart(text, first);
    const to = afterLine(text, stmt.end ?? 0);
    const target = lineStart(text, before.start ?? 0);
    const targetLead = before.leadingComments?.[0];
    const at =
      targetLead && (targetLead.start ?? 0) < (before.start ?? 0)
        ? lineStart(text, targetLead.start ?? 0)
        : target;
    let moved = text.slice(from, to);
    if (!moved.endsWith("\n")) moved += "\n";
    this.push(`move-out:${stmt.start}`, { file: this.app.file, start: from, end: to, text: "", why });
    this.push(`move-in:${stmt.start}`, { file: this.app.file, start: at, end: at, text: moved, why });
  }
}

/**
 * The allowlist an origin callback reads when it is `const list = JSON.parse(…)` whose default here
 * is a JSON array and which the file only ever asks `list.indexOf(x)` / `list.includes(x)`: a list
 * spread into a longer one answers those the same for every entry it had (an array is what the
 * written default and those calls mean). Null for anything else.
 */
function parsedList(p: Patcher, fn: t.Node): t.CallExpression | null {
  const reader = (p.app as ExpressApp & { reader: Reader }).reader;
  for (const name of namesIn(fn)) {
    const c = p.app.consts.get(name);
    const init = c ? bare(c.init) : null;
    if (init?.type !== "CallExpression" || dotted(init.callee) !== "JSON.parse") continue;
    let v: unknown;
    try {
      v = reader.value(init);
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      continue;
    }
    if (!Array.isArray(v)) continue;
    const uses = [...p.app.text.matchAll(new RegExp(`(?<![\\w$.])${name}(?![\\w$])(.{0,10})`, "g"))];
    // The declaration, then only `.indexOf(` / `.includes(` calls.
    if (uses.slice(1).every((m) => /^\s*\.\s*(indexOf|includes)\s*\(/.test(m[1] ?? ""))) return init;
  }
  return null;
}

/** A middleware on `path` (app-level or a router's) whose block has a discarded `cors({...});`. */
/** `next();`, `await next();`, `return next();` or `return await next();`, for the name given. */
function callsOnly(st: t.Statement, name: string): boolean {
  let e: t.Node | null | undefined =
    st.type === "ExpressionStatement" ? st.expression : st.type === "ReturnStatement" ? st.argument : null;
  if (e?.type === "AwaitExpression") e = e.argument;
  return (
    e?.type === "CallExpression" &&
    e.callee.type === "Identifier" &&
    e.callee.name === name &&
    e.arguments.length === 0
  );
}

interface DeadCors {
  call: t.CallExpression;
  fn: t.Function;
  /** The statement holding the call, and the `next()` statement right after it, if any. */
  stmt: t.Statement;
  passes: t.Statement | null;
}

function deadCors(app: ExpressApp, path: string): DeadCors | null {
  const reader = (app as ExpressApp & { reader: Reader }).reader;
  const visit = (stack: ExpressApp["app"], at: string, depth: number): ReturnType<typeof deadCors> => {
    for (const l of stack?.layers ?? []) {
      const m = l.path.test(at, l.prefix || l.methods === null);
      if (!m.matched) continue;
      for (const h of l.handlers) {
        if (h.kind === "router" && depth < 4) {
          const got = visit(h.router, l.prefix ? m.rest : at, depth + 1);
          if (got) return got;
        }
        if (h.kind !== "fn" || h.node.body.type !== "BlockStatement") continue;
        if (!h.node.params.every((x) => x.type === "Identifier")) continue;
        const body = h.node.body.body;
        for (const [i, st] of body.entries()) {
          const call = discardedCors(reader, st);
          if (!call) continue;
          // The statement right after that passes the request on (`await next();`, `next();`,
          // `return next();`): the run cors middleware takes its place, as it calls next itself
          // (calling both would run next twice: Hono throws, Express runs the route twice).
          const nextName =
            h.node.params.at(-1)?.type === "Identifier" ? (h.node.params.at(-1) as t.Identifier).name : "";
          const after = body[i + 1];
          const passes = after && nextName && callsOnly(after, nextName) ? after : null;
          // Anything else after it would no longer run once the wrapper returns: not patched.
          if (!passes && i < body.length - 1) return null;
          return { call, fn: h.node, stmt: st, passes };
        }
      }
    }
    return null;
  };
  return visit(app.app, path, 0);
}

/** Identifiers a node refers to. */
function namesIn(n: t.Node, out = new Set<string>()): Set<string> {
  if (!n || typeof n !== "object") return out;
  if (n.type === "Identifier") out.add(n.name);
  for (const [k, v] of Object.entries(n)) {
    if (k === "loc" || k === "leadingComments" || k === "trailingComments" || k === "innerComments") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "type" in x) namesIn(x as t.Node, out);
    } else if (v && typeof v === "object" && "type" in v) namesIn(v as t.Node, out);
  }
  return out;
}

interface OriginWant {
  use: CorsUse;
  origins: Set<string>;
  id: string;
}

/** One round of edits for the failing requests (each request's first failing check). */
export function patchExpress(
  app: ExpressApp,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: ReturnType<Patcher["edits"]["slice"]>; cannot: Map<string, Words> } {
  const p = new Patcher(app);
  const moves: Array<{ use: { use: CorsUse; layer: Layer }; before: t.Statement; id: string; line: number }> =
    [];
  const origins = new Map<CorsUse, OriginWant>();
  const lists = new Map<string, { use: CorsUse; key: "methods" | "allowedHeaders"; names: string[] }>();
  const creds = new Set<CorsUse>();
  /** The origins whose calls need credentials, per cors use (a credentials function's list grows by them). */
  const credOrigins = new Map<CorsUse, { origins: Set<string>; id: string }>();
  const optionsRoutes = new Map<Layer, { use: CorsUse; stack: ExpressApp["corsUses"][number]["stack"] }>();
  const siblings = new Map<string, { use: ExpressApp["corsUses"][number]; statement: t.Statement }>();
  const fresh: Array<{ origin: string; credentials: boolean }> = [];
  const builders = new Set<string>();
  const splits = new Map<CorsUse, string>();
  const hoists = new Set<ExpressApp["corsUses"][number]>();
  const lifts = new Map<CorsUse, { use: ExpressApp["corsUses"][number]; mount: t.Statement }>();
  let appWide: { use: ExpressApp["corsUses"][number]; before: t.Statement; chained?: boolean } | null = null;
  const hooks = new Set<CorsUse>();
  const revive = new Map<t.CallExpression, DeadCors>();
  const handLists = new Map<t.Node, { names: string[]; header: string }>();
  const factoryLists = new Map<t.ArrayExpression, { names: string[]; header: string }>();
  const handAdds = new Map<
    string,
    { acao: NonNullable<ReturnType<typeof handSetter>>; header: string; names: string[] }
  >();
  const handOrigins = new Map<
    string,
    { fns: t.Function[]; origins: Set<string>; credentials: boolean; id: string }
  >();
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    let trace: Trace;
    let preflight = false;
    let status = 0;
    let code: string;
    if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
      preflight = true;
      code = "preflight-status-not-ok";
      try {
        trace = run(app, {
          method: "OPTIONS",
          url: spec.url,
          headers: [
            ["Origin", spec.origin],
            ["Access-Control-Request-Method", spec.method],
          ],
          upstream: { status: 404, headers: [] },
        });
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
        p.cannot.set(spec.id, e.why);
        continue;
      }
    } else {
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      if (!("hop" in fault)) {
        p.cannot.set(spec.id, fault);
        continue;
      }
      code = fault.cause.code;
      preflight = fault.cause.stage === "preflight";
      status = fault.hop.status ?? 0;
      try {
        trace = run(app, fault.request);
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
        p.cannot.set(spec.id, e.why);
        continue;
      }
    }
    const path = new URL(spec.url).pathname;
    const ran = trace.corsRan.at(-1);
    // Allow-Origin set to "" after what set it (an onSend hook): that statement goes, when it is a
    // line of its own.
    const blank = trace.blanked;
    if (blank && ["missing-allow-origin", "invalid-allow-origin", "allow-origin-mismatch"].includes(code)) {
      const text = app.text;
      const from = lineStart(text, blank.start ?? 0);
      const to = afterLine(text, blank.end ?? 0);
      if (
        /^\s*[\w$.]+\s*\.\s*header\([^\n]*\);?\s*$/.test(text.slice(from, to)) ||
        /^\s*[\w$.]+\.(setHeader|header|set)\([^\n]*\);?\s*\n?$/.test(text.slice(from, to))
      ) {
        p.replace(`blank:${from}`, { start: from, end: to } as t.Node, "", {
          key: "config.express.fix.blank-origin",
          params: { line: p.line(blank) },
        });
        continue;
      }
    }
    // A header name Node refuses ("Access-Control-Allow-Origin:", a space in it): the 500 it
    // causes goes, with the name written as the header's own.
    const bad = trace.badHeader;
    if (bad?.type === "StringLiteral") {
      const name = bad.value.trim().replace(/:$/, "").trim();
      if (TOKEN.test(name)) {
        p.replace(`bad-header:${bad.start}`, bad, p.str(name), {
          key: "config.express.fix.header-name",
          params: { name: bad.value, fixed: name, line: p.line(bad) },
        });
        continue;
      }
    }
    // The route wrote its answer past the reply's headers (reply.raw.writeHead): cors() ran, and
    // its headers were never sent.
    if (trace.rawWrite && code === "missing-allow-origin") {
      rawHeaders(p, trace.rawWrite, spec.id);
      continue;
    }
    // The route handed the raw response to a function that answered on it (rawHandOff).
    if (trace.rawHandOff && code === "missing-allow-origin") {
      rawHandOffHeaders(p, trace.rawHandOff.call, trace.rawHandOff.reply, spec.id);
      continue;
    }
    // Hono: the CORS headers etag()'s own 304 dropped (etag304): retained from now on.
    if (trace.etag304 && code === "missing-allow-origin" && !preflight) {
      etagRetain(p, trace.etag304.call, trace.etag304.dropped, spec.id);
      continue;
    }
    // Hono: the c.header() CORS headers a handler's own new Response dropped (honoOwnResponse).
    if (trace.honoLost?.length && !preflight) {
      honoResHeaders(p, trace.honoLost, spec.id);
      continue;
    }
    // An origin option that is no origin (`'eggjs.org'`, no scheme): sent as it is, it allows no
    // page; the page's origins join it as for a mismatch (a list written as one string is split below).
    const written = ran && !("key" in ran.use.options) ? ran.use.options.values.get("origin") : undefined;
    const noOrigin = typeof written === "string" && withoutScheme(written);
    const originRefused =
      ran &&
      (code === "missing-allow-origin" ||
        code === "allow-origin-mismatch" ||
        code === "wildcard-origin-with-credentials" ||
        (code === "invalid-allow-origin" && noOrigin) ||
        (code === "preflight-status-not-ok" && trace.answeredBy?.handler === ran.use));
    // @koa/cors sends a list as it is given (one Allow-Origin with every origin, which no browser
    // takes, https://github.com/koajs/cors/blob/master/index.js): the list is the allowlist meant.
    const koaList =
      ran &&
      app.dialect === "koa" &&
      code === "multiple-allow-origin" &&
      p.valueNode(ran.use, "origin")?.type === "ArrayExpression";
    // cors sends a string origin as it is (https://github.com/expressjs/cors/blob/master/lib/index.js,
    // configureOrigin): a comma-separated list goes out as one Allow-Origin, which no browser takes.
    if (
      ran &&
      (code === "multiple-allow-origin" || code === "invalid-allow-origin") &&
      !("key" in ran.use.options) &&
      typeof ran.use.options.values.get("origin") === "string" &&
      (String(ran.use.options.values.get("origin")).includes(",") ||
        jsonList(String(ran.use.options.values.get("origin"))) !== null)
    ) {
      splits.set(ran.use, spec.id);
      continue;
    }
    // @koa/cors' default origin `*` turns into the request's origin when its credentials function
    // says true: the origin is refused for the credentials, which the function's list decides.
    const koaCredFn =
      ran &&
      app.dialect === "koa" &&
      code === "wildcard-origin-with-credentials" &&
      !("key" in ran.use.options) &&
      ran.use.options.values.get("credentials") instanceof Fn &&
      [undefined, "*"].includes(ran.use.options.values.get("origin") as string | undefined);
    if (koaCredFn && ran) {
      creds.add(ran.use);
      const c = credOrigins.get(ran.use) ?? { origins: new Set<string>(), id: spec.id };
      c.origins.add(spec.origin);
      credOrigins.set(ran.use, c);
      continue;
    }
    if ((originRefused || koaList) && ran) {
      const w = origins.get(ran.use) ?? { use: ran.use, origins: new Set<string>(), id: spec.id };
      w.origins.add(spec.origin);
      origins.set(ran.use, w);
      if (spec.credentials === "include") creds.add(ran.use);
      continue;
    }
    if (ran && code === "allow-credentials-not-true") {
      creds.add(ran.use);
      const c = credOrigins.get(ran.use) ?? { origins: new Set<string>(), id: spec.id };
      c.origins.add(spec.origin);
      credOrigins.set(ran.use, c);
      continue;
    }
    if (ran && (code === "method-not-allowed" || code === "header-not-allowed")) {
      const key = code === "method-not-allowed" ? "methods" : "allowedHeaders";
      const names =
        key === "methods"
          ? [spec.method]
          : unsafeNames(spec).map((n) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n);
      const k = `${key}:${ran.use.call.start}`;
      const w = lists.get(k) ?? { use: ran.use, key, names: [] };
      for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
      lists.set(k, w);
      continue;
    }
    if (
      !ran &&
      trace.handSet.length > 0 &&
      (code === "method-not-allowed" || code === "header-not-allowed")
    ) {
      const header =
        code === "method-not-allowed" ? "access-control-allow-methods" : "access-control-allow-headers";
      const names =
        code === "method-not-allowed"
          ? [spec.method]
          : unsafeNames(spec).map((n) => spec.headers.find(([k]) => lower(k) === n)?.[0] ?? n);
      const lit = handLiteral(
        trace.handSet.map((h) => h.node),
        header,
      );
      const fns = trace.handSet.map((h) => h.node);
      // The middleware sets Allow-Origin but not this header at all (acode.app's, Allow-Headers
      // only): a line that sets it, after the Allow-Origin one, naming what the page sends. Before,
      // the preflight allowed only the CORS-safelisted methods and headers, which it still allows
      // (https://fetch.spec.whatwg.org/#cors-preflight-fetch).
      const acao = !lit && !handSetter(fns, header) ? handSetter(fns, "access-control-allow-origin") : null;
      if (acao) {
        const k = `${header}:${acao.call.start}`;
        const w = handAdds.get(k) ?? { acao, header, names: [] };
        for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
        handAdds.set(k, w);
        continue;
      }
      // A middleware a factory of the file made (`app.use(responseCors())`) that sends a list the
      // factory joined (`res.set("Access-Control-Allow-Headers", headers)`): that list's literal.
      const listed = lit
        ? null
        : factoryListOf((p.app as ExpressApp & { reader: Reader }).reader, trace.handSet, header);
      if (listed) {
        const w = factoryLists.get(listed) ?? { names: [], header };
        for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
        factoryLists.set(listed, w);
        continue;
      }
      if (!lit) {
        p.cannot.set(spec.id, { key: "config.express.cannot.hand-set", params: { name: header } });
        continue;
      }
      const w = handLists.get(lit) ?? { names: [], header };
      for (const n of names) if (!w.names.some((m) => lower(m) === lower(n))) w.names.push(n);
      handLists.set(lit, w);
      continue;
    }
    // @fastify/cors with `preflight: false` adds its headers to an OPTIONS and passes it on to its
    // own `OPTIONS *` route, which answers 404 (callNotFound) since no preflight was enabled
    // (https://github.com/fastify/fastify-cors/blob/main/index.js): `preflight: true` lets it answer.
    const noPreflight = ran && app.dialect === "fastify" && p.valueNode(ran.use, "preflight");
    if (
      ran &&
      noPreflight &&
      preflight &&
      code === "preflight-status-not-ok" &&
      !("key" in ran.use.options) &&
      ran.use.options.values.get("preflight") === false
    ) {
      p.replace(`preflight:${noPreflight.start}`, noPreflight, "true", {
        key: "config.fastify.fix.preflight",
        params: { line: p.line(noPreflight) },
      });
      continue;
    }
    // hono/cors sends the origin function's value as it is (hono/src/middleware/cors): a test
    // (`allowed.has(origin)`) sends "true". The function returns the origin when the test passes.
    const boolFn =
      ran && app.dialect === "hono" && code === "invalid-allow-origin" && !("key" in ran.use.options)
        ? ran.use.options.values.get("origin")
        : undefined;
    if (
      boolFn instanceof Fn &&
      boolFn.fn.type === "ArrowFunctionExpression" &&
      boolFn.fn.body.type !== "BlockStatement" &&
      boolFn.fn.params[0]?.type === "Identifier"
    ) {
      const body = boolFn.fn.body;
      const param = boolFn.fn.params[0].name;
      const src = p.src(body);
      const test =
        body.type === "ConditionalExpression" || body.type === "LogicalExpression" ? `(${src})` : src;
      p.replace(`origin-bool:${body.start}`, body, `${test} ? ${param} : null`, {
        key: "config.express.fix.origin-boolean",
        params: { line: p.line(boolFn.fn) },
      });
      continue;
    }
    if (ran) {
      p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
      continue;
    }
    // Koa: a later middleware throws on the preflight (a `ctx.throw(404)` catch-all after
    // allowedMethods(), which awaits the rest of the chain before answering OPTIONS:
    // https://github.com/koajs/router/blob/master/lib/router.js, allowedMethods), and ctx.onerror
    // drops the headers the hand-written middleware set: it answers the preflight itself.
    if (
      trace.unwound &&
      !trace.thrown &&
      preflight &&
      trace.handSet.length > 0 &&
      code === "missing-allow-origin"
    ) {
      handPreflight(
        p,
        trace.handSet.map((h) => h.node),
        spec.id,
      );
      continue;
    }
    // A route, or a middleware after the hand-written one (`ctx.throw(401)` in a session check),
    // throws: the CORS headers ride in err.headers.
    if ((trace.thrown || trace.unwound) && trace.handSet.length > 0 && code === "missing-allow-origin") {
      koaKeepOnError(
        p,
        trace.handSet.map((h) => h.node),
        spec.id,
      );
      continue;
    }
    if (trace.handSet.length > 0) {
      const fns = trace.handSet.map((h) => h.node);
      if (code === "allow-credentials-not-true") handCredentials(p, fns, spec.id);
      else if (code === "preflight-status-not-ok" && preflight && !answersOptions(app, guardRefused(trace)))
        handPreflight(p, fns, spec.id);
      else if (
        [
          "missing-allow-origin",
          "allow-origin-mismatch",
          "wildcard-origin-with-credentials",
          "invalid-allow-origin",
        ].includes(code)
      ) {
        const key = fns.map((f) => f.start).join(",");
        const w = handOrigins.get(key) ?? {
          fns,
          origins: new Set<string>(),
          credentials: false,
          id: spec.id,
        };
        w.origins.add(spec.origin);
        if (spec.credentials === "include") w.credentials = true;
        handOrigins.set(key, w);
      } else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
      continue;
    }
    // Fastify: @fastify/cors on a later hook (`hook: "preHandler"`) than the hook that answered
    // runs after it whatever the order written: back onto onRequest, its default
    // (https://github.com/fastify/fastify-cors/blob/main/index.js), before any move.
    const top = trace.top;
    const late =
      app.dialect === "fastify" && top?.phase !== undefined
        ? app.corsUses.find(
            (c) =>
              c.stack === app.app &&
              (c.layer.phase ?? 0) > (top.phase ?? 0) &&
              p.valueNode(c.use, "hook")?.type === "StringLiteral",
          )
        : undefined;
    if (late) {
      hooks.add(late.use);
      continue;
    }
    // A middleware that builds a cors middleware and throws it away (`cors({...});`): it returns
    // it run on its own arguments instead, the options as written.
    const dead = deadCors(app, path);
    if (dead) {
      revive.set(dead.call, dead);
      continue;
    }
    // No cors() ran for this request: one registered later in the app moves ahead of what answered.
    const method = preflight ? "OPTIONS" : spec.method;
    const later = app.corsUses.find(
      (c) =>
        c.stack === app.app &&
        c.layer.methods === null &&
        c.layer.path.test(path, true).matched &&
        trace.top !== null &&
        (c.layer.statement.start ?? 0) > (trace.top.statement.start ?? 0),
    );
    if (later && trace.top) {
      // Before the app's first registration, as the cors README puts it: a body parser or a logger
      // ahead of it may answer too (a 400 on a body it cannot parse goes out without CORS headers).
      // Fastify: before its first hook (its layers are sorted by phase, so the earliest one written).
      const first =
        app.dialect === "fastify"
          ? ((app.app?.layers ?? [])
              .filter((l) => l.methods === null)
              .map((l) => l.statement)
              .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))[0] ?? trace.top.statement)
          : (app.app?.layers[0]?.statement ?? trace.top.statement);
      moves.push({ use: later, before: first, id: spec.id, line: trace.top.line });
      continue;
    }
    // The cors() link of the very chain that answered first (`app.use(router.routes()).use(cors(…))`):
    // the chain cannot be cut, so the same cors(…) is registered on its own just before it (the link
    // left in place runs again, with the same options, for what reaches it).
    const chained = app.corsUses.find(
      (c) =>
        c.stack === app.app &&
        c.layer.methods === null &&
        c.layer.path.test(path, true).matched &&
        trace.top !== null &&
        c.layer.statement === trace.top.statement &&
        (c.layer.statement.start ?? 0) < (c.use.call.start ?? 0),
    );
    if (chained && trace.top && app.dialect !== "fastify") {
      const at = chained.layer.statement;
      const names = chained.use.call.arguments.reduce(
        (set, a) => namesIn(a as t.Node, set),
        new Set<string>(),
      );
      if (![...names].some((n) => (app.consts.get(n)?.statement.start ?? -1) > (at.start ?? 0))) {
        appWide = { use: chained, before: at, chained: true };
        continue;
      }
    }
    // Fastify: @fastify/cors inside a plugin that has no routes reaches none of them: onto the app.
    const shut =
      app.dialect === "fastify" ? app.corsUses.find((c) => encapsulatedAlone(app, c.stack)) : undefined;
    if (shut) {
      hoists.add(shut);
      continue;
    }
    // Fastify: the one @fastify/cors, inside a plugin whose routes are not the failing request's (a
    // sibling plugin answers it): onto the app, where it reaches both (its own routes keep it).
    const lone = app.dialect === "fastify" && app.corsUses.length === 1 ? app.corsUses[0] : undefined;
    const loneMount = lone
      ? app.app?.layers.find((l) => l.handlers.some((h) => h.kind === "router" && h.router === lone.stack))
      : undefined;
    const loneReach = loneMount?.path.test(path, true);
    if (
      lone &&
      loneMount &&
      (lone.stack as { encapsulated?: boolean }).encapsulated &&
      !(loneReach?.matched && fastifyReaches(lone.stack, loneReach.rest, method))
    ) {
      hoists.add(lone);
      continue;
    }
    // On the app, or on a router mounted on it: the path as that stack sees it.
    const within = (stack: ExpressApp["corsUses"][number]["stack"]): string | null => {
      if (stack === app.app) return path;
      const mount = app.app?.layers.find(
        (l) => l.methods === null && l.handlers.some((h) => h.kind === "router" && h.router === stack),
      );
      const m = mount?.path.test(path, true);
      return m?.matched ? m.rest : null;
    };
    // cors(…) written on some routes only, and none on the route that serves this request: the same
    // cors(…) on the app, ahead of its first registration, reaches every route (the routes that have
    // it run it again with the same options: the same headers).
    const routeOnly =
      app.dialect !== "fastify" &&
      app.corsUses.length > 0 &&
      app.corsUses.every((c) => c.layer.methods !== null);
    const servedWithCors = app.corsUses.some((c) => {
      const rest = within(c.stack);
      const m = c.layer.methods ?? [];
      return (
        rest !== null &&
        (m.includes(spec.method.toUpperCase()) || m.includes("ALL")) &&
        c.layer.path.test(rest, false).matched
      );
    });
    const firstLayer = app.app?.layers[0]?.statement;
    const calls = new Set(app.corsUses.map((c) => p.src(c.use.call)));
    const only = app.corsUses[0];
    if (routeOnly && !servedWithCors && only && firstLayer && calls.size === 1) {
      // A name its options read, declared after the app's first registration, would throw there.
      const names = only.use.call.arguments.reduce((set, a) => namesIn(a as t.Node, set), new Set<string>());
      if (![...names].some((n) => (app.consts.get(n)?.statement.start ?? -1) > (firstLayer.start ?? 0))) {
        appWide = { use: only, before: firstLayer };
        continue;
      }
    }
    // A cors() on the route itself never sees the preflight: app.options for that path.
    if (method === "OPTIONS") {
      const route = app.corsUses.find((c) => {
        const rest = within(c.stack);
        return (
          rest !== null &&
          c.layer.methods !== null &&
          !c.layer.methods.includes("OPTIONS") &&
          c.layer.path.test(rest, false).matched
        );
      });
      if (route) {
        optionsRoutes.set(route.layer, { use: route.use, stack: route.stack });
        continue;
      }
    }
    // Hono: `new Hono().basePath("/api")` puts every path of the app under /api, its use() paths
    // too (https://hono.dev/docs/api/routing#base-path): `app.use("/api/*", cors())` there is
    // /api/api/*. The written path without the base reaches what the user meant.
    const based =
      app.dialect === "hono"
        ? app.corsUses.find((c) => {
            const base = c.stack.prefix?.replace(/\/$/, "");
            const node = c.layer.path.node;
            return (
              base &&
              c.layer.methods === null &&
              node?.type === "StringLiteral" &&
              (node.value === base || node.value.startsWith(`${base}/`)) &&
              (path === base || path.startsWith(`${base}/`))
            );
          })
        : undefined;
    if (based?.layer.path.node?.type === "StringLiteral") {
      const node = based.layer.path.node;
      const base = based.stack.prefix?.replace(/\/$/, "") ?? "";
      const sub = node.value.slice(base.length) || "/*";
      p.replace(`hono-base:${node.start}`, node, p.str(sub === "/" ? "/*" : sub), {
        key: "config.express.fix.hono-base",
        params: { path: node.value, line: based.layer.line, base },
      });
      continue;
    }
    // Hono: `app.use("/api", cors())` matches /api alone; "/api/*" is what reaches the paths below it.
    const exact =
      app.dialect === "hono"
        ? app.corsUses.find(
            (c) =>
              c.layer.methods === null &&
              c.layer.path.node?.type === "StringLiteral" &&
              (!c.layer.path.source.endsWith("*") || c.layer.path.source.endsWith("/**")) &&
              path.startsWith(`${c.layer.path.source.replace(/\/\*\*$/, "").replace(/\/$/, "")}/`),
          )
        : undefined;
    if (exact?.layer.path.node) {
      const src = exact.layer.path.source.replace(/\/\*\*$/, "").replace(/\/$/, "");
      p.replace(`hono-path:${exact.layer.path.node.start}`, exact.layer.path.node, p.str(`${src}/*`), {
        key: "config.express.fix.hono-path",
        params: { path: exact.layer.path.source, line: exact.layer.line },
      });
      continue;
    }
    // Express: cors() used inside one router mounted on the app, and the path answered by another
    // mounted router that has none: that router gets the same cors(…), where it is made.
    const answering = trace.top?.handlers.find((h) => h.kind === "router");
    const router = answering?.kind === "router" ? answering.router : undefined;
    const sibling =
      app.dialect === "express" && router && router !== app.app
        ? app.corsUses.find((c) => c.stack !== app.app && c.stack !== router && c.layer.methods === null)
        : undefined;
    const made = router ? app.consts.get(router.name) : undefined;
    // The copied cors(…) runs where the router is made: a name its options read that is declared
    // after that line would throw at start-up (a const read before it is declared).
    const declaredLater =
      made !== undefined &&
      sibling !== undefined &&
      [...sibling.use.call.arguments.reduce((set, a) => namesIn(a as t.Node, set), new Set<string>())].some(
        (n) => (app.consts.get(n)?.statement.start ?? -1) > (made.statement.start ?? 0),
      );
    if (sibling && router && made && !declaredLater && !app.corsUses.some((c) => c.stack === router)) {
      siblings.set(router.name, { use: sibling, statement: made.statement });
      continue;
    }
    // Koa: a cors() attached to a router (`router.use(cors())`) runs only for a request one of the
    // router's routes takes (@koa/router's routes(): `if (!matched.route) return next()`,
    // https://github.com/koajs/router/blob/master/lib/router.js), so allowedMethods() answers the
    // preflight without it. On the app, just before the router is mounted, it meets every request
    // the router would: the same options, a wider reach, never a narrower one.
    // A router used inside another (`api.use(items.routes())`): lifted in front of the outer
    // router's mount on the app, the inner routes' paths taken under the outer prefix.
    const attached =
      app.dialect === "koa" && method === "OPTIONS"
        ? app.corsUses.find((c) => {
            const at = c.stack !== app.app ? koaMount(app, c.stack) : null;
            const pfx = at?.prefix ?? "";
            const inner = pfx === "" ? path : path.startsWith(`${pfx}/`) ? path.slice(pfx.length) : null;
            return (
              at !== null &&
              inner !== null &&
              c.layer.methods === null &&
              c.layer.path === ANY_PATH &&
              c.layer.handlers.length === 1 &&
              c.layer.statement.type === "ExpressionStatement" &&
              c.stack.layers.some((l) => l.methods !== null && l.path.test(inner, false).matched)
            );
          })
        : undefined;
    const mount = attached ? koaMount(app, attached.stack)?.layer : undefined;
    if (attached && mount) {
      lifts.set(attached.use, { use: attached, mount: mount.statement });
      continue;
    }
    if (app.corsUses.length > 0) {
      p.cannot.set(spec.id, { key: "config.express.cannot.not-reached", params: { path, status } });
      continue;
    }
    // The handlers set their CORS headers from a function of the file (`res.set(buildCorsHeaders(req))`),
    // and something before them (a token check's 401) answered first: the same function's
    // headers set by a middleware ahead of everything, so every answer has what the handlers give.
    const builder = headerBuilder(app);
    if (builder) {
      builders.add(builder);
      continue;
    }
    fresh.push({ origin: spec.origin, credentials: spec.credentials === "include" });
  }
  for (const [call, { fn, stmt, passes }] of revive) {
    const args = fn.params.map((x) => p.src(x)).join(", ");
    const why: Words = { key: "config.express.fix.cors-run", params: { line: p.line(call) } };
    // With a `next()` statement after it: both statements become the one return (nothing between).
    if (passes)
      p.rewrite(
        `revive:${call.start}`,
        stmt.start ?? 0,
        passes.end ?? 0,
        `return ${p.src(call)}(${args});`,
        why,
      );
    else p.replace(`revive:${call.start}`, call, `return ${p.src(call)}(${args})`, why);
  }
  if (revive.size > 0) return { edits: p.edits, cannot: p.cannot };
  // The hook option first, alone in its round: a move that may follow copies the registration's text.
  if (hooks.size > 0) {
    for (const use of hooks) {
      const n = p.valueNode(use, "hook") as t.Node;
      p.replace(`hook:${n.start}`, n, p.str("onRequest"), {
        key: "config.fastify.fix.hook",
        params: { line: p.line(n), hook: p.src(n) },
      });
    }
    return { edits: p.edits, cannot: p.cannot };
  }
  // Moves first, alone in their round: the other edits may touch the moved text.
  if (moves.length > 0) {
    const m = moves.sort(
      (a, b) => (a.before.start ?? 0) - (b.before.start ?? 0),
    )[0] as (typeof moves)[number];
    const stmt = m.use.layer.statement;
    // Constants the registration uses, declared between the new place and the old one, move with it.
    const names = namesIn(stmt);
    const deps = [...app.consts.entries()]
      .filter(
        ([n, c]) =>
          names.has(n) &&
          (c.statement.start ?? 0) > (m.before.start ?? 0) &&
          (c.statement.start ?? 0) < (stmt.start ?? 0),
      )
      .map(([, c]) => c.statement)
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    const why: Words = {
      key: app.dialect === "fastify" ? "config.fastify.fix.move" : "config.express.fix.move",
      params: { line: p.line(stmt), before: m.line },
    };
    for (const d of deps) p.move(d, m.before, why);
    p.move(stmt, m.before, why);
    return { edits: p.edits, cannot: p.cannot };
  }
  if (hoists.size > 0) {
    for (const h of hoists) hoist(p, h);
    return { edits: p.edits, cannot: p.cannot };
  }
  if (appWide) {
    const text = app.text;
    const at = appWide.before;
    p.insert(
      `app-wide:${at.start}`,
      lineStart(text, at.start ?? 0),
      `${indentAt(text, at.start ?? 0)}${app.appName ?? "app"}.use(${p.src(appWide.use.use.call)});\n`,
      {
        key: appWide.chained ? "config.express.fix.chain-first" : "config.express.fix.app-wide",
        params: { line: appWide.use.layer.line },
      },
    );
  }
  for (const { use, mount } of lifts.values()) {
    const text = app.text;
    const stmt = use.layer.statement;
    const why: Words = {
      key: "config.express.fix.koa-lift",
      params: { router: use.stack.name, line: use.layer.line, mount: p.line(mount) },
    };
    p.cut(`lift-out:${stmt.start}`, lineStart(text, stmt.start ?? 0), afterLine(text, stmt.end ?? 0), why);
    p.insert(
      `lift-in:${stmt.start}`,
      lineStart(text, mount.start ?? 0),
      `${indentAt(text, mount.start ?? 0)}${app.appName ?? "app"}.use(${p.src(use.use.call)});\n`,
      why,
    );
  }
  for (const [name, { use, statement }] of siblings) {
    const text = app.text;
    const line = `${name}.use(${p.src(use.use.call)});`;
    p.insert(
      `sibling-cors:${statement.start}`,
      afterLine(text, statement.end ?? 0),
      `${indentAt(text, statement.start ?? 0)}${line}\n`,
      { key: "config.express.fix.router-cors", params: { router: name, line: use.layer.line } },
    );
  }
  for (const [layer, { use, stack }] of optionsRoutes) {
    const stmt = layer.statement;
    const text = app.text;
    const pathArg = layer.path.node ? p.src(layer.path.node) : p.str(layer.path.source);
    const args = use.call.arguments.map((a) => p.src(a)).join(", ");
    const corsName = p.src(use.call.callee);
    const appName = stack === app.app ? (app.appName ?? "app") : stack.name;
    const line = `${appName}.options(${pathArg}, ${corsName}(${args}));`;
    p.insert(
      `options:${stmt.start}`,
      lineStart(text, stmt.start ?? 0),
      `${indentAt(text, stmt.start ?? 0)}${line}\n`,
      { key: "config.express.fix.options-route", params: { path: layer.path.source, line: layer.line } },
    );
  }
  for (const [use, id] of splits) splitOrigins(p, use, id);
  for (const w of origins.values()) allowOrigin(p, w, creds.has(w.use));
  for (const use of creds) {
    if (origins.has(use)) continue;
    const c = credOrigins.get(use);
    setCredentials(p, use, c ? [...c.origins] : [], c?.id ?? "");
  }
  for (const w of lists.values()) extendList(p, w.use, w.key, w.names);
  for (const [lit, w] of handLists) {
    const node = lit as t.StringLiteral;
    const have = node.value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const add = w.names.filter((n) => !have.some((h) => lower(h) === lower(n)));
    if (add.length === 0) continue;
    const sep = /,\s/.test(node.value) || have.length <= 1 ? ", " : ",";
    p.replace(`hand:${node.start}`, node, p.str([...have, ...add].join(sep)), {
      key: w.header.endsWith("methods") ? "config.fix.methods" : "config.fix.headers",
      params: { names: add.join(", "), line: p.line(node) },
    });
  }
  for (const [arr, w] of factoryLists) growFactoryList(p, arr, w.names, w.header);
  for (const w of handAdds.values()) {
    const methods = w.header.endsWith("methods");
    lineAfter(
      p,
      w.acao.call,
      w.acao.method,
      methods ? "Access-Control-Allow-Methods" : "Access-Control-Allow-Headers",
      p.str(w.names.join(", ")),
      `hand-add:${w.header}:${w.acao.call.start}`,
      {
        key: methods ? "config.fix.methods" : "config.fix.headers",
        params: { names: w.names.join(", "), line: p.line(w.acao.call) },
      },
    );
  }
  for (const w of handOrigins.values()) handOrigin(p, w.fns, [...w.origins], w.credentials, w.id);
  if (fresh.length > 0) addCors(p, fresh);
  for (const name of builders) earlyBuilder(p, name);
  return { edits: p.edits, cannot: p.cannot };
}

/**
 * The array literal behind a header a factory-made middleware sends (oddworks' responseCors: `let
 * headers = options.headers || ['Origin', …]; headers = headers.join(', ');` then, in the function it
 * returns, `res.set('Access-Control-Allow-Headers', headers)`): the factory's statements followed as
 * it runs them once, where it is called — a name is what its last assignment before the `return`
 * made it (the closure sees that), `.join(sep)` joins the list it is called on, `a || b` / `a ?? b`
 * is `b` where `a`, computed with the values the call gave, is unset. Null for anything else (a list
 * the call passed, a `.map`, a name the returned function shadows).
 */
export function factoryListOf(
  reader: Reader,
  handSet: ReadonlyArray<{ node: t.Function; factory?: t.Function; bound?: Map<string, Val> }>,
  header: string,
): t.ArrayExpression | null {
  for (const h of handSet) {
    const f = h.factory;
    if (!f || !h.bound || f.body.type !== "BlockStatement") continue;
    const found = handSetter([h.node], header);
    const v = found ? bare(found.value) : null;
    if (v?.type !== "Identifier") continue;
    const steps = f.body.body.slice(0, -1);
    /** Where a step binds a name: its index and the expression. */
    const defined = (name: string, before: number): { at: number; e: t.Node } | null => {
      for (let i = Math.min(before, steps.length) - 1; i >= 0; i--) {
        const st = steps[i] as t.Statement;
        if (st.type === "VariableDeclaration") {
          const d = st.declarations.find((x) => x.id.type === "Identifier" && x.id.name === name);
          if (d?.init) return { at: i, e: d.init };
        }
        const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
        if (e?.type === "AssignmentExpression" && e.left.type === "Identifier" && e.left.name === name)
          return { at: i, e: e.right };
      }
      return null;
    };
    /** The names an expression reads, all bound for good before step `at` (their final values then). */
    const settled = (e: t.Node, at: number): boolean => {
      const names = new Set<string>();
      const walk = (n: t.Node) => {
        if (n.type === "Identifier") names.add(n.name);
        // `options.headers`: the property's name is no name read.
        if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression") && !n.computed) {
          walk(n.object);
          return;
        }
        if (n.type === "ObjectProperty" && !n.computed) {
          walk(n.value);
          return;
        }
        for (const c of childNodes(n)) walk(c);
      };
      walk(e);
      return [...names].every((n) => {
        const last = defined(n, steps.length);
        return !last || last.at < at;
      });
    };
    const resolve = (e0: t.Node, at: number, depth: number): t.ArrayExpression | null => {
      const e = bare(e0);
      if (depth > 8) return null;
      if (e.type === "ArrayExpression")
        return e.elements.every((x) => x?.type === "StringLiteral") ? e : null;
      if (e.type === "Identifier") {
        const d = defined(e.name, at);
        return d ? resolve(d.e, d.at, depth + 1) : null;
      }
      if (e.type === "CallExpression" && e.arguments.length <= 1) {
        const c = bare(e.callee);
        if (c.type === "MemberExpression" && propName(c) === "join") return resolve(c.object, at, depth + 1);
        return null;
      }
      if (e.type === "LogicalExpression" && e.operator !== "&&" && settled(e.left, at)) {
        let left: unknown;
        try {
          left = reader.value(e.left, new Map(h.bound));
        } catch {
          return null;
        }
        const unset = e.operator === "||" ? !left : left === null || left === undefined;
        return unset ? resolve(e.right, at, depth + 1) : null;
      }
      return null;
    };
    // The returned function's own name of that spelling (a parameter, a const) would be another value.
    const shadowed = (() => {
      let seen = false;
      const walk = (n: t.Node) => {
        if (seen) return;
        if (n.type === "VariableDeclarator" && n.id.type === "Identifier" && n.id.name === v.name)
          seen = true;
        for (const c of childNodes(n)) walk(c);
      };
      walk(h.node.body);
      return seen || h.node.params.some((x) => x.type === "Identifier" && x.name === v.name);
    })();
    if (shadowed) continue;
    const arr = resolve(v, steps.length, 0);
    if (arr) return arr;
  }
  return null;
}

/**
 * The page's header or method names put in a factory's list (factoryListOf): an entry that is a
 * standard request header misspelled (`'Autorization'`, https://github.com/oddnetworks/oddworks/issues/137)
 * where the page sends that header is corrected in place — no browser sends the misspelled name, and
 * the list the middleware sends is the list with the name it meant; any other name is added at the
 * end, in the list's layout.
 */
function growFactoryList(p: Patcher, arr: t.ArrayExpression, names: string[], header: string): void {
  const entries = arr.elements as t.StringLiteral[];
  const add: string[] = [];
  for (const n of names) {
    if (entries.some((e) => lower(e.value.trim()) === lower(n))) continue;
    const typo =
      header === "access-control-allow-headers"
        ? entries.find((e) => lower(meantHeader(e.value) ?? "") === lower(n))
        : undefined;
    if (typo) {
      const raw = p.src(typo);
      const q = raw.startsWith("'") ? "'" : '"';
      p.replace(`factory-typo:${typo.start}`, typo, `${q}${n}${q}`, {
        key: "config.express.fix.header-corrected",
        params: { name: typo.value, meant: n, line: p.line(typo) },
      });
      continue;
    }
    add.push(n);
  }
  if (add.length === 0) return;
  const q = arr.elements[0] && p.src(arr.elements[0] as t.Node).startsWith("'") ? "'" : '"';
  p.appendArray(
    arr,
    add.map((n) => `${q}${n}${q}`),
    {
      key: header.endsWith("methods") ? "config.fix.methods" : "config.fix.headers",
      params: { names: add.join(", "), line: p.line(arr) },
    },
  );
}

/** The string literal a hand-written middleware sets `header` to (res.setHeader/header/set(name, "…")). */
function handLiteral(fns: t.Function[], header: string): t.Node | null {
  const found = handSetter(fns, header);
  return found?.value.type === "StringLiteral" ? found.value : null;
}

/** Where a hand-written middleware sets `header`: the call, the value and the method's name. */
function handSetter(
  fns: t.Function[],
  header: string,
): { call: t.CallExpression; value: t.Node; method: string } | null {
  let found: { call: t.CallExpression; value: t.Node; method: string } | null = null;
  const visit = (n: t.Node) => {
    if (found || !n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      const c = bare(n.callee);
      const m = c.type === "MemberExpression" ? propName(c) : null;
      const [a, b] = n.arguments;
      if (
        m &&
        ["setHeader", "header", "set", "append"].includes(m) &&
        a?.type === "StringLiteral" &&
        lower(a.value) === header &&
        b
      ) {
        found = { call: n, value: b, method: m };
        return;
      }
      if (m && (m === "set" || m === "header") && a?.type === "ObjectExpression")
        for (const prop of a.properties)
          if (
            prop.type === "ObjectProperty" &&
            ((prop.key.type === "StringLiteral" && lower(prop.key.value) === header) ||
              (prop.key.type === "Identifier" && lower(prop.key.name) === header))
          ) {
            found = { call: n, value: prop.value, method: m };
            return;
          }
    }
    for (const c of childNodes(n)) visit(c);
  };
  for (const f of fns) visit(f.body);
  return found;
}

/**
 * A route of the app's own that takes OPTIONS (`app.options(…)`, `app.all(…)`): answering every
 * preflight would bypass it. Not `refused`: the route guard that refused this preflight, written as
 * middleware (`.all(User.administratorOnly())`, which calls next() for a signed-in administrator and
 * answers 401 otherwise, expressjs/express#2549) — its only answer to an OPTIONS is that refusal (or
 * passing on: Express's Route runs `.all` for every method, https://github.com/pillarjs/router/blob/master/lib/route.js,
 * and a route without an options handler then adds nothing to the automatic OPTIONS answer).
 */
function answersOptions(app: ExpressApp, refused?: Layer): boolean {
  const seen = new Set<ExpressApp["app"]>();
  const visit = (stack: ExpressApp["app"]): boolean => {
    if (!stack || seen.has(stack)) return false;
    seen.add(stack);
    return stack.layers.some(
      (l) =>
        (l !== refused && (l.methods ?? []).some((m) => m === "OPTIONS" || m === "ALL")) ||
        l.handlers.some((h) => h.kind === "router" && visit(h.router)),
    );
  };
  return visit(app.app);
}

/**
 * The hand-written CORS middleware passes the preflight on (`next()`), and what runs after it (a
 * token check, a router without an OPTIONS route) answers it with a status that is not ok: it
 * answers the preflight itself, with the headers it has just set, before passing on — the answer
 * the Fetch Standard asks of a preflight (https://fetch.spec.whatwg.org/#cors-preflight-fetch, "ok
 * status"). Only where its last statement passes on; a request that is not a preflight still does.
 */
function handPreflight(p: Patcher, fns: t.Function[], id: string): void {
  const text = p.app.text;
  const name = (n: t.Node | undefined) => (n?.type === "Identifier" ? n.name : null);
  // Fastify: an async hook `async (request, reply) => { reply.header(…); }` ends when it returns;
  // a callback hook `(request, reply, done)` ends at `done()`. Either answers with
  // `return reply.code(204).send()` (https://fastify.dev/docs/latest/Reference/Hooks/#respond-to-a-request-from-a-hook).
  if (p.app.dialect === "fastify") {
    const hook = fns.find(
      (f) =>
        f.body.type === "BlockStatement" &&
        f.body.body.length > 0 &&
        name(f.params[0]) !== null &&
        name(f.params[1]) !== null &&
        ((f.async && f.params.length === 2) || (f.params.length === 3 && passOn(f) !== null)),
    );
    const body = hook?.body.type === "BlockStatement" ? hook.body.body : [];
    const at = hook && hook.params.length === 3 ? passOn(hook) : null;
    const last = body.at(-1);
    if (!hook || !last) {
      p.cannot.set(id, { key: "config.cannot.cause", params: { code: "preflight-status-not-ok" } });
      return;
    }
    const line = `if (${name(hook.params[0])}.method === ${p.str("OPTIONS")}) return ${name(hook.params[1])}.code(204).send();`;
    const where = at ?? last;
    p.insert(
      `hand-preflight:${hook.start}`,
      at ? lineStart(text, where.start ?? 0) : afterLine(text, where.end ?? 0),
      `${indentAt(text, where.start ?? 0)}${line}\n`,
      { key: "config.express.fix.hand-preflight", params: { line: p.line(hook) } },
    );
    return;
  }
  const fn = fns.find((f) => passOn(f) !== null);
  const last = fn ? passOn(fn) : null;
  const [first, second] = fn?.params ?? [];
  const a = name(first);
  const b = name(second);
  if (!fn || !last || a === null || (p.app.dialect === "express" && b === null)) {
    p.cannot.set(id, { key: "config.cannot.cause", params: { code: "preflight-status-not-ok" } });
    return;
  }
  const q = p.str("OPTIONS");
  const answer =
    p.app.dialect === "koa"
      ? `if (${a}.method === ${q}) {\n${indentAt(p.app.text, last.start ?? 0)}  ${a}.status = 204;\n${indentAt(p.app.text, last.start ?? 0)}  return;\n${indentAt(p.app.text, last.start ?? 0)}}`
      : p.app.dialect === "hono"
        ? `if (${a}.req.method === ${q}) return ${a}.body(null, 204);`
        : `if (${a}.method === ${q}) return ${b}.sendStatus(204);`;
  p.insert(
    `hand-preflight:${fn.start}`,
    lineStart(p.app.text, last.start ?? 0),
    `${indentAt(p.app.text, last.start ?? 0)}${answer}\n`,
    {
      key: "config.express.fix.hand-preflight",
      params: { line: p.line(fn) },
    },
  );
}

/**
 * The layer that refused the request with an error status, where each of its handlers is a guard: an
 * auth middleware, or a function of the file that passes the request on as its last statement.
 */
function guardRefused(trace: Trace): Layer | undefined {
  const by = trace.answeredBy?.layer;
  if (!by || trace.status < 400) return undefined;
  return by.handlers.every((h) => h.kind === "auth" || (h.kind === "fn" && passOn(h.node) !== null))
    ? by
    : undefined;
}

/** The middleware's last statement when it passes the request on (`next();`, `await next();`, `return next();`). */
function passOn(f: t.Function): t.Statement | null {
  if (f.body.type !== "BlockStatement") return null;
  const last = f.body.body.at(-1);
  const nextName = f.params.at(-1);
  if (!last || nextName?.type !== "Identifier" || f.params.length < 2) return null;
  const e =
    last.type === "ExpressionStatement"
      ? last.expression
      : last.type === "ReturnStatement"
        ? last.argument
        : null;
  const call = e ? bare(e.type === "AwaitExpression" ? e.argument : e) : null;
  return call?.type === "CallExpression" &&
    isName(bare(call.callee), nextName.name) &&
    call.arguments.length === 0
    ? last
    : null;
}

/** A line after the statement holding `call`, at its indentation: `res.<method>("Name", value);`. */
function lineAfter(
  p: Patcher,
  call: t.CallExpression,
  method: string,
  name: string,
  value: string,
  key: string,
  why: Words,
): void {
  const callee = bare(call.callee) as t.MemberExpression;
  const res = p.src(callee.object);
  const text = p.app.text;
  // The same call the file uses (res.setHeader/header/set, ctx.set, c.header); an append sets.
  const m = method === "append" ? "set" : method;
  p.insert(
    key,
    afterLine(text, call.end ?? 0),
    `${indentAt(text, call.start ?? 0)}${res}.${m}(${p.str(name)}, ${value});\n`,
    why,
  );
}

/** Hand-set Allow-Origin: a literal becomes the request's origin when listed (the old value kept otherwise). */
function handOrigin(
  p: Patcher,
  fns: t.Function[],
  origins: string[],
  credentials: boolean,
  id: string,
): void {
  const acao = handSetter(fns, "access-control-allow-origin");
  const fn = fns.find(
    (f) => acao && (f.start ?? 0) <= (acao.call.start ?? 0) && (acao.call.end ?? 0) <= (f.end ?? 0),
  );
  if (!acao || !fn) {
    p.cannot.set(id, {
      key: "config.express.cannot.hand-set",
      params: { name: "Access-Control-Allow-Origin" },
    });
    return;
  }
  const why: Words = { key: "config.express.fix.origin", params: { origins: origins.join(", ") } };
  const v = bare(acao.value);
  // "*/*", "'*'", "* ": a wildcard written so that it is none (https://fetch.spec.whatwg.org/#cors-check
  // takes "*" or the origin byte for byte): "*" where no call sends credentials.
  const badWildcard = v.type === "StringLiteral" && v.value !== "*" && v.value.includes("*");
  if (badWildcard && !credentials) {
    p.replace(`hand-origin:${v.start}`, v, p.str("*"), {
      key: "config.express.fix.origin-wildcard",
      params: { value: p.src(v), line: p.line(v) },
    });
    return;
  }
  if (v.type === "StringLiteral") {
    const reqName = fn.params[0]?.type === "Identifier" ? fn.params[0].name : "req";
    const origin =
      p.app.dialect === "hono" ? `${reqName}.req.header(${p.str("origin")})` : `${reqName}.headers.origin`;
    const list = v.value === "*" || badWildcard ? origins : [v.value, ...origins];
    p.replace(
      `hand-origin:${v.start}`,
      v,
      `[${list.map((o) => p.str(o)).join(", ")}].includes(${origin}) ? ${origin} : ${badWildcard ? p.str("*") : p.src(v)}`,
      why,
    );
    const vary = handSetter(fns, "vary");
    if (!vary || !/origin/i.test(p.src(vary.value)))
      lineAfter(p, acao.call, acao.method, "Vary", p.str("Origin"), `hand-vary:${acao.call.start}`, {
        key: "config.fix.vary",
      });
  } else {
    // An allowlist the middleware tests: a same-file array of strings.
    const arr = [...namesIn(fn)]
      .map((n) => p.app.consts.get(n))
      .map((c) => (c ? p.follow(c.init) : null))
      .find(
        (x): x is t.ArrayExpression =>
          x?.type === "ArrayExpression" && x.elements.some((e) => e?.type === "StringLiteral"),
      );
    if (!arr) {
      p.cannot.set(id, {
        key: "config.express.cannot.hand-set",
        params: { name: "Access-Control-Allow-Origin" },
      });
      return;
    }
    p.appendArray(
      arr,
      origins.map((o) => p.str(o)),
      why,
    );
  }
  if (credentials) handCredentials(p, fns, id);
}

/**
 * Koa: a route threw and ctx.onerror sent the error with its own `headers` alone, so the CORS
 * headers a hand-written middleware set before `await next()` were dropped
 * (https://github.com/koajs/koa/blob/master/lib/context.js, onerror). That `await next();` is
 * wrapped: what it throws takes the CORS headers set so far (and Vary) along, and is thrown on to
 * Koa's handler as before — status and body unchanged. `Reflect.get`: the same text in TypeScript.
 */
function koaKeepOnError(p: Patcher, fns: t.Function[], id: string): void {
  const text = p.app.text;
  for (const fn of fns) {
    const [ctx, next] = fn.params;
    const body = fn.body;
    if (ctx?.type !== "Identifier" || next?.type !== "Identifier" || body.type !== "BlockStatement") continue;
    const isNext = (x: t.Node | null | undefined) => {
      const c = x ? bare(x) : null;
      return c?.type === "CallExpression" && isName(bare(c.callee), next.name) && c.arguments.length === 0;
    };
    const call = body.body.find((st) => {
      const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
      return e?.type === "AwaitExpression" && isNext(e.argument);
    });
    const names = namesIn(fn);
    const err = ["err", "error", "thrown"].find((n) => !names.has(n)) ?? "caught";
    const headers = `Object.fromEntries(Object.entries(${ctx.name}.response.headers).filter(([name]) => /^(access-control-|vary$)/.test(name)))`;
    if (!call) {
      // `return next();` as the middleware's last statement (koa2-cors written inline): koa-compose's
      // next() always returns a promise (https://github.com/koajs/compose/blob/4.1.0/index.js
      // `dispatch`), so the same catch is chained on it, in a function async or not.
      const last = body.body.at(-1);
      const arg = last?.type === "ReturnStatement" && last.argument ? bare(last.argument) : null;
      const got = arg?.type === "AwaitExpression" ? bare(arg.argument) : arg;
      if (!arg || !got || !isNext(got)) continue;
      const at = indentAt(text, last?.start ?? 0);
      const step = at.includes("\t") ? "\t" : "  ";
      p.replace(
        `koa-thrown:${got.start}`,
        got,
        [
          `${p.src(got)}.catch((${err}) => {`,
          `${at}${step}if (${err} instanceof Error)`,
          `${at}${step}${step}Object.assign(${err}, { headers: { ...Reflect.get(${err}, "headers"), ...${headers} } });`,
          `${at}${step}throw ${err};`,
          `${at}})`,
        ].join("\n"),
        { key: "config.express.fix.koa-thrown", params: { line: p.line(got) } },
      );
      return;
    }
    const at = indentAt(text, call.start ?? 0);
    const step = at.includes("\t") ? "\t" : "  ";
    p.replace(
      `koa-thrown:${call.start}`,
      call,
      [
        "try {",
        `${at}${step}${p.src(call)}`,
        `${at}} catch (${err}) {`,
        `${at}${step}if (${err} instanceof Error)`,
        `${at}${step}${step}Object.assign(${err}, { headers: { ...Reflect.get(${err}, "headers"), ...${headers} } });`,
        `${at}${step}throw ${err};`,
        `${at}}`,
      ].join("\n"),
      { key: "config.express.fix.koa-thrown", params: { line: p.line(call) } },
    );
    return;
  }
  p.cannot.set(id, { key: "config.express.cannot.koa-thrown", params: { line: p.line(fns[0] as t.Node) } });
}

/**
 * Fastify: a route that writes with `reply.raw.writeHead(status, {…})` sends those headers alone,
 * not the ones @fastify/cors gave the reply: they go along as `...reply.getHeaders()`, first, so
 * the route's own still win where both name one (https://fastify.dev/docs/latest/Reference/Reply/#getheaders).
 */
/**
 * Hono: `c.header(name, value)` calls made before the Context's response, lost on a handler's own
 * `new Response(…)`, become `c.res.headers.set(name, value)` (`.append` for `{ append: true }`): that
 * makes `c.res`, whose headers Hono's `c.res` setter merges into the Response the handler returns —
 * the header set in the same place, for every route the middleware runs on, as hono/cors sets its own
 * (https://github.com/honojs/hono/blob/v4.13.19/src/context.ts, `set res`).
 */
function honoResHeaders(p: Patcher, calls: t.CallExpression[], id: string): void {
  for (const call of calls) {
    const callee = bare(call.callee) as t.MemberExpression;
    const [name, value, opts] = call.arguments;
    const append = opts && /^\{\s*append\s*:\s*true\s*,?\s*\}$/.test(p.src(opts));
    if (!name || !value || (opts && !append)) {
      p.cannot.set(id, { key: "config.express.cannot.hono-own-response", params: { line: p.line(call) } });
      return;
    }
    const c = p.src(bare(callee.object));
    const text = `${c}.res.headers.${append ? "append" : "set"}(${p.src(name)}, ${p.src(value)})`;
    p.replace(`hono-res:${call.start}`, call, text, {
      key: "config.express.fix.hono-own-response",
      params: { line: p.line(call), call: p.src(call), c },
    });
  }
}

/**
 * Hono's etag(): the CORS headers its 304 dropped join `retainedHeaders`, after hono/etag's own
 * list written out (https://github.com/honojs/hono/blob/v4.13.19/src/middleware/etag/index.ts,
 * `RETAINED_304_HEADERS`). Written, not imported: hono exports RETAINED_304_HEADERS only since 4.x
 * (4.0.0's etag module exports `etag` alone), and an ES module importing a name its package lacks
 * stops at start-up; `retainedHeaders` itself is read since hono 3.5 (older ones ignore it).
 */
function etagRetain(p: Patcher, call: t.CallExpression, dropped: string[], id: string): void {
  const names = [...new Set(dropped.map((n) => n.toLowerCase()))];
  const why: Words = {
    key: "config.express.fix.hono-etag",
    params: { line: p.line(call), headers: names.join(", ") },
  };
  const [opts] = call.arguments;
  const items = names.map((n) => p.str(n)).join(", ");
  const list = `[${[...ETAG_RETAINED.map((n) => p.str(n)), items].join(", ")}]`;
  const existing =
    opts?.type === "ObjectExpression"
      ? opts.properties.find(
          (q): q is t.ObjectProperty =>
            q.type === "ObjectProperty" && q.key.type === "Identifier" && q.key.name === "retainedHeaders",
        )
      : undefined;
  if (existing && bare(existing.value).type === "ArrayExpression") {
    const arr = bare(existing.value) as t.ArrayExpression;
    const last = arr.elements.at(-1);
    if (last) p.insert(`etag:${call.start}`, last.end ?? 0, `, ${items}`, why);
    else p.insert(`etag:${call.start}`, (arr.start ?? 0) + 1, items, why);
    return;
  }
  if (!opts) {
    p.insert(`etag:${call.start}`, (call.end ?? 0) - 1, `{ retainedHeaders: ${list} }`, why);
  } else if (opts.type === "ObjectExpression" && !existing) {
    const first = opts.properties[0];
    if (first) p.insert(`etag:${call.start}`, first.start ?? 0, `retainedHeaders: ${list}, `, why);
    else p.replace(`etag:${call.start}`, opts, `{ retainedHeaders: ${list} }`, why);
  } else p.cannot.set(id, { key: "config.express.unknown.hono-etag", params: { line: p.line(call) } });
}

function rawHeaders(p: Patcher, call: t.CallExpression, id: string): void {
  const callee = bare(call.callee) as t.MemberExpression;
  const reply = p.src(bare(callee.object) as t.MemberExpression).replace(/\.raw$/, "");
  const [status, headers, more] = call.arguments;
  const why: Words = { key: "config.fastify.fix.raw-headers", params: { line: p.line(call), reply } };
  if (status && !headers) {
    p.insert(`raw:${call.start}`, status.end ?? 0, `, ${reply}.getHeaders()`, why);
    return;
  }
  if (headers?.type === "ObjectExpression" && !more) {
    const text = p.app.text;
    const first = headers.properties[0];
    if (!first) p.replace(`raw:${call.start}`, headers, `{ ...${reply}.getHeaders() }`, why);
    else if (text.slice(headers.start ?? 0, first.start ?? 0).includes("\n"))
      p.insert(
        `raw:${call.start}`,
        lineStart(text, first.start ?? 0),
        `${indentAt(text, first.start ?? 0)}...${reply}.getHeaders(),\n`,
        why,
      );
    else p.insert(`raw:${call.start}`, first.start ?? 0, `...${reply}.getHeaders(), `, why);
    return;
  }
  p.cannot.set(id, { key: "config.fastify.cannot.raw-headers", params: { line: p.line(call) } });
}

/**
 * Fastify: the route hands reply.raw to a function that answers on it (rawHandOff). The reply's
 * headers (@fastify/cors's among them) are copied onto the raw response on the line before: Node
 * merges headers set with setHeader into those writeHead is given, writeHead's winning a name both
 * have (https://nodejs.org/api/http.html#responsewriteheadstatuscode-statusmessage-headers).
 */
function rawHandOffHeaders(p: Patcher, call: t.CallExpression, reply: string, id: string): void {
  const text = p.app.text;
  const callee = bare(call.callee);
  const name = p.src(callee.type === "CallExpression" ? bare(callee.callee) : callee);
  const start = lineStart(text, call.start ?? 0);
  // Only where the call opens its line's statement (`return f(req.raw, reply.raw);`, `await …`).
  if (!/^[ \t]*(?:return\s+|await\s+)*$/.test(text.slice(start, call.start ?? 0))) {
    p.cannot.set(id, {
      key: "config.fastify.cannot.raw-handoff",
      params: { line: p.line(call), name, reply },
    });
    return;
  }
  const indent = indentAt(text, call.start ?? 0);
  p.insert(
    `raw-handoff:${call.start}`,
    start,
    `${indent}for (const [name, value] of Object.entries(${reply}.getHeaders())) ${reply}.raw.setHeader(name, value);\n`,
    { key: "config.fastify.fix.raw-handoff", params: { line: p.line(call), name, reply } },
  );
}

function handCredentials(p: Patcher, fns: t.Function[], id: string): void {
  const acac = handSetter(fns, "access-control-allow-credentials");
  const why: Words = { key: "config.fix.credentials" };
  if (acac) {
    if (bare(acac.value).type === "StringLiteral" && p.src(acac.value).includes("true")) return;
    p.replace(`hand-cred:${acac.value.start}`, acac.value, p.str("true"), why);
    return;
  }
  const acao = handSetter(fns, "access-control-allow-origin");
  if (!acao) {
    p.cannot.set(id, {
      key: "config.express.cannot.hand-set",
      params: { name: "Access-Control-Allow-Credentials" },
    });
    return;
  }
  lineAfter(
    p,
    acao.call,
    acao.method,
    "Access-Control-Allow-Credentials",
    p.str("true"),
    `hand-cred:${acao.call.start}`,
    why,
  );
}

/**
 * A comma-separated origin string (`"https://a, https://b"`, or an environment variable's CSV value)
 * made the list it was meant to be: cors then answers each listed origin with its own. Nothing was
 * allowed before (browsers refuse an Allow-Origin with more than one origin), so nothing narrows; a
 * `*` from the environment stays `*`.
 */
/** The origins of a JSON array of strings written as a string, or null. */
export function jsonList(text: string): string[] | null {
  if (!text.trim().startsWith("[")) return null;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
  } catch {
    return null;
  }
}

function splitOrigins(p: Patcher, use: CorsUse, id: string): void {
  const prop = "key" in use.options ? undefined : use.options.props.get("origin");
  if (prop?.type !== "ObjectProperty") {
    p.cannot.set(id, { key: "config.cannot.cause", params: { code: "multiple-allow-origin" } });
    return;
  }
  const value = bare(prop.value);
  const why: Words = { key: "config.express.fix.origin-split", params: { line: p.line(p.follow(value)) } };
  // A JSON array written in a string (`'["https://a","https://b"]'`, kept so in configuration):
  // parsed, as it was meant to be.
  const known = "key" in use.options ? undefined : use.options.values.get("origin");
  const json = typeof known === "string" ? jsonList(known) : null;
  // @koa/cors takes no list: a function of ctx that answers each listed origin with its own.
  if (p.app.dialect === "koa") {
    const src = p.src(value);
    const x = value.type === "Identifier" || value.type === "MemberExpression" ? src : `(${src})`;
    const items =
      value.type === "StringLiteral"
        ? `[${(json ?? value.value.split(",").map((o) => o.trim()))
            .filter((o) => o !== "")
            .map((o) => p.str(o))
            .join(", ")}]`
        : json
          ? `JSON.parse(${src})`
          : `${x}.split(${p.str(",")}).map((s) => s.trim())`;
    const got = `ctx.get(${p.str("Origin")})`;
    p.replace(
      `origin:${value.start}`,
      value,
      `(ctx) => (${items}.includes(${got}) ? ${got} : ${p.str("")})`,
      json ? { key: "config.express.fix.origin-json", params: { line: p.line(p.follow(value)) } } : why,
    );
    return;
  }
  if (json) {
    const src = p.src(value);
    p.replace(
      `origin:${value.start}`,
      value,
      value.type === "StringLiteral" ? `[${json.map((x) => p.str(x)).join(", ")}]` : `JSON.parse(${src})`,
      { key: "config.express.fix.origin-json", params: { line: p.line(p.follow(value)) } },
    );
    return;
  }
  if (value.type === "StringLiteral") {
    const items = value.value
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "");
    p.replace(`origin:${value.start}`, value, `[${items.map((x) => p.str(x)).join(", ")}]`, why);
    return;
  }
  const src = p.src(value);
  const x = value.type === "Identifier" || value.type === "MemberExpression" ? src : `(${src})`;
  const split = `${x}.split(${p.str(",")}).map((s) => s.trim())`;
  const text =
    p.follow(value).type === "StringLiteral" ? split : `${x} === ${p.str("*")} ? ${p.str("*")} : ${split}`;
  p.replace(`origin:${value.start}`, value, text, why);
}

/**
 * The origins added to an allowlist array literal, those it does not list already. False (with the
 * reason) when every one is listed: the list is not what refuses them, and adding them again would
 * change nothing (each round would add them once more).
 */
function appendOrigins(p: Patcher, arr: t.ArrayExpression, w: OriginWant, fn: t.Node | null): boolean {
  const listed = new Set(arr.elements.flatMap((e) => (e?.type === "StringLiteral" ? [e.value] : [])));
  // A list of regexes (`MATCHES.find((r) => r.test(origin))`) gets regexes: each origin anchored and
  // escaped, so it matches that origin alone (a string there would have no `test`).
  const regexes = regexList(arr);
  const matched = (o: string) =>
    regexes?.some((e) => new RegExp(e.pattern, e.flags.replace(/[gy]/g, "")).test(o));
  const add = [...w.origins].filter((o) => !listed.has(o) && !matched(o));
  if (add.length === 0) {
    p.cannot.set(w.id, {
      key: "config.express.cannot.origin-listed",
      params: { origins: [...w.origins].join(", "), line: p.line(arr), fn: fn ? p.line(fn) : p.line(arr) },
    });
    return false;
  }
  p.appendArray(
    arr,
    add.map((o) => (regexes ? `/^${escapeRegex(o).replace(/\//g, "\\/")}$/` : p.str(o))),
    { key: "config.express.fix.origin", params: { origins: add.join(", ") } },
  );
  return true;
}

/** The entries of a list written as regex literals only, or null (a string among them, an empty list). */
function regexList(arr: t.ArrayExpression): t.RegExpLiteral[] | null {
  const out = arr.elements.filter((e): e is t.RegExpLiteral => e?.type === "RegExpLiteral");
  return out.length > 0 && out.length === arr.elements.length ? out : null;
}

/**
 * The array of origins an origin function reads (a same-file const): strings, or template strings;
 * with `regexes`, a list of regex literals too (cors, @fastify/cors and hono/cors hand the function
 * the Origin as a string, which it may test against each).
 */
function allowlistOf(p: Patcher, fn: t.Node, regexes = false): t.ArrayExpression | undefined {
  return [...namesIn(fn)]
    .map((n) => p.app.consts.get(n))
    .map((c) => (c ? p.follow(c.init) : null))
    .find(
      (x): x is t.ArrayExpression =>
        x?.type === "ArrayExpression" &&
        (x.elements.some((e) => e?.type === "StringLiteral" || e?.type === "TemplateLiteral") ||
          (regexes && regexList(x) !== null)),
    );
}

/**
 * A @koa/cors origin function written as if it were given the Origin (`(origin) =>
 * list.includes(origin) ? origin : ""`): @koa/cors calls it with ctx
 * (https://github.com/koajs/cors/blob/master/index.js, `await options.origin(ctx)`), so the test
 * never matches. The parameter when it is used only as a string (compared, looked up in a list),
 * never as ctx (no `.get`, `.headers`, … read from it).
 */
export function ctxAsOrigin(fn: t.Node): t.Identifier | null {
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return null;
  const [param] = fn.params;
  if (fn.params.length !== 1 || param?.type !== "Identifier") return null;
  let asString = false;
  let asCtx = false;
  const visit = (n: t.Node, parent: t.Node | null) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "Identifier" && n.name === param.name && n !== param) {
      if (
        parent?.type === "MemberExpression" ||
        parent?.type === "OptionalMemberExpression" ||
        parent?.type === "CallExpression"
      ) {
        if ((parent as t.MemberExpression).object === n) asCtx = true;
        else if (parent.type === "CallExpression") {
          const callee = bare(parent.callee);
          const m = callee.type === "MemberExpression" ? propName(callee) : null;
          if (m === "includes" || m === "indexOf") asString = true;
          else asCtx = true;
        }
      } else if (
        parent?.type === "BinaryExpression" &&
        ["===", "==", "!==", "!="].includes(parent.operator)
      ) {
        const other = parent.left === n ? parent.right : parent.left;
        if (other.type === "StringLiteral" || other.type === "TemplateLiteral") asString = true;
      } else if (parent && parent.type !== "ConditionalExpression" && parent.type !== "ReturnStatement")
        asCtx = true;
    }
    for (const c of childNodes(n)) visit(c, n);
  };
  visit(fn.body, fn);
  return asString && !asCtx ? param : null;
}

/**
 * A @koa/cors origin function that looks the server's own host up where it meant the page's Origin
 * (`if (FRONT_ENDS.indexOf(ctx.host) !== -1) return ctx.host; return FRONT_ENDS[0];`, koajs/cors#52):
 * `ctx.host`, `ctx.hostname`, `ctx.origin` (or on ctx.request) are the Host header the browser sent
 * to the API (https://github.com/koajs/koa/blob/v3.3.0/lib/request.js), never a page's origin, so the
 * test fails and every page gets the fallback. Those reads, when at least one is compared or looked
 * up in a list (`includes`, `indexOf`, `===`) and every other is returned — written as
 * `ctx.get("Origin")`, each listed page gets its own origin and the rest the fallback as before
 * (what the host test let through was a host without a scheme, which no Origin equals).
 */
export function ownHostReads(fn: t.Node): t.MemberExpression[] {
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression" && fn.type !== "ObjectMethod")
    return [];
  const [param] = fn.params;
  if (param?.type !== "Identifier") return [];
  const isCtx = (n: t.Node) =>
    isName(bare(n), param.name) ||
    (bare(n).type === "MemberExpression" &&
      isName(bare((bare(n) as t.MemberExpression).object), param.name) &&
      propName(bare(n)) === "request");
  const reads: t.MemberExpression[] = [];
  const testedAt: t.MemberExpression[] = [];
  // Each read that is returned, with the `if`/`?:` tests it stands under.
  const returned: Array<{ guards: t.Node[] }> = [];
  let other = false;
  const visit = (n: t.Node, parent: t.Node | null, guards: t.Node[]) => {
    if (
      n.type === "MemberExpression" &&
      !n.computed &&
      ["host", "hostname", "origin"].includes(propName(n) ?? "") &&
      isCtx(n.object)
    ) {
      reads.push(n);
      const callee = parent?.type === "CallExpression" ? bare(parent.callee) : null;
      if (
        (callee?.type === "MemberExpression" &&
          ["includes", "indexOf"].includes(propName(callee) ?? "") &&
          (parent as t.CallExpression).arguments[0] === n) ||
        (parent?.type === "BinaryExpression" && ["===", "==", "!==", "!="].includes(parent.operator))
      )
        testedAt.push(n);
      else if (
        parent?.type === "ReturnStatement" ||
        (parent?.type === "ConditionalExpression" && parent.test !== n) ||
        parent === fn
      )
        returned.push({ guards });
      else other = true;
      return;
    }
    // Only the branch the test lets through (an `else` is what the list did not hold).
    const test = (n.type === "IfStatement" || n.type === "ConditionalExpression" ? n.test : null) ?? null;
    const through = n.type === "IfStatement" || n.type === "ConditionalExpression" ? n.consequent : null;
    for (const c of childNodes(n)) visit(c, n, test && c === through ? [...guards, test] : guards);
  };
  visit(fn.body, fn, []);
  // Every returned read must stand under a test of the host: written as the Origin, one returned
  // without that test would send back any page's origin.
  const within = (g: t.Node) =>
    testedAt.some((r) => (r.start ?? 0) >= (g.start ?? 0) && (r.end ?? 0) <= (g.end ?? 0));
  const guarded = returned.every((r) => r.guards.some(within));
  return testedAt.length > 0 && !other && guarded ? reads : [];
}

/** The function given ctx, its old parameter the request's Origin (`ctx.get("Origin")`). */
function originFromCtx(
  p: Patcher,
  fn: t.ArrowFunctionExpression | t.FunctionExpression,
  param: t.Identifier,
): boolean {
  const ctx = ["ctx", "context", "koaCtx"].find((n) => !namesIn(fn).has(n));
  if (!ctx) return false;
  const why: Words = {
    key: "config.express.fix.koa-origin-ctx",
    params: { line: p.line(fn), name: param.name },
  };
  const get = `const ${param.name} = ${ctx}.get(${p.str("Origin")});`;
  const text = p.app.text;
  const body = fn.body;
  // One edit, from the parameter to the function's end: the parameter renamed, the Origin read first.
  let rest: string;
  if (body.type === "BlockStatement") {
    const first = body.body[0];
    const open = (body.start ?? 0) + 1;
    const at =
      first && text.slice(open, first.start ?? 0).includes("\n") ? lineStart(text, first.start ?? 0) : open;
    const insert = at === open ? ` ${get}` : `${indentAt(text, first?.start ?? 0)}${get}\n`;
    rest = `${text.slice(param.end ?? 0, at)}${insert}${text.slice(at, fn.end ?? 0)}`;
  } else {
    const start = (body.extra?.parenStart as number | undefined) ?? body.start ?? 0;
    rest = `${text.slice(param.end ?? 0, start)}{ ${get} return ${text.slice(start, fn.end ?? 0)}; }`;
  }
  p.rewrite(`ctx-param:${param.start}`, param.start ?? 0, fn.end ?? 0, `${ctx}${rest}`, why);
  return true;
}

function allowOrigin(p: Patcher, w: OriginWant, credentials: boolean): void {
  const use = w.use;
  const list = [...w.origins];
  const quoted = list.map((o) => p.str(o));
  const why: Words = { key: "config.express.fix.origin", params: { origins: list.join(", ") } };
  if ("key" in use.options) {
    p.cannot.set(w.id, use.options);
    return;
  }
  const o = use.options;
  const prop = o.props.get("origin");
  const value = o.values.get("origin");
  if (o.unread.has("origin")) {
    p.cannot.set(w.id, o.unread.get("origin") as Words);
    return;
  }
  const creds = credentials && o.values.get("credentials") !== true;
  if (p.app.dialect === "koa") {
    // @koa/cors takes a string or a function of ctx (no list): a string becomes a function that
    // answers the listed origins with their own and everyone else with the old value.
    const node = p.valueNode(use, "origin");
    // Its default origin (and a written "*") becomes the request's origin when credentials are on
    // (https://github.com/koajs/cors/blob/master/index.js): a credentials function true for the
    // listed origins only gives them their own origin with credentials, and every other origin `*`
    // as before — `credentials: true` would give every origin credentials.
    // koa2-cors reflects any origin by default and reads only `credentials: true`, for every origin
    // it answers — but leaves Allow-Credentials off where its origin is `*`
    // (https://github.com/zadzbw/koa2-cors/blob/master/src/index.js): the listed origins answered with
    // their own, every other `*` (which took every page without credentials before, as it still does).
    if (use.koa2 && credentials && (!node || (node.type === "StringLiteral" && node.value === "*"))) {
      const got = `ctx.get(${p.str("Origin")})`;
      const fn = `(ctx) => ([${quoted.join(", ")}].includes(${got}) ? ${got} : ${p.str("*")})`;
      const whyFn: Words = {
        key: "config.koa2cors.fix.credentials-origins",
        params: { origins: list.join(", ") },
      };
      if (node) p.replace(`origin:${node.start}`, node, fn, whyFn);
      else p.addProp(use, o.object, "origin", fn, whyFn);
      const cp = o.props.get("credentials");
      if (!creds) return;
      if (cp?.type === "ObjectProperty")
        p.replace(`cred:${cp.start}`, cp.value, "true", { key: "config.fix.credentials" });
      else p.addProp(use, o.object, "credentials", "true", { key: "config.fix.credentials" });
      return;
    }
    if (
      creds &&
      (!node || (node.type === "StringLiteral" && node.value === "*")) &&
      !(o.values.get("credentials") instanceof Fn)
    ) {
      const fn = `(ctx) => [${quoted.join(", ")}].includes(ctx.get(${p.str("Origin")}))`;
      const whyFn: Words = {
        key: "config.express.fix.koa-credentials-fn",
        params: { origins: list.join(", ") },
      };
      const cp = o.props.get("credentials");
      if (cp?.type === "ObjectProperty") p.replace(`cred:${cp.start}`, cp.value, fn, whyFn);
      else p.addProp(use, o.object, "credentials", fn, whyFn);
      return;
    }
    if (node?.type === "StringLiteral" && node.value !== "*") {
      const got = `ctx.get(${p.str("Origin")})`;
      p.replace(
        `origin:${node.start}`,
        node,
        `(ctx) => ([${[p.src(node), ...quoted].join(", ")}].includes(${got}) ? ${got} : ${p.src(node)})`,
        why,
      );
    } else if (node?.type === "ArrayExpression") {
      // A list @koa/cors would send whole: the function that answers each listed origin with its
      // own and any other with none (as before: a list was refused by every browser).
      const listed = new Set(node.elements.flatMap((e) => (e?.type === "StringLiteral" ? [e.value] : [])));
      const added = list.filter((o) => !listed.has(o)).map((o) => p.str(o));
      const got = `ctx.get(${p.str("Origin")})`;
      const direct = prop?.type === "ObjectProperty" && bare(prop.value) === node;
      if (direct)
        p.replace(
          `origin:${node.start}`,
          node,
          `(ctx) => (${p.src(node).replace(/\]\s*$/, added.length > 0 ? `, ${added.join(", ")}]` : "]")}.includes(${got}) ? ${got} : ${p.str("")})`,
          why,
        );
      else if (prop?.type === "ObjectProperty") {
        if (added.length > 0) p.appendArray(node, added, why);
        p.replace(
          `origin:${prop.value.start}`,
          prop.value,
          `(ctx) => (${p.src(prop.value)}.includes(${got}) ? ${got} : ${p.str("")})`,
          why,
        );
      } else {
        p.cannot.set(w.id, { key: "config.cannot.cause", params: { code: "multiple-allow-origin" } });
        return;
      }
    } else if (
      node &&
      (node.type === "ArrowFunctionExpression" ||
        node.type === "FunctionExpression" ||
        node.type === "ObjectMethod")
    ) {
      const arr = allowlistOf(p, node);
      // The list gets the origins it lacks, once the function reads the Origin.
      const fillList = () => {
        const listed = new Set(arr?.elements.flatMap((e) => (e?.type === "StringLiteral" ? [e.value] : [])));
        const add = list.filter((o) => !listed.has(o));
        if (arr && add.length > 0)
          p.appendArray(
            arr,
            add.map((o) => p.str(o)),
            { key: "config.express.fix.origin", params: { origins: add.join(", ") } },
          );
      };
      // Given ctx where it meant the Origin: it reads the Origin; its list gets what it lacks.
      const param = node.type === "ObjectMethod" ? null : ctxAsOrigin(node);
      // It tests the server's own host (ctx.host) where it meant the Origin: it tests the Origin.
      const own = ownHostReads(node);
      if (own.length > 0) {
        const ctx = p.src(bare((own[0] as t.MemberExpression).object)).replace(/\.request$/, "");
        for (const read of own)
          p.replace(`ctx-host:${read.start}`, read, `${ctx}.get(${p.str("Origin")})`, {
            key: "config.express.fix.koa-origin-host",
            params: { line: p.line(node), read: p.src(read), ctx },
          });
        fillList();
      } else if (param && originFromCtx(p, node as t.ArrowFunctionExpression | t.FunctionExpression, param)) {
        fillList();
      } else if (!arr) {
        p.cannot.set(w.id, { key: "config.express.cannot.origin-function", params: { line: p.line(node) } });
        return;
      } else if (!appendOrigins(p, arr, w, node)) return;
    } else {
      p.cannot.set(w.id, { key: "config.cannot.cause", params: { code: "allow-origin-mismatch" } });
      return;
    }
    if (creds) p.addProp(use, o.object, "credentials", "true", { key: "config.fix.credentials" });
    return;
  }
  const keepAny =
    p.app.dialect === "hono"
      ? `(origin) => ([${quoted.join(", ")}].includes(origin) ? origin : ${p.str("*")})`
      : `(origin, callback) => callback(null, [${quoted.join(", ")}].includes(origin) ? origin : ${p.str("*")})`;
  if (!prop || value === "*" || value === undefined) {
    // `*` (the default) stays for every other origin; the listed ones get their own (credentials need it).
    const whyAny: Words = { key: "config.express.fix.keep-wildcard", params: { origins: list.join(", ") } };
    if (prop && prop.type === "ObjectProperty")
      p.replace(`origin:${use.call.start}`, prop.value, keepAny, whyAny);
    else p.addProp(use, o.object, "origin", keepAny, whyAny);
    if (creds) p.addProp(use, o.object, "credentials", "true", { key: "config.fix.credentials" });
    return;
  }
  const node = p.valueNode(use, "origin");
  if (!node) {
    p.cannot.set(w.id, { key: "config.cannot.cause", params: { code: "allow-origin-mismatch" } });
    return;
  }
  // `process.env.X ?? "…"` / `|| "…"`: the deployed value is not known here. A deployed `*` or
  // empty value is passed on as it was (cors answers `*` to both; a list would hold a `*` that
  // matches no origin, https://github.com/expressjs/cors/blob/master/lib/index.js `isOriginAllowed`);
  // any other value joins a list with the origins.
  const envDefault =
    node.type === "LogicalExpression" && /^(import\.meta|process)\.env\./.test(p.src(node.left));
  if (envDefault)
    p.replace(
      `origin:${node.start}`,
      node,
      `((o) => (!o || o === ${p.str("*")} ? o : [o, ${quoted.join(", ")}]))(${p.src(node)})`,
      why,
    );
  else if (node.type === "StringLiteral" || node.type === "RegExpLiteral" || node.type === "TemplateLiteral")
    p.replace(`origin:${node.start}`, node, `[${[p.src(node), ...quoted].join(", ")}]`, why);
  // `origin: config.client.url`, a name or property read to one origin (maybe an environment
  // value's default): kept, the origins beside it — unless deployed it is `*` or empty, which cors
  // answers as before (a `*` in a list matches no Origin).
  else if (
    (node.type === "Identifier" || node.type === "MemberExpression") &&
    (typeof value === "string" || value instanceof RegExp)
  )
    p.replace(
      `origin:${node.start}`,
      node,
      `((o) => (!o || o === ${p.str("*")} ? o : [o, ${quoted.join(", ")}]))(${p.src(node)})`,
      why,
    );
  else if (node.type === "ArrayExpression") {
    if (!appendOrigins(p, node, w, null)) return;
  } else if (
    node.type === "ArrowFunctionExpression" ||
    node.type === "FunctionExpression" ||
    node.type === "ObjectMethod"
  ) {
    // The allowlist the callback reads: a same-file array of strings (or template strings, or regexes).
    const arr = allowlistOf(p, node, true);
    const parsed = arr ? null : parsedList(p, node);
    if (parsed) {
      // `JSON.parse(process.env.X || '[…]')`: whatever the environment's list holds stays, the
      // origins are added beside it. `[…].flat()`, not a spread: a deployed value that is one JSON
      // string stays one entry (a spread splits it into characters) and null does not throw at start.
      p.replace(`origin:${parsed.start}`, parsed, `[${p.src(parsed)}, ${quoted.join(", ")}].flat()`, why);
      if (creds) p.addProp(use, o.object, "credentials", "true", { key: "config.fix.credentials" });
      return;
    }
    if (!arr) {
      if (!wrapOriginFunction(p, prop, quoted, why)) {
        p.cannot.set(w.id, { key: "config.express.cannot.origin-function", params: { line: p.line(node) } });
        return;
      }
    } else if (!appendOrigins(p, arr, w, node)) return;
  } else if (
    node.type === "CallExpression" &&
    bare(node.callee).type === "MemberExpression" &&
    propName(bare(node.callee)) === "split" &&
    Array.isArray(value) &&
    value.every((x) => typeof x === "string")
  ) {
    // `(process.env.X || "https://a, https://b").split(",")`: the entries keep the space after
    // each comma (" https://b"), which no Origin equals. Trimmed; an origin still missing joins.
    const entries = (value as string[]).map((x) => x.trim());
    const missing = list.filter((x) => !entries.includes(x));
    const trimmed = `${p.src(node)}.map((s) => s.trim())`;
    p.replace(
      `origin:${node.start}`,
      node,
      missing.length === 0 ? trimmed : `[...${trimmed}, ${missing.map((x) => p.str(x)).join(", ")}]`,
      missing.length === 0 ? { key: "config.express.fix.origin-trim", params: { line: p.line(node) } } : why,
    );
  } else if (
    node.type === "CallExpression" &&
    prop?.type === "ObjectProperty" &&
    Array.isArray(value) &&
    value.every((x) => typeof x === "string" && x === x.trim()) &&
    envList(node)
  ) {
    // `(process.env.X ?? "a,b").split(",").map((s) => s.trim())`: a list whatever the environment
    // holds (String.prototype.split always returns an array, map and filter keep it one), read here
    // as its default's. The origins go after it, so a deployed value's origins stay allowed beside
    // them (hono/cors, cors and @fastify/cors take an array and test `includes`:
    // https://github.com/honojs/hono/blob/v4.13.19/src/middleware/cors/index.ts,
    // https://github.com/expressjs/cors/blob/v2.8.6/lib/index.js `isOriginAllowed`).
    const env = envList(node) as string;
    p.replace(`origin:${prop.value.start}`, prop.value, `[...${p.src(prop.value)}, ${quoted.join(", ")}]`, {
      key: "config.express.fix.origin-env-list",
      params: { origins: list.join(", "), line: p.line(node), env },
    });
  } else if (value === true) {
    // Any origin reflected already: the failure is elsewhere.
    p.cannot.set(w.id, { key: "config.cannot.cause", params: { code: "allow-origin-mismatch" } });
    return;
  } else if (!(value instanceof Fn) || !wrapOriginFunction(p, prop, quoted, why)) {
    p.cannot.set(w.id, { key: "config.express.cannot.origin-function", params: { line: p.line(node) } });
    return;
  }
  if (creds) p.addProp(use, o.object, "credentials", "true", { key: "config.fix.credentials" });
}

/**
 * The environment variable a list of origins is split from — `(process.env.X ?? "…").split(",")`,
 * then `.map(…)` / `.filter(…)` — or null for any other call (one that may return something else
 * than an array where the variable is set).
 */
function envList(node: t.CallExpression): string | null {
  let n: t.Node = node;
  for (let i = 0; i < 4; i++) {
    const b = bare(n);
    if (b.type !== "CallExpression" || bare(b.callee).type !== "MemberExpression") return null;
    const callee = bare(b.callee) as t.MemberExpression;
    const name = propName(callee);
    if (name === "map" || name === "filter") {
      n = callee.object;
      continue;
    }
    if (name !== "split") return null;
    const inner = bare(callee.object);
    const read =
      inner.type === "LogicalExpression" && ["??", "||"].includes(inner.operator) ? bare(inner.left) : inner;
    const m = /^(?:import\.meta|process|Bun)\.env\.([A-Za-z_$][\w$]*)$/.exec(dotted(read) ?? "");
    return m ? (m[1] as string) : null;
  }
  return null;
}

/**
 * An origin function CORS Lens cannot extend from inside (its own test, a lookup, a call): wrapped
 * in one that answers the listed origins first and hands every other origin to it unchanged, so
 * nothing it allowed or refused changes. cors and @fastify/cors take `(origin, callback)` (the
 * wrapper returns the function's own result, which @fastify/cors awaits when it is a promise:
 * https://github.com/fastify/fastify-cors/blob/main/index.js `resolveOriginWrapper`); hono/cors
 * takes `(origin, c)` and an origin or null back (https://github.com/honojs/hono/blob/main/src/middleware/cors/index.ts).
 */
function wrapOriginFunction(
  p: Patcher,
  prop: t.ObjectProperty | t.ObjectMethod | t.SpreadElement | undefined,
  quoted: string[],
  why: Words,
): boolean {
  if (!prop || prop.type === "SpreadElement" || prop.computed) return false;
  const text = p.app.text;
  let inner: string;
  if (prop.type === "ObjectMethod") {
    if (prop.kind !== "method") return false;
    inner = `(${prop.async ? "async " : ""}function${prop.generator ? "*" : ""} ${text.slice(prop.key.end ?? 0, prop.end ?? 0)})`;
  } else {
    const v = bare(prop.value);
    inner =
      v.type === "Identifier" || v.type === "MemberExpression" ? p.src(prop.value) : `(${p.src(prop.value)})`;
  }
  const list = `[${quoted.join(", ")}]`;
  const wrapper =
    p.app.dialect === "hono"
      ? `(requestOrigin, c) => (${list}.includes(requestOrigin) ? requestOrigin : ${inner}(requestOrigin, c))`
      : `(requestOrigin, callback) => (${list}.includes(requestOrigin) ? callback(null, true) : ${inner}(requestOrigin, callback))`;
  if (prop.type === "ObjectMethod" || prop.shorthand)
    p.replace(`origin:${prop.start}`, prop, `origin: ${wrapper}`, why);
  else p.replace(`origin:${prop.start}`, prop.value, wrapper, why);
  return true;
}

function setCredentials(p: Patcher, use: CorsUse, origins: string[] = [], id = ""): void {
  if ("key" in use.options) return;
  const prop = use.options.props.get("credentials");
  // @koa/cors' credentials function (`(ctx) => TRUSTED.includes(ctx.get("Origin"))`): the list it
  // reads grows by the page's origin; `true` would give credentials to every origin it answers.
  const fn = prop?.type === "ObjectProperty" ? bare(prop.value) : null;
  if (fn && (fn.type === "ArrowFunctionExpression" || fn.type === "FunctionExpression")) {
    const arr = allowlistOf(p, fn);
    const listed = new Set(arr?.elements.flatMap((e) => (e?.type === "StringLiteral" ? [e.value] : [])));
    const add = origins.filter((o) => !listed.has(o));
    if (!arr || add.length === 0) {
      p.cannot.set(id, { key: "config.express.cannot.origin-function", params: { line: p.line(fn) } });
      return;
    }
    p.appendArray(
      arr,
      add.map((o) => p.str(o)),
      { key: "config.express.fix.credentials-list", params: { origins: add.join(", "), line: p.line(fn) } },
    );
    return;
  }
  if (prop && prop.type === "ObjectProperty")
    p.replace(`cred:${prop.start}`, prop.value, "true", { key: "config.fix.credentials" });
  else p.addProp(use, use.options.object, "credentials", "true", { key: "config.fix.credentials" });
}

function extendList(p: Patcher, use: CorsUse, key: "methods" | "allowedHeaders", names: string[]): void {
  if ("key" in use.options) return;
  const o = use.options;
  const hono = p.app.dialect === "hono" || p.app.dialect === "koa";
  const propKey = hono
    ? key === "methods"
      ? "allowMethods"
      : "allowHeaders"
    : key === "allowedHeaders" && !o.props.has("allowedHeaders") && o.props.has("headers")
      ? "headers"
      : key;
  const defaults =
    p.app.dialect === "koa"
      ? use.koa2
        ? KOA2_METHODS
        : KOA_METHODS
      : p.app.dialect === "fastify"
        ? FASTIFY_METHODS
        : hono
          ? HONO_METHODS
          : DEFAULT_METHODS;
  const node = p.valueNode(use, propKey);
  const fixKey = key === "methods" ? "config.fix.methods" : "config.fix.headers";
  if (!node) {
    const all = key === "methods" ? [...defaults, ...names.filter((n) => !defaults.includes(n))] : names;
    p.addProp(use, o.object, propKey, `[${all.map((n) => p.str(n)).join(", ")}]`, {
      key: key === "methods" ? "config.fix.methods-new" : "config.fix.headers-new",
      params: { names: names.join(", ") },
    });
    return;
  }
  if (node.type === "ArrayExpression") {
    const have = node.elements.flatMap((e) => (e?.type === "StringLiteral" ? [lower(e.value)] : []));
    const add = names.filter((n) => !have.includes(lower(n)));
    if (add.length)
      p.appendArray(
        node,
        add.map((n) => p.str(n)),
        { key: fixKey, params: { names: add.join(", "), line: p.line(node) } },
      );
    return;
  }
  if (node.type === "StringLiteral") {
    const have = node.value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const add = names.filter((n) => !have.some((h) => lower(h) === lower(n)));
    if (!add.length) return;
    const sep = /,\s/.test(node.value) ? ", " : ",";
    p.replace(`list:${node.start}`, node, p.str([...have, ...add].join(sep)), {
      key: fixKey,
      params: { names: add.join(", "), line: p.line(node) },
    });
  }
}

/**
 * A function of the file the handlers set their CORS headers from, in the form
 * `res.set(name(req))` / `res.header(name(req))` (Express), and that returns them: its name.
 */
function headerBuilder(app: ExpressApp): string | null {
  if (app.dialect !== "express") return null;
  const m =
    /\b(?:res|response)\s*\.\s*(?:set|header)\(\s*([A-Za-z_$][\w$]*)\(\s*(?:req|request)\s*\)\s*\)/.exec(
      app.text,
    );
  const name = m?.[1];
  const fn = name ? (app as ExpressApp & { reader: Reader }).reader.functions.get(name) : undefined;
  return name && fn && /access-control-allow-origin/i.test(app.text.slice(fn.start ?? 0, fn.end ?? 0))
    ? name
    : null;
}

/** `app.use((req, res, next) => { res.set(name(req)); next(); })` right after the app and the function exist. */
function earlyBuilder(p: Patcher, name: string): void {
  const app = p.app;
  const made = appStatement(app);
  const reader = (app as ExpressApp & { reader: Reader }).reader;
  const fn = reader.functions.get(name);
  if (!made || !fn) return;
  // A function declaration is hoisted; a const arrow exists from its line on.
  const decl =
    fn.type === "FunctionDeclaration"
      ? null
      : app.program.body.find((s) => (s.start ?? 0) <= (fn.start ?? 0) && (s.end ?? 0) >= (fn.end ?? 0));
  const after = decl && (decl.end ?? 0) > (made.end ?? 0) ? decl : made;
  const text = app.text;
  const at = afterLine(text, after.end ?? 0);
  const indent = indentAt(text, after.start ?? 0);
  const appName = app.appName ?? "app";
  p.insert(
    `early-builder:${name}`,
    at,
    `\n${indent}${appName}.use((req, res, next) => {\n${indent}  res.set(${name}(req));\n${indent}  next();\n${indent}});\n`,
    { key: "config.express.fix.early-builder", params: { name, line: p.line(after) } },
  );
}

/** The statement that makes the app (`const app = express()`), where a new registration goes after. */
function appStatement(app: ExpressApp): t.Statement | undefined {
  const appName = app.appName ?? "app";
  return (
    app.made ??
    app.program.body.find(
      (s) =>
        s.type === "VariableDeclaration" &&
        s.declarations.some((d) => d.id.type === "Identifier" && d.id.name === appName),
    )
  );
}

/** No CORS anywhere: `cors` imported and registered right after the app is made. */
function addCors(p: Patcher, wants: Array<{ origin: string; credentials: boolean }>): void {
  const app = p.app;
  const text = app.text;
  const appName = app.appName ?? "app";
  const made = appStatement(app);
  if (!made) return;
  const origins = [...new Set(wants.map((w) => w.origin))];
  const creds = wants.some((w) => w.credentials);
  const name = app.corsName ?? "cors";
  const originText =
    app.dialect === "koa"
      ? origins.length === 1
        ? p.str(origins[0] as string)
        : `(ctx) => ([${origins.map((o) => p.str(o)).join(", ")}].includes(ctx.get(${p.str("Origin")})) ? ctx.get(${p.str("Origin")}) : "")`
      : `[${origins.map((o) => p.str(o)).join(", ")}]`;
  // CORS written from nothing exposes nothing: the headers the app's routes write (a list's
  // X-Total-Count, a new resource's Location) would no longer reach the page's script
  // (./written-headers.ts). cors and @fastify/cors call the option exposedHeaders, @koa/cors and
  // hono/cors exposeHeaders.
  const expose = exposedNames(routeHeaderNames(app));
  const exposeKey = app.dialect === "koa" || app.dialect === "hono" ? "exposeHeaders" : "exposedHeaders";
  const exposeText = expose.length > 0 ? `, ${exposeKey}: [${expose.map((n) => p.str(n)).join(", ")}]` : "";
  const opts = `{ origin: ${originText}${creds ? ", credentials: true" : ""}${exposeText} }`;
  const fastify = app.dialect === "fastify";
  const why: Words = {
    key: fastify
      ? expose.length > 0
        ? "config.fastify.fix.add-expose"
        : "config.fastify.fix.add"
      : expose.length > 0
        ? "config.express.fix.add-expose"
        : "config.express.fix.add",
    params: { origins: origins.join(", "), expose: expose.join(", ") },
  };
  if (!app.corsName) {
    const imports = app.program.body.filter(
      (s) =>
        s.type === "ImportDeclaration" ||
        (s.type === "VariableDeclaration" &&
          s.declarations.some(
            (d) => d.init && bare(d.init).type === "CallExpression" && /^require\(/.test(p.src(bare(d.init))),
          )),
    );
    const lastImport = imports.filter((s) => (s.start ?? 0) < (made.start ?? 0)).at(-1);
    const hono = app.dialect === "hono";
    const koa = app.dialect === "koa";
    const line = fastify
      ? app.moduleKind === "esm"
        ? `import ${name} from ${p.str("@fastify/cors")};`
        : `const ${name} = require(${p.str("@fastify/cors")});`
      : app.moduleKind === "esm"
        ? koa
          ? `import ${name} from ${p.str("@koa/cors")};`
          : hono
            ? `import { ${name} } from ${p.str("hono/cors")};`
            : `import ${name} from ${p.str("cors")};`
        : koa
          ? `const ${name} = require(${p.str("@koa/cors")});`
          : hono
            ? `const { ${name} } = require(${p.str("hono/cors")});`
            : `const ${name} = require(${p.str("cors")});`;
    const at = lastImport ? afterLine(text, lastImport.end ?? 0) : 0;
    p.insert("import-cors", at, `${line}\n`, why);
  }
  const all = app.dialect === "hono" ? `${p.str("*")}, ` : "";
  // `const app = new Hono().get(…).post(…)`: a link of the chain right after the app is made, so that
  // it is registered before the routes (a `use` after the statement would come after them).
  const made0 =
    made.type === "VariableDeclaration"
      ? made.declarations.find((d) => d.id.type === "Identifier" && d.id.name === appName)?.init
      : undefined;
  const root = made0 && !fastify ? chainRoot(made0) : null;
  if (made0 && root && root !== bare(made0)) {
    p.insert(
      "add-cors",
      root.end ?? 0,
      `\n${indentAt(text, made.start ?? 0)}  .use(${all}${name}(${opts}))`,
      why,
    );
    return;
  }
  p.insert(
    "add-cors",
    afterLine(text, made.end ?? 0),
    fastify
      ? `${indentAt(text, made.start ?? 0)}${appName}.register(${name}, ${opts});\n`
      : `${indentAt(text, made.start ?? 0)}${appName}.use(${all}${name}(${opts}));\n`,
    why,
  );
}

/** Fastify: a plugin context (not the app's) with no routes of its own, under no route-bearing plugin. */
export function encapsulatedAlone(app: ExpressApp, stack: ExpressApp["corsUses"][number]["stack"]): boolean {
  if (stack === app.app || !(stack as { encapsulated?: boolean }).encapsulated) return false;
  const routes = (s: typeof stack): boolean =>
    s.layers.some(
      (l) => l.methods !== null || l.handlers.some((h) => h.kind === "router" && routes(h.router)),
    );
  return !routes(stack);
}

/**
 * Fastify: @fastify/cors moved out of a plugin that has no routes (its hooks stayed in that context)
 * onto the app, right after the app is made, with its arguments as written.
 */
function hoist(p: Patcher, c: ExpressApp["corsUses"][number]): void {
  const app = p.app;
  const text = app.text;
  const appName = app.appName ?? "app";
  const made = appStatement(app);
  if (!made) return;
  // A constant of the plugin's own given whole as an argument (`fastify.register(cors, corsOptions)`
  // with `const corsOptions = {…}` above it in the plugin) is written out where the call goes: the
  // name does not exist outside the plugin.
  const topLevel = (n: string) => {
    const k = app.consts.get(n);
    return k !== undefined && app.program.body.includes(k.statement as t.Statement);
  };
  const argNodes = c.use.call.arguments.map((a) => {
    const b = bare(a);
    const k = b.type === "Identifier" && !topLevel(b.name) ? app.consts.get(b.name) : undefined;
    return k ? k.init : a;
  });
  const names = new Set<string>();
  for (const a of argNodes) namesIn(a, names);
  // Names the arguments use must be the file's own (top-level constants, imports), not the plugin's.
  const local = [...names].filter(
    (n) => !topLevel(n) && n !== app.corsName && !/^(require|undefined|process)$/.test(n),
  );
  const keys = new Set(
    argNodes.flatMap((a) =>
      a.type === "ObjectExpression"
        ? a.properties.flatMap((x) =>
            x.type === "ObjectProperty" && x.key.type === "Identifier" ? [x.key.name] : [],
          )
        : [],
    ),
  );
  if (
    local.some(
      (n) => !keys.has(n) && !(app as { reader?: { imports: Map<string, string> } }).reader?.imports.has(n),
    )
  )
    return;
  const mount = app.app?.layers.find((l) =>
    l.handlers.some((h) => h.kind === "router" && h.router === c.stack),
  );
  const why: Words = {
    key: encapsulatedAlone(app, c.stack) ? "config.fastify.fix.hoist" : "config.fastify.fix.hoist-other",
    params: { line: mount?.line ?? c.layer.line },
  };
  const stmt = c.layer.statement;
  p.cut(`hoist-out:${stmt.start}`, lineStart(text, stmt.start ?? 0), afterLine(text, stmt.end ?? 0), why);
  const args = argNodes.map((a) => p.src(a)).join(", ");
  p.insert(
    `hoist-in:${stmt.start}`,
    afterLine(text, made.end ?? 0),
    `${indentAt(text, made.start ?? 0)}${appName}.register(${args});\n`,
    why,
  );
}
