/**
 * The report as a file (docs/report-format.md, format 2): what `--json`, "Export report" and "Copy
 * report" write, and what "Open…" and the CLI read back.
 *
 * Format 1 carried every cause's fixes inline: one per server stack, some 36 kB per cause, so a HAR
 * of mostly blocked requests gave a report 10–15× its size. Format 2 stores each distinct fix once,
 * in `fixes` at the end of the document (written after the exchanges, so the report streams), and a
 * cause or finding lists the ids of its fixes. Format 1 files are still read.
 */

import type { Cause, Finding, Fix, RequestMode } from "../engine";
import { WordedError } from "../i18n/worded-error";
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  type ReportDocument,
  type ReportExchange,
  type ReportSource,
} from "./report";
import { jsonInert } from "./safe-text";

/** A fix in the file's table: the fix, and the id causes and findings refer to it by. */
export type FileFix = Fix & { id: string };

type FileCause = Omit<Cause, "fixes"> & { fixes: string[] };
type FileFinding = Omit<Finding, "fixes"> & { fixes?: string[] };
type FileExchange = Omit<ReportExchange, "causes" | "findings"> & {
  causes: FileCause[];
  findings: FileFinding[];
};

/** Format 2 as written: the document with fixes by id, and the table. */
export interface ReportFile extends Omit<ReportDocument, "exchanges"> {
  exchanges: FileExchange[];
  fixes: FileFix[];
}

/**
 * Gives each distinct fix an id, once: the engine shares one fix list between the exchanges of a
 * cause (so identity finds most repeats at no cost), and equal fixes built apart are found by their
 * JSON.
 */
function fixTable() {
  const byObject = new WeakMap<Fix, string>();
  const byJson = new Map<string, string>();
  const table: FileFix[] = [];
  const idOf = (fix: Fix): string => {
    const known = byObject.get(fix);
    if (known !== undefined) return known;
    const json = JSON.stringify(fix);
    let id = byJson.get(json);
    if (id === undefined) {
      id = `f${table.length + 1}`;
      byJson.set(json, id);
      table.push({ id, ...fix });
    }
    byObject.set(fix, id);
    return id;
  };
  return { idOf, table };
}

function fileExchange(x: ReportExchange, idOf: (fix: Fix) => string): FileExchange {
  return {
    ...x,
    causes: x.causes.map((c) => ({ ...c, fixes: c.fixes.map(idOf) })),
    findings: x.findings.map(({ fixes, ...f }) => (fixes ? { ...f, fixes: fixes.map(idOf) } : f)),
  };
}

/** The report in format 2, whole (tests, small reports). */
export function toReportFile(report: ReportDocument): ReportFile {
  const { idOf, table } = fixTable();
  const exchanges = report.exchanges.map((x) => fileExchange(x, idOf));
  return { ...report, exchanges, fixes: table };
}

/**
 * The report in format 2, written an exchange at a time (one string for a whole large report passes
 * V8's string limit, ~512 MB): the document's head indented, then each exchange and each fix on one
 * line — a diff shows which requests changed, and the file stays smaller than the HAR it came from
 * (indented, a header pair took four lines; 80%-blocked bench HAR: 0.80× its size, 1.35× indented).
 * Printed inert (`jsonInert`): a header value cannot end a CI log's line inside the document.
 */
export function writeReportFile(
  report: Omit<ReportDocument, "exchanges"> & { exchanges: Iterable<ReportExchange> },
  out: (s: string) => void,
): void {
  const { exchanges, ...head } = report;
  const { idOf, table } = fixTable();
  const opening = jsonInert(JSON.stringify(head, null, 2));
  out(`${opening.slice(0, -2)},\n  "exchanges": [`);
  let written = 0;
  for (const x of exchanges) {
    out(`${written === 0 ? "" : ","}\n    ${jsonInert(JSON.stringify(fileExchange(x, idOf)))}`);
    written++;
  }
  out(written === 0 ? "],\n" : "\n  ],\n");
  out('  "fixes": [');
  table.forEach((fix, i) => {
    out(`${i === 0 ? "" : ","}\n    ${jsonInert(JSON.stringify(fix))}`);
  });
  out(table.length === 0 ? "]\n}\n" : "\n  ]\n}\n");
}

/** `writeReportFile` into one string (the panel's export, the popup's copy). */
export function reportFileText(report: ReportDocument): string {
  const parts: string[] = [];
  writeReportFile(report, (s) => parts.push(s));
  return parts.join("");
}

