/**
 * HAR 1.2 → exchanges, as Chrome and Firefox DevTools export them (cors-reference B §6.3):
 * Chrome marks preflights `_resourceType: "preflight"` with `_initiator.url` = the actual URL,
 * blocked requests carry `response._error`, redirects are separate entries joined by `redirectURL`.
 */
import {
  type BrowserName,
  combinedHeader,
  type HeaderList,
  type Hop,
  isCorsBlockError,
  isPreflightRequest,
  type ObservedExchange,
  observedExchange,
  originOf,
  preflightOnlyExchange,
  visibilityOf,
} from "../engine";

export class HarError extends Error {}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}
interface HarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  pageref?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown };
  response?: { status?: unknown; headers?: unknown; redirectURL?: unknown; _error?: unknown };
  _resourceType?: unknown;
  _initiator?: { type?: unknown; url?: unknown };
  _fromCache?: unknown;
}

export interface HarImport {
  exchanges: ObservedExchange[];
  recordedBy: BrowserName | null;
  /** Entries that were not usable requests (wrong types, missing fields). */
  skipped: number;
  /** False when the file has no preflight entries at all: verdicts then rest on headers alone. */
  hasPreflights: boolean;
}

/** One usable entry, normalized. */
interface Entry {
  index: number;
  method: string;
  url: string;
  start: number;
  end: number;
  requestHeaders: HeaderList;
  status: number;
  responseHeaders: HeaderList;
  redirectURL: string;
  error: string | null;
  type: string;
  initiatorType: string | null;
  initiatorUrl: string | null;
  page: string | null;
  fromCache: boolean;
}

function headers(value: unknown): HeaderList {
  if (!Array.isArray(value)) return [];
  return value
    .filter((h: HarHeader) => typeof h?.name === "string")
    .map((h: HarHeader): [string, string] => [
      String(h.name),
      typeof h.value === "string" ? h.value : String(h.value ?? ""),
    ]);
}

function normalize(raw: HarEntry, index: number, pages: Map<string, string>): Entry | null {
  const method = raw.request?.method;
  const url = raw.request?.url;
  if (typeof method !== "string" || typeof url !== "string" || method === "" || url === "") return null;
  const start = typeof raw.startedDateTime === "string" ? Date.parse(raw.startedDateTime) : Number.NaN;
  const duration = typeof raw.time === "number" && raw.time >= 0 ? raw.time : 0;
  const error =
    typeof raw.response?._error === "string" && raw.response._error !== "" ? raw.response._error : null;
  return {
    index,
    method,
    url,
    start: Number.isFinite(start) ? start : index,
    end: (Number.isFinite(start) ? start : index) + duration,
    requestHeaders: headers(raw.request?.headers),
    status: typeof raw.response?.status === "number" ? raw.response.status : 0,
    responseHeaders: headers(raw.response?.headers),
    redirectURL: typeof raw.response?.redirectURL === "string" ? raw.response.redirectURL : "",
    error,
    type: typeof raw._resourceType === "string" ? raw._resourceType : "other",
    initiatorType: typeof raw._initiator?.type === "string" ? raw._initiator.type : null,
    initiatorUrl: typeof raw._initiator?.url === "string" ? raw._initiator.url : null,
    page: typeof raw.pageref === "string" ? (pages.get(raw.pageref) ?? null) : null,
    fromCache: raw._fromCache === "disk" || raw._fromCache === "memory" || raw._fromCache === true,
  };
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
  const log = (
    document as { log?: { entries?: unknown; pages?: unknown; creator?: { name?: unknown } } } | null
  )?.log;
  if (!log || typeof log !== "object") throw new HarError('not a HAR file: no "log" object');
  if (!Array.isArray(log.entries)) throw new HarError('not a HAR file: "log.entries" is not a list');
  const creator = `${typeof log.creator?.name === "string" ? log.creator.name : ""} ${typeof (log.creator as { comment?: unknown } | undefined)?.comment === "string" ? (log.creator as { comment: string }).comment : ""}`;
  const recordedBy: BrowserName | null = /WebInspector|Chrom|recorded by chromium/i.test(creator)
    ? "chromium"
    : /Firefox|recorded by firefox/i.test(creator)
      ? "firefox"
      : null;
  const pages = new Map<string, string>();
  if (Array.isArray(log.pages))
    for (const p of log.pages as Array<{ id?: unknown; title?: unknown }>)
      if (typeof p?.id === "string" && typeof p.title === "string") pages.set(p.id, p.title);

  const entries: Entry[] = [];
  let skipped = 0;
  log.entries.forEach((raw, i) => {
    const e = typeof raw === "object" && raw !== null ? normalize(raw as HarEntry, i, pages) : null;
    if (e) entries.push(e);
    else skipped++;
  });
  entries.sort((a, b) => a.start - b.start || a.index - b.index);

  const fallbackOrigin = pageOrigins(entries);
  const preflights = entries.filter(isPreflight);
  // Indexes by URL keep a 100 MB HAR linear: preflights by the URL they were for, requests by URL.
  const preflightsFor = groupBy(preflights, (p) => p.initiatorUrl ?? p.url);
  const requestsAt = groupBy(
    entries.filter((e) => !isPreflight(e)),
    (e) => e.url,
  );
  const claimedPreflights = new Set<Entry>();
  const consumed = new Set<Entry>();
  const exchanges: ObservedExchange[] = [];
  for (const first of entries) {
    if (consumed.has(first) || isPreflight(first)) continue;
    // Follow the redirect chain: the next entry for redirectURL.
    const chain = [first];
    consumed.add(first);
    let last = first;
    while (last.redirectURL && last.status >= 300 && last.status < 400) {
      const target = new URL(last.redirectURL, last.url).href;
      const from = last;
      const next = requestsAt.get(target)?.find((e) => !consumed.has(e) && e.start >= from.start);
      if (!next) break;
      chain.push(next);
      consumed.add(next);
      last = next;
    }
    const end = last.end;
    const preflight =
      preflightsFor
        .get(first.url)
        ?.find(
          (p) =>
            !claimedPreflights.has(p) &&
            (combinedHeader(p.requestHeaders, "access-control-request-method") ?? first.method) ===
              first.method &&
            p.start <= end + 1,
        ) ?? null;
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
  return { exchanges, recordedBy, skipped, hasPreflights: preflights.length > 0 };
}

/** Parses HAR text; every failure is a HarError with a one-line message. */
export function parseHar(text: string): HarImport {
  if (text.trim() === "") throw new HarError("empty file");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new HarError(
      /end of JSON|Unterminated|Unexpected end/i.test(message)
        ? `truncated JSON (${message})`
        : `not JSON (${message})`,
    );
  }
  return importHar(document);
}
