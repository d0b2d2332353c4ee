/**
 * Express apps read with @babel/parser: the middleware stack in registration order (the `cors`
 * package, `express.static`, auth middleware, hand-written middleware that sets CORS headers,
 * routes, routers mounted with `app.use(path, router)`), and what it answers to one request.
 * Pure: the text in, the model out. Where the code is more than literals and the small subset of
 * JavaScript evaluated here, the answer is "unknown" with the line, never a guess.
 */
import { parse } from "@babel/parser";
import type * as t from "@babel/types";
import type { HeaderList } from "../../engine";
import { escapeRegex } from "../origin-regex";
import type { Answer, HopRequest, Words } from "../types";
import { ConfigSyntaxError } from "../types";
import { recordedAllowOrigin, Unknown } from "../whatif";

export class JsSyntaxError extends ConfigSyntaxError {}

/** A value the evaluator knows: JSON-like values, RegExps, or a function of the origin (cors' callback form). */
export type Val =
  | string
  | number
  | boolean
  | null
  | undefined
  | RegExp
  | Val[]
  | { [k: string]: Val }
  | Fn
  | EnvRef;
/** The name of a middleware that checks credentials (`passport.authenticate`, `requireToken`, `basicAuth`). */
const AUTH_NAME = /auth|jwt|passport|token|protect|require|guard|verify|login|session/i;

/** How each dialect's app is made, for the words. */
export const MAKER = {
  express: "express()",
  koa: "new Koa()",
  hono: "new Hono()",
  fastify: "fastify()",
} as const;

export class Fn {
  constructor(readonly fn: t.Function) {}
}
/**
 * `process.env.X` written as an entry of a list (`origin: [process.env.URL, "https://a.example"]`):
 * unknown here, it matches no origin of the record (unset it is `undefined`, which the cors
 * packages skip; set, the record shows the page's origin was not it). A patch keeps it and adds.
 */
export class EnvRef {
  constructor(readonly code: string) {}
}

/**
 * A template string spelled from the environment, written as an entry of a list
 * (`origin: [`http://localhost:${process.env.FRONTEND_PORT}`]`): its literal parts are known, the
 * environment's are not. An origin that does not fit the literal parts is one it can never equal,
 * whatever is deployed; one that fits is unknown, save where the record shows the verdict.
 */
export class EnvTemplate extends EnvRef {
  /** The literal runs between the environment's values (known values folded in), in order. */
  constructor(
    code: string,
    readonly parts: string[],
    readonly line: number,
    /** The environment's values as written (`process.env.FRONTEND_PORT`), one per gap between parts. */
    readonly env: string[],
  ) {
    super(code);
  }

  /** Whether some value of the environment could make the entry equal `origin`. */
  couldBe(origin: string): boolean {
    return new RegExp(`^${this.parts.map(escapeRegex).join("[\\s\\S]*")}$`).test(origin);
  }
}

/** The cors package's options as read (https://github.com/expressjs/cors/blob/master/lib/index.js). */
export interface CorsOptions {
  /** The options object literal (absent for `cors()`), for the patcher. */
  object: t.ObjectExpression | null;
  /** The object's property nodes by name (as written), for the patcher. */
  props: Map<string, t.ObjectProperty | t.ObjectMethod>;
  values: Map<string, Val>;
  /** Options that could not be read, and why (a computed value, an import). */
  unread: Map<string, Words>;
}

export interface CorsUse {
  kind: "cors";
  call: t.CallExpression;
  options: CorsOptions | Words;
  /** Koa: koa2-cors, not @koa/cors (koa2Cors: its defaults and its credentials differ). */
  koa2?: true;
}

export type Middleware =
  | CorsUse
  | { kind: "static"; node: t.Node }
  | { kind: "pass"; node: t.Node }
  | { kind: "auth"; node: t.Node; name: string; jwt: boolean }
  /**
   * `bound`: a factory's parameters, for the function it returned (`guard(640)`: level = 640);
   * `site`: that factory's call, where the middleware is registered.
   */
  | {
      kind: "fn";
      node: t.Function;
      name?: string;
      bound?: Map<string, Val>;
      site?: t.CallExpression;
      /** The factory whose call made it (`responseCors()`), for the patcher to follow its values. */
      factory?: t.Function;
    }
  | { kind: "router"; router: Stack; node: t.Node }
  /** Koa: `router.allowedMethods()`, the router's OPTIONS answer (200 with Allow) where a route has the path. */
  | { kind: "allowed"; router: Stack; node: t.Node }
  /**
   * Hono's `etag()` (hono/etag): a matching If-None-Match gets a 304 of its own that keeps only
   * `retained` (lower case; null: an option CORS Lens cannot read).
   */
  | { kind: "etag"; node: t.CallExpression; retained: Set<string> | null }
  | { kind: "unknown"; node: t.Node; name: string };

/** One registration: `app.use(path?, …mw)`, `app.METHOD(path, …handlers)`, `app.route(path).METHOD(…)`. */
export interface Layer {
  /** `use` matches the path and what is below it (Express, a Hono `route` mount); Hono's `use` the pattern only. */
  prefix: boolean;
  /** The statement that registers it (what the patcher moves or inserts before). */
  statement: t.Statement;
  /** The mount path (`use`) or the route path. */
  path: PathPattern;
  /** null: `use` (every method, prefix match); otherwise the route's methods (upper case; "ALL"). */
  methods: string[] | null;
  handlers: Middleware[];
  line: number;
  /** Fastify: the lifecycle phase of a hook (0 onRequest … 3 preHandler); absent for a plugin or a route. */
  phase?: number;
}

export interface PathPattern {
  source: string;
  /** The path as written (a string literal or a RegExp literal), or null for none. */
  node: t.Node | null;
  test(path: string, prefix: boolean): { matched: boolean; rest: string };
}

export interface Stack {
  name: string;
  layers: Layer[];
  /** Koa: `new Router({ prefix })`, put before every route path. */
  prefix?: string;
  /**
   * Fastify: `addHook("onSend", async (request, reply, payload) => …)` functions, run on every
   * answer before it is sent (https://fastify.dev/docs/latest/Reference/Hooks/#onsend).
   */
  onSend?: t.Function[];
}

export interface ExpressApp {
  file: string;
  text: string;
  program: t.Program;
  /** The app's stack (`const app = express()`), routers flattened into it where mounted. */
  app: Stack | null;
  appName: string | null;
  /**
   * Express, Hono (`new Hono()`, `cors` from hono/cors: https://hono.dev/docs/middleware/builtin/cors),
   * Koa, or Fastify (`register(cors, …)` and `addHook`, read in ./fastify.ts).
   */
  dialect: "express" | "hono" | "koa" | "fastify";
  /** Fastify: plugins from other files (their routes unseen), by prefix: a path no route answers is unknown there. */
  opaque?: Array<{ prefix: string; line: number }>;
  /** Fastify: the statement that makes the app (top-level, or in the function that builds it). */
  made?: t.Statement;
  /** The name `cors` is bound to (`require("cors")`, `import cors from "cors"`), or null. */
  corsName: string | null;
  moduleKind: "esm" | "cjs";
  /** Top-level `const` declarations, by name (followed for literal values). */
  consts: Map<string, { init: t.Expression; statement: t.Statement }>;
  /** Every cors() call found in the stack, with its layer. */
  corsUses: Array<{ use: CorsUse; layer: Layer; stack: Stack }>;
  lineOf(offset: number): number;
}

const lower = (s: string) => s.toLowerCase();

export function parseJs(text: string, file: string): t.File {
  try {
    return parse(text, {
      sourceType: "unambiguous",
      plugins: ["typescript", "jsx"],
      errorRecovery: false,
    }) as unknown as t.File;
  } catch (e) {
    const err = e as { loc?: { line: number }; message?: string };
    const detail = (err.message ?? String(e)).replace(/\s*\(\d+:\d+\)$/, "");
    throw new JsSyntaxError(file, err.loc?.line ?? 1, detail);
  }
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Unwraps TypeScript's `x as T`, `x!`, `<T>x`, `x satisfies T` and parentheses. */
export function bare(e: t.Node): t.Node {
  let n = e;
  for (;;) {
    if (
      n.type === "TSAsExpression" ||
      n.type === "TSNonNullExpression" ||
      n.type === "TSTypeAssertion" ||
      n.type === "TSSatisfiesExpression" ||
      n.type === "ParenthesizedExpression"
    )
      n = n.expression;
    else return n;
  }
}

function isCall(n: t.Node, callee?: (c: t.Node) => boolean): n is t.CallExpression {
  return n.type === "CallExpression" && (!callee || callee(bare(n.callee)));
}

export function isName(n: t.Node, name: string): boolean {
  return n.type === "Identifier" && n.name === name;
}

/** `require("x")` */
export function requireOf(n: t.Node | null | undefined): string | null {
  if (!n) return null;
  const b = bare(n);
  if (b.type === "CallExpression" && isName(b.callee, "require") && b.arguments[0]?.type === "StringLiteral")
    return b.arguments[0].value;
  return null;
}

/** The methods that change an array, a Set or a Map in place. */
const MUTATORS = new Set([
  "push",
  "unshift",
  "splice",
  "pop",
  "shift",
  "sort",
  "reverse",
  "fill",
  "copyWithin",
  "add",
  "set",
  "delete",
  "clear",
]);

/** The statement list (a block's or the program's) that holds a statement, or null. */
function containerOf(root: t.Node, statement: t.Statement): t.Statement[] | null {
  const walk = (n: t.Node): t.Statement[] | null => {
    if ((n.type === "BlockStatement" || n.type === "Program") && n.body.includes(statement as never))
      return n.body as t.Statement[];
    if ((n.start ?? 0) > (statement.start ?? 0) || (n.end ?? 0) < (statement.end ?? 0)) return null;
    for (const c of childNodes(n)) {
      const got = walk(c);
      if (got) return got;
    }
    return null;
  };
  return walk(root);
}

/** The child nodes of an AST node (locations and comments left out), in source order. */
/** Every layer's handlers of the app's stack and of the routers mounted in it (each stack once). */
export function* allHandlers(app: ExpressApp): Generator<{ layer: Layer; handler: Middleware }> {
  const seen = new Set<Stack>();
  const stacks: Stack[] = app.app ? [app.app] : [];
  for (let s = stacks.pop(); s; s = stacks.pop()) {
    if (seen.has(s)) continue;
    seen.add(s);
    for (const layer of s.layers)
      for (const handler of layer.handlers) {
        yield { layer, handler };
        if (handler.kind === "router") stacks.push(handler.router);
      }
  }
}

export function childNodes(n: t.Node): t.Node[] {
  const out: t.Node[] = [];
  for (const [k, v] of Object.entries(n)) {
    if (k === "loc" || k.endsWith("Comments")) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "type" in x) out.push(x as t.Node);
    } else if (v && typeof v === "object" && "type" in v) out.push(v as t.Node);
  }
  return out;
}

/** `obj.prop` / `obj["prop"]` → prop */
export function propName(m: t.Node): string | null {
  if (m.type !== "MemberExpression" && m.type !== "OptionalMemberExpression") return null;
  if (!m.computed && m.property.type === "Identifier") return m.property.name;
  if (m.property.type === "StringLiteral") return m.property.value;
  return null;
}

/** The dotted name of a callee (`passport.authenticate`, `express.static`, `cors`), or null. */
export function dotted(n: t.Node): string | null {
  const b = bare(n);
  if (b.type === "Identifier") return b.name;
  if (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") {
    const head = dotted(b.object);
    const p = propName(b);
    return head && p ? `${head}.${p}` : null;
  }
  return null;
}

function makePath(node: t.Node | null, source: string, regex: RegExp | null): PathPattern {
  return {
    source,
    node,
    test: (path, prefix) => {
      if (regex) {
        const m = regex.exec(path);
        if (m?.index !== 0) return { matched: false, rest: path };
        if (!prefix) return { matched: m[0].length === path.length, rest: "" };
        const restR = path.slice(m[0].length);
        return { matched: restR === "" || restR.startsWith("/"), rest: restR || "/" };
      }
      return { matched: false, rest: path };
    },
  };
}

/**
 * An Express path as a RegExp: `:param` (one segment), `*name`/`*`/`(.*)` (anything), `{…}` optional
 * parts (path-to-regexp 8, https://github.com/pillarjs/path-to-regexp#readme), `:param?` (Express 4).
 */
