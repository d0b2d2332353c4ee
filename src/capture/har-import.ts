/**
 * HAR 1.2 → exchanges, as Chrome and Firefox DevTools export them (HAR 1.2; Chrome DevTools `front_end/models/har/HARFormat.ts`):
 * Chrome marks preflights `_resourceType: "preflight"` with `_initiator.url` = the actual URL,
 * blocked requests carry `response._error`, redirects are separate entries joined by `redirectURL`.
 * Reading is `har-read.ts`, redirect chains `har-chains.ts`, the pairing rule `pairing.ts`.
 */
import {
  type BrowserName,
  combinedHeader,
  type Hop,
  isCorsBlockError,
  isPreflightRequest,
  type ObservedExchange,
  observedExchange,
  originOf,
  preflightOnlyExchange,
  visibilityOf,
} from "../engine";
import { redirectChain } from "./har-chains";
import { type Entry, parseHarJson, readHar } from "./har-read";
import { PAIRING_WINDOW_MS, samePreflightAsk } from "./pairing";

export { HarError } from "./har-read";

export interface HarImport {
  exchanges: ObservedExchange[];
  recordedBy: BrowserName | null;
  /** Entries that were not usable requests (wrong types, missing fields). */
  skipped: number;
  /** False when the file has no preflight entries at all: verdicts then rest on headers alone. */
  hasPreflights: boolean;
  /** What could not be read as recorded, one line each (a redirect whose target does not parse). */
  notes: string[];
}

/** The Fetch definition, or Chrome's own label for the entry (`_resourceType`, `_initiator.type`). */
function isPreflight(e: Entry): boolean {
  return (
    e.type === "preflight" ||
    e.initiatorType === "preflight" ||
    isPreflightRequest(e.method, e.requestHeaders)
  );
}

function hop(e: Entry, answered: boolean): Hop {
  return {
    url: e.url,
    method: e.method,
    status: answered ? e.status : null,
    requestHeaders: e.requestHeaders,
    responseHeaders: e.responseHeaders,
    error: e.error,
    fromCache: e.fromCache,
    startedAt: e.start,
    endedAt: e.end,
  };
}

const RESOURCE_TYPES: Record<string, string> = {
  xhr: "fetch",
  fetch: "fetch",
  xmlhttprequest: "fetch",
  ping: "beacon",
};

function originOfPage(url: string | null): string | null {
  return url ? originOf(url) : null;
}

/**
 * The page's origin when an entry says nothing of it (DevTools leaves out the headers of requests
 * that never got a response): the Origin most entries of the file sent.
 */
function pageOrigins(entries: readonly Entry[]): string | null {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const origin = combinedHeader(e.requestHeaders, "origin") ?? originOfPage(e.page);
    if (origin && origin !== "null") counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [origin, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = origin;
  return best;
}

/**
 * Each preflight to the request of the same ask that started nearest to it, within the pairing
 * window: from the preflight's side, so a request with no preflight of its own (served from the
 * preflight cache) cannot take its neighbour's. Chrome starts the preflight first; Firefox records
 * the request's start first and its preflight a few milliseconds later (observed in Firefox 153's
 * HAR): either order pairs.
 */
function assignPreflights(
  preflights: readonly Entry[],
  requestsAt: ReadonlyMap<string, Entry[]>,
): Map<Entry, Entry> {
  const assigned = new Map<Entry, Entry>();
  for (const p of preflights) {
    let best: Entry | null = null;
    for (const r of requestsAt.get(p.initiatorUrl ?? p.url) ?? []) {
      if (assigned.has(r) || !samePreflightAsk(askOf(p, r.method), askOfRequest(r))) continue;
      const distance = Math.abs(p.start - r.start);
      if (distance > PAIRING_WINDOW_MS) continue;
      if (best === null || distance < Math.abs(best.start - p.start)) best = r;
    }
    if (best) assigned.set(best, p);
  }
  return assigned;
}

function askOfRequest(r: Entry) {
  return { url: r.url, method: r.method, origin: combinedHeader(r.requestHeaders, "origin") };
}

/** What a preflight entry asked; Chrome labels some preflights without recording their headers. */
function askOf(p: Entry, method: string) {
  return {
    url: p.initiatorUrl ?? p.url,
    method: combinedHeader(p.requestHeaders, "access-control-request-method") ?? method,
    origin: combinedHeader(p.requestHeaders, "origin"),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Parses a HAR document (already JSON-parsed) into exchanges. Throws HarError when it is not a HAR. */
export function importHar(document: unknown): HarImport {
  const { entries, recordedBy, skipped } = readHar(document);
  const fallbackOrigin = pageOrigins(entries);
  const preflights = entries.filter(isPreflight);
  // Indexes by URL keep a 100 MB HAR linear: requests by URL, each preflight's by its own.
  const requestsAt = groupBy(
    entries.filter((e) => !isPreflight(e)),
    (e) => e.url,
  );
  const preflightOf = assignPreflights(preflights, requestsAt);
  const claimedPreflights = new Set<Entry>();
  const consumed = new Set<Entry>();
  const exchanges: ObservedExchange[] = [];
  const notes: string[] = [];
  for (const first of entries) {
    if (consumed.has(first) || isPreflight(first)) continue;
    const { hops: chain, note } = redirectChain(first, requestsAt, consumed);
    if (note) notes.push(note);
    const last = chain[chain.length - 1] ?? first;
    const preflight = preflightOf.get(first) ?? null;
    if (preflight) claimedPreflights.add(preflight);
    // Chrome exports the request a rejected preflight stopped as status 0: it never went out.
    const neverSent =
      last.status === 0 && chain.length === 1 && (isCorsBlockError(last.error) || preflight !== null);
    const origin =
      combinedHeader(first.requestHeaders, "origin") ??
      (preflight ? combinedHeader(preflight.requestHeaders, "origin") : null);
    exchanges.push(
      observedExchange({
        id: `har-${first.index}`,
        url: first.url,
        method: first.method,
        initiator:
          origin ??
          originOfPage(first.page) ??
          originOfPage(combinedHeader(first.requestHeaders, "referer")) ??
          fallbackOrigin,
        documentUrl: first.page,
        resourceType: RESOURCE_TYPES[first.type] ?? first.type,
        mode: "unknown",
        credentials: "unknown",
        requestHeaders: first.requestHeaders,
        startedAt: Math.min(first.start, preflight?.start ?? Number.POSITIVE_INFINITY),
        preflight: preflight ? hop(preflight, preflight.status !== 0) : null,
        hops: neverSent ? [] : chain.map((e) => hop(e, e.status !== 0)),
        error: last.error,
        visibility: visibilityOf(recordedBy, preflights.length > 0),
        recordedBy,
      }),
    );
  }
  // Preflights whose request is not in the file still tell whether the preflight failed.
  for (const p of preflights) {
    if (claimedPreflights.has(p)) continue;
    exchanges.push(
      preflightOnlyExchange({
        id: `har-${p.index}`,
        url: p.initiatorUrl ?? p.url,
        documentUrl: p.page,
        startedAt: p.start,
        preflight: hop(p, p.status !== 0),
        recordedBy,
      }),
    );
  }
  exchanges.sort((a, b) => a.startedAt - b.startedAt);
  return { exchanges, recordedBy, skipped, hasPreflights: preflights.length > 0, notes };
}

/** Parses HAR text; every failure is a HarError with a one-line message. */
export function parseHar(text: string): HarImport {
  return importHar(parseHarJson(text));
}
