/**
 * `cors-lens probe`: asks an API what a browser would, from Node, and diagnoses the answer with the
 * same engine. The requests are the browser's: a preflight when one is needed (Fetch Standard
 * §4.8, with `Access-Control-Request-Method` and the sorted, lower-cased
 * `Access-Control-Request-Headers`), then the request with `Origin`, redirects followed as fetch
 * follows them. It stops where the browser would stop: after a failed preflight nothing else is
 * sent. Only run by the user, against the URL they name.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  type BrowserName,
  diagnose,
  type HeaderList,
  type Hop,
  needsPreflight,
  type ObservedExchange,
  observedExchange,
  originOf,
  scriptSetUnsafeHeaderNames,
} from "../engine";
import { WordedError } from "../i18n/worded-error";

export interface ProbeRequest {
  url: string;
  /** The page's origin, as the browser would send it. */
  origin: string;
  method: string;
  /** Headers the page's script sets (`--header`). */
  headers: HeaderList;
  credentials: boolean;
  /** Milliseconds per request. */
  timeoutMs: number;
}

export interface WireRequest {
  url: string;
  method: string;
  headers: HeaderList;
  timeoutMs: number;
}

export interface WireResponse {
  status: number;
  headers: HeaderList;
}

/** Sends one request and returns its response, never following redirects. */
export type Send = (request: WireRequest) => Promise<WireResponse>;

/** A request that got no response: one line for the user, never a stack trace. */
export class ProbeError extends WordedError {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Fetch "HTTP-redirect fetch" step 5: at most 20 redirects. */
const MAX_REDIRECTS = 20;

function header(headers: HeaderList, name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

function hopOf(request: WireRequest, response: WireResponse, startedAt: number): Hop {
  return {
    url: request.url,
    method: request.method,
    status: response.status,
    requestHeaders: request.headers,
    responseHeaders: response.headers,
    error: null,
    fromCache: false,
    startedAt,
    endedAt: Date.now(),
  };
}

/** The exchange as the engine reads it: the probe saw every header, and no browser error. */
function exchangeOf(p: ProbeRequest, sent: HeaderList, preflight: Hop | null, hops: Hop[]): ObservedExchange {
  return observedExchange({
    id: "probe-1",
    url: p.url,
    method: p.method,
    initiator: p.origin,
    resourceType: "fetch",
    mode: "cors",
    requestHeaders: sent,
    startedAt: preflight?.startedAt ?? hops[0]?.startedAt ?? Date.now(),
    preflight,
    hops,
    error: null,
    recordedBy: null,
    credentials: p.credentials ? "include" : "omit",
  });
}

/** Whether the browser stops here: the exchange so far already fails a check. */
function stopsHere(x: ObservedExchange, browser: BrowserName): boolean {
  return diagnose(x, { browser }).verdict === "blocked";
}

/**
 * Probes `p.url` as `browser` would request it from a page at `p.origin`, and returns the exchange
 * it observed, for `diagnose()`.
 */
export async function probe(p: ProbeRequest, send: Send, browser: BrowserName): Promise<ObservedExchange> {
  const base: HeaderList = [
    ["Origin", p.origin],
    ["Accept", "*/*"],
    ["Sec-Fetch-Mode", "cors"],
  ];
  const sent: HeaderList = [...base, ...p.headers];
  let preflight: Hop | null = null;
  if (needsPreflight(p.method, p.headers) === true) {
    const unsafe = scriptSetUnsafeHeaderNames(p.headers);
    const request: WireRequest = {
      url: p.url,
      method: "OPTIONS",
      headers: [
        ...base,
        ["Access-Control-Request-Method", p.method],
        ...(unsafe.length > 0 ? ([["Access-Control-Request-Headers", unsafe.join(",")]] as const) : []),
      ],
      timeoutMs: p.timeoutMs,
    };
    const started = Date.now();
    preflight = hopOf(request, await send(request), started);
    const soFar = exchangeOf(p, sent, preflight, []);
    if (stopsHere(soFar, browser)) return soFar;
  }
  const hops: Hop[] = [];
  let url = p.url;
  let method = p.method;
  let origin = p.origin;
  for (;;) {
    const headers: HeaderList = [["Origin", origin], ...sent.slice(1)];
    const request: WireRequest = { url, method, headers, timeoutMs: p.timeoutMs };
    const started = Date.now();
    const response = await send(request);
    hops.push(hopOf(request, response, started));
    const location = header(response.headers, "location");
    if (!REDIRECTS.has(response.status) || location === null) break;
    if (hops.length > MAX_REDIRECTS) break;
    if (stopsHere(exchangeOf(p, sent, preflight, hops), browser)) break;
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      break;
    }
    // Fetch "HTTP-redirect fetch" step 11: a redirect to another origin taints the request's origin.
    if (originOf(next.href) !== originOf(url) && origin !== originOf(url)) origin = "null";
    // Step 12: 301/302 turn POST into GET; 303 turns everything but HEAD into GET.
    if (
      ((response.status === 301 || response.status === 302) && method === "POST") ||
      (response.status === 303 && method !== "HEAD")
    )
      method = "GET";
    url = next.href;
  }
  return exchangeOf(p, sent, preflight, hops);
}

function oneLineError(url: string, error: NodeJS.ErrnoException, timeoutMs: number): ProbeError {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const code = error.code ?? "";
  if (code === "ETIMEDOUT") return new ProbeError("probe.net.timeout", { host, seconds: timeoutMs / 1000 });
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new ProbeError("probe.net.dns", { host });
  if (code === "ECONNREFUSED") return new ProbeError("probe.net.refused", { host });
  if (code === "ECONNRESET") return new ProbeError("probe.net.reset", { host });
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code))
    return new ProbeError("probe.net.tls", { host, code });
  return new ProbeError(null, {}, `${host}: ${code || error.message}`);
}

/** Node's http/https: headers sent as given, response headers in order with duplicates kept. */
export const nodeSend: Send = (r) =>
  new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(r.url);
    } catch {
      reject(new ProbeError("probe.net.not-url", { url: r.url }));
      return;
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      reject(new ProbeError("probe.net.scheme", { scheme: target.protocol }));
      return;
    }
    const make = target.protocol === "https:" ? httpsRequest : httpRequest;
    // One field per name, repeated values joined as the browser joins them.
    const headers: Record<string, string> = {};
    for (const [name, value] of r.headers) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
    const req = make(target, { method: r.method, headers }, (res) => {
      const raw = res.rawHeaders;
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers }));
      res.on("error", (e) => reject(oneLineError(r.url, e, r.timeoutMs)));
    });
    req.setTimeout(r.timeoutMs, () =>
      req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    req.on("error", (e: NodeJS.ErrnoException) => reject(oneLineError(r.url, e, r.timeoutMs)));
    req.end();
  });
