import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { analyzeHar } from "../../src/report/analyze-har";
import { buildReport, type ReportDocument } from "../../src/report/report";
import schema from "../../src/report/report.schema.json" with { type: "json" };
import {
  ReportFileError,
  readReportFile,
  reportFileText,
  toReportFile,
  writeReportFile,
} from "../../src/report/report-file";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

// Every lab scenario, recorded as Chromium records it, ten times over: a page that repeats its
// failures, as real pages do.
const observed = Array.from({ length: 10 }, (_, round) =>
  SCENARIOS.map((s, i) => ({
    ...recorded(s, "chromium"),
    id: `r${round}s${i}`,
    startedAt: 1_700_000_000_000 + round * 1_000 + i,
  })),
).flat();
const report = buildReport(observed, { kind: "extension", tabId: 3 });

/** Format 1 as version 1 wrote it: the same document, fixes inline. */
const formatOne = (r: ReportDocument) => JSON.parse(JSON.stringify({ ...r, version: 1 })) as unknown;

describe("the report file, format 2", () => {
  it("stores each distinct fix once and validates against the schema", () => {
    const file = toReportFile(report);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const refs = file.exchanges.flatMap((x) => [
      ...x.causes.flatMap((c) => c.fixes),
      ...x.findings.flatMap((f) => f.fixes ?? []),
    ]);
    const ids = file.fixes.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(refs)).toEqual(new Set(ids));
    // No fix is stored twice under two ids.
    const bodies = file.fixes.map(({ id: _id, ...fix }) => JSON.stringify(fix));
    expect(new Set(bodies).size).toBe(bodies.length);
    const v1 = JSON.stringify(formatOne(report), null, 2).length;
    const v2 = reportFileText(report).length;
    process.stdout.write(
      `${observed.length} exchanges: format 1 ${v1} chars, format 2 ${v2} chars (${(v2 / v1).toFixed(3)}×), ${file.fixes.length} distinct fixes for ${refs.length} references\n`,
    );
    expect(v2).toBeLessThan(v1 / 4);
  });

  it("reads back exactly what it wrote, streamed or whole", () => {
    const parts: string[] = [];
    writeReportFile(report, (s) => parts.push(s));
    const text = parts.join("");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toReportFile(report))));
    expect(readReportFile(JSON.parse(text))).toEqual(report);
  });

  it("reads format 1 files as they were written", () => {
    expect(readReportFile(formatOne(report))).toEqual(report);
  });

  it("opens a saved report (either format) in the panel and the CLI as a HAR would be opened", () => {
    for (const text of [reportFileText(report), JSON.stringify(formatOne(report))]) {
      const again = analyzeHar(text, "saved.json", { lang: "ko" });
      expect(again.report.source).toEqual(report.source);
      expect(again.report.exchanges.map((x) => [x.id, x.verdict])).toEqual(
        report.exchanges.map((x) => [x.id, x.verdict]),
      );
      expect(again.report.exchanges.map((x) => x.causes.map((c) => c.code))).toEqual(
        report.exchanges.map((x) => x.causes.map((c) => c.code)),
      );
      // Diagnosed again, in the reader's language.
      expect(again.report.lang).toBe("ko");
      expect(again.notes.join(" ")).toContain("CORS Lens");
    }
  });

  it("a report that is not one this version can read: one clear line, never a crash", () => {
    const file = toReportFile(report);
    const cases: Array<[string, unknown, RegExp]> = [
      ["version 3", { ...file, version: 3 }, /version 3/],
      ["a fix id not in the table", { ...file, fixes: file.fixes.slice(1) }, /fix f1/],
      ["no exchanges", { ...file, exchanges: "x" }, /not in the report format/],
      [
        "an exchange with hops that are not hops",
        { ...file, exchanges: [{ ...file.exchanges[0], hops: [{ url: 1 }] }] },
        /exchange 1 /,
      ],
      [
        "headers that are not pairs",
        { ...file, exchanges: [{ ...file.exchanges[0], requestHeaders: [["a"]] }] },
        /exchange 1 /,
      ],
      ["a table entry without an id", { ...file, fixes: [{ stack: "express" }] }, /not in the report format/],
    ];
    for (const [name, value, says] of cases) {
      let error: unknown = null;
      try {
        readReportFile(value);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(ReportFileError);
      expect((error as Error).message, name).toMatch(says);
      expect((error as Error).message.split("\n"), name).toHaveLength(1);
    }
  });

  it("a source it does not know becomes the file it was read from", () => {
    const file = { ...toReportFile(report), source: { kind: "mystery", x: "\u001b[2J" } };
    expect(readReportFile(file, "saved.json").source).toEqual({ kind: "har", file: "saved.json" });
  });
});
