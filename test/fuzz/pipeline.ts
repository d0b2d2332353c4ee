/**
 * The whole pipeline on hostile input, as the property test and `npm run bench -- fuzz` drive it:
 * webRequest events → tracker (its state through JSON and taken over by a new worker halfway, as a
 * worker stop does) → tab history → report (both languages) → HAR export → HAR import → the CLI's
 * summary and JSON. Nothing may throw; every exchange gets a verdict; no terminal control
 * character, bidi override or lone surrogate reaches the summary.
 */
import fc from "fast-check";
import type { ObservedEvent } from "../../src/capture/events";
import { emptyTab, upsertExchange } from "../../src/capture/tab-history";
import { ExchangeTracker, LIMITS, type TrackerState } from "../../src/capture/tracker";
import { NO_PAINT, summarize } from "../../src/cli/summary";
import type { HeaderList, ObservedExchange } from "../../src/engine";
import { analyzeHar, HarError } from "../../src/report/analyze-har";
import { exportHar } from "../../src/report/har-export";
import { buildReport } from "../../src/report/report";
import { readReportFile, writeReportFile } from "../../src/report/report-file";

const MIB = "\u202e".repeat(8) + "v".repeat(1024 * 1024);
// Hostile text: controls, bidi overrides, lone surrogates, CRLF, NUL, secrets, a long value now and then.
const hostile = fc.oneof(
  { weight: 60, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 20, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      "",
      "*",
      "null",
      "true",
      "http://127.0.0.1:5601",
      "http://a.test, http://b.test",
      "GET, PUT",
      "content-type,x-api-key",
      "\u0000",
      "a\r\nSet-Cookie: x=1",
      "\u202eevil.test",
      "\ud800",
      "\udfff\ud800",
      "\u001b]52;c;aGk=\u0007",
      "\u001b[2J",
      "\u0085\u009b31m",
      "http://user:pw@a.test/?token=s3cr3t&access_token=t",
    ),
  },
  { weight: 1, arbitrary: fc.constant("x".repeat(5_000)) },
);
const headerName = fc.oneof(
  fc.constantFrom(
    "Origin",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
    "Vary",
    "Cookie",
    "Authorization",
    "Set-Cookie",
    "Location",
    "Referer",
    "Sec-Fetch-Mode",
    "Content-Type",
  ),
  hostile,
);
const headersWith = (dupOneIn: number): fc.Arbitrary<HeaderList> =>
  fc.oneof(
    { weight: dupOneIn - 1, arbitrary: fc.array(fc.tuple(headerName, hostile), { maxLength: 6 }) },
    // Thousands of duplicates of one header.
    {
      weight: 1,
      arbitrary: fc
        .tuple(headerName, fc.string({ maxLength: 20 }), fc.integer({ min: 1000, max: 3000 }))
        .map(([n, v, k]) => Array.from({ length: k }, () => [n, v] as [string, string])),
    },
  );
const url = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("http://127.0.0.1:5602/api", "http://127.0.0.1:5602/api?q=1") },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "http://[",
      "http://h:99999/",
      "data:text/plain,x",
      "ftp://a.test/",
      "chrome-extension://abc/x",
      "http://user:pw@a.test/?session=abc",
      "javascript:alert(1)",
    ),
  },
  { weight: 1, arbitrary: hostile },
);
const time = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_100_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      -1,
      0,
      8.64e15 + 1,
      Number.MAX_SAFE_INTEGER,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ),
  },
);
const status = fc.oneof(
  fc.constantFrom(0, 200, 204, 301, 302, 307, 401, 403, 404, 405, 500),
  fc.integer({ min: -5, max: 1200 }),
);

/** One event of one of a few requests (ids collide on purpose: interleaving, out of order). */
const eventWith = (headers: fc.Arbitrary<HeaderList>): fc.Arbitrary<ObservedEvent> =>
  fc
    .record({
      kind: fc.constantFrom("send", "headers", "redirect", "completed", "error"),
      requestId: fc.constantFrom("1", "2", "3", "4", "5"),
      tabId: fc.constantFrom(-1, 7, 7, 7, 8),
      url,
      method: fc.oneof(fc.constantFrom("GET", "PUT", "OPTIONS", "POST", "DELETE"), hostile),
      type: fc.constantFrom("xmlhttprequest", "fetch", "main_frame", "sub_frame", "font", "other", "ping"),
      initiator: fc.oneof(fc.constant("http://127.0.0.1:5601"), fc.constant(null), hostile),
      timeStamp: time,
      headers,
      status,
      redirectUrl: url,
      error: fc.oneof(
        fc.constantFrom("net::ERR_FAILED", "NS_ERROR_DOM_BAD_URI", "net::ERR_ABORTED"),
        hostile,
      ),
    })
    .map((r): ObservedEvent => {
      const base = {
        requestId: r.requestId,
        tabId: r.tabId,
        frameId: 0,
        url: r.url,
        method: r.method,
        type: r.type,
        initiator: r.initiator,
        documentUrl: null,
        timeStamp: r.timeStamp,
      };
      switch (r.kind) {
        case "send":
          return { ...base, kind: "send", requestHeaders: r.headers };
        case "headers":
          return { ...base, kind: "headers", statusCode: r.status, responseHeaders: r.headers };
        case "redirect":
          return {
            ...base,
            kind: "redirect",
            statusCode: r.status,
            redirectUrl: r.redirectUrl,
            responseHeaders: r.headers,
            fromCache: false,
          };
        case "completed":
          return {
            ...base,
            kind: "completed",
            statusCode: r.status,
            responseHeaders: r.headers,
            fromCache: false,
          };
        default:
          return { ...base, kind: "error", error: r.error, fromCache: false };
      }
    });

