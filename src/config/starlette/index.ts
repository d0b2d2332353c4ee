/**
 * FastAPI/Starlette apps with CORSMiddleware: reader, checker and patcher. The behaviour is
 * Starlette 0.26.1's (Debian 12's python3-starlette, behind python3-fastapi 0.92):
 * https://github.com/encode/starlette/blob/0.26.1/starlette/middleware/cors.py. A preflight is
 * answered by the middleware itself, 200 "OK" or 400 "Disallowed CORS origin, method, headers";
 * defaults: methods GET only, headers the four safelisted ones, max-age 600; `*` origins with
 * credentials reflect the origin on preflights and on requests that carry a cookie, and answer `*`
 * to one without (a credentialed fetch before any cookie is set: the browser refuses it).
 */
import type { Node } from "web-tree-sitter";
import { combinedHeader, type HeaderList, hasHeader } from "../../engine";
import { pyRegex } from "../django/settings";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { regexWithoutScheme } from "../origin-regex";
import { argInsert, displayInsert, joinedInsert, pyStr, quoteOf } from "../python/edit";
import type { PyVal } from "../python/values";
import { decoratedRoutes, headerNamesWritten } from "../python/written-headers";
import type { Allowance, Answer, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { ConfigSyntaxError } from "../types";
import { exposedNames, faultOf, type Judged, type RequestSpec, Unknowable, unsafeNames } from "../whatif";
import { type CorsSettings, corsSettings, type Mw, readApp, type StarletteApp } from "./app";

export interface StarletteConfig extends ReadConfig {
  format: "fastapi";
  app: StarletteApp;
}

export class StarletteSyntaxError extends ConfigSyntaxError {}

const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
const SAFELISTED = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];
const lower = (s: string) => s.toLowerCase();

export const PREFLIGHT_UNKNOWN = new Set([
  "config.starlette.unknown.middleware",
  "config.starlette.unknown.upstream-options",
]);

export function readStarlette(files: readonly ConfigFile[]): StarletteConfig {
  const file = files.at(-1) as ConfigFile;
  const app = readApp(file);
  const err = app.mod.error;
  if (err) throw new StarletteSyntaxError(file.path, err.line, err.text.slice(0, 120));
  return {
    format: "fastapi",
    app,
    notes: [],
    answer: (request) => answer(app, request),
    allowance: () => allowanceOf(app),
    check: () => checkStarlette(app),
  };
}

export function setsCors(config: StarletteConfig): boolean {
  return config.app.stack.some((m) => m.kind === "cors");
}

function settingsOf(m: Mw): CorsSettings {
  const s = corsSettings(m);
  if (!s.ok)
    throw new Unknowable({
      key: "config.starlette.unknown.value",
      params: { name: s.name, line: s.line, text: s.text },
    });
  return s.value;
}

function allowed(s: CorsSettings, origin: string): boolean {
  if (s.origins.includes("*")) return true;
  if (s.regex !== null) {
    // re.fullmatch
    const re = pyRegex(`(?:${s.regex})\\Z`);
    if (!re) throw new Unknowable({ key: "config.unknown.regex", params: { regex: s.regex, line: 0 } });
    if (re.test(origin)) return true;
  }
  return s.origins.includes(origin);
}

/**
 * TrustedHostMiddleware's test (starlette/middleware/trustedhost.py): the Host header without its
 * port, equal to an entry or ending with a `*.` entry's rest; `*` takes any. An entry written with a
 * port ("localhost:8000") never matches (the port is cut off the Host first).
 */
export function hostAllowed(m: Mw, host: string): boolean {
  const v = m.kwargs.get("allowed_hosts")?.value;
  if (!v) return false; // Starlette's default is ["*"], but CORS Lens reads only what is written.
  const items = v.t === "seq" ? v.items : [v];
  const unread = items.find((i) => i.t !== "str");
  if (unread)
    throw new Unknowable({
      key: "config.starlette.unknown.value",
      params: {
        name: "allowed_hosts",
        line: m.kwargs.get("allowed_hosts")?.at.line ?? m.line,
        text: unread.t === "unknown" ? unread.text.slice(0, 80) : "",
      },
    });
  const hosts = items.map((i) => (i as { v: string }).v);
  const h = host.split(":")[0] ?? "";
  return hosts.some((x) => x === "*" || x === h || (x.startsWith("*") && h.endsWith(x.slice(1))));
}

/** Who answers: the first middleware (outermost first) that answers, or CORSMiddleware, or the app. */
/** The line of the first route registered on the app itself (`@app.get(…)`), if any. */
function ownRoute(app: StarletteApp, name: string): number | null {
  // A router's routes are the app's own once it is included (`app.include_router(router)`): served
  // by the app's stack, unlike a mounted sub-application's.
  const owners = new Set([name]);
  for (const m of app.mod.text.matchAll(
    new RegExp(`^\\s*${name}\\.include_router\\(\\s*([A-Za-z_]\\w*)`, "gm"),
  ))
    if (m[1]) owners.add(m[1]);
  for (const d of app.body)
    for (const c of d?.type === "decorated_definition" ? d.namedChildren : [])
      if (
        c?.type === "decorator" &&
        ROUTE.test(c.text) &&
        owners.has(/^@\s*([A-Za-z_]\w*)\./.exec(c.text)?.[1] ?? "")
      )
        return c.startPosition.row + 1;
  return null;
}

function route(app: StarletteApp, url: URL): { cors: Mw | null; redirect: string | null; hosts?: Mw } {
  // Under a mounted sub-application with middleware of its own, its stack answers too, unread here.
  for (const sub of app.mounted)
    if (
      sub.middleware.length > 0 &&
      (url.pathname === sub.prefix || url.pathname.startsWith(`${sub.prefix.replace(/\/$/, "")}/`))
    )
      throw new Unknowable({
        key: "config.starlette.unknown.sub-app",
        params: { path: url.pathname, name: sub.name, prefix: sub.prefix, line: sub.line },
      });
  for (const m of app.stack) {
    if (m.kind === "passive") continue;
    if (m.kind === "hosts") {
      // Without allowed_hosts written, Starlette takes every host.
      if (!m.kwargs.has("allowed_hosts") || hostAllowed(m, url.host)) continue;
      return { cors: null, redirect: null, hosts: m };
    }
    if (m.kind === "https") {
      if (url.protocol === "http:")
        return { cors: null, redirect: `https://${url.hostname}${url.pathname}${url.search}` };
      continue;
    }
    if (m.kind === "cors") return { cors: m, redirect: null };
    // An `@app.middleware("http")` function that only passes the request on (timing, logging).
    if (m.close === null && !m.answers) continue;
    throw new Unknowable({
      key: "config.starlette.unknown.middleware",
      params: { name: m.name, line: m.line },
    });
  }
  return { cors: null, redirect: null };
}

function set(headers: Array<[string, string]>, name: string, value: string): void {
  for (let i = headers.length - 1; i >= 0; i--)
    if (lower((headers[i] as [string, string])[0]) === lower(name)) headers.splice(i, 1);
  headers.push([name, value]);
}

