/**
 * aiohttp apps with aiohttp-cors 0.7.0 (Debian 12's python3-aiohttp-cors, on aiohttp 3.8): reader,
 * checker and patcher. What it answers follows the library's source
 * (https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/aiohttp_cors/cors_config.py and
 * preflight_handler.py): options are looked up per origin, the exact origin string first in every
 * layer (the route's config, the resource's, setup's defaults: a ChainMap), then "*"; the actual
 * response gets Allow-Origin set to the request's origin (also for "*"), Allow-Credentials and
 * Expose-Headers, and no Vary; a preflight is answered 403 unless the origin has options, the method
 * is in allow_methods or has a config of its own (a route given to cors.add), and every requested
 * header is in allow_headers (default none). Routes never given to cors.add get no CORS header.
 */

import type { Node } from "web-tree-sitter";
import { combinedHeader, type HeaderList } from "../../engine";
import { afterLine, type Edit, EditList, indentAt, lineStart } from "../edit";
import { argInsert, displayInsert, pyStr, quoteOf } from "../python/edit";
import type { PyVal } from "../python/values";
import type { Allowance, Answer, ConfigFile, ConfigFinding, HopRequest, ReadConfig, Words } from "../types";
import { ConfigSyntaxError } from "../types";
import type { Judged, RequestSpec } from "../whatif";
import { exposedNames, faultOf, Unknowable, unsafeNames } from "../whatif";
import {
  type AiohttpApp,
  type CorsMap,
  EMPTY,
  type Entry,
  type Resource,
  type Route,
  readAiohttp,
  type Site,
  samplePath,
  type View,
} from "./app";
import {
  type HandDict,
  type HandHeader,
  type HandMiddleware,
  handHeaders,
  handlerHeaderNames,
  handlerRaises,
  preflightHeaders,
  setHeaders,
} from "./hand";

export interface AiohttpConfig extends ReadConfig {
  format: "aiohttp";
  app: AiohttpApp;
}

export class AiohttpSyntaxError extends ConfigSyntaxError {}

/** Answers the patcher must act on although they are "unknown": the app does not start. */
/** The first middleware of the file that can answer before the handler and does not let OPTIONS through. */
function blockingMiddleware(app: AiohttpApp): AiohttpApp["middlewares"][number] | undefined {
  return app.middlewares.find((m) => m.answers && !m.passesOptions);
}

export const PREFLIGHT_UNKNOWN = new Set([
  "config.aiohttp.unknown.middleware",
  "config.aiohttp.unknown.outer-middleware",
  "config.aiohttp.unknown.upstream-options",
  "config.aiohttp.unknown.crash",
]);

const upper = (s: string) => s.toUpperCase();

interface Options {
  credentials: boolean;
  expose: "*" | string[];
  headers: "*" | string[];
  maxAge: number | null;
  methods: null | "*" | string[];
}

function optionsOf(site: Site): Options {
  if (site.unknown) throw new Unknowable(site.unknown);
  const bad = (o: { value: PyVal; at: { line: number } }) =>
    new Unknowable({
      key: "config.aiohttp.unknown.value",
      params: { line: o.at.line, text: o.value.t === "unknown" ? o.value.text.slice(0, 80) : "" },
    });
  const list = (name: string, dflt: "*" | string[] | null): "*" | string[] | null => {
    const o = site.opts.get(name);
    if (!o || o.value.t === "none") return dflt;
    if (o.value.t === "str" && o.value.v === "*") return "*";
    if (o.value.t === "seq" && o.value.items.every((i) => i.t === "str"))
      return o.value.items.map((i) => upper((i as { v: string }).v));
    throw bad(o);
  };
  const cred = site.opts.get("allow_credentials");
  if (cred && cred.value.t !== "bool") throw bad(cred);
  const age = site.opts.get("max_age");
  if (age && age.value.t !== "int" && age.value.t !== "none") throw bad(age);
  return {
    credentials: cred?.value.t === "bool" ? cred.value.v : false,
    expose: list("expose_headers", []) as "*" | string[],
    headers: list("allow_headers", []) as "*" | string[],
    maxAge: age?.value.t === "int" ? age.value.v : null,
    methods: list("allow_methods", null),
  };
}

/** ChainMap.get(origin, ChainMap.get("*")): the exact origin in any layer first, then "*". */
function lookup(chain: readonly CorsMap[], origin: string): Entry | null {
  for (const key of [origin, "*"])
    for (const layer of chain) {
      if (layer.unknown) throw new Unknowable(layer.unknown);
      const e = layer.entries.findLast((x) => x.origin === key);
      if (e) return e;
    }
  return null;
}

const methodAllowed = (o: Options, m: string) => o.methods === "*" || o.methods?.includes(upper(m)) === true;

/** Why a preflight is refused, or what answers it. */
export type PreflightOutcome =
  | { ok: true; entry: Entry; options: Options; requested: string[] }
  | { ok: false; need: Need };

export type Need =
  | { kind: "bad-request" }
  | { kind: "origin"; chain: CorsMap[] }
  | { kind: "method"; entry: Entry; method: string }
  | { kind: "headers"; entry: Entry; headers: string[] }
  | { kind: "credentials"; entry: Entry }
  | { kind: "view-method"; view: View; method: string };

function requestedHeaders(headers: HeaderList): string[] {
  const v = combinedHeader(headers, "access-control-request-headers");
  if (!v) return [];
  return [
    ...new Set(
      v
        .split(",")
        .map((h) => h.trim())
        .filter((h) => h !== ""),
    ),
  ];
}

/** _PreflightHandler._preflight_handler with the router adapter's get_preflight_request_config. */
function preflightOf(app: AiohttpApp, resource: Resource, req: HopRequest): PreflightOutcome {
  const origin = combinedHeader(req.headers, "origin");
  const method = combinedHeader(req.headers, "access-control-request-method");
  if (origin === null || method === null) return { ok: false, need: { kind: "bad-request" } };
  const cfg = resource.config ?? { defaults: EMPTY, methods: new Map<string, CorsMap>() };
  const defaults = app.setup?.defaults ?? EMPTY;
  const base = [cfg.defaults, defaults];
  const first = lookup(base, origin);
  let routeConfig: CorsMap;
  if (first && methodAllowed(optionsOf(first.site), method)) routeConfig = cfg.methods.get(method) ?? EMPTY;
  else {
    const own = cfg.methods.get(method);
    if (!own) {
      const any = lookup(base, origin);
      return {
        ok: false,
        need: any ? { kind: "method", entry: any, method } : { kind: "origin", chain: base },
      };
    }
    routeConfig = own;
  }
  const chain = [routeConfig, ...base];
  const entry = lookup(chain, origin);
  if (!entry) return { ok: false, need: { kind: "origin", chain } };
  return answerPreflight(entry, req);
}

function answerPreflight(entry: Entry, req: HopRequest): PreflightOutcome {
  const options = optionsOf(entry.site);
  const requested = requestedHeaders(req.headers);
  if (options.headers !== "*") {
    const allowed = options.headers;
    const missing = requested.filter((h) => !allowed.includes(upper(h)));
    if (missing.length > 0) return { ok: false, need: { kind: "headers", entry, headers: missing } };
  }
  return { ok: true, entry, options, requested };
}

/** CorsViewMixin.options: the view's own method, its configs, and setup's defaults. */
function viewPreflight(app: AiohttpApp, view: View, req: HopRequest): PreflightOutcome {
  const origin = combinedHeader(req.headers, "origin");
  const method = combinedHeader(req.headers, "access-control-request-method");
  if (origin === null || method === null) return { ok: false, need: { kind: "bad-request" } };
  if (!view.methods.includes(method.toLowerCase()))
    return { ok: false, need: { kind: "view-method", view, method } };
  const chain = viewChain(app, view, method);
  const entry = lookup(chain, origin);
  if (!entry) return { ok: false, need: { kind: "origin", chain } };
  return answerPreflight(entry, req);
}

function viewChain(app: AiohttpApp, view: View, method: string): CorsMap[] {
  return [
    view.methodConfigs.get(upper(method)) ?? EMPTY,
    view.classConfig ?? EMPTY,
    app.setup?.defaults ?? EMPTY,
  ];
}

/** get_non_preflight_request_config: the chain an actual request's origin is looked up in. */
function actualChain(app: AiohttpApp, route: Route, method: string): CorsMap[] {
  const cfg = route.resource.config;
  const defaults = app.setup?.defaults ?? EMPTY;
  if (!cfg) return [];
  if (route.view) return [...viewChain(app, route.view, method), cfg.defaults, defaults];
  return [cfg.methods.get(upper(method)) ?? EMPTY, cfg.defaults, defaults];
}

/** UrlDispatcher.resolve: the first resource whose path matches with a route for the method (or "*"). */
export function resolve(
  app: AiohttpApp,
  path: string,
  method: string,
): { route: Route; resource: Resource } | { route: null; status: 404 | 405 } {
  let seen = false;
  for (const res of app.resources) {
    if (!res.re.test(path)) continue;
    const route = res.routes.find((r) => r.method === method) ?? res.routes.find((r) => r.method === "*");
    if (route) return { route, resource: res };
    if (res.routes.length > 0) seen = true;
  }
  return { route: null, status: seen ? 405 : 404 };
}

/** Where normalize_path_middleware redirects a path no route takes (null: it does not). */
function normalized(app: AiohttpApp, path: string, method: string): string | null {
  const n = app.normalize;
  if (!n) return null;
  const tries = [
    ...(n.appendSlash && !path.endsWith("/") ? [`${path}/`] : []),
    ...(n.removeSlash && path.endsWith("/") && path !== "/" ? [path.slice(0, -1)] : []),
  ];
  return tries.find((p) => resolve(app, p, method).route !== null) ?? null;
}

