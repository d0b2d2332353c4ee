/**
 * Fastify apps (`fastify()`, `register(cors, …)`, `addHook`, routes, encapsulated plugins) read into
 * the Express reader's model, in its Fastify dialect: each context (the app, a plugin registered with
 * `register(async (instance) => …, { prefix })`) is a stack whose hooks come first, in the order the
 * lifecycle runs them (onRequest, preParsing, preValidation, preHandler; registration order within a
 * phase), then its plugins and routes. Fastify gives a route every hook of its context whatever the
 * order they were added in (route.js sets them at `preReady`:
 * https://github.com/fastify/fastify/blob/main/lib/route.js), while hooks run in the order added
 * (`addHook` waits behind earlier `register`s: https://github.com/fastify/fastify/blob/main/fastify.js).
 * @fastify/cors is wrapped in fastify-plugin: its onRequest hook and its `OPTIONS *` route land in
 * the context that registers it (https://github.com/fastify/fastify-cors/blob/main/index.js).
 */
import type * as t from "@babel/types";
import {
  ANY_PATH,
  bare,
  type CorsUse,
  childNodes,
  dotted,
  type ExpressApp,
  isName,
  isPathArg,
  isRecord,
  type Layer,
  type Middleware,
  parseJs,
  pathOf,
  propName,
  Reader,
  readOptions,
  requireOf,
  type Stack,
  stringPath,
  type Val,
} from "./model";

/** The lifecycle hooks a request runs before its handler, in order (https://fastify.dev/docs/latest/Reference/Lifecycle/). */
export const PHASES = ["onRequest", "preParsing", "preValidation", "preHandler"];

/** Plugins that only decorate, parse bodies or add headers that do not touch CORS: the request goes on. */
const PASS_PLUGIN =
  /^(@fastify\/(helmet|cookie|formbody|multipart|sensible|jwt|compress|env|rate-limit|swagger|swagger-ui|session|secure-session|basic-auth|auth|etag|accepts|request-context|under-pressure|postgres|mongodb|redis|mysql|websocket|circuit-breaker|caching|routes|view|csrf-protection)|fastify-plugin)$/;

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "options", "head", "all"]);

/** How many functions of the program have a parameter named `name`. */
function paramCount(program: t.Program, name: string): number {
  let n = 0;
  const walk = (x: t.Node) => {
    if (
      (x.type === "FunctionDeclaration" ||
        x.type === "FunctionExpression" ||
        x.type === "ArrowFunctionExpression" ||
        x.type === "ObjectMethod" ||
        x.type === "ClassMethod") &&
      x.params.some((p) => p.type === "Identifier" && p.name === name)
    )
      n++;
    for (const c of childNodes(x)) walk(c);
  };
  walk(program);
  return n;
}