export function pathRegex(source: string): RegExp {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ":") {
      const m = /^:(\w+)(\?)?/.exec(source.slice(i));
      const len = m?.[0].length ?? 1;
      out += m?.[2] ? "?([^/]*)" : "([^/]+)";
      i += len;
      if (m?.[2] && out.endsWith("/?([^/]*)") === false)
        out = out.replace(/\/\?\(\[\^\/\]\*\)$/, "(?:/[^/]*)?");
      continue;
    }
    if (c === "*") {
      const m = /^\*(\w*)/.exec(source.slice(i));
      out += "(.*)";
      i += m?.[0].length ?? 1;
      continue;
    }
    if (source.startsWith("(.*)", i)) {
      out += "(.*)";
      i += 4;
      continue;
    }
    if (c === "{") {
      out += "(?:";
      i++;
      continue;
    }
    if (c === "}") {
      out += ")?";
      i++;
      continue;
    }
    out += /[\\^$.|?+()[\]]/.test(c) ? `\\${c}` : c;
    i++;
  }
  try {
    return new RegExp(`^${out}`, "i");
  } catch {
    // A path Express itself would refuse at startup: it matches nothing here.
    return /$^/;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function stringPath(node: t.Node | null, source: string, hono = false): PathPattern {
  // Hono: "*" is every path; "/api/*" is /api and below (https://hono.dev/docs/api/routing).
  const pattern = hono && source !== "*" && source.endsWith("/*") ? source.slice(0, -2) : source;
  const re = pathRegex(pattern.replace(/\/+$/, "") || "/");
  const below = hono && pattern !== source;
  const root = source === "/" || source === "" || (hono && source === "*");
  // "/api/**" is not "everything below /api" to Hono: its RegExpRouter (hono 4.13,
  // src/router/reg-exp-router) ran such a middleware for none of an app's routes, static or with
  // parameters, under /api (https://github.com/honojs/website/pull/672 made the docs' "/api/**" "/api/*").
  const none = hono && source.includes("**");
  return {
    source,
    node,
    test: (path, prefix) => {
      if (none) return { matched: false, rest: path };
      if (root && hono && source === "*") return { matched: true, rest: path };
      if (root) return prefix ? { matched: true, rest: path } : { matched: path === "/", rest: "" };
      const m = re.exec(path);
      if (!m) return { matched: false, rest: path };
      const rest = path.slice(m[0].length);
      if (below) return { matched: rest === "" || rest.startsWith("/"), rest: rest || "/" };
      if (!prefix) return { matched: rest === "" || rest === "/", rest: "" };
      return { matched: rest === "" || rest.startsWith("/"), rest: rest || "/" };
    },
  };
}

export const ANY_PATH = stringPath(null, "/");

const PASS = new Set([
  "express.json",
  "express.urlencoded",
  "express.raw",
  "express.text",
  "bodyParser.json",
  "bodyParser.urlencoded",
  "bodyParser.raw",
  "bodyParser.text",
  "cookieParser",
  "morgan",
  "helmet",
  "compression",
  "session",
  "passport.initialize",
  "passport.session",
  "logger",
]);

/**
 * Packages whose middleware passes a CORS request on (a logger, a security-header setter, a body
 * parser, a rate limiter under its limit, a session loader): the request reaches what follows.
 */
const PASS_MODULES = new Set([
  "morgan",
  "helmet",
  "compression",
  "cookie-parser",
  "body-parser",
  "express-session",
  "cookie-session",
  "express-rate-limit",
  "express-slow-down",
  "hpp",
  "express-mongo-sanitize",
  "xss-clean",
  "response-time",
  "method-override",
  "serve-favicon",
  "connect-timeout",
  "express-fileupload",
  "pino-http",
  "express-winston",
  "express-request-id",
]);

export class Reader {
  readonly consts = new Map<string, { init: t.Expression; statement: t.Statement }>();
  /** Top-level function declarations and `const f = (req, res, next) => …`, by name. */
  readonly functions = new Map<string, t.Function>();
  /** Names bound by imports/requires, and the module. */
  readonly imports = new Map<string, string>();
  readonly lineOf: (offset: number) => number;
  constructor(
    readonly file: string,
    readonly text: string,
    readonly program: t.Program,
  ) {
    this.lineOf = lineIndex(text);
  }

  line(n: t.Node): number {
    return this.lineOf(n.start ?? 0);
  }

  private envCache: Map<string, t.Expression> | null = null;
  /**
   * `process.env.ROOT_URL = process.env.ROOT_URL || "https://…"` as a top-level statement (a default
   * written into the environment, the shape of a `.env` loader's fallback): the expression the name
   * holds from then on, read as any `process.env.X || "…"` is (its default). Only a name set once.
   */
  envSet(n: t.Node): t.Expression | null {
    if (!this.envCache) {
      const found = new Map<string, t.Expression>();
      const twice = new Set<string>();
      for (const st of this.program.body) {
        const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
        if (e?.type !== "AssignmentExpression" || e.operator !== "=" || !isEnv(e.left)) continue;
        const k = propName(e.left);
        if (k === null) continue;
        if (found.has(k)) twice.add(k);
        found.set(k, e.right);
      }
      for (const k of twice) found.delete(k);
      this.envCache = found;
    }
    const b = bare(n);
    if (!isEnv(b)) return null;
    const k = propName(b);
    const set = k === null ? undefined : this.envCache.get(k);
    // Inside the right side itself the name is the environment's own (`process.env.X || "…"`: its default).
    const within = set && (set.start ?? 0) <= (b.start ?? 0) && (b.end ?? 0) <= (set.end ?? 0);
    return set && !within ? set : null;
  }

  private mutationCache: Map<string, t.Node[]> | null = null;
  /**
   * Where a name's value is changed in place after it is made (`list.push(…)`, `opts.origin = …`):
   * a const bound to an array or object literal is that literal only until then.
   */
  mutations(name: string): t.Node[] {
    if (!this.mutationCache) {
      const found = new Map<string, t.Node[]>();
      const add = (k: string, n: t.Node) => found.set(k, [...(found.get(k) ?? []), n]);
      const walk = (n: t.Node) => {
        if (n.type === "CallExpression" || n.type === "OptionalCallExpression") {
          const callee = bare(n.callee);
          const obj =
            callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression"
              ? bare(callee.object)
              : null;
          if (obj?.type === "Identifier" && MUTATORS.has(propName(callee) ?? "")) add(obj.name, n);
        }
        const target =
          n.type === "AssignmentExpression" ? n.left : n.type === "UpdateExpression" ? n.argument : null;
        if (target?.type === "MemberExpression") {
          let o: t.Node = target;
          while (o.type === "MemberExpression") o = bare(o.object);
          if (o.type === "Identifier") add(o.name, n);
        }
        for (const c of childNodes(n)) walk(c);
      };
      walk(this.program);
      this.mutationCache = found;
    }
    return this.mutationCache.get(name) ?? [];
  }

  /**
   * A const array literal grown by `list.push(…)` / `list.unshift(…)` statements in the block that
   * declares it (or in `if` blocks there whose tests are known): the list as those statements leave
   * it, in order — graphile/starter's installCors (`const origin = []; if (…) origin.push(…)`). Any
   * other change (a loop, a callback, `splice`, an index set): unknown.
   */
  private grown(
    name: string,
    init: t.ArrayExpression,
    statement: t.Statement,
    env: Map<string, Val>,
    depth: number,
  ): Val {
    const sites = new Set(this.mutations(name));
    const unknown = (n: t.Node): never => {
      throw new Unknown({
        key: "config.express.unknown.mutated",
        params: { name, line: this.line(n) },
      });
    };
    const block = containerOf(this.program, statement);
    if (!block) return unknown([...sites][0] as t.Node);
    let list = this.value(init, env, depth + 1) as Val[];
    const inside = (a: t.Node, n: t.Node) => (a.start ?? 0) <= (n.start ?? 0) && (n.end ?? 0) <= (a.end ?? 0);
    const run = (ss: readonly t.Statement[]) => {
      for (const st of ss) {
        const here = [...sites].filter((x) => inside(st, x));
        if (here.length === 0) continue;
        const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
        if (e?.type === "CallExpression" && here.length === 1 && here[0] === e) {
          const callee = bare(e.callee) as t.MemberExpression;
          const m = propName(callee);
          if (m !== "push" && m !== "unshift") return unknown(e);
          const added = e.arguments.flatMap((a): Val[] => {
            if (a.type !== "SpreadElement") return [this.value(a, env, depth + 1)];
            const v = this.value(a.argument, env, depth + 1);
            return Array.isArray(v) ? v : unknown(a);
          });
          list = m === "push" ? [...list, ...added] : [...added, ...list];
          sites.delete(e);
          continue;
        }
        if (st.type === "BlockStatement") {
          run(st.body);
          continue;
        }
        if (st.type === "IfStatement" && !inside(st.test, here[0] as t.Node)) {
          const branch = truthy(this.value(st.test, env, depth + 1)) ? st.consequent : st.alternate;
          for (const x of here) if (!branch || !inside(branch, x)) sites.delete(x);
          if (branch) run(branch.type === "BlockStatement" ? branch.body : [branch]);
          continue;
        }
        return unknown(here[0] as t.Node);
      }
    };
    const at = block.indexOf(statement);
    run(block.slice(at + 1));
    if (sites.size > 0) return unknown([...sites][0] as t.Node);
    return list;
  }

  /** The object literal a name stands for (a same-file const, not rebound in `env`), or null. */
  objectLiteral(e: t.Node, env: Map<string, Val>): t.ObjectExpression | null {
    let n = bare(e);
    for (let i = 0; i < 5 && n.type === "Identifier" && !env.has(n.name); i++) {
      const c = this.consts.get(n.name);
      if (!c || this.mutations(n.name).length > 0) return null;
      n = bare(c.init);
    }
    return n.type === "ObjectExpression" ? n : null;
  }

  /**
   * A template literal with `process.env.X` (not set in the file) among its values: its literal
   * parts, the other values read as usual. Null where no value is the environment's.
   */
  private envTemplate(x: t.Node, env: Map<string, Val>, depth: number): EnvTemplate | null {
    const n = bare(x);
    if (n.type !== "TemplateLiteral" || !n.expressions.some((e) => isEnv(e) && !this.envSet(e))) return null;
    const parts = [n.quasis[0]?.value.cooked ?? ""];
    const names: string[] = [];
    n.expressions.forEach((e, i) => {
      if (isEnv(e) && !this.envSet(e)) {
        parts.push("");
        names.push(this.text.slice(e.start ?? 0, e.end ?? 0));
      } else parts[parts.length - 1] += String(this.value(e as t.Node, env, depth + 1));
      parts[parts.length - 1] += n.quasis[i + 1]?.value.cooked ?? "";
    });
    return new EnvTemplate(this.text.slice(n.start ?? 0, n.end ?? 0), parts, this.line(n), names);
  }

  /**
   * A callback handed to an array method, called with `args`: its parameters plain names (bound in
   * order, the rest left out), its body an expression or a block of one return. Unknown otherwise.
   */
  private callback(fn: t.Function, args: Val[], env: Map<string, Val>, depth: number): Val {
    const body =
      fn.body.type !== "BlockStatement"
        ? fn.body
        : fn.body.body.length === 1 && fn.body.body[0]?.type === "ReturnStatement"
          ? fn.body.body[0].argument
          : undefined;
    if (body === undefined || fn.async || fn.generator || !fn.params.every((x) => x.type === "Identifier"))
      throw new Unknown({ key: "config.express.unknown.function", params: { line: this.line(fn) } });
    if (body === null) return undefined;
    const inner = new Map(env);
    fn.params.forEach((x, i) => {
      inner.set((x as t.Identifier).name, args[i]);
    });
    return this.value(body, inner, depth + 1);
  }

  /** A value from literals and same-file constants; Unknown (with the line and why) otherwise. */
  value(e: t.Node, env: Map<string, Val> = new Map(), depth = 0): Val {
    const n = bare(e);
    const unknown = (_what: string): never => {
      throw new Unknown({
        key: "config.express.unknown.value",
        params: {
          code: this.text.slice(n.start ?? 0, Math.min(n.end ?? 0, (n.start ?? 0) + 60)),
          line: this.line(n),
        },
      });
    };
    if (depth > 20) unknown("deep");
    switch (n.type) {
      case "StringLiteral":
        return n.value;
      case "NumericLiteral":
        return n.value;
      case "BooleanLiteral":
        return n.value;
      case "NullLiteral":
        return null;
      case "RegExpLiteral":
        try {
          return new RegExp(n.pattern, n.flags);
        } catch {
          return unknown("regex");
        }
      case "NewExpression": {
        // `new RegExp("…", "i")` of known strings; `new Set([…])` read as its list (`has` below).
        const callee = bare(n.callee);
        const args = n.arguments.map((a) => this.value(a as t.Node, env, depth + 1));
        if (
          isName(callee, "RegExp") &&
          typeof args[0] === "string" &&
          (args[1] === undefined || typeof args[1] === "string")
        )
          try {
            return new RegExp(args[0], args[1]);
          } catch {
            return unknown("regex");
          }
        if (isName(callee, "Set") && (args.length === 0 || Array.isArray(args[0])))
          return [...new Set((args[0] ?? []) as Val[])];
        return unknown("expression");
      }
      case "TemplateLiteral":
        if (n.expressions.length === 0) return n.quasis.map((q) => q.value.cooked ?? "").join("");
        return n.quasis
          .map(
            (q, i) =>
              (q.value.cooked ?? "") +
              (i < n.expressions.length
                ? String(this.value(n.expressions[i] as t.Node, env, depth + 1))
                : ""),
          )
          .join("");
      case "ArrayExpression":
        return n.elements.flatMap((x): Val[] => {
          if (!x) return unknown("hole");
          if (x.type === "SpreadElement") {
            // `[...list, "…"]`: a list known here, spread.
            const v = this.value(x.argument, env, depth + 1);
            return Array.isArray(v) ? v : unknown("spread");
          }
          if (isEnv(x) && !this.envSet(x)) return [new EnvRef(this.text.slice(x.start ?? 0, x.end ?? 0))];
          const spelled = this.envTemplate(x, env, depth);
          if (spelled) return [spelled];
          return [this.value(x, env, depth + 1)];
        });
      case "ObjectExpression": {
        const o: { [k: string]: Val } = {};
        for (const p of n.properties) {
          if (p.type !== "ObjectProperty") return unknown("object");
          const k =
            p.key.type === "Identifier" && !p.computed
              ? p.key.name
              : p.key.type === "StringLiteral"
                ? p.key.value
                : null;
          if (k === null) return unknown("object");
          o[k] = this.value(p.value, env, depth + 1);
        }
        return o;
      }
      case "Identifier": {
        if (n.name === "undefined") return undefined;
        if (env.has(n.name)) return env.get(n.name);
        const c = this.consts.get(n.name);
        if (c && this.mutations(n.name).length > 0) {
          const init = bare(c.init);
          if (init.type === "ArrayExpression") return this.grown(n.name, init, c.statement, env, depth);
          throw new Unknown({
            key: "config.express.unknown.mutated",
            params: { name: n.name, line: this.line(this.mutations(n.name)[0] as t.Node) },
          });
        }
        if (c) return this.value(c.init, env, depth + 1);
        const f = this.functions.get(n.name);
        if (f) return new Fn(f);
        if (this.imports.has(n.name)) return unknown("import");
        return unknown("name");
      }
      case "ArrowFunctionExpression":
      case "FunctionExpression":
        return new Fn(n);
      case "UnaryExpression":
        if (n.operator === "!") return !truthy(this.value(n.argument, env, depth + 1));
        // `typeof options.origin === "function"` (koa2-cors' test of its origin option).
        if (n.operator === "typeof") {
          const v = this.value(n.argument, env, depth + 1);
          return v instanceof Fn ? "function" : v === null || v instanceof RegExp ? "object" : typeof v;
        }
        if (n.operator === "-") {
          const v = this.value(n.argument, env, depth + 1);
          if (typeof v === "number") return -v;
        }
        return unknown("operator");
      case "LogicalExpression": {
        // `process.env.X ?? "…"` / `|| "…"`: the default written here (the environment is not known).
        if (n.operator !== "&&" && isEnv(n.left) && !this.envSet(n.left))
          return this.value(n.right, env, depth + 1);
        const l = this.value(n.left, env, depth + 1);
        if (n.operator === "&&") return truthy(l) ? this.value(n.right, env, depth + 1) : l;
        if (n.operator === "||") return truthy(l) ? l : this.value(n.right, env, depth + 1);
        return l === null || l === undefined ? this.value(n.right, env, depth + 1) : l;
      }
      case "BinaryExpression": {
        const l = this.value(n.left, env, depth + 1);
        const r = this.value(n.right, env, depth + 1);
        switch (n.operator) {
          case "===":
          case "==":
            return same(l, r);
          case "!==":
          case "!=":
            return !same(l, r);
          case "+":
            if (typeof l === "string" || typeof r === "string") return String(l) + String(r);
            if (typeof l === "number" && typeof r === "number") return l + r;
            return unknown("operator");
          // `maxAge: 60 * 60 * 24 * 10`: arithmetic of numbers written in the file.
          case "-":
          case "*":
          case "/":
          case "%":
            if (typeof l === "number" && typeof r === "number")
              return n.operator === "-"
                ? l - r
                : n.operator === "*"
                  ? l * r
                  : n.operator === "/"
                    ? l / r
                    : l % r;
            return unknown("operator");
          case ">":
          case "<":
          case ">=":
          case "<=":
            if (typeof l === "number" && typeof r === "number")
              return n.operator === ">"
                ? l > r
                : n.operator === "<"
                  ? l < r
                  : n.operator === ">="
                    ? l >= r
                    : l <= r;
            return unknown("operator");
          default:
            return unknown("operator");
        }
      }
      case "ConditionalExpression":
        return truthy(this.value(n.test, env, depth + 1))
          ? this.value(n.consequent, env, depth + 1)
          : this.value(n.alternate, env, depth + 1);
      case "MemberExpression":
      case "OptionalMemberExpression": {
        if (isEnv(n)) {
          const set = this.envSet(n);
          return set ? this.value(set, env, depth + 1) : unknown("env");
        }
        // `config.corsOrigins`, config a same-file object literal: that property alone (its other
        // properties, `port: Number(process.env.PORT)`, need not be readable).
        const literal = this.objectLiteral(n.object, env);
        const name = propName(n);
        if (literal && name !== null) {
          const prop = literal.properties.find(
            (p): p is t.ObjectProperty =>
              p.type === "ObjectProperty" &&
              !p.computed &&
              ((p.key.type === "Identifier" && p.key.name === name) ||
                (p.key.type === "StringLiteral" && p.key.value === name)),
          );
          if (prop && !literal.properties.some((p) => p.type === "SpreadElement"))
            return this.value(prop.value, env, depth + 1);
        }
        const obj = this.value(n.object, env, depth + 1);
        const key = n.computed ? this.value(n.property, env, depth + 1) : propName(n);
        if (obj === null || obj === undefined) return n.optional ? undefined : unknown("member");
        if (typeof key === "number" && Array.isArray(obj)) return obj[key];
        if (key === "length" && (typeof obj === "string" || Array.isArray(obj))) return obj.length;
        if (typeof key === "string" && isRecord(obj))
          return (obj as { [k: string]: Val })[lower(key)] ?? (obj as { [k: string]: Val })[key];
        return unknown("member");
      }
      case "CallExpression":
      case "OptionalCallExpression": {
        const callee = bare(n.callee);
        // `((o) => …)(value)`: an arrow called where it is written, with an expression body (the
        // form the env-origin patch prints).
        if (
          callee.type === "ArrowFunctionExpression" &&
          callee.body.type !== "BlockStatement" &&
          callee.params.every((x) => x.type === "Identifier") &&
          n.arguments.length >= callee.params.length
        ) {
          const inner = new Map(env);
          callee.params.forEach((x, i) => {
            inner.set((x as t.Identifier).name, this.value(n.arguments[i] as t.Node, env, depth + 1));
          });
          return this.value(callee.body, inner, depth + 1);
        }
        // A function of the file (`buildCorsHeaders(req)`): its body run with the arguments bound,
        // when it only binds names, tests them and returns (anything else: unknown).
        const own =
          callee.type === "Identifier" && !env.has(callee.name) ? this.functions.get(callee.name) : undefined;
        if (own?.params.every((x) => x.type === "Identifier")) {
          const inner = new Map(env);
          own.params.forEach((x, i) => {
            const a = n.arguments[i];
            inner.set((x as t.Identifier).name, a ? this.value(a as t.Node, env, depth + 1) : undefined);
          });
          if (own.body.type !== "BlockStatement") return this.value(own.body, inner, depth + 1);
          const run = (list: t.Statement[]): { value: Val } | null => {
            for (const st of list) {
              if (st.type === "VariableDeclaration") {
                for (const d of st.declarations) {
                  if (d.id.type !== "Identifier" || !d.init) return unknown("call");
                  inner.set(d.id.name, this.value(d.init, inner, depth + 1));
                }
                continue;
              }
              if (st.type === "ReturnStatement")
                return { value: st.argument ? this.value(st.argument, inner, depth + 1) : undefined };
              if (st.type === "IfStatement") {
                const branch = truthy(this.value(st.test, inner, depth + 1)) ? st.consequent : st.alternate;
                const got = branch ? run(branch.type === "BlockStatement" ? branch.body : [branch]) : null;
                if (got) return got;
                continue;
              }
              return unknown("call");
            }
            return null;
          };
          return run(own.body.body)?.value;
        }
        if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression")
          return unknown("call");
        const method = propName(callee);
        // JSON.parse of a string known here (`JSON.parse(process.env.X || '["…"]')`: the default).
        if (dotted(callee) === "JSON.parse" && n.arguments.length === 1) {
          const text = this.value(n.arguments[0] as t.Node, env, depth + 1);
          if (typeof text !== "string") return unknown("call");
          try {
            return JSON.parse(text) as Val;
          } catch {
            return unknown("call");
          }
        }
        const target = this.value(callee.object, env, depth + 1);
        // `options.origin(ctx)`: a function option given as an arrow written with an expression body
        // (`origin: (ctx) => "*"`), run with its arguments bound — those it reads only (a Koa ctx
        // cannot be computed here, and `(ctx) => "*"` never reads it).
        const member = isRecord(target) && typeof method === "string" ? target[method] : undefined;
        if (member instanceof Fn && member.fn.params.every((x) => x.type === "Identifier")) {
          const f = member.fn;
          const body =
            f.body.type !== "BlockStatement"
              ? f.body
              : f.body.body.length === 1 && f.body.body[0]?.type === "ReturnStatement"
                ? f.body.body[0].argument
                : null;
          if (!body) return unknown("call");
          const used = new Set<string>();
          const walk = (x: unknown): void => {
            if (!x || typeof x !== "object") return;
            if (Array.isArray(x)) {
              for (const y of x) walk(y);
              return;
            }
            const o = x as Record<string, unknown>;
            if (o.type === "Identifier" && typeof o.name === "string") used.add(o.name);
            for (const [k, v] of Object.entries(o))
              if (!["loc", "start", "end", "leadingComments", "trailingComments"].includes(k)) walk(v);
          };
          walk(body);
          const inner = new Map(env);
          f.params.forEach((x, i) => {
            const name = (x as t.Identifier).name;
            if (!used.has(name)) {
              inner.delete(name);
              return;
            }
            const a = n.arguments[i];
            inner.set(name, a ? this.value(a as t.Node, env, depth + 1) : undefined);
          });
          return body ? this.value(body, inner, depth + 1) : undefined;
        }
        const args = n.arguments.map((a) => this.value(a, env, depth + 1));
        if (target === undefined && (callee.optional || n.optional)) return undefined;
        // Koa's ctx.get(name) in an origin function: the request header, "" when absent.
        if (isRecord(target) && target.__get === true && method === "get" && typeof args[0] === "string") {
          const h = target.headers;
          return isRecord(h) ? (h[args[0].toLowerCase()] ?? "") : "";
        }
        if (Array.isArray(target)) {
          // An entry spelled from the environment that could be the one looked for: not known here.
          const spelled = target.find((x): x is EnvTemplate => x instanceof EnvTemplate);
          if (spelled && ["find", "findIndex", "some", "every", "filter"].includes(method ?? ""))
            return unknown("env");
          if (
            spelled &&
            ["includes", "has", "indexOf"].includes(method ?? "") &&
            !target.some((x) => same(x, args[0])) &&
            typeof args[0] === "string" &&
            spelled.couldBe(args[0])
          )
            throw new Unknown({
              key: "config.express.unknown.env-origin",
              params: { code: spelled.code, line: spelled.line, origin: String(args[0] ?? "") },
            });
          if (method === "includes" || method === "has") return target.some((x) => same(x, args[0]));
          if (method === "indexOf") return target.findIndex((x) => same(x, args[0]));
          // `MATCHES.find((r) => r.test(origin))`, `.some`, `.every`, `.filter`, `.findIndex`: the
          // callback (a function whose body is an expression or one return) run on each entry in
          // order, stopping where Array.prototype does (https://tc39.es/ecma262/#sec-array.prototype.find).
          const cb = args[0];
          if (
            (method === "find" ||
              method === "findIndex" ||
              method === "some" ||
              method === "every" ||
              method === "filter") &&
            cb instanceof Fn
          ) {
            const test = (e: Val, i: number) => truthy(this.callback(cb.fn, [e, i, target], env, depth));
            if (method === "find") return target.find(test);
            if (method === "findIndex") return target.findIndex(test);
            if (method === "some") return target.some(test);
            if (method === "every") return target.every(test);
            return target.filter(test);
          }
          if (method === "some" || method === "find") return unknown("callback");
          if (method === "flat" && args.length === 0) return target.flat() as Val;
          // `KNOWN.join(", ")`: a list of strings written as one header value.
          if (
            method === "join" &&
            (args.length === 0 || typeof args[0] === "string") &&
            target.every((x) => typeof x === "string" || typeof x === "number")
          )
            return target.join(typeof args[0] === "string" ? args[0] : ",");
          // `list.map((s) => s.trim())`, `.map(method => { return method.toUpperCase(); })`: the
          // callback (an expression body or a block of one return) per entry, with (entry, index, list).
          const f = args[0];
          if (method === "map" && f instanceof Fn)
            return target.map((e, i) => this.callback(f.fn, [e, i, target], env, depth));
        }
        if (typeof target === "string") {
          const a = args[0];
          if (method === "startsWith" && typeof a === "string") return target.startsWith(a);
          if (method === "endsWith" && typeof a === "string") return target.endsWith(a);
          if (method === "includes" && typeof a === "string") return target.includes(a);
          if (method === "toLowerCase") return target.toLowerCase();
          if (method === "toUpperCase") return target.toUpperCase();
          if (method === "toString" && args.length === 0) return target;
          if (method === "split" && typeof a === "string") return target.split(a);
          if (method === "trim") return target.trim();
          // `list.replace(/\s/g, "")`: a string replacement (no function), as String.prototype.replace does it.
          if (
            (method === "replace" || method === "replaceAll") &&
            (typeof a === "string" || a instanceof RegExp) &&
            typeof args[1] === "string"
          ) {
            if (a instanceof RegExp) a.lastIndex = 0;
            try {
              return method === "replace" ? target.replace(a, args[1]) : target.replaceAll(a, args[1]);
            } catch {
              return unknown("call");
            }
          }
          if ((method === "slice" || method === "substring") && args.every((x) => typeof x === "number"))
            return method === "slice"
              ? target.slice(args[0] as number | undefined, args[1] as number | undefined)
              : target.substring(args[0] as number, args[1] as number | undefined);
          if (method === "match" && a instanceof RegExp)
            return target.match(a) ? [...(target.match(a) as string[])] : null;
        }
        // `(options.maxAge || 600).toString()`: a number written as its decimal string.
        if (typeof target === "number" && method === "toString" && args.length === 0) return String(target);
        if (target instanceof RegExp && method === "test") {
          target.lastIndex = 0;
          return typeof args[0] === "string" ? target.test(args[0]) : target.test(String(args[0]));
        }
        return unknown("call");
      }
      default:
        return unknown("expression");
    }
  }
}

function isEnv(n: t.Node): boolean {
  const b = bare(n);
  return (
    (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") &&
    (dotted(b.object) === "process.env" || dotted(b.object) === "import.meta.env")
  );
}

export function isRecord(v: Val): v is { [k: string]: Val } {
  return (
    !!v &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    !(v instanceof RegExp) &&
    !(v instanceof Fn) &&
    !(v instanceof EnvRef)
  );
}

export function truthy(v: Val): boolean {
  if (Array.isArray(v)) return true;
  return !!v;
}

function same(a: Val, b: Val): boolean {
  return a === b;
}

/**
 * `new Hono().basePath("/api")`: the base path every route and middleware of the app is under
 * (https://hono.dev/docs/api/routing#base-path); null for anything else.
 */
/** The registrations that return the app, so that a chain of them goes on registering on it. */
const CHAIN = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "options",
  "head",
  "all",
  "on",
  "use",
  "route",
]);

/** `new Hono().get(…).post(…)`: the expression the chain of registrations starts from. */
export function chainRoot(n: t.Node): t.Node {
  let b = bare(n);
  for (;;) {
    const link = b.type === "CallExpression" ? bare(b.callee) : null;
    if (link?.type !== "MemberExpression" || !CHAIN.has(propName(link) ?? "")) return b;
    b = bare(link.object);
  }
}

function basePathOf(b: t.Node): string | null {
  if (b.type !== "CallExpression" || b.arguments.length !== 1) return null;
  const callee = bare(b.callee);
  const arg = b.arguments[0] as t.Node;
  if (callee.type !== "MemberExpression" || propName(callee) !== "basePath") return null;
  if (bare(callee.object).type !== "NewExpression" || arg.type !== "StringLiteral") return null;
  return arg.value;
}

/** Hono's mergePath (hono/src/utils/url.ts): one slash between the base and the path, "/" adds none. */
function honoMerge(base: string, sub: string): string {
  const b = base.startsWith("/") ? base : `/${base}`;
  if (sub === "/") return b;
  return `${b}${b.endsWith("/") ? "" : "/"}${sub.startsWith("/") ? sub.slice(1) : sub}`;
}

/** What a top-level statement declares: itself, or what `module.exports = …` / `export default …` gives. */
function exported(s0: t.Statement): t.Node {
  if (s0.type === "ExpressionStatement" && s0.expression.type === "AssignmentExpression")
    return s0.expression.right;
  return s0.type === "ExportDefaultDeclaration" ? s0.declaration : s0;
}

/**
 * The statements of the one top-level function that makes the app (`const app = express()`) and
 * returns it, when no top-level statement makes one; none otherwise (two such functions: which one
 * the server calls is not in the file). A function another of them calls makes a sub-app it mounts
 * (`app.route("/api/mcp", createMcpRoutes())`), not the app: it is read at that mount.
 */