function addVary(headers: Array<[string, string]>): void {
  const vary = combinedHeader(headers, "vary");
  if (!vary) headers.push(["Vary", "Origin"]);
  else if (!vary.split(",").some((v) => lower(v.trim()) === "origin"))
    set(headers, "Vary", `${vary}, Origin`);
}

/** The preflight answer (preflight_response), and which checks refused it. */
export function preflight(
  s: CorsSettings,
  req: HopRequest,
): { status: number; headers: HeaderList; failures: string[] } {
  const origin = combinedHeader(req.headers, "origin") ?? "";
  const method = combinedHeader(req.headers, "access-control-request-method") ?? "";
  const asked = combinedHeader(req.headers, "access-control-request-headers");
  const allowAll = s.origins.includes("*");
  const methods = s.methods.includes("*") ? ALL_METHODS : s.methods;
  const explicit = !allowAll || s.credentials;
  const allowHeaders = [...new Set([...SAFELISTED, ...s.headers])].sort();
  const headers: Array<[string, string]> = [];
  if (explicit) headers.push(["Vary", "Origin"]);
  else headers.push(["Access-Control-Allow-Origin", "*"]);
  headers.push(["Access-Control-Allow-Methods", methods.join(", ")]);
  headers.push(["Access-Control-Max-Age", String(s.maxAge)]);
  if (!s.headers.includes("*")) headers.push(["Access-Control-Allow-Headers", allowHeaders.join(", ")]);
  if (s.credentials) headers.push(["Access-Control-Allow-Credentials", "true"]);
  const failures: string[] = [];
  if (allowed(s, origin)) {
    if (explicit) set(headers, "Access-Control-Allow-Origin", origin);
  } else failures.push("origin");
  if (!methods.includes(method)) failures.push("method");
  if (s.headers.includes("*") && asked !== null) set(headers, "Access-Control-Allow-Headers", asked);
  else if (asked !== null) {
    const known = allowHeaders.map(lower);
    if (asked.split(",").some((h) => !known.includes(lower(h).trim()))) failures.push("headers");
  }
  return { status: failures.length > 0 ? 400 : 200, headers, failures };
}