export function isFastify(text: string): boolean {
  return /(require\(\s*|from\s*)["'`](fastify|@fastify\/cors)["'`]/.test(text);
}

export function readFastify(file: string, text: string): ExpressApp {
  const ast = parseJs(text, file);
  const program = ast.program;
  const r = new Reader(file, text, program);
  let factory: string | null = null;
  let corsName: string | null = null;
  let fpName: string | null = null;
  let moduleKind: "esm" | "cjs" = program.sourceType === "module" ? "esm" : "cjs";
  const body = program.body.map((s) =>
    s.type === "ExportNamedDeclaration" && s.declaration ? (s.declaration as t.Statement) : s,
  );
  const bind = (name: string, mod: string, imported: string | null) => {
    r.imports.set(name, mod);
    if (mod === "fastify" && (imported === null || imported === "fastify" || imported === "default"))
      factory = name;
    if (
      (mod === "@fastify/cors" || mod === "fastify-cors") &&
      (imported === null || imported === "default" || imported === "fastifyCors")
    )
      corsName = name;
    if (mod === "fastify-plugin") fpName = name;
  };
  for (const s of program.body) {
    if (s.type !== "ImportDeclaration") continue;
    moduleKind = "esm";
    for (const sp of s.specifiers) {
      const imported =
        sp.type === "ImportSpecifier"
          ? sp.imported.type === "Identifier"
            ? sp.imported.name
            : sp.imported.value
          : null;
      bind(sp.local.name, s.source.value, imported);
    }
  }
  // `plugin[Symbol.for("skip-override")] = true`: what fastify-plugin sets, by hand; Fastify then
  // registers the plugin in its parent's context, not a new one
  // (https://github.com/fastify/fastify/blob/main/lib/pluginUtils.js `shouldSkipOverride`).
  const skipOverride = new Set<string>();
  for (const s of body) {
    const e = s.type === "ExpressionStatement" ? bare(s.expression) : null;
    if (e?.type !== "AssignmentExpression" || e.right.type !== "BooleanLiteral" || !e.right.value) continue;
    const left = e.left;
    if (left.type !== "MemberExpression" || !left.computed || left.object.type !== "Identifier") continue;
    const key = left.property;
    if (
      key.type === "CallExpression" &&
      dotted(key.callee) === "Symbol.for" &&
      key.arguments[0]?.type === "StringLiteral" &&
      key.arguments[0].value === "skip-override"
    )
      skipOverride.add(left.object.name);
  }
  for (const s of body) {
    if (s.type === "FunctionDeclaration" && s.id) r.functions.set(s.id.name, s);
    if (s.type !== "VariableDeclaration") continue;
    for (const d of s.declarations) {
      if (!d.init) continue;
      const init = bare(d.init) as t.Expression;
      const mod = requireOf(init);
      if (d.id.type === "Identifier") {
        if (mod) {
          bind(d.id.name, mod, null);
          continue;
        }
        // require("fastify").default / require("@fastify/cors").default
        if (init.type === "MemberExpression" && requireOf(init.object)) {
          bind(d.id.name, requireOf(init.object) as string, propName(init));
          continue;
        }
        if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")
          r.functions.set(d.id.name, init);
        r.consts.set(d.id.name, { init, statement: s });
      } else if (d.id.type === "ObjectPattern" && mod) {
        for (const p of d.id.properties)
          if (p.type === "ObjectProperty" && p.value.type === "Identifier" && p.key.type === "Identifier")
            bind(p.value.name, mod, p.key.name);
      }
    }
  }
  /** `fastify(…)`, `Fastify.fastify(…)`, `require("fastify")(…)`. */
  const makesApp = (n: t.Node): boolean => {
    const b = bare(n);
    if (b.type !== "CallExpression") return false;
    const c = bare(b.callee);
    if (requireOf(c) === "fastify") return true;
    if (factory === null) return false;
    return isName(c, factory) || dotted(c) === `${factory}.fastify` || dotted(c) === `${factory}.default`;
  };
  const isCors = (n: t.Node): boolean => {
    const b = bare(n);
    if (corsName !== null && isName(b, corsName)) return true;
    const mod = requireOf(b) ?? (b.type === "MemberExpression" ? requireOf(b.object) : null);
    if (mod === "@fastify/cors" || mod === "fastify-cors") return true;
    // import("@fastify/cors")
    return (
      b.type === "CallExpression" &&
      b.callee.type === "Import" &&
      b.arguments[0]?.type === "StringLiteral" &&
      /^(@fastify\/cors|fastify-cors)$/.test(b.arguments[0].value)
    );
  };
  const corsUses: ExpressApp["corsUses"] = [];
  const opaque: NonNullable<ExpressApp["opaque"]> = [];
  const stacks: Stack[] = [];
  let appName: string | null = null;
  /** Each stack's entries in registration order, with the hook phase (-1 for a plugin or a route). */
  const entries = new Map<Stack, Array<{ layer: Layer; phase: number }>>();

  const hookMiddleware = (n: t.Node, stack: Stack): Middleware[] => {
    const a = bare(n);
    if (a.type === "ArrayExpression")
      return a.elements.flatMap((x) => (x && x.type !== "SpreadElement" ? hookMiddleware(x, stack) : []));
    if (a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression")
      return [{ kind: "fn", node: a }];
    if (a.type === "Identifier") {
      const f = r.functions.get(a.name);
      if (f) return [{ kind: "fn", node: f }];
    }
    const name = dotted(a.type === "CallExpression" ? a.callee : a) ?? r.text.slice(a.start ?? 0, a.end ?? 0);
    // fastify.authenticate, app.basicAuth, app.auth([…]), verifyJWT …
    if (/auth|jwt|passport|token|protect|guard|verify|login|session/i.test(name))
      return [{ kind: "auth", node: a, name, jwt: false }];
    return [{ kind: "unknown", node: a, name: name.slice(0, 40) }];
  };

  /** The module functions being read as called with the instance (`registerCors(server)`). */
  const following = new Set<t.Function>();
  /** fastify-plugin functions' options parameters bound to what register gave them. */
  const pluginOpts = new Set<string>();
  /** Reads a context's statements: `name` is the instance (the app, or the plugin's first parameter). */
  const readContext = (
    statements: t.Statement[],
    name: string,
    stack: Stack,
    prefix: string,
    /**
     * The statement of the app's own that brought these in (a fastify-plugin's `register`): its
     * hooks run where that registration is, so a registration moved ahead of them goes before it.
     */
    broughtBy: t.Statement | null = null,
  ) => {
    const list = entries.get(stack) ?? [];
    entries.set(stack, list);
    const add = (layer: Layer, phase: number) => {
      if (phase >= 0) layer.phase = phase;
      list.push({ layer, phase });
    };
    for (const s of statements) {
      // The plugin's own constants (`const corsOptions = {…}` above `fastify.register(cors, corsOptions)`),
      // read where they are followed, as the module's are.
      if (s.type === "VariableDeclaration" && s.kind === "const")
        for (const d of s.declarations)
          if (d.id.type === "Identifier" && d.init && !requireOf(bare(d.init))) {
            const init = bare(d.init) as t.Expression;
            if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")
              r.functions.set(d.id.name, init);
            r.consts.set(d.id.name, { init, statement: s });
          }
      // try { await app.register(…); await app.listen(…) } catch (err) { … }
      if (s.type === "TryStatement") {
        readContext(s.block.body, name, stack, prefix, broughtBy);
        continue;
      }
      let e: t.Node | null = s.type === "ExpressionStatement" ? s.expression : null;
      if (s.type === "ReturnStatement" && s.argument) e = s.argument;
      if (!e) continue;
      e = bare(e);
      // `void app.register(…)` (a floating promise marked as such) registers as the bare call does.
      if (e.type === "UnaryExpression" && e.operator === "void") e = bare(e.argument);
      if (e.type === "AwaitExpression") e = bare(e.argument);
      if (e.type !== "CallExpression") continue;
      const callee = bare(e.callee);
      // registerCors(server): a module function given the instance registers on it, in its body's
      // order, where it is called (read once per call chain: a function calling itself is not followed).
      const helper = callee.type === "Identifier" ? r.functions.get(callee.name) : undefined;
      if (helper && helper.body.type === "BlockStatement" && !following.has(helper)) {
        const at = e.arguments.findIndex((a) => isName(bare(a), name));
        const param = at >= 0 ? helper.params[at] : undefined;
        if (param?.type === "Identifier") {
          following.add(helper);
          readContext(helper.body.body, param.name, stack, prefix, broughtBy);
          following.delete(helper);
          continue;
        }
      }
      if (callee.type !== "MemberExpression" || !isName(bare(callee.object), name)) continue;
      const m = propName(callee);
      const args = e.arguments as t.Node[];
      const line = r.line(e);
      const call = e;
      if (m === "register" && args[0]) {
        const plugin = bare(args[0]);
        const optsNode = args[1] ? bare(args[1]) : null;
        if (isCors(plugin)) {
          const use: CorsUse = { kind: "cors", call, options: readOptions(r, call, 1) };
          if (!("key" in use.options)) {
            const o = use.options;
            if (o.values.has("delegator") || o.props.has("delegator") || o.unread.has("delegator"))
              use.options = { key: "config.express.unknown.options", params: { name: "delegator", line } };
          }
          const hook = "key" in use.options ? "onRequest" : use.options.values.get("hook");
          const phase = PHASES.indexOf(typeof hook === "string" ? hook : "onRequest");
          const layer: Layer = {
            prefix: true,
            statement: s,
            path: ANY_PATH,
            methods: null,
            handlers: [use],
            line,
          };
          add(layer, Math.max(phase, 0));
          corsUses.push({ use, layer, stack });
          continue;
        }
        // A plugin written here: fp(fn) shares its context; a bare function is a new context.
        let fn: t.Function | null = null;
        let shared = false;
        let target = plugin;
        // `const authPlugin = fp(async function (instance, opts) {…})` registered by its name: the same
        // fastify-plugin wrapper, so its hooks land in the registering context too (fastify-plugin sets
        // skip-override unless `{ encapsulate: true }`: https://github.com/fastify/fastify-plugin/blob/main/index.js).
        if (target.type === "Identifier" && fpName !== null && !r.functions.has(target.name)) {
          const c = r.consts.get(target.name);
          const init = c ? bare(c.init) : null;
          if (
            init?.type === "CallExpression" &&
            isName(bare(init.callee), fpName) &&
            r.mutations(target.name).length === 0
          )
            target = init;
        }
        const fpOpts = target.type === "CallExpression" ? target.arguments[1] : undefined;
        if (
          target.type === "CallExpression" &&
          fpName !== null &&
          isName(bare(target.callee), fpName) &&
          !(fpOpts && /\bencapsulate\s*:/.test(r.text.slice(fpOpts.start ?? 0, fpOpts.end ?? 0)))
        ) {
          shared = true;
          target = bare(target.arguments[0] as t.Node);
        }
        if (target.type === "ArrowFunctionExpression" || target.type === "FunctionExpression") fn = target;
        else if (target.type === "Identifier") fn = r.functions.get(target.name) ?? null;
        let sub = "";
        if (optsNode?.type === "ObjectExpression") {
          const pre = optsNode.properties.find(
            (p): p is t.ObjectProperty =>
              p.type === "ObjectProperty" && p.key.type === "Identifier" && p.key.name === "prefix",
          );
          if (pre) {
            try {
              const v = r.value(pre.value);
              if (typeof v === "string") sub = v.replace(/\/+$/, "");
            } catch {
              sub = "";
            }
          }
        }
        if (fn) {
          const param = fn.params[0];
          if (param?.type !== "Identifier" || fn.body.type !== "BlockStatement") continue;
          if (shared) {
            // The plugin's options parameter is the object given to register (avvio calls the plugin
            // with `(instance, opts)`: https://github.com/fastify/avvio/blob/main/lib/plugin.js), read
            // where its hooks follow it (`opts.keys.has(key)`) — when no other function of the file
            // has a parameter of that name, and the plugin is given one object: otherwise unknown.
            const o = fn.params[1];
            if (o?.type === "Identifier" && optsNode?.type === "ObjectExpression" && !r.consts.has(o.name)) {
              if (paramCount(program, o.name) === 1 && !pluginOpts.has(o.name)) {
                r.consts.set(o.name, { init: optsNode, statement: s });
                pluginOpts.add(o.name);
              }
            } else if (o?.type === "Identifier" && pluginOpts.has(o.name)) r.consts.delete(o.name);
            readContext(fn.body.body, param.name, stack, prefix, broughtBy ?? s);
            continue;
          }
          const child: Stack = { name: param.name, layers: [] };
          stacks.push(child);
          const layer: Layer = {
            prefix: true,
            statement: broughtBy ?? s,
            path: sub ? stringPath(optsNode, sub) : ANY_PATH,
            methods: null,
            handlers: [{ kind: "router", router: child, node: fn }],
            line,
          };
          (child as Stack & { encapsulated?: boolean }).encapsulated = !(
            target.type === "Identifier" && skipOverride.has(target.name)
          );
          add(layer, -1);
          readContext(fn.body.body, param.name, child, `${prefix}${sub}`);
          continue;
        }
        const mod = requireOf(plugin) ?? r.imports.get(plugin.type === "Identifier" ? plugin.name : "") ?? "";
        if (mod === "@fastify/static") {
          let root = "/";
          try {
            const o = optsNode ? r.value(optsNode) : undefined;
            if (isRecord(o) && typeof o.prefix === "string") root = o.prefix;
          } catch {
            root = "/";
          }
          add(
            {
              prefix: true,
              statement: broughtBy ?? s,
              path: stringPath(optsNode, root),
              methods: ["GET"],
              handlers: [{ kind: "static", node: call }],
              line,
            },
            -1,
          );
          continue;
        }
        if (mod === "@fastify/bearer-auth") {
          // Its onRequest hook answers 401 to a request without a valid bearer token.
          add(
            {
              prefix: true,
              statement: broughtBy ?? s,
              path: ANY_PATH,
              methods: null,
              handlers: [{ kind: "auth", node: call, name: mod, jwt: false }],
              line,
            },
            0,
          );
          continue;
        }
        if (PASS_PLUGIN.test(mod)) continue;
        // A plugin of another file or package: its routes are not seen.
        opaque.push({ prefix: `${prefix}${sub}` || "/", line });
        continue;
      }
      if (m === "addHook" && args[0] && args[1]) {
        let hook: Val;
        try {
          hook = r.value(args[0]);
        } catch {
          continue;
        }
        const phase = typeof hook === "string" ? PHASES.indexOf(hook) : -1;
        const fnText = r.text.slice(args[1].start ?? 0, args[1].end ?? 0);
        if (phase < 0) {
          // onSend with a function of the file: run on every answer of its context (its header
          // calls read like a hook's), after the answer is made.
          const fn = bare(args[1]);
          if (
            hook === "onSend" &&
            stack === app &&
            (fn.type === "ArrowFunctionExpression" || fn.type === "FunctionExpression")
          ) {
            stack.onSend = [...(stack.onSend ?? []), fn];
            continue;
          }
          // preSerialization hooks (or onSend of another file) that set CORS headers change every
          // answer: not modelled.
          if ((hook === "onSend" || hook === "preSerialization") && /access-control-/i.test(fnText))
            add(
              {
                prefix: true,
                statement: broughtBy ?? s,
                path: ANY_PATH,
                methods: null,
                handlers: [{ kind: "unknown", node: args[1], name: `addHook("${hook}")` }],
                line,
              },
              0,
            );
          continue;
        }
        add(
          {
            prefix: true,
            statement: broughtBy ?? s,
            path: ANY_PATH,
            methods: null,
            handlers: hookMiddleware(args[1], stack),
            line,
          },
          phase,
        );
        continue;
      }
      let methods: string[] | null = null;
      let pathNode: t.Node | null = null;
      let handler: t.Node | null = null;
      let opts: t.ObjectExpression | null = null;
      if (m && HTTP_METHODS.has(m) && args[0] && isPathArg(args[0])) {
        methods = [m === "all" ? "ALL" : m.toUpperCase()];
        pathNode = args[0];
        const rest = args.slice(1);
        handler = rest.at(-1) ?? null;
        const o = rest.length > 1 ? bare(rest[0] as t.Node) : null;
        if (o?.type === "ObjectExpression") opts = o;
        // app.get(path, { handler, preHandler })
        if (rest.length === 1 && handler && bare(handler).type === "ObjectExpression") {
          opts = bare(handler) as t.ObjectExpression;
          handler = null;
        }
      } else if (m === "route" && args[0] && bare(args[0]).type === "ObjectExpression") {
        opts = bare(args[0]) as t.ObjectExpression;
        const mv = prop(opts, "method");
        let v: Val;
        try {
          v = mv ? r.value(mv) : undefined;
        } catch {
          continue;
        }
        methods = (Array.isArray(v) ? v : [v]).map((x) => String(x).toUpperCase());
        pathNode = prop(opts, "url") ?? prop(opts, "path");
      } else continue;
      if (!pathNode) continue;
      if (opts && !handler) handler = prop(opts, "handler");
      // Relative to the plugin's prefix: the walk hands a plugin the rest of the path.
      const path = pathOf(r, pathNode).pattern;
      const handlers: Middleware[] = [];
      for (const phase of PHASES) {
        const h = opts ? prop(opts, phase) : null;
        if (h) handlers.push(...hookMiddleware(h, stack));
      }
      if (handler) {
        const hb = bare(handler);
        handlers.push(
          hb.type === "ArrowFunctionExpression" ||
            hb.type === "FunctionExpression" ||
            hb.type === "ObjectMethod"
            ? { kind: "fn", node: hb }
            : hb.type === "Identifier" && r.functions.get(hb.name)
              ? { kind: "fn", node: r.functions.get(hb.name) as t.Function }
              : { kind: "unknown", node: hb, name: r.text.slice(hb.start ?? 0, (hb.start ?? 0) + 40) },
        );
      }
      add(
        {
          prefix: false,
          statement: broughtBy ?? s,
          path,
          methods,
          handlers,
          line,
        },
        -1,
      );
    }
  };

  /** Top-level functions (`async function start()`, `const build = () => …`) with their statements. */
  const functions: Array<{ fn: t.Function; body: t.Statement[] }> = [];
  for (const s of body) {
    const fns =
      s.type === "FunctionDeclaration"
        ? [s]
        : s.type === "VariableDeclaration"
          ? s.declarations.flatMap((d) =>
              d.init &&
              (bare(d.init).type === "ArrowFunctionExpression" || bare(d.init).type === "FunctionExpression")
                ? [bare(d.init) as t.Function]
                : [],
            )
          : [];
    for (const f of fns) if (f.body.type === "BlockStatement") functions.push({ fn: f, body: f.body.body });
  }
  const makes = (statements: t.Statement[]): { name: string; statement: t.Statement } | null => {
    for (const s of statements)
      if (s.type === "VariableDeclaration")
        for (const d of s.declarations)
          if (d.id.type === "Identifier" && d.init && makesApp(d.init))
            return { name: d.id.name, statement: s };
    return null;
  };
  // The app made at the top level, else in a function that builds it (`function build() { const app = fastify(); … }`).
  let made = makes(body);
  let statements = body;
  let inner = false;
  if (!made)
    for (const f of functions) {
      made = makes(f.body);
      if (made) {
        statements = f.body;
        inner = true;
        break;
      }
    }
  let app: Stack | null = null;
  if (made) {
    appName = made.name;
    app = { name: appName, layers: [] };
    stacks.unshift(app);
    readContext(statements, appName, app, "");
    // Registrations in a top-level `start()` that uses the same app (run when it is called: after these).
    if (!inner)
      for (const f of functions)
        if (!f.fn.params.some((p) => p.type === "Identifier" && p.name === appName))
          readContext(f.body, appName, app, "");
  }
  // Hooks first, by phase (stable: registration order within a phase), then routes. A plugin comes
  // after the hooks its parent added before it (it copies them when it loads:
  // https://github.com/fastify/fastify/blob/main/lib/plugin-override.js); a hook the parent adds
  // later is added to the plugin too, after the plugin's own (fastify.js `_addHook` goes down to the
  // children), so it is appended to the plugin's list.
  const finish = (stack: Stack, extra: Array<{ layer: Layer; phase: number }>) => {
    const indexed = [...(entries.get(stack) ?? []), ...extra].map((x, i) => ({ ...x, i }));
    const hooks = indexed.filter((x) => x.phase >= 0).sort((a, b) => a.phase - b.phase);
    const out = [...hooks];
    for (const x of indexed) {
      if (x.phase >= 0 || x.layer.methods !== null) continue;
      let at = 0;
      out.forEach((y, k) => {
        if (y.i < x.i) at = k + 1;
      });
      out.splice(at, 0, x);
      const child = x.layer.handlers.find((h) => h.kind === "router");
      if (child?.kind === "router")
        finish(
          child.router,
          indexed.filter((y) => y.phase >= 0 && y.i > x.i).map(({ layer, phase }) => ({ layer, phase })),
        );
    }
    out.push(...indexed.filter((x) => x.phase < 0 && x.layer.methods !== null));
    stack.layers = out.map((x) => x.layer);
  };
  if (app) finish(app, []);
  return {
    file,
    text,
    program,
    app,
    appName,
    corsName,
    moduleKind,
    dialect: "fastify",
    made: made?.statement,
    consts: r.consts,
    corsUses,
    opaque,
    lineOf: r.lineOf,
    reader: r,
  } as ExpressApp & { reader: Reader };
}

function prop(o: t.ObjectExpression, key: string): t.Node | null {
  for (const p of o.properties)
    if (
      p.type === "ObjectProperty" &&
      ((p.key.type === "Identifier" && p.key.name === key) ||
        (p.key.type === "StringLiteral" && p.key.value === key))
    )
      return p.value;
    else if (p.type === "ObjectMethod" && p.key.type === "Identifier" && p.key.name === key) return p;
  return null;
}
