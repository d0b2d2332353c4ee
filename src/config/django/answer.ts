/**
 * What a Django app with django-cors-headers 3.14 answers, from its settings: CorsMiddleware's
 * process_request answers a preflight (OPTIONS with Access-Control-Request-Method) on a URL
 * CORS_URLS_REGEX matches with an empty 200; its process_response adds Vary: Origin and the CORS
 * headers to every response that passes back through it
 * (https://github.com/adamchainz/django-cors-headers/blob/3.14.0/src/corsheaders/middleware.py).
 * A middleware listed above it that answers first (CommonMiddleware's APPEND_SLASH redirect,
 * SecurityMiddleware's HTTPS redirect, WhiteNoise's static files) answers without them; a middleware
 * this reader does not know makes the answer unknown. The view's own status comes from the record.
 */
import { combinedHeader, type HeaderList, hasHeader } from "../../engine";
import type { Answer, HopRequest, Words } from "../types";
import { recordedAllowOrigin, Unknowable } from "../whatif";
import { CORS_MIDDLEWARE, type DjangoSettings, type Middleware, pyRegex, type Value } from "./settings";

/** Middlewares whose process_request never answers (Django's own and common third-party ones). */
const PASSIVE = new Set([
  "django.contrib.sessions.middleware.SessionMiddleware",
  "django.middleware.csrf.CsrfViewMiddleware",
  "django.contrib.auth.middleware.AuthenticationMiddleware",
  "django.contrib.messages.middleware.MessageMiddleware",
  "django.middleware.clickjacking.XFrameOptionsMiddleware",
  "django.middleware.gzip.GZipMiddleware",
  "django.middleware.http.ConditionalGetMiddleware",
  "django.middleware.locale.LocaleMiddleware",
  "django.contrib.sites.middleware.CurrentSiteMiddleware",
  "django.contrib.admindocs.middleware.XViewMiddleware",
  "corsheaders.middleware.CorsPostCsrfMiddleware",
]);

export type Layer = "passive" | "common" | "security" | "static" | "unknown";

export function layerOf(name: string): Layer {
  if (PASSIVE.has(name)) return "passive";
  if (name === "django.middleware.common.CommonMiddleware") return "common";
  if (name === "django.middleware.security.SecurityMiddleware") return "security";
  if (name === "whitenoise.middleware.WhiteNoiseMiddleware") return "static";
  return "unknown";
}

const lower = (s: string) => s.toLowerCase();

/** Keys of the "unknown" answers a patch settles (CorsMiddleware moved up or added, the URL regex widened). */
export const PREFLIGHT_UNKNOWN = new Set([
  "config.django.unknown.middleware",
  "config.django.unknown.upstream-options",
  "config.django.mw.unknown.view-options",
]);

function need<T>(v: Value<T>): T {
  if (!v.known) throw new Unknowable(v.why);
  return v.value;
}

/** Who answers this request: a middleware above CorsMiddleware, or the stack below it. */
export interface Route {
  cors: Middleware | null;
  /** The middleware above CorsMiddleware that answers first, and how. */
  first: { middleware: Middleware; status: number; location: string | null } | null;
  /** CORS_URLS_REGEX matches the path. */
  enabled: boolean;
  assumed: Words[];
}

export function route(s: DjangoSettings, req: HopRequest): Route {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new Unknowable({ key: "config.unknown.url", params: { url: req.url } });
  }
  const path = url.pathname;
  const list = need(s.middleware);
  const at = list.findIndex((m) => m.name === CORS_MIDDLEWARE);
  const cors = at < 0 ? null : (list[at] as Middleware);
  const assumed: Words[] = [];
  const recorded = req.upstream?.status ?? null;
  const out: Route = { cors, first: null, enabled: false, assumed };
  if (!cors) return out;
  for (const m of list.slice(0, at)) {
    const layer = layerOf(m.name);
    if (layer === "passive") continue;
    if (layer === "security") {
      if (need(s.sslRedirect) && url.protocol === "http:") {
        out.first = {
          middleware: m,
          status: 301,
          location: `https://${url.host}${url.pathname}${url.search}`,
        };
        return out;
      }
      continue;
    }
    if (layer === "common") {
      // APPEND_SLASH: a path without its slash that the URLconf knows only with one is redirected
      // (https://github.com/django/django/blob/stable/3.2.x/django/middleware/common.py). The
      // URLconf is not in this file: the recorded 301 tells, or the path is taken as routed.
      if (need(s.appendSlash) && !path.endsWith("/")) {
        if (recorded === 301) {
          out.first = { middleware: m, status: 301, location: `${path}/${url.search}` };
          return out;
        }
        if (recorded === null) assumed.push({ key: "config.django.assumed.routed", params: { path } });
      }
      continue;
    }
    if (layer === "static") {
      const prefix = need(s.staticUrl);
      const p = prefix.startsWith("/") ? prefix : `/${prefix}`;
      if (prefix !== "" && path.startsWith(p)) {
        out.first = { middleware: m, status: recorded ?? 200, location: null };
        if (recorded === null) assumed.push({ key: "config.assumed.static-200", params: { path } });
        return out;
      }
      continue;
    }
    throw new Unknowable({ key: "config.django.unknown.middleware", params: { name: m.name, line: m.line } });
  }
  const pattern = need(s.urlsRegex);
  const re = pyRegex(pattern);
  if (!re)
    throw new Unknowable({
      key: "config.unknown.regex",
      params: { regex: pattern, line: s.urlsRegex.from?.stmt.line ?? 0 },
    });
  out.enabled = re.test(path);
  return out;
}