function factoryBody(body: readonly t.Statement[], makesApp: (n: t.Node) => boolean): t.Statement[] {
  const makes = (ss: readonly t.Statement[]) => {
    for (const s of ss)
      if (s.type === "VariableDeclaration")
        for (const d of s.declarations)
          if (d.id.type === "Identifier" && d.init && makesApp(d.init)) return d.id.name;
    return null;
  };
  if (makes(body) !== null) return [];
  const functions: Array<{ f: t.Function; name: string | null }> = [];
  for (const s0 of body) {
    // module.exports = function createApp() {…} / export default function () {…}
    const s = exported(s0);
    if (
      s.type === "FunctionDeclaration" ||
      s.type === "FunctionExpression" ||
      s.type === "ArrowFunctionExpression"
    )
      functions.push({ f: s, name: s.type === "ArrowFunctionExpression" ? null : (s.id?.name ?? null) });
    if (s.type === "VariableDeclaration")
      for (const d of s.declarations) {
        const init = d.init ? bare(d.init) : null;
        if (init && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression"))
          functions.push({ f: init, name: d.id.type === "Identifier" ? d.id.name : null });
      }
  }
  const found = functions.filter(({ f }) => {
    if (f.body.type !== "BlockStatement") return false;
    const ss = f.body.body;
    const name = makes(ss);
    const returns = ss.some(
      (x) => x.type === "ReturnStatement" && x.argument && isName(bare(x.argument), name ?? ""),
    );
    return name !== null && returns;
  });
  const calls = (outer: t.Function, name: string) => {
    const seek = (n: t.Node): boolean =>
      (n.type === "CallExpression" && isName(bare(n.callee), name)) || childNodes(n).some(seek);
    return seek(outer.body);
  };
  const apps = found.filter(
    ({ f, name }) => name === null || !found.some((o) => o.f !== f && calls(o.f, name)),
  );
  const one = apps.length === 1 ? apps[0]?.f.body : undefined;
  return one?.type === "BlockStatement" ? one.body : [];
}

/** `app` or `this.app`: the name an app or router is kept under, as it is written; null otherwise. */
function refName(n: t.Node): string | null {
  const b = bare(n);
  if (b.type === "Identifier") return b.name;
  if (b.type === "MemberExpression" && bare(b.object).type === "ThisExpression") {
    const p = propName(b);
    return p ? `this.${p}` : null;
  }
  return null;
}

/** `this.app = express()` as a statement: the assigned name (`this.app`) and the value. */
function thisAssignment(s: t.Statement): { name: string; init: t.Node } | null {
  if (s.type !== "ExpressionStatement" || s.expression.type !== "AssignmentExpression") return null;
  const e = s.expression;
  if (e.operator !== "=" || e.left.type !== "MemberExpression") return null;
  const name = refName(e.left);
  return name?.startsWith("this.") ? { name, init: e.right } : null;
}

/**
 * An app made in a class (`class Server { constructor() { this.app = express(); this.config();
 * this.routes(); } … }`, the layout of many TypeScript starters), when none is made at the top level
 * or in a factory: the constructor's statements in order, each `this.method()` it calls replaced by
 * that method's statements (as the constructor runs them), then the methods the module calls on an
 * instance (`new Server().start()`, `server.listen()`). None when no class, or two, make an app.
 */
function classBody(body: readonly t.Statement[], makesApp: (n: t.Node) => boolean): t.Statement[] {
  const classes: t.Class[] = [];
  for (const s0 of body) {
    const s = exported(s0);
    if (s.type === "ClassDeclaration" || s.type === "ClassExpression") classes.push(s);
    if (s.type === "VariableDeclaration")
      for (const d of s.declarations)
        if (d.init && bare(d.init).type === "ClassExpression")
          classes.push(bare(d.init) as t.ClassExpression);
  }
  const methodsOf = (c: t.Class) => {
    const m = new Map<string, t.Statement[]>();
    for (const x of c.body.body)
      if (
        (x.type === "ClassMethod" || x.type === "ClassPrivateMethod") &&
        x.key.type === "Identifier" &&
        !x.static
      )
        m.set(x.key.name, x.body.body);
      else if (x.type === "ClassProperty" && x.key.type === "Identifier" && x.value) {
        // routes = () => { … }
        const v = bare(x.value);
        if (
          (v.type === "ArrowFunctionExpression" || v.type === "FunctionExpression") &&
          v.body.type === "BlockStatement"
        )
          m.set(x.key.name, v.body.body);
      }
    return m;
  };
  const found = classes.flatMap((c) => {
    const methods = methodsOf(c);
    const ctor = methods.get("constructor") ?? [];
    const makes = ctor.some((s) => {
      const a = thisAssignment(s);
      return a !== null && makesApp(a.init);
    });
    return makes ? [{ c, methods }] : [];
  });
  if (found.length !== 1) return [];
  const { c, methods } = found[0] as { c: t.Class; methods: Map<string, t.Statement[]> };
  const out: t.Statement[] = [];
  const inline = (ss: readonly t.Statement[], depth: number) => {
    for (const s of ss) {
      const e = s.type === "ExpressionStatement" ? bare(s.expression) : null;
      const callee = e?.type === "CallExpression" ? bare(e.callee) : null;
      const name = callee?.type === "MemberExpression" ? refName(callee) : null;
      const m = name?.startsWith("this.") ? methods.get(name.slice(5)) : undefined;
      if (m && depth < 4 && name !== "this.constructor") inline(m, depth + 1);
      else out.push(s);
    }
  };
  inline(methods.get("constructor") ?? [], 0);
  // The calls the module makes on an instance, in order.
  const className = c.id?.name ?? null;
  const isNew = (n: t.Node) => {
    const b = bare(n);
    return b.type === "NewExpression" && className !== null && isName(bare(b.callee), className);
  };
  const instances = new Set<string>();
  for (const s of body) {
    if (s.type === "VariableDeclaration")
      for (const d of s.declarations)
        if (d.id.type === "Identifier" && d.init && isNew(d.init)) instances.add(d.id.name);
    const e = s.type === "ExpressionStatement" ? bare(s.expression) : null;
    const callee = e?.type === "CallExpression" ? bare(e.callee) : null;
    if (callee?.type !== "MemberExpression") continue;
    const on = bare(callee.object);
    const method = propName(callee);
    const m = method !== null && method !== "constructor" ? methods.get(method) : undefined;
    if (m && (isNew(on) || (on.type === "Identifier" && instances.has(on.name)))) inline(m, 1);
  }
  return out;
}

/** Reads the app: imports, top-level constants and functions, then the registrations in order. */
export function readExpress(file: string, text: string): ExpressApp {
  const ast = parseJs(text, file);
  const program = ast.program;
  const r = new Reader(file, text, program);
  let corsName: string | null = null;
  let expressName: string | null = null;
  const routerFactories = new Set<string>();
  let moduleKind: "esm" | "cjs" = program.sourceType === "module" ? "esm" : "cjs";
  let honoName: string | null = null;
  let koaName: string | null = null;
  let koaRouterName: string | null = null;
  const appNames = new Set<string>();
  const routers = new Map<string, Stack>();
  const stacks: Stack[] = [];
  const body = program.body.map((s) =>
    s.type === "ExportNamedDeclaration" && s.declaration ? (s.declaration as t.Statement) : s,
  );
  const statementOf = new Map<t.Node, t.Statement>();
  program.body.forEach((s, i) => {
    statementOf.set(body[i] as t.Node, s);
  });
  const reassigned = new Set<string>();
  const findAssigned = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "AssignmentExpression" && n.left.type === "Identifier") reassigned.add(n.left.name);
    if (n.type === "UpdateExpression" && n.argument.type === "Identifier") reassigned.add(n.argument.name);
    for (const c of childNodes(n)) findAssigned(c);
  };
  findAssigned(program);
  // Imports and declarations first (function declarations are hoisted; consts are read where followed).
  for (const s of program.body) {
    if (s.type === "ImportDeclaration") {
      moduleKind = "esm";
      for (const sp of s.specifiers) {
        r.imports.set(sp.local.name, s.source.value);
        if (s.source.value === "cors" && sp.type === "ImportDefaultSpecifier") corsName = sp.local.name;
        if (s.source.value === "express" && sp.type !== "ImportNamespaceSpecifier") {
          if (sp.type === "ImportDefaultSpecifier") expressName = sp.local.name;
          else if (
            sp.type === "ImportSpecifier" &&
            sp.imported.type === "Identifier" &&
            sp.imported.name === "Router"
          )
            routerFactories.add(sp.local.name);
        }
        if (s.source.value === "cors" && sp.type === "ImportNamespaceSpecifier") corsName = sp.local.name;
        if (sp.type === "ImportDefaultSpecifier") {
          if (s.source.value === "koa") koaName = sp.local.name;
          if (s.source.value === "@koa/router" || s.source.value === "koa-router")
            koaRouterName = sp.local.name;
          if (KOA_CORS_MODULES.has(s.source.value)) corsName = sp.local.name;
        }
        if (sp.type === "ImportSpecifier" && sp.imported.type === "Identifier") {
          if (s.source.value === "hono" && sp.imported.name === "Hono") honoName = sp.local.name;
          if (s.source.value === "hono/cors" && sp.imported.name === "cors") corsName = sp.local.name;
        }
      }
    }
  }
  const declare = (s0: t.Statement) => {
    const s = s0 as t.Statement;
    const stmt = statementOf.get(s) ?? s;
    if (s.type === "FunctionDeclaration" && s.id) r.functions.set(s.id.name, s);
    if (s.type !== "VariableDeclaration") return;
    for (const d of s.declarations) {
      if (!d.init) continue;
      const init = bare(d.init) as t.Expression;
      const mod = requireOf(init);
      if (d.id.type === "Identifier") {
        const name = d.id.name;
        if (mod) {
          r.imports.set(name, mod);
          if (mod === "cors") corsName = name;
          if (mod === "express") expressName = name;
          if (mod === "koa") koaName = name;
          if (mod === "@koa/router" || mod === "koa-router") koaRouterName = name;
          if (KOA_CORS_MODULES.has(mod)) corsName = name;
          continue;
        }
        if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")
          r.functions.set(name, init);
        // A `var`/`let` never assigned again is read as a constant too.
        if (s.kind === "const" || !reassigned.has(name)) r.consts.set(name, { init, statement: stmt });
      } else if (d.id.type === "ObjectPattern" && mod) {
        for (const p of d.id.properties)
          if (p.type === "ObjectProperty" && p.value.type === "Identifier") {
            r.imports.set(p.value.name, mod);
            if (mod === "express" && p.key.type === "Identifier" && p.key.name === "Router")
              routerFactories.add(p.value.name);
            if (mod === "hono" && p.key.type === "Identifier" && p.key.name === "Hono")
              honoName = p.value.name;
            if (mod === "hono/cors" && p.key.type === "Identifier" && p.key.name === "cors")
              corsName = p.value.name;
          }
      }
    }
  };
  for (const s of body) declare(s);
  const isExpressCall = (n: t.Node): boolean => {
    const b = bare(n);
    // `new Hono().get(…).post(…)` (each registration returns the app): the app the chain starts with.
    const link = b.type === "CallExpression" ? bare(b.callee) : null;
    if (link?.type === "MemberExpression" && CHAIN.has(propName(link) ?? ""))
      return isExpressCall(link.object);
    // new Hono().basePath("/api")
    if (honoName !== null && b.type === "CallExpression" && basePathOf(b) !== null)
      return isExpressCall((bare(b.callee) as t.MemberExpression).object);
    if (b.type === "NewExpression" && honoName !== null && isName(bare(b.callee), honoName)) return true;
    if (b.type === "NewExpression" && koaName !== null && isName(bare(b.callee), koaName)) return true;
    return b.type === "CallExpression" && expressName !== null && isName(bare(b.callee), expressName);
  };
  /** `new Router({ prefix: "/api" })` (@koa/router): its prefix ("" without one); null for anything else. */
  const koaRouterPrefix = (n: t.Node): string | null => {
    const init = bare(n);
    if (init.type !== "NewExpression" || koaRouterName === null || !isName(bare(init.callee), koaRouterName))
      return null;
    try {
      const o = init.arguments[0] ? r.value(init.arguments[0]) : undefined;
      return isRecord(o) && typeof o.prefix === "string" ? o.prefix : "";
    } catch {
      return "";
    }
  };
  const isRouterCall = (n: t.Node) => {
    const b = bare(n);
    if (b.type !== "CallExpression") return false;
    const d = dotted(b.callee);
    return (expressName !== null && d === `${expressName}.Router`) || (d !== null && routerFactories.has(d));
  };
  // An app made in a function that returns it (`function createApp() { const app = express(); …
  // return app; }`, exported for the server and the tests) when none is made at the top level: the
  // function's statements are read after the module's, as the server runs them when it calls it.
  const factory = factoryBody(body, isExpressCall);
  const inner0 =
    factory.length > 0 ||
    body.some(
      (s) => s.type === "VariableDeclaration" && s.declarations.some((d) => d.init && isExpressCall(d.init)),
    )
      ? factory
      : classBody(body, isExpressCall);
  const topApp = body.some(
    (s) => s.type === "VariableDeclaration" && s.declarations.some((d) => d.init && isExpressCall(d.init)),
  );
  // `function init() { app.use(cors()); … } init();`: a function of the file without parameters,
  // called once at the top level, that registers on the module's own app — its statements read where
  // the module runs them (after the module's). So is `async function main() { const app = express();
  // app.use(…); app.listen(…); } main();` when the module makes no app itself: the app is made and
  // served by that call (an entry point's layout; Node runs the body synchronously up to its first
  // `await`, and Express registers each `app.use` as the statement runs:
  // https://github.com/expressjs/express/blob/master/lib/application.js).
  const called = body.flatMap((s) => {
    const e = s.type === "ExpressionStatement" ? bare(s.expression) : null;
    let c = e?.type === "AwaitExpression" ? bare(e.argument) : e;
    // main().catch(…): the call itself.
    const link = c?.type === "CallExpression" ? bare(c.callee) : null;
    if (link?.type === "MemberExpression" && propName(link) === "catch") c = bare(link.object);
    if (c?.type !== "CallExpression" || c.arguments.length > 0) return [];
    const callee = bare(c.callee);
    const fn = callee.type === "Identifier" ? r.functions.get(callee.name) : undefined;
    if (fn?.body.type !== "BlockStatement" || fn.params.length > 0) return [];
    const uses = /\b([A-Za-z_$][\w$]*)\.(use|get|post|put|patch|delete|options|all|route)\(/.exec(
      r.text.slice(fn.body.start ?? 0, fn.body.end ?? 0),
    );
    const made = [...body, ...(topApp || inner0.length > 0 ? [] : fn.body.body)].some(
      (d) =>
        d.type === "VariableDeclaration" &&
        d.declarations.some(
          (x) => x.id.type === "Identifier" && x.id.name === uses?.[1] && x.init && isExpressCall(x.init),
        ),
    );
    return made ? fn.body.body : [];
  });
  const inner = [...inner0, ...called];
  /** A router made in a file function and returned (`const router = new Router(); …; return router`). */
  const returnedRouter = (fn: t.Function): { name: string; stack: Stack } | null => {
    if (fn.body.type !== "BlockStatement") return null;
    const ret = fn.body.body.find((x): x is t.ReturnStatement => x.type === "ReturnStatement");
    const arg = ret?.argument ? bare(ret.argument) : null;
    if (arg?.type !== "Identifier") return null;
    for (const x of fn.body.body)
      if (x.type === "VariableDeclaration")
        for (const d of x.declarations) {
          if (d.id.type !== "Identifier" || d.id.name !== arg.name || !d.init) continue;
          const init = bare(d.init);
          if (isRouterCall(init)) return { name: arg.name, stack: { name: arg.name, layers: [] } };
          const prefix = koaRouterPrefix(init);
          if (prefix !== null) return { name: arg.name, stack: { name: arg.name, layers: [], prefix } };
        }
    return null;
  };
  const madeRouters = new Map<t.VariableDeclarator, { fn: t.Function; inner: string; stack: Stack }>();
  const madeAt = new Map<string, t.Statement>();
  for (const s of inner) declare(s);
  for (const s of [...body, ...inner]) {
    // this.app = express() / this.router = express.Router() (an app made in a class).
    const own = thisAssignment(s);
    if (own && isExpressCall(own.init)) {
      appNames.add(own.name);
      madeAt.set(own.name, s);
      const st: Stack = { name: own.name, layers: [] };
      stacks.push(st);
      routers.set(own.name, st);
    } else if (own && isRouterCall(own.init)) routers.set(own.name, { name: own.name, layers: [] });
    else if (own && koaRouterPrefix(own.init) !== null)
      // this.router = new Router() (a Koa app made in a class, spacemeowx2/switch-lan-play's monitor).
      routers.set(own.name, { name: own.name, layers: [], prefix: koaRouterPrefix(own.init) as string });
    if (s.type !== "VariableDeclaration") continue;
    for (const d of s.declarations) {
      if (d.id.type !== "Identifier" || !d.init) continue;
      if (isExpressCall(d.init)) {
        appNames.add(d.id.name);
        madeAt.set(d.id.name, statementOf.get(s) ?? s);
        const base = honoName !== null ? basePathOf(chainRoot(d.init)) : null;
        const st: Stack = { name: d.id.name, layers: [], ...(base ? { prefix: base } : {}) };
        stacks.push(st);
        routers.set(d.id.name, st);
      } else if (isRouterCall(d.init)) routers.set(d.id.name, { name: d.id.name, layers: [] });
      else {
        const prefix = koaRouterPrefix(d.init);
        if (prefix !== null) routers.set(d.id.name, { name: d.id.name, layers: [], prefix });
        else {
          // `const router = getRouter()`: a file function that makes a router, registers on it and
          // returns it — that router, its body read where the module calls it.
          // (`await makeRouter()` for an async one: without the await it is a promise).
          const init0 = bare(d.init);
          const awaited = init0.type === "AwaitExpression";
          const init = awaited ? bare(init0.argument) : init0;
          const callee = init.type === "CallExpression" ? bare(init.callee) : null;
          const fn = callee?.type === "Identifier" ? r.functions.get(callee.name) : undefined;
          const made = fn && (awaited || !fn.async) ? returnedRouter(fn) : null;
          if (fn && made) {
            const st = { ...made.stack, name: d.id.name };
            routers.set(d.id.name, st);
            madeRouters.set(d, { fn, inner: made.name, stack: st });
          }
        }
      }
    }
  }
  const corsUses: ExpressApp["corsUses"] = [];

  const middleware = (arg: t.Node, stack: Stack, layerRef: () => Layer): Middleware[] => {
    const a = bare(arg);
    if (a.type === "ArrayExpression")
      return a.elements.flatMap((x) =>
        x && x.type !== "SpreadElement" ? middleware(x, stack, layerRef) : [],
      );
    if (a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression") {
      // `async (c, next) => { return cors({...})(c, next) }`: the cors middleware it runs.
      const inner = wrappedCors(r, a);
      if (inner) {
        const use: CorsUse = { kind: "cors", call: inner, options: readOptions(r, inner) };
        pendingCors.push({ use, layerRef, stack });
        return [use];
      }
      return [{ kind: "fn", node: a }];
    }
    if (a.type === "MemberExpression" && refName(a)?.startsWith("this.")) {
      const router = routers.get(refName(a) ?? "");
      if (router) return [{ kind: "router", router, node: a }];
    }
    if (a.type === "Identifier") {
      const router = routers.get(a.name);
      if (router) return [{ kind: "router", router, node: a }];
      const f = r.functions.get(a.name);
      if (f) return [{ kind: "fn", node: f, name: a.name }];
      const c = r.consts.get(a.name);
      if (c && isCall(c.init)) return middleware(c.init, stack, layerRef);
      return [classify(a.name, a, false)];
    }
    if (a.type === "CallExpression") {
      const name = dotted(a.callee) ?? "";
      const required = requireOf(a.callee);
      if ((corsName !== null && name === corsName) || required === "cors" || required === "koa2-cors") {
        const use: CorsUse = { kind: "cors", call: a, options: readOptions(r, a) };
        if ((required ?? r.imports.get(name)) === "koa2-cors") use.koa2 = true;
        pendingCors.push({ use, layerRef, stack });
        return [use];
      }
      if (/(^|\.)static$/.test(name) || name === "serveStatic") return [{ kind: "static", node: a }];
      if (koaName !== null) {
        // router.routes() / router.middleware(): the router's routes; router.allowedMethods(): its OPTIONS answer.
        const callee = bare(a.callee);
        const obj = callee.type === "MemberExpression" ? bare(callee.object) : null;
        // (`this.router.routes()`: a router a class keeps on the instance; routes() returns the
        // router's dispatch middleware: https://github.com/koajs/router/blob/master/lib/router.js.)
        const objName = obj?.type === "Identifier" ? obj.name : obj ? refName(obj) : null;
        const router =
          objName?.startsWith("this.") || obj?.type === "Identifier" ? routers.get(objName ?? "") : undefined;
        const m = callee.type === "MemberExpression" ? propName(callee) : null;
        if (router && (m === "routes" || m === "middleware")) return [{ kind: "router", router, node: a }];
        if (router && m === "allowedMethods") return [{ kind: "allowed", router, node: a }];
        const from = r.imports.get(name.split(".")[0] ?? "") ?? "";
        if (from === "koa-static") return [{ kind: "static", node: a }];
        if (/^(koa-jwt|koa-passport)$/.test(from)) return [{ kind: "auth", node: a, name, jwt: false }];
        if (
          /^(koa-bodyparser|@koa\/bodyparser|koa-body|koa-logger|koa-helmet|koa-compress|koa-json|koa-ratelimit)$/.test(
            from,
          )
        )
          return [{ kind: "pass", node: a }];
      }
      if (honoName !== null) {
        // hono/logger, secure-headers … pass the request on; basic-auth, bearer-auth and jwt answer 401.
        const from = r.imports.get(name.split(".")[0] ?? "") ?? "";
        if (/^hono\/(basic-auth|bearer-auth|jwt|jwk)$/.test(from))
          return [{ kind: "auth", node: a, name, jwt: false }];
        // createMiddleware(fn) (hono/factory) is fn itself, run as any other middleware: it is no
        // pass-through (https://hono.dev/docs/helpers/factory#createmiddleware).
        if (from === "hono/factory" && a.arguments[0])
          return middleware(a.arguments[0] as t.Node, stack, layerRef);
        if (from === "hono/etag") return [{ kind: "etag", node: a, retained: etagRetained(r, a) }];
        if (/^hono\//.test(from)) return [{ kind: "pass", node: a }];
      }
      const head = name.split(".")[0] ?? "";
      if (PASS_MODULES.has(r.imports.get(head) ?? requireOf(a.callee) ?? ""))
        return [{ kind: "pass", node: a }];
      const passing =
        PASS.has(name) ||
        PASS.has(head) ||
        (expressName !== null && name.startsWith(`${expressName}.`) && !/static|Router/.test(name));
      if (passing) return [{ kind: "pass", node: a }];
      // `guard(640)`: a function of the file returning the middleware, called where it is used — the
      // returned function is the middleware, run with the factory's parameters bound to the call's
      // arguments (a closure; values this reader cannot compute leave it to classify, as before).
      const made = factoryMiddleware(a);
      if (made) return [made];
      // `app.use("/coffee", jsonRouter(data))`: a file function that makes an Express router,
      // registers on it and returns it — a new router each call (express.Router is the `router`
      // package's constructor: https://github.com/expressjs/express/blob/master/lib/express.js,
      // https://github.com/pillarjs/router/blob/master/index.js), its body read where the call is,
      // as the module runs it when the mount is made.
      const router = expressName !== null ? calledRouter(a) : undefined;
      if (router) return [{ kind: "router", router, node: a }];
      return [classify(name, a, /jwt/i.test(name))];
    }
    return [
      {
        kind: "unknown",
        node: a,
        name: r.text.slice(a.start ?? 0, Math.min(a.end ?? 0, (a.start ?? 0) + 40)),
      },
    ];
  };
  /**
   * `User.session()`: a method of an object literal the file holds in a const (passport-style helpers
   * gathered on a model object, expressjs/express#2549), the factory `guard(640)` is as a function.
   */
  const objectMethod = (callee: t.Node): t.Function | undefined => {
    if (callee.type !== "MemberExpression" || callee.computed) return undefined;
    const obj = bare(callee.object);
    const init = obj.type === "Identifier" ? r.consts.get(obj.name)?.init : undefined;
    const m = propName(callee);
    if (!init || bare(init).type !== "ObjectExpression" || !m) return undefined;
    const props = (bare(init) as t.ObjectExpression).properties.filter(
      (x) =>
        x.type !== "SpreadElement" &&
        !x.computed &&
        (x.key.type === "Identifier" ? x.key.name : x.key.type === "StringLiteral" ? x.key.value : null) ===
          m,
    );
    const only = props.length === 1 ? props[0] : undefined;
    if (only?.type === "ObjectMethod") return only.kind === "method" && !only.generator ? only : undefined;
    const v = only?.type === "ObjectProperty" ? bare(only.value) : null;
    return v?.type === "ArrowFunctionExpression" || v?.type === "FunctionExpression" ? v : undefined;
  };
  const factoryMiddleware = (call: t.CallExpression): Middleware | null => {
    const callee = bare(call.callee);
    const f = callee.type === "Identifier" ? r.functions.get(callee.name) : objectMethod(callee);
    // `(level)` or `(options = {})` (koa2-cors' `crossOrigin(options = {})`: the default where the
    // call passes nothing: koa2-cors 2.0.6, https://github.com/zadzbw/koa2-cors/blob/master/src/index.js).
    const named = (x: t.Node) =>
      x.type === "Identifier" || (x.type === "AssignmentPattern" && x.left.type === "Identifier");
    if (!f || f.async || !f.params.every(named)) return null;
    // Its body is the return of a function, after statements that only compute values of its own
    // (koa2-cors' options merged with its default methods; oddworks' responseCors: `options =
    // options || {}`, `let headers = options.headers || […]`, `headers = headers.join(", ")`), run
    // once, in order, when the factory is called — as JavaScript runs them: the closure the returned
    // function keeps sees each name as the last of them left it.
    const only = f.body.type === "BlockStatement" ? f.body.body : null;
    const last = only?.at(-1);
    const own = new Set<string>();
    for (const x of f.params) own.add(((x.type === "AssignmentPattern" ? x.left : x) as t.Identifier).name);
    const steps = only?.slice(0, -1) ?? [];
    const plain = steps.every((st) => {
      if (st.type === "VariableDeclaration")
        return (
          st.kind !== "var" &&
          st.declarations.every((d) => {
            if (d.id.type !== "Identifier" || !d.init) return false;
            own.add(d.id.name);
            return true;
          })
        );
      const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
      return (
        e?.type === "AssignmentExpression" &&
        e.operator === "=" &&
        e.left.type === "Identifier" &&
        own.has(e.left.name)
      );
    });
    const ret = only ? (last?.type === "ReturnStatement" && plain ? last.argument : null) : f.body;
    const fn = ret ? bare(ret) : null;
    if (fn?.type !== "ArrowFunctionExpression" && fn?.type !== "FunctionExpression") return null;
    // A name the returned function changes itself (`count++`, `headers = …`) is no value fixed here.
    let changed = false;
    const walk = (n: t.Node) => {
      if (changed || !n || typeof n !== "object") return;
      const target =
        n.type === "AssignmentExpression" ? n.left : n.type === "UpdateExpression" ? n.argument : null;
      if (target?.type === "Identifier" && own.has(target.name)) changed = true;
      for (const c of childNodes(n)) walk(c);
    };
    walk(fn.body);
    for (const st of steps)
      if (st.type === "VariableDeclaration") for (const d of st.declarations) walk(d.init as t.Node);
      else walk((bare((st as t.ExpressionStatement).expression) as t.AssignmentExpression).right);
    if (changed) return null;
    const bound = new Map<string, Val>();
    try {
      f.params.forEach((x, i) => {
        const arg = call.arguments[i];
        const id = (x.type === "AssignmentPattern" ? x.left : x) as t.Identifier;
        bound.set(
          id.name,
          arg
            ? r.value(arg as t.Node)
            : x.type === "AssignmentPattern"
              ? r.value(x.right, new Map(bound))
              : undefined,
        );
      });
      for (const st of steps) {
        if (st.type === "VariableDeclaration")
          for (const d of st.declarations)
            bound.set((d.id as t.Identifier).name, r.value(d.init as t.Node, new Map(bound)));
        else {
          const e = bare((st as t.ExpressionStatement).expression) as t.AssignmentExpression;
          bound.set((e.left as t.Identifier).name, r.value(e.right, new Map(bound)));
        }
      }
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      return null;
    }
    return { kind: "fn", node: fn, name: dotted(callee) ?? undefined, bound, site: call, factory: f };
  };
  const classify = (name: string, node: t.Node, jwt: boolean): Middleware => {
    if (AUTH_NAME.test(name))
      return {
        kind: "auth",
        node,
        name,
        jwt:
          honoName === null &&
          koaName === null &&
          (jwt || /jwt/i.test(name) || /jwt/i.test(r.imports.get(name.split(".")[0] ?? "") ?? "")),
      };
    return { kind: "unknown", node, name };
  };
  const pendingCors: Array<{ use: CorsUse; layerRef: () => Layer; stack: Stack }> = [];
  const mounted = new Set<Stack>();

  const METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "options", "head", "all", "on"]);
  const register = (s: t.Statement, e: t.Node, made?: Stack) => {
    const call = bare(e);
    if (call.type !== "CallExpression") return;
    const callee = bare(call.callee);
    if (callee.type !== "MemberExpression") return;
    const method = propName(callee);
    if (!method) return;
    let target = bare(callee.object);
    // app.route("/x").get(…).put(…): the chain read from the inside out.
    // Each link keeps its own line (`app\n  .use(router.routes())\n  .use(cors())`: the line of its `.use`).
    const chain: Array<{ method: string; args: t.Node[]; at: t.Node }> = [
      { method, args: call.arguments, at: callee.property },
    ];
    while (target.type === "CallExpression" && bare(target.callee).type === "MemberExpression") {
      const inner = bare(target.callee) as t.MemberExpression;
      const m = propName(inner);
      if (!m) return;
      chain.unshift({ method: m, args: target.arguments, at: inner.property });
      target = bare(inner.object);
    }
    // (`app.route(p).get(…).put(…)` keeps the call's line for each, as before.)
    const single = chain.length === 1 || chain.some((l) => l.method === "route");
    const targetName = refName(target);
    const stack = made ?? (targetName !== null ? routers.get(targetName) : undefined);
    if (!stack) return;
    let routePath: { node: t.Node | null; source: string; pattern: PathPattern } | null = null;
    for (const link of chain) {
      const m = link.method;
      if (m === "route" && honoName !== null && link.args.length === 2) {
        // Hono: app.route("/api", sub) mounts a sub-app under the path.
        const sub = bare(link.args[1] as t.Node);
        const router = sub.type === "Identifier" ? routers.get(sub.name) : subApp(sub);
        if (!router) continue;
        mounted.add(router);
        stack.layers.push({
          prefix: true,
          statement: s,
          path: pathOf(r, link.args[0] ?? null, false).pattern,
          methods: null,
          handlers: [{ kind: "router", router, node: sub }],
          line: r.line(call),
        });
        continue;
      }
      if (m === "route") {
        routePath = pathOf(r, link.args[0] ?? null);
        continue;
      }
      if (m !== "use" && !METHODS.has(m)) continue;
      let args = link.args;
      let path: PathPattern = honoName !== null ? stringPath(null, "*", true) : ANY_PATH;
      let methods = m === "use" ? null : [m === "all" ? "ALL" : m === "del" ? "DELETE" : m.toUpperCase()];
      if (m === "on") {
        // Hono: app.on("PUT" | ["PUT", "DELETE"], path, …handlers)
        let v: Val;
        try {
          v = args[0] ? r.value(args[0]) : undefined;
        } catch {
          continue;
        }
        methods = (Array.isArray(v) ? v : [v]).map((x) => String(x).toUpperCase());
        args = args.slice(1);
      }
      if (routePath && m !== "use") path = routePath.pattern;
      else if (args[0] && isPathArg(args[0])) {
        path = pathOf(r, args[0], honoName !== null).pattern;
        if (stack.prefix && honoName !== null)
          path = stringPath(args[0] as t.Node, honoMerge(stack.prefix, path.source), true);
        else if (stack.prefix) {
          const whole = `${stack.prefix}${path.source === "/" && m !== "use" ? "" : path.source}`;
          path = stringPath(args[0] as t.Node, whole);
        }
        args = args.slice(1);
      } else if (m !== "use") continue;
      // Hono's basePath: app.use(mw) is app.use("*", mw) under it.
      else if (stack.prefix && honoName !== null) path = stringPath(null, honoMerge(stack.prefix, "*"), true);
      const layer: Layer = {
        prefix: m === "use" && honoName === null,
        statement: s,
        path,
        methods,
        handlers: [],
        line: single ? r.line(call) : r.line(link.at),
      };
      layer.handlers = args.flatMap((a) => middleware(a, stack, () => layer));
      stack.layers.push(layer);
    }
  };
  /**
   * Hono: `app.route("/api/mcp", createMcpRoutes())` — a file function that makes a `new Hono()`,
   * registers on it and returns it: that sub-app, its body read where the call is (as the module runs
   * it when the mount is made; https://github.com/honojs/hono/blob/v4.13.19/src/hono-base.ts, `route`
   * copies the sub-app's routes as they are then).
   */
  const subApp = (call: t.Node): Stack | undefined => {
    if (call.type !== "CallExpression") return undefined;
    const callee = bare(call.callee);
    const fn = callee.type === "Identifier" ? r.functions.get(callee.name) : undefined;
    if (!fn || fn.async || fn.body.type !== "BlockStatement" || following.has(fn)) return undefined;
    const ss = fn.body.body;
    const ret = ss.find((x): x is t.ReturnStatement => x.type === "ReturnStatement");
    const name =
      ret?.argument && bare(ret.argument).type === "Identifier"
        ? (bare(ret.argument) as t.Identifier).name
        : null;
    const made = ss
      .flatMap((x) => (x.type === "VariableDeclaration" ? x.declarations : []))
      .find((d) => d.id.type === "Identifier" && d.id.name === name && d.init && isExpressCall(d.init));
    if (!name || !made?.init) return undefined;
    const base = basePathOf(chainRoot(made.init));
    const stack: Stack = { name, layers: [], ...(base ? { prefix: base } : {}) };
    const before = routers.get(name);
    routers.set(name, stack);
    following.add(fn);
    for (const st of ss) {
      if (st.type === "VariableDeclaration") {
        declare(st);
        // `const mcp = new Hono().get(…)`: the chain's registrations, on the sub-app.
        // (visit does it for a name the module's own statements made an app of).
        if (st.declarations.includes(made) && chainRoot(made.init) !== bare(made.init) && !appNames.has(name))
          register(st, made.init, stack);
      }
      visit(st);
    }
    following.delete(fn);
    if (before) routers.set(name, before);
    else routers.delete(name);
    return stack;
  };
  /**
   * Express: `jsonRouter(data)`, a file function (not async) whose body makes a router with
   * express.Router(), registers on it and returns it: that router, read from the function's body.
   * Its parameters are not bound: the routes' handlers that read them answer with the app's content.
   */
  const calledRouter = (call: t.CallExpression): Stack | undefined => {
    const callee = bare(call.callee);
    const fn = callee.type === "Identifier" ? r.functions.get(callee.name) : undefined;
    if (!fn || fn.async || fn.body.type !== "BlockStatement" || following.has(fn)) return undefined;
    const made = returnedRouter(fn);
    if (!made || made.stack.prefix !== undefined) return undefined;
    const stack: Stack = { name: made.name, layers: [] };
    const before = routers.get(made.name);
    routers.set(made.name, stack);
    following.add(fn);
    for (const st of fn.body.body) {
      if (st.type === "VariableDeclaration") declare(st);
      visit(st);
    }
    following.delete(fn);
    if (before) routers.set(made.name, before);
    else routers.delete(made.name);
    return stack;
  };
  /** The module functions being read as called with the app or a router (`addRoutes(app)`). */
  const following = new Set<t.Function>();
  const visit = (s: t.Statement) => {
    if (s.type === "ExpressionStatement" && !helperCall(s.expression) && !thenCall(s.expression))
      register(s, s.expression);
    else if (s.type === "VariableDeclaration") {
      for (const d of s.declarations) {
        const made = madeRouters.get(d);
        if (!made || following.has(made.fn) || made.fn.body.type !== "BlockStatement") continue;
        const before = routers.get(made.inner);
        routers.set(made.inner, made.stack);
        following.add(made.fn);
        for (const st of made.fn.body.body) {
          if (st.type === "VariableDeclaration") declare(st);
          visit(st);
        }
        following.delete(made.fn);
        if (before) routers.set(made.inner, before);
        else routers.delete(made.inner);
      }
      // `const app = new Hono().get(…).post(…)`: the chain's registrations, on the app it makes.
      for (const d of s.declarations)
        if (
          d.id.type === "Identifier" &&
          d.init &&
          appNames.has(d.id.name) &&
          chainRoot(d.init) !== bare(d.init)
        )
          register(s, d.init, routers.get(d.id.name));
    } else if (s.type === "ExportDefaultDeclaration" && s.declaration.type !== "FunctionDeclaration") return;
  };
  /**
   * `makeRouter(…).then((router) => { app.use(router.routes()); app.use(cors()); … })`: a file function
   * that makes a router, registers its routes and returns it (async), and the callback that mounts it
   * — read after the module's own statements, where the promise resolves, with the callback's
   * parameter bound to that router. Other `.then` callbacks are not read.
   */
  const deferred: Array<() => void> = [];
  const thenCall = (e0: t.Node): boolean => {
    let e = bare(e0);
    if (e.type === "AwaitExpression") e = bare(e.argument);
    if (e.type !== "CallExpression") return false;
    const callee = bare(e.callee);
    if (callee.type !== "MemberExpression" || propName(callee) !== "then") return false;
    const cb = e.arguments[0] ? bare(e.arguments[0]) : null;
    if (
      (cb?.type !== "ArrowFunctionExpression" && cb?.type !== "FunctionExpression") ||
      cb.body.type !== "BlockStatement"
    )
      return false;
    const param = cb.params[0];
    const src = bare(callee.object);
    const fnName = src.type === "CallExpression" ? bare(src.callee) : null;
    const fn = fnName?.type === "Identifier" ? r.functions.get(fnName.name) : undefined;
    const made = fn && !following.has(fn) ? returnedRouter(fn) : null;
    if (!fn || !made || param?.type !== "Identifier" || fn.body.type !== "BlockStatement") return false;
    const fnBody = fn.body.body;
    const cbBody = cb.body.body;
    const bound = (name: string, stack: Stack, run: () => void) => {
      const before = routers.get(name);
      routers.set(name, stack);
      run();
      if (before) routers.set(name, before);
      else routers.delete(name);
    };
    deferred.push(() => {
      following.add(fn);
      bound(made.name, made.stack, () => {
        for (const st of fnBody) {
          if (st.type === "VariableDeclaration") declare(st);
          visit(st);
        }
      });
      following.delete(fn);
      bound(param.name, made.stack, () => {
        for (const st of cbBody) {
          if (st.type === "VariableDeclaration") declare(st);
          visit(st);
        }
      });
    });
    return true;
  };
  /**
   * addRoutes(app): a module function given the app (or a router) registers on it, in its body's
   * order, where it is called — its parameter is that stack while the body is read.
   */
  const helperCall = (e0: t.Node): boolean => {
    let e = bare(e0);
    if (e.type === "AwaitExpression") e = bare(e.argument);
    if (e.type !== "CallExpression") return false;
    const callee = bare(e.callee);
    const fn = callee.type === "Identifier" ? r.functions.get(callee.name) : undefined;
    if (fn?.body.type !== "BlockStatement" || following.has(fn)) return false;
    const at = e.arguments.findIndex((a) => {
      const n = refName(bare(a));
      return n !== null && routers.has(n);
    });
    const param = at >= 0 ? fn.params[at] : undefined;
    const stack = at >= 0 ? routers.get(refName(bare(e.arguments[at] as t.Node)) ?? "") : undefined;
    if (param?.type !== "Identifier" || !stack) return false;
    const before = routers.get(param.name);
    routers.set(param.name, stack);
    following.add(fn);
    for (const st of fn.body.body) {
      if (st.type === "VariableDeclaration") declare(st);
      visit(st);
    }
    following.delete(fn);
    if (before) routers.set(param.name, before);
    else routers.delete(param.name);
    return true;
  };
  for (const s of [...program.body, ...inner]) visit(s);
  for (const run of deferred) run();
  for (const p of pendingCors) {
    const layer = p.layerRef();
    corsUses.push({ use: p.use, layer, stack: p.stack });
  }
  const app =
    stacks.find((x) => !mounted.has(x)) ??
    stacks[0] ??
    (routers.size > 0 ? ([...routers.values()][0] as Stack) : null);
  return {
    file,
    text,
    program,
    app,
    appName: app?.name ?? null,
    made: app ? madeAt.get(app.name) : undefined,
    corsName,
    moduleKind,
    dialect: honoName !== null ? "hono" : koaName !== null ? "koa" : "express",
    consts: r.consts,
    corsUses,
    lineOf: r.lineOf,
    reader: r,
  } as ExpressApp & { reader: Reader };
}

