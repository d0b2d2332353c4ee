/**
 * Reading a HAR 1.2 file, as Chrome and Firefox DevTools and test runners export it: its entries
 * normalized, the recorder named, unusable entries counted (HAR 1.2; Chrome DevTools `front_end/models/har/HARFormat.ts`).
 */
import type { BrowserName, HeaderList } from "../engine";
import { WordedError } from "../i18n/worded-error";

/** A file that is not a usable HAR. */
export class HarError extends WordedError {}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}
interface HarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  pageref?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown };
  response?: {
    status?: unknown;
    headers?: unknown;
    redirectURL?: unknown;
    _error?: unknown;
    _failureText?: unknown;
  };
  _resourceType?: unknown;
  _initiator?: { type?: unknown; url?: unknown };
  _fromCache?: unknown;
}

/** One usable entry, normalized. */
export interface Entry {
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
  /** The page's URL (its `log.pages` title), once the pages are read. */
  page: string | null;
  /** The entry's `pageref`, which `page` is read from. */
  pageref: string | null;
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

/**
 * Request headers with exact repeats dropped: chrome-har (Puppeteer's usual HAR writer) lists the
 * provisional headers and the wire headers of one request together, so every name comes twice.
 * A browser never sends the same request header line twice.
 */
function requestHeaders(value: unknown): HeaderList {
  const seen = new Set<string>();
  return headers(value).filter(([name, v]) => {
    const key = `${name.toLowerCase()}\u0000${v}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function normalize(raw: HarEntry, index: number): Entry | null {
  const method = raw.request?.method;
  const url = raw.request?.url;
  if (typeof method !== "string" || typeof url !== "string" || method === "" || url === "") return null;
  const start = typeof raw.startedDateTime === "string" ? Date.parse(raw.startedDateTime) : Number.NaN;
  const duration = typeof raw.time === "number" && raw.time >= 0 ? raw.time : 0;
  // Chrome DevTools writes `_error`; Playwright's recordHar `_failureText` (and status -1).
  const failure = raw.response?._error ?? raw.response?._failureText;
  const error = typeof failure === "string" && failure !== "" ? failure : null;
  return {
    index,
    method,
    url,
    start: Number.isFinite(start) ? start : index,
    end: (Number.isFinite(start) ? start : index) + duration,
    requestHeaders: requestHeaders(raw.request?.headers),
    status: typeof raw.response?.status === "number" && raw.response.status > 0 ? raw.response.status : 0,
    responseHeaders: headers(raw.response?.headers),
    redirectURL: typeof raw.response?.redirectURL === "string" ? raw.response.redirectURL : "",
    error,
    type: typeof raw._resourceType === "string" ? raw._resourceType : "other",
    initiatorType: typeof raw._initiator?.type === "string" ? raw._initiator.type : null,
    initiatorUrl: typeof raw._initiator?.url === "string" ? raw._initiator.url : null,
    page: null,
    pageref: typeof raw.pageref === "string" ? raw.pageref : null,
    fromCache: raw._fromCache === "disk" || raw._fromCache === "memory" || raw._fromCache === true,
  };
}

/** An entry already read (by `readEntry`), told apart from a raw one in `log.entries`. */
class ReadEntry {
  readonly entry: Entry;
  constructor(entry: Entry) {
    this.entry = entry;
  }
}

/**
 * What CORS Lens reads of one raw entry of `log.entries` (its position given), as soon as it is
 * parsed: the CLI's streamed read (./har-stream.ts) keeps this instead of the parsed entry, whose
 * timings, cookies and header objects would otherwise be held beside every other until the import.
 * `null` for an entry that is not a usable request. Its `page` is read with the whole file.
 */
export function readEntry(raw: unknown, index: number): ReadEntry | null {
  const e = typeof raw === "object" && raw !== null ? normalize(raw as HarEntry, index) : null;
  return e ? new ReadEntry(e) : null;
}

export interface HarRead {
  /** Usable entries, in start order. */
  entries: Entry[];
  recordedBy: BrowserName | null;
  /** The recording tool as the HAR names it (`log.creator.name`): "WebInspector", "Firefox", "Playwright"… */
  creator: string;
  /** Entries that were not usable requests (wrong types, missing fields). */
  skipped: number;
}

/**
 * Reads the entries of a HAR document (already JSON-parsed; its entries raw, or already read by
 * `readEntry` as the CLI streams them). Throws HarError when it is not a HAR.
 */
export function readHar(document: unknown): HarRead {
  const log = (
    document as {
      log?: {
        entries?: unknown;
        pages?: unknown;
        creator?: { name?: unknown };
        browser?: { name?: unknown };
      };
    } | null
  )?.log;
  if (!log || typeof log !== "object") throw new HarError("har.no-log");
  if (!Array.isArray(log.entries)) throw new HarError("har.no-entries");
  const creator = `${typeof log.creator?.name === "string" ? log.creator.name : ""} ${typeof (log.creator as { comment?: unknown } | undefined)?.comment === "string" ? (log.creator as { comment: string }).comment : ""}`;
  // Playwright (and other test runners) name the browser in `log.browser`.
  const browser = typeof log.browser?.name === "string" ? log.browser.name : "";
  const recordedBy: BrowserName | null = /WebInspector|Chrom|recorded by chromium/i.test(
    `${creator} ${browser}`,
  )
    ? "chromium"
    : /Firefox|recorded by firefox/i.test(`${creator} ${browser}`)
      ? "firefox"
      : null;
  const pages = new Map<string, string>();
  if (Array.isArray(log.pages))
    for (const p of log.pages as Array<{ id?: unknown; title?: unknown }>)
      if (typeof p?.id === "string" && typeof p.title === "string") pages.set(p.id, p.title);

  const entries: Entry[] = [];
  let skipped = 0;
  log.entries.forEach((raw, i) => {
    const e =
      raw instanceof ReadEntry
        ? raw.entry
        : typeof raw === "object" && raw !== null
          ? normalize(raw as HarEntry, i)
          : null;
    if (e) {
      e.page = e.pageref === null ? null : (pages.get(e.pageref) ?? null);
      entries.push(e);
    } else skipped++;
  });
  entries.sort((a, b) => a.start - b.start || a.index - b.index);

  return {
    entries,
    recordedBy,
    creator: typeof log.creator?.name === "string" ? log.creator.name : "",
    skipped,
  };
}

/**
 * Parses HAR text as JSON; every failure is a HarError with a one-line message. A UTF-8 byte order
 * mark (some Windows tools write one) is not part of the JSON.
 */
export function parseHarJson(text: string): unknown {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === "") throw new HarError("har.empty");
  try {
    return JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 names the position it stopped at; at the very end of the text the file was cut short
    // (a file cut after a comma says "Expected double-quoted property name … at position N").
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const atEnd = position >= json.trimEnd().length;
    throw new HarError(
      atEnd || /end of JSON|Unterminated|Unexpected end/i.test(message) ? "har.truncated" : "har.not-json",
      { message },
    );
  }
}