/** The origin is one corsheaders allows (origin_found_in_white_lists, or CORS_ALLOW_ALL_ORIGINS). */
export function originAllowed(s: DjangoSettings, origin: string): boolean {
  if (need(s.allowAll)) return true;
  const origins = need(s.origins);
  if (origin === "null" && origins.includes("null")) return true;
  const split = (o: string) => {
    // urlsplit: the scheme lower-cased, the netloc as written.
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(o);
    return m ? { scheme: lower(m[1] ?? ""), netloc: m[2] ?? "" } : null;
  };
  const u = split(origin);
  if (u && origins.some((o) => split(o)?.scheme === u.scheme && split(o)?.netloc === u.netloc)) return true;
  for (const pattern of need(s.regexes)) {
    const re = pyRegex(pattern);
    if (!re)
      throw new Unknowable({
        key: "config.unknown.regex",
        params: { regex: pattern, line: s.regexes.from?.stmt.line ?? 0 },
      });
    if (re.test(origin)) return true;
  }
  return false;
}

/** Django's `response[name] = value`: replaces the header of that name. */
function set(headers: Array<[string, string]>, name: string, value: string): void {
  for (let i = headers.length - 1; i >= 0; i--)
    if (lower((headers[i] as [string, string])[0]) === lower(name)) headers.splice(i, 1);
  headers.push([name, value]);
}

/** Allow-Origin values recorded from CorsMiddleware, by the origin asked (see recordedVerdict). */
const seenVerdicts = new WeakMap<DjangoSettings, Map<string, string>>();

/**
 * The origin settings computed by code not evaluated here (an `if` over a list read from the
 * environment): where this hop's recorded answer came from CorsMiddleware with this origin, its
 * Allow-Origin is the verdict — the origin or `*`: allowed (`*` only with CORS_ALLOW_ALL_ORIGINS and
 * no credentials, corsheaders/middleware.py 3.14's process_response), none: refused. The verdict is
 * the origin's alone (origin_found_in_white_lists), so one recorded on the preflight stands for the
 * call its failure kept unsent. Headers, methods and credentials stay the settings' own. Said in
 * `assumed`; a 5xx, two values or another origin's value leave it unknown.
 */
function recordedVerdict(
  s: DjangoSettings,
  req: HopRequest,
  origin: string,
  assumed: Words[] | undefined,
): string | false | null {
  const seen = seenVerdicts.get(s) ?? new Map<string, string>();
  seenVerdicts.set(s, seen);
  const recorded = recordedAllowOrigin(req.upstream, (v) => v === "*" || v === origin);
  if (recorded === null) return null;
  // Only an Allow-Origin is kept for the other hops: a hop asked with no recorded headers (fix's
  // upstreamOnly) shows none, which is no refusal of the origin.
  if (recorded) seen.set(origin, recorded);
  const got = recorded === undefined ? (seen.get(origin) ?? null) : recorded;
  if (got === null) return null;
  const from = [s.allowAll, s.origins, s.regexes].find((v) => !v.known)?.from;
  assumed?.push({
    key: "config.django.assumed.origin-recorded",
    params: { name: from?.name ?? "", line: from?.stmt.line ?? 0, origin },
  });
  return got;
}