function corsHeaders(options: Options, origin: string, upstream: HeaderList): Array<[string, string]> {
  const h: Array<[string, string]> = [];
  if (options.expose === "*") {
    const simple = [
      "cache-control",
      "content-language",
      "content-type",
      "expires",
      "last-modified",
      "pragma",
    ];
    const names = upstream.map(([n]) => n).filter((n) => !simple.includes(n.toLowerCase()));
    h.push(["Access-Control-Expose-Headers", names.join(",")]);
  } else if (options.expose.length > 0) h.push(["Access-Control-Expose-Headers", options.expose.join(",")]);
  h.push(["Access-Control-Allow-Origin", origin]);
  if (options.credentials) h.push(["Access-Control-Allow-Credentials", "true"]);
  return h;
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    throw new Unknowable({ key: "config.unknown.url", params: { url } });
  }
}

function answer(app: AiohttpApp, req: HopRequest): Answer {
  try {
    if (app.crash)
      throw new Unknowable({ key: "config.aiohttp.unknown.crash", params: { line: app.crash.line } });
    if (app.unknown) throw new Unknowable(app.unknown);
    const path = pathOf(req.url);
    const upstream = req.upstream ?? null;
    const assumed: Words[] = [];
    if (app.hand) return answerHand(app, app.hand, req, path);
    const r = resolve(app, path, upper(req.method));
    if (!r.route) {
      // normalize_path_middleware's redirect: aiohttp-cors adds nothing to it (the URL matches no
      // resource given to cors.add), and a preflight may not follow a redirect at all.
      const to = normalized(app, path, upper(req.method));
      if (to !== null) {
        const query = new URL(req.url).search;
        return {
          kind: "known",
          status: 308,
          headers: [["Location", `${to}${query}`]],
          fromUpstream: false,
          assumed,
        };
      }
      return { kind: "known", status: r.status, headers: [], fromUpstream: false, assumed };
    }
    const route = r.route;
    const origin = combinedHeader(req.headers, "origin");
    const preflightAnswer = (o: PreflightOutcome): Answer => {
      if (!o.ok) return { kind: "known", status: 403, headers: [], fromUpstream: false, assumed };
      const h: Array<[string, string]> = [["Access-Control-Allow-Origin", origin as string]];
      if (o.options.credentials) h.push(["Access-Control-Allow-Credentials", "true"]);
      if (o.options.maxAge !== null) h.push(["Access-Control-Max-Age", String(o.options.maxAge)]);
      h.push([
        "Access-Control-Allow-Methods",
        combinedHeader(req.headers, "access-control-request-method") as string,
      ]);
      if (o.requested.length > 0) h.push(["Access-Control-Allow-Headers", o.requested.map(upper).join(",")]);
      return { kind: "known", status: 200, headers: h, fromUpstream: false, assumed };
    };
    // A middleware of the file that answers before it calls the handler, OPTIONS included: what it
    // answered a preflight with is the record's (it carries no CORS header: aiohttp-cors' response
    // hook skips preflight routes).
    const blocking = blockingMiddleware(app);
    if (blocking && upper(req.method) === "OPTIONS" && (route.kind === "preflight" || route.view?.mixin)) {
      if (upstream?.status == null)
        throw new Unknowable({
          key: "config.aiohttp.unknown.middleware",
          params: { name: blocking.name, line: blocking.line },
        });
      if (upstream.status < 200 || upstream.status >= 300)
        return {
          kind: "known",
          status: upstream.status,
          headers: upstream.headers,
          fromUpstream: true,
          assumed,
        };
      // It let this one through (the record says so): aiohttp-cors answered, the record is kept.
      const a =
        route.kind === "preflight"
          ? preflightAnswer(preflightOf(app, r.resource, req))
          : preflightAnswer(viewPreflight(app, route.view as View, req));
      return a.kind === "known" ? { ...a, fromUpstream: true } : a;
    }
    if (route.kind === "preflight") return preflightAnswer(preflightOf(app, r.resource, req));
    if (route.view?.mixin && upper(req.method) === "OPTIONS") {
      if (!app.setup) throw new Unknowable({ key: "config.aiohttp.unknown.no-setup" });
      return preflightAnswer(viewPreflight(app, route.view, req));
    }
    // A class-based view without CorsViewMixin and no options(): web.View answers 405 itself.
    if (upper(req.method) === "OPTIONS" && route.view && !route.view.methods.includes("options"))
      return { kind: "known", status: 405, headers: [], fromUpstream: false, assumed };
    if (upper(req.method) === "OPTIONS" && upstream?.status == null)
      throw new Unknowable({ key: "config.aiohttp.unknown.upstream-options", params: { path } });
    const status = upstream?.status ?? 200;
    if (upstream?.status == null)
      assumed.push({ key: "config.aiohttp.assumed.handler-200", params: { method: req.method, path } });
    const base = upstream?.headers ?? [];
    // _on_response_prepare: only a resource given to cors.add, only with an Origin.
    if (!r.resource.config || origin === null)
      return { kind: "known", status, headers: base, fromUpstream: true, assumed };
    const entry = lookup(actualChain(app, route, req.method), origin);
    if (!entry) return { kind: "known", status, headers: base, fromUpstream: true, assumed };
    const headers = [...base, ...corsHeaders(optionsOf(entry.site), origin, base)];
    return { kind: "known", status, headers, fromUpstream: true, assumed };
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

/** The app's own CORS middleware (hand.ts) around the routes. */
/**
 * The middlewares listed before the CORS one, that can answer themselves (a 401 of an auth check):
 * aiohttp runs the list's first outermost, so what they answer never reaches the CORS middleware.
 */
function outerAnswering(
  app: AiohttpApp,
  hand: HandMiddleware,
  preflight: boolean,
): AiohttpApp["middlewares"] {
  const at = app.middlewares.findIndex((m) => m.name === hand.name);
  return app.middlewares
    .slice(0, Math.max(0, at))
    .filter((m) => m.answers && !(preflight && m.passesOptions));
}

/**
 * A recorded error status that the route's handler raises as an HTTPException of that status
 * (hand.ts handlerRaises): that answer was raised through the app's own middleware, not returned.
 */
function raisedByHandler(
  app: AiohttpApp,
  route: Route,
  upstream: HopRequest["upstream"],
): { status: number; name: string; line: number } | null {
  const status = upstream?.status;
  if (status == null || status < 400) return null;
  const hit = handlerRaises(app.mod, route.stmt).get(status);
  return hit ? { status, ...hit } : null;
}

function answerHand(app: AiohttpApp, hand: HandMiddleware, req: HopRequest, path: string): Answer {
  const method = upper(req.method);
  const upstream = req.upstream ?? null;
  const assumed: Words[] = [];
  // An answer recorded without this middleware's Allow-Origin, where one listed before it can
  // answer by itself: that one answered (the record), and it has no CORS header.
  const outer = outerAnswering(app, hand, method === "OPTIONS")[0];
  if (outer) {
    const recorded = upstream?.status;
    const bare = !(upstream?.headers ?? []).some(([n]) => n.toLowerCase() === "access-control-allow-origin");
    if (recorded != null && recorded >= 400 && bare)
      return {
        kind: "known",
        status: recorded,
        headers: upstream?.headers ?? [],
        fromUpstream: true,
        assumed: [
          { key: "config.aiohttp.assumed.outer-answered", params: { name: outer.name, line: outer.line } },
        ],
      };
    if (method === "OPTIONS" && recorded == null)
      throw new Unknowable({
        key: "config.aiohttp.unknown.outer-middleware",
        params: { name: outer.name, line: outer.line },
      });
  }
  if (method === "OPTIONS" && hand.options)
    return {
      kind: "known",
      status: hand.options.status,
      headers: (hand.options.dict?.headers ?? []).map((h) => [h.name, h.value]),
      fromUpstream: false,
      assumed,
    };
  if (method === "OPTIONS" && hand.inline)
    return {
      kind: "known",
      status: hand.inline.status,
      headers: handHeaders(hand),
      fromUpstream: false,
      assumed,
    };
  const r = resolve(app, path, method);
  // HTTPNotFound / HTTPMethodNotAllowed raised past the middleware: no header of its own, but those
  // its `except web.HTTPException` sets.
  const caught = setHeaders(hand.catches ?? []);
  if (!r.route) return { kind: "known", status: r.status, headers: caught, fromUpstream: false, assumed };
  const raised = raisedByHandler(app, r.route, upstream);
  if (raised) {
    const names = new Set(caught.map(([n]) => n.toLowerCase()));
    return {
      kind: "known",
      status: raised.status,
      headers: [...(upstream?.headers ?? []).filter(([n]) => !names.has(n.toLowerCase())), ...caught],
      fromUpstream: true,
      assumed: [
        ...assumed,
        {
          key: "config.aiohttp.assumed.raised",
          params: { status: raised.status, name: raised.name, line: raised.line, middleware: hand.name },
        },
      ],
    };
  }
  if (method === "OPTIONS" && upstream?.status == null)
    throw new Unknowable({ key: "config.aiohttp.unknown.upstream-options", params: { path } });
  if (upstream?.status == null)
    assumed.push({ key: "config.aiohttp.assumed.handler-200", params: { method: req.method, path } });
  const own = handHeaders(hand);
  const names = new Set(own.map(([n]) => n.toLowerCase()));
  const headers: HeaderList = [
    ...(upstream?.headers ?? []).filter(([n]) => !names.has(n.toLowerCase())),
    ...own,
  ];
  return { kind: "known", status: upstream?.status ?? 200, headers, fromUpstream: true, assumed };
}

export function readAiohttpConfig(files: readonly ConfigFile[]): AiohttpConfig {
  const file = files.at(-1) as ConfigFile;
  const app = readAiohttp(file);
  if (app.mod.error)
    throw new AiohttpSyntaxError(file.path, app.mod.error.line, app.mod.error.text.slice(0, 120));
  return {
    format: "aiohttp",
    app,
    notes: [],
    answer: (request) => answer(app, request),
    allowance: () => allowanceOf(app),
    check: () => checkAiohttp(app),
  };
}

export function setsCors(config: AiohttpConfig): boolean {
  return config.app.setup !== null;
}

function allowanceOf(app: AiohttpApp): Allowance[] {
  if (app.crash || app.unknown) return [];
  const out: Allowance[] = [];
  try {
    for (const res of app.resources) {
      if (!res.config || res.static) continue;
      const routes = res.routes.filter((r) => r.kind !== "preflight");
      const methods = [...new Set(routes.flatMap((r) => (r.view ? r.view.methods.map(upper) : [r.method])))];
      const url = `http://127.0.0.1:8080${samplePath(res.path)}`;
      const chains = routes.map((r) => actualChain(app, r, r.method === "*" ? "GET" : r.method));
      const entries = new Map<string, Entry>();
      for (const chain of chains)
        for (const layer of chain)
          for (const e of layer.entries) if (!entries.has(e.origin)) entries.set(e.origin, e);
      for (const [origin, e] of entries) {
        const o = optionsOf(e.site);
        const page = origin === "*" ? "https://other.example" : origin;
        if (!/^https?:\/\/[^/*]+$/.test(page)) continue;
        out.push({
          url,
          origins: [page],
          methods,
          headers: o.headers === "*" ? ["x-requested-with"] : o.headers.map((h) => h.toLowerCase()),
          credentials: o.credentials,
        });
      }
    }
  } catch (e) {
    if (e instanceof Unknowable) return [];
    throw e;
  }
  return out;
}

/**
 * The app's own CORS middleware: a preflight no route takes is raised past it (404/405, no header)
 * unless it answers OPTIONS; and an Allow-Methods it sends that leaves out methods the routes take
 * (PUT, PATCH, DELETE are always preflighted).
 */
function handChecks(
  app: AiohttpApp,
  hand: HandMiddleware,
  add: (code: string, severity: "error" | "warning", line: number, words: Words) => void,
): void {
  // A handler that raises an HTTPException (`raise web.HTTPNotFound(…)`) sends it past the
  // middleware's later lines: that answer has none of the headers they set (hand.ts), unless the call
  // is wrapped in `try: … except web.HTTPException` that sets them and re-raises (what `fix` writes).
  if (!hand.catches && hand.sets.length > 0)
    for (const route of app.routes) {
      const raised = [...handlerRaises(app.mod, route.stmt).values()][0];
      if (!raised) continue;
      add("aiohttp-hand-raised-skips-cors", "error", hand.call.stmt.line, {
        key: "config.aiohttp.check.hand-raised",
        params: { name: hand.name, raised: raised.name, line: raised.line },
      });
      break;
    }
  const methods = new Set(app.routes.map((r) => r.method));
  if (methods.has("OPTIONS") || methods.has("*")) return;
  if (!hand.options && !hand.inline && ["POST", "PUT", "PATCH", "DELETE"].some((m) => methods.has(m)))
    add("aiohttp-hand-no-preflight", "error", hand.call.stmt.line, {
      key: "config.aiohttp.check.hand-no-preflight",
      params: { name: hand.name },
    });
  const listed = preflightHeaders(hand)
    .filter((h) => h.name.toLowerCase() === "access-control-allow-methods")
    .at(-1);
  const allowed = (listed?.value ?? "").split(",").map((m) => m.trim().toUpperCase());
  const missing = ["PUT", "PATCH", "DELETE"].filter(
    (m) => methods.has(m) && !allowed.includes(m) && !allowed.includes("*"),
  );
  if (listed && missing.length > 0)
    add("aiohttp-hand-methods", "error", listed.at.line, {
      key: "config.aiohttp.check.hand-methods",
      params: { methods: missing.join(", ") },
    });
}

function checkAiohttp(app: AiohttpApp): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const add = (code: string, severity: "error" | "warning", line: number, words: Words) => {
    if (!out.some((f) => f.code === code && f.line === line))
      out.push({ code, severity, file: app.file, line, words });
  };
  if (app.crash) add("aiohttp-app-does-not-start", "error", app.crash.line, app.crash.words);
  // No CORS anywhere (no aiohttp-cors, no Access-Control-* header, not even the word in the module)
  // while the app serves routes: no answer carries Allow-Origin, and aiohttp answers a preflight 405.
  // Named where the app is made, where `fix` sets aiohttp-cors up.
  if (app.app && app.routes.length > 0 && !/access-control-|cors/i.test(app.mod.text)) {
    // A route answering OPTIONS itself (aiohttp-tus' upload routes): its preflights get that answer,
    // not a 405, and aiohttp-cors refuses the resource — named beside, the advice a middleware.
    const refused = app.crash ? undefined : refusedByCors(app);
    if (refused)
      out.push({
        code: "no-cors",
        severity: "warning",
        file: app.file,
        line: app.app.stmt.line,
        also: [{ file: app.file, line: refused.line }],
        words: {
          key: "config.aiohttp.check.no-cors-own-options",
          params: {
            name: app.app.name,
            line: refused.line,
            path: refused.resource.path,
          },
        },
      });
    else
      add("no-cors", "warning", app.app.stmt.line, {
        key: "config.aiohttp.check.no-cors",
        params: { name: app.app.name },
      });
  }
  // normalize_path_middleware(append_slash) in front of routes written with a trailing slash only:
  // the URL without it is answered by a redirect, which carries no CORS headers.
  const slashed =
    app.normalize?.appendSlash && (app.setup || app.hand)
      ? app.routes.find(
          (r) =>
            r.kind !== "preflight" &&
            r.resource.path.length > 1 &&
            r.resource.path.endsWith("/") &&
            resolve(app, r.resource.path.slice(0, -1), r.method).route === null,
        )
      : undefined;
  if (slashed && app.normalize)
    add("aiohttp-normalize-redirect", "warning", app.normalize.line, {
      key: "config.aiohttp.check.normalize-redirect",
      params: { path: slashed.resource.path, route: slashed.line },
    });
  for (const map of app.maps)
    for (const e of map.entries) {
      if (e.origin !== "*" && !/^[a-z][a-z0-9+.-]*:\/\/[^/*?#\s]+$/i.test(e.origin) && e.origin !== "null")
        add("aiohttp-origin-not-exact", "error", e.line, {
          key: "config.aiohttp.check.origin",
          params: { origin: e.origin },
        });
      if (e.origin === "*") {
        const c = e.site.opts.get("allow_credentials");
        if (c?.value.t === "bool" && c.value.v)
          add("aiohttp-any-origin-credentials", "error", c.at.line, {
            key: "config.aiohttp.check.any-credentials",
          });
      }
    }
  if (app.hand && !app.crash) handChecks(app, app.hand, add);
  // The app's own CORS middleware listed after one that answers by itself (a 401): aiohttp runs the
  // list's first outermost, so that answer goes out without CORS headers.
  const handEntry = app.hand ? app.middlewares.find((m) => m.name === app.hand?.name)?.entry : null;
  const before = app.hand && !app.crash ? outerAnswering(app, app.hand, false)[0] : undefined;
  if (handEntry && before)
    add("aiohttp-cors-middleware-order", "error", handEntry.line, {
      key: "config.aiohttp.check.hand-order",
      params: { name: app.hand?.name ?? "", outer: before.name, line: before.line },
    });
  if (!app.setup || app.crash || app.unknown) return out;
  // Setup with no origin anywhere: every preflight is 403, no response gets a CORS header.
  const anyOrigin = app.maps.some((m) => m.entries.length > 0 || m.unknown);
  if (!anyOrigin && app.adds.length > 0)
    add("aiohttp-no-origin", "error", app.setup.line, { key: "config.aiohttp.check.no-origin" });
  const blocking = blockingMiddleware(app);
  if (blocking && app.resources.some((r) => r.preflight))
    add("aiohttp-middleware-answers-preflight", "error", blocking.line, {
      key:
        blocking.answersAt === null
          ? "config.aiohttp.check.middleware"
          : "config.aiohttp.check.middleware-at",
      params: { name: blocking.name, ...(blocking.answersAt === null ? {} : { line: blocking.answersAt }) },
    });
  const guarded = app.loops.find((l) => l.guard)?.guard;
  const statics = app.resources.find((r) => r.static && !r.config);
  if (guarded && statics)
    add("aiohttp-static-left-out", "warning", guarded.startPosition.row + 1, {
      key: "config.aiohttp.check.static",
      params: { path: statics.path, line: statics.line },
    });
  const lastLoop = app.loops.at(-1);
  const setup = app.setup;
  const firstSegment = (path: string) => /^\/[^/{]*/.exec(path)?.[0] ?? "/";
  const enabledSegments = new Set(
    app.resources.filter((r) => r.config && !r.static).map((r) => firstSegment(r.path)),
  );
  /** Some origin's options in these maps let the method's preflight through without a config of its own. */
  const allowsMethod = (maps: CorsMap[], method: string): boolean => {
    try {
      return maps.some((m) => m.entries.some((e) => methodAllowed(optionsOf(e.site), method)));
    } catch {
      return true;
    }
  };
  for (const r of app.routes) {
    if (r.kind === "preflight" || r.resource.static || r.method === "HEAD" || r.method === "OPTIONS")
      continue;
    const cfg = r.resource.config;
    if (cfg && r.added !== null) {
      // Another resource of the same path, earlier: it takes this route's preflights.
      const first = app.resources.find((x) => x.path === r.resource.path && !x.static);
      if (
        first?.config &&
        first !== r.resource &&
        !first.config.methods.has(r.method) &&
        !allowsMethod([first.config.defaults, setup.defaults], r.method)
      )
        add("aiohttp-split-resource", "warning", r.line, {
          key: "config.aiohttp.check.split",
          params: { method: r.method, path: r.resource.path, line: first.line },
        });
      continue;
    }
    // On a resource given to cors.add (another route of it was), with allow_methods letting its
    // preflight through, or a CorsViewMixin view: covered.
    if (cfg && (r.view?.mixin || allowsMethod([cfg.defaults, setup.defaults], r.method))) continue;
    // A sub-application's route is registered by the add_subapp statement: that line is named.
    const at = r.stmt && /\.add_subapp\(/.test(r.stmt.text) ? r.stmt.startPosition.row + 1 : r.line;
    // Registered by a startup hook that aiohttp runs after the hook walking the routes into cors.add
    // (home-assistant/core#59360): named where that walk's hook is appended, the route's line beside.
    const late = app.startup.findIndex((h) => r.sites.some((n) => n.id === h.stmt.id));
    const walk = lastLoop
      ? app.startup.findIndex(
          (h) => h.fn.startIndex <= lastLoop.stmt.startIndex && lastLoop.stmt.endIndex <= h.fn.endIndex,
        )
      : -1;
    const walkHook = app.startup[walk];
    const lateHook = app.startup[late];
    if (lastLoop && walkHook && lateHook && walk < late) {
      const line = walkHook.stmt.startPosition.row + 1;
      if (!out.some((f) => f.code === "aiohttp-route-after-startup-walk" && f.line === line))
        out.push({
          code: "aiohttp-route-after-startup-walk",
          severity: "error",
          file: app.file,
          line,
          also: [{ file: app.file, line: at }],
          words: {
            key: "config.aiohttp.check.after-startup-walk",
            params: {
              method: r.method,
              path: r.resource.path,
              hook: lateHook.fn.childForFieldName("name")?.text ?? "",
              hookLine: lateHook.stmt.startPosition.row + 1,
              loop: lastLoop.line,
            },
          },
        });
    } else if (lastLoop && r.order >= lastLoop.order)
      add("aiohttp-route-after-loop", "error", at, {
        key: "config.aiohttp.check.after-loop",
        params: { method: r.method, path: r.resource.path, loop: lastLoop.line },
      });
    // A route beside CORS-enabled ones (the same first path segment), or any route when none is
    // enabled yet: /health or / beside /api/… is likely meant to stay without CORS.
    else if (!enabledSegments.size || enabledSegments.has(firstSegment(r.resource.path)))
      add("aiohttp-route-not-added", "warning", r.line, {
        key: "config.aiohttp.check.not-added",
        params: { method: r.method, path: r.resource.path },
      });
  }
  return out;
}

/**
 * The app's own CORS middleware grown to what the failing requests needed, in its own text: a
 * preflight no route takes answered in it (its headers then set on that answer too), a method or
 * header list extended where the preflight's answer takes it from (a missing one added to that dict,
 * or as a line before `return response`).
 */
function patchHand(
  p: Patcher,
  app: AiohttpApp,
  hand: HandMiddleware,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): void {
  const lists = new Map<string, string[]>();
  const want = (name: string, values: string[]) => {
    const w = lists.get(name) ?? [];
    for (const v of values) if (!w.some((x) => x.toLowerCase() === v.toLowerCase())) w.push(v);
    lists.set(name, w);
  };
  for (const { spec, judged } of failing) {
    const fault = faultOf(spec, judged);
    if (!fault) continue;
    if (!("hop" in fault)) {
      p.cannot.set(spec.id, fault);
      continue;
    }
    const code = fault.cause.code;
    // Answered by a middleware listed before this one (its 401): this one goes to the list's front.
    const outer = outerAnswering(app, hand, fault.cause.stage === "preflight");
    const mine = app.middlewares.find((m) => m.name === hand.name);
    if (
      outer.length > 0 &&
      (code === "missing-allow-origin" || code === "preflight-status-not-ok") &&
      mine?.entry &&
      outer.every((m) => m.entry)
    ) {
      p.outerFirst(app, mine, outer);
      continue;
    }
    // The preflight raised past the middleware (no route takes OPTIONS): whatever the browser names
    // first (the status, or the missing Allow-Origin), the middleware answers OPTIONS itself.
    const raised =
      fault.cause.stage === "preflight" &&
      !hand.options &&
      !hand.inline &&
      resolve(app, pathOf(spec.url), "OPTIONS").route === null &&
      (code === "preflight-status-not-ok" || code === "missing-allow-origin");
    // An actual request's error raised past it (no route, or the handler's own raise): the
    // headers go on the exception too, before it is re-raised.
    const route = resolve(app, pathOf(spec.url), upper(spec.method)).route;
    const past =
      fault.cause.stage !== "preflight" &&
      code === "missing-allow-origin" &&
      !hand.catches &&
      (route === null || raisedByHandler(app, route, fault.request.upstream) !== null);
    if (raised && hand.web) p.handPreflight(hand, hand.web);
    else if (past && hand.web) p.handCatch(hand, hand.web);
    else if (code === "method-not-allowed") want("Access-Control-Allow-Methods", [upper(spec.method)]);
    else if (code === "header-not-allowed")
      want(
        "Access-Control-Allow-Headers",
        unsafeNames(spec).map((n) => spec.headers.find(([k]) => k.toLowerCase() === n)?.[0] ?? n),
      );
    else p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code } });
  }
  // Where a missing header goes: the dict the preflight's answer takes its headers from.
  const dicts = hand.options?.dict
    ? [hand.options.dict]
    : hand.sets.flatMap((x) => (x.kind === "update" ? [x.dict] : []));
  for (const [name, values] of lists) {
    const found = preflightHeaders(hand)
      .filter((h) => h.name.toLowerCase() === name.toLowerCase())
      .at(-1);
    const had = (found?.value ?? "").split(",").map((v) => v.trim().toLowerCase());
    const add = values.filter((v) => !had.includes(v.toLowerCase()) && !had.includes("*"));
    if (add.length === 0) continue;
    const why: Words = {
      key: "config.aiohttp.fix.hand-list",
      params: { name, values: add.join(", "), line: hand.line },
    };
    if (found) p.handValue(found, [found.value.trim(), ...add].filter((v) => v !== "").join(", "), why);
    else if (dicts[0]) p.handEntry(dicts[0], name, add.join(", "), why);
    else if (!hand.options) p.handLine(hand, name, add.join(", "), why);
  }
}

class Patcher extends EditList {
  readonly cannotAll: Words[] = [];

  /**
   * The CORS middleware moved to the front of `middlewares=[…]`, before the first one that
   * answered without it (one edit, from that one's name to this one's: the names between keep
   * their order).
   */
  outerFirst(
    app: AiohttpApp,
    mine: AiohttpApp["middlewares"][number],
    outer: AiohttpApp["middlewares"],
  ): void {
    const first = app.middlewares.find((m) => outer.includes(m));
    const to = mine.entry;
    const from = first?.entry;
    if (!to || !from || from.start >= to.start) return;
    const text = this.text(this.file);
    const between = text.slice(from.start, to.start);
    const sep = /,\s*$/.exec(between)?.[0] ?? ", ";
    this.push(`outer-first:${to.start}`, {
      file: this.file,
      start: from.start,
      end: to.end,
      text: `${text.slice(to.start, to.end)}${sep}${between.slice(0, between.length - sep.length)}`,
      why: {
        key: "config.aiohttp.fix.outer-first",
        params: { name: mine.name, line: to.line, outer: outer.map((m) => m.name).join(", ") },
      },
    });
  }

  /** A value of the middleware's headers replaced (its string literal). */
  handValue(h: HandHeader, value: string, why: Words): void {
    this.push(`hand-value:${h.at.start}`, {
      file: this.file,
      start: h.at.start,
      end: h.at.end,
      text: pyStr(value, h.quote),
      why,
    });
  }

  /** A header added to one of its dicts, before the closing brace, in the dict's layout. */
  handEntry(d: HandDict, name: string, value: string, why: Words): void {
    const text = this.text(this.file);
    const last = d.headers.at(-1);
    const q = quoteOf(text);
    const item = `${pyStr(name, q)}: ${pyStr(value, q)}`;
    if (!last) {
      this.push(`hand-entry:${d.node.start}`, {
        file: this.file,
        start: d.node.start + 1,
        end: d.node.start + 1,
        text: item,
        why,
      });
      return;
    }
    const multi = text.slice(d.node.start, d.node.end).includes("\n");
    const after = text.slice(last.at.end, d.node.end - 1);
    const comma = after.trimStart().startsWith(",");
    const at = comma ? last.at.end + after.indexOf(",") + 1 : last.at.end;
    const indent = indentAt(
      text,
      lineStart(text, last.at.start) === lineStart(text, d.node.start) ? d.node.start : last.at.start,
    );
    this.push(`hand-entry:${d.node.start}`, {
      file: this.file,
      start: at,
      end: at,
      text: multi
        ? `${comma ? "" : ","}\n${indent}${item}${comma ? "," : ""}`
        : `${comma ? "" : ","} ${item}`,
      why,
    });
  }

  /** `response.headers["X"] = "v"` before `return response`. */
  handLine(hand: HandMiddleware, name: string, value: string, why: Words): void {
    const text = this.text(this.file);
    const q = quoteOf(text);
    const at = lineStart(text, hand.ret.start);
    this.push(`hand-line:${name}`, {
      file: this.file,
      start: at,
      end: at,
      text: `${indentAt(text, hand.ret.start)}${hand.call.response}.headers[${pyStr(name, q)}] = ${pyStr(value, q)}\n`,
      why,
    });
  }

  /** The preflight answered in the middleware: `web.Response(status=204) if … == "OPTIONS" else await handler(…)`. */
  /**
   * `try: response = await handler(request)` / `except web.HTTPException as exc:` with the same
   * headers set on the exception, then `raise`: a raised answer (404 of the handler's own raise, or
   * of no route) goes out with them too.
   */
  handCatch(hand: HandMiddleware, web: string): void {
    const text = this.text(this.file);
    const ind = indentAt(text, hand.call.stmt.start);
    const exc = /\bexc\b/.test(text.slice(lineStart(text, hand.call.stmt.start), hand.ret.end))
      ? "http_error"
      : "exc";
    const own = `${hand.call.response}.headers`;
    const sets = hand.sets.map((s) => {
      const line = text.slice(s.stmt.start, s.stmt.end);
      return `${ind}    ${exc}.headers${line.slice(own.length)}`;
    });
    this.push(`hand-catch:${hand.call.stmt.start}`, {
      file: this.file,
      start: hand.call.stmt.start,
      end: hand.call.stmt.end,
      text: [
        "try:",
        `${ind}    ${text.slice(hand.call.stmt.start, hand.call.stmt.end)}`,
        `${ind}except ${web}.HTTPException as ${exc}:`,
        ...sets,
        `${ind}    raise`,
      ].join("\n"),
      why: { key: "config.aiohttp.fix.hand-catch", params: { name: hand.name, line: hand.line } },
    });
  }

  handPreflight(hand: HandMiddleware, web: string): void {
    const text = this.text(this.file);
    const q = quoteOf(text);
    const call = text.slice(hand.call.value.start, hand.call.value.end);
    this.push(`hand-preflight:${hand.call.stmt.start}`, {
      file: this.file,
      start: hand.call.value.start,
      end: hand.call.value.end,
      text: `${web}.Response(status=204) if ${hand.request}.method == ${pyStr("OPTIONS", q)} else ${call}`,
      why: { key: "config.aiohttp.fix.hand-preflight", params: { name: hand.name, line: hand.line } },
    });
  }
  private readonly sites = new Map<
    Site,
    { headers: Set<string>; methods: Set<string>; credentials: boolean }
  >();
  private readonly origins = new Map<CorsMap | "setup", Set<string>>();
  private readonly covered = new Set<Route>();
  constructor(private readonly app: AiohttpApp) {
    super(new Map([[app.file, app.mod.text]]));
  }
  private get file(): string {
    return this.app.file;
  }

  want(site: Site): { headers: Set<string>; methods: Set<string>; credentials: boolean } {
    const w = this.sites.get(site) ?? { headers: new Set(), methods: new Set(), credentials: false };
    this.sites.set(site, w);
    return w;
  }

  /** An aiohttp-cors set-up written from nothing: the pages' origins, the headers they send, credentials. */
  private fresh: { origins: Set<string>; headers: Set<string>; credentials: boolean; after: Node } | null =
    null;

  /**
   * No CORS in the app: aiohttp-cors set up after the last route, every route added (as its README
   * does: https://github.com/aio-libs/aiohttp-cors#usage); each route's own method is what its
   * preflight allows. Only where every route is registered at the module's top level, so the loop
   * sees them all.
   */
  setupWant(spec: RequestSpec): boolean {
    const app = this.app;
    if (!app.app || app.unknown || app.crash || app.mod.names.has("cors") || app.routes.length === 0)
      return false;
    const tops = app.routes.map((r) => r.sites[0] ?? r.stmt);
    if (tops.some((n) => n?.parent?.type !== "module")) return false;
    const last = (tops as Node[]).reduce((a, b) => (b.endIndex > a.endIndex ? b : a));
    const f = this.fresh ?? { origins: new Set(), headers: new Set(), credentials: false, after: last };
    this.fresh = f;
    f.origins.add(spec.origin);
    for (const h of unsafeNames(spec)) f.headers.add(h.toLowerCase());
    if (spec.credentials === "include") f.credentials = true;
    return true;
  }

  private flushFresh(): void {
    const f = this.fresh;
    const app = this.app;
    if (!f || !app.app) return;
    const text = this.text(this.file);
    const q = quoteOf(text);
    const origins = [...f.origins];
    const why: Words = { key: "config.aiohttp.fix.setup", params: { origins: origins.join(", ") } };
    const options = [
      ...(f.credentials ? ["allow_credentials=True"] : []),
      ...(f.headers.size > 0 ? [`allow_headers=[${[...f.headers].map((h) => pyStr(h, q)).join(", ")}]`] : []),
    ].join(", ");
    const imports = app.mod.tree.rootNode.namedChildren.filter(
      (n): n is Node => n !== null && /^import(_from)?_statement$/.test(n.type),
    );
    const lastImport = imports.filter((n) => n.startIndex < f.after.startIndex).at(-1);
    const at = lastImport ? afterLine(text, lastImport.endIndex) : 0;
    this.push("fresh-import", { file: this.file, start: at, end: at, text: "import aiohttp_cors\n", why });
    const name = app.app.name;
    const lines = [
      "",
      "",
      `cors = aiohttp_cors.setup(${name}, defaults={`,
      ...origins.map((o) => `    ${pyStr(o, q)}: aiohttp_cors.ResourceOptions(${options}),`),
      "})",
      `for route in list(${name}.router.routes()):`,
      "    cors.add(route)",
    ];
    const end = afterLine(text, f.after.endIndex);
    this.push("fresh-setup", { file: this.file, start: end, end, text: `${lines.join("\n")}\n`, why });
  }

  /** A CORS middleware of the app's own written from nothing (refusedByCors): what the pages need. */
  private own: {
    refused: Route;
    origins: Set<string>;
    methods: string[];
    headers: string[];
    credentials: boolean;
  } | null = null;

  /**
   * No CORS in the app, and a route aiohttp-cors cannot be given (refusedByCors): the CORS headers set
   * by a middleware of the app's own around every handler (aiohttp-tus' own advice, a CORS middleware:
   * https://github.com/okumy/aiohttp-tus/blob/main/docs/usage.rst#cors-headers), in the form hand.ts
   * reads — the app's own OPTIONS handler still answers the preflight, the middleware adds the headers
   * to its answer. Null, or why not for this request.
   */
  ownWant(spec: RequestSpec, refused: Route): Words | null {
    const app = this.app;
    if (!this.ownPlace()) return { key: "config.aiohttp.cannot.own-place", params: { line: refused.line } };
    const path = pathOf(spec.url);
    const method = upper(spec.method);
    const unsafe = unsafeNames(spec);
    const preflighted = !["GET", "HEAD", "POST"].includes(method) || unsafe.length > 0;
    // A preflight no route takes: aiohttp raises its 405 past every middleware's later lines, and
    // answering OPTIONS in the middleware would take the app's own OPTIONS handlers' place too.
    if (preflighted && resolve(app, path, "OPTIONS").route === null)
      return {
        key: "config.aiohttp.cannot.own-preflight",
        params: { path, line: refused.line, refused: refused.resource.path },
      };
    const o = this.own ?? { refused, origins: new Set(), methods: [], headers: [], credentials: false };
    this.own = o;
    o.origins.add(spec.origin);
    if (preflighted && !o.methods.includes(method)) o.methods.push(method);
    for (const n of unsafe) {
      const written = spec.headers.find(([k]) => k.toLowerCase() === n)?.[0] ?? n;
      if (!o.headers.some((h) => h.toLowerCase() === n)) o.headers.push(written);
    }
    if (spec.credentials === "include") o.credentials = true;
    return null;
  }

  /**
   * Where the middleware goes: the `Application(…)` call that makes the app (its `middlewares=` list,
   * or the argument added), the module-level statement holding it (the middleware is defined just
   * above), and the name aiohttp's `web` is imported as (added when the file has none).
   */
  private ownPlace(): {
    call: Node;
    list: Node | null;
    top: Node;
    web: string | null;
  } | null {
    const app = this.app;
    if (!app.app) return null;
    const stmt = app.mod.tree.rootNode.descendantForIndex(app.app.stmt.start, app.app.stmt.end);
    if (!stmt) return null;
    const call = [stmt, ...stmt.descendantsOfType("call")].find(
      (c): c is Node =>
        c?.type === "call" && /(^|\.)Application$/.test(c.childForFieldName("function")?.text ?? ""),
    );
    const args = call?.childForFieldName("arguments");
    if (!call || !args) return null;
    const kw = args.namedChildren.find(
      (a) => a?.type === "keyword_argument" && a.childForFieldName("name")?.text === "middlewares",
    );
    const list = kw?.childForFieldName("value") ?? null;
    if (kw && list?.type !== "list" && list?.type !== "tuple") return null;
    let top: Node = call;
    while (top.parent && top.parent.type !== "module") top = top.parent;
    if (!top.parent) return null;
    const imported = [...app.mod.imports].find(([, v]) => v.module === "aiohttp" && v.name === "web")?.[0];
    // The reader knows a new-style middleware by `@web.middleware` (app.ts addMiddleware).
    if (imported !== undefined && imported !== "web") return null;
    if (imported === undefined && (app.mod.names.has("web") || app.mod.imports.has("web"))) return null;
    return { call, list, top, web: imported ?? null };
  }

  private flushOwn(): void {
    const o = this.own;
    const place = this.ownPlace();
    if (!o || !place) return;
    const origins = [...o.origins];
    // One Allow-Origin value for every answer: two pages' origins need the request's Origin checked
    // and echoed, which CORS Lens does not write.
    if (origins.length > 1) {
      this.cannotAll.push({
        key: "config.aiohttp.cannot.own-origins",
        params: { origins: origins.join(", "), line: o.refused.line },
      });
      return;
    }
    const text = this.text(this.file);
    const q = quoteOf(text);
    for (const m of text.matchAll(/\b[A-Za-z_]\w*\b/g)) this.names.add(m[0]);
    const constant = this.freshName("CORS_HEADERS");
    const name = this.freshName("cors_middleware");
    // CORS written from nothing exposes nothing: the headers the app's handlers write on their answers
    // (a tus server's Location and Upload-Offset, which tus-js-client reads) would reach the page's
    // script no more. Exposed, as the app's same-origin pages could read them; a preflight's answer
    // is never read by a script, so OPTIONS handlers' own headers are left out.
    const expose = exposedNames(
      this.app.routes
        .filter((r) => r.method !== "OPTIONS")
        .flatMap((r) => handlerHeaderNames(this.app.mod, r.stmt)),
    );
    const why: Words = {
      key:
        expose.length > 0 ? "config.aiohttp.fix.own-middleware-expose" : "config.aiohttp.fix.own-middleware",
      params: {
        name,
        origin: origins[0] as string,
        path: o.refused.resource.path,
        line: o.refused.line,
        expose: expose.join(", "),
      },
    };
    const headers: Array<[string, string]> = [
      ["Access-Control-Allow-Origin", origins[0] as string],
      ...(o.credentials ? ([["Access-Control-Allow-Credentials", "true"]] as Array<[string, string]>) : []),
      ...(o.methods.length > 0
        ? ([["Access-Control-Allow-Methods", o.methods.join(", ")]] as Array<[string, string]>)
        : []),
      ...(o.headers.length > 0
        ? ([["Access-Control-Allow-Headers", o.headers.join(", ")]] as Array<[string, string]>)
        : []),
      ...(expose.length > 0
        ? ([["Access-Control-Expose-Headers", expose.join(", ")]] as Array<[string, string]>)
        : []),
    ];
    // A handler that raises an HTTPException sends it past the middleware's later lines (hand.ts):
    // where one does, the headers go on the exception too, as `check` asks.
    const raises = this.app.routes.some((r) => handlerRaises(this.app.mod, r.stmt).size > 0);
    const call = raises
      ? [
          "    try:",
          "        response = await handler(request)",
          "    except web.HTTPException as exc:",
          `        exc.headers.update(${constant})`,
          "        raise",
        ]
      : ["    response = await handler(request)"];
    const lines = [
      `${constant} = {`,
      ...headers.map(([n, v]) => `    ${pyStr(n, q)}: ${pyStr(v, q)},`),
      "}",
      "",
      "",
      "@web.middleware",
      `async def ${name}(request, handler):`,
      ...call,
      `    response.headers.update(${constant})`,
      "    return response",
      "",
      "",
      "",
    ];
    // Above the statement making the app, and above the comment lines written right over it.
    let top = place.top;
    while (
      top.previousSibling?.type === "comment" &&
      top.previousSibling.endPosition.row === top.startPosition.row - 1
    )
      top = top.previousSibling;
    if (place.web === null) {
      const imports = this.app.mod.tree.rootNode.namedChildren.filter(
        (n): n is Node => n !== null && /^import(_from)?_statement$/.test(n.type),
      );
      const last = imports.filter((n) => n.startIndex < top.startIndex).at(-1);
      const to = last ? afterLine(text, last.endIndex) : 0;
      this.push("own-import", {
        file: this.file,
        start: to,
        end: to,
        text: "from aiohttp import web\n",
        why,
      });
    }
    const at = lineStart(text, top.startIndex);
    this.push("own-middleware", { file: this.file, start: at, end: at, text: lines.join("\n"), why });
    const list = place.list;
    if (list) {
      const empty = list.namedChildren.filter((c) => c?.type !== "comment").length === 0;
      const item = empty ? (list.type === "tuple" ? `${name},` : name) : `${name}, `;
      this.push("own-entry", {
        file: this.file,
        start: list.startIndex + 1,
        end: list.startIndex + 1,
        text: item,
        why,
      });
      return;
    }
    const args = place.call.childForFieldName("arguments") as Node;
    const close = args.child(args.childCount - 1) as Node;
    const given = args.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
    for (const e of argInsert(
      text,
      given.map((g) => ({ start: g.startIndex, end: g.endIndex, line: g.startPosition.row + 1 })),
      { start: close.startIndex, line: close.startPosition.row + 1 },
      `middlewares=[${name}]`,
    ))
      this.push(`own-arg:${e.part}`, { file: this.file, start: e.at, end: e.at, text: e.text, why });
  }

  wantOrigin(map: CorsMap | "setup", origin: string): void {
    const s = this.origins.get(map) ?? new Set();
    s.add(origin);
    this.origins.set(map, s);
  }

  private insertArg(
    site: {
      args: Array<{ start: number; end: number; line: number }>;
      close: { start: number; line: number } | null;
      line: number;
      dict: boolean;
    },
    key: string,
    name: string,
    value: string,
    why: Words,
  ): void {
    if (!site.close) {
      this.cannotAll.push({ key: "config.aiohttp.cannot.place", params: { line: site.line } });
      return;
    }
    const text = this.text(this.file);
    const arg = site.dict ? `${pyStr(name, quoteOf(text))}: ${value}` : `${name}=${value}`;
    for (const e of argInsert(text, site.args, site.close, arg))
      this.push(e.part === "comma" ? `${site.close.start}:comma` : `${site.close.start}:${key}`, {
        file: this.file,
        start: e.at,
        end: e.at,
        text: e.text,
        why,
      });
  }

  private extendList(site: Site, name: string, values: string[], why: Words): void {
    const text = this.text(this.file);
    const o = site.opts.get(name);
    const q = quoteOf(text);
    if (!o || o.value.t === "none") {
      const literal = `[${values.map((v) => pyStr(v, q)).join(", ")}]`;
      if (o)
        this.push(`${o.at.start}:${name}`, {
          file: this.file,
          start: o.at.start,
          end: o.at.end,
          text: literal,
          why,
        });
      else this.insertArg(site, name, name, literal, why);
      return;
    }
    if (o.value.t === "seq" && o.value.display) {
      const key = `list:${o.at.start}`;
      for (const e of displayInsert(text, o.value.display, values))
        this.push(e.part === "comma" ? `${key}:comma` : key, {
          file: this.file,
          start: e.at,
          end: e.at,
          text: e.text,
          why,
        });
      return;
    }
    this.cannotAll.push({ key: "config.cannot.list-value", params: { name, line: o.at.line } });
  }

  /** The site's wanted headers, methods and credentials, and the origins wanted in each map. */
  flush(): void {
    this.flushFresh();
    this.flushOwn();
    const text = this.text(this.file);
    for (const [site, w] of this.sites) {
      if (w.headers.size > 0)
        this.extendList(site, "allow_headers", [...w.headers], {
          key: "config.aiohttp.fix.list",
          params: { name: "allow_headers", values: [...w.headers].join(", ") },
        });
      if (w.methods.size > 0)
        this.extendList(site, "allow_methods", [...w.methods], {
          key: "config.aiohttp.fix.list",
          params: { name: "allow_methods", values: [...w.methods].join(", ") },
        });
      if (w.credentials) {
        const why: Words = { key: "config.aiohttp.fix.credentials" };
        const o = site.opts.get("allow_credentials");
        if (o)
          this.push(`cred:${o.at.start}`, {
            file: this.file,
            start: o.at.start,
            end: o.at.end,
            text: "True",
            why,
          });
        else this.insertArg(site, "allow_credentials", "allow_credentials", "True", why);
      }
    }
    const q = quoteOf(text);
    for (const [map, origins] of this.origins) {
      const list = [...origins];
      const why: Words = { key: "config.aiohttp.fix.origin", params: { origins: list.join(", ") } };
      if (map === "setup") {
        const setup = this.app.setup;
        if (!setup?.close) {
          this.cannotAll.push({ key: "config.aiohttp.cannot.place", params: { line: setup?.line ?? 0 } });
          continue;
        }
        const value = `{${list.map((o) => `${pyStr(o, q)}: ${this.app.optionsName}()`).join(", ")}}`;
        this.insertArg({ ...setup, dict: false }, "defaults", "defaults", value, {
          key: "config.aiohttp.fix.defaults",
          params: { origins: list.join(", ") },
        });
        continue;
      }
      if (map.comp) {
        const src = map.comp.source;
        if (src.t === "seq" && src.display) {
          for (const e of displayInsert(text, src.display, list))
            this.push(e.part === "comma" ? `comp:${src.at.start}:comma` : `comp:${src.at.start}`, {
              file: this.file,
              start: e.at,
              end: e.at,
              text: e.text,
              why,
            });
          continue;
        }
        if (src.t === "seq" && src.joined) {
          const j = src.joined;
          const close = j.at.end - j.quote.length;
          const inner = list.map((x) => pyStr(`${j.sep}${x}`, j.quote).slice(1, -1)).join("");
          this.push(`comp:${src.at.start}`, { file: this.file, start: close, end: close, text: inner, why });
          continue;
        }
        this.cannotAll.push({ key: "config.cannot.list-value", params: { name: "origins", line: map.line } });
        continue;
      }
      if (!map.dict) {
        this.cannotAll.push({ key: "config.aiohttp.cannot.place", params: { line: map.line } });
        continue;
      }
      // The new origin gets the options the origins beside it have (the last one's, as written).
      const model = map.entries.at(-1);
      const value = model ? model.site.text : `${this.app.optionsName}()`;
      for (const o of list)
        for (const e of argInsert(text, map.dict.args, map.dict.close, `${pyStr(o, q)}: ${value}`))
          this.push(e.part === "comma" ? `${map.dict.close.start}:comma` : `${map.dict.close.start}:${o}`, {
            file: this.file,
            start: e.at,
            end: e.at,
            text: e.text,
            why: model
              ? {
                  key: "config.aiohttp.fix.origin-like",
                  params: { origins: o, like: model.origin, line: model.line },
                }
              : why,
          });
    }
  }

  /**
   * A middleware that answers before the handler lets a preflight through first: it carries no
   * credentials or custom headers, and aiohttp-cors' preflight handler runs inside the middlewares
   * (https://github.com/aio-libs/aiohttp-cors/issues/193).
   */
  passOptions(m: AiohttpApp["middlewares"][number]): boolean {
    if (!m.firstStmt) return false;
    const text = this.text(this.file);
    const at = lineStart(text, m.firstStmt.start);
    const indent = indentAt(text, m.firstStmt.start);
    this.push(`options:${m.line}`, {
      file: this.file,
      start: at,
      end: at,
      // Only a preflight (it names Access-Control-Request-Method): any other OPTIONS request still
      // meets the middleware's check, as before.
      text: `${indent}if ${m.request}.method == "OPTIONS" and "Access-Control-Request-Method" in ${m.request}.headers:\n${indent}    return await ${m.handler}(${m.request})\n`,
      why: { key: "config.aiohttp.fix.middleware", params: { name: m.name, line: m.line } },
    });
    return true;
  }

  /**
   * The route registered for the URL the page calls too (the one normalize_path_middleware
   * redirects from): its registration line copied with the path changed — above a RouteTableDef
   * decorator (stacked, both register the handler), below an `add_*` statement. Only where the path
   * is written once on that line as a string literal.
   */
  alias(route: Route, written: string, wanted: string): boolean {
    const text = this.text(this.file);
    // The route's own line: a RouteTableDef decorator's, or an add_* statement's (its whole statement).
    const start = offsetOfLine(text, route.line);
    const own = route.stmt && route.stmt.startPosition.row + 1 === route.line ? route.stmt : null;
    const from = lineStart(text, start);
    const to = afterLine(text, own ? own.endIndex : start);
    const line = text.slice(from, to);
    const quoted = [`"${written}"`, `'${written}'`].filter((q) => line.includes(q));
    if (quoted.length !== 1 || line.split(quoted[0] as string).length !== 2) return false;
    const q = (quoted[0] as string)[0] as string;
    const copy = line.replace(quoted[0] as string, `${q}${wanted}${q}`);
    const decorator = /^\s*@/.test(line);
    const at = decorator ? from : to;
    this.push(`alias:${from}`, {
      file: this.file,
      start: at,
      end: at,
      text: copy.endsWith("\n") ? copy : `${copy}\n`,
      why: {
        key: "config.aiohttp.fix.slash-alias",
        params: { path: wanted, to: written, line: this.app.normalize?.line ?? 0, route: route.line },
      },
    });
    return true;
  }

  /**
   * A route registered by a startup hook that runs after the hook walking the routes into cors.add
   * (Home Assistant's set-up, home-assistant/core#59360): aiohttp runs `on_startup` hooks in the order
   * they were appended (https://github.com/aio-libs/aiohttp/blob/v3.8.4/aiohttp/web_app.py,
   * Application.startup, a Signal sent in order), so the walk sees only the routes registered before it
   * runs. The later hook's `app.on_startup.append(…)` moves above the statement that appends the walk's
   * hook, in the same block: its routes are then registered when the walk runs.
   */
  private hookFirst(route: Route, loop: AiohttpApp["loops"][number]): boolean {
    const app = this.app;
    const late = app.startup.findIndex((h) => route.sites.some((n) => n.id === h.stmt.id));
    const walk = app.startup.findIndex(
      (h) => h.fn.startIndex <= loop.stmt.startIndex && loop.stmt.endIndex <= h.fn.endIndex,
    );
    const lh = app.startup[late];
    const wh = app.startup[walk];
    if (!lh || !wh || walk >= late || lh.sites.length > 0) return false;
    const anchor = wh.sites[0] ?? wh.stmt;
    if (anchor.parent?.id !== lh.stmt.parent?.id || anchor.startIndex > lh.stmt.startIndex) return false;
    const text = this.text(this.file);
    const from = lineStart(text, lh.stmt.startIndex);
    const to = afterLine(text, lh.stmt.endIndex);
    const at = lineStart(text, anchor.startIndex);
    const why: Words = {
      key: "config.aiohttp.fix.hook-first",
      params: {
        hook: text.slice(lh.stmt.startIndex, lh.stmt.endIndex),
        line: lh.stmt.startPosition.row + 1,
        before: anchor.startPosition.row + 1,
        loop: loop.line,
      },
    };
    this.push(`hook-first:${from}`, { file: this.file, start: from, end: to, text: "", why });
    this.push(`hook-first-at:${from}`, {
      file: this.file,
      start: at,
      end: at,
      text: text.slice(from, to),
      why,
    });
    for (const r of app.routes) if (r.sites.some((n) => n.id === lh.stmt.id)) this.covered.add(r);
    return true;
  }

  /**
   * A route no cors.add reached: the `for route in …routes()` loop moved below the last route of its
   * block (it covers the routes registered before it), else the registering statement wrapped in
   * cors.add(…), else (no cors.add anywhere) the loop written after the last route.
   */
  cover(route: Route): boolean {
    if (this.covered.has(route)) return true;
    const app = this.app;
    const text = this.text(this.file);
    const setup = app.setup;
    if (!setup) return false;
    const loop = app.loops.at(-1);
    const stmt = route.stmt;
    if (loop && this.hookFirst(route, loop)) return true;
    // The loop leaves static files out (`if not isinstance(route.resource, web.StaticResource):`):
    // aiohttp-cors takes a StaticResource's routes as any other's (its add_preflight_handler has a
    // branch for them: https://github.com/aio-libs/aiohttp-cors/blob/master/aiohttp_cors/urldispatcher_router_adapter.py),
    // so the test goes and its body takes its place, one level out.
    const guard = app.loops.find((l) => l.guard)?.guard;
    if (route.resource.static && guard) {
      const cons = guard.childForFieldName("consequence");
      if (!cons) return false;
      const from = lineStart(text, guard.startIndex);
      const to = afterLine(text, guard.endIndex);
      const outer = indentAt(text, guard.startIndex);
      const inner = indentAt(text, cons.startIndex);
      const body = text
        .slice(lineStart(text, cons.startIndex), to)
        .split("\n")
        .map((l) => (l.startsWith(inner) ? outer + l.slice(inner.length) : l))
        .join("\n");
      this.push(`unguard:${guard.startIndex}`, {
        file: this.file,
        start: from,
        end: to,
        text: body,
        why: {
          key: "config.aiohttp.fix.static",
          params: { line: guard.startPosition.row + 1, path: route.resource.path },
        },
      });
      for (const r of app.routes) if (r.resource.static) this.covered.add(r);
      return true;
    }
    // The statement of the loop's block that registered the route (itself, or the call of the
    // file's function that did).
    const siteIn = (r: Route) =>
      r.sites.find((n) => n.parent?.id === loop?.block.id && n.startIndex > (loop?.stmt.endIndex ?? 0));
    if (loop && siteIn(route)) {
      // Every statement registering a route in this block after the loop: the loop goes after the last.
      const later = app.routes.filter((r) => r.kind !== "preflight" && siteIn(r));
      const between = app.adds.some((a) => a.order > loop.order);
      const unsafe = later.some((r) => r.method === "OPTIONS" || (r.method === "*" && !r.view?.mixin));
      const last = later.map((r) => siteIn(r) as Node).sort((a, b) => b.endIndex - a.endIndex)[0];
      if (!between && !unsafe && last) {
        const from = lineStart(text, loop.stmt.startIndex);
        const to = afterLine(text, loop.stmt.endIndex);
        // The blank line that set the loop apart goes with it.
        const blank = /^[ \t]*\n/.test(text.slice(to)) ? afterLine(text, to) : to;
        const at = afterLine(text, last.endIndex);
        const why: Words = {
          key: "config.aiohttp.fix.move-loop",
          params: { loop: loop.line, after: last.startPosition.row + 1 },
        };
        this.push(`move:${loop.line}`, { file: this.file, start: from, end: blank, text: "", why });
        this.push(`moved:${loop.line}`, {
          file: this.file,
          start: at,
          end: at,
          text: `\n${text.slice(from, to)}`,
          why,
        });
        for (const r of later) this.covered.add(r);
        return true;
      }
    }
    // The loop inside a function of the file (`def setup_cors(app): … for route in …: cors.add(route)`)
    // called once, in a block where routes are registered after the call: the call moves below them.
    const call = loop ? loopCall(loop) : null;
    const siteAfter = (r: Route) =>
      call
        ? r.sites.find((n) => n.parent?.id === call.parent?.id && n.startIndex > call.endIndex)
        : undefined;
    if (loop && call && siteAfter(route) && !app.adds.some((a) => a.order > loop.order)) {
      const later = app.routes.filter((r) => r.kind !== "preflight" && siteAfter(r));
      const unsafe = later.some((r) => r.method === "OPTIONS" || (r.method === "*" && !r.view?.mixin));
      const last = later.map((r) => siteAfter(r) as Node).sort((a, b) => b.endIndex - a.endIndex)[0];
      if (!unsafe && last) {
        const from = lineStart(text, call.startIndex);
        const to = afterLine(text, call.endIndex);
        const at = afterLine(text, last.endIndex);
        const why: Words = {
          key: "config.aiohttp.fix.move-loop-call",
          params: {
            call: text.slice(call.startIndex, call.endIndex),
            line: call.startPosition.row + 1,
            loop: loop.line,
            after: last.startPosition.row + 1,
          },
        };
        this.push(`move-call:${loop.line}`, { file: this.file, start: from, end: to, text: "", why });
        this.push(`moved-call:${loop.line}`, {
          file: this.file,
          start: at,
          end: at,
          text: text.slice(from, to),
          why,
        });
        for (const r of later) this.covered.add(r);
        return true;
      }
    }
    if (app.adds.length === 0 && stmt && setup.name && stmt.parent?.id === setup.stmt.parent?.id) {
      // No cors.add anywhere: the README's loop, once, after the last route (one edit for every route).
      const inBlock = app.routes
        .filter((r) => r.stmt && r.stmt.parent?.id === stmt.parent?.id)
        .map((r) => r.stmt as NonNullable<Route["stmt"]>);
      // Every route given to cors.add: none may be an OPTIONS route or a plain handler of every method.
      const unsafe = app.routes.some(
        (r) => r.kind !== "preflight" && (r.method === "OPTIONS" || (r.method === "*" && !r.view?.mixin)),
      );
      if (unsafe) return false;
      const last = [...inBlock, setup.stmt].sort((a, b) => b.endIndex - a.endIndex)[0] as NonNullable<
        Route["stmt"]
      >;
      const at = afterLine(text, last.endIndex);
      const indent = indentAt(text, last.startIndex);
      const router = app.app ? `${app.app.name}.router` : "app.router";
      this.push("loop", {
        file: this.file,
        start: at,
        end: at,
        text: `\n${indent}for route in list(${router}.routes()):\n${indent}    ${setup.name}.add(route)\n`,
        why: { key: "config.aiohttp.fix.loop", params: { after: last.startPosition.row + 1 } },
      });
      for (const r of app.routes) this.covered.add(r);
      return true;
    }
    // cors.add(…) around the registration runs where the `cors` name is bound: in setup's function
    // (or anywhere, setup being at module level), after setup.
    if (route.call && stmt && setup.name && route.order > setup.order && sameScope(stmt, setup.stmt)) {
      const why: Words = {
        key: "config.aiohttp.fix.wrap",
        params: { method: route.method, path: route.resource.path },
      };
      this.push(`wrap:${route.call.start}:open`, {
        file: this.file,
        start: route.call.start,
        end: route.call.start,
        text: `${setup.name}.add(`,
        why,
      });
      this.push(`wrap:${route.call.start}:close`, {
        file: this.file,
        start: route.call.end,
        end: route.call.end,
        text: ")",
        why,
      });
      this.covered.add(route);
      return true;
    }
    return false;
  }
}

/**
 * The first route aiohttp-cors cannot be given: a resource's own OPTIONS handler ("already has OPTIONS
 * handler") or a handler of every method that is no CorsViewMixin view ("already has a '*' handler"),
 * ValueErrors of add_preflight_handler (aiohttp_cors/urldispatcher_router_adapter.py,
 * https://github.com/aio-libs/aiohttp-cors/blob/v0.7.0/aiohttp_cors/urldispatcher_router_adapter.py#L137-L160;
 * aio-libs/aiohttp-cors#241). The README's loop over every route would stop the app at startup.
 */
function refusedByCors(app: AiohttpApp): Route | undefined {
  return app.routes.find(
    (r) =>
      r.kind !== "preflight" &&
      !r.resource.static &&
      (r.method === "OPTIONS" || (r.method === "*" && !r.view?.mixin)),
  );
}

/**
 * The one statement calling the module-level function a loop is written in (`setup_cors(app)`), or
 * null: the loop at module level, or its function called from no statement, or from several.
 */
function loopCall(loop: { stmt: Node }): Node | null {
  let fn: Node | null = loop.stmt.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name || fn.parent?.type !== "module") return null;
  const calls = loop.stmt.tree.rootNode
    .descendantsOfType("call")
    .filter(
      (c): c is Node =>
        c !== null &&
        c.childForFieldName("function")?.text === name &&
        c.parent?.type === "expression_statement",
    );
  return calls.length === 1 ? ((calls[0] as Node).parent as Node) : null;
}

/** The offset where a (1-based) line starts. */
function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line && at < text.length; l++) at = afterLine(text, at);
  return at;
}

/** The function a statement is in (null: the module). */
function scopeOf(n: { parent: unknown; type: string; id: number } | null): number | null {
  let x = n as { parent: unknown; type: string; id: number } | null;
  while (x) {
    if (x.type === "function_definition") return x.id;
    x = x.parent as typeof x;
  }
  return null;
}

/** `b`'s names are seen from `a`: the same function, or `b` at module level. */
function sameScope(a: Route["stmt"], b: Route["stmt"]): boolean {
  const sb = scopeOf(b);
  return sb === null || scopeOf(a) === sb;
}

/** Where the page's origin goes for this chain: the nearest layer that names origins, else defaults. */
function originPlace(app: AiohttpApp, chain: readonly CorsMap[], origin: string): CorsMap | "setup" | null {
  const named = chain.find((m) => m !== EMPTY && (m.entries.length > 0 || m.comp) && !m.unknown);
  const defaults = app.setup?.defaults;
  const candidates: Array<CorsMap | "setup"> = [];
  if (named) candidates.push(named);
  if (defaults && defaults !== EMPTY && defaults.dict) candidates.push(defaults);
  else if (app.setup && !app.setup.written) candidates.push("setup");
  // An exact origin shadows a "*" of a nearer layer elsewhere (ChainMap looks the exact key up in
  // every layer first): the map is taken only where no chain holding it lets the origin in by "*".
  for (const c of candidates) {
    if (c === "setup") return c;
    if (!shadows(app, c, origin)) return c;
  }
  return null;
}

function shadows(app: AiohttpApp, map: CorsMap, origin: string): boolean {
  for (const r of app.routes) {
    if (!r.resource.config || r.kind === "preflight") continue;
    const chain = actualChain(app, r, r.method === "*" ? "GET" : r.method);
    if (!chain.includes(map)) continue;
    try {
      if (lookup(chain, origin)) return true;
    } catch {
      return true;
    }
  }
  return false;
}

export function patchAiohttp(
  config: AiohttpConfig,
  failing: ReadonlyArray<{ spec: RequestSpec; judged: Judged }>,
): { edits: Edit[]; cannot: Map<string, Words> } {
  const app = config.app;
  const p = new Patcher(app);
  const asked: string[] = [];
  if (app.hand) {
    patchHand(p, app, app.hand, failing);
    return { edits: p.edits, cannot: p.cannot };
  }
  for (const { spec } of failing) {
    try {
      if (app.crash) {
        p.cannot.set(spec.id, { key: "config.aiohttp.cannot.crash", params: { line: app.crash.line } });
        continue;
      }
      if (app.unknown) throw new Unknowable(app.unknown);
      if (!app.setup) {
        // No CORS anywhere, and a route aiohttp-cors would refuse (its own OPTIONS handler): a CORS
        // middleware of the app's own.
        const refused = refusedByCors(app);
        if (refused) {
          const why = p.ownWant(spec, refused);
          if (why) p.cannot.set(spec.id, why);
          else asked.push(spec.id);
          continue;
        }
        // No CORS anywhere: aiohttp-cors set up for every route, with what the page sends.
        if (!app.hand && p.setupWant(spec)) asked.push(spec.id);
        else p.cannot.set(spec.id, { key: "config.aiohttp.cannot.no-setup" });
        continue;
      }
      const path = pathOf(spec.url);
      const method = upper(spec.method);
      const r = resolve(app, path, method);
      const to = r.route ? null : normalized(app, path, method);
      const target = to !== null ? resolve(app, to, method) : null;
      if (to !== null && target?.route && p.alias(target.route, to, path)) {
        asked.push(spec.id);
        continue;
      }
      if (!r.route) {
        p.cannot.set(spec.id, { key: "config.aiohttp.cannot.no-route", params: { method, path } });
        continue;
      }
      const route = r.route;
      // Not given to cors.add: on a resource of its own (no CORS at all), or registered after the loop
      // on a resource the loop covered (its preflight is refused: no config for its method).
      const late =
        route.added === null && route.kind === "handler" && app.loops.some((l) => route.order >= l.order);
      if (!r.resource.config || late) {
        if (p.cover(route)) {
          asked.push(spec.id);
          continue;
        }
        if (!r.resource.config) {
          p.cannot.set(spec.id, {
            key: "config.aiohttp.cannot.cover",
            params: { method, path, line: route.line },
          });
          continue;
        }
      }
      const unsafe = unsafeNames(spec);
      const preflight = !["GET", "HEAD", "POST"].includes(method) || unsafe.length > 0;
      let need: Need | null = null;
      if (preflight) {
        const req: HopRequest = {
          method: "OPTIONS",
          url: spec.url,
          headers: [
            ["Origin", spec.origin],
            ["Access-Control-Request-Method", method],
            ...(unsafe.length > 0
              ? ([["Access-Control-Request-Headers", unsafe.join(",")]] as HeaderList)
              : []),
          ],
        };
        const pr = resolve(app, path, "OPTIONS");
        const blocking = blockingMiddleware(app);
        // The middleware answered the preflight (as recorded), or what it answers was not recorded.
        const recorded = spec.recorded?.preflight?.status ?? null;
        if (
          blocking &&
          (pr.route?.kind === "preflight" || pr.route?.view?.mixin) &&
          (recorded === null || recorded < 200 || recorded >= 300)
        ) {
          if (p.passOptions(blocking)) asked.push(spec.id);
          else p.cannot.set(spec.id, { key: "config.aiohttp.cannot.place", params: { line: blocking.line } });
          continue;
        }
        if (!pr.route) need = null;
        else if (pr.route.kind === "preflight") {
          const o = preflightOf(app, pr.resource, req);
          if (!o.ok) need = o.need;
        } else if (pr.route.view?.mixin) {
          const o = viewPreflight(app, pr.route.view, req);
          if (!o.ok) need = o.need;
        } else {
          p.cannot.set(spec.id, {
            key: "config.aiohttp.cannot.own-options",
            params: { path, line: pr.route.line },
          });
          continue;
        }
      }
      if (!need) {
        const chain = actualChain(app, route, method);
        const entry = lookup(chain, spec.origin);
        if (!entry) need = { kind: "origin", chain };
        else if (spec.credentials === "include" && !optionsOf(entry.site).credentials)
          need = { kind: "credentials", entry };
      }
      if (!need) continue;
      switch (need.kind) {
        case "origin": {
          const place = originPlace(app, need.chain, spec.origin);
          if (!place) {
            p.cannot.set(spec.id, { key: "config.aiohttp.cannot.origin", params: { origin: spec.origin } });
            continue;
          }
          p.wantOrigin(place, spec.origin);
          break;
        }
        case "headers":
          for (const h of need.headers) p.want(need.entry.site).headers.add(h.toLowerCase());
          break;
        case "method":
          p.want(need.entry.site).methods.add(need.method);
          break;
        case "credentials":
          p.want(need.entry.site).credentials = true;
          break;
        case "view-method":
          p.cannot.set(spec.id, {
            key: "config.aiohttp.cannot.view-method",
            params: { view: need.view.name, method: need.method },
          });
          continue;
        default:
          p.cannot.set(spec.id, { key: "config.cannot.cause", params: { code: need.kind } });
          continue;
      }
      asked.push(spec.id);
    } catch (e) {
      if (!(e instanceof Unknowable)) throw e;
      p.cannot.set(spec.id, e.why);
    }
  }
  p.flush();
  // An edit inside a function whose returned options several cors.add calls share would change
  // every route that calls it, not the refused one: said, not written.
  const shared = app.shared.find((f) => p.edits.some((e) => e.start >= f.start && e.end <= f.end));
  if (shared)
    p.cannotAll.unshift({
      key: "config.aiohttp.cannot.shared",
      params: { name: shared.name, line: shared.line },
    });
  const edits = p.edits.filter((e) => !app.shared.some((f) => e.start >= f.start && e.end <= f.end));
  const why = p.cannotAll[0];
  if (why) for (const id of asked) if (!p.cannot.has(id)) p.cannot.set(id, why);
  return { edits, cannot: p.cannot };
}