export function isPathArg(n: t.Node): boolean {
  const b = bare(n);
  return (
    b.type === "StringLiteral" ||
    b.type === "RegExpLiteral" ||
    b.type === "TemplateLiteral" ||
    (b.type === "ArrayExpression" && b.elements.every((x) => x?.type === "StringLiteral"))
  );
}

export function pathOf(
  r: Reader,
  n: t.Node | null,
  hono = false,
): { node: t.Node | null; source: string; pattern: PathPattern } {
  if (!n) return { node: null, source: "/", pattern: ANY_PATH };
  const b = bare(n);
  if (b.type === "RegExpLiteral") {
    let re: RegExp | null = null;
    try {
      re = new RegExp(b.pattern, b.flags);
    } catch {
      re = null;
    }
    return { node: b, source: `/${b.pattern}/`, pattern: makePath(b, `/${b.pattern}/`, re) };
  }
  if (b.type === "ArrayExpression") {
    const parts = b.elements.map((x) => stringPath(x, (x as t.StringLiteral).value));
    const source = parts.map((p) => p.source).join(",");
    return {
      node: b,
      source,
      pattern: {
        source,
        node: b,
        test: (path, prefix) => {
          for (const p of parts) {
            const m = p.test(path, prefix);
            if (m.matched) return m;
          }
          return { matched: false, rest: path };
        },
      },
    };
  }
  let source = "/";
  try {
    const v = r.value(b);
    if (typeof v === "string") source = v;
  } catch {
    source = "/";
  }
  return { node: b, source, pattern: stringPath(b, source, hono) };
}

/** The options object of `cors(…)`: each option's value, or why it cannot be read. */
export function readOptions(r: Reader, call: t.CallExpression, index = 0): CorsOptions | Words {
  const arg = call.arguments[index];
  const out: CorsOptions = { object: null, props: new Map(), values: new Map(), unread: new Map() };
  if (!arg) return out;
  // The options as written, a const holding them, or a property of a const object literal
  // (`server.register(cors, config.cors)`).
  const resolve = (n: t.Node, depth: number): t.Node | null => {
    const b = bare(n);
    if (depth > 4) return null;
    if (b.type === "Identifier") {
      const c = r.consts.get(b.name);
      // Options changed after they are written (`opts.origin = …`): not the literal.
      return c && r.mutations(b.name).length === 0 ? resolve(c.init, depth + 1) : null;
    }
    if (b.type === "MemberExpression") {
      const key = b.computed ? (b.property.type === "StringLiteral" ? b.property.value : null) : propName(b);
      const o = key === null ? null : resolve(b.object, depth + 1);
      if (o?.type !== "ObjectExpression") return null;
      const prop = o.properties.find(
        (x): x is t.ObjectProperty =>
          x.type === "ObjectProperty" &&
          !x.computed &&
          ((x.key.type === "Identifier" && x.key.name === key) ||
            (x.key.type === "StringLiteral" && x.key.value === key)),
      );
      return prop ? resolve(prop.value, depth + 1) : null;
    }
    return b;
  };
  const first = bare(arg);
  const found = first.type === "Identifier" || first.type === "MemberExpression" ? resolve(first, 0) : first;
  if (!found)
    return {
      key: "config.express.unknown.options",
      params: {
        name: r.text.slice(first.start ?? 0, Math.min(first.end ?? 0, (first.start ?? 0) + 40)),
        line: r.line(first),
      },
    };
  const obj = found;
  if (obj.type !== "ObjectExpression")
    return {
      key: "config.express.unknown.options",
      params: {
        name: r.text.slice(obj.start ?? 0, Math.min(obj.end ?? 0, (obj.start ?? 0) + 40)),
        line: r.line(obj),
      },
    };
  out.object = obj;
  for (const p of obj.properties) {
    if (p.type === "SpreadElement")
      return { key: "config.express.unknown.options", params: { name: "...", line: r.line(p) } };
    const key =
      p.key.type === "Identifier" && !p.computed
        ? p.key.name
        : p.key.type === "StringLiteral"
          ? p.key.value
          : null;
    if (key === null) continue;
    out.props.set(key, p);
    if (p.type === "ObjectMethod") {
      out.values.set(key, new Fn(p));
      continue;
    }
    try {
      out.values.set(key, r.value(p.value));
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      out.unread.set(key, e.why);
    }
  }
  return out;
}

// ——— Answering ———

/** The response as the app builds it: header lines (setHeader replaces, append adds), then the status. */
class Res {
  headers: Array<[string, string]> = [];
  status: number | null = null;
  set(name: string, value: string): void {
    this.headers = this.headers.filter(([n]) => lower(n) !== lower(name));
    this.headers.push([name, value]);
  }
  append(name: string, value: string): void {
    this.headers.push([name, value]);
  }
  /** The `vary` package: one Vary line, the field added once (https://github.com/jshttp/vary). */
  vary(field: string): void {
    const cur = this.headers.find(([n]) => lower(n) === "vary");
    if (!cur) {
      this.set("Vary", field);
      return;
    }
    const list = cur[1].split(",").map((s) => s.trim());
    if (list.includes("*") || list.some((x) => lower(x) === lower(field))) return;
    cur[1] = `${cur[1]}, ${field}`;
  }
}

export interface Trace {
  /** The layer whose handler ended the request, and which handler. */
  answeredBy: { layer: Layer; handler: Middleware | null } | null;
  /** cors() uses that ran, in order. */
  corsRan: Array<{ use: CorsUse; layer: Layer }>;
  /** Hand-written middleware that set Access-Control-* headers. */
  handSet: Array<{
    node: t.Function;
    layer: Layer;
    /** Made by a factory of the file (`app.use(responseCors())`): it, and its values at the call. */
    factory?: t.Function;
    bound?: Map<string, Val>;
  }>;
  /** The app-level layer that was running when the request was answered (a router's mount). */
  top: Layer | null;
  status: number;
  headers: HeaderList;
  fromUpstream: boolean;
  assumed: Words[];
  /** Koa: the route threw and ctx.onerror dropped the headers set so far (koaThrown). */
  thrown?: boolean;
  /** Fastify: the route wrote its answer with reply.raw.writeHead, without the reply's headers (rawWrite). */
  rawWrite?: t.CallExpression;
  /** Fastify: the route handed reply.raw to a function of the file that answered on it (rawHandOff). */
  rawHandOff?: { call: t.CallExpression; reply: string };
  /**
   * Hono and Koa: what each middleware does after its `await next()`, run once the request is
   * answered, innermost first (koa-compose and Hono's compose resume each awaiting middleware in
   * turn: https://github.com/koajs/compose/blob/master/index.js,
   * https://github.com/honojs/hono/blob/main/src/compose.ts).
   */
  after: Array<() => void>;
  /** Koa: an error unwound the middleware chain, so no code after an `await next()` ran. */
  unwound?: boolean;
  /**
   * A header set with a name Node refuses (`"Access-Control-Allow-Origin:"`): setHeader throws
   * ERR_INVALID_HTTP_TOKEN and the framework answers 500. The call's name argument.
   */
  badHeader?: t.Node;
  /** The call that set Access-Control-Allow-Origin to an empty value. */
  blanked?: t.Node;
  /**
   * Hono: the Context's response (`c.res`) was made — hono/cors or a `c.res.headers` call read it —
   * so a handler's own Response takes the headers set so far along (honoOwnResponse).
   */
  honoRes?: boolean;
  /** Hono: the `c.header()` calls that set Access-Control-* headers before `c.res` was made. */
  honoPrepared?: t.CallExpression[];
  /** Hono: those of them a handler's own `new Response(…)` dropped (fix sets them on `c.res`). */
  honoLost?: t.CallExpression[];
  /** Hono: the etag() whose 304 dropped these CORS headers (fix retains them). */
  etag304?: { call: t.CallExpression; dropped: string[] };
}

/** An HTTP field name (https://httpwg.org/specs/rfc9110.html#fields.names): a token. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * An origin option written without a scheme (`"app.example.com"`, `'localhost:3000'`): an Origin
 * header is always scheme://host[:port] (https://fetch.spec.whatwg.org/#origin-header), so it equals
 * no page's. Decided here for `check` (origin-no-scheme) and `fix` (taken as a mismatch).
 */
export function withoutScheme(v: string): boolean {
  return /^[\w.-]+(:\d+)?$/.test(v) && v !== "null" && !/^\d+$/.test(v);
}

class BadHeader {
  constructor(readonly node: t.Node) {}
}

interface Req {
  method: string;
  path: string;
  headers: HeaderList;
  upstream: HopRequest["upstream"];
  /** The request URL's host (host:port) and scheme ("http:"), the server's own. */
  host?: string;
  protocol?: string;
}

class Done {
  constructor(readonly handler: Middleware | null) {}
}

function header(req: Req, name: string): string | undefined {
  const l = lower(name);
  const lines = req.headers.filter(([n]) => lower(n) === l).map(([, v]) => v);
  return lines.length ? lines.join(", ") : undefined;
}

