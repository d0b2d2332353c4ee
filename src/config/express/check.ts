/**
 * CORS lint of an Express app, with file and line: `*` or any origin reflected with credentials,
 * the `null` origin, origin regexes with unescaped dots or no anchors, cors() registered after the
 * auth, static files or routes that answer first, a per-route cors() on a route whose preflight
 * nothing answers, an origin callback that refuses with an error (a 500 without CORS headers), and
 * hand-set headers: a reflected origin without `Vary: Origin`.
 */
import type * as t from "@babel/types";
import { meantHeader, misspelledCorsHeader } from "../header-names";
import { regexWithoutScheme } from "../origin-regex";
import type { ConfigFinding, Words } from "../types";
import { STRANGER_ORIGIN, Unknown } from "../whatif";
import {
  allHandlers,
  bare,
  type CorsUse,
  catchesNext,
  childNodes,
  codeOf,
  codeSetsCors,
  discardedCors,
  EnvRef,
  EnvTemplate,
  type ExpressApp,
  Fn,
  isName,
  type Layer,
  type Middleware,
  originCallback,
  originReturn,
  propName,
  type Reader,
  rawHandOffOf,
  rawWriteCalls,
  run,
  TOKEN,
  type Trace,
  type Val,
  withoutScheme,
} from "./model";
import { ctxAsOrigin, encapsulatedAlone, factoryListOf, jsonList, ownHostReads } from "./patch";

/** The value a same-file const holds, followed through up to 5 consts (`origin: corsOrigin`), or `n` itself. */
function throughConsts(app: ExpressApp, n: t.Node): t.Node {
  let b = bare(n);
  for (let i = 0; i < 5 && b.type === "Identifier"; i++) {
    const c = app.consts.get(b.name);
    if (!c) break;
    b = bare(c.init);
  }
  return b;
}

/**
 * Where an origin option's string is written when the option names a same-file const (`origin:
 * corsOrigin`): the const's value, the line to change. Null when written in the option itself.
 */
function listNode(app: ExpressApp, prop: t.Node | undefined): t.Node | null {
  if (prop?.type !== "ObjectProperty") return null;
  const n = throughConsts(app, prop.value);
  return n !== bare(prop.value) ? n : null;
}

