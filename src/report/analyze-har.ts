/**
 * The one HAR use case, shared by `cors-lens analyze` and the panel's "Open…": HAR text (or a report
 * CORS Lens wrote, format 1 or 2) in, the report document and what the reader should know about the
 * file out. Throws HarError or ReportFileError (one line) when the text is neither.
 */
import { importHar } from "../capture/har-import";
import { parseHarJson } from "../capture/har-read";
import { translator } from "../i18n";
import {
  collected,
  observedFromReport,
  type ReportDocument,
  type ReportExchange,
  type ReportOptions,
  type ReportStream,
  reportStream,
} from "./report";
import { isReportLike, readReportFile } from "./report-file";

export { HarError } from "../capture/har-import";

export interface HarAnalysis {
  report: ReportDocument;
  /** Limits of this file's evidence, one sentence each: no preflights, skipped entries, broken redirects. */
  notes: string[];
}

export function analyzeHar(text: string, file: string, options: ReportOptions = {}): HarAnalysis {
  return analyzeHarDocument(parseHarJson(text), file, options);
}

/**
 * The file read and its exchanges imported, the diagnoses still to come: `report` builds each
 * exchange as it is read (the CLI writes large reports that way), `notes` says what the reader
 * should know, given how many of the report's exchanges were `bareFailure`s once it was read (null:
 * not counted, and the note that counts them is left out).
 */
export interface HarOpening {
  report: ReportStream;
  notes: (bare: number | null) => string[];
}

/**
 * A request the browser failed whose recording kept no response headers at all: Playwright's
 * recordHar keeps neither the headers of a response the browser blocked nor preflights.
 */
export function bareFailure(x: ReportExchange): boolean {
  return x.verdict === "unknown" && x.error !== null && x.hops.every((h) => h.responseHeaders.length === 0);
}

/** The same, from the file already parsed (the CLI reads large HARs in pieces: ../capture/har-stream.ts). */
export function analyzeHarDocument(json: unknown, file: string, options: ReportOptions = {}): HarAnalysis {
  const opened = openHarDocument(json, file, options);
  const report = collected(opened.report);
  return { report, notes: opened.notes(report.exchanges.filter(bareFailure).length) };
}

export function openHarDocument(json: unknown, file: string, options: ReportOptions = {}): HarOpening {
  if (isReportLike(json)) return openReport(json, file, options);
  const har = importHar(json);
  const t = translator(options.lang ?? "en");
  return {
    report: reportStream(har.exchanges, { kind: "har", file }, options),
    notes: (bare) => {
      const notes: string[] = [];
      if (!har.hasPreflights) notes.push(t("har.note.no-preflights"));
      if (har.skipped > 0) notes.push(t("har.note.skipped", { count: har.skipped }));
      if (/^chrome-har/i.test(har.creator)) notes.push(t("har.note.chrome-har"));
      if (bare !== null && bare > 0 && /^Playwright/i.test(har.creator))
        notes.push(t("har.note.playwright-bare", { count: bare }));
      notes.push(...har.notes.map((n) => t(n.key, n.params)));
      return notes;
    },
  };
}

/**
 * A saved report, read again: its exchanges are diagnosed anew from what was observed (the words in
 * the reader's language, the fixes of this version); what it was recorded from stays its source.
 */
function openReport(json: unknown, file: string, options: ReportOptions): HarOpening {
  const saved = readReportFile(json, file);
  const recordedBy = options.browser ?? null;
  const t = translator(options.lang ?? "en");
  const version = typeof saved.generator?.version === "string" ? saved.generator.version.slice(0, 40) : "?";
  return {
    report: reportStream(
      saved.exchanges.map((x) => observedFromReport(x, recordedBy)),
      saved.source,
      options,
    ),
    notes: () => [t("report.note.reopened", { version })],
  };
}