/** A route of the Koa router takes the path and the method (HEAD with GET, as @koa/router registers them). */
/** A path pattern under a literal prefix (`/api` + `/items`): what @koa/router's setPrefix makes of a layer. */
function under(pfx: string, p: PathPattern): PathPattern {
  if (pfx === "") return p;
  return {
    source: `${pfx}${p.source === "/" ? "" : p.source}`,
    node: p.node,
    test: (path, prefix) =>
      path === pfx || path.startsWith(`${pfx}/`)
        ? p.test(path.slice(pfx.length) || "/", prefix)
        : { matched: false, rest: path },
  };
}

/**
 * A Koa router with other routers used inside it (`api.use(items.routes())`), as @koa/router makes
 * it: each inner router's layers — its middleware and its routes — copied into the outer one, in
 * order, under the outer router's prefix and the use() path
 * (https://github.com/koajs/router/blob/master/lib/router.js, Router.prototype.use: `cloneLayer.setPrefix`).
 * The router itself when nothing is nested; null when a use() path is not a plain string.
 */
export function koaFlat(router: Stack, depth = 0): Stack | null {
  if (!router.layers.some((l) => l.handlers.some((h) => h.kind === "router"))) return router;
  if (depth > 4) return null;
  const layers: Layer[] = [];
  for (const l of router.layers) {
    const subs = l.handlers.filter((h): h is Extract<Middleware, { kind: "router" }> => h.kind === "router");
    if (subs.length === 0) {
      layers.push(l);
      continue;
    }
    if (l.path !== ANY_PATH && l.path.node?.type !== "StringLiteral") return null;
    const pfx = useprefix(router, l);
    for (const h of subs) {
      const inner = koaFlat(h.router, depth + 1);
      if (!inner) return null;
      for (const x of inner.layers) layers.push({ ...x, path: under(pfx, x.path) });
    }
    const rest = l.handlers.filter((h) => h.kind !== "router");
    if (rest.length > 0) layers.push({ ...l, handlers: rest });
  }
  return { ...router, layers };
}

/**
 * The prefix a router's use() puts before the routes of a router used inside it: the use() path
 * (which the reader already wrote under the router's prefix), else the router's prefix.
 */
function useprefix(router: Stack, l: Layer): string {
  return (l.path === ANY_PATH ? (router.prefix ?? "") : l.path.source).replace(/\/$/, "");
}

/**
 * Where a Koa router is mounted on the app, through the routers it is used inside: the app's layer
 * (`app.use(api.routes())`) and the path prefix its own routes are reached under (`/api`).
 */
export function koaMount(app: ExpressApp, router: Stack): { layer: Layer; prefix: string } | null {
  const within = (outer: Stack, depth: number): string | null => {
    if (outer === router) return "";
    if (depth > 4) return null;
    for (const l of outer.layers)
      for (const h of l.handlers) {
        if (h.kind !== "router") continue;
        const rest = within(h.router, depth + 1);
        if (rest !== null) return `${outer === app.app ? "" : useprefix(outer, l)}${rest}`;
      }
    return null;
  };
  for (const l of app.app?.layers ?? []) {
    if (l.methods !== null) continue;
    for (const h of l.handlers) {
      if (h.kind !== "router") continue;
      const prefix = within(h.router, 1);
      if (prefix !== null) return { layer: l, prefix };
    }
  }
  return null;
}

function koaRouteTakes(router: Stack, path: string, method: string): boolean {
  return router.layers.some(
    (l) =>
      l.methods !== null &&
      (l.methods.includes("ALL") ||
        l.methods.includes(method) ||
        (method === "HEAD" && l.methods.includes("GET"))) &&
      l.path.test(path, false).matched,
  );
}