export function checkExpress(app: ExpressApp): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const reader = (app as ExpressApp & { reader: Reader }).reader;
  const at = (n: t.Node) => ({ file: app.file, line: app.lineOf(n.start ?? 0) });
  const push = (code: string, severity: "error" | "warning", n: t.Node, words: Words, also?: number) => {
    const f: ConfigFinding = {
      code,
      severity,
      ...at(n),
      words,
      ...(also !== undefined && also !== at(n).line ? { also: [{ file: app.file, line: also }] } : {}),
    };
    if (!out.some((x) => x.code === f.code && x.line === f.line)) out.push(f);
  };
  // An Access-Control-* header name with a ':' or a space ("Access-Control-Allow-Origin:"): Node's
  // setHeader throws ERR_INVALID_HTTP_TOKEN (https://nodejs.org/api/errors.html#err_invalid_http_token).
  for (const m of app.text.matchAll(
    /\.(?:setHeader|header|set|append)\(\s*(["'`])(\s*Access-Control-[^"'`]*?)\1/gi,
  )) {
    const name = m[2] ?? "";
    if (TOKEN.test(name)) continue;
    const fixed = name.trim().replace(/:$/, "").trim();
    const line = app.lineOf((m.index ?? 0) + m[0].indexOf(name));
    if (!out.some((x) => x.code === "header-name-invalid" && x.line === line))
      out.push({
        code: "header-name-invalid",
        severity: "error",
        file: app.file,
        line,
        words: { key: "config.express.check.header-name", params: { name: JSON.stringify(name), fixed } },
      });
  }
  // A CORS header's name misspelled (`res.header('Accept-Control-Allow-Origin', '*')`): the browser
  // reads only the exact name, so the header is as good as absent.
  for (const m of app.text.matchAll(/\.(?:setHeader|header|set|append)\(\s*(["'`])([A-Za-z][A-Za-z-]*)\1/g)) {
    const name = m[2] ?? "";
    const meant = misspelledCorsHeader(name);
    if (!meant) continue;
    const line = app.lineOf((m.index ?? 0) + m[0].indexOf(name));
    if (!out.some((x) => x.code === "cors-header-misspelled" && x.line === line))
      out.push({
        code: "cors-header-misspelled",
        severity: "error",
        file: app.file,
        line,
        words: { key: "config.check.header-misspelled", params: { name, meant } },
      });
  }
  // An allowed-headers entry that misspells a standard request header (`'Autorization'`,
  // oddnetworks/oddworks#137): the browser compares the names a preflight asks for with the list
  // exactly (any case: https://fetch.spec.whatwg.org/#cors-preflight-fetch), so the page's real
  // header is refused. Read in cors()' allowedHeaders / allowHeaders, a hand-set
  // Access-Control-Allow-Headers string, and the list a factory of the file joins into that header.
  const headerLists: t.Node[] = [];
  for (const { use } of app.corsUses) {
    if ("key" in use.options) continue;
    for (const k of ["allowedHeaders", "allowHeaders"]) {
      const prop = use.options.props.get(k);
      if (prop?.type === "ObjectProperty") headerLists.push(throughConsts(app, prop.value));
    }
  }
  const visitSetters = (n: t.Node) => {
    if (n.type === "CallExpression") {
      const c = bare(n.callee);
      const [a, b] = n.arguments;
      if (
        c.type === "MemberExpression" &&
        ["setHeader", "header", "set", "append"].includes(propName(c) ?? "") &&
        a?.type === "StringLiteral" &&
        a.value.toLowerCase() === "access-control-allow-headers" &&
        b
      )
        headerLists.push(throughConsts(app, b as t.Node));
    }
    for (const x of childNodes(n)) visitSetters(x);
  };
  visitSetters(app.program);
  const factoryMade = new Set<Middleware & { kind: "fn" }>();
  for (const { handler } of allHandlers(app))
    if (handler.kind === "fn" && handler.factory) factoryMade.add(handler);
  for (const h of factoryMade) {
    const arr = factoryListOf(reader, [h], "access-control-allow-headers");
    if (arr) headerLists.push(arr);
  }
  for (const list of headerLists) {
    const entries: t.StringLiteral[] =
      list.type === "ArrayExpression"
        ? list.elements.filter((x): x is t.StringLiteral => x?.type === "StringLiteral")
        : list.type === "StringLiteral"
          ? [list]
          : [];
    for (const e of entries)
      for (const name of e.value.split(",").map((x) => x.trim())) {
        const meant = meantHeader(name);
        if (meant)
          push("allowed-header-misspelled", "error", e, {
            key: "config.express.check.allowed-header-misspelled",
            params: { name, meant },
          });
      }
  }
  // No CORS middleware and no Access-Control-* header written anywhere: every cross-origin call
  // is refused. Named where the app is made, which is where `fix` adds it.
  // (An app a class makes, `this.app = new Koa()` in its constructor: that statement.)
  const made = app.app ? (app.consts.get(app.app.name)?.statement ?? app.made) : undefined;
  if (
    app.corsUses.length === 0 &&
    made &&
    !/access-control-/i.test(app.text) &&
    // A module whose name says CORS (koa2-cors, fastify-cors, a local ./cors.js) sets it, unread here.
    ![...reader.imports.values()].some((m) => /cors/i.test(m)) &&
    !/\b(?:require|import)\s*\(\s*["'`][^"'`]*cors/i.test(app.text)
  )
    push(
      "no-cors",
      "warning",
      made,
      { key: "config.express.check.no-cors", params: { name: app.app?.name ?? "app" } },
      // The first routes the app answers with (a route, a router mounted): what goes out without CORS.
      app.app?.layers.find((l) => l.methods !== null || l.handlers.some((h) => h.kind === "router"))?.line,
    );
  for (const { use, layer, stack } of app.corsUses) {
    if ("key" in use.options) continue;
    const o = use.options;
    const origin = o.values.has("origin") ? o.values.get("origin") : "*";
    const credProp = o.props.get("credentials");
    const creds = o.values.get("credentials") === true;
    const originNode = o.props.get("origin") ?? use.call;
    // @koa/cors turns `*` with credentials into the request's origin: any origin, with credentials;
    // koa2-cors sends the request's origin where none is written, and a written `*` as it is.
    const koaReflects =
      app.dialect === "koa" && (use.koa2 ? !o.props.has("origin") : origin === "*" || origin === undefined);
    if (use.koa2)
      for (const name of ["allowMethods", "allowHeaders", "exposeHeaders"]) {
        const prop = o.props.get(name);
        if (prop && typeof o.values.get(name) === "string")
          push("koa2cors-option-not-list", "error", prop, {
            key: "config.koa2cors.check.not-list",
            params: { name },
          });
      }
    if (koaReflects && creds && !o.unread.has("origin"))
      push("reflected-with-credentials", "error", credProp ?? use.call, {
        key: "config.check.reflected-credentials",
        params: { line: app.lineOf((credProp ?? use.call).start ?? 0) },
      });
    else if ((origin === "*" || origin === undefined) && creds && !o.unread.has("origin"))
      push(
        "wildcard-with-credentials",
        "error",
        credProp ?? use.call,
        // A written `origin: "*"` is the other half, and the line the fix changes: named too.
        o.props.get("origin") &&
          app.lineOf(originNode.start ?? 0) !== app.lineOf((credProp ?? use.call).start ?? 0)
          ? {
              key: "config.check.wildcard-origin-credentials",
              params: { line: app.lineOf(originNode.start ?? 0) },
            }
          : {
              key: "config.check.wildcard-credentials",
              params: { line: app.lineOf((credProp ?? use.call).start ?? 0) },
            },
      );
    let reflectsAny = origin === true;
    if (origin instanceof Fn) {
      try {
        const r =
          app.dialect === "hono"
            ? { value: originReturn(reader, origin.fn, STRANGER_ORIGIN) }
            : originCallback(reader, origin.fn, STRANGER_ORIGIN);
        // hono/cors sends what the function returns: `true` goes out as "true", no origin at all.
        if (app.dialect === "hono" && typeof r.value === "boolean")
          push("origin-function-boolean", "error", origin.fn, { key: "config.express.check.origin-boolean" });
        else reflectsAny = r.value === true || r.value === STRANGER_ORIGIN;
      } catch (e) {
        if (!(e instanceof Unknown)) throw e;
      }
      if (
        // An Error or a string as the first argument: either is next(err), Express's 500.
        /\b(callback|cb)\s*\(\s*(new\s+Error|["'`])/.test(
          app.text.slice(origin.fn.start ?? 0, origin.fn.end ?? 0),
        )
      )
        push("origin-error-500", "warning", origin.fn, { key: "config.express.check.origin-error" });
    }
    // An origin function that looks the Origin up in a list (`whitelist.indexOf(origin) !== -1`,
    // `allowed.includes(origin)`): an entry written without a scheme equals no Origin header.
    if (origin instanceof Fn)
      for (const entry of lookupLists(app, origin.fn))
        if (withoutScheme(entry.value))
          push("origin-no-scheme", "error", entry, {
            key: "config.express.check.origin-no-scheme",
            params: { value: entry.value },
          });
    // @koa/cors hands the origin function ctx (https://github.com/koajs/cors/blob/master/index.js):
    // a parameter used only as the Origin string never matches an origin.
    const ctxParam = app.dialect === "koa" && origin instanceof Fn ? ctxAsOrigin(origin.fn) : null;
    if (ctxParam && origin instanceof Fn)
      push("koa-origin-ctx", "error", origin.fn, {
        key: "config.express.check.koa-origin-ctx",
        params: { name: ctxParam.name },
      });
    // …and one that tests ctx.host (the server's own Host header) where it meant the Origin: no page's
    // origin is ever found in its list (koajs/cors#52).
    const hostRead = app.dialect === "koa" && origin instanceof Fn ? ownHostReads(origin.fn)[0] : undefined;
    if (hostRead)
      push("koa-origin-host", "error", hostRead, {
        key: "config.express.check.koa-origin-host",
        params: { read: app.text.slice(hostRead.start ?? 0, hostRead.end ?? 0) },
      });
    if (reflectsAny && creds)
      push("reflected-with-credentials", "error", originNode, {
        key: "config.check.reflected-credentials",
        params: { line: app.lineOf((credProp ?? use.call).start ?? 0) },
      });
    for (const v of flat(origin)) {
      // `process.env.X` in the list without a default: unset, the entry is undefined and allows no
      // origin (the cors packages skip it), so the list is the literal origins alone.
      // A template spelled from the environment: unset, it reads "…undefined…" (a template writes
      // undefined out: https://tc39.es/ecma262/#sec-template-literals-runtime-semantics-evaluation),
      // which no Origin equals; set, it is the one origin it spells, never a front end served elsewhere.
      if (v instanceof EnvTemplate)
        push("origin-env-template", "warning", entryNode(app, o.props.get("origin"), v.code) ?? originNode, {
          key: "config.express.check.origin-env-template",
          params: { code: v.code, env: v.env.join(", "), unset: v.parts.join("undefined") },
        });
      else if (v instanceof EnvRef)
        push("origin-env-entry", "warning", originNode, {
          key: "config.express.check.origin-env-entry",
          params: { code: v.code },
        });
      if (v === "null") push("null-origin-allowed", "warning", originNode, { key: "config.check.null" });
      if (v instanceof RegExp) {
        const node = regexNode(o.props.get("origin"), v) ?? originNode;
        if (unescapedDot(v.source))
          push("origin-regex-dot", "error", node, {
            key: "config.check.regex-dot",
            params: { regex: v.source },
          });
        // RegExp#test with the g (or y) flag starts at lastIndex, which a match moves on: the
        // same origin matches, then fails, by turns (https://tc39.es/ecma262/#sec-regexpbuiltinexec).
        if (/[gy]/.test(v.flags))
          push("origin-regex-global", "error", node, {
            key: "config.express.check.regex-global",
            params: { regex: `/${v.source}/${v.flags}` },
          });
        if (!v.source.endsWith("$"))
          push("origin-regex-anchor", "error", node, {
            key: "config.check.regex-anchor",
            params: { regex: v.source },
          });
        if (regexWithoutScheme(v.source))
          push("origin-no-scheme", "error", node, {
            key: "config.check.regex-no-scheme",
            params: { regex: v.source },
          });
      }
      // The cors packages compare a string with the Origin header whole (expressjs/cors
      // `isOriginAllowed`, @fastify/cors, hono/cors; @koa/cors sends it as it is, which the browser
      // compares whole): "https://a.example/" matches no page, whose Origin has no path.
      const path = typeof v === "string" ? /^(https?:\/\/[^/\s,]+)\/\S*$/.exec(v) : null;
      if (path)
        push(
          "origin-path",
          "error",
          stringNode(o.props.get("origin"), v as string) ??
            literalOf(app, v as string) ??
            listNode(app, o.props.get("origin")) ??
            originNode,
          {
            key: "config.express.check.origin-path",
            params: { value: v as string, origin: path[1] as string },
          },
        );
      // "app.example.com" (no scheme): an Origin header is scheme://host[:port]
      // (https://fetch.spec.whatwg.org/#origin-header), so the entry equals no page's; @koa/cors sends
      // a string as it is, which the browser then compares whole.
      if (typeof v === "string" && withoutScheme(v))
        push(
          "origin-no-scheme",
          "error",
          stringNode(o.props.get("origin"), v) ??
            literalOf(app, v) ??
            listNode(app, o.props.get("origin")) ??
            originNode,
          { key: "config.express.check.origin-no-scheme", params: { value: v } },
        );
      // "http://localhost" with no port: a development server's page is served on one
      // (http://localhost:5173), and an Origin carries it, so that page's Origin is not this one.
      if (typeof v === "string" && /^https?:\/\/(localhost|127\.0\.0\.1)$/.test(v))
        push(
          "origin-localhost-no-port",
          "warning",
          stringNode(o.props.get("origin"), v) ??
            literalOf(app, v) ??
            listNode(app, o.props.get("origin")) ??
            originNode,
          { key: "config.express.check.localhost-port", params: { value: v } },
        );
      // "*" inside an origin list: the cors package compares each entry with the Origin header
      // (`isOriginAllowed`: `origin === allowedOrigin`, https://github.com/expressjs/cors/blob/master/lib/index.js),
      // as hono/cors does (`optsOrigin.includes(origin)`), and no Origin is "*": the entry allows no
      // page. (@fastify/cors reads a list holding "*" as "*"; @koa/cors takes no list.)
      if (v === "*" && Array.isArray(origin) && (app.dialect === "express" || app.dialect === "hono"))
        push(
          "origin-wildcard-in-list",
          "error",
          stringNode(o.props.get("origin"), "*") ?? listNode(app, o.props.get("origin")) ?? originNode,
          { key: "config.express.check.wildcard-in-list" },
        );
      // " https://b" (a list split on "," that kept the space): equal to no Origin header.
      if (typeof v === "string" && v !== v.trim() && /^\s*https?:\/\//.test(v))
        push("origin-space", "error", listNode(app, o.props.get("origin")) ?? originNode, {
          key: "config.express.check.origin-space",
          params: { value: JSON.stringify(v) },
        });
      // Several origins in one string, comma-separated or a JSON array written in a string: cors
      // sends it whole, one Allow-Origin no browser accepts. Named where the string is written.
      if (typeof v === "string" && (/^https?:\/\/\S+[\s,]+\S/.test(v) || jsonList(v) !== null))
        push(
          "origin-list",
          "error",
          literalOf(app, v) ?? listNode(app, o.props.get("origin")) ?? originNode,
          {
            key: "config.check.origin-list",
          },
        );
    }
    // @koa/cors takes a string or a function of ctx: a list goes out whole, as one
    // Access-Control-Allow-Origin of every origin, which browsers refuse
    // (https://github.com/koajs/cors/blob/master/index.js).
    if (app.dialect === "koa" && Array.isArray(origin) && !o.unread.has("origin"))
      push("koa-origin-list", "error", originNode, { key: "config.express.check.koa-origin-list" });
    if (o.values.get("origin") === false) continue;
    // An app-level cors() whose preflights another cors() answers first, with other options:
    // `app.options(path, cors())` ends every preflight it matches (the cors package answers an
    // OPTIONS itself unless preflightContinue), so the options of this one never reach them.
    // The same for an app-wide `app.use(cors())` registered earlier on the same paths: it answers the
    // preflight and ends it too (expressjs/cors `cors()`: `res.end()` unless preflightContinue,
    // https://github.com/expressjs/cors/blob/master/lib/index.js; hono/cors returns its 204,
    // https://github.com/honojs/hono/blob/main/src/middleware/cors/index.ts; @koa/cors sets 204
    // without next(), https://github.com/koajs/cors/blob/master/index.js). @fastify/cors registered
    // twice is another matter, left out.
    if (layer.methods === null) {
      const first = stack.layers.find(
        (l) =>
          l !== layer &&
          stack.layers.indexOf(l) < stack.layers.indexOf(layer) &&
          l.handlers.some(
            (h) =>
              h.kind === "cors" &&
              optionsText(app, h) !== optionsText(app, use) &&
              (l.methods?.includes("OPTIONS") ||
                (l.methods === null && app.dialect !== "fastify" && overlaps(l, layer) && endsPreflight(h))),
          ),
      );
      if (first)
        push("preflight-answered-first", "error", first.statement, {
          key:
            first.methods === null
              ? "config.express.check.cors-first"
              : "config.express.check.preflight-first",
          params: { line: app.lineOf(layer.statement.start ?? 0) },
        });
    }
    if (layer.methods === null && stack === app.app && app.dialect === "express")
      refusedBeforeCors(app, stack, layer, push);
    // hono/cors' documented example (https://hono.dev/docs/middleware/builtin/cors) kept as written:
    // its header names are placeholders, so the app's own (Authorization, Content-Type) are refused.
    const example = app.dialect === "hono" ? o.values.get("allowHeaders") : undefined;
    if (
      Array.isArray(example) &&
      example.length === 2 &&
      example.every(
        (h) =>
          typeof h === "string" && ["x-custom-header", "upgrade-insecure-requests"].includes(h.toLowerCase()),
      )
    )
      push("docs-example-headers", "warning", o.props.get("allowHeaders") ?? use.call, {
        key: "config.express.check.docs-example",
        params: { values: example.join(", ") },
      });
    // Hono: `app.use("/api", cors())` matches /api alone (https://hono.dev/docs/api/routing): the
    // routes below it get no CORS headers; "/api/*" reaches them.
    if (app.dialect === "hono" && layer.methods === null && layer.path.node?.type === "StringLiteral") {
      const base = layer.path.source.replace(/\/$/, "");
      const below = !layer.path.source.includes("*") && base !== "" ? routeUnder(stack, `${base}/`) : null;
      if (below)
        push("hono-cors-exact-path", "error", layer.statement, {
          key: "config.express.check.hono-path",
          params: { path: layer.path.source, route: below },
        });
      // Under basePath("/api"), `app.use("/api/*", cors())` is /api/api/* (the base is put before
      // use() paths too: https://hono.dev/docs/api/routing#base-path).
      const written = layer.path.node.value;
      const prefix = stack.prefix?.replace(/\/$/, "");
      if (
        prefix &&
        (written === prefix || written.startsWith(`${prefix}/`)) &&
        !routeUnder(stack, `${base.replace(/\/?\*$/, "")}/`) &&
        stack.layers.some((l) => l.methods !== null)
      )
        push("hono-cors-base-path", "error", layer.statement, {
          key: "config.express.check.hono-base-path",
          params: { path: written, base: prefix },
        });
      const starred = layer.path.source.endsWith("/**") ? routeUnder(stack, `${base.slice(0, -3)}/`) : null;
      if (starred)
        push("hono-cors-double-wildcard", "error", layer.statement, {
          key: "config.express.check.hono-double-wildcard",
          params: { path: layer.path.source, route: starred, fixed: `${base.slice(0, -3)}/*` },
        });
    }
    // Fastify: @fastify/cors without `methods` allows GET, HEAD and POST only (its default since v10:
    // https://github.com/fastify/fastify-cors/blob/main/index.js), so a PUT, PATCH or DELETE route's
    // preflight is refused.
    if (app.dialect === "fastify" && !o.props.has("methods") && !o.unread.has("methods")) {
      const always = new Set<string>();
      const visit = (st: typeof stack, depth: number) => {
        for (const l of st.layers) {
          for (const h of l.handlers) if (h.kind === "router" && depth < 4) visit(h.router, depth + 1);
          for (const m of l.methods ?? []) if (["PUT", "PATCH", "DELETE"].includes(m)) always.add(m);
        }
      };
      visit(app.app ?? stack, 0);
      // Named on the register call, and on the options object where `methods` goes when that is a
      // const's written elsewhere (`register(cors, corsOptions)`).
      const objectLine = o.object ? app.lineOf(o.object.start ?? 0) : null;
      if (always.size > 0)
        push(
          "methods-miss-routes",
          "warning",
          use.call,
          objectLine !== null && objectLine !== app.lineOf(use.call.start ?? 0)
            ? {
                key: "config.fastify.check.default-methods-object",
                params: { methods: [...always].join(", "), line: objectLine },
              }
            : { key: "config.fastify.check.default-methods", params: { methods: [...always].join(", ") } },
        );
    }
    // A methods list that leaves out methods the app's routes under this cors() take: a page's PUT,
    // PATCH or DELETE there is refused at its preflight (the list is what Allow-Methods sends).
    const methodsKey = app.dialect === "hono" || app.dialect === "koa" ? "allowMethods" : "methods";
    const methodsProp = o.props.get(methodsKey);
    const listed = o.values.get(methodsKey);
    if (methodsProp && layer.methods === null && !o.unread.has(methodsKey)) {
      const names = (
        Array.isArray(listed) ? listed.map(String) : typeof listed === "string" ? listed.split(",") : ["*"]
      ).map((m) => m.trim().toUpperCase());
      const missing = new Set<string>();
      const visit = (st: typeof stack, depth: number) => {
        for (const l of st.layers) {
          if (depth === 0 && !overlaps(l, layer)) continue;
          for (const h of l.handlers) if (h.kind === "router" && depth < 4) visit(h.router, depth + 1);
          for (const m of l.methods ?? [])
            if (["PUT", "PATCH", "DELETE"].includes(m) && !names.includes(m) && !names.includes("*"))
              missing.add(m);
        }
      };
      visit(stack, 0);
      if (missing.size > 0)
        push("methods-miss-routes", "warning", methodsProp, {
          key: "config.express.check.methods-miss-routes",
          params: { methods: [...missing].join(", "), option: methodsKey },
        });
    }
    // An explicit allowed-headers list without Content-Type while routes under it take bodies
    // (POST, PUT, PATCH): a JSON body's `Content-Type: application/json` is not CORS-safelisted
    // (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), so its preflight is refused.
    const headersKey =
      app.dialect === "hono" || app.dialect === "koa"
        ? "allowHeaders"
        : o.props.has("allowedHeaders")
          ? "allowedHeaders"
          : "headers";
    const headersProp = o.props.get(headersKey);
    const headersVal = o.values.get(headersKey);
    if (headersProp && layer.methods === null && !o.unread.has(headersKey)) {
      const names = (
        Array.isArray(headersVal)
          ? headersVal.map(String)
          : typeof headersVal === "string"
            ? headersVal.split(",")
            : ["*"]
      ).map((h) => h.trim().toLowerCase());
      let bodies = false;
      const visit = (st: typeof stack, depth: number) => {
        for (const l of st.layers) {
          if (depth === 0 && !overlaps(l, layer)) continue;
          for (const h of l.handlers) if (h.kind === "router" && depth < 4) visit(h.router, depth + 1);
          if ((l.methods ?? []).some((m) => ["POST", "PUT", "PATCH"].includes(m))) bodies = true;
        }
      };
      visit(stack, 0);
      if (bodies && !names.includes("content-type") && !names.includes("*"))
        push("headers-miss-content-type", "warning", headersProp, {
          key: "config.express.check.headers-miss-content-type",
          params: { option: headersKey },
        });
    }
    // @fastify/cors with `preflight: false` answers no preflight: its OPTIONS route answers 404
    // (https://github.com/fastify/fastify-cors/blob/main/index.js), so every request that needs a
    // preflight (a PUT, a DELETE, a JSON body, an Authorization header) is refused.
    const preflightProp = o.props.get("preflight");
    if (app.dialect === "fastify" && preflightProp && o.values.get("preflight") === false)
      push("fastify-preflight-off", "error", preflightProp, { key: "config.fastify.check.preflight-off" });
    if (app.dialect === "fastify" && encapsulatedAlone(app, stack)) {
      const mount = app.app?.layers.find((l) =>
        l.handlers.some((h) => h.kind === "router" && h.router === stack),
      );
      push("cors-encapsulated", "error", layer.statement, {
        key: "config.fastify.check.encapsulated",
        params: { line: mount?.line ?? layer.line },
      });
    }
    // Koa: cors() on a router (router.use) runs only for requests one of the router's routes takes
    // (@koa/router's routes(): `if (!matched.route) return next()`,
    // https://github.com/koajs/router/blob/master/lib/router.js): with no OPTIONS or all() route,
    // every preflight is answered without it (allowedMethods()' 200, or a 404).
    const routeMethods = stack.layers.flatMap((l) => l.methods ?? []);
    if (
      app.dialect === "koa" &&
      stack !== app.app &&
      layer.methods === null &&
      routeMethods.length > 0 &&
      !routeMethods.includes("OPTIONS") &&
      !routeMethods.includes("ALL")
    )
      push(
        "koa-cors-on-router",
        // PUT, PATCH and DELETE are always preflighted; a GET or POST only with other headers.
        routeMethods.some((m) => ["PUT", "PATCH", "DELETE"].includes(m)) ? "error" : "warning",
        layer.statement,
        { key: "config.express.check.koa-router", params: { router: stack.name } },
      );
    // Registered after what answers first on the same paths.
    if (layer.methods === null) {
      for (const earlier of stack.layers) {
        if (earlier === layer) break;
        const what = answersFirst(earlier, app.dialect);
        if (!what) continue;
        if (!overlaps(earlier, layer)) continue;
        // Fastify: a cors hook of a later phase than the hook that answers runs after it wherever
        // it is registered: the `hook` option is the line to change.
        const hookProp = o.props.get("hook");
        if (
          app.dialect === "fastify" &&
          hookProp &&
          earlier.phase !== undefined &&
          (layer.phase ?? 0) > earlier.phase
        ) {
          push(`cors-after-${what}`, "error", hookProp, {
            key: "config.fastify.check.hook-late",
            params: { line: earlier.line, hook: String(o.values.get("hook")) },
          });
          break;
        }
        // The auth check inside a router or a plugin registered there: named as what is registered.
        const inRouter = what === "auth" && earlier.handlers.some((h) => h.kind === "router");
        // In a chain of registrations (`app.use(router.routes()).use(cors())`), the cors() link's own line.
        const chained = stack.layers.some((l) => l !== layer && l.statement === layer.statement);
        push(`cors-after-${what}`, "error", chained ? use.call : layer.statement, {
          key: inRouter
            ? app.dialect === "fastify"
              ? "config.fastify.check.after-auth-plugin"
              : "config.express.check.after-auth-router"
            : app.dialect === "fastify" && what === "auth"
              ? "config.fastify.check.after-auth"
              : (`config.express.check.after-${what}` as Words["key"]),
          params: { line: earlier.line },
        });
        break;
      }
    } else if (
      !layer.methods.includes("OPTIONS") &&
      (layer.methods.some((m) => ["PUT", "PATCH", "DELETE", "ALL"].includes(m)) ||
        // A POST whose body the app reads as JSON: `Content-Type: application/json` is preflighted.
        (layer.methods.includes("POST") && /\b(express|bodyParser)\.json\(|\.req\.json\(/.test(app.text)))
    ) {
      // A per-route cors() on a route whose requests need a preflight: the preflight is OPTIONS.
      const answered = stack.layers.some(
        (l) =>
          l !== layer &&
          (l.methods === null || l.methods.includes("OPTIONS") || l.methods.includes("ALL")) &&
          l.handlers.some((h) => h.kind === "cors") &&
          (l.path.test(layer.path.source.replace(/:\w+/g, "1"), l.methods === null).matched ||
            l.path.source === "*"),
      );
      // On the cors() call: in a chain (`router.route(p).get(…).delete(cors(), …)`) its own line.
      if (!answered)
        push("cors-on-route-only", "error", use.call, {
          key: "config.express.check.route-only",
          params: { method: layer.methods.join(", "), path: layer.path.source },
        });
    }
  }
  // cors() only on OPTIONS routes (`app.options("*", cors())`): the preflights get their headers,
  // the requests themselves (a GET of a font, the PUT after its preflight) none.
  const optionsOnly = app.corsUses.filter(
    (c) => c.layer.methods?.length === 1 && c.layer.methods[0] === "OPTIONS",
  );
  const first = optionsOnly[0];
  if (
    first &&
    app.dialect === "express" &&
    optionsOnly.length === app.corsUses.length &&
    !/access-control-allow-origin/i.test(app.text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ""))
  )
    push("cors-options-only", "error", first.layer.statement, {
      key: "config.express.check.options-only",
      params: { path: first.layer.path.source },
    });
  // A hand-written OPTIONS route that sets no Access-Control-* header (comments aside), with no
  // app-wide cors() ahead of it: it answers every preflight on its path without CORS headers.
  if (!app.corsUses.some((c) => c.layer.methods === null)) {
    const routes = (st: ExpressApp["app"], depth: number) => {
      for (const l of st?.layers ?? []) {
        for (const h of l.handlers) if (h.kind === "router" && depth < 4) routes(h.router, depth + 1);
        if (!l.methods?.includes("OPTIONS") || l.handlers.some((h) => h.kind === "cors")) continue;
        const fn = l.handlers.filter((h) => h.kind === "fn").at(-1);
        if (fn?.kind !== "fn") continue;
        const code = codeOf(app.text, fn.node);
        if (!codeSetsCors((app as ExpressApp & { reader: Reader }).reader, code))
          push("options-route-no-cors", "error", fn.node, {
            key: "config.express.check.options-route-no-cors",
            params: { path: l.path.source },
          });
        // It sets Allow-Origin, and nothing else in the file does (no cors() for other methods, no
        // hand-set header elsewhere): the preflight passes, the request after it gets none.
        else if (
          /access-control-allow-origin/i.test(code) &&
          !app.corsUses.some((c) => !c.layer.methods?.every((m) => m === "OPTIONS")) &&
          !/access-control-allow-origin/i.test(
            codeOf(app.text, app.program)
              .replace(code, "")
              .replace(app.text.slice(fn.node.start ?? 0, fn.node.end ?? 0), ""),
          )
        )
          push("cors-on-preflight-only", "error", fn.node, { key: "config.check.preflight-only" });
      }
    };
    routes(app.app, 0);
  }
  // `cors({...});` as a statement: the middleware it builds is thrown away and never runs.
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    const call = discardedCors(reader, n);
    if (call) push("cors-never-run", "error", call, { key: "config.express.check.cors-never-run" });
    for (const c of childNodes(n)) visit(c);
  };
  visit(app.program);
  handChecks(app, push);
  thrownPastHand(app, push);
  honoLostHeaders(app, push);
  honoEtagDrops(app, push);
  rawHandOffs(app, reader, push);
  handThenAuth(app, push);
  handNoPreflight(app, push);
  handPreflightFallsThrough(app, push);
  return out.sort((a, b) => a.line - b.line);
}

/**
 * A cors() that ends every preflight it meets: its options read, `preflightContinue` not set (the
 * cors package's way to pass OPTIONS on), and `origin` neither false (which skips CORS altogether)
 * nor a function (an origin it refuses is passed on to the next middleware, in the cors package as
 * in @koa/cors, so two cors() with origin functions may share the origins between them).
 */
function endsPreflight(use: CorsUse): boolean {
  if ("key" in use.options) return false;
  const o = use.options;
  if (o.unread.size > 0 || o.props.has("preflightContinue")) return false;
  if (!o.props.has("origin")) return true;
  const origin = o.values.get("origin");
  return o.values.has("origin") && origin !== false && !(origin instanceof Fn);
}

/** The options a cors() call was given, as written (none: ""). */
function optionsText(app: ExpressApp, use: CorsUse): string {
  const arg = use.call.arguments[0];
  return arg ? app.text.slice(arg.start ?? 0, arg.end ?? 0).replace(/\s+/g, " ") : "";
}

function flat(v: Val): Val[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

function regexNode(prop: t.Node | undefined, re: RegExp): t.Node | null {
  return literalNode(prop, (n) => n.type === "RegExpLiteral" && n.pattern === re.source);
}

/**
 * The string entries of the lists an origin function looks the Origin up in: `LIST.indexOf(x)`,
 * `LIST.includes(x)`, `LIST.some(…)`, `LIST.find(…)`, `LIST.findIndex(…)` and `LIST.filter(…)`, the
 * list written inline or a same-file const or var.
 */
function lookupLists(app: ExpressApp, fn: t.Node): t.StringLiteral[] {
  const out: t.StringLiteral[] = [];
  const listOf = (n: t.Node): t.ArrayExpression | null => {
    const b = throughConsts(app, n);
    return b.type === "ArrayExpression" ? b : null;
  };
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      const callee = bare(n.callee);
      if (
        callee.type === "MemberExpression" &&
        ["indexOf", "includes", "some", "find", "findIndex", "filter"].includes(propName(callee) ?? "")
      ) {
        const list = listOf(callee.object);
        for (const e of list?.elements ?? []) if (e?.type === "StringLiteral") out.push(e);
      }
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(fn);
  return out;
}

/** The one string literal of the file whose value is `value` (a default in a config object), or null. */
function literalOf(app: ExpressApp, value: string): t.Node | null {
  const found: t.Node[] = [];
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object" || found.length > 1) return;
    if (n.type === "StringLiteral" && n.value === value) found.push(n);
    for (const c of childNodes(n)) visit(c);
  };
  visit(app.program);
  return found.length === 1 ? (found[0] as t.Node) : null;
}

/** The template literal written as `code` inside an option (its own line), or null. */
function entryNode(app: ExpressApp, prop: t.Node | undefined, code: string): t.Node | null {
  return literalNode(
    prop,
    (n) => n.type === "TemplateLiteral" && app.text.slice(n.start ?? 0, n.end ?? 0) === code,
  );
}

/** The string literal of `value` inside an option (its own line), or null. */
function stringNode(prop: t.Node | undefined, value: string): t.Node | null {
  return literalNode(prop, (n) => n.type === "StringLiteral" && n.value === value);
}

function literalNode(prop: t.Node | undefined, is: (n: t.Node) => boolean): t.Node | null {
  if (!prop) return null;
  let found: t.Node | null = null;
  const visit = (n: t.Node) => {
    if (found || !n || typeof n !== "object") return;
    if (is(n)) {
      found = n;
      return;
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(prop);
  return found;
}

/** A `.` in the host part that matches any character (`^https://app.example.com$`). */
function unescapedDot(src: string): boolean {
  return /(^|[^\\])\.(?![*+?])[A-Za-z]/.test(src.replace(/\\\\/g, ""));
}

/** What a layer registered before cors() answers first: "auth", "static", "route", or null. */
function answersFirst(
  l: Layer,
  dialect?: ExpressApp["dialect"],
  depth = 0,
): "auth" | "static" | "route" | null {
  if (l.methods !== null) return l.handlers.some((h) => h.kind === "cors") ? null : "route";
  for (const h of l.handlers) {
    if (h.kind === "auth") return "auth";
    if (h.kind === "static") return "static";
    if (h.kind === "router" && dialect && depth < 4 && authInRouter(h.router, dialect, depth)) return "auth";
    if (h.kind === "router" && h.router.layers.some((x) => x.methods !== null) && !hasCors(h)) return "route";
    if (h.kind === "fn" && answersUnauthorized(h.node)) return "auth";
  }
  return null;
}

/**
 * A router (Express `router.use(auth)`, a Hono sub-app's `use`) or a Fastify plugin that shares its
 * context whose auth check runs, ahead of any cors() of its own, for every request it is given: the
 * preflight too. Not Koa (a @koa/router's middleware runs only where a route takes the request), nor
 * an encapsulated Fastify plugin (its hooks reach its own routes alone, and @fastify/cors answers
 * preflights from its own OPTIONS route: https://fastify.dev/docs/latest/Reference/Encapsulation/).
 */
function authInRouter(router: ExpressApp["app"], dialect: ExpressApp["dialect"], depth: number): boolean {
  if (!router || dialect === "koa") return false;
  if (dialect === "fastify" && (router as { encapsulated?: boolean }).encapsulated !== false) return false;
  for (const l of router.layers) {
    if (l.handlers.some((h) => h.kind === "cors")) return false;
    if (l.methods === null && answersFirst(l, dialect, depth + 1) === "auth") return true;
  }
  return false;
}

function hasCors(h: Middleware): boolean {
  return h.kind === "router" && h.router.layers.some((l) => l.handlers.some((x) => x.kind === "cors"));
}

/** A hand-written middleware that answers 401/403 (an auth check). */
function answersUnauthorized(fn: t.Function): boolean {
  let found = false;
  const visit = (n: t.Node) => {
    if (found || !n || typeof n !== "object") return;
    if (n.type === "NumericLiteral" && (n.value === 401 || n.value === 403)) {
      found = true;
      return;
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(fn.body);
  return found;
}

/** Two registrations reach some path in common (one's path under the other's). */
function overlaps(a: Layer, b: Layer): boolean {
  const pa = a.path.source;
  const pb = b.path.source;
  if (pa === "/" || pb === "/" || !pa.startsWith("/") || !pb.startsWith("/")) return true;
  const probe = pa.replace(/:\w+\??/g, "1").replace(/\*\w*/g, "x");
  const probeB = pb.replace(/:\w+\??/g, "1").replace(/\*\w*/g, "x");
  return b.path.test(probe, true).matched || a.path.test(probeB, true).matched;
}

/** Hand-set headers: a reflected origin without Vary, `*` or a reflected origin with credentials. */
/**
 * A hand-written middleware that sets the CORS headers and passes every request on, the preflight
 * included, then an auth check on the same paths: the preflight carries no credentials
 * (https://fetch.spec.whatwg.org/#cors-preflight-fetch), so the check answers it 401/403 and the
 * browser refuses the call. Named at the auth check's line (where the preflight is refused).
 */
function handThenAuth(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if (app.corsUses.some((c) => c.layer.methods === null)) return;
  let hand: Layer | null = null;
  const walk = (stack: ExpressApp["app"], depth: number) => {
    for (const l of stack?.layers ?? []) {
      if (l.methods !== null) {
        // A route's `.all(guard)` (or `.options(guard)`) runs for the preflight too — Express's Route
        // runs `.all` handlers for every method (https://github.com/pillarjs/router/blob/master/lib/route.js,
        // `_handlesMethod`: `if (this.methods._all) return true`): an auth check there refuses it as an
        // app-wide one does (expressjs/express#2549's `.all(User.administratorOnly())`). Named at the guard.
        const guard =
          hand && l.methods.some((m) => m === "ALL" || m === "OPTIONS")
            ? l.handlers.find(
                (h): h is Extract<Middleware, { kind: "auth" | "fn" }> =>
                  h.kind === "auth" ||
                  (h.kind === "fn" &&
                    answersUnauthorized(h.node) &&
                    !branchesOnOptions(codeOf(app.text, h.node))),
              )
            : undefined;
        if (guard)
          push("preflight-to-auth", "error", guard.kind === "fn" ? (guard.site ?? guard.node) : guard.node, {
            key: "config.express.check.hand-then-auth",
            params: { line: (hand as Layer).line },
          });
        continue;
      }
      for (const h of l.handlers) {
        if (h.kind === "router" && depth < 4) walk(h.router, depth + 1);
        if (h.kind !== "fn") continue;
        const code = codeOf(app.text, h.node);
        if (!hand && /access-control-allow-origin/i.test(code) && !branchesOnOptions(code)) hand = l;
      }
      if (hand && hand !== l && answersFirst(l) === "auth")
        push("preflight-to-auth", "error", l.statement, {
          key: "config.express.check.hand-then-auth",
          params: { line: (hand as Layer).line },
        });
    }
  };
  walk(app.app, 0);
}

/** The first route path (with its routers' prefixes) that starts with `prefix`, or null. */
function routeUnder(stack: NonNullable<ExpressApp["app"]>, prefix: string): string | null {
  const walk = (st: typeof stack, at: string, depth: number): string | null => {
    for (const l of st.layers) {
      const here = `${at}${l.path.source === "*" || l.path.source === "/*" ? "" : l.path.source}`;
      if (l.methods !== null && here.startsWith(prefix)) return here;
      for (const h of l.handlers)
        if (h.kind === "router" && depth < 4) {
          const found = walk(h.router, l.methods === null ? here.replace(/\/\*$/, "") : at, depth + 1);
          if (found) return found;
        }
    }
    return null;
  };
  return walk(stack, "", 0);
}

/**
 * A middleware of the user's own ahead of an app-wide cors() that answers a preflight itself, with an
 * error (a method guard's 405, a 403): the browser sees that answer, without CORS headers, and never
 * gets to the cors() below it (https://fetch.spec.whatwg.org/#cors-preflight-fetch: the status must be
 * ok). Found by running the model on a PUT's preflight (to the first route that takes a method every
 * browser preflights, else "/"); named at the middleware's registration.
 */
function refusedBeforeCors(
  app: ExpressApp,
  stack: NonNullable<ExpressApp["app"]>,
  cors: Layer,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  const before = stack.layers.slice(0, stack.layers.indexOf(cors));
  if (!before.some((l) => l.methods === null && l.handlers.some((h) => h.kind === "fn"))) return;
  let path = "/";
  let method = "PUT";
  const find = (st: typeof stack, prefix: string, depth: number): boolean => {
    for (const l of st.layers) {
      const here = `${prefix}${l.path.source === "*" ? "" : l.path.source}`.replace(/\/+$/, "") || "/";
      const m = (l.methods ?? []).find((x) => ["PUT", "PATCH", "DELETE"].includes(x));
      if (m && l.handlers.every((h) => h.kind !== "router")) {
        path = here.replace(/:(\w+)(\([^)]*\))?\??/g, "1").replace(/\*/g, "x");
        method = m;
        return true;
      }
      for (const h of l.handlers)
        if (h.kind === "router" && depth < 4 && find(h.router, here, depth + 1)) return true;
    }
    return false;
  };
  find(stack, "", 0);
  let trace: Trace;
  try {
    trace = run(app, {
      method: "OPTIONS",
      url: `http://check.invalid${path.startsWith("/") ? path : `/${path}`}`,
      headers: [
        ["Origin", STRANGER_ORIGIN],
        ["Access-Control-Request-Method", method],
      ],
    });
  } catch (e) {
    if (e instanceof Unknown) return;
    throw e;
  }
  const by = trace.answeredBy?.layer;
  if (!by || !before.includes(by) || trace.corsRan.length > 0 || (trace.status >= 200 && trace.status < 300))
    return;
  // An auth check, static files or routes ahead: cors-after-auth (…-static, …-route) names it.
  if (answersFirst(by) !== null) return;
  push("preflight-refused-before-cors", "error", by.statement, {
    key: "config.express.check.refused-before-cors",
    params: { status: trace.status, method, line: cors.line },
  });
}

/** Code that tests the request's method against OPTIONS (`req.method === "OPTIONS"`), not a header listing it. */
function branchesOnOptions(code: string): boolean {
  return /method[^;\n]{0,24}["'`]OPTIONS["'`]|["'`]OPTIONS["'`][^;\n]{0,24}method/i.test(code);
}

/**
 * Fastify and Hono answer an OPTIONS that no route takes with 404 (neither answers OPTIONS by itself,
 * as Express does): a hook or middleware that sets the CORS headers by hand and never answers OPTIONS
 * leaves every preflight a 404, refused for its status — and PUT, PATCH, DELETE are always preflighted.
 */
function handNoPreflight(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if ((app.dialect !== "fastify" && app.dialect !== "hono") || app.corsUses.length > 0) return;
  const layers = allLayers(app);
  const methods = new Set(layers.flatMap((l) => l.methods ?? []));
  if (methods.has("OPTIONS") || methods.has("ALL")) return;
  const always = ["PUT", "PATCH", "DELETE"].filter((m) => methods.has(m));
  if (always.length === 0) return;
  for (const l of layers) {
    if (l.methods !== null) continue;
    const fn = l.handlers.find(
      (h) =>
        h.kind === "fn" &&
        /access-control-allow-origin/i.test(codeOf(app.text, h.node)) &&
        !branchesOnOptions(codeOf(app.text, h.node)),
    );
    if (fn)
      push("preflight-unanswered", "error", l.statement, {
        key: "config.express.check.hand-no-preflight",
        params: { methods: always.join(", "), server: app.dialect === "fastify" ? "Fastify" : "Hono" },
      });
  }
}

/**
 * Answers that skip the CORS headers set so far: a Fastify route writing `reply.raw.writeHead` (the
 * reply's headers, @fastify/cors' among them, are not sent: https://fastify.dev/docs/latest/Reference/Reply/#raw),
 * and a Koa route that throws past a hand-written middleware (ctx.onerror removes every header set
 * so far: https://github.com/koajs/koa/blob/master/lib/context.js).
 */
function thrownPastHand(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words, also?: number) => void,
): void {
  const text = app.text;
  const raws = app.dialect === "fastify" && app.corsUses.length > 0 ? rawWriteCalls(text, app.program) : [];
  for (const raw of raws) {
    const o = bare((bare(raw.callee) as t.MemberExpression).object) as t.MemberExpression;
    push("fastify-raw-skips-cors", "error", raw, {
      key: "config.fastify.check.raw-write",
      params: { reply: text.slice(o.object.start ?? 0, o.object.end ?? 0) },
    });
  }
  if (app.dialect !== "koa" || app.corsUses.length > 0 || catchesNext(text)) return;
  const calls: t.CallExpression[] = [];
  // Each call's innermost enclosing function: the middleware a header is set in.
  const within = new Map<t.Node, t.Function>();
  const visit = (n: t.Node, fn: t.Function | null) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      calls.push(n);
      if (fn) within.set(n, fn);
    }
    const inner = /Function(?:Declaration|Expression)$|^(?:Object|Class)Method$/.test(n.type)
      ? (n as t.Function)
      : fn;
    for (const c of childNodes(n)) visit(c, inner);
  };
  visit(app.program, null);
  const throws = calls.find((c) => /^\w+\.throw$/.test(text.slice(c.callee.start ?? 0, c.callee.end ?? 0)));
  const thrownAt = throws ? (throws.start ?? 0) : text.search(/\bthrow\s+new\s/);
  if (thrownAt < 0) return;
  const set = calls.find((c) => {
    const callee = bare(c.callee);
    const [a] = c.arguments;
    return (
      callee.type === "MemberExpression" &&
      propName(callee) === "set" &&
      a?.type === "StringLiteral" &&
      /^access-control-allow-origin$/i.test(a.value)
    );
  });
  // The middleware that sets it named too: it is what must keep its headers on a thrown error.
  const middleware = set ? within.get(set) : undefined;
  if (set)
    push(
      "koa-hand-headers-lost-on-throw",
      "warning",
      set,
      { key: "config.express.check.koa-thrown", params: { line: app.lineOf(thrownAt) } },
      middleware ? app.lineOf(middleware.start ?? 0) : undefined,
    );
}

/**
 * Hono: `c.header("Access-Control-Allow-Origin", …)` in a middleware before `await next()` is kept
 * apart until the Context makes its response, and a handler that returns a Response it made itself
 * (`return new Response(csv, {…})`) goes out without it: the `c.res` setter merges the old response's
 * headers only when there was one (https://github.com/honojs/hono/blob/v4.13.19/src/context.ts, `set
 * res`, `header`; model.ts honoOwnResponse). Named on the c.header() line, which `fix` turns into
 * `c.res.headers.set(…)`. Not where hono/cors runs too, or the middleware reads `c.res` first (either
 * makes the Context's response, which then carries the headers along).
 */
function honoLostHeaders(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if (app.dialect !== "hono" || !app.app || app.corsUses.length > 0) return;
  const layers = app.app.layers;
  const calls = (root: t.Node): t.CallExpression[] => {
    const found: t.CallExpression[] = [];
    const visit = (n: t.Node) => {
      if (n.type === "CallExpression") found.push(n);
      for (const c of childNodes(n)) visit(c);
    };
    visit(root);
    return found;
  };
  const ownResponse = (fn: t.Function): boolean => {
    let own = false;
    const visit = (n: t.Node, top: boolean) => {
      if (!top && /Function|Method/.test(n.type)) return;
      const value = n.type === "ReturnStatement" && n.argument ? bare(n.argument) : null;
      const made = value?.type === "AwaitExpression" ? bare(value.argument) : value;
      if (made?.type === "NewExpression" && isName(bare(made.callee), "Response")) own = true;
      for (const c of childNodes(n)) visit(c, false);
    };
    if (fn.body.type === "BlockStatement") visit(fn.body, true);
    else {
      const b = bare(fn.body);
      own = b.type === "NewExpression" && isName(bare(b.callee), "Response");
    }
    return own;
  };
  for (const mw of layers) {
    if (mw.methods !== null) continue;
    for (const h of mw.handlers) {
      if (h.kind !== "fn") continue;
      const [ctx, nextParam] = h.node.params;
      if (ctx?.type !== "Identifier" || nextParam?.type !== "Identifier") continue;
      const inside = calls(h.node.body);
      const next = inside.find((c) => isName(bare(c.callee), nextParam.name));
      if (!next) continue;
      const header = inside.find((c) => {
        const callee = bare(c.callee);
        const [name] = c.arguments;
        return (
          (c.start ?? 0) < (next.start ?? 0) &&
          callee.type === "MemberExpression" &&
          propName(callee) === "header" &&
          isName(bare(callee.object), ctx.name) &&
          name?.type === "StringLiteral" &&
          /^access-control-allow-origin$/i.test(name.value)
        );
      });
      if (!header) continue;
      const before = app.text.slice(h.node.body.start ?? 0, header.start ?? 0);
      const name = ctx.name.replace(/\$/g, "\\$");
      if (new RegExp(`(^|[^\\w$])${name}\\.res\\b`).test(before)) continue;
      const route = layers.find(
        (l) =>
          l.methods !== null &&
          mw.path.test(l.path.source, mw.prefix).matched &&
          l.handlers.some((r) => r.kind === "fn" && ownResponse(r.node)),
      );
      if (route)
        push("hono-header-lost-on-own-response", "error", header, {
          key: "config.express.check.hono-own-response",
          params: { line: route.line, c: ctx.name },
        });
    }
  }
}

/** Every registration of the app, its routers' and plugins' included (to 4 levels), in file order. */
function allLayers(app: ExpressApp): Layer[] {
  const layers: Layer[] = [];
  const walk = (stack: ExpressApp["app"], depth: number) => {
    for (const l of stack?.layers ?? []) {
      layers.push(l);
      for (const h of l.handlers) if (h.kind === "router" && depth < 4) walk(h.router, depth + 1);
    }
  };
  walk(app.app, 0);
  return layers;
}

/**
 * Hono: an `etag()` on paths hono/cors also answers, whose `retainedHeaders` leave out
 * Access-Control-Allow-Origin. A page that sends If-None-Match itself (a stored ETag, a data client's
 * revalidation) gets hono/etag's own 304, which keeps only its retained headers
 * (https://github.com/honojs/hono/blob/v4.13.19/src/middleware/etag/index.ts): no Allow-Origin, and
 * the browser refuses it — only a browser's own cache revalidation is spared the check
 * (https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/cors_url_loader.cc,
 * `is_revalidating`). A warning: whether a page sends the header is the page's. Named at the etag() call.
 */
function honoEtagDrops(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if (app.dialect !== "hono" || app.corsUses.length === 0) return;
  for (const l of allLayers(app)) {
    for (const h of l.handlers) {
      if (h.kind !== "etag" || !h.retained || h.retained.has("access-control-allow-origin")) continue;
      if (!app.corsUses.some((c) => overlaps(c.layer, l))) continue;
      push("hono-etag-drops-cors", "warning", h.node, {
        key: "config.express.check.hono-etag",
        params: { line: app.corsUses[0]?.layer.line ?? 0 },
      });
    }
  }
}

/**
 * Fastify: a route that hands `reply.raw` to another function (an auth library's node handler,
 * `toNodeHandler(auth)(req.raw, reply.raw)`). Where that function answers on the raw response, Node
 * sends what it wrote without the headers @fastify/cors put on the reply, which Fastify writes only
 * when it sends the reply itself (https://github.com/fastify/fastify/blob/v5.12.8/lib/reply.js
 * `safeWriteHead`). An error where the function is the file's and answers on it; a warning where it is
 * not read (an import), since libraries that take Node's response answer on it.
 */
function rawHandOffs(
  app: ExpressApp,
  reader: Reader,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if (app.dialect !== "fastify" || app.corsUses.length === 0) return;
  for (const l of allLayers(app)) {
    if (l.methods === null) continue;
    for (const h of l.handlers) {
      if (h.kind !== "fn") continue;
      const found = rawHandOffOf(reader, h.node);
      if (!found || found.answers === false) continue;
      push("fastify-raw-handoff-skips-cors", found.answers ? "error" : "warning", found.call, {
        key: found.answers ? "config.fastify.check.raw-handoff" : "config.fastify.check.raw-handoff-unread",
        params: { name: found.name, reply: found.reply },
      });
    }
  }
}

/**
 * Express: a hand-written middleware that sets the CORS headers and passes every request on, the
 * preflight included, and a catch-all after the routes (a not-found handler) that answers it. Express
 * answers an OPTIONS itself (200, an Allow list) only when it reaches the end of the router's stack
 * (https://github.com/expressjs/express/blob/4.x/lib/router/index.js, `sendOptionsResponse`), which a
 * catch-all that answers never lets it do: the preflight gets the catch-all's status, 404, and the
 * browser refuses it. Found by running the model on a preflight to the first route; named at the hand
 * middleware, where `fix` answers OPTIONS.
 */
function handPreflightFallsThrough(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  if (app.dialect !== "express" || !app.app || app.corsUses.length > 0) return;
  const stack = app.app;
  const hand = stack.layers.find(
    (l) =>
      l.methods === null &&
      l.handlers.some((h) => {
        if (h.kind !== "fn") return false;
        const code = codeOf(app.text, h.node);
        return /access-control-allow-origin/i.test(code) && !branchesOnOptions(code);
      }),
  );
  if (!hand) return;
  const route = stack.layers.find(
    (l) =>
      l.methods !== null &&
      !l.methods.includes("OPTIONS") &&
      stack.layers.indexOf(l) > stack.layers.indexOf(hand),
  );
  if (!route?.path.source.startsWith("/")) return;
  const path = route.path.source.replace(/:(\w+)(\([^)]*\))?\??/g, "1").replace(/\*/g, "x");
  let trace: Trace;
  try {
    trace = run(app, {
      method: "OPTIONS",
      url: `http://check.invalid${path}`,
      headers: [
        ["Origin", STRANGER_ORIGIN],
        ["Access-Control-Request-Method", "PUT"],
        ["Access-Control-Request-Headers", "content-type"],
      ],
    });
  } catch (e) {
    if (e instanceof Unknown) return;
    throw e;
  }
  const by = trace.answeredBy?.layer;
  if (!by || by === hand || (trace.status >= 200 && trace.status < 300)) return;
  const after = stack.layers.indexOf(by) > stack.layers.indexOf(route);
  // An auth check answers it: preflight-to-auth names that one.
  if (!after || by.methods !== null || answersFirst(by) === "auth") return;
  push("preflight-to-catch-all", "error", hand.statement, {
    key: "config.express.check.preflight-to-catch-all",
    params: { status: trace.status, path: route.path.source, line: by.line },
  });
}

function handChecks(
  app: ExpressApp,
  push: (code: string, s: "error" | "warning", n: t.Node, w: Words) => void,
): void {
  const sets: Array<{ name: string; value: t.Node; call: t.Node }> = [];
  const visit = (n: t.Node) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "CallExpression") {
      const c = bare(n.callee);
      const m = c.type === "MemberExpression" ? propName(c) : null;
      const [a, b] = n.arguments;
      if (m && ["setHeader", "header", "set", "append"].includes(m)) {
        if (a?.type === "StringLiteral" && b) sets.push({ name: a.value.toLowerCase(), value: b, call: n });
        // res.setHeader(name, "Content-Type", "Authorization"): one value is taken, the rest ignored
        // (Node's setHeader, Express's res.set/header and Koa's ctx.set take a name and one value).
        const extra = n.arguments.slice(2);
        if (a?.type === "StringLiteral" && /^access-control-/i.test(a.value) && extra.length > 0)
          push("header-extra-argument", "error", n, {
            key: "config.express.check.extra-argument",
            params: {
              name: a.value,
              method: m,
              extra: extra.map((x) => app.text.slice(x.start ?? 0, x.end ?? 0)).join(", "),
            },
          });
        if (a?.type === "ObjectExpression")
          for (const p of a.properties)
            if (p.type === "ObjectProperty") {
              const k =
                p.key.type === "StringLiteral" ? p.key.value : p.key.type === "Identifier" ? p.key.name : "";
              sets.push({ name: k.toLowerCase(), value: p.value, call: p });
            }
      }
    }
    for (const c of childNodes(n)) visit(c);
  };
  visit(app.program);
  const acao = sets.filter((s) => s.name === "access-control-allow-origin");
  // `true` as a boolean too: Express's res.set and Koa's ctx.set write String(value) (express
  // lib/response.js `res.set`, koa lib/response.js `set`), so the header reads "true".
  const creds = sets.find(
    (s) =>
      s.name === "access-control-allow-credentials" &&
      ((s.value.type === "StringLiteral" && s.value.value === "true") ||
        (s.value.type === "BooleanLiteral" && s.value.value)),
  );
  const vary =
    sets.some(
      (s) => s.name === "vary" && /origin/i.test(app.text.slice(s.value.start ?? 0, s.value.end ?? 0)),
    ) || /\.vary\(\s*["'`]origin/i.test(app.text);
  for (const s of acao) {
    const src = app.text.slice(s.value.start ?? 0, s.value.end ?? 0);
    const literal = s.value.type === "StringLiteral" ? s.value.value : null;
    if (literal === "*" && creds)
      push("wildcard-with-credentials", "error", s.call, {
        key: "config.check.wildcard-credentials",
        params: { line: app.lineOf(creds.call.start ?? 0) },
      });
    if (literal === "null") push("null-origin-allowed", "warning", s.call, { key: "config.check.null" });
    if (literal === null && /origin/i.test(src) && !vary)
      push("vary-origin-missing", "warning", s.call, { key: "config.check.vary" });
    if (literal !== null && /^https?:\/\/\S+[\s,]+\S/.test(literal))
      push("origin-list", "error", s.call, { key: "config.check.origin-list" });
    // "*/*", "all", "localhost:3000": neither "*", "null" nor an origin, which the CORS check
    // compares byte for byte (https://fetch.spec.whatwg.org/#cors-check): every answer refused.
    else if (
      literal !== null &&
      literal !== "*" &&
      literal !== "null" &&
      (literal.includes("*") || !literal.includes("://"))
    )
      push("origin-invalid", "error", s.call, {
        key: "config.express.check.origin-invalid",
        params: { value: JSON.stringify(literal) },
      });
    // The request's origin set without a test on it: any origin, with credentials.
    if (
      literal === null &&
      creds &&
      /^req\.(headers\.origin|headers\[["']origin["']\]|get\(["']origin["']\)|header\(["']origin["']\))$/i.test(
        src,
      )
    ) {
      const guarded = isGuarded(app.program, s.call);
      if (!guarded)
        push("reflected-with-credentials", "error", s.call, {
          key: "config.check.reflected-credentials",
          params: { line: app.lineOf(creds.call.start ?? 0) },
        });
    }
  }
}

/** The node sits inside an `if` (an allowlist test, as written). */
function isGuarded(program: t.Program, target: t.Node): boolean {
  let guarded = false;
  const visit = (n: t.Node, inIf: boolean) => {
    if (!n || typeof n !== "object") return;
    if (n === target) {
      guarded = inIf;
      return;
    }
    const here =
      inIf ||
      n.type === "IfStatement" ||
      n.type === "ConditionalExpression" ||
      n.type === "LogicalExpression";
    for (const c of childNodes(n)) visit(c, here);
  };
  visit(program, false);
  return guarded;
}

export type { CorsUse };
