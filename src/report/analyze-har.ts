/**
 * The one HAR use case, shared by `cors-lens analyze` and the panel's "Open HAR…": HAR text in, the
 * report document and what the reader should know about the file out. Throws HarError (one line)
 * when the text is not a readable HAR.
 */
import { parseHar } from "../capture/har-import";
import { buildReport, type ReportDocument, type ReportOptions } from "./report";

export { HarError } from "../capture/har-import";

export interface HarAnalysis {
  report: ReportDocument;
  /** Limits of this file's evidence, one sentence each: no preflights, skipped entries, broken redirects. */
  notes: string[];
}

export function analyzeHar(text: string, file: string, options: ReportOptions = {}): HarAnalysis {
  const har = parseHar(text);
  const report = buildReport(har.exchanges, { kind: "har", file }, options);
  const notes: string[] = [];
  if (!har.hasPreflights)
    notes.push(
      "this HAR has no preflight (OPTIONS) entries: verdicts rest on the actual requests' headers alone.",
    );
  if (har.skipped > 0) notes.push(`${har.skipped} HAR entries were not usable requests and were skipped.`);
  if (/^chrome-har/i.test(har.creator))
    notes.push(
      "chrome-har (Puppeteer's usual HAR writer) leaves out every request that failed, those the browser blocked included: only their preflights can show here. Record with Chrome DevTools' \"Save all as HAR\" to keep them.",
    );
  // Playwright's recordHar keeps neither the headers of a response the browser blocked nor preflights.
  if (/^Playwright/i.test(har.creator)) {
    const bare = report.exchanges.filter(
      (x) =>
        x.verdict === "unknown" && x.error !== null && x.hops.every((h) => h.responseHeaders.length === 0),
    ).length;
    if (bare > 0)
      notes.push(
        `${bare} failed request${bare === 1 ? " has" : "s have"} no response headers in this HAR (Playwright's recordHar drops them): their verdict is "unknown". Record with cors-lens/playwright (lens.har()) or Chrome DevTools' "Save all as HAR" to keep them.`,
      );
  }
  notes.push(...har.notes);
  return { report, notes };
}
