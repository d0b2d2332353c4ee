/**
 * Exchanges → HAR 1.2, preflights included as their own entries (`_resourceType: "preflight"`,
 * `_initiator.url` = the actual URL, as Chrome exports them), redirects as one entry per hop and
 * blocked requests with `response._error`. `importHar` reads this back to the same exchanges.
 */
import type { HeaderList, Hop, ObservedExchange } from "../engine";
import { redactExchange } from "./redact";
import { isoTime, isValidTime } from "./time";
import { VERSION } from "./version";

interface HarEntryOut {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: Array<{ name: string; value: string }>;
    queryString: [];
    cookies: [];
    headersSize: -1;
    bodySize: -1;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: Array<{ name: string; value: string }>;
    cookies: [];
    content: { size: 0; mimeType: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: 0; wait: number; receive: 0 };
  _resourceType: string;
  _initiator: { type: string; url?: string };
}

function harHeaders(headers: HeaderList) {
  return headers.map(([name, value]) => ({ name, value }));
}

function iso(ms: number | undefined, fallback: number): string {
  return isoTime(isValidTime(ms) ? ms : fallback);
}

function entry(
  hop: Hop,
  resourceType: string,
  initiator: HarEntryOut["_initiator"],
  fallbackStart: number,
  nextUrl: string | null,
): HarEntryOut {
  const time =
    hop.startedAt !== undefined && hop.endedAt !== undefined ? Math.max(0, hop.endedAt - hop.startedAt) : 0;
  return {
    startedDateTime: iso(hop.startedAt, fallbackStart),
    time,
    request: {
      method: hop.method,
      url: hop.url,
      httpVersion: "HTTP/1.1",
      headers: harHeaders(hop.requestHeaders),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: hop.status ?? 0,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: harHeaders(hop.responseHeaders),
      cookies: [],
      content: { size: 0, mimeType: "" },
      redirectURL: nextUrl ?? "",
      headersSize: -1,
      bodySize: -1,
      ...(hop.error ? { _error: hop.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _resourceType: resourceType,
    _initiator: initiator,
  };
}

export interface HarExportOptions {
  includeSecrets?: boolean;
  creator?: string;
}

export function exportHar(exchanges: readonly ObservedExchange[], options: HarExportOptions = {}) {
  const entries: HarEntryOut[] = [];
  for (const original of exchanges) {
    const x = options.includeSecrets ? original : redactExchange(original);
    const type = x.resourceType;
    if (x.preflight)
      entries.push(entry(x.preflight, "preflight", { type: "preflight", url: x.url }, x.startedAt, null));
    for (const [i, hop] of x.hops.entries()) {
      entries.push(entry(hop, type, { type: "script" }, x.startedAt, x.hops[i + 1]?.url ?? null));
    }
    if (x.hops.length === 0) {
      // Never sent (a rejected preflight): Chrome exports it with status 0 and the error.
      const never: Hop = {
        url: x.url,
        method: x.method,
        status: null,
        requestHeaders: x.requestHeaders ?? [],
        responseHeaders: [],
        error: x.error ?? "net::ERR_FAILED",
        fromCache: false,
        startedAt: x.startedAt,
        endedAt: x.startedAt,
      };
      entries.push(entry(never, type, { type: "script" }, x.startedAt, null));
    }
  }
  return {
    log: {
      version: "1.2",
      // importHar reads the recording browser back from the comment (its error semantics differ).
      creator: {
        name: options.creator ?? "cors-lens",
        version: VERSION,
        comment: `recorded by ${exchanges[0]?.recordedBy ?? "unknown"}`,
      },
      pages: [],
      entries,
    },
  };
}
