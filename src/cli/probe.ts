/**
 * `cors-lens probe`: asks an API what a browser would, from Node, and diagnoses the answer with the
 * same engine. The requests are the browser's: a preflight when one is needed
 * (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, with `Access-Control-Request-Method` and the sorted, lower-cased
 * `Access-Control-Request-Headers`), then the request with `Origin`, redirects followed as fetch
 * follows them. It stops where the browser would stop: after a failed preflight nothing else is
 * sent. Only run by the user, against the URL they name.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  type BrowserName,
  corsUnsafeHeaderNames,
  diagnose,
  type HeaderList,
  type Hop,
  type ObservedExchange,
  observedExchange,
  originOf,
  preflightNeeded,
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
  /** Milliseconds for the whole exchange: the preflight, the request and every redirect, bodies read. */
  timeoutMs: number;
}

/**
 * The time by which a whole run must be over, on the monotonic clock (a wall-clock jump moves
 * neither end). Every network step gets what is left of it, not a fresh allowance: an idle-socket
 * timeout restarts with each byte, so a server trickling a byte every 500 ms never trips it.
 */
export class Deadline {
  readonly #end: number;
  constructor(readonly ms: number) {
    this.#end = performance.now() + ms;
  }
  /** Milliseconds left, 0 once past. */
  left(): number {
    return Math.max(0, this.#end - performance.now());
  }
}

export interface WireRequest {
  url: string;
  method: string;
  headers: HeaderList;
  /** The run's deadline: the answer, headers and body, is complete by then or the request is given up. */
  deadline: Deadline;
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
/** https://fetch.spec.whatwg.org/#http-redirect-fetch step 5: at most 20 redirects. */
const MAX_REDIRECTS = 20;
/**
 * The most of a response's head read, Chromium's own (`kMaxHeaderBufSize`, 256 KiB, in
 * https://source.chromium.org/chromium/chromium/src/+/main:net/http/http_stream_parser.cc); Node's
 * default (16 KiB) would refuse heads a browser accepts.
 */
export const MAX_HEAD_BYTES = 256 * 1024;
/** The most of a body read: CORS reads no body, so past this the answer is given up, not waited for. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function pastDeadline(url: string, deadline: Deadline): ProbeError {
  return new ProbeError("probe.net.timeout", { host: hostOf(url), seconds: deadline.ms / 1000 });
}

/**
 * `send`, bounded by the deadline whatever `send` does with it: the answer or, once the deadline
 * passes, the one-line timeout error.
 */
export function sendBefore(send: Send, request: WireRequest): Promise<WireResponse> {
  const left = request.deadline.left();
  if (left <= 0) return Promise.reject(pastDeadline(request.url, request.deadline));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(pastDeadline(request.url, request.deadline)), left);
  });
  return Promise.race([send(request), late]).finally(() => clearTimeout(timer));
}

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
export async function probe(
  p: ProbeRequest,
  send: Send,
  browser: BrowserName,
  deadline = new Deadline(p.timeoutMs),
): Promise<ObservedExchange> {
  const base: HeaderList = [
    ["Origin", p.origin],
    ["Accept", "*/*"],
    ["Sec-Fetch-Mode", "cors"],
  ];
  const sent: HeaderList = [...base, ...p.headers];
  let preflight: Hop | null = null;
  // The headers given to the probe are the script's own, as a page's fetch() sets them: an
  // If-None-Match or a Cache-Control typed here is asked for in the preflight, not taken for one the
  // browser's cache added (which is how the engine reads such a header on a recorded request).
  const unsafe = corsUnsafeHeaderNames(p.headers);
  if (preflightNeeded(p.method, unsafe)) {
    const request: WireRequest = {
      url: p.url,
      method: "OPTIONS",
      headers: [
        ...base,
        ["Access-Control-Request-Method", p.method],
        ...(unsafe.length > 0 ? ([["Access-Control-Request-Headers", unsafe.join(",")]] as const) : []),
      ],
      deadline,
    };
    const started = Date.now();
    preflight = hopOf(request, await sendBefore(send, request), started);
    const soFar = exchangeOf(p, sent, preflight, []);
    if (stopsHere(soFar, browser)) return soFar;
  }
  const hops: Hop[] = [];
  let url = p.url;
  let method = p.method;
  let origin = p.origin;
  for (;;) {
    const headers: HeaderList = [["Origin", origin], ...sent.slice(1)];
    const request: WireRequest = { url, method, headers, deadline };
    const started = Date.now();
    const response = await sendBefore(send, request);
    hops.push(hopOf(request, response, started));
    const location = header(response.headers, "location");
    if (!REDIRECTS.has(response.status) || location === null) break;
    // Step 5: past 20 redirects the fetch is a network error (Chromium ERR_TOO_MANY_REDIRECTS), no answer to diagnose.
    if (hops.length > MAX_REDIRECTS)
      throw new ProbeError("probe.net.redirects", { host: hostOf(url), max: MAX_REDIRECTS });
    if (stopsHere(exchangeOf(p, sent, preflight, hops), browser)) break;
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      break;
    }
    // https://fetch.spec.whatwg.org/#http-redirect-fetch step 11: a redirect to another origin taints the request's origin.
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

function oneLineError(url: string, error: NodeJS.ErrnoException): ProbeError {
  const host = hostOf(url);
  const code = error.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new ProbeError("probe.net.dns", { host });
  if (code === "ECONNREFUSED") return new ProbeError("probe.net.refused", { host });
  if (code === "ECONNRESET") return new ProbeError("probe.net.reset", { host });
  if (code === "HPE_HEADER_OVERFLOW")
    return new ProbeError("probe.net.head-too-large", { host, kilobytes: MAX_HEAD_BYTES / 1024 });
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code))
    return new ProbeError("probe.net.tls", { host, code });
  return new ProbeError(null, {}, `${host}: ${code || error.message}`);
}

/**
 * Node's http/https: headers sent as given, response headers in order with duplicates kept. The
 * answer counts once its body has ended (at most `MAX_BODY_BYTES`, read and dropped); connecting,
 * the head and the body all happen before `r.deadline` or the request is destroyed.
 */
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
    const left = r.deadline.left();
    if (left <= 0) {
      reject(pastDeadline(r.url, r.deadline));
      return;
    }
    const make = target.protocol === "https:" ? httpsRequest : httpRequest;
    // One field per name, repeated values joined as the browser joins them.
    const headers: Record<string, string> = {};
    for (const [name, value] of r.headers) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
    let settled = false;
    // Destroying the request also destroys its response and socket: nothing of it stays open.
    const fail = (error: ProbeError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    // No agent: no pooled socket outlives the run (Node's global agent keeps them alive since v19).
    const options = { method: r.method, headers, maxHeaderSize: MAX_HEAD_BYTES, agent: false } as const;
    const req = make(target, options, (res) => {
      const raw = res.rawHeaders;
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_BODY_BYTES)
          fail(
            new ProbeError("probe.net.body-too-large", {
              host: hostOf(r.url),
              megabytes: MAX_BODY_BYTES / 1024 / 1024,
            }),
          );
      });
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers });
      });
      res.on("error", (e) => fail(oneLineError(r.url, e)));
      // The server closed before the body's end: no complete answer.
      res.on("close", () => {
        if (!res.complete) fail(new ProbeError("probe.net.reset", { host: hostOf(r.url) }));
      });
    });
    const timer = setTimeout(() => fail(pastDeadline(r.url, r.deadline)), left);
    req.on("error", (e: NodeJS.ErrnoException) => fail(oneLineError(r.url, e)));
    req.end();
  });