/** Why a file that says it is a CORS Lens report cannot be read (one line, in the reader's language). */
export class ReportFileError extends WordedError {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Whether a parsed JSON value claims to be a CORS Lens report (of any version). */
export function isReportLike(value: unknown): value is Record<string, unknown> {
  return isObject(value) && value.format === REPORT_FORMAT;
}

/**
 * A report file (format 1 or 2) back as the document it was written from: format 2's fix ids
 * resolved from its table, format 1's inline fixes taken as they are. The exchanges' shape is
 * checked only as far as this needs (the caller rebuilds what it shows from the observations:
 * `observedFromReport`); a fix id missing from the table, another version, or a shape that is not
 * a report is a ReportFileError, never a crash.
 */
export function readReportFile(value: unknown, file = ""): ReportDocument {
  if (!isReportLike(value)) throw new ReportFileError("report.error.shape");
  const version = value.version;
  if (version !== 1 && version !== REPORT_VERSION)
    throw new ReportFileError("report.error.version", { version: String(version).slice(0, 20) });
  if (!Array.isArray(value.exchanges)) throw new ReportFileError("report.error.shape");
  const table = new Map<string, Fix>();
  if (Array.isArray(value.fixes))
    for (const entry of value.fixes) {
      if (!isObject(entry) || typeof entry.id !== "string") throw new ReportFileError("report.error.shape");
      const { id, ...fix } = entry;
      table.set(id, fix as unknown as Fix);
    }
  const resolve = (fixes: unknown): Fix[] => {
    if (!Array.isArray(fixes)) throw new ReportFileError("report.error.shape");
    return fixes.map((f) => {
      if (typeof f !== "string") {
        if (isObject(f)) return f as unknown as Fix; // format 1: inline
        throw new ReportFileError("report.error.shape");
      }
      const fix = table.get(f);
      if (!fix) throw new ReportFileError("report.error.fix-id", { id: f.slice(0, 40) });
      return fix;
    });
  };
  const exchanges = value.exchanges.map((x, i): ReportExchange => {
    if (!isObservation(x) || !Array.isArray(x.causes) || !Array.isArray(x.findings))
      throw new ReportFileError("report.error.exchange", { index: i + 1 });
    return {
      ...(x as unknown as ReportExchange),
      causes: x.causes.map((c) => {
        if (!isObject(c)) throw new ReportFileError("report.error.shape");
        return { ...(c as unknown as Cause), fixes: resolve(c.fixes) };
      }),
      findings: x.findings.map((f) => {
        if (!isObject(f)) throw new ReportFileError("report.error.shape");
        return f.fixes === undefined
          ? (f as unknown as Finding)
          : { ...(f as unknown as Finding), fixes: resolve(f.fixes) };
      }),
    };
  });
  const { fixes: _table, ...head } = value;
  // A source this version does not know: the file it was read from (the caller's `file`).
  const source = isSource(value.source) ? value.source : { kind: "har" as const, file };
  return { ...(head as unknown as ReportDocument), source, version: REPORT_VERSION, exchanges };
}

const MODES: readonly RequestMode[] = ["cors", "no-cors", "same-origin", "navigate", "unknown"];
const isString = (v: unknown): v is string => typeof v === "string";
const isStringOrNull = (v: unknown) => v === null || isString(v);

function isSource(v: unknown): v is ReportSource {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case "extension":
      return v.tabId === null || Number.isInteger(v.tabId);
    case "har":
      return isString(v.file);
    case "probe":
      return isString(v.url) && isString(v.origin);
    case "playwright":
      return isString(v.url) && isString(v.browser);
    default:
      return false;
  }
}

const isHeaderList = (v: unknown) =>
  Array.isArray(v) && v.every((h) => Array.isArray(h) && h.length === 2 && isString(h[0]) && isString(h[1]));

function isHop(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.url) &&
    isString(v.method) &&
    (v.status === null || Number.isInteger(v.status)) &&
    isHeaderList(v.requestHeaders) &&
    isHeaderList(v.responseHeaders) &&
    isStringOrNull(v.error) &&
    typeof v.fromCache === "boolean" &&
    (v.startedAt === undefined || typeof v.startedAt === "number") &&
    (v.endedAt === undefined || typeof v.endedAt === "number")
  );
}

/**
 * What `observedFromReport` reads of an exchange, in the types it needs: a saved report is untrusted
 * input (edited by hand, written by another tool, cut short), and the engine runs on what it says.
 */
function isObservation(x: unknown): x is Record<string, unknown> {
  return (
    isObject(x) &&
    isString(x.id) &&
    isString(x.url) &&
    isString(x.method) &&
    isStringOrNull(x.initiator) &&
    isString(x.resourceType) &&
    MODES.includes(x.mode as RequestMode) &&
    isString(x.startedAt) &&
    (x.requestHeaders === null || isHeaderList(x.requestHeaders)) &&
    (x.preflight === null || isHop(x.preflight)) &&
    Array.isArray(x.hops) &&
    x.hops.every(isHop) &&
    isStringOrNull(x.error)
  );
}
