/**
 * The what-if: a configuration's answers to a request, rendered as the `ObservedExchange` a browser
 * would record, and judged by the engine's own `diagnose()`: no second implementation of the CORS
 * checks. Where the configuration cannot tell its answer, the verdict is "unknown" with the reason.
 */
import {
  type BrowserName,
  combinedHeader,
  corsUnsafeHeaderNames,
  diagnose,
  type HeaderList,
  type Hop,
  hasHeader,
  type ObservedExchange,
  observedExchange,
  originOf,
  preflightNeeded,
  scriptSetUnsafeHeaderNames,
  type Verdict,
  visibilityOf,
  worthExposing,
} from "../engine";
import type { Lang } from "../i18n";
import type { Answer, HopRequest, Words } from "./types";

/** Thrown by a format's renderer where the configuration cannot tell its answer: the reason, shown as "unknown". */
export class Unknown extends Error {
  constructor(readonly why: Words) {
    super(why.key);
  }
}

/**
 * The same reason as a plain object: the Python and Ruby readers throw it on their hot paths (every
 * value of every request), where an Error's stack capture costs more than the evaluation.
 */
export class Unknowable {
  constructor(readonly why: Words) {}
}

/** An origin no configuration names: what a stranger's page would send, to see what any site gets. */
export const STRANGER_ORIGIN = "https://other.example";

/** A request as a page makes it: the what-if's unit, from the evidence or the standard set. */
export interface RequestSpec {
  id: string;
  url: string;
  method: string;
  origin: string;
  /** Headers script set (no Origin, no browser-added ones). */
  headers: HeaderList;
  credentials: "include" | "omit";
  /**
   * Whether the request carried a Cookie (the evidence tells; unset: a credentialed request is taken
   * to carry one). A credentialed fetch sends none before any cookie is set, and Starlette answers
   * `*` to it where it reflects the origin for one with a cookie.
   */
  cookie?: boolean;
  /** What the application behind the server answered, where recorded (the evidence). */
  recorded?: { preflight: Recorded | null; actual: Recorded | null };
  /** Where it comes from: "evidence" (the HAR) or "standard" (allowed before, must stay allowed). */
  source: "evidence" | "standard";
  /**
   * Header names the recorded preflight asked for (its Access-Control-Request-Headers): the page's
   * script set them, an If-None-Match among them — which on a request alone is read as one the
   * browser's cache may have added.
   */
  asked?: string[];
  /**
   * Response headers the recorded answer carried that a script can read only when exposed (the
   * engine's worthExposing), as written: what CORS written where none was set exposes.
   */
  exposable?: string[];
}

export interface Recorded {
  status: number | null;
  headers: HeaderList;
}

export type AnswerFn = (request: HopRequest, which: "preflight" | "actual") => Answer;

export interface Judged {
  verdict: Verdict;
  /** The first failing check's code and title, when blocked. */
  cause: { code: string; title: string; stage: string } | null;
  /** Why unknown: the configuration's reason, or the engine's. */
  unknown: Words | string | null;
  assumed: Words[];
  exchange: ObservedExchange | null;
}

/** The CORS-unsafe names the page's script set: the browser's own left out, unless the preflight asked for them. */
/**
 * The Allow-Origin the application's recorded answer to this hop gave, as an origin verdict the model
 * cannot compute (an origin function, an entry spelled from the environment, settings made by code):
 * the value, or false for none; null where the record cannot stand for it (two values, or one
 * `accept` refuses); undefined where nothing was recorded for this hop (not sent, status 0 after a
 * failed preflight, or a 5xx).
 */
export function recordedAllowOrigin(
  up: HopRequest["upstream"],
  accept: (value: string) => boolean,
): string | false | null | undefined {
  if (!up || up.status === null || up.status === 0 || up.status >= 500) return undefined;
  const acao = up.headers
    .filter(([n]) => n.toLowerCase() === "access-control-allow-origin")
    .map(([, v]) => v.trim());
  if (acao.length > 1) return null;
  const value = acao[0];
  if (value === undefined) return false;
  return accept(value) ? value : null;
}

/**
 * The response headers the application answered the requests with (their recorded answers) that a
 * page's script can read only when exposed: what CORS written where there was none exposes, so a list's
 * X-Total-Count or a new record's Location stays readable (the HAR cannot show what the script reads;
 * a preflighted call that never went out shows nothing). Each name once, as first written.
 */