export interface Input {
  events: ObservedEvent[];
  browser: "chromium" | "firefox";
  /** After this many events the worker "stops": state through JSON, a new tracker takes over. */
  stopAt: number;
}

/**
 * Inputs where one event in `dupOneIn` carries thousands of duplicate headers and one input in
 * `hugeOneIn` a 1 MiB header value (with bidi overrides).
 */
export const inputsWith = ({
  dupOneIn,
  hugeOneIn,
}: {
  dupOneIn: number;
  hugeOneIn: number;
}): fc.Arbitrary<Input> =>
  fc
    .record({
      events: fc.array(eventWith(headersWith(dupOneIn)), { minLength: 1, maxLength: 12 }),
      browser: fc.constantFrom("chromium", "firefox"),
      stopAt: fc.integer({ min: 0, max: 12 }),
      huge: fc.oneof(
        { weight: hugeOneIn - 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.nat(), headerName) },
      ),
    })
    .map(({ huge, ...input }) => {
      if (!huge) return input;
      const [at, name] = huge;
      const events = input.events.map((e, i) => {
        if (i !== at % input.events.length) return e;
        if (e.kind === "send")
          return { ...e, requestHeaders: [...e.requestHeaders, [name, MIB] as [string, string]] };
        if (e.kind === "error") return { ...e, error: MIB };
        return { ...e, responseHeaders: [...e.responseHeaders, [name, MIB] as [string, string]] };
      });
      return { ...input, events };
    });

/** The property test's mix: hostile far more often than in life. */
export const inputArb = inputsWith({ dupOneIn: 9, hugeOneIn: 25 });

/** Tracker → exchanges, with a worker stop at `stopAt` and every timer fired afterwards. */
export function track(input: Input): ObservedExchange[] {
  let tracker = new ExchangeTracker(input.browser);
  const tab = emptyTab();
  const keep = (outs: ReturnType<ExchangeTracker["ingest"]>) => {
    for (const o of outs) if (o.kind === "exchange") upsertExchange(tab, o.exchange);
  };
  let last = 1_700_000_000_000;
  input.events.forEach((e, i) => {
    if (i === input.stopAt) {
      const state = JSON.parse(JSON.stringify(tracker.snapshot())) as TrackerState;
      tracker = new ExchangeTracker(input.browser, state);
      tracker.inherit(last);
    }
    keep(tracker.ingest(e));
    if (Number.isFinite(e.timeStamp)) last = Math.max(last, e.timeStamp);
  });
  for (const later of [1_000, LIMITS.interruptedQuietMs, LIMITS.orphanPreflightMs, LIMITS.stalePendingMs])
    keep(tracker.flush(last + later + 1));
  return tab.exchanges;
}

const VERDICTS = new Set(["blocked", "allowed", "not-cors", "unknown"]);
// What a terminal must never receive from data: C0 (but \n) and C1 controls, DEL, bidi controls,
// lone surrogates. The summary's own layout uses only \n.
function unsafe(line: string): boolean {
  for (const ch of line) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
    if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e)) return true;
    if (c >= 0x2066 && c <= 0x2069) return true;
    if (c >= 0xd800 && c <= 0xdfff && ch.length === 1) return true;
  }
  return false;
}

export interface Outcome {
  exchanges: number;
  imported: number;
  /** Characters of the CLI's JSON report. */
  jsonChars: number;
  problems: string[];
}

/** Everything after the tracker, for a batch of exchanges: the checks that must hold. */
export function downstream(exchanges: ObservedExchange[], browser: "chromium" | "firefox"): Outcome {
  const problems: string[] = [];
  for (const lang of ["en", "ko"] as const) {
    const report = buildReport(exchanges, { kind: "extension", tabId: 7 }, { browser, lang });
    if (report.exchanges.length !== exchanges.length) problems.push(`report ${lang}: exchanges lost`);
    for (const x of report.exchanges) if (!VERDICTS.has(x.verdict)) problems.push(`verdict ${x.verdict}`);
  }
  const har = JSON.stringify(exportHar(exchanges));
  let imported = 0;
  let jsonChars = 0;
  try {
    const { report, notes } = analyzeHar(har, "fuzz.har");
    imported = report.exchanges.length;
    for (const x of report.exchanges)
      if (!VERDICTS.has(x.verdict)) problems.push(`imported verdict ${x.verdict}`);
    const lines = summarize(report, { stack: null, paint: NO_PAINT, notes });
    const bad = lines.find(unsafe);
    if (bad !== undefined) problems.push(`unsafe summary line: ${JSON.stringify(bad.slice(0, 80))}`);
    // Streamed as the CLI streams it; each piece is whole JSON lines of one exchange at most.
    let written = "";
    writeReportFile(report, (s) => {
      written += s;
    });
    if (written.length === 0) problems.push("empty JSON report");
    jsonChars = written.length;
    // And read back as it was written (format 2's fix table resolved).
    const back = readReportFile(JSON.parse(written));
    if (JSON.stringify(back) !== JSON.stringify(report))
      problems.push("report file not read back as written");
  } catch (error) {
    // An exported HAR that cannot be read back is a defect, even with a clear message.
    problems.push(error instanceof HarError ? `HAR export not importable: ${error.message}` : String(error));
  }
  return { exchanges: exchanges.length, imported, jsonChars, problems };
}