/** The headers CorsMiddleware.process_response leaves on a response. */
export function corsHeaders(
  s: DjangoSettings,
  req: HopRequest,
  base: HeaderList,
  assumed?: Words[],
): Array<[string, string]> {
  const headers: Array<[string, string]> = base.map(([n, v]) => [n, v]);
  // patch_vary_headers(response, ("Origin",))
  const vary = combinedHeader(headers, "vary");
  if (!vary) headers.push(["Vary", "Origin"]);
  else if (!vary.split(",").some((v) => lower(v.trim()) === "origin"))
    set(headers, "Vary", `${vary}, Origin`);
  const origin = combinedHeader(req.headers, "origin");
  if (!origin) return headers;
  const credentials = need(s.credentials);
  if (credentials) set(headers, "Access-Control-Allow-Credentials", "true");
  let allowed: boolean;
  let star: boolean;
  try {
    allowed = originAllowed(s, origin);
    star = need(s.allowAll);
  } catch (e) {
    if (!(e instanceof Unknowable)) throw e;
    const seen = recordedVerdict(s, req, origin, assumed);
    if (seen === null) throw e;
    allowed = seen !== false;
    star = seen === "*";
  }
  if (!allowed) return headers;
  set(headers, "Access-Control-Allow-Origin", star && !credentials ? "*" : origin);
  const expose = need(s.expose);
  if (expose.length > 0) set(headers, "Access-Control-Expose-Headers", expose.join(", "));
  if (req.method === "OPTIONS") {
    set(headers, "Access-Control-Allow-Headers", need(s.headers).join(", "));
    set(headers, "Access-Control-Allow-Methods", need(s.methods).join(", "));
    const age = need(s.maxAge);
    if (age) set(headers, "Access-Control-Max-Age", String(age));
  }
  return headers;
}

export function answer(s: DjangoSettings, req: HopRequest): Answer {
  try {
    return known(s, req);
  } catch (e) {
    if (e instanceof Unknowable) return { kind: "unknown", why: e.why };
    throw e;
  }
}

function known(s: DjangoSettings, req: HopRequest): Answer {
  const r = route(s, req);
  const path = new URL(req.url).pathname;
  const assumed = [...r.assumed];
  // The origins an environment helper's default gives (values.ts envHelper): said, not silently taken.
  const from = s.origins.known ? s.origins.from : null;
  if (from?.value.t === "seq" && from.value.env && hasHeader(req.headers, "origin"))
    assumed.push({
      key: "config.django.assumed.env-default",
      params: {
        name: from.name,
        line: from.stmt.line,
        helper: from.value.env.helper,
        env: from.value.env.name,
      },
    });
  // CORS_ALLOW_CREDENTIALS computed by a same-file function from an environment variable's default
  // (values.ts returned): said, as the origins are.
  const cred = s.credentials.known ? s.credentials.from : null;
  if (cred?.value.t === "bool" && cred.value.from && hasHeader(req.headers, "origin"))
    assumed.push({
      key: "config.django.assumed.env-default-value",
      params: {
        name: cred.name,
        line: cred.stmt.line,
        helper: cred.value.from.helper,
        env: cred.value.from.name,
        value: cred.value.v ? "True" : "False",
      },
    });
  if (r.first) {
    const headers: HeaderList = r.first.location ? [["Location", r.first.location]] : [];
    // CommonMiddleware's redirect is the URLconf's doing (the record tells): the application's status.
    const common = layerOf(r.first.middleware.name) === "common";
    return { kind: "known", status: r.first.status, headers, fromUpstream: common, assumed };
  }
  const preflight = req.method === "OPTIONS" && hasHeader(req.headers, "access-control-request-method");
  const upstream = req.upstream ?? null;
  const appStatus = (): number => {
    if (upstream?.status != null) return upstream.status;
    if (preflight) throw new Unknowable({ key: "config.django.unknown.upstream-options", params: { path } });
    assumed.push({ key: "config.django.assumed.view-200", params: { method: req.method, path } });
    return 200;
  };
  if (!r.cors || !r.enabled) {
    const status = appStatus();
    return { kind: "known", status, headers: upstream?.headers ?? [], fromUpstream: true, assumed };
  }
  if (preflight)
    return {
      kind: "known",
      status: 200,
      headers: corsHeaders(s, req, [], assumed),
      fromUpstream: false,
      assumed,
    };
  const status = appStatus();
  // APPEND_SLASH's redirect, with CorsMiddleware above CommonMiddleware: it passes back through it.
  const slash =
    status === 301 &&
    !path.endsWith("/") &&
    s.appendSlash.known &&
    s.appendSlash.value &&
    s.middleware.known &&
    s.middleware.value.some((m) => layerOf(m.name) === "common")
      ? ([["Location", `${path}/${new URL(req.url).search}`]] as HeaderList)
      : [];
  return {
    kind: "known",
    status,
    headers: corsHeaders(s, req, [...(upstream?.headers ?? []), ...slash], assumed),
    fromUpstream: true,
    assumed,
  };
}