export function recordedExposable(specs: readonly RequestSpec[]): string[] {
  return exposedNames(specs.flatMap((s) => s.exposable ?? []));
}

/**
 * The names CORS written where there was none exposes, of those an app writes or its answers carry:
 * each worth exposing (the engine's worthExposing), once (names are case-insensitive), as first written.
 */
export function exposedNames(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names)
    if (worthExposing(name) && !out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
  return out;
}

/** The final answer's headers worth exposing, as a spec's `exposable` (none: left out). */
function exposableIn(final: Hop | null): { exposable?: string[] } {
  const names = exposedNames((final?.responseHeaders ?? []).map(([name]) => name));
  return names.length > 0 ? { exposable: names } : {};
}

/** Why Allow-Origin was written where none was set (nginx, Apache, Caddy), with what it exposes. */
export function freshWhy(origins: string, expose: readonly string[]): Words {
  return expose.length > 0
    ? { key: "config.fix.fresh-expose", params: { origins, expose: expose.join(", ") } }
    : { key: "config.fix.fresh", params: { origins } };
}

export function unsafeNames(spec: RequestSpec): string[] {
  const asked = new Set((spec.asked ?? []).map((n) => n.toLowerCase()));
  const own = spec.headers.filter(([n]) => asked.has(n.toLowerCase()));
  return [...new Set([...scriptSetUnsafeHeaderNames(spec.headers), ...corsUnsafeHeaderNames(own)])].sort();
}

/** The preflight's ask, as Chromium builds it: ACRH sorted, lower-cased, comma-joined (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0). */
function preflightHeaders(spec: RequestSpec): HeaderList {
  const unsafe = unsafeNames(spec);
  const out: Array<[string, string]> = [
    ["Origin", spec.origin],
    ["Access-Control-Request-Method", spec.method],
  ];
  if (unsafe.length > 0) out.push(["Access-Control-Request-Headers", unsafe.join(",")]);
  return out;
}