function answer(app: StarletteApp, req: HopRequest): Answer {
  try {
    return known(app, req);
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

function known(app: StarletteApp, req: HopRequest): Answer {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new Unknowable({ key: "config.unknown.url", params: { url: req.url } });
  }
  const assumed: Words[] = [];
  const r = route(app, url);
  if (r.redirect)
    return { kind: "known", status: 307, headers: [["Location", r.redirect]], fromUpstream: false, assumed };
  // PlainTextResponse("Invalid host header", status_code=400), before anything inside it.
  if (r.hosts)
    return {
      kind: "known",
      status: 400,
      headers: [["Content-Type", "text/plain; charset=utf-8"]],
      fromUpstream: false,
      assumed,
    };
  const origin = combinedHeader(req.headers, "origin");
  const isPreflight = req.method === "OPTIONS" && hasHeader(req.headers, "access-control-request-method");
  const upstream = req.upstream ?? null;
  const appStatus = (): number => {
    if (upstream?.status != null) return upstream.status;
    if (isPreflight)
      throw new Unknowable({
        key: "config.starlette.unknown.upstream-options",
        params: { path: url.pathname },
      });
    assumed.push({
      key: "config.starlette.assumed.route-200",
      params: { method: req.method, path: url.pathname },
    });
    return 200;
  };
  if (!r.cors || !origin) {
    const status = appStatus();
    return { kind: "known", status, headers: upstream?.headers ?? [], fromUpstream: true, assumed };
  }
  const s = settingsOf(r.cors);
  if (isPreflight) {
    const p = preflight(s, req);
    return { kind: "known", status: p.status, headers: p.headers, fromUpstream: false, assumed };
  }
  const status = appStatus();
  if (serverError(app, s, origin, upstream))
    return { kind: "known", status, headers: upstream?.headers ?? [], fromUpstream: true, assumed };
  const headers: Array<[string, string]> = (upstream?.headers ?? []).map(([n, v]) => [n, v]);
  const allowAll = s.origins.includes("*");
  if (allowAll) set(headers, "Access-Control-Allow-Origin", "*");
  if (s.credentials) set(headers, "Access-Control-Allow-Credentials", "true");
  if (s.expose.length > 0) set(headers, "Access-Control-Expose-Headers", s.expose.join(", "));
  const cookie = hasHeader(req.headers, "cookie");
  if ((allowAll && cookie) || (!allowAll && allowed(s, origin))) {
    set(headers, "Access-Control-Allow-Origin", origin);
    addVary(headers);
  }
  return { kind: "known", status, headers, fromUpstream: true, assumed };
}

/**
 * The app's handler for `Exception` (or 500): `@app.exception_handler(Exception)`,
 * `app.add_exception_handler(Exception, handler)` or FastAPI's `exception_handlers={Exception: …}`.
 * Starlette gives that one to ServerErrorMiddleware, outside every user middleware, and every other
 * key to ExceptionMiddleware, inside them
 * (https://github.com/encode/starlette/blob/0.26.1/starlette/applications.py#L82-L108): whatever it
 * answers, 404s too, goes out without CORSMiddleware's headers. `name`: the function (null when not
 * a plain name), `async`: whether it is an `async def` of this file (null when not found here).
 */
/**
 * The Exception/500 handler's function, or a function of the module it calls, when it sets
 * `x.headers["Access-Control-…"]` (or `x.headers.update({…})`) for some CORS headers and never
 * Access-Control-Allow-Origin: its line and the names it sets.
 */
function originlessCorsHelper(app: StarletteApp): { line: number; names: string[] } | null {
  const name = errorHandler(app)?.name;
  if (!name) return null;
  const defs = app.mod.tree.rootNode
    .descendantsOfType("function_definition")
    .filter((d): d is Node => d !== null && d.parent?.type !== "block");
  const defOf = (n: string) =>
    app.mod.tree.rootNode
      .descendantsOfType("function_definition")
      .find((d) => d?.childForFieldName("name")?.text === n && d.parent?.parent?.type !== "class_definition");
  const handler = defOf(name);
  if (!handler) return null;
  const called = new Set(
    handler
      .descendantsOfType("call")
      .map((c) => c?.childForFieldName("function"))
      .filter((f) => f?.type === "identifier")
      .map((f) => f?.text ?? ""),
  );
  const candidates = [handler, ...defs.filter((d) => called.has(d.childForFieldName("name")?.text ?? ""))];
  for (const def of candidates) {
    const body = def.childForFieldName("body")?.text ?? "";
    const names = new Set<string>();
    for (const m of body.matchAll(/\.headers\s*\[\s*(["'])(access-control-[\w-]+)\1\s*\]\s*=/gi))
      names.add((m[2] ?? "").toLowerCase());
    for (const u of body.matchAll(/\.headers\.update\(\s*\{([^}]*)\}/g))
      for (const m of (u[1] ?? "").matchAll(/(["'])(access-control-[\w-]+)\1\s*:/gi))
        names.add((m[2] ?? "").toLowerCase());
    if (names.size === 0 || names.has("access-control-allow-origin")) continue;
    return { line: def.startPosition.row + 1, names: [...names] };
  }
  return null;
}

export function errorHandler(
  app: StarletteApp,
): { line: number; name: string | null; async: boolean | null } | null {
  const isException = (n: Node | null | undefined) =>
    n != null && /^(?:builtins\.)?Exception$|^500$/.test(n.text.trim());
  const found = (line: number, fn: Node | null | undefined) => {
    const name = fn?.type === "identifier" ? fn.text : null;
    const def = name
      ? app.mod.tree.rootNode
          .descendantsOfType("function_definition")
          .find((d) => d?.childForFieldName("name")?.text === name)
      : undefined;
    return { line, name, async: def ? /^async\b/.test(def.text) : null };
  };
  for (const d of app.body) {
    if (!d) continue;
    if (d.type === "decorated_definition") {
      const dec = d.namedChildren.find(
        (c) =>
          c?.type === "decorator" &&
          /^@\s*[\w.]+\.exception_handler\s*\(\s*(?:Exception|500)\s*\)\s*$/.test(c.text),
      );
      if (dec)
        return found(dec.startPosition.row + 1, d.childForFieldName("definition")?.childForFieldName("name"));
    }
    for (const call of [d, ...d.descendantsOfType("call")]) {
      if (call?.type !== "call") continue;
      const fn = call.childForFieldName("function")?.text ?? "";
      const args = call.childForFieldName("arguments");
      const list = args
        ? args.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment")
        : [];
      if (/(^|\.)add_exception_handler$/.test(fn) && isException(list[0]))
        return found(call.startPosition.row + 1, list[1]);
      if (/(^|\.)(FastAPI|Starlette)$/.test(fn))
        for (const a of list) {
          if (a.type !== "keyword_argument" || a.childForFieldName("name")?.text !== "exception_handlers")
            continue;
          const dict = a.childForFieldName("value");
          for (const pair of dict?.type === "dictionary" ? dict.namedChildren : [])
            if (pair?.type === "pair" && isException(pair.childForFieldName("key")))
              return found(pair.startPosition.row + 1, pair.childForFieldName("value"));
        }
    }
  }
  return null;
}

/**
 * A recorded 500 without the Access-Control-Allow-Origin CORSMiddleware would have added: the
 * unhandled exception's answer, made by ServerErrorMiddleware, which Starlette puts outside every
 * user middleware (https://github.com/encode/starlette/blob/0.26.1/starlette/applications.py#L84-L107,
 * https://github.com/encode/starlette/issues/1116). With a handler for Exception (errorHandler), an
 * error of any status recorded so is that handler's answer, outside too. Unless a middleware inside
 * CORSMiddleware catches the exception.
 */
function serverError(
  app: StarletteApp,
  s: CorsSettings,
  origin: string,
  upstream: HopRequest["upstream"],
): boolean {
  if (upstream?.status == null || hasHeader(upstream.headers, "access-control-allow-origin")) return false;
  if (upstream.status !== 500 && (upstream.status < 400 || errorHandler(app) === null)) return false;
  if (!s.origins.includes("*") && !allowed(s, origin)) return false;
  return !errorsInside(app);
}

/** A middleware that answers what `call_next` raises runs inside CORSMiddleware (added before it). */
function errorsInside(app: StarletteApp): boolean {
  const at = app.stack.findIndex((m) => m.kind === "cors");
  return at >= 0 && app.stack.slice(at + 1).some((m) => m.catches);
}

/** The methods the app's routes serve that a browser preflights (all but GET and HEAD), with their line. */
function routeMethods(app: StarletteApp): Array<{ method: string; line: number }> {
  const out: Array<{ method: string; line: number }> = [];
  for (const d of app.body) {
    if (d?.type !== "decorated_definition") continue;
    for (const c of d.namedChildren) {
      if (c?.type !== "decorator") continue;
      const verb = /^@\s*[\w.]+\.(get|post|put|patch|delete)\s*\(/.exec(c.text)?.[1];
      const listed = /^@\s*[\w.]+\.api_route\s*\([\s\S]*\bmethods\s*=\s*\[([^\]]*)\]/.exec(c.text)?.[1];
      const methods = verb
        ? [verb.toUpperCase()]
        : [...(listed ?? "").matchAll(/["'](\w+)["']/g)].map((m) => (m[1] as string).toUpperCase());
      for (const method of methods)
        if (method !== "GET" && method !== "HEAD") out.push({ method, line: c.startPosition.row + 1 });
    }
  }
  // Starlette's own routing: `Route("/path", endpoint, methods=["GET", "POST"])` in a routes list
  // (https://www.starlette.io/routing/#http-routing); without `methods` a Route serves GET alone.
  for (const d of app.body)
    for (const call of d?.descendantsOfType("call") ?? []) {
      if (!call || !/^(\w+\.)?Route$/.test(call.childForFieldName("function")?.text ?? "")) continue;
      const listed = /\bmethods\s*=\s*[[(]([^\])]*)[\])]/.exec(call.text)?.[1];
      for (const m of (listed ?? "").matchAll(/["'](\w+)["']/g)) {
        const method = (m[1] as string).toUpperCase();
        if (method !== "GET" && method !== "HEAD") out.push({ method, line: call.startPosition.row + 1 });
      }
    }
  return out;
}

const ROUTE = /^@\s*[\w.]+\.(?:get|post|put|patch|delete|head|options|api_route|route)\s*\(/;

/**
 * A route that raises an exception no handler of ExceptionMiddleware (inside CORSMiddleware) takes:
 * not an HTTPException, not a class given to `exception_handler` (Exception and 500 go to
 * ServerErrorMiddleware, outside). Its 500 has no CORS headers.
 */
function uncaughtRaise(app: StarletteApp): { line: number; name: string } | null {
  const text = app.mod.text;
  const handled = new Set<string>();
  for (const m of text.matchAll(/\b(?:exception_handler|add_exception_handler)\s*\(\s*([\w.]+)/g)) {
    const name = (m[1] as string).split(".").at(-1) as string;
    if (name !== "Exception" && name !== "BaseException" && name !== "500") handled.add(name);
  }
  for (const d of app.body) {
    if (d?.type !== "decorated_definition") continue;
    if (!d.namedChildren.some((c) => c?.type === "decorator" && ROUTE.test(c.text))) continue;
    for (const r of d.descendantsOfType("raise_statement")) {
      const e = r?.namedChildren[0];
      if (!r || !e) continue;
      const callee = e.type === "call" ? (e.childForFieldName("function")?.text ?? "") : e.text;
      const name = callee.split(".").at(-1) ?? "";
      if (!/^[A-Za-z_]\w*$/.test(name) || /HTTPException$|^RequestValidationError$/.test(name)) continue;
      if (handled.has(name)) continue;
      return { line: r.startPosition.row + 1, name };
    }
  }
  return null;
}

function allowanceOf(app: StarletteApp): Allowance[] {
  const cors = app.stack.find((m) => m.kind === "cors");
  if (!cors) return [];
  const r = corsSettings(cors);
  if (!r.ok) return [];
  const s = r.value;
  const origins = s.origins.filter((o) => /^https?:\/\/[^/]+$/.test(o));
  if (s.origins.includes("*")) origins.push("https://other.example");
  if (origins.length === 0) return [];
  return ["/", "/api/x"].map((p) => ({
    url: `http://127.0.0.1:8000${p}`,
    origins,
    methods: (s.methods.includes("*") ? ALL_METHODS : s.methods).map((m) => m.toUpperCase()),
    headers: s.headers.filter((h) => h !== "*"),
    credentials: s.credentials,
  }));
}

function checkStarlette(app: StarletteApp): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const add = (code: string, severity: "error" | "warning", line: number, words: Words) =>
    out.push({ code, severity, file: app.file, line, words });
  const at = app.stack.findIndex((m) => m.kind === "cors");
  const cors = app.stack[at];
  if (!cors) {
    // CORSMiddleware on a mounted sub-application only: the served app's own routes get none.
    const own = app.app ? ownRoute(app, app.app.name) : null;
    for (const sub of app.mounted) {
      const m = sub.middleware.find((x) => x.kind === "cors");
      if (m && own !== null && app.app)
        add("starlette-cors-on-sub-app", "error", m.line, {
          key: "config.starlette.check.sub-app",
          params: { name: sub.name, prefix: sub.prefix, line: sub.line, app: app.app.name, route: own },
        });
    }
    // No CORSMiddleware anywhere and nothing else that could add CORS headers (no Access-Control-*
    // or "cors" in the module, the app handed to no function, no middleware imported from elsewhere),
    // while the app serves routes of its own: no answer carries Allow-Origin, and a preflight gets
    // FastAPI's 405, so every cross-origin call the page makes is refused. Named where the app is
    // made, where `fix` adds the middleware.
    const text = app.mod.text;
    const name = app.app?.name ?? "";
    const local = (n: string) =>
      new RegExp(`^[ \\t]*(?:class|def|async[ \\t]+def)[ \\t]+${n.split(".").at(-1)}\\b`, "m").test(text);
    if (
      app.app &&
      own !== null &&
      out.length === 0 &&
      app.mounted.every((m) => m.middleware.length === 0) &&
      // CORS set some way not read here: a header written by hand, a CORS package imported, a function
      // named for it called (`setup_cors(app)`). A setting merely named for it (`cors_origins`, never
      // passed to a middleware) sets nothing.
      !/access-control-/i.test(text) &&
      !/^[ \t]*(?:from|import)[ \t][^\n]*cors/im.test(text) &&
      !/\b\w*cors\w*[ \t]*\(/i.test(text) &&
      // Serving it (uvicorn.run(app), hypercorn's serve, Mangum, TestClient) adds nothing.
      [...text.matchAll(new RegExp(`([\\w.]+)\\s*\\(\\s*(?:[^()]*,\\s*)?${name}\\s*[,)]`, "g"))].every((m) =>
        /(^|\.)(run|serve|Mangum|TestClient)$/.test(m[1] ?? ""),
      ) &&
      app.stack.every((m) => m.kind !== "unknown" || local(m.name))
    )
      add("no-cors", "warning", app.app.stmt.line, {
        key: "config.starlette.check.no-cors",
        params: { name },
      });
    return out;
  }
  // TrustedHostMiddleware outside CORSMiddleware: an entry with a port never matches, and its 400
  // goes out without CORS headers (the browser reports a CORS error, preflights included).
  for (const m of app.stack.slice(0, at)) {
    const k = m.kind === "hosts" ? m.kwargs.get("allowed_hosts") : undefined;
    const items = k ? (k.value.t === "seq" ? k.value.items : [k.value]) : [];
    for (const i of items)
      if (i.t === "str" && /^[^:/\s]+:\d+$/.test(i.v)) {
        add("starlette-host-port", "error", k?.at.line ?? m.line, {
          key: "config.starlette.check.host-port",
          params: { value: i.v, host: i.v.replace(/:\d+$/, "") },
        });
        break;
      }
  }
  // Every middleware added after CORSMiddleware that can answer runs outside it (Starlette builds the
  // stack last-added-outermost: https://github.com/encode/starlette/blob/master/starlette/applications.py):
  // each is a line to move, so each is named (`also`), the outermost first.
  const outers = app.stack
    .slice(0, at)
    .filter((m) => m.kind === "unknown" && (m.answers || m.close !== null));
  const [outer, ...inner] = outers;
  if (outer) {
    out.push({
      code: "starlette-middleware-order",
      severity: "error",
      file: app.file,
      line: cors.line,
      words:
        inner.length === 0
          ? { key: "config.starlette.check.order", params: { name: outer.name, line: outer.line } }
          : {
              key: "config.starlette.check.order-several",
              params: {
                names: outers.map((m) => m.name).join(", "),
                lines: outers.map((m) => m.line).join(", "),
                line: outer.line,
              },
            },
      also: inner.map((m) => ({ file: app.file, line: m.line })),
    });
  }
  const raised = errorsInside(app) ? null : uncaughtRaise(app);
  // Named where the 500 is made when the file has a handler for Exception (it runs in
  // ServerErrorMiddleware, outside CORSMiddleware), else at CORSMiddleware.
  // At the handler, CORSMiddleware's line is the other half (what the 500 is sent outside of).
  const handlerLine = errorHandler(app)?.line ?? null;
  const besideCors =
    handlerLine !== null && handlerLine !== cors.line ? [{ file: app.file, line: cors.line }] : [];
  if (raised)
    out.push({
      code: "starlette-error-outside-cors",
      severity: "warning",
      file: app.file,
      line: handlerLine ?? cors.line,
      words:
        handlerLine !== null
          ? {
              key: "config.starlette.check.error-to-handler",
              params: { line: raised.line, name: raised.name, cors: cors.line },
            }
          : {
              key: "config.starlette.check.error-outside-cors",
              params: { line: raised.line, name: raised.name },
            },
      also: besideCors,
    });
  // `allow_methods=cors.allow_headers`: an option given another option's value.
  for (const [name, k] of cors.kwargs) {
    const written = app.mod.text.slice(k.at.start, k.at.end);
    const meant = OPTION_NAMES.includes(name) ? ownNamed(app, name, written) : null;
    if (meant)
      add("option-reads-other-option", "error", k.at.line, {
        key: "config.check.option-reads-other",
        params: { name, wrote: written, meant: meant.text },
      });
  }
  // A handler for Exception (or 500) runs in ServerErrorMiddleware, outside every middleware the app
  // adds (https://www.starlette.io/exceptions/#errors-and-handled-exceptions): what it answers has no
  // CORS headers. Said at its line when no route's raise was named there already.
  if (handlerLine !== null && !raised && !errorsInside(app))
    out.push({
      code: "starlette-handler-outside-cors",
      severity: "warning",
      file: app.file,
      line: handlerLine,
      words: { key: "config.starlette.check.handler-outside-cors" },
      also: besideCors,
    });
  // The error handler's own CORS lines (in it, or in a function of the file it calls) that set
  // Access-Control-* headers but not Allow-Origin, the one the browser's CORS check reads first
  // (https://fetch.spec.whatwg.org/#cors-check): the answer stays unreadable. Named at that function.
  const originless = handlerLine !== null ? originlessCorsHelper(app) : null;
  if (originless)
    add("cors-headers-without-allow-origin", "error", originless.line, {
      key: "config.starlette.check.no-allow-origin",
      params: { names: originless.names.join(", "), line: handlerLine ?? 0 },
    });
  // An exception handler that raises: the new exception is not handled again, it goes on to
  // ServerErrorMiddleware, whose 500 is sent without CORS headers.
  for (const d of app.body) {
    if (d?.type !== "decorated_definition") continue;
    if (
      !d.namedChildren.some(
        (c) => c?.type === "decorator" && /^@\s*[\w.]+\.exception_handler\s*\(/.test(c.text),
      )
    )
      continue;
    const r = d.descendantsOfType("raise_statement")[0];
    if (r && r.namedChildren.length > 0)
      add("starlette-handler-raises", "error", r.startPosition.row + 1, {
        key: "config.starlette.check.handler-raises",
      });
  }
  const r = corsSettings(cors);
  if (!r.ok) return out;
  const s = r.value;
  const kw = (n: string) => cors.kwargs.get(n)?.at.line ?? cors.line;
  // Named where the "*" is written: a module-level list (`os.getenv("X", "*").split(",")`) above
  // the middleware is the line to change.
  const origins = cors.kwargs.get("allow_origins")?.value;
  const star = origins?.t === "seq" ? origins.items.find((i) => i.t === "str" && i.v === "*") : undefined;
  if (s.origins.includes("*") && s.credentials)
    add("starlette-any-origin-credentials", "error", star?.at.line ?? kw("allow_origins"), {
      key: "config.starlette.check.any-credentials",
    });
  if (s.credentials && s.regex !== null && /^\^?(\.\*|\.\+)\$?$/.test(s.regex))
    add("starlette-any-origin-credentials", "warning", kw("allow_origin_regex"), {
      key: "config.starlette.check.any-regex-credentials",
      params: { regex: s.regex },
    });
  // A route's method CORSMiddleware refuses on the preflight (PUT, PATCH, DELETE; POST: FastAPI's
  // bodies are JSON, which is preflighted too).
  if (!s.methods.includes("*")) {
    const route = routeMethods(app).find((r) => !s.methods.map((m) => m.toUpperCase()).includes(r.method));
    if (route)
      add("starlette-route-method", "warning", kw("allow_methods"), {
        key: "config.starlette.check.route-method",
        params: { method: route.method, line: route.line, methods: s.methods.join(", ") },
      });
  }
  const list = cors.kwargs.get("allow_origins")?.value;
  // Origins split on ":" (os.pathsep): named once, at the split, rather than at each piece.
  const cut = colonCut(list);
  if (cut && list?.t === "seq")
    add("starlette-origin-colon-split", "error", list.joined?.call?.line ?? list.at.line, {
      key: "config.starlette.check.colon-split",
      params: { pieces: cut.pieces.join(", "), origins: cut.meant.join(", ") },
    });
  if (list?.t === "seq" && !cut)
    for (const item of list.items) {
      if (item.t !== "str") continue;
      if (item.v === "null")
        add("starlette-null-origin", "warning", item.at.line, { key: "config.django.check.null" });
      // " https://b.example" from `"a, b".split(",")`: named at the split, where it is stripped.
      else if (item.v !== item.v.trim() && /^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(item.v.trim()))
        add("starlette-origin-space", "error", list.joined?.call?.line ?? item.at.line, {
          key: "config.starlette.check.origin-space",
          params: { origin: item.v.trim() },
        });
      else if (item.v !== "*" && !/^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(item.v))
        add("starlette-origin-form", "error", item.at.line, {
          key: "config.starlette.check.origin-form",
          params: { origin: item.v },
        });
    }
  // Starlette matches allow_origin_regex with re.fullmatch: anchored at both ends.
  if (s.regex !== null && regexWithoutScheme(s.regex, true))
    add("starlette-regex-no-scheme", "error", kw("allow_origin_regex"), {
      key: "config.check.regex-no-scheme",
      params: { regex: s.regex },
    });
  if (s.regex !== null && /(^|[^\\])\.[A-Za-z0-9]/.test(s.regex.replace(/\\\\/g, "")))
    add("starlette-regex-dot", "error", kw("allow_origin_regex"), {
      key: "config.django.check.regex-dot",
      params: { regex: s.regex },
    });
  return out;
}

/**
 * A list split on ":" (`value.split(os.pathsep)`, reflex-dev/reflex#6066) from a string of URLs: each
 * origin is cut at its scheme ("http", "//localhost", "3000"), so none of its pieces is ever an Origin.
 * The origins the string meant (split on commas instead), or null when the list is not such a split.
 */
export function colonCut(v: PyVal | undefined): { meant: string[]; pieces: string[] } | null {
  if (v?.t !== "seq" || v.joined?.sep !== ":" || v.joined.text === undefined) return null;
  const pieces = v.items.map((i) => (i.t === "str" ? i.v : null));
  const cut = pieces.some(
    (p, i) => p !== null && /^[a-z][a-z0-9+.-]*$/i.test(p) && (pieces[i + 1] ?? "").startsWith("//"),
  );
  if (!cut) return null;
  const meant = v.joined.text
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  return { meant, pieces: pieces.filter((p): p is string => p !== null) };
}

const OPTION_NAMES = ["allow_origins", "allow_methods", "allow_headers", "expose_headers"];

/**
 * The value of a keyword written as another CORS option's name (`allow_methods=cors.allow_headers`,
 * `allow_headers=ALLOW_METHODS`), with the name of its own option in its place when the module
 * binds that name: what the line meant to read. Null when the value is not such a name.
 */
export function ownNamed(
  app: StarletteApp,
  kwarg: string,
  written: string,
): { text: string; value: PyVal } | null {
  const m =
    /^((?:[A-Za-z_][A-Za-z0-9_]*\.)*)((?:cors_)?)(allow_origins|allow_methods|allow_headers|expose_headers)$/i.exec(
      written.trim(),
    );
  if (!m || !OPTION_NAMES.includes(kwarg)) return null;
  const other = (m[3] ?? "").toLowerCase();
  if (other === kwarg) return null;
  const own = (m[3] ?? "") === (m[3] ?? "").toUpperCase() ? kwarg.toUpperCase() : kwarg;
  const text = `${m[1]}${m[2]}${own}`;
  const parts = text.split(".");
  let v: PyVal | undefined = app.mod.names.get(parts[0] ?? "")?.value;
  for (const part of parts.slice(1)) v = v?.t === "obj" ? v.attrs.get(part) : undefined;
  return v && v.t === "seq" ? { text, value: v } : null;
}

/** A list value that has every one of the values (or `*`). */
function covers(v: PyVal, values: string[]): boolean {
  if (v.t !== "seq") return false;
  const have = v.items.flatMap((x) => (x.t === "str" ? [x.v.toLowerCase()] : []));
  return have.includes("*") || values.every((x) => have.includes(x.toLowerCase()));
}

class Patcher extends EditList {
  readonly cannotAll: Words[] = [];
  constructor(private readonly app: StarletteApp) {
    super(new Map([[app.file, app.mod.text]]));
  }

  private get file(): string {
    return this.app.file;
  }

  /** Adds values to a list keyword (created before the closing parenthesis when absent). */
  extend(
    m: Mw,
    kwarg: string,
    values: string[],
    fallback: string[] = [],
    why: Words = { key: "config.starlette.fix.list", params: { name: kwarg, values: values.join(", ") } },
  ): void {
    if (values.length === 0) return;
    const text = this.text(this.file);
    const k = m.kwargs.get(kwarg);
    const key = `list:${kwarg}`;
    if (!k) {
      if (!m.close) return;
      const q = quoteOf(text);
      const items = [...fallback, ...values].map((v) => pyStr(v, q)).join(", ");
      this.insertKwarg(m, key, `${kwarg}=[${items}]`, why);
      return;
    }
    // `allow_methods=cors.allow_headers`: the option reads another option's value, and the same
    // object has one of its own name that allows what is asked: that one is what was meant.
    const meant = ownNamed(this.app, kwarg, text.slice(k.at.start, k.at.end));
    if (meant && covers(meant.value, values)) {
      this.push(key, {
        file: this.file,
        start: k.at.start,
        end: k.at.end,
        text: meant.text,
        why: {
          key: "config.starlette.fix.own-option",
          params: {
            name: kwarg,
            wrote: text.slice(k.at.start, k.at.end),
            meant: meant.text,
            line: k.at.line,
          },
        },
      });
      return;
    }
    const v = k.value;
    // The list is made where this reader cannot add to it for this option alone (a split made in a
    // helper every setting goes through, already corrected): the values listed beside it, at the
    // option. Starlette tests `"*" in allow_origins` and `origin in allow_origins`
    // (https://github.com/encode/starlette/blob/master/starlette/middleware/cors.py), so a list of
    // every entry read plus the new ones allows what the old one did, and those.
    // A value added inside a string split on a separator it holds (":" of "https://…") would be cut
    // by the split too: listed beside it instead.
    const cutToo =
      v.t === "seq" && v.joined && !v.joined.after && values.some((x) => x.includes(v.joined?.sep ?? ","));
    if (v.t === "seq" && (this.besideAt.has(kwarg) || cutToo)) {
      this.push(key, {
        file: this.file,
        start: k.at.start,
        end: k.at.end,
        text: `[*${text.slice(k.at.start, k.at.end)}, ${values.map((x) => pyStr(x, quoteOf(text))).join(", ")}]`,
        why: {
          key: "config.starlette.fix.beside",
          params: { name: kwarg, values: values.join(", "), line: k.at.line },
        },
      });
      return;
    }
    if (v.t === "seq" && v.display) {
      for (const e of displayInsert(text, v.display, values))
        this.push(e.part === "comma" ? `${key}:comma` : key, {
          file: this.file,
          start: e.at,
          end: e.at,
          text: e.text,
          why,
        });
      return;
    }
    if (v.t === "seq" && v.joined) {
      const { start, end, text } = joinedInsert(v.joined, values);
      this.push(key, { file: this.file, start, end, text, why });
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name: kwarg, line: k.at.line } });
  }

  /** Options whose new values go beside the value read, at the option (see extend). */
  private readonly besideAt = new Set<string>();

  /**
   * Origins split on ":" (`[item for item in value.split(os.pathsep) if item]`, reflex-dev/reflex#6066):
   * every origin is cut at its scheme, so the list never matched an Origin header. The split is
   * corrected where it is written, for the deployed value too: a value holding "://" (a list of URLs)
   * is split on commas, each entry stripped, as reflex-dev/reflex#6067 does for the CORS setting;
   * any other value is split on ":" as before (a helper every setting goes through keeps its paths).
   * Returns the origins left to add (listed beside the value, at allow_origins).
   */
  colonSplit(m: Mw, origins: string[]): string[] {
    const v = m.kwargs.get("allow_origins")?.value;
    const call = v?.t === "seq" ? v.joined?.call : undefined;
    const cut = colonCut(v);
    if (!cut || !call || call.file || origins.length === 0) return origins;
    const text = this.text(this.file);
    const written = text.slice(call.start, call.end);
    const obj = /^([A-Za-z_][\w.]*)\s*\.\s*split\s*\(/.exec(written)?.[1];
    if (!obj) return origins;
    const q = quoteOf(text);
    this.push(`colon:${call.start}`, {
      file: this.file,
      start: call.start,
      end: call.end,
      text: `([o.strip() for o in ${obj}.split(${pyStr(",", q)})] if ${pyStr("://", q)} in ${obj} else ${written})`,
      why: {
        key: "config.starlette.fix.colon-split",
        params: { line: call.line, pieces: cut.pieces.join(", ") },
      },
    });
    this.besideAt.add("allow_origins");
    return origins.filter((o) => !cut.meant.includes(o));
  }

  /**
   * Origins split from one string keeping the spaces after the commas (`raw.split(",")` of "a, b"):
   * Starlette compares each with the Origin whole, so " https://b.example" never matches. The split
   * is stripped where it is written (`[o.strip() for o in raw.split(",")]`), for the deployed value
   * too. Returns the origins left to add.
   */
  spaced(m: Mw, origins: string[]): string[] {
    const v = m.kwargs.get("allow_origins")?.value;
    const call = v?.t === "seq" ? v.joined?.call : undefined;
    if (v?.t !== "seq" || !call || call.file) return origins;
    const spaced = (o: string) => v.items.some((i) => i.t === "str" && i.v !== o && i.v.trim() === o);
    if (!origins.some(spaced)) return origins;
    const text = this.text(this.file);
    this.push(`strip:${call.start}`, {
      file: this.file,
      start: call.start,
      end: call.end,
      text: `[o.strip() for o in ${text.slice(call.start, call.end)}]`,
      why: { key: "config.starlette.fix.strip", params: { line: call.line } },
    });
    return origins.filter((o) => !spaced(o));
  }

  /**
   * An origin written with a trailing slash ("https://a.example/"), where the page's origin is the
   * same without it: the literal is fixed where it is written (the module-level list a
   * comprehension reads too). It never matched (an Origin has no path), so nothing is narrowed.
   * Returns the origins left to add.
   */
  slashed(m: Mw, origins: string[]): string[] {
    const v = m.kwargs.get("allow_origins")?.value;
    if (v?.t !== "seq") return origins;
    const text = this.text(this.file);
    return origins.filter((origin) => {
      const item = v.items.find((i) => i.t === "str" && i.v !== origin && i.v.replace(/\/+$/, "") === origin);
      if (item?.t !== "str" || !/^[rRuU]*["']/.test(text.slice(item.at.start, item.at.end))) return true;
      this.push(`slash:${item.at.start}`, {
        file: this.file,
        start: item.at.start,
        end: item.at.end,
        text: `${item.prefix.replace(/[rR]/g, "")}${pyStr(origin, item.quote[0])}`,
        why: { key: "config.starlette.fix.slash", params: { value: item.v, origin } },
      });
      return false;
    });
  }

  /**
   * allow_origins=["*"] with allow_credentials=True becomes allow_origin_regex=".*" (the other
   * origins kept): Starlette answers `*` to a request without a cookie, which browsers refuse for a
   * credentialed one, and reflects the origin only when a cookie comes; a regex reflects each origin
   * always (https://github.com/encode/starlette/blob/0.26.1/starlette/middleware/cors.py#L149-L172).
   * What was allowed stays allowed; the any-origin credentials stay what the app asked for.
   */
  anyOrigin(m: Mw): void {
    const k = m.kwargs.get("allow_origins");
    const d = k?.value.t === "seq" ? k.value.display : null;
    const star = d?.elements.find((e) => /^[rRuU]*(["'])\*\1$/.test(e.text));
    if (!k || !d || !star || m.kwargs.has("allow_origin_regex") || !m.close) {
      this.cannotAll.push({ key: "config.starlette.cannot.all-credentials" });
      return;
    }
    const text = this.text(this.file);
    const q = quoteOf(text, d);
    const regex = `allow_origin_regex=${pyStr(".*", q)}`;
    const why: Words = { key: "config.starlette.fix.any-origin", params: { line: k.at.line } };
    if (d.elements.length === 1 && k.at.start === d.open.start) {
      this.push("any-origin", { file: this.file, start: k.arg.start, end: k.arg.end, text: regex, why });
      return;
    }
    const i = d.elements.indexOf(star);
    const next = d.elements[i + 1];
    const prev = d.elements[i - 1];
    const [start, end] = next
      ? [star.start, next.start]
      : prev
        ? [prev.end, star.end]
        : [star.start, star.end];
    this.push("any-origin:star", { file: this.file, start, end, text: "", why });
    this.insertKwarg(m, "any-origin", regex, why);
  }

  /** A keyword argument added as the call writes its arguments (one a line or inline). */
  private insertKwarg(m: Mw, key: string, arg: string, why: Words): void {
    if (!m.close) return;
    for (const e of argInsert(this.text(this.file), m.args, m.close, arg))
      this.push(e.part === "comma" ? "kwarg:comma" : key, {
        file: this.file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
  }

  /**
   * An `@app.middleware("http")` that answers an unhandled exception with the same 500
   * ServerErrorMiddleware sends (and logs it as uvicorn does), added just above the
   * `add_middleware(CORSMiddleware, …)` line: added before it, it runs inside it, so the 500 gets
   * CORS headers (https://github.com/encode/starlette/issues/1116).
   */
  errorsInside(m: Mw): void {
    const text = this.text(this.file);
    const owner = /^\s*([A-Za-z_][\w.]*)\.add_middleware\b/.exec(text.slice(m.stmt.start, m.stmt.end))?.[1];
    if (!m.added || !owner) {
      this.cannotAll.push({ key: "config.starlette.cannot.server-error", params: { line: m.line } });
      return;
    }
    // With a handler for Exception, the exception is answered by that handler, as
    // ServerErrorMiddleware did (awaited, or in the thread pool when it is a plain def:
    // https://github.com/encode/starlette/blob/0.26.1/starlette/middleware/errors.py#L162-L176).
    const handler = errorHandler(this.app);
    if (handler && handler.name === null) {
      this.cannotAll.push({ key: "config.starlette.cannot.server-error", params: { line: m.line } });
      return;
    }
    const why: Words = handler
      ? { key: "config.starlette.fix.handler-inside", params: { line: m.line, handler: handler.line } }
      : { key: "config.starlette.fix.server-error", params: { line: m.line } };
    const q = quoteOf(text);
    const names = this.app.mod.names;
    let name = "errors_inside_cors";
    for (let i = 2; names.has(name) || text.includes(`def ${name}(`); i++) name = `errors_inside_cors_${i}`;
    const at = lineStart(text, m.stmt.start);
    // Inside an application factory, at the registration's indentation.
    const indent = indentAt(text, m.stmt.start);
    this.push("errors:def", {
      file: this.file,
      start: at,
      end: at,
      text: [
        `@${owner}.middleware(${pyStr("http", q)})`,
        `async def ${name}(request, call_next):`,
        ...(handler?.name
          ? [
              `    # ${handler.name} (line ${handler.line}) answers exceptions in ServerErrorMiddleware, outside`,
              "    # CORSMiddleware, without CORS headers: called here, inside it. https://github.com/encode/starlette/issues/1116",
              "    try:",
              "        return await call_next(request)",
              "    except Exception as exc:",
              `        logging.getLogger(${pyStr("uvicorn.error", q)}).exception(${pyStr("Exception in ASGI application", q)})`,
              handler.async === true
                ? `        return await ${handler.name}(request, exc)`
                : handler.async === false
                  ? `        return await run_in_threadpool(${handler.name}, request, exc)`
                  : `        response = ${handler.name}(request, exc)`,
              ...(handler.async === null
                ? ["        return await response if inspect.isawaitable(response) else response"]
                : []),
            ]
          : [
              "    # An unhandled exception's 500 is made outside CORSMiddleware (ServerErrorMiddleware),",
              "    # without CORS headers: answered here, inside it. https://github.com/encode/starlette/issues/1116",
              "    try:",
              "        return await call_next(request)",
              "    except Exception:",
              `        logging.getLogger(${pyStr("uvicorn.error", q)}).exception(${pyStr("Exception in ASGI application", q)})`,
              `        return PlainTextResponse(${pyStr("Internal Server Error", q)}, status_code=500)`,
            ]),
        "",
        "",
        "",
      ]
        .map((l) => (l ? `${indent}${l}` : l))
        .join("\n"),
      why,
    });
    const imports = this.app.mod.imports;
    const lines: string[] = [];
    // `import logging` (alone, or among others) already at the top level.
    const importsModule = (name: string) =>
      new RegExp(`^import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${name}[ \\t]*(?:,|#|$)`, "m").test(text);
    if (!importsModule("logging")) lines.push("import logging");
    if (!handler && imports.get("PlainTextResponse")?.name !== "PlainTextResponse")
      lines.push("from starlette.responses import PlainTextResponse");
    if (handler?.async === false && imports.get("run_in_threadpool")?.name !== "run_in_threadpool")
      lines.push("from starlette.concurrency import run_in_threadpool");
    if (handler?.async === null && !importsModule("inspect")) lines.push("import inspect");
    if (lines.length === 0) return;
    let line = 0;
    for (let l = 0; l < this.app.mod.importsEnd; l++) line = afterLine(text, line);
    this.push("errors:import", {
      file: this.file,
      start: line,
      end: line,
      text: `${lines.join("\n")}\n`,
      why,
    });
  }

  credentials(m: Mw): void {
    const why: Words = { key: "config.starlette.fix.credentials" };
    const k = m.kwargs.get("allow_credentials");
    if (k) this.push("credentials", { file: this.file, start: k.at.start, end: k.at.end, text: "True", why });
    else if (m.close) this.insertKwarg(m, "credentials", "allow_credentials=True", why);
  }

  /** CORSMiddleware registered last (so it runs first), or added there when missing. */
  outermost(origin: string | null): void {
    const text = this.text(this.file);
    const regs = this.app.registrations;
    const cors = regs.find((m) => m.kind === "cors");
    const others = regs.filter((m) => m !== cors);
    const lastOther = others.at(-1);
    if (cors) {
      if (!lastOther || lastOther.stmt.start < cors.stmt.start) {
        this.cannotAll.push({ key: "config.starlette.cannot.order", params: { line: cors.line } });
        return;
      }
      const why: Words = {
        key: "config.starlette.fix.move",
        params: { line: cors.line, name: lastOther.name },
      };
      const from = text.lastIndexOf("\n", cors.stmt.start - 1) + 1;
      const to = afterLine(text, cors.stmt.end);
      const stmt = text.slice(from, to);
      this.push("move:remove", { file: this.file, start: from, end: to, text: "", why });
      const at = afterLine(text, lastOther.stmt.end);
      this.push("move:add", {
        file: this.file,
        start: at,
        end: at,
        text: `\n${stmt.endsWith("\n") ? stmt : `${stmt}\n`}`,
        why,
      });
      return;
    }
    if (this.app.stack.some((m) => m.kind === "cors")) {
      this.cannotAll.push({ key: "config.starlette.cannot.order", params: { line: 0 } });
      return;
    }
    const app = this.app.app;
    if (!app || origin === null) {
      this.cannotAll.push({ key: "config.starlette.cannot.no-app" });
      return;
    }
    const q = quoteOf(text);
    // CORS written from nothing exposes nothing: the headers the routes write (a list's X-Total-Count)
    // would no longer reach the page's script (../python/written-headers.ts).
    const expose = exposedNames(
      decoratedRoutes(this.app.mod).flatMap((fn) => headerNamesWritten(fn, this.app.mod)),
    );
    const why: Words =
      expose.length > 0
        ? { key: "config.starlette.fix.add-expose", params: { expose: expose.join(", ") } }
        : { key: "config.starlette.fix.add" };
    const after = lastOther && lastOther.stmt.start > app.stmt.start ? lastOther.stmt.end : app.stmt.end;
    const at = afterLine(text, after);
    const imported = [...this.app.mod.imports.entries()].some(([n]) => n === "CORSMiddleware");
    if (!imported) {
      let line = 0;
      for (let l = 0; l < this.app.mod.importsEnd; l++) line = afterLine(text, line);
      this.push("add:import", {
        file: this.file,
        start: line,
        end: line,
        text: "from fastapi.middleware.cors import CORSMiddleware\n",
        why,
      });
    }
    this.push("add", {
      file: this.file,
      start: at,
      end: at,
      text: `\n${indentAt(text, app.stmt.start)}${app.name}.add_middleware(CORSMiddleware, allow_origins=[${pyStr(origin, q)}]${expose.length > 0 ? `, expose_headers=[${expose.map((n) => pyStr(n, q)).join(", ")}]` : ""})\n`,
      why,
    });
  }
}

function patchStarlette(
  config: StarletteConfig,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const app = config.app;
  const p = new Patcher(app);
  const origins = new Set<string>();
  const methods = new Set<string>();
  const headers = new Set<string>();
  let credentials = false;
  const asked: string[] = [];
  for (const { spec, judged } of failing) {
    const unknownKey = typeof judged.unknown === "object" ? judged.unknown?.key : undefined;
    try {
      if (unknownKey && PREFLIGHT_UNKNOWN.has(unknownKey)) {
        p.outermost(spec.origin);
        asked.push(spec.id);
        continue;
      }
      const fault = faultOf(spec, judged);
      if (!fault) continue;
      const cors = app.stack.find((m) => m.kind === "cors");
      const rec = spec.recorded?.actual ?? null;
      if (
        cors &&
        rec &&
        judged.cause?.stage !== "preflight" &&
        corsSettings(cors).ok &&
        serverError(app, settingsOf(cors), spec.origin, rec)
      ) {
        p.errorsInside(cors);
        asked.push(spec.id);
        continue;
      }
      if (!("hop" in fault)) {
        p.cannot.set(spec.id, fault);
        continue;
      }
      const r = route(app, new URL(fault.request.url));
      // TrustedHostMiddleware refuses the host the page called: that host joins allowed_hosts.
      if (r.hosts) {
        const host = new URL(fault.request.url).hostname;
        p.extend(r.hosts, "allowed_hosts", [host], [], {
          key: "config.starlette.fix.host",
          params: { host, line: r.hosts.line },
        });
        asked.push(spec.id);
        continue;
      }
      if (!r.cors) {
        if (r.redirect)
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: fault.cause.code } });
        else {
          p.outermost(spec.origin);
          asked.push(spec.id);
        }
        continue;
      }
      const s = settingsOf(r.cors);
      const wantsOrigin = () => {
        if (!allowed(s, spec.origin)) origins.add(spec.origin);
      };
      const wantsMethod = () => {
        if (!(s.methods.includes("*") ? ALL_METHODS : s.methods).includes(spec.method))
          methods.add(spec.method);
      };
      const wantsHeaders = () => {
        if (s.headers.includes("*")) return;
        const known = [...SAFELISTED, ...s.headers].map(lower);
        for (const h of unsafeNames(spec)) if (!known.includes(lower(h))) headers.add(lower(h));
      };
      switch (fault.cause.code) {
        case "preflight-status-not-ok":
        case "missing-allow-origin":
          if (s.origins.includes("*") && spec.credentials === "include") {
            p.cannot.set(spec.id, { key: "config.starlette.cannot.all-credentials" });
            break;
          }
          wantsOrigin();
          wantsMethod();
          wantsHeaders();
          if (spec.credentials === "include" && !s.credentials) credentials = true;
          asked.push(spec.id);
          break;
        case "method-not-allowed":
          wantsMethod();
          asked.push(spec.id);
          break;
        case "header-not-allowed":
          wantsHeaders();
          asked.push(spec.id);
          break;
        case "allow-credentials-not-true":
        case "wildcard-origin-with-credentials":
          if (s.origins.includes("*") && s.credentials && spec.credentials === "include") {
            // `*` with allow_credentials=True: the app meant every origin with credentials, and
            // Starlette gives it only to requests with a cookie; the regex gives it to all.
            p.anyOrigin(r.cors);
            asked.push(spec.id);
          } else if (s.origins.includes("*"))
            p.cannot.set(spec.id, { key: "config.starlette.cannot.all-credentials" });
          else {
            credentials = true;
            asked.push(spec.id);
          }
          break;
        default:
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: fault.cause.code } });
      }
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      p.cannot.set(spec.id, e.why);
    }
  }
  const cors = app.stack.find((m) => m.kind === "cors");
  if (cors) {
    p.extend(cors, "allow_origins", p.colonSplit(cors, p.spaced(cors, p.slashed(cors, [...origins]))));
    // Starlette's default is GET alone: kept when the list is written for the first time.
    p.extend(cors, "allow_methods", [...methods], ["GET"]);
    p.extend(cors, "allow_headers", [...headers]);
    if (credentials) p.credentials(cors);
  }
  const why = p.cannotAll[0];
  if (why) for (const id of asked) if (!p.cannot.has(id)) p.cannot.set(id, why);
  return { edits: p.edits, cannot: p.cannot };
}

export { patchStarlette };
