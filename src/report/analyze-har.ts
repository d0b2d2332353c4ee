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
  notes.push(...har.notes);
  return { report, notes };
}