export function run(app: ExpressApp, request: HopRequest): Trace {
  const reader = (app as ExpressApp & { reader: Reader }).reader;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Unknown({ key: "config.unknown.url", params: { url: request.url } });
  }
  const req: Req = {
    method: request.method.toUpperCase(),
    path: safeDecode(url.pathname),
    headers: request.headers,
    upstream: request.upstream,
    host: url.host,
    protocol: url.protocol,
  };
  const res = new Res();
  const trace: Trace = {
    answeredBy: null,
    corsRan: [],
    handSet: [],
    top: null,
    status: 404,
    headers: [],
    fromUpstream: false,
    assumed: [],
    after: [],
  };
  const stack = app.app;
  if (!stack)
    throw new Unknown({
      key: app.dialect === "fastify" ? "config.fastify.unknown.no-app" : "config.express.unknown.no-app",
      params: { maker: MAKER[app.dialect] },
    });
  let routeMatchedPath = false;
  let preflightContinued = false;
  const allowedRouters: Stack[] = [];
  const walk = (s: Stack, path: string): void => {
    for (const layer of s.layers) {
      if (s === stack) trace.top = layer;
      const prefix = layer.prefix;
      const m = layer.path.test(path, prefix);
      if (!m.matched) continue;
      if (layer.methods !== null) {
        const ok =
          layer.methods.includes("ALL") ||
          layer.methods.includes(req.method) ||
          (req.method === "HEAD" && layer.methods.includes("GET"));
        // Only a route that does not take the method adds to the automatic OPTIONS answer (an
        // app.all route takes OPTIONS itself and, calling next(), adds nothing).
        if (!ok) {
          routeMatchedPath = true;
          continue;
        }
      }
      const last = layer.handlers.length - 1;
      for (const [i, h] of layer.handlers.entries()) {
        const final = layer.methods !== null && i === last;
        const ended = handle(h, layer, final, prefix ? m.rest : path);
        if (ended) {
          trace.answeredBy = { layer, handler: h };
          throw new Done(h);
        }
        if (ended === null) break;
      }
    }
  };
  /** true: answered; false: next(); null: next("route") / skip the rest of the layer. */
  const handle = (h: Middleware, layer: Layer, final: boolean, rest: string): boolean | null => {
    switch (h.kind) {
      case "cors": {
        if ("key" in h.options) throw new Unknown(h.options);
        const o = h.options;
        const unread = [...o.unread.entries()].find(([k]) =>
          [
            "origin",
            "methods",
            "allowedHeaders",
            "headers",
            "credentials",
            "exposedHeaders",
            "maxAge",
            "preflightContinue",
            "optionsSuccessStatus",
            "allowMethods",
            "allowHeaders",
            "exposeHeaders",
            "preflight",
            "strictPreflight",
          ].includes(k),
        );
        if (unread) throw new Unknown(unread[1]);
        if (app.dialect === "koa") {
          trace.corsRan.push({ use: h, layer });
          return h.koa2 ? koa2Cors(reader, res, o, req) : koaCors(reader, res, o, req);
        }
        if (app.dialect === "fastify") {
          trace.corsRan.push({ use: h, layer });
          const got = fastifyCors(reader, res, o, req, trace.assumed);
          if (got === "error") {
            // next(err): Fastify's error handler answers 500, keeping the headers set so far.
            res.status = 500;
            trace.answeredBy = { layer, handler: h };
            throw new Done(h);
          }
          // preflightContinue: the plugin's own `OPTIONS *` route answers it (reply.send(), 200) if nothing else does.
          if (got === "continue") preflightContinued = true;
          return got === "answered";
        }
        if (app.dialect === "hono") {
          trace.corsRan.push({ use: h, layer });
          // hono/cors sets its headers on c.res.headers, which makes the Context's response.
          const had = res.headers.length;
          const answered = honoCors(reader, res, o, req, trace.assumed);
          if (res.headers.length > had) trace.honoRes = true;
          return answered;
        }
        let origin: Val = o.values.has("origin") ? o.values.get("origin") : "*";
        if (origin === false || origin === "" || origin === null || origin === 0) return false;
        if (origin === undefined) origin = "*";
        if (origin instanceof Fn) {
          const got = originCallback(reader, origin.fn, header(req, "origin"));
          if (got.error) {
            // next(err): Express's final handler answers 500 and keeps the headers set so far.
            trace.corsRan.push({ use: h, layer });
            res.status = 500;
            trace.answeredBy = { layer, handler: h };
            throw new Done(h);
          }
          if (!truthy(got.value)) {
            // cors calls next() without a header: the origin refused (it ran, for the patcher).
            trace.corsRan.push({ use: h, layer });
            return false;
          }
          origin = got.value as Val;
        }
        trace.corsRan.push({ use: h, layer });
        applyCors(res, o, origin, req, trace.assumed);
        if (req.method === "OPTIONS" && o.values.get("preflightContinue") !== true) {
          const st = o.values.get("optionsSuccessStatus");
          res.status = typeof st === "number" ? st : 204;
          return true;
        }
        return false;
      }
      case "static":
        // serve-static answers GET/HEAD for files that exist and passes everything else on; a path
        // with an extension is taken as a file (its recorded status, else 200).
        if ((req.method === "GET" || req.method === "HEAD") && /\.[A-Za-z0-9]+$/.test(rest)) {
          answerApp(200, "static");
          return true;
        }
        return false;
      case "etag":
        trace.after.push(() => etag304(h, req, res, trace));
        return false;
      case "pass":
        return false;
      case "allowed":
        allowedRouters.push(h.router);
        return false;
      case "router": {
        // Fastify: a plugin's hooks run only for its own routes (and the `OPTIONS *` route of a
        // @fastify/cors registered in it); any other request is answered outside it.
        if (app.dialect === "fastify" && !fastifyReaches(h.router, rest, req.method)) return false;
        // Koa: router.routes() runs the router's middleware (router.use) only when one of its routes
        // takes the path and the method — `if (!matched.route) return next()` — so a preflight no
        // route takes never meets a cors() attached to the router
        // (https://github.com/koajs/router/blob/master/lib/router.js, Router.prototype.routes).
        // A router used inside another (`api.use(items.routes())`): @koa/router copies the inner
        // router's routes into the outer one under its prefix, which this model does not do.
        let router = h.router;
        if (app.dialect === "koa") {
          const flat = koaFlat(h.router);
          if (!flat) {
            const nested = h.router.layers.find((l) => l.handlers.some((x) => x.kind === "router"));
            throw new Unknown({
              key: "config.express.unknown.koa-nested",
              params: { line: nested?.line ?? 0 },
            });
          }
          router = flat;
        }
        if (app.dialect === "koa" && !koaRouteTakes(router, rest, req.method)) {
          // Its routes of the path still make allowedMethods() answer an OPTIONS.
          if (router.layers.some((l) => l.methods !== null && l.path.test(rest, false).matched))
            routeMatchedPath = true;
          return false;
        }
        walk(router, rest);
        return false;
      }
      case "auth": {
        const auth = header(req, "authorization");
        if (req.method === "OPTIONS" && h.jwt) {
          // express-jwt lets a preflight through when it announces Authorization
          // (https://github.com/auth0/express-jwt/blob/master/src/index.ts).
          const acrh = (header(req, "access-control-request-headers") ?? "")
            .split(",")
            .map((x) => lower(x.trim()));
          if (acrh.includes("authorization")) return false;
        }
        if (!auth && !header(req, "cookie")) {
          res.status = 401;
          return true;
        }
        const up = req.upstream?.status;
        if (up === 401 || up === 403) {
          res.status = up;
          return true;
        }
        trace.assumed.push({ key: "config.express.assumed.auth", params: { line: reader.line(h.node) } });
        return false;
      }
      case "fn": {
        // A route's own handler is the application: its status comes from the record; it is read
        // only where it sets CORS headers itself or answers a preflight.
        const code = codeOf(reader.text, h.node);
        // Its own code sets CORS headers, or a function of the file it calls does
        // (`res.set(buildCorsHeaders(req))`).
        const own = codeSetsCors(reader, code, h.node);
        if (final && !own && req.method !== "OPTIONS") {
          answerApp(200, "route");
          if (app.dialect === "koa" && (res.status ?? 200) >= 400 && /\bctx\.throw\s*\(|\bthrow\s/.test(code))
            koaThrown(app, res, trace);
          if (app.dialect === "fastify") {
            rawWrite(reader.text, h.node, res, trace);
            rawHandOff(reader, h.node, res, trace);
          }
          if (app.dialect === "hono") honoOwnResponse(reader, h.node, res, trace);
          return true;
        }
        // A middleware that sets CORS headers ran, whether or not it set them on this request.
        if (own && !trace.handSet.some((x) => x.node === h.node))
          trace.handSet.push({
            node: h.node,
            layer,
            ...(h.factory ? { factory: h.factory, bound: h.bound } : {}),
          });
        // A named function whose code is not evaluated here and whose name says it checks
        // credentials (`basicAuth`, `requireToken`): taken as the auth middleware it is named for,
        // as an unknown middleware of that name is (classify).
        const authLike = !own && h.name !== undefined && AUTH_NAME.test(h.name) ? h.name : undefined;
        let out: ReturnType<typeof interpret>;
        try {
          out = interpret(
            reader,
            h.node,
            req,
            res,
            trace,
            layer,
            final,
            app.dialect === "hono",
            app.dialect === "koa",
            app.dialect === "fastify",
            h.bound,
          );
        } catch (e) {
          if (!(e instanceof Unknown)) throw e;
          // Koa: a check it cannot follow (`tokens.get(token)`) that throws `ctx.throw(422, …)`,
          // where the recorded status is that one: the throw is the path the request took (read
          // from the record, as a catch block's status is). Koa's ctx.onerror answers it, without
          // the headers set so far (koaThrown).
          const ctxName = h.node.params[0]?.type === "Identifier" ? h.node.params[0].name : null;
          const up = req.upstream?.status;
          if (
            app.dialect === "koa" &&
            ctxName &&
            req.method !== "OPTIONS" &&
            typeof up === "number" &&
            up >= 400 &&
            new RegExp(`\\b${ctxName.replace(/\$/g, "\\$")}\\.throw\\s*\\(\\s*${up}\\b`).test(code)
          ) {
            answerApp(up, "route");
            koaThrown(app, res, trace);
            return true;
          }
          if (authLike !== undefined)
            return handle({ kind: "auth", node: h.node, name: authLike, jwt: false }, layer, final, rest);
          // A preflight (it never carries credentials: https://fetch.spec.whatwg.org/#cors-preflight-fetch)
          // meeting a check CORS Lens cannot follow (`if (!req.user || …) return res.sendStatus(401)`,
          // an admin check on a router's `.all()`, expressjs/express#2549), where the record says it was
          // refused with the 401/403 that check writes: the refusal is the path it took (read from the
          // record, as Koa's ctx.throw above).
          if (
            req.method === "OPTIONS" &&
            !own &&
            (up === 401 || up === 403) &&
            new RegExp(`\\b${up}\\b`).test(code)
          ) {
            res.status = up;
            trace.fromUpstream = true;
            return true;
          }
          // Application code CORS Lens does not follow (a token check with a JWT library), after the
          // CORS headers were set: whatever it answers, or whoever answers after it, keeps them,
          // unless it writes the response by itself — so the request's CORS outcome is known.
          // `.raw` on the request — Fastify's `request.raw` (https://fastify.dev/docs/latest/Reference/Request/:
          // "the incoming HTTP request from Node core"), Hono's `c.req.raw` — writes no answer; on the
          // reply (`reply.raw`) it may (fdaciuk/conduit-api#12's auth hook keeps its user on `req.raw`).
          const first = h.node.params[0]?.type === "Identifier" ? h.node.params[0].name : null;
          const written = first
            ? code.replace(new RegExp(`(?<![\\w$.])${escapeRegex(first)}(\\.req)?\\.raw\\b`, "g"), "")
            : code;
          const late =
            /\b(removeHeader|writeHead|getHeaders|hijack|flushHeaders)\b|\.raw\b|\bres\.(set|header|append)\s*\(\s*\{/.test(
              written,
            );
          // Nothing after it in the file touches CORS (no cors(), no Access-Control-* header).
          const after = reader.text.slice(h.node.end ?? 0);
          if (
            req.method !== "OPTIONS" &&
            !own &&
            !late &&
            !/access-control-|\bcors\s*\(/i.test(after) &&
            res.headers.some(([n]) => lower(n) === "access-control-allow-origin")
          ) {
            answerApp(200, "route");
            trace.assumed.push({
              key: "config.express.assumed.opaque",
              params: { line: reader.line(h.node) },
            });
            return true;
          }
          throw e;
        }
        if (out === "next") return false;
        if (out === "route") return null;
        if (final && out === "app") answerApp(200, "route");
        return true;
      }
      case "unknown":
        if (final) {
          answerApp(200, "route");
          return true;
        }
        throw new Unknown({
          key: "config.express.unknown.middleware",
          params: { name: h.name, line: reader.line(h.node) },
        });
    }
  };
  const answerApp = (fallback: number, what: string) => {
    const up = req.upstream?.status;
    trace.fromUpstream = true;
    if (typeof up === "number" && up > 0) {
      res.status = up;
      return;
    }
    if (req.method === "OPTIONS")
      throw new Unknown({ key: "config.express.unknown.options-handler", params: { path: req.path } });
    res.status = res.status ?? fallback;
    trace.assumed.push({
      key: what === "static" ? "config.express.assumed.static" : "config.express.assumed.route",
      params: { method: req.method, path: req.path },
    });
  };
  try {
    walk(stack, req.path);
    // Nothing answered: the router's automatic OPTIONS answer (200 with Allow) where a route has the
    // path (https://github.com/pillarjs/router/blob/master/index.js), else finalhandler's 404.
    const allowed =
      app.dialect === "express" ||
      allowedRouters.some((x) =>
        x.layers.some((l) => l.methods !== null && l.path.test(req.path, false).matched),
      );
    // Fastify: a path no route of this file answers may be a route of a plugin in another file.
    const opaque = app.opaque?.find((o) => stringPath(null, o.prefix).test(req.path, true).matched);
    if (opaque)
      throw new Unknown({
        key: "config.fastify.unknown.plugin",
        params: { line: opaque.line, path: req.path },
      });
    res.status = (req.method === "OPTIONS" && routeMatchedPath && allowed) || preflightContinued ? 200 : 404;
    trace.top = null;
  } catch (e) {
    if (!(e instanceof Done)) throw e;
  }
  if (!trace.unwound) for (const resume of trace.after.reverse()) resume();
  // Fastify's onSend hooks: their header calls act on the answer, whoever made it.
  for (const fn of stack.onSend ?? [])
    interpret(
      reader,
      fn,
      req,
      res,
      trace,
      trace.top ?? (stack.layers[0] as Layer),
      false,
      false,
      false,
      true,
    );
  trace.status = res.status ?? 200;
  trace.headers = res.headers;
  return trace;
}

/**
 * A Koa route that throws (ctx.throw(404), a thrown error) with the recorded error status: Koa's
 * ctx.onerror removes every header set so far and sets the error's own `headers`
 * (https://github.com/koajs/koa/blob/master/lib/context.js, onerror) — @koa/cors puts its own there
 * (keepHeadersOnError), a hand-set Access-Control-Allow-Origin is gone. A middleware of the file
 * that catches what next() throws answers the error itself: its headers stay.
 */
function koaThrown(app: ExpressApp, res: Res, trace: Trace): void {
  if (catchesNext(app.text)) return;
  const kept = koaKeepsOnError(trace) ? /^(access-control-|vary$)/i : null;
  res.headers = kept ? res.headers.filter(([n]) => kept.test(n)) : [];
  trace.thrown = true;
  trace.unwound = true;
}

/**
 * A @koa/cors that ran keeps its headers on a thrown error's answer (err.headers), unless
 * `keepHeadersOnError: false` (https://github.com/koajs/cors/blob/master/index.js); koa2-cors sets
 * them with ctx.set and keeps none.
 */
function koaKeepsOnError(trace: Trace): boolean {
  return trace.corsRan.some(
    (c) =>
      !c.use.koa2 && !("key" in c.use.options) && c.use.options.values.get("keepHeadersOnError") !== false,
  );
}

/** hono/etag's RETAINED_304_HEADERS, its default `retainedHeaders` (https://github.com/honojs/hono/blob/v4.13.19/src/middleware/etag/index.ts). */
export const ETAG_RETAINED = ["cache-control", "content-location", "date", "etag", "expires", "vary"];

/**
 * The headers an `etag(…)` keeps on its 304: `retainedHeaders` as written (string literals, a spread
 * of RETAINED_304_HEADERS), its default without the option; null where the option is other code.
 */
function etagRetained(r: Reader, call: t.CallExpression): Set<string> | null {
  const [opts] = call.arguments;
  if (!opts) return new Set(ETAG_RETAINED);
  if (opts.type !== "ObjectExpression") return null;
  const prop = opts.properties.find(
    (q): q is t.ObjectProperty =>
      q.type === "ObjectProperty" &&
      ((q.key.type === "Identifier" && q.key.name === "retainedHeaders") ||
        (q.key.type === "StringLiteral" && q.key.value === "retainedHeaders")),
  );
  if (opts.properties.some((q) => q.type !== "ObjectProperty")) return null;
  if (!prop) return new Set(ETAG_RETAINED);
  const list = bare(prop.value);
  if (list.type !== "ArrayExpression") return null;
  const out = new Set<string>();
  for (const el of list.elements) {
    if (el?.type === "StringLiteral") out.add(lower(el.value));
    else if (
      el?.type === "SpreadElement" &&
      el.argument.type === "Identifier" &&
      r.imports.get(el.argument.name) === "hono/etag"
    )
      for (const h of ETAG_RETAINED) out.add(h);
    else return null;
  }
  return out;
}

/**
 * hono/etag after the handler: a GET or HEAD whose If-None-Match matches the answer's tag gets a new
 * 304 that keeps only the retained headers — the CORS headers hono/cors set before it are gone
 * (https://github.com/honojs/hono/blob/v4.13.19/src/middleware/etag/index.ts). Whether the tag
 * matches is the recording's: the request carried If-None-Match and was answered 304 (or `*`).
 */
function etag304(h: Extract<Middleware, { kind: "etag" }>, req: Req, res: Res, trace: Trace): void {
  const inm = header(req, "if-none-match");
  if (inm === undefined || (req.method !== "GET" && req.method !== "HEAD")) return;
  if (inm.trim() !== "*" && req.upstream?.status !== 304) return;
  const status = res.status ?? 200;
  if (!((status >= 200 && status < 300) || status === 304)) return;
  if (!h.retained)
    throw new Unknown({
      key: "config.express.unknown.hono-etag",
      params: { line: h.node.loc?.start.line ?? 0 },
    });
  const retained = h.retained;
  const dropped = res.headers
    .filter(([n]) => /^access-control-/i.test(n) && !retained.has(lower(n)))
    .map(([n]) => n);
  res.status = 304;
  res.headers = res.headers.filter(([n]) => retained.has(lower(n)));
  if (dropped.length > 0) trace.etag304 = { call: h.node, dropped };
}

/**
 * Hono: a handler that returns a Response it made itself (`return new Response(csv, {…})`) replaces
 * the Context's response. Headers set with `c.header()` before `c.res` was made are kept apart
 * (`#preparedHeaders`) and go only into the responses the Context makes (c.json/text/body); the
 * `c.res` setter merges the old response's headers into the new one only when there was one
 * (https://github.com/honojs/hono/blob/v4.13.19/src/context.ts, `set res`, `header`,
 * `#newResponse`), so they are lost. A handler that returns its own Response on some paths and a
 * Context's on others: which one this request got is not known here.
 */
function honoOwnResponse(r: Reader, fn: t.Function, res: Res, trace: Trace): void {
  if (trace.honoRes || !trace.honoPrepared?.length) return;
  const returned: t.Node[] = [];
  const visit = (n: t.Node) => {
    if (n.type === "ReturnStatement") {
      if (n.argument) returned.push(bare(n.argument));
    } else if (!/Function|Method/.test(n.type)) for (const c of childNodes(n)) visit(c);
  };
  if (fn.body.type === "BlockStatement") visit(fn.body);
  else returned.push(bare(fn.body));
  const own = (n: t.Node) => {
    const b = n.type === "AwaitExpression" ? bare(n.argument) : n;
    return b.type === "NewExpression" && isName(bare(b.callee), "Response");
  };
  const mine = returned.filter(own).length;
  if (mine === 0) return;
  if (mine < returned.length)
    throw new Unknown({ key: "config.express.unknown.hono-own-response", params: { line: r.line(fn) } });
  res.headers = [];
  trace.honoLost = trace.honoPrepared;
}

/**
 * A Fastify route that writes its answer to reply.raw (`reply.hijack()`, then
 * `reply.raw.writeHead(200, {…})`): Node sends writeHead's headers and those set on the raw
 * response, not the ones @fastify/cors gave the reply (reply.header), which Fastify writes only when
 * it sends the reply itself (https://fastify.dev/docs/latest/Reference/Reply/#raw). Unless the
 * writeHead headers take reply.getHeaders() along.
 */
function rawWrite(text: string, fn: t.Node, res: Res, trace: Trace): void {
  const call = rawWriteCalls(text, fn)[0];
  if (!call) return;
  res.headers = [];
  trace.rawWrite = call;
}

/**
 * A Fastify route that hands the raw response to another function (`toNodeHandler(auth)(req.raw,
 * reply.raw)`, better-auth's node handler): where that function is the file's and writes the answer
 * on it (`res.writeHead`, `res.end`), Node sends what it wrote, without the headers @fastify/cors put
 * on the reply (reply.header), which Fastify writes only when it sends the reply itself
 * (https://github.com/fastify/fastify/blob/v5.12.8/lib/reply.js `safeWriteHead`: `res.writeHead(statusCode,
 * reply[kReplyHeaders])`; https://fastify.dev/docs/latest/Reference/Reply/#raw) — unless the route
 * copies `reply.getHeaders()` onto the raw response first. A function that is not the file's (an
 * imported library): what it does with the response is not known here.
 */
function rawHandOff(r: Reader, fn: t.Function, res: Res, trace: Trace): void {
  const found = rawHandOffOf(r, fn);
  if (!found) return;
  if (found.answers === null)
    throw new Unknown({
      key: "config.fastify.unknown.raw-handoff",
      params: { line: r.line(found.call), name: found.name },
    });
  if (!found.answers) return;
  res.headers = [];
  trace.rawHandOff = { call: found.call, reply: found.reply };
}

/**
 * Where a Fastify route hands `reply.raw` to another function (rawHandOff): the call, the reply's
 * name, the callee as written, and whether that function answers on the raw response — true or false
 * for a function of the file, null for one CORS Lens cannot read (an import). Null when the route
 * hands nothing on or copies `reply.getHeaders()` onto the raw response first.
 */
export function rawHandOffOf(
  r: Reader,
  fn: t.Function,
): { call: t.CallExpression; reply: string; name: string; answers: boolean | null } | null {
  const reply = fn.params[1]?.type === "Identifier" ? fn.params[1].name : null;
  if (!reply) return null;
  const code = r.text.slice(fn.start ?? 0, fn.end ?? 0);
  let found: { call: t.CallExpression; at: number } | null = null;
  const visit = (n: t.Node) => {
    if (found || !n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      const at = n.arguments.findIndex((a) => {
        const b = bare(a as t.Node);
        return (
          b.type === "MemberExpression" && propName(b) === "raw" && isName(bare(b.object), reply as string)
        );
      });
      const c = bare(n.callee);
      const own = c.type === "MemberExpression" && isName(bare(c.object), reply as string);
      if (at >= 0 && !own) {
        found = { call: n, at };
        return;
      }
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(fn.body);
  if (!found) return null;
  const { call, at } = found as { call: t.CallExpression; at: number };
  // The route copies the reply's headers onto the raw response first (what fix writes).
  if (/\.getHeaders\s*\(\s*\)/.test(code.slice(0, (call.start ?? 0) - (fn.start ?? 0)))) return null;
  // The function called: one of the file, or the function a factory of the file returns.
  const callee = bare(call.callee);
  const name = r.text.slice(callee.start ?? 0, callee.end ?? 0);
  let target: t.Function | null = null;
  if (callee.type === "Identifier") target = r.functions.get(callee.name) ?? null;
  else if (callee.type === "CallExpression" && bare(callee.callee).type === "Identifier") {
    const f = r.functions.get((bare(callee.callee) as t.Identifier).name);
    const body = f?.body;
    const ret =
      body?.type === "BlockStatement"
        ? body.body.findLast((st): st is t.ReturnStatement => st.type === "ReturnStatement")?.argument
        : body;
    const made = ret ? bare(ret) : null;
    if (made?.type === "ArrowFunctionExpression" || made?.type === "FunctionExpression") target = made;
  }
  const param = target?.params[at];
  if (!target || param?.type !== "Identifier") return { call, reply, name, answers: null };
  const inner = r.text.slice(target.start ?? 0, target.end ?? 0);
  const p = param.name.replace(/\$/g, "\\$");
  return { call, reply, name, answers: new RegExp(`\\b${p}\\.(writeHead|end)\\s*\\(`).test(inner) };
}

/** The `reply.raw.writeHead(…)` calls under `node` whose headers do not take `reply.getHeaders()` along. */
export function rawWriteCalls(text: string, node: t.Node): t.CallExpression[] {
  const found: t.CallExpression[] = [];
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      const c = bare(n.callee);
      const o = c.type === "MemberExpression" ? bare(c.object) : null;
      if (
        c.type === "MemberExpression" &&
        propName(c) === "writeHead" &&
        o?.type === "MemberExpression" &&
        propName(o) === "raw" &&
        !n.arguments.some((a) => /\.getHeaders\s*\(\s*\)/.test(text.slice(a.start ?? 0, a.end ?? 0)))
      )
        found.push(n);
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(node);
  return found;
}

/** A Koa middleware of the file catches what `await next()` throws (its own answer to the error). */
export const catchesNext = (text: string): boolean =>
  /\btry\s*\{[^}]*\bawait\s+next\s*\(\s*\)/.test(text) || /\bnext\s*\(\s*\)\s*\.catch\s*\(/.test(text);

/**
 * Hono's cors() (https://github.com/honojs/hono/blob/main/src/middleware/cors/index.ts): the origin
 * `*`, a string sent only to that origin, a list, or a function's return value; every OPTIONS
 * answered 204 with the methods (default GET,HEAD,PUT,POST,DELETE,PATCH,QUERY) and the listed or
 * the requested headers; `Vary: Origin` when the origin is not `*`. True: answered.
 */
function honoCors(r: Reader, res: Res, o: CorsOptions, req: Req, assumed?: Words[]): boolean {
  const v = o.values;
  const opt = v.has("origin") ? v.get("origin") : "*";
  const reqOrigin = header(req, "origin") ?? "";
  let allow: Val = null;
  if (typeof opt === "string") allow = opt === "*" ? "*" : opt === reqOrigin ? reqOrigin : null;
  else if (opt instanceof Fn) allow = originReturn(r, opt.fn, reqOrigin);
  else if (Array.isArray(opt))
    allow = opt.includes(reqOrigin) || envAllowed(opt, reqOrigin, req, assumed) ? reqOrigin : null;
  else throw new Unknown({ key: "config.express.unknown.options", params: { name: "origin", line: 0 } });
  if (allow) res.set("Access-Control-Allow-Origin", String(allow));
  if (v.get("credentials")) res.set("Access-Control-Allow-Credentials", "true");
  const list = (x: Val): string[] => (Array.isArray(x) ? x.map(String) : []);
  const expose = list(v.get("exposeHeaders") ?? []);
  if (expose.length) res.set("Access-Control-Expose-Headers", expose.join(","));
  if (req.method === "OPTIONS") {
    if (opt !== "*") res.append("Vary", "Origin");
    const maxAge = v.get("maxAge");
    if (maxAge !== undefined && maxAge !== null) res.set("Access-Control-Max-Age", String(maxAge));
    const methods = v.has("allowMethods") ? list(v.get("allowMethods")) : HONO_METHODS;
    if (methods.length) res.set("Access-Control-Allow-Methods", methods.join(","));
    let headers = list(v.get("allowHeaders") ?? []).join(",");
    if (!headers) {
      const asked = header(req, "access-control-request-headers");
      if (asked)
        headers = asked
          .split(",")
          .map((x) => x.trim())
          .join(",");
    }
    if (headers) {
      res.set("Access-Control-Allow-Headers", headers);
      res.append("Vary", "Access-Control-Request-Headers");
    }
    res.status = 204;
    return true;
  }
  // After next(): `c.header("Vary", "Origin", { append: true })` on the answer.
  if (opt !== "*") res.append("Vary", "Origin");
  return false;
}

export const HONO_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "QUERY"];

/** Hono's origin function `(origin, c) => …`: the value it returns for this origin. */
/**
 * @koa/cors 5 (https://github.com/koajs/cors/blob/master/index.js): `Vary: Origin` always; the origin
 * option (default `*`, a string sent as is, or a function of ctx whose falsy answer skips CORS); `*`
 * with credentials becomes the request's origin; an OPTIONS with Access-Control-Request-Method is
 * answered 204 (an OPTIONS without it goes on). The headers stay on errors (keepHeadersOnError).
 */
function koaCors(r: Reader, res: Res, o: CorsOptions, req: Req): boolean {
  const v = o.values;
  res.vary("Origin");
  const reqOrigin = header(req, "origin") ?? "";
  let origin: Val = v.get("origin");
  if (origin instanceof Fn) {
    const ctx = koaCtx(req);
    origin = originReturn(r, origin.fn, "", ctx);
    if (!truthy(origin)) return false;
  } else origin = origin || "*";
  // A list holding an entry spelled from the environment: what @koa/cors sends for it is not known.
  if (Array.isArray(origin)) {
    const spelled = origin.find((x): x is EnvTemplate => x instanceof EnvTemplate);
    if (spelled)
      throw new Unknown({
        key: "config.express.unknown.env-origin",
        params: { code: spelled.code, line: spelled.line, origin: reqOrigin },
      });
  }
  // A function of ctx, awaited (`credentials = await options.credentials(ctx)`); only `true` sends the header.
  const option = v.get("credentials");
  const credentials = option instanceof Fn ? originReturn(r, option.fn, "", koaCtx(req)) : option;
  if (credentials && origin === "*") origin = reqOrigin;
  const joined = (x: Val): string =>
    Array.isArray(x) ? x.map(String).join(",") : x === undefined || x === null ? "" : String(x);
  if (req.method !== "OPTIONS") {
    res.set("Access-Control-Allow-Origin", String(origin));
    if (credentials === true) res.set("Access-Control-Allow-Credentials", "true");
    const expose = joined(v.get("exposeHeaders"));
    if (expose) res.set("Access-Control-Expose-Headers", expose);
    return false;
  }
  if (!header(req, "access-control-request-method")) return false;
  res.set("Access-Control-Allow-Origin", String(origin));
  if (credentials === true) res.set("Access-Control-Allow-Credentials", "true");
  const maxAge = v.get("maxAge");
  if (maxAge) res.set("Access-Control-Max-Age", String(maxAge));
  const methods = v.has("allowMethods") ? joined(v.get("allowMethods")) : KOA_METHODS.join(",");
  if (methods) res.set("Access-Control-Allow-Methods", methods);
  const allow = joined(v.get("allowHeaders")) || header(req, "access-control-request-headers");
  if (allow) res.set("Access-Control-Allow-Headers", allow);
  res.status = 204;
  return true;
}

export const KOA_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"];

/** koa2-cors 2.0.6's default `allowMethods`. */
export const KOA2_METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/**
 * koa2-cors 2.0.6 (https://github.com/zadzbw/koa2-cors/blob/master/src/index.js): `Vary: Origin`
 * always; the origin option sent as is, a function of ctx (synchronous, not awaited) whose falsy
 * answer skips CORS, or by default the request's own Origin (any page); Allow-Origin on every answer,
 * an OPTIONS with Access-Control-Request-Method answered 204 with `allowMethods` (default all seven),
 * `allowHeaders` or the requested ones, `maxAge`, and Allow-Credentials when `credentials === true`;
 * other requests get Allow-Credentials unless the origin is `*`, and `exposeHeaders`. Lists are
 * joined with `.join(",")`: a string there throws (an error answer, which the model does not guess).
 * Headers are set on ctx, so Koa's error answer drops them (no keepHeadersOnError: koaThrown).
 */
function koa2Cors(r: Reader, res: Res, o: CorsOptions, req: Req): boolean {
  const v = o.values;
  res.vary("Origin");
  let origin: Val = v.get("origin");
  if (origin instanceof Fn) {
    // Not awaited: an async function's answer is a Promise, sent as "[object Promise]".
    if (origin.fn.async)
      throw new Unknown({ key: "config.koa2cors.unknown.async-origin", params: { line: r.line(origin.fn) } });
    origin = originReturn(r, origin.fn, "", koaCtx(req));
  } else origin = origin || header(req, "origin") || "*";
  if (!truthy(origin)) return false;
  const list = (name: string): string | null => {
    const x = v.get(name);
    if (!truthy(x)) return null;
    if (!Array.isArray(x)) throw new Unknown({ key: "config.koa2cors.unknown.not-list", params: { name } });
    return x.map(String).join(",");
  };
  res.set("Access-Control-Allow-Origin", String(origin));
  if (req.method === "OPTIONS") {
    if (!header(req, "access-control-request-method")) return false;
    const maxAge = v.get("maxAge");
    if (truthy(maxAge)) res.set("Access-Control-Max-Age", String(maxAge));
    if (v.get("credentials") === true) res.set("Access-Control-Allow-Credentials", "true");
    const methods = v.has("allowMethods") ? list("allowMethods") : KOA2_METHODS.join(",");
    if (methods !== null) res.set("Access-Control-Allow-Methods", methods);
    res.set(
      "Access-Control-Allow-Headers",
      list("allowHeaders") ?? header(req, "access-control-request-headers") ?? "",
    );
    res.status = 204;
    return true;
  }
  if (v.get("credentials") === true && origin !== "*") res.set("Access-Control-Allow-Credentials", "true");
  const expose = list("exposeHeaders");
  if (expose !== null) res.set("Access-Control-Expose-Headers", expose);
  return false;
}

/** @fastify/cors 11's default `methods` (https://github.com/fastify/fastify-cors/blob/main/index.js, defaultOptions). */
export const FASTIFY_METHODS = ["GET", "HEAD", "POST"];

/**
 * @fastify/cors 11 (https://github.com/fastify/fastify-cors/blob/main/index.js, addCorsHeadersHandler):
 * `Vary: Origin` unless the origin option is a string or false; an origin function `(origin, cb)`
 * (or a promise) resolved first, false skipping CORS, another falsy value or an error answered 500;
 * a list with `*` is `*`, a string sent as is, a list, RegExp or true reflecting an allowed origin;
 * an OPTIONS answered in the hook (strictPreflight: 400 without Origin or
 * Access-Control-Request-Method) with `methods` (default GET,HEAD,POST), `allowedHeaders` or the
 * requested ones, `maxAge`, `optionsSuccessStatus` (204).
 */
/**
 * An origin function not evaluated here (a lookup, a promise): its verdict for this request's origin
 * as the record shows it, where the recorded answer came from the app with this origin: the
 * Allow-Origin it sent (a reflected origin, `*`: the function allowed it and that is what the
 * plugin sends for it), none (refused: false); a 5xx (an error or not) stays unknown. The methods,
 * headers and credentials are still the options' own: only the origin verdict is taken.
 */
function recordedOrigin(r: Reader, fn: t.Function, req: Req, assumed?: Words[]): Val | null {
  const origin = header(req, "origin") ?? "";
  const seen = allowedSeen.get(fn) ?? new Map<string, string>();
  allowedSeen.set(fn, seen);
  const recorded = recordedAllowOrigin(req.upstream, () => true);
  if (recorded === null) return null;
  if (recorded) seen.set(origin, recorded);
  // Nothing recorded for this hop (not sent, an error): the function is given the origin alone, so
  // an Allow-Origin recorded for the same origin on another hop (its preflight) is its verdict.
  const got: Val | null = recorded === undefined ? (seen.get(origin) ?? null) : recorded;
  if (got === null) return null;
  assumed?.push({ key: "config.express.assumed.origin-recorded", params: { line: r.line(fn), origin } });
  return got;
}

/**
 * Whether an origin no literal of the list allows is allowed by one of its entries spelled from the
 * environment (EnvTemplate): false where none could equal it whatever is deployed; otherwise the
 * record's verdict, where the recorded answer came from the app with this origin (cors sends the
 * origin back when an entry equals it, nothing when none does:
 * https://github.com/expressjs/cors/blob/v2.8.6/lib/index.js `configureOrigin`). No record (a
 * request never sent, an error): unknown, never a guess either way.
 */
function envAllowed(allowed: Val, origin: string | undefined, req: Req, assumed?: Words[]): boolean {
  if (origin === undefined) return false;
  const entries = (Array.isArray(allowed) ? allowed.flat(4) : [allowed]).filter(
    (x): x is EnvTemplate => x instanceof EnvTemplate && x.couldBe(origin),
  );
  const entry = entries[0];
  if (!entry) return false;
  const recorded = recordedAllowOrigin(req.upstream, (v) => v === origin);
  if (recorded === null || recorded === undefined)
    throw new Unknown({
      key: "config.express.unknown.env-origin",
      params: { code: entry.code, line: entry.line, origin },
    });
  const got = recorded === origin;
  assumed?.push({
    key: "config.express.assumed.env-origin-recorded",
    params: { code: entry.code, line: entry.line, origin },
  });
  return got;
}

/** Allow-Origin values recorded for an origin function, by the origin asked (see recordedOrigin). */
const allowedSeen = new WeakMap<t.Function, Map<string, string>>();

function fastifyCors(
  r: Reader,
  res: Res,
  o: CorsOptions,
  req: Req,
  assumed?: Words[],
): "answered" | "next" | "error" | "continue" {
  const v = o.values;
  let opt: Val = v.has("origin") ? v.get("origin") : "*";
  if (Array.isArray(opt) && opt.includes("*")) opt = "*";
  if (typeof opt !== "string" && opt !== false) res.vary("Origin");
  const reqOrigin = header(req, "origin");
  let resolved: Val = opt;
  if (opt instanceof Fn) {
    try {
      if (opt.fn.params.length >= 2) {
        const got = originCallback(r, opt.fn, reqOrigin);
        if (got.error) return "error";
        resolved = got.value;
      } else resolved = originReturn(r, opt.fn, reqOrigin ?? "");
    } catch (e) {
      if (!(e instanceof Unknown)) throw e;
      const seen = recordedOrigin(r, opt.fn, req, assumed);
      if (seen === null) throw e;
      resolved = seen;
    }
  }
  if (resolved === false) return "next";
  if (!truthy(resolved)) return "error";
  const acao =
    Array.isArray(resolved) && resolved.includes("*")
      ? "*"
      : typeof resolved === "string"
        ? resolved
        : reqOrigin !== undefined &&
            (allowedBy(reqOrigin, resolved) || envAllowed(resolved, reqOrigin, req, assumed))
          ? reqOrigin
          : null;
  if (acao) res.set("Access-Control-Allow-Origin", acao);
  if (truthy(v.get("credentials") ?? false)) res.set("Access-Control-Allow-Credentials", "true");
  const joined = (x: Val): string => (Array.isArray(x) ? x.map(String).join(", ") : String(x));
  const exposed = v.get("exposedHeaders");
  if (exposed !== undefined && exposed !== null) res.set("Access-Control-Expose-Headers", joined(exposed));
  if (req.method !== "OPTIONS" || v.get("preflight") === false) return "next";
  if (v.get("strictPreflight") !== false && (!reqOrigin || !header(req, "access-control-request-method"))) {
    res.status = 400;
    return "answered";
  }
  const methods = v.has("methods") ? v.get("methods") : FASTIFY_METHODS.join(",");
  res.set("Access-Control-Allow-Methods", joined(methods));
  const allowed = v.get("allowedHeaders");
  if (allowed === undefined || allowed === null) {
    res.vary("Access-Control-Request-Headers");
    const asked = header(req, "access-control-request-headers");
    if (asked !== undefined) res.set("Access-Control-Allow-Headers", asked);
  } else res.set("Access-Control-Allow-Headers", joined(allowed));
  const maxAge = v.get("maxAge");
  if (maxAge !== undefined && maxAge !== null) res.set("Access-Control-Max-Age", String(maxAge));
  if (v.get("preflightContinue") === true) return "continue";
  const st = v.get("optionsSuccessStatus");
  res.status = typeof st === "number" ? st : 204;
  return "answered";
}

/** What a cors origin function reads of Koa's ctx: ctx.get(name), ctx.headers, ctx.request.headers, ctx.method. */
function koaCtx(req: Req): Val {
  const headers: { [k: string]: Val } = {};
  for (const [n, v] of req.headers) headers[n.toLowerCase()] = v;
  // ctx.host, ctx.hostname, ctx.origin: the server's own, from the Host header the browser sends
  // (the request URL's), not the page's Origin (https://github.com/koajs/koa/blob/v3.3.0/lib/request.js,
  // `get host`, `get hostname`, `get origin`; X-Forwarded-Host only with app.proxy, not read here).
  const host = header(req, "host") ?? req.host ?? "";
  const own = {
    host,
    hostname: host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? ""),
    origin: `${(req.protocol ?? "http:").replace(/:$/, "")}://${host}`,
  };
  return {
    __get: true,
    headers,
    header: headers,
    request: { __get: true, headers, header: headers, method: req.method, ...own },
    method: req.method,
    path: req.path,
    ...own,
  };
}

export function originReturn(r: Reader, fn: t.Function, origin: string, first?: Val): Val {
  const [o] = fn.params;
  if (o?.type !== "Identifier")
    throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(fn) } });
  const env = new Map<string, Val>([[o.name, first ?? origin]]);
  const exec = (s: t.Node): { value: Val } | null => {
    const n = bare(s);
    if (n.type === "BlockStatement") {
      for (const x of n.body) {
        const got = exec(x);
        if (got) return got;
      }
      return null;
    }
    if (n.type === "ReturnStatement") return { value: n.argument ? r.value(n.argument, env) : undefined };
    if (n.type === "IfStatement") {
      if (truthy(r.value(n.test, env))) return exec(n.consequent);
      return n.alternate ? exec(n.alternate) : null;
    }
    if (n.type === "VariableDeclaration") {
      for (const d of n.declarations)
        if (d.id.type === "Identifier" && d.init) env.set(d.id.name, r.value(d.init, env));
        else throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(n) } });
      return null;
    }
    if (n.type === "EmptyStatement") return null;
    throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(n) } });
  };
  if (fn.body.type !== "BlockStatement") return r.value(fn.body, env);
  return exec(fn.body)?.value;
}

