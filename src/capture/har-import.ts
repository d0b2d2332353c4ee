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
  isRedirectStatus,
  type ObservedExchange,
  observedExchange,
  originOf,
  preflightOnlyExchange,
  requestOrigin,
  visibilityOf,
} from "../engine";
import { type HarNote, redirectChain } from "./har-chains";
import { type Entry, parseHarJson, readHar } from "./har-read";
import { PAIRING_WINDOW_MS, samePreflightAsk } from "./pairing";

export { HarError } from "./har-read";

export interface HarImport {
  exchanges: ObservedExchange[];
  recordedBy: BrowserName | null;
  /** The recording tool, as the HAR names it ("WebInspector", "Firefox", "Playwright"…). */
  creator: string;
  /** Entries that were not usable requests (wrong types, missing fields). */
  skipped: number;
  /** False when the file has no preflight entries at all: verdicts then rest on headers alone. */
  hasPreflights: boolean;
  /** What could not be read as recorded, one line each (a redirect whose target does not parse). */
  notes: HarNote[];
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
 * The `Origin` an entry's request sent, when it is one (a serialized origin or `null`): anything
 * else in the header — a HAR's garbage, several values — says nothing of the page, and must not
 * become every other entry's initiator.
 */
function sentOriginOf(headers: Entry["requestHeaders"]): string | null {
  const { origin: value } = requestOrigin([headers], null);
  return value !== null && (value === "null" || originOf(value) === value) ? value : null;
}

/**
 * The page's origin when an entry says nothing of it (DevTools leaves out the headers of requests
 * that never got a response): the Origin most entries of the file sent.
 */
function pageOrigins(entries: readonly Entry[]): string | null {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const origin = sentOriginOf(e.requestHeaders) ?? originOfPage(e.page);
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
 *
 * Linear in practice even with every entry on one URL (a GraphQL endpoint): the requests of a URL
 * are in start order, each preflight finds its place by binary search and looks outward, skipping
 * requests already paired through "next free" links (path-compressed), so no pair is looked at twice.
 */
function assignPreflights(
  preflights: readonly Entry[],
  requestsAt: ReadonlyMap<string, Entry[]>,
): Map<Entry, Entry> {
  const assigned = new Map<Entry, Entry>();
  const groups = new Map<Entry[], FreeLinks>();
  for (const p of preflights) {
    const requests = requestsAt.get(p.initiatorUrl ?? p.url);
    if (!requests || requests.length === 0) continue;
    const links = groups.get(requests) ?? freeLinks(requests.length);
    groups.set(requests, links);
    const asked = askOf(p, null);
    const fits = (r: Entry) =>
      samePreflightAsk({ ...asked, method: asked.method ?? r.method }, askOfRequest(r));
    const at = lowerBound(requests, p.start);
    let best = -1;
    // Look right, then left, from the insertion point, each only past unpaired requests.
    for (let i = nextFree(links.right, at); i < requests.length; i = nextFree(links.right, i + 1)) {
      const r = requests[i] as Entry;
      if (r.start - p.start > PAIRING_WINDOW_MS) break;
      if (fits(r)) {
        best = i;
        break;
      }
    }
    for (let i = prevFree(links.left, at - 1); i >= 0; i = prevFree(links.left, i - 1)) {
      const r = requests[i] as Entry;
      const distance = p.start - r.start;
      if (distance > PAIRING_WINDOW_MS) break;
      if (best !== -1 && distance >= Math.abs((requests[best] as Entry).start - p.start)) break;
      if (fits(r)) {
        best = i;
        break;
      }
    }
    if (best === -1) continue;
    assigned.set(requests[best] as Entry, p);
    links.right[best] = best + 1;
    links.left[best] = best - 1;
  }
  return assigned;
}

interface FreeLinks {
  /** right[i] = i while free, else a later index to look at. */
  right: number[];
  /** left[i] = i while free, else an earlier index to look at. */
  left: number[];
}

function freeLinks(n: number): FreeLinks {
  return { right: Array.from({ length: n + 1 }, (_, i) => i), left: Array.from({ length: n }, (_, i) => i) };
}

function nextFree(right: number[], i: number): number {
  let j = i;
  while (j < right.length - 1 && right[j] !== j) j = right[j] as number;
  // Path compression: everything on the way now points at the free index found.
  for (let k = i; k < right.length - 1 && right[k] !== k; ) {
    const next = right[k] as number;
    right[k] = j;
    k = next;
  }
  return j;
}

function prevFree(left: number[], i: number): number {
  let j = i;
  while (j >= 0 && left[j] !== j) j = left[j] as number;
  for (let k = i; k >= 0 && left[k] !== k; ) {
    const next = left[k] as number;
    left[k] = j;
    k = next;
  }
  return j;
}

/** The first index whose start is at or after `t` (entries are in start order). */
function lowerBound(entries: readonly Entry[], t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid] as Entry).start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ASKS = new WeakMap<Entry, { url: string; method: string; origin: string | null }>();

function askOfRequest(r: Entry) {
  let ask = ASKS.get(r);
  if (!ask) {
    ask = { url: r.url, method: r.method, origin: requestOrigin([r.requestHeaders], null).origin };
    ASKS.set(r, ask);
  }
  return ask;
}

/** What a preflight entry asked; Chrome labels some preflights without recording their headers. */
function askOf(p: Entry, method: string | null) {
  return {
    url: p.initiatorUrl ?? p.url,
    method: combinedHeader(p.requestHeaders, "access-control-request-method") ?? method,
    origin: requestOrigin([p.requestHeaders], null).origin,
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
  const { entries, recordedBy, creator, skipped } = readHar(document);
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
  const notes: HarNote[] = [];
  let repeatedRedirect = 0;
  for (const first of entries) {
    if (consumed.has(first) || isPreflight(first)) continue;
    const { hops: chain, note } = redirectChain(first, requestsAt, consumed);
    if (note) notes.push(note);
    if (/^chrome-har/i.test(creator) && repeatsRedirectHeaders(chain)) repeatedRedirect++;
    const last = chain[chain.length - 1] ?? first;
    const preflight = preflightOf.get(first) ?? null;
    if (preflight) claimedPreflights.add(preflight);
    // Chrome exports the request a rejected preflight stopped as status 0: it never went out.
    const neverSent =
      last.status === 0 && chain.length === 1 && (isCorsBlockError(last.error) || preflight !== null);
    // Provisional headers only matter where the outcome is not in the file either: a request that
    // got its answer without an error was allowed, as a no-cors one reads; one that failed or went
    // on to an unrecorded redirect target cannot be told from its provisional headers.
    const headersUnseen =
      provisional(first, creator) && (last.error !== null || unrecordedTarget(last).length > 0);
    const seenHeaders = headersUnseen || misplaced(first, creator) ? [] : first.requestHeaders;
    const origin = sentOriginOf(seenHeaders) ?? (preflight ? sentOriginOf(preflight.requestHeaders) : null);
    exchanges.push(
      observedExchange({
        id: `har-${first.index}`,
        url: first.url,
        method: first.method,
        initiator:
          origin ??
          originOfPage(first.page) ??
          originOfPage(combinedHeader(seenHeaders, "referer")) ??
          fallbackOrigin,
        documentUrl: first.page,
        resourceType: RESOURCE_TYPES[first.type] ?? first.type,
        mode: "unknown",
        credentials: "unknown",
        requestHeaders:
          seenHeaders.length === 0 && first.requestHeaders.length > 0 ? null : first.requestHeaders,
        startedAt: Math.min(first.start, preflight?.start ?? Number.POSITIVE_INFINITY),
        preflight: preflight ? hop(preflight, preflight.status !== 0) : null,
        hops: neverSent
          ? []
          : [
              ...chain.map((e, i) => {
                if (/^chrome-har/i.test(creator) && i > 0 && sameHeaders(e, chain[i - 1] as Entry))
                  return hop(e, false);
                const h = hop(e, e.status !== 0);
                return (headersUnseen && provisional(e, creator)) || misplaced(e, creator)
                  ? { ...h, requestHeaders: [] }
                  : h;
              }),
              ...unrecordedTarget(last),
            ],
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
  if (repeatedRedirect > 0)
    notes.push({ key: "har.note.repeated-redirect", params: { count: repeatedRedirect } });
  exchanges.sort((a, b) => a.startedAt - b.startedAt);
  return { exchanges, recordedBy, creator, skipped, hasPreflights: preflights.length > 0, notes };
}

/** Parses HAR text; every failure is a HarError with a one-line message. */
export function parseHar(text: string): HarImport {
  return importHar(parseHarJson(text));
}

/** Two entries' response headers, as sets of lines (chrome-har reorders them). */
function sameHeaders(a: Entry, b: Entry): boolean {
  const lines = (e: Entry) =>
    e.responseHeaders
      .map(([n, v]) => `${n.toLowerCase()}: ${v}`)
      .sort()
      .join("\n");
  return a.responseHeaders.length > 0 && lines(a) === lines(b);
}

/** chrome-har hands a redirect's response headers to the next response of the chain as well. */
function repeatsRedirectHeaders(chain: readonly Entry[]): boolean {
  return chain.some((e, i) => i > 0 && sameHeaders(e, chain[i - 1] as Entry));
}

/**
 * A chain that ends on a redirect whose target is not in the file (chrome-har drops a blocked
 * request's entry): the request went on to that URL, and its answer was not recorded. Said as a
 * hop without a response, so the verdict is "unknown" rather than the redirect's own.
 */
function unrecordedTarget(last: Entry): Hop[] {
  if (!isRedirectStatus(last.status) || last.redirectURL === "") return [];
  let url: string;
  try {
    url = new URL(last.redirectURL, last.url).href;
  } catch {
    return [];
  }
  return [
    {
      url,
      method:
        last.status === 303 || ((last.status === 301 || last.status === 302) && last.method === "POST")
          ? "GET"
          : last.method,
      status: null,
      requestHeaders: [],
      responseHeaders: [],
      error: null,
      fromCache: false,
    },
  ];
}

/**
 * chrome-har keeps only the provisional request headers (no Host, no Accept-Encoding, no
 * Sec-Fetch-Mode, so no Origin either) when the wire headers did not reach it: read as not
 * observed, rather than as a request sent without Origin (which would make it a no-cors one).
 */
function provisional(e: Entry, creator: string): boolean {
  if (!/^chrome-har/i.test(creator)) return false;
  const has = (name: string) => e.requestHeaders.some(([n]) => n.toLowerCase() === name);
  return !has("host") && !has("accept-encoding") && !has("sec-fetch-mode") && !has("origin");
}

/**
 * chrome-har sometimes hands a redirect target's wire headers to the redirect's own entry (seen:
 * `Host: localhost:…` and `Origin: null` on the entry for 127.0.0.1): headers whose Host is not the
 * entry's are another request's, and read as not observed.
 */
function misplaced(e: Entry, creator: string): boolean {
  if (!/^chrome-har/i.test(creator)) return false;
  const host = e.requestHeaders.find(([n]) => n.toLowerCase() === "host")?.[1];
  if (host === undefined) return false;
  try {
    return new URL(e.url).host !== host.trim().toLowerCase();
  } catch {
    return false;
  }
}
