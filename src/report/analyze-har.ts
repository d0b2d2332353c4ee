/**
 * The one HAR use case, shared by `cors-lens analyze` and the panel's "Open HAR…": HAR text in, the
 * report document and what the reader should know about the file out. Throws HarError (one line)
 * when the text is not a readable HAR.
 */
import { parseHar } from "../capture/har-import";
import { translator } from "../i18n";
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
  const t = translator(options.lang ?? "en");
  const notes: string[] = [];
  if (!har.hasPreflights) notes.push(t("har.note.no-preflights"));
  if (har.skipped > 0) notes.push(t("har.note.skipped", { count: har.skipped }));
  if (/^chrome-har/i.test(har.creator)) notes.push(t("har.note.chrome-har"));
  // Playwright's recordHar keeps neither the headers of a response the browser blocked nor preflights.
  if (/^Playwright/i.test(har.creator)) {
    const bare = report.exchanges.filter(
      (x) =>
        x.verdict === "unknown" && x.error !== null && x.hops.every((h) => h.responseHeaders.length === 0),
    ).length;
    if (bare > 0) notes.push(t("har.note.playwright-bare", { count: bare }));
  }
  notes.push(...har.notes.map((n) => t(n.key, n.params)));
  return { report, notes };
}