/** cors' header set (lib/index.js configureOrigin … configureMaxAge), for a resolved origin option. */
function applyCors(res: Res, o: CorsOptions, origin: Val, req: Req, assumed?: Words[]): void {
  const v = o.values;
  const reqOrigin = header(req, "origin");
  if (!origin || origin === "*") res.set("Access-Control-Allow-Origin", "*");
  else if (typeof origin === "string") {
    res.set("Access-Control-Allow-Origin", origin);
    res.vary("Origin");
  } else {
    if (reqOrigin && (allowedBy(reqOrigin, origin) || envAllowed(origin, reqOrigin, req, assumed)))
      res.set("Access-Control-Allow-Origin", reqOrigin);
    res.vary("Origin");
  }
  if (v.get("credentials") === true) res.set("Access-Control-Allow-Credentials", "true");
  const joined = (x: Val): string | null =>
    Array.isArray(x) ? x.map(String).join(",") : typeof x === "string" ? x : x ? String(x) : null;
  if (req.method === "OPTIONS") {
    const methods = v.has("methods") ? joined(v.get("methods")) : "GET,HEAD,PUT,PATCH,POST,DELETE";
    if (methods) res.set("Access-Control-Allow-Methods", methods);
    const allowed = v.get("allowedHeaders") ?? v.get("headers");
    if (!allowed) {
      res.vary("Access-Control-Request-Headers");
      const asked = header(req, "access-control-request-headers");
      if (asked) res.set("Access-Control-Allow-Headers", asked);
    } else {
      const h = joined(allowed);
      if (h) res.set("Access-Control-Allow-Headers", h);
    }
    const maxAge = v.get("maxAge");
    if (typeof maxAge === "number" || maxAge) res.set("Access-Control-Max-Age", String(maxAge));
  }
  const exposed = joined(v.get("exposedHeaders") ?? null);
  if (exposed) res.set("Access-Control-Expose-Headers", exposed);
}

export function allowedBy(origin: string | undefined, allowed: Val): boolean {
  if (Array.isArray(allowed)) return allowed.some((a) => allowedBy(origin, a));
  if (allowed instanceof EnvRef) return false;
  if (typeof allowed === "string") return origin === allowed;
  if (allowed instanceof RegExp) {
    allowed.lastIndex = 0;
    return allowed.test(String(origin));
  }
  return !!allowed;
}

/** `origin: (origin, callback) => …`: what the callback is called with, for this request's origin. */
export function originCallback(
  r: Reader,
  fn: t.Function,
  origin: string | undefined,
  depth = 0,
): { value: Val; error: boolean } {
  const [o, cb] = fn.params;
  // A function that hands the origin on to itself (or a ring of them) is not followed forever.
  if (o?.type !== "Identifier" || !cb || cb.type !== "Identifier" || depth > 8)
    throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(fn) } });
  const env = new Map<string, Val>([[o.name, origin]]);
  let result: { value: Val; error: boolean } | null = null;
  const callback = (call: t.CallExpression) => {
    const first = call.arguments[0] ? bare(call.arguments[0]) : null;
    const err = first?.type === "NewExpression" ? true : first ? r.value(first, env) : null;
    if (err !== null && err !== undefined && err !== false) result = { value: false, error: true };
    else result = { value: call.arguments[1] ? r.value(call.arguments[1], env) : undefined, error: false };
  };
  const exec = (s: t.Node): boolean => {
    const n = bare(s);
    if (n.type === "BlockStatement") {
      for (const x of n.body) if (exec(x)) return true;
      return false;
    }
    if (n.type === "ExpressionStatement") return exec(n.expression);
    if (n.type === "ReturnStatement") {
      if (n.argument) exec(n.argument);
      return true;
    }
    if (n.type === "IfStatement") {
      if (truthy(r.value(n.test, env))) return exec(n.consequent);
      return n.alternate ? exec(n.alternate) : false;
    }
    if (n.type === "VariableDeclaration") {
      for (const d of n.declarations)
        if (d.id.type === "Identifier" && d.init) env.set(d.id.name, r.value(d.init, env));
        else throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(n) } });
      return false;
    }
    if (n.type === "CallExpression" && isName(bare(n.callee), cb.name)) {
      callback(n);
      return true;
    }
    // `other(origin, callback)`: a same-file origin function handed this origin and this callback
    // (the form of the wrapper `fix` prints around a function it cannot extend).
    if (n.type === "CallExpression" && n.arguments.length === 2) {
      const [a, b] = n.arguments.map((x) => bare(x as t.Node));
      const callee = bare(n.callee);
      const f =
        callee.type === "ArrowFunctionExpression" || callee.type === "FunctionExpression"
          ? callee
          : (() => {
              const v = r.value(callee, env);
              return v instanceof Fn ? v.fn : null;
            })();
      if (f && a && b && isName(a, o.name) && isName(b, cb.name)) {
        result = originCallback(r, f, origin, depth + 1);
        return true;
      }
    }
    if (n.type === "ConditionalExpression")
      return truthy(r.value(n.test, env)) ? exec(n.consequent) : exec(n.alternate);
    if (n.type === "EmptyStatement") return false;
    // `console.log("origin=" + origin)`: logging decides nothing.
    if (n.type === "CallExpression") {
      const callee = bare(n.callee);
      if (callee.type === "MemberExpression" && isName(bare(callee.object), "console")) return false;
    }
    throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(n) } });
  };
  exec(fn.body);
  if (!result) throw new Unknown({ key: "config.express.unknown.function", params: { line: r.line(fn) } });
  return result;
}

