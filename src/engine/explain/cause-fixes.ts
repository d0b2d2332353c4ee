/**
 * The fixes for a cause: the policy the server must implement for the page's requests to this
 * API, with the stack notes the cause's room (`../causes/<code>.ts`) calls for, plus its
 * page-side alternative.
 */
import type { Translate } from "../../i18n";
import type { ApiProfile } from "../api-profile";
import { CAUSES } from "../causes";
import { type FixFocus, serverFixes } from "../fixes";
import type { CorsPolicy, PolicyDelta } from "../fixes/policy";
import { combinedHeader, hasHeader, isNameable, splitList, variesOnOrigin } from "../headers";
import { originOf } from "../origin";
import { MAX_AGE_CAP } from "../rules/max-age";
import { isSafelistedMethod } from "../safelist";
import { proxyLayer } from "../server-stack";
import type { Fix } from "../types";
import type { CauseContext } from "./context";

/** The smallest browser cap on Access-Control-Max-Age (Chromium's): asking for more buys nothing. */
const MAX_AGE = Math.min(...Object.values(MAX_AGE_CAP));

function union(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

/** Methods a list must name: not safelisted, or not in upper case (`patch` is not `PATCH`). */
function listed(method: string): boolean {
  return !(isSafelistedMethod(method) && method === method.toUpperCase());
}

/**
 * The policy for this request, widened to everything the page asked of the API and everything the
 * server already allowed: what worked keeps working. `*` survives only without credentials.
 */
export function policyFor(ctx: CauseContext): CorsPolicy {
  const api: ApiProfile | null = ctx.api ?? null;
  const opaque = ctx.origin === "null";
  const credentials = ctx.credentialed || (api?.credentials ?? false) || (api?.server.credentials ?? false);
  // Only what a server's configuration can name: a serialized origin, token methods and names (a
  // HAR's garbage, a 1 MiB value, never enters every stack's snippet).
  const own = opaque
    ? credentials
      ? ["null"]
      : ["*"]
    : originOf(ctx.origin) === ctx.origin
      ? [ctx.origin]
      : [];
  const wildcardOk = !credentials && (api?.server.anyOrigin ?? false);
  const origins = wildcardOk
    ? ["*"]
    : union(own, api?.origins ?? [], api?.server.origins ?? []).filter((o) => o !== "*");
  const keepStar = (items: readonly string[]): string[] =>
    credentials ? items.filter((i) => i !== "*") : [...items];
  return {
    origins: origins.length > 0 ? origins : ["*"],
    credentials,
    methods: keepStar(
      union(
        listed(ctx.facts.method) && isNameable(ctx.facts.method) ? [ctx.facts.method] : [],
        api?.methods ?? [],
        api?.server.methods ?? [],
      ),
    ).filter(listed),
    pageMethods: union(isNameable(ctx.facts.method) ? [ctx.facts.method] : [], api?.methods ?? []).filter(
      isNameable,
    ),
    // `Access-Control-*` names are response headers (or the browser's own preflight headers): a page
    // that sends one is told to stop (the response-header-in-request finding), never to allow it.
    headers: keepStar(
      union((ctx.facts.unsafeNames ?? []).filter(isNameable), api?.headers ?? [], api?.server.headers ?? []),
    ).filter((h) => !h.toLowerCase().startsWith("access-control-")),
    exposeHeaders: keepStar(api?.server.exposeHeaders ?? []),
    maxAge: MAX_AGE,
    anyHeaders: api?.server.anyHeaders ?? false,
    anyMethods: api?.server.anyMethods ?? false,
  };
}

/** What the server's set-up lacks for the policy: only additions, each list item once. */
export function deltaFor(policy: CorsPolicy, ctx: CauseContext): PolicyDelta {
  const s = ctx.api?.server;
  const answeredStar = [ctx.exchange.preflight, ...ctx.exchange.hops].some(
    (hop) => hop && combinedHeader(hop.responseHeaders, "access-control-allow-origin")?.trim() === "*",
  );
  // A response that varies on Origin but allowed none came from a set-up that refused this origin.
  // Any Allow-Origin answered (another origin, or this one with something else refused) is a CORS
  // set-up too.
  const configured =
    (s?.configured ?? false) ||
    answeredStar ||
    [ctx.exchange.preflight, ...ctx.exchange.hops].some(
      (hop) =>
        hop &&
        (variesOnOrigin(hop) || combinedHeader(hop.responseHeaders, "access-control-allow-origin") !== null),
    );
  const star = (s?.anyOrigin ?? false) || answeredStar;
  const without = (items: readonly string[], had: readonly string[]) => items.filter((i) => !had.includes(i));
  // What this request's own preflight refused is added even where another route of the API allowed
  // anything: the set-up that answered this URL did not.
  const preflight = ctx.exchange.preflight?.responseHeaders ?? null;
  const answered = (name: string) => splitList(combinedHeader(preflight ?? [], name) ?? "");
  const refusedHeaders = preflight
    ? without(
        (ctx.facts.unsafeNames ?? []).map((n) => n.toLowerCase()).filter((n) => policy.headers.includes(n)),
        answered("access-control-allow-headers").map((n) => n.toLowerCase()),
      )
    : [];
  const refusedMethods =
    preflight && policy.methods.includes(ctx.facts.method)
      ? without([ctx.facts.method], answered("access-control-allow-methods"))
      : [];
  // A CORS library that refused the method itself checks every method against its list, the
  // CORS-safelisted ones too (Starlette's preflight_response: "Disallowed CORS method" for a POST
  // when allow_methods is the default ("GET",),
  // https://github.com/encode/starlette/blob/master/starlette/middleware/cors.py): the refused
  // method is added even where the page needs no listing for it.
  const rejectedMethod =
    ctx.rejection?.focus === "methods" &&
    preflight &&
    !answered("access-control-allow-methods").includes(ctx.facts.method)
      ? [ctx.facts.method]
      : [];
  const methods = s?.anyMethods ? refusedMethods : without(policy.methods, s?.methods ?? []);
  return {
    configured,
    origins:
      star && !policy.credentials ? [] : without(policy.origins, s?.origins ?? []).filter((o) => o !== "*"),
    methods: [...new Set([...methods, ...rejectedMethod])],
    headers: s?.anyHeaders ? refusedHeaders : without(policy.headers, s?.headers ?? []),
    starToOrigins: policy.credentials && star,
    credentials: policy.credentials && !(s?.credentials ?? false),
  };
}

/**
 * What the server already allowed (kept) and what the fix adds, in words; nulls without a profile.
 * `keepsListed` is `keeps` for a set-up that can only list request headers (the names seen, where
 * the server answered back any).
 */
function keepsAndAdds(
  policy: CorsPolicy,
  api: ApiProfile | null,
  t: Translate,
): { keeps: string | null; keepsListed: string | null; adds: string | null } {
  if (!api) return { keeps: null, keepsListed: null, adds: null };
  const s = api.server;
  const had = {
    origins: s.anyOrigin ? ["*"] : s.origins,
    methods: s.methods,
    headers: s.headers,
  };
  const part = (
    key: "fix.part.origins" | "fix.part.methods" | "fix.part.headers" | "fix.part.any-headers",
    items: readonly string[],
  ) => (items.length > 0 ? t(key, { list: items.join(", ") }) : null);
  const kept = (echoes: boolean) =>
    [
      part(
        "fix.part.origins",
        had.origins.filter((o) => policy.origins.includes(o)),
      ),
      part(
        "fix.part.methods",
        had.methods.filter((m) => policy.methods.includes(m)),
      ),
      // A server that answered back whatever was asked keeps doing so (the snippets echo the list).
      part(
        echoes && s.anyHeaders && policy.anyHeaders ? "fix.part.any-headers" : "fix.part.headers",
        had.headers.filter((h) => policy.headers.includes(h)),
      ),
      s.credentials && policy.credentials ? t("fix.part.credentials") : null,
    ].filter((p): p is string => p !== null);
  const keeps = kept(true);
  const keepsListed = kept(false);
  const adds = [
    part(
      "fix.part.origins",
      policy.origins.filter((o) => !had.origins.includes(o)),
    ),
    part(
      "fix.part.methods",
      policy.methods.filter((m) => !had.methods.includes(m)),
    ),
    part(
      "fix.part.headers",
      policy.headers.filter((h) => !had.headers.includes(h)),
    ),
    policy.credentials && !s.credentials ? t("fix.part.credentials") : null,
  ].filter((p): p is string => p !== null);
  const separator = t("fix.part.separator");
  return {
    keeps: keeps.length > 0 ? keeps.join(separator) : null,
    keepsListed: keepsListed.length > 0 ? keepsListed.join(separator) : null,
    adds: adds.length > 0 ? adds.join(separator) : null,
  };
}

const first = (p: CorsPolicy) => p.origins[0] ?? "*";

function summary(focus: FixFocus, p: CorsPolicy, t: Translate): string {
  switch (focus) {
    case "allow-origin":
      return t("fix.summary.allow-origin", { origins: p.origins.join(", ") });
    case "single-origin":
      return t("fix.summary.single-origin", { origin: first(p) });
    case "credentials":
      return t("fix.summary.credentials", { origins: p.origins.join(", ") });
    case "methods":
      return t("fix.summary.methods", {
        hasMethods: p.methods.length > 0 ? "yes" : "no",
        methods: p.methods.join(", "),
      });
    case "headers":
      // A page that sends only Access-Control-* request headers: the policy never allows those
      // (the finding says to stop sending them), so there is no header to name.
      return t("fix.summary.headers", {
        hasHeaders: p.headers.length > 0 ? "yes" : "no",
        headers: p.headers.join(", "),
      });
    case "preflight-before-auth":
      return t("fix.summary.preflight-before-auth");
    case "preflight-route":
      return t("fix.summary.preflight-route");
    case "no-preflight-redirect":
      return t("fix.summary.no-preflight-redirect");
    case "before-routes":
      return t("fix.summary.before-routes");
    case "error-responses":
      return t("fix.summary.error-responses", { origins: p.origins.join(", ") });
    case "null-origin":
      return t("fix.summary.null-origin", { origin: first(p) });
    case "expose":
      return t("fix.summary.expose", { headers: p.exposeHeaders.join(", ") });
  }
}

/**
 * Requests to one API mostly ask for the same policy: their snippets are rendered once and
 * shared (the same strings), so 200,000 blocked exchanges do not hold 200,000 copies (~10 kB each).
 * Bounded: past SHARED_MAX policies the table starts over.
 */
const shared = new Map<string, Fix[]>();
const SHARED_MAX = 2_000;

function sharedServerFixes(
  policy: CorsPolicy,
  delta: PolicyDelta,
  focus: FixFocus,
  api: ApiProfile | null,
  t: Translate,
  challenged: boolean,
): Fix[] {
  const { keeps, keepsListed, adds } = keepsAndAdds(policy, api, t);
  const key = `${focus}\u0000${challenged}\u0000${JSON.stringify(policy)}\u0000${JSON.stringify(delta)}\u0000${keeps}\u0000${adds}\u0000${t("fix.title.generic-headers")}`;
  let fixes = shared.get(key);
  if (!fixes) {
    if (shared.size >= SHARED_MAX) shared.clear();
    fixes = serverFixes({
      policy,
      delta,
      focus,
      summary: summary(focus, policy, t),
      keeps,
      keepsListed,
      adds,
      t,
      challenged,
    });
    shared.set(key, fixes);
  }
  return fixes;
}

/** The server's fix first when the evidence names its software. */
function serverFirst(fixes: Fix[], stack: string | undefined): Fix[] {
  const at = stack ? fixes.findIndex((f) => f.stack === stack) : -1;
  if (at <= 0) return fixes;
  return [fixes[at] as Fix, ...fixes.slice(0, at), ...fixes.slice(at + 1)];
}

/** The final lists are shared too (same server fixes, same first stack, same page-side fix). */
const finalLists = new WeakMap<Fix[], Map<string, Fix[]>>();

export function fixesForCause(ctx: CauseContext): Fix[] {
  const spec = CAUSES[ctx.failure.code];
  const focus = ctx.rejection?.focus ?? spec.fixFocus(ctx);
  const policy = focus === null ? null : policyFor(ctx);
  const server =
    focus === null || policy === null
      ? null
      : sharedServerFixes(
          policy,
          deltaFor(policy, ctx),
          focus,
          ctx.api ?? null,
          ctx.t,
          hasHeader(ctx.failure.hop?.responseHeaders, "www-authenticate"),
        );
  const client = spec.clientAlternative(ctx);
  if (server === null) return client ? [client] : [];
  // A header two layers both add is fixed in the proxy (it hides the app's copy), not in the app.
  const firstStack =
    (focus === "single-origin" ? proxyLayer(ctx.failure.hop, ctx.server) : null) ?? ctx.server?.stack;
  const key = `${firstStack ?? ""}\u0000${client ? `${client.title}\u0000${client.snippet}` : ""}`;
  let byKey = finalLists.get(server);
  if (!byKey) {
    byKey = new Map();
    finalLists.set(server, byKey);
  }
  let fixes = byKey.get(key);
  if (!fixes) {
    fixes = [...serverFirst(server, firstStack), ...(client ? [client] : [])];
    if (byKey.size < 256) byKey.set(key, fixes);
  }
  return fixes;
}