function actualHeaders(spec: RequestSpec): HeaderList {
  const out: Array<readonly [string, string]> = [
    ...spec.headers.filter(([n]) => n.toLowerCase() !== "origin"),
  ];
  out.push(["Origin", spec.origin]);
  if (spec.credentials === "include" && spec.cookie !== false && !hasHeader(out, "cookie"))
    out.push(["Cookie", "session=1"]);
  return out;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The exchange a browser would record from this configuration, or why it cannot be told. */
export function renderExchange(
  spec: RequestSpec,
  ask: AnswerFn,
):
  | { exchange: ObservedExchange }
  | { unknown: Words; assumed: Words[] }
  | { exchange: ObservedExchange; assumed: Words[]; actualUnknown?: Words } {
  const assumed: Words[] = [];
  const hopOf = (request: HopRequest, which: "preflight" | "actual"): Hop | Words => {
    const a = ask(request, which);
    if (a.kind === "unknown") return a.why;
    assumed.push(...a.assumed);
    return {
      url: request.url,
      method: request.method,
      status: a.status,
      requestHeaders: request.headers,
      responseHeaders: a.headers,
      error: null,
      fromCache: false,
    };
  };
  const upstream = (r: Recorded | null | undefined) => (r ? { status: r.status, headers: r.headers } : null);
  let preflight: Hop | null = null;
  if (preflightNeeded(spec.method, unsafeNames(spec)) === true) {
    const p = hopOf(
      {
        method: "OPTIONS",
        url: spec.url,
        headers: preflightHeaders(spec),
        upstream: upstream(spec.recorded?.preflight),
      },
      "preflight",
    );
    if (!("url" in p)) return { unknown: p, assumed };
    preflight = p;
  }
  const hops: Hop[] = [];
  /** Why the actual request's answer is not known, where the preflight's is (judged below). */
  let actualUnknown: Words | undefined;
  let url = spec.url;
  let method = spec.method;
  for (let i = 0; i < 6; i++) {
    const h = hopOf(
      {
        method,
        url,
        headers: actualHeaders(spec),
        upstream: i === 0 ? upstream(spec.recorded?.actual) : null,
      },
      "actual",
    );
    if (!("url" in h)) {
      // A preflight that fails stops the request: the actual request's answer does not matter then.
      // One that passes leaves the request unknown, for this reason (judge).
      if (preflight && hops.length === 0) {
        actualUnknown = h;
        break;
      }
      return { unknown: h, assumed };
    }
    hops.push(h);
    const location = combinedHeader(h.responseHeaders, "location");
    if (!(h.status !== null && REDIRECTS.has(h.status) && location)) break;
    try {
      url = new URL(location, url).href;
    } catch {
      break;
    }
    if (h.status === 303 || ((h.status === 301 || h.status === 302) && method === "POST")) method = "GET";
  }
  const exchange = observedExchange({
    id: spec.id,
    url: spec.url,
    method: spec.method,
    recordedBy: null,
    initiator: spec.origin,
    resourceType: "fetch",
    mode: "cors",
    credentials: spec.credentials,
    requestHeaders: actualHeaders(spec),
    preflight,
    hops,
    visibility: visibilityOf("chromium", true),
  });
  return actualUnknown ? { exchange, assumed, actualUnknown } : { exchange, assumed };
}

const diagnoses = new Map<string, ReturnType<typeof diagnose>>();

/**
 * The engine's diagnosis, once per distinct exchange: without redirects a verdict depends on the
 * URL only through its origin, so calls to many paths of one location share one diagnosis.
 */
function cachedDiagnosis(x: ObservedExchange, browser: BrowserName, lang: Lang): ReturnType<typeof diagnose> {
  if (x.hops.length > 1) return diagnose(x, { browser, lang });
  const at = (url: string) => originOf(url) ?? url;
  const key = JSON.stringify([
    browser,
    lang,
    at(x.url),
    x.method,
    x.initiator,
    x.credentials,
    x.requestHeaders,
    x.preflight && [x.preflight.status, x.preflight.requestHeaders, x.preflight.responseHeaders],
    x.hops.map((h) => [h.status, h.method, h.responseHeaders]),
  ]);
  let d = diagnoses.get(key);
  if (!d) {
    if (diagnoses.size > 50_000) diagnoses.clear();
    d = diagnose(x, { browser, lang });
    diagnoses.set(key, d);
  }
  return d;
}

export function judge(
  spec: RequestSpec,
  ask: AnswerFn,
  browser: BrowserName = "chromium",
  lang: Lang = "en",
): Judged {
  const r = renderExchange(spec, ask);
  if (!("exchange" in r))
    return { verdict: "unknown", cause: null, unknown: r.unknown, assumed: r.assumed, exchange: null };
  const d = cachedDiagnosis(r.exchange, browser, lang);
  const cause = d.causes[0];
  return {
    verdict: d.verdict,
    cause: cause ? { code: cause.code, title: cause.title, stage: cause.stage } : null,
    // The preflight passed and the actual request's answer could not be told: the configuration's
    // reason, not the engine's "not observed getting a response".
    unknown:
      d.verdict === "unknown"
        ? "actualUnknown" in r && r.actualUnknown
          ? r.actualUnknown
          : d.unknownReason
        : null,
    assumed: "assumed" in r ? r.assumed : [],
    exchange: r.exchange,
  };
}

const recordedVerdicts = new Map<string, { verdict: Verdict; credentials: "include" | "omit" }>();

/**
 * What the recording's own diagnosis says of a request: its verdict and whether it carried
 * credentials. Without redirects neither depends on the URL's path or query, nor on when it ran, so
 * a HAR's calls to many paths share one diagnosis (the 100 MB bench HAR: 41,262 requests, 6
 * distinct).
 */
function recordedVerdict(
  x: ObservedExchange,
  browser: BrowserName,
): { verdict: Verdict; credentials: "include" | "omit" } {
  const of = (d: ReturnType<typeof diagnose>) => ({
    verdict: d.verdict,
    credentials: d.credentials.mode === "include" ? ("include" as const) : ("omit" as const),
  });
  if (x.hops.length > 1) return of(diagnose(x, { browser }));
  // The exchange as it is, less its id, times and paths (a replacer function made this the slowest line).
  const at = (url: string) => originOf(url) ?? url;
  const hop = (h: Hop | null) => h && { ...h, url: at(h.url), startedAt: undefined, endedAt: undefined };
  const key = JSON.stringify([
    browser,
    {
      ...x,
      id: undefined,
      startedAt: undefined,
      url: at(x.url),
      documentUrl: x.documentUrl ? at(x.documentUrl) : x.documentUrl,
      preflight: hop(x.preflight),
      hops: x.hops.map(hop),
    },
  ]);
  let v = recordedVerdicts.get(key);
  if (!v) {
    if (recordedVerdicts.size > 50_000) recordedVerdicts.clear();
    v = of(diagnose(x, { browser }));
    recordedVerdicts.set(key, v);
  }
  return v;
}

/** The evidence's requests as specs, with the real recording's verdict: cross-origin CORS requests only. */
export function specsFromExchanges(
  exchanges: readonly ObservedExchange[],
  browser: BrowserName = "chromium",
): Array<{ spec: RequestSpec; recordedVerdict: Verdict }> {
  const out: Array<{ spec: RequestSpec; recordedVerdict: Verdict }> = [];
  const seen = new Set<string>();
  for (const x of exchanges) {
    // A large HAR repeats the same calls: each distinct one is diagnosed once.
    const hopKey = (h: Hop | null | undefined) =>
      h && [h.url, h.method, h.status, h.error, h.requestHeaders, h.responseHeaders];
    const key = JSON.stringify([
      x.url,
      x.method,
      x.initiator,
      x.credentials,
      x.error,
      x.requestHeaders,
      hopKey(x.preflight),
      x.hops.map(hopKey),
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    const d = recordedVerdict(x, browser);
    if (d.verdict === "not-cors") continue;
    // The request's origin as decided when the exchange was built (src/engine/origin.ts); an opaque
    // initiator's "null" that was never sent is no origin a configuration lists.
    const origin = x.originSent || x.origin !== "null" ? x.origin : null;
    if (!origin) continue;
    const asked = x.requestHeaders ?? x.hops[0]?.requestHeaders ?? [];
    const headers: Array<readonly [string, string]> = asked.filter(
      ([n]) =>
        !/^(origin|cookie|host|referer|connection|content-length|accept-encoding|accept-language|sec-|user-agent)/i.test(
          n,
        ),
    );
    // A request its preflight stopped was never sent: the extension saw no headers of it, but the
    // preflight names the unsafe ones (Access-Control-Request-Headers). They stand in.
    const named = (combinedHeader(x.preflight?.requestHeaders, "access-control-request-headers") ?? "")
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    for (const n of named)
      if (!headers.some(([k]) => k.toLowerCase() === n.toLowerCase()))
        headers.push([n, n.toLowerCase() === "content-type" ? "application/json" : "1"]);
    const final = x.hops.at(-1) ?? null;
    const pick = (h: Hop | null): Recorded | null =>
      h && h.status !== null && h.status !== 0 ? { status: h.status, headers: h.responseHeaders } : null;
    out.push({
      spec: {
        id: x.id,
        url: x.url,
        method: x.method,
        origin,
        headers,
        credentials: d.credentials,
        cookie: hasHeader(asked, "cookie"),
        recorded: { preflight: pick(x.preflight), actual: x.hops.length > 1 ? null : pick(final) },
        source: "evidence",
        ...(named.length > 0 ? { asked: named } : {}),
        ...exposableIn(final),
      },
      recordedVerdict: d.verdict,
    });
  }
  return out;
}

/**
 * Where a failing request's first failing check looked (the preflight, the first redirect, or the
 * final response), as the request the configuration answers there, with what the application behind
 * it answered where the evidence recorded it. Words when the exchange has no such hop; null when the
 * request did not fail on a check.
 */
export function faultOf(
  spec: RequestSpec,
  judged: Judged,
): { cause: NonNullable<Judged["cause"]>; hop: Hop; request: HopRequest } | Words | null {
  const x = judged.exchange;
  const cause = judged.cause;
  if (!x || !cause) return null;
  const preflightStage = cause.stage === "preflight";
  const hop = preflightStage ? x.preflight : cause.stage === "redirect" ? x.hops[0] : x.hops.at(-1);
  if (!hop) return { key: "config.cannot.cause", params: { code: cause.code } };
  const recorded = preflightStage
    ? spec.recorded?.preflight
    : hop === x.hops[0]
      ? spec.recorded?.actual
      : null;
  return {
    cause,
    hop,
    request: {
      method: hop.method,
      url: hop.url,
      headers: hop.requestHeaders,
      upstream: recorded ? { status: recorded.status, headers: recorded.headers } : null,
    },
  };
}