/** A node's text with its comments blanked (a commented-out `ctx.set("Access-Control-…")` sets nothing). */
export function codeOf(text: string, node: t.Node): string {
  const start = node.start ?? 0;
  const chars = text.slice(start, node.end ?? 0).split("");
  const seen = new Set<t.Comment>();
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    for (const c of [
      ...(n.leadingComments ?? []),
      ...(n.trailingComments ?? []),
      ...(n.innerComments ?? []),
    ]) {
      if (seen.has(c)) continue;
      seen.add(c);
      for (let i = Math.max(c.start ?? 0, start); i < (c.end ?? 0) && i - start < chars.length; i++)
        chars[i - start] = " ";
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(node);
  return chars.join("");
}

/** The packages whose default export builds a CORS middleware. */
const CORS_MODULES = new Set(["cors", "hono/cors", "@koa/cors", "kcors", "koa2-cors"]);

/** The Koa CORS packages read: @koa/cors (kcors, its old name) and koa2-cors (koa2Cors). */
const KOA_CORS_MODULES = new Set(["@koa/cors", "kcors", "koa2-cors"]);

/**
 * `cors({...});` as a statement of its own inside a middleware: the middleware it returns is thrown
 * away, so it never runs (https://github.com/honojs/hono/issues/895). The call, or null.
 */
export function discardedCors(r: Reader, s: t.Node): t.CallExpression | null {
  if (s.type !== "ExpressionStatement") return null;
  let e = bare(s.expression);
  if (e.type === "AwaitExpression") e = bare(e.argument);
  if (e.type !== "CallExpression") return null;
  const callee = bare(e.callee);
  if (callee.type !== "Identifier") return null;
  return CORS_MODULES.has(r.imports.get(callee.name) ?? "") ? e : null;
}

/**
 * A middleware that hands the request to a cors middleware it builds: its first statement
 * `return cors({...})(c, next)` (also with `await`), the wrapper's own parameters passed on. The
 * inner `cors(…)` call, or null.
 */
export function wrappedCors(r: Reader, fn: t.Function): t.CallExpression | null {
  if (fn.body.type !== "BlockStatement") return null;
  const first = fn.body.body[0];
  let e: t.Node | null | undefined =
    first?.type === "ReturnStatement"
      ? first.argument
      : first?.type === "ExpressionStatement"
        ? first.expression
        : null;
  if (!e) return null;
  e = bare(e);
  if (e.type === "AwaitExpression") e = bare(e.argument);
  if (e.type !== "CallExpression") return null;
  const inner = bare(e.callee);
  if (inner.type !== "CallExpression") return null;
  const callee = bare(inner.callee);
  if (callee.type !== "Identifier" || !CORS_MODULES.has(r.imports.get(callee.name) ?? "")) return null;
  const params = fn.params.map((p) => (p.type === "Identifier" ? p.name : null));
  const args = e.arguments.map((a) => (a.type === "Identifier" ? a.name : null));
  if (
    args.length === 0 ||
    args.length !== params.length ||
    args.some((a, i) => a === null || a !== params[i])
  )
    return null;
  return inner;
}

/**
 * A hand-written middleware or handler `(req, res, next) => { … }`, run on this request: header
 * calls, `if`s on the method, path and headers, `next()`, and the answers (`res.sendStatus`,
 * `res.status(n).end()`, `res.json`, `res.redirect` …). "app": the handler answers with the app's own
 * content (status from the record).
 */
function interpret(
  r: Reader,
  fn: t.Function,
  req: Req,
  res: Res,
  trace: Trace,
  layer: Layer,
  final: boolean,
  hono = false,
  koa = false,
  fastify = false,
  bound?: Map<string, Val>,
): "next" | "route" | "answered" | "app" {
  const params = fn.params.map((p) => (p.type === "Identifier" ? p.name : null));
  // An error handler: not run for a request without error (Fastify has none of that shape: its
  // four-parameter functions are onSend hooks, `(request, reply, payload, done)`).
  if (!hono && !fastify && params.length >= 4) return "next";
  // Express: (req, res, next); Hono: (c, next), the request at c.req.
  // Koa: (ctx, next), the request and the response on ctx.
  const [reqName, resName, nextName] =
    hono || koa
      ? [null, null, params[1]]
      : fastify && params.length >= 4
        ? [params[0], params[1], params[3]]
        : params;
  const cName = hono || koa ? params[0] : null;
  let bodySet = false;
  /** Hono and Koa: the statements after `await next()` (Trace.after); none after `return next()`. */
  const after: t.Node[] = [];
  let nextReturned = false;
  const isC = (n: t.Node) => !!cName && isName(bare(n), cName);
  /** c.req */
  const isCReq = (n: t.Node) => {
    const b = bare(n);
    return (
      (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") &&
      isC(b.object) &&
      propName(b) === "req"
    );
  };
  const env = new Map<string, Val>(bound);
  // The request itself, for a function of the file it is passed to (`buildCorsHeaders(req)`):
  // `req.get(name)` / `req.headers[name]` read its headers (Reader.value's request record).
  if (reqName && !hono && !koa)
    env.set(reqName, {
      __get: true,
      headers: Object.fromEntries(req.headers.map(([k, v]) => [lower(k), v])),
      method: req.method,
      path: req.path,
    });
  const unknown = (n: t.Node): never => {
    throw new Unknown({ key: "config.express.unknown.code", params: { line: r.line(n) } });
  };
  const reqValue = (n: t.Node): Val | typeof NONE => {
    const b = bare(n);
    if (koa) {
      if ((b.type === "MemberExpression" || b.type === "OptionalMemberExpression") && isC(b.object)) {
        const p = propName(b);
        if (p === "method") return req.method;
        if (p === "path" || p === "url" || p === "originalUrl") return req.path;
        if (p === "headers" || p === "header" || p === "request") return NONE;
        return unknown(b);
      }
      if (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") {
        // ctx.headers.x, ctx.header.x, ctx.request.headers.x, ctx.request.header.x
        const o = bare(b.object);
        const onCtx =
          (o.type === "MemberExpression" || o.type === "OptionalMemberExpression") &&
          ["headers", "header"].includes(propName(o) ?? "") &&
          (isC(o.object) ||
            ((bare(o.object).type === "MemberExpression" ||
              bare(o.object).type === "OptionalMemberExpression") &&
              isC((bare(o.object) as t.MemberExpression).object) &&
              propName(bare(o.object)) === "request"));
        if (onCtx) {
          const key = b.computed ? r.value(b.property, env) : propName(b);
          return typeof key === "string" ? header(req, key) : unknown(b);
        }
      }
      if (b.type === "CallExpression" || b.type === "OptionalCallExpression") {
        const c = bare(b.callee);
        if (
          (c.type === "MemberExpression" || c.type === "OptionalMemberExpression") &&
          propName(c) === "get" &&
          (isC(c.object) ||
            (bare(c.object).type === "MemberExpression" &&
              isC((bare(c.object) as t.MemberExpression).object))) &&
          b.arguments[0]
        ) {
          const key = r.value(b.arguments[0], env);
          return typeof key === "string" ? (header(req, key) ?? "") : unknown(b);
        }
      }
      return NONE;
    }
    if (
      hono &&
      (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") &&
      isCReq(b.object)
    ) {
      const p = propName(b);
      if (p === "method") return req.method;
      if (p === "path") return req.path;
      return unknown(b);
    }
    if (hono && (b.type === "CallExpression" || b.type === "OptionalCallExpression")) {
      const c = bare(b.callee);
      if ((c.type === "MemberExpression" || c.type === "OptionalMemberExpression") && isCReq(c.object)) {
        if (propName(c) === "header" && b.arguments[0]) {
          const key = r.value(b.arguments[0], env);
          return typeof key === "string" ? header(req, key) : unknown(b);
        }
        return unknown(b);
      }
    }
    if (b.type === "MemberExpression" || b.type === "OptionalMemberExpression") {
      const obj = bare(b.object);
      if (reqName && isName(obj, reqName)) {
        const p = propName(b);
        if (p === "method") return req.method;
        if (p === "path") return req.path;
        if (p === "url" || p === "originalUrl") return req.path;
        if (p === "headers") return NONE;
        return unknown(b);
      }
      if (
        (obj.type === "MemberExpression" || obj.type === "OptionalMemberExpression") &&
        reqName &&
        isName(bare(obj.object), reqName) &&
        propName(obj) === "headers"
      ) {
        const key = b.computed ? r.value(b.property, env) : propName(b);
        return typeof key === "string" ? header(req, key) : unknown(b);
      }
    }
    if (b.type === "CallExpression" || b.type === "OptionalCallExpression") {
      const c = bare(b.callee);
      if (
        (c.type === "MemberExpression" || c.type === "OptionalMemberExpression") &&
        reqName &&
        isName(bare(c.object), reqName)
      ) {
        const p = propName(c);
        if ((p === "get" || p === "header") && b.arguments[0]) {
          const key = r.value(b.arguments[0], env);
          return typeof key === "string" ? header(req, key) : unknown(b);
        }
        return unknown(b);
      }
    }
    return NONE;
  };
  // The evaluator with the request's fields substituted first.
  const val = (n: t.Node): Val => {
    const sub = substitute(n);
    return r.value(sub, env);
  };
  let tmp = 0;
  const substitute = (n: t.Node): t.Node => {
    const v = reqValue(n);
    if (v !== NONE) {
      const name = `\u0000req${tmp++}`;
      env.set(name, v);
      return { type: "Identifier", name, start: n.start, end: n.end } as t.Identifier;
    }
    const b = bare(n);
    const copy = { ...b } as Record<string, unknown>;
    let changed = false;
    for (const key of ["left", "right", "argument", "test", "consequent", "alternate", "object", "callee"]) {
      const child = copy[key] as t.Node | undefined;
      if (child && typeof child === "object" && "type" in child) {
        const s = substitute(child);
        if (s !== child) {
          copy[key] = s;
          changed = true;
        }
      }
    }
    if (Array.isArray(copy.arguments)) {
      const args = (copy.arguments as t.Node[]).map((a) => substitute(a));
      if (args.some((a, i) => a !== (copy.arguments as t.Node[])[i])) {
        copy.arguments = args;
        changed = true;
      }
    }
    // `{ "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "…" }`: an
    // object's values and an array's entries read the request too (c.body's headers argument).
    if (b.type === "ObjectExpression") {
      const props = b.properties.map((x) =>
        x.type === "ObjectProperty" && !x.computed ? { ...x, value: substitute(x.value) as t.Expression } : x,
      );
      if (
        props.some(
          (x, i) => x.type === "ObjectProperty" && x.value !== (b.properties[i] as t.ObjectProperty).value,
        )
      ) {
        copy.properties = props;
        changed = true;
      }
    }
    if (b.type === "ArrayExpression") {
      const els = b.elements.map((x) =>
        x && x.type !== "SpreadElement" ? (substitute(x) as t.Expression) : x,
      );
      if (els.some((x, i) => x !== b.elements[i])) {
        copy.elements = els;
        changed = true;
      }
    }
    if (Array.isArray(copy.expressions)) {
      const args = (copy.expressions as t.Node[]).map((a) => substitute(a));
      if (args.some((a, i) => a !== (copy.expressions as t.Node[])[i])) {
        copy.expressions = args;
        changed = true;
      }
    }
    return changed ? (copy as unknown as t.Node) : b;
  };
  const isRes = (n: t.Node) => resName !== null && resName !== undefined && isName(bare(n), resName);
  const setHeader = (method: string, args: t.Node[], node: t.Node) => {
    if (method === "set" || method === "header") {
      const first = args[0] ? bare(args[0]) : null;
      // res.set({ … }), or res.set(f(req)) with a function of the file that returns the object.
      if (
        first &&
        args.length === 1 &&
        (first.type === "ObjectExpression" || first.type === "CallExpression")
      ) {
        const o = val(first);
        if (isRecord(o))
          for (const [k, v] of Object.entries(o)) if (v !== undefined) noteSet(k, v, "set", node);
        return;
      }
    }
    const name = args[0] ? val(args[0]) : undefined;
    if (typeof name !== "string") return unknown(node);
    const value = headerValue(name, args[1]);
    if (value === NONE) return;
    noteSet(name, value, method === "append" ? "append" : "set", node);
  };
  /**
   * A header's value; NONE when it is one no CORS check reads (`c.header("X-Request-Id",
   * crypto.randomUUID())`) and cannot be known: left out of the answer
   * (https://fetch.spec.whatwg.org/#cors-check reads the Access-Control-* headers, a redirect its
   * Location; Vary is kept for the cache findings).
   */
  const headerValue = (name: string, arg: t.Node | undefined): Val | typeof NONE => {
    if (/^(access-control-|vary$|location$)/i.test(name) || !TOKEN.test(name))
      return arg ? val(arg) : undefined;
    try {
      return arg ? val(arg) : undefined;
    } catch (e) {
      if (e instanceof Unknown) return NONE;
      throw e;
    }
  };
  const noteSet = (name: string, value: Val, how: "set" | "append", node: t.Node) => {
    if (!koa && !hono && !TOKEN.test(name)) {
      const arg = node.type === "CallExpression" ? node.arguments[0] : undefined;
      throw new BadHeader(arg && bare(arg).type === "StringLiteral" ? bare(arg) : node);
    }
    if (/^access-control-/i.test(name) && !trace.handSet.some((x) => x.node === fn))
      trace.handSet.push({ node: fn, layer });
    // Node's setHeader throws on undefined; res.set/header of undefined writes "undefined".
    if (value === undefined || value === null) {
      if (how === "set")
        throw new Unknown({ key: "config.express.unknown.code", params: { line: r.line(node) } });
      return;
    }
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    // An empty Allow-Origin written over what was there (an onSend hook blanking it): fix takes the
    // statement out.
    if (lower(name) === "access-control-allow-origin" && text.trim() === "") trace.blanked = node;
    if (how === "append") res.append(name, text);
    else res.set(name, text);
  };
  type Flow = "next" | "route" | "answered" | "app" | null;
  /** A response call: `res.status(…).json(…)` etc.; returns the Flow, or null when not a response call. */
  const resCall = (n: t.CallExpression): Flow => {
    const callee = bare(n.callee);
    if (callee.type !== "MemberExpression") return null;
    const m = propName(callee) ?? "";
    const obj = bare(callee.object);
    if (hono) return honoCall(n, m, obj);
    if (koa) return koaCall(n, m, obj);
    if (isRes(obj)) {
      if (fastify && (m === "code" || m === "status")) {
        // Fastify's reply.code(n) / reply.status(n) (https://fastify.dev/docs/latest/Reference/Reply/).
        const s = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof s !== "number") return unknown(n);
        res.status = s;
        return "next-statement" as unknown as Flow;
      }
      if (fastify && m === "headers") {
        const o = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (!isRecord(o)) return unknown(n);
        for (const [k, v] of Object.entries(o)) if (v !== undefined) noteSet(k, v, "set", n);
        return "next-statement" as unknown as Flow;
      }
      if (fastify && (m === "type" || m === "removeHeader")) {
        if (m === "removeHeader") {
          const name = n.arguments[0] ? val(n.arguments[0]) : undefined;
          if (typeof name === "string") res.headers = res.headers.filter(([k]) => lower(k) !== lower(name));
        }
        return "next-statement" as unknown as Flow;
      }
      if (fastify && m === "callNotFound") {
        res.status = 404;
        return "answered";
      }
      if (["setHeader", "header", "set", "append"].includes(m)) {
        setHeader(m, n.arguments, n);
        return "next-statement" as unknown as Flow;
      }
      if (m === "vary") {
        const f = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof f === "string") res.vary(f);
        return "next-statement" as unknown as Flow;
      }
      if (m === "status") {
        const s = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof s !== "number") return unknown(n);
        res.status = s;
        return "next-statement" as unknown as Flow;
      }
      if (m === "sendStatus") {
        const s = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof s !== "number") return unknown(n);
        res.status = s;
        return "answered";
      }
      if (m === "redirect") {
        const first = n.arguments[0] ? val(n.arguments[0]) : undefined;
        res.status = typeof first === "number" ? first : 302;
        const loc = n.arguments[typeof first === "number" ? 1 : 0];
        let to: Val = "/";
        try {
          to = loc ? val(loc) : "/";
        } catch {
          to = "/";
        }
        res.set("Location", String(to));
        return "answered";
      }
      if (m === "writeHead") {
        const s = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof s !== "number") return unknown(n);
        res.status = s;
        const h = n.arguments[1] ? val(n.arguments[1]) : undefined;
        if (isRecord(h)) for (const [k, v] of Object.entries(h)) if (v !== undefined) noteSet(k, v, "set", n);
        return "next-statement" as unknown as Flow;
      }
      if (["json", "send", "end", "sendFile", "render", "jsonp", "download"].includes(m)) {
        if (res.status === null && final) return "app";
        if (res.status === null) res.status = 200;
        return "answered";
      }
      return unknown(n);
    }
    // res.status(…).json(…) chains.
    if (obj.type === "CallExpression") {
      const inner = resCall(obj);
      if (inner === null) return null;
      if (["json", "send", "end", "sendFile", "render", "jsonp"].includes(m)) return "answered";
      // res.set(…).sendStatus(204)
      if (m === "sendStatus") {
        const st = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof st !== "number") return unknown(n);
        res.status = st;
        return "answered";
      }
      if (
        ["setHeader", "header", "set", "append", "vary", "status", "type", "location", "cookie"].includes(
          m,
        ) ||
        (fastify && (m === "code" || m === "headers"))
      ) {
        if (m === "headers") {
          const o = n.arguments[0] ? val(n.arguments[0]) : undefined;
          if (!isRecord(o)) return unknown(n);
          for (const [k, v] of Object.entries(o)) if (v !== undefined) noteSet(k, v, "set", n);
        } else if (m !== "type" && m !== "location" && m !== "cookie") {
          if (m === "status" || m === "code") {
            const s = n.arguments[0] ? val(n.arguments[0]) : undefined;
            if (typeof s !== "number") return unknown(n);
            res.status = s;
          } else if (m === "vary") {
            const f = n.arguments[0] ? val(n.arguments[0]) : undefined;
            if (typeof f === "string") res.vary(f);
          } else setHeader(m, n.arguments, n);
        }
        return inner;
      }
      return unknown(n);
    }
    return null;
  };
  /** Hono's Context: c.header(), c.status(), c.json/text/body/html/newResponse/redirect/notFound, c.res.headers. */
  const honoCall = (n: t.CallExpression, m: string, obj: t.Node): Flow => {
    const num = (i: number, dflt: number | null): number | null => {
      const a = n.arguments[i];
      if (!a) return dflt;
      const v = val(a);
      if (typeof v === "number") return v;
      if (isRecord(v) && typeof v.status === "number") return v.status;
      return unknown(n);
    };
    if (isC(obj)) {
      if (m === "header") {
        const name = n.arguments[0] ? val(n.arguments[0]) : undefined;
        if (typeof name !== "string") return unknown(n);
        const value = headerValue(name, n.arguments[1]);
        const opts = n.arguments[2] ? val(n.arguments[2]) : undefined;
        if (value !== NONE)
          noteSet(name, value, isRecord(opts) && opts.append === true ? "append" : "set", n);
        if (value !== NONE && !trace.honoRes && /^access-control-/i.test(name))
          trace.honoPrepared = [...(trace.honoPrepared ?? []), n];
        return "next-statement" as unknown as Flow;
      }
      if (m === "status") {
        res.status = num(0, null);
        return "next-statement" as unknown as Flow;
      }
      if (["json", "text", "body", "html", "newResponse"].includes(m)) {
        // c.body(data, status, headers) or c.body(data, { status, headers }).
        const second = n.arguments[1] ? val(n.arguments[1]) : undefined;
        const hs = isRecord(second) ? second.headers : n.arguments[2] ? val(n.arguments[2]) : undefined;
        if (hs !== undefined && !isRecord(hs)) return unknown(n);
        if (isRecord(hs))
          for (const [k, v] of Object.entries(hs)) if (v !== undefined) noteSet(k, v, "set", n);
        const st = num(1, res.status);
        if (st === null && final) return "app";
        res.status = st ?? 200;
        return "answered";
      }
      if (m === "redirect") {
        res.status = num(1, 302);
        return "answered";
      }
      if (m === "notFound") {
        res.status = 404;
        return "answered";
      }
      return unknown(n);
    }
    // c.res.headers.set/append(name, value)
    if (
      (m === "set" || m === "append") &&
      obj.type === "MemberExpression" &&
      propName(obj) === "headers" &&
      bare(obj.object).type === "MemberExpression" &&
      isC((bare(obj.object) as t.MemberExpression).object) &&
      propName(bare(obj.object)) === "res"
    ) {
      const name = n.arguments[0] ? val(n.arguments[0]) : undefined;
      if (typeof name !== "string") return unknown(n);
      noteSet(name, n.arguments[1] ? val(n.arguments[1]) : undefined, m, n);
      trace.honoRes = true;
      return "next-statement" as unknown as Flow;
    }
    return null;
  };
  /** Koa's context: ctx.set/append/vary/remove, ctx.throw(status), ctx.redirect(url). */
  const koaCall = (n: t.CallExpression, m: string, obj: t.Node): Flow => {
    if (!isC(obj)) return null;
    if (m === "set" || m === "append") {
      setHeader(m === "append" ? "append" : "set", n.arguments, n);
      return "next-statement" as unknown as Flow;
    }
    if (m === "vary") {
      const f = n.arguments[0] ? val(n.arguments[0]) : undefined;
      if (typeof f === "string") res.vary(f);
      return "next-statement" as unknown as Flow;
    }
    if (m === "throw") {
      // ctx.throw: Koa's error handler answers with the status and drops the headers set so far.
      const st = n.arguments[0] ? val(n.arguments[0]) : 500;
      res.status = typeof st === "number" ? st : 500;
      // A middleware of the file that catches what `await next()` throws and carries the CORS
      // headers in err.headers (what fix writes), or @koa/cors (keepHeadersOnError): ctx.onerror
      // sets those (koaThrown).
      res.headers =
        catchesNext(r.text) || koaKeepsOnError(trace)
          ? res.headers.filter(([h]) => /^(access-control-|vary$)/i.test(h))
          : [];
      trace.unwound = true;
      return "answered";
    }
    if (m === "redirect") {
      res.status = 302;
      return "answered";
    }
    return unknown(n);
  };
  /**
   * A condition it cannot read (`if (!localMode) res.header("Cache-Control", …)`, localMode from
   * process.env.NODE_ENV): both branches are run, each from the state before the `if`, and where they
   * end the same way — the same flow (next, an answer, the app's), the same status, the same
   * Access-Control-* and Vary lines, the same variables and the same CORS record — the condition decides
   * nothing CORS Lens judges, and the second branch's state is kept (its other headers stand for
   * either's). Where they differ, the condition's Unknown stands.
   */
  const either = (why: Unknown, branches: Array<() => Flow>): Flow => {
    const corsLines = () =>
      JSON.stringify(
        res.headers.filter(([k]) => /^(access-control-|vary$)/i.test(k)).map(([k, v]) => [lower(k), v]),
      );
    const mark = () => {
      const vars = [...env].filter(([k]) => !k.startsWith("\u0000"));
      let vs: string;
      try {
        vs = JSON.stringify(vars, (_k, v) => (typeof v === "function" ? String(v) : v));
      } catch {
        return null;
      }
      return JSON.stringify([
        res.status,
        corsLines(),
        vs,
        bodySet,
        nextReturned,
        after.length,
        trace.corsRan.length,
        trace.handSet.length,
        trace.assumed,
        trace.fromUpstream,
        !!trace.thrown,
        !!trace.rawWrite,
        !!trace.rawHandOff,
        !!trace.unwound,
        !!trace.badHeader,
        !!trace.blanked,
        !!trace.honoRes,
        trace.honoPrepared?.length ?? 0,
        trace.honoLost?.length ?? 0,
        trace.after.length,
      ]);
    };
    const saved = {
      headers: res.headers.map(([k, v]) => [k, v] as [string, string]),
      status: res.status,
      env: new Map(env),
      bodySet,
      nextReturned,
      after: [...after],
      trace: {
        ...trace,
        corsRan: [...trace.corsRan],
        handSet: [...trace.handSet],
        assumed: [...trace.assumed],
        after: [...trace.after],
        honoPrepared: trace.honoPrepared && [...trace.honoPrepared],
        honoLost: trace.honoLost && [...trace.honoLost],
      },
    };
    const restore = () => {
      res.headers = saved.headers.map(([k, v]) => [k, v] as [string, string]);
      res.status = saved.status;
      env.clear();
      for (const [k, v] of saved.env) env.set(k, v);
      bodySet = saved.bodySet;
      nextReturned = saved.nextReturned;
      after.splice(0, after.length, ...saved.after);
      for (const k of Object.keys(trace)) delete (trace as unknown as Record<string, unknown>)[k];
      Object.assign(trace, {
        ...saved.trace,
        corsRan: [...saved.trace.corsRan],
        handSet: [...saved.trace.handSet],
        assumed: [...saved.trace.assumed],
        after: [...saved.trace.after],
        honoPrepared: saved.trace.honoPrepared && [...saved.trace.honoPrepared],
        honoLost: saved.trace.honoLost && [...saved.trace.honoLost],
      });
    };
    let seen: string | null = null;
    let flow: Flow = null;
    for (const [i, run] of branches.entries()) {
      if (i > 0) restore();
      try {
        flow = run();
      } catch (e) {
        if (e instanceof Unknown || e instanceof BadHeader) throw why;
        throw e;
      }
      const m = mark();
      if (m === null) throw why;
      const sig = `${String(flow)}|${m}`;
      if (seen !== null && sig !== seen) throw why;
      seen = sig;
    }
    return flow;
  };
  /** Koa: `next().catch(fn)`, fn ending in `throw` (what fix writes to keep the CORS headers on errors). */
  const nextCatch = (n: t.CallExpression): boolean => {
    const callee = bare(n.callee);
    if (!koa || !nextName || callee.type !== "MemberExpression" || propName(callee) !== "catch") return false;
    const inner = bare(callee.object);
    const fn = n.arguments[0] ? bare(n.arguments[0]) : null;
    const last =
      (fn?.type === "ArrowFunctionExpression" || fn?.type === "FunctionExpression") &&
      fn.body.type === "BlockStatement"
        ? fn.body.body.at(-1)
        : undefined;
    return (
      inner.type === "CallExpression" &&
      isName(bare(inner.callee), nextName) &&
      inner.arguments.length === 0 &&
      last?.type === "ThrowStatement"
    );
  };
  /** The request's body stream: Koa's `ctx.req` / `ctx.request.req`, Express's `req`, Fastify's `request.raw`. */
  const isBodyStream = (x: t.Node): boolean => {
    const b = bare(x);
    if (reqName && !koa && !hono && isName(b, reqName) && !fastify) return true;
    if (b.type !== "MemberExpression" || b.computed) return false;
    const p = propName(b);
    if (koa)
      return (
        p === "req" &&
        (isC(b.object) ||
          (bare(b.object).type === "MemberExpression" &&
            isC((bare(b.object) as t.MemberExpression).object) &&
            propName(bare(b.object)) === "request"))
      );
    return fastify && p === "raw" && !!reqName && isName(bare(b.object), reqName);
  };
  /**
   * A `for (await) … of` loop over the body stream whose body only gathers into the function's own
   * variables (`raw += chunk`, `chunks.push(chunk)`): those names, or null for any other loop.
   */
  const streamLoop = (n: t.ForOfStatement): string[] | null => {
    if (!isBodyStream(n.right)) return null;
    const params = new Set(fn.params.flatMap((x) => (x.type === "Identifier" ? [x.name] : [])));
    const stmts = n.body.type === "BlockStatement" ? n.body.body : [n.body];
    const names: string[] = [];
    for (const st of stmts) {
      const e = st.type === "ExpressionStatement" ? bare(st.expression) : null;
      const target =
        e?.type === "AssignmentExpression" && e.left.type === "Identifier"
          ? e.left.name
          : e?.type === "CallExpression" &&
              bare(e.callee).type === "MemberExpression" &&
              propName(bare(e.callee)) === "push" &&
              bare((bare(e.callee) as t.MemberExpression).object).type === "Identifier"
            ? (bare((bare(e.callee) as t.MemberExpression).object) as t.Identifier).name
            : null;
      if (!target || params.has(target) || !env.has(target)) return null;
      names.push(target);
    }
    return names;
  };
  const exec = (s: t.Node): Flow => {
    const n = bare(s);
    switch (n.type) {
      case "AwaitExpression":
        return exec(n.argument);
      case "NewExpression": {
        // return new Response(body, { status, headers })
        if (!hono || !isName(bare(n.callee), "Response")) return unknown(n);
        const init = n.arguments[1] ? val(n.arguments[1]) : undefined;
        // It replaces the Context's response: the c.header() headers set before c.res was made are
        // lost (honoOwnResponse).
        if (!trace.honoRes && trace.honoPrepared?.length) {
          res.headers = [];
          trace.honoLost = trace.honoPrepared;
        }
        if (isRecord(init) && isRecord(init.headers))
          for (const [k, v] of Object.entries(init.headers)) if (v !== undefined) noteSet(k, v, "set", n);
        res.status = isRecord(init) && typeof init.status === "number" ? init.status : 200;
        return "answered";
      }
      case "BlockStatement":
        for (const [i, x] of n.body.entries()) {
          const f = exec(x);
          // `await next()` in Hono or Koa: the statements after it run once the request is answered.
          if (f === "next" && (hono || koa) && !nextReturned) after.push(...n.body.slice(i + 1));
          if (f) return f;
        }
        return null;
      case "EmptyStatement":
        return null;
      case "ForOfStatement": {
        // A body reader: `for await (const chunk of ctx.req) raw += chunk;` — the request's own
        // stream (Node's IncomingMessage is async-iterable: https://nodejs.org/api/stream.html#readablesymbolasynciterator;
        // Koa's ctx.req, Express's req, Fastify's request.raw) read into variables of the function.
        // It answers nothing and sets no header: the request goes on, what the loop gathered is
        // unknown where it is read (koa-bodyparser's own reading, written by hand: evert0n/koa-cors#17).
        const gathered = streamLoop(n);
        if (!gathered) return unknown(n);
        for (const name of gathered) env.delete(name);
        return null;
      }
      case "TryStatement": {
        // The path that throws nothing: the block. What a catch does with a route's error is the
        // route's answer (koaThrown); a finally block is code not followed here. Where the
        // recorded status is the one the catch answers (`res.status(401)` when a token check
        // throws), the catch is the path the request took.
        if (n.finalizer) return unknown(n);
        const recorded = req.upstream?.status;
        const caught = n.handler
          ? /\.(?:status|sendStatus|code)\(\s*(\d{3})\s*\)/.exec(
              r.text.slice(n.handler.start ?? 0, n.handler.end ?? 0),
            )
          : null;
        if (n.handler && caught && recorded === Number(caught[1])) {
          // Read from the record: the what-if keeps the recorded status for the new configuration.
          trace.fromUpstream = true;
          return exec(n.handler.body);
        }
        return exec(n.block);
      }
      case "ReturnStatement": {
        // `return;`, `return undefined;`: the value a middleware returns is not its answer.
        if (!n.argument || isName(bare(n.argument), "undefined")) return "answered-return" as unknown as Flow;
        // `return next()`: nothing of this middleware runs after it.
        const b = bare(n.argument);
        const inner = b.type === "AwaitExpression" ? bare(b.argument) : b;
        if (
          nextName &&
          inner.type === "CallExpression" &&
          (isName(bare(inner.callee), nextName) || nextCatch(inner))
        )
          nextReturned = true;
        // Fastify: `return reply` after reply.send() (the reply is sent; an async hook waits for it).
        if (fastify && isRes(n.argument)) return res.status !== null ? "answered" : unknown(n);
        // Fastify: an async handler's returned value is the body it sends (the app's content).
        if (
          fastify &&
          bare(n.argument).type !== "CallExpression" &&
          bare(n.argument).type !== "AwaitExpression"
        )
          return final ? "app" : ("answered-return" as unknown as Flow);
        const f = exec(n.argument);
        return f ?? ("answered-return" as unknown as Flow);
      }
      case "ExpressionStatement":
        // `cors({...});` alone: it only builds a middleware, which nobody runs (check: cors-never-run).
        if (discardedCors(r, n)) return null;
        return exec(n.expression);
      case "ThrowStatement": {
        // Fastify: a thrown error goes to its error handler, which answers with the error's
        // statusCode (500 for a plain Error) and keeps the headers set so far.
        if (!fastify) return unknown(n);
        const e = bare(n.argument);
        if (e.type !== "NewExpression" || !isName(bare(e.callee), "Error")) return unknown(n);
        res.status = 500;
        return "answered";
      }
      case "IfStatement": {
        let test: Val;
        try {
          test = val(n.test);
        } catch (e) {
          if (!(e instanceof Unknown)) throw e;
          const alt = n.alternate;
          return either(e, [() => exec(n.consequent), () => (alt ? exec(alt) : null)]);
        }
        if (truthy(test)) return exec(n.consequent);
        return n.alternate ? exec(n.alternate) : null;
      }
      case "VariableDeclaration":
        for (const d of n.declarations) {
          if (d.id.type === "ObjectPattern" && d.init) {
            // const { origin } = req.headers: each name a request header; other patterns unknown where used.
            const init = bare(d.init);
            const fromHeaders =
              (init.type === "MemberExpression" || init.type === "OptionalMemberExpression") &&
              reqName &&
              isName(bare(init.object), reqName) &&
              propName(init) === "headers";
            for (const prop of d.id.properties) {
              if (prop.type !== "ObjectProperty" || prop.value.type !== "Identifier") continue;
              const key =
                prop.key.type === "Identifier"
                  ? prop.key.name
                  : prop.key.type === "StringLiteral"
                    ? prop.key.value
                    : null;
              if (fromHeaders && key) env.set(prop.value.name, header(req, key));
              else env.delete(prop.value.name);
            }
            continue;
          }
          if (d.id.type !== "Identifier" || !d.init) return unknown(n);
          // A value it cannot read (`Date.now()`) matters only where it is used: unknown there.
          try {
            env.set(d.id.name, val(d.init));
          } catch (e) {
            if (!(e instanceof Unknown)) throw e;
            env.delete(d.id.name);
          }
        }
        return null;
      case "AssignmentExpression": {
        const left = bare(n.left);
        if (left.type === "MemberExpression" && isRes(left.object) && propName(left) === "statusCode") {
          const v = val(n.right);
          if (typeof v !== "number") return unknown(n);
          res.status = v;
          return null;
        }
        // ctx.status / ctx.body, or the same on ctx.response (Koa delegates one to the other:
        // https://github.com/koajs/koa/blob/master/lib/context.js).
        const onCtx = (o: t.Node) => {
          const b = bare(o);
          return isC(b) || (b.type === "MemberExpression" && isC(b.object) && propName(b) === "response");
        };
        if (
          koa &&
          left.type === "MemberExpression" &&
          onCtx(left.object) &&
          ["status", "body"].includes(propName(left) ?? "")
        ) {
          if (propName(left) === "body") {
            bodySet = true;
            return null;
          }
          const v = val(n.right);
          if (typeof v !== "number") return unknown(n);
          res.status = v;
          return null;
        }
        if (left.type === "Identifier" && env.has(left.name) && n.operator === "=") {
          env.set(left.name, val(n.right));
          return null;
        }
        // `req.session = cookie.parse(…)`, `req.user = jwt.verify(…)`: what the app keeps on the
        // request for later code, not the answer (read later, it is unknown where read); as in a
        // try block, the path that throws nothing is the one followed.
        // Koa: a field of ctx.request other than the Request's own setters (header(s), url, method, path,
        // query, querystring, search: https://github.com/koajs/koa/blob/master/lib/request.js) —
        // `ctx.request.body`, where koa-bodyparser keeps the parsed body.
        const koaRequest = (o: t.Node) => {
          const b = bare(o);
          return koa && b.type === "MemberExpression" && isC(b.object) && propName(b) === "request";
        };
        const reqField =
          left.type === "MemberExpression" &&
          !left.computed &&
          ((((reqName && isName(bare(left.object), reqName)) ||
            (koa && isC(left.object) && propName(left) === "state")) &&
            !["method", "path", "url", "originalUrl", "headers", "status", "body"].includes(
              propName(left) ?? "",
            )) ||
            (koaRequest(left.object) &&
              !["header", "headers", "url", "method", "path", "query", "querystring", "search"].includes(
                propName(left) ?? "",
              )));
        if (reqField && n.operator === "=") return null;
        return unknown(n);
      }
      case "LogicalExpression":
        // `cond && res.sendStatus(204)`
        if (n.operator === "&&") return truthy(val(n.left)) ? exec(n.right) : null;
        if (n.operator === "||") return truthy(val(n.left)) ? null : exec(n.right);
        return unknown(n);
      case "ConditionalExpression": {
        let test: Val;
        try {
          test = val(n.test);
        } catch (e) {
          if (!(e instanceof Unknown)) throw e;
          return either(e, [() => exec(n.consequent), () => exec(n.alternate)]);
        }
        return truthy(test) ? exec(n.consequent) : exec(n.alternate);
      }
      case "CallExpression": {
        const callee = bare(n.callee);
        // `next().catch((err) => { …; throw err; })`: the request goes on; what the catch does with
        // a thrown error is the error's answer (koaThrown, catchesNext).
        if (nextCatch(n)) return "next";
        if (nextName && isName(callee, nextName)) {
          if (n.arguments.length === 0) return "next";
          const a = bare(n.arguments[0] as t.Node);
          if (a.type === "StringLiteral" && a.value === "route") return "route";
          return unknown(n);
        }
        if (dotted(callee)?.startsWith("console.")) return null;
        // res.on("finish", …): a listener, run after the answer.
        if (
          callee.type === "MemberExpression" &&
          isRes(callee.object) &&
          ["on", "once"].includes(propName(callee) ?? "")
        )
          return null;
        const f = resCall(n);
        if (f === null) return unknown(n);
        if ((f as string) === "next-statement") return null;
        return f;
      }
      default:
        return unknown(n);
    }
  };
  const body = fn.body;
  let flow: Flow;
  try {
    flow =
      body.type === "BlockStatement"
        ? exec(body)
        : exec({ type: "ExpressionStatement", expression: body } as t.Node);
  } catch (e) {
    if (!(e instanceof BadHeader)) throw e;
    // Node's setHeader threw: Express's final handler or Fastify's error handler answers 500.
    trace.badHeader = e.node;
    res.status = 500;
    return "answered";
  }
  if (flow === "next" && after.length > 0)
    trace.after.push(() => {
      for (const s of after) {
        const f = exec(s);
        if (f === null) continue;
        if ((f as string) === "answered-return") return;
        // Koa: ctx.throw after next() is the error's answer (koaCall); Hono ignores a Response
        // returned after next() (the context is finalized); a second next() throws.
        if (f === "answered" && koa) return;
        throw new Unknown({ key: "config.express.unknown.code", params: { line: r.line(s) } });
      }
    });
  if ((flow as string) === "answered-return" || flow === null) {
    // Returned or fell off without next() or an answer: a final handler answers with the app's
    // content; a middleware that never calls next() leaves the request hanging (unknown).
    if (final) return "app";
    // Fastify: an async hook that returns without sending lets the request go on.
    if (fastify && fn.async) return "next";
    if (koa) {
      // Koa answers when the middleware returns without next(): its status, 200 for a body, else 404.
      res.status = res.status ?? (bodySet ? 200 : 404);
      return "answered";
    }
    if (res.status !== null) return "answered";
    throw new Unknown({ key: "config.express.unknown.no-next", params: { line: r.line(fn) } });
  }
  return flow;
}

const NONE = Symbol("none");

/** Code that sets CORS headers itself, or calls a function of the file that does (`buildCorsHeaders(req)`). */
export function codeSetsCors(reader: Reader, code: string, self?: t.Node): boolean {
  if (/access-control-/i.test(code)) return true;
  return [...code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(/g)].some((m) => {
    const f = reader.functions.get(m[1] as string);
    return f !== undefined && f !== self && /access-control-/i.test(codeOf(reader.text, f));
  });
}

/** Fastify: a route of the plugin (or of a plugin inside it) takes this method and path. */
export function fastifyReaches(stack: Stack, path: string, method: string): boolean {
  return stack.layers.some((l) => {
    if (method === "OPTIONS" && l.handlers.some((h) => h.kind === "cors")) return true;
    const router = l.handlers.find((h) => h.kind === "router");
    if (router?.kind === "router") {
      const m = l.path.test(path, true);
      return m.matched && fastifyReaches(router.router, m.rest, method);
    }
    if (l.methods === null) return false;
    const takes =
      l.methods.includes("ALL") ||
      l.methods.includes(method) ||
      (method === "HEAD" && l.methods.includes("GET"));
    return takes && l.path.test(path, l.prefix).matched;
  });
}

/** What the app answers to one hop, as the what-if needs it. */
export function answer(app: ExpressApp, request: HopRequest): Answer {
  try {
    const tr = run(app, request);
    return {
      kind: "known",
      status: tr.status,
      headers: tr.headers,
      fromUpstream: tr.fromUpstream,
      assumed: tr.assumed,
    };
  } catch (e) {
    if (e instanceof Unknown) return { kind: "unknown", why: e.why };
    throw e;
  }
}
