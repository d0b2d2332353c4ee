/** @vitest-environment happy-dom */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { toJunit, toSarif } from "../../src/report/ci-formats";
import { buildReport } from "../../src/report/report";
import { exchange, h, PAGE } from "../engine/build";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

// The official SARIF 2.1.0 schema, as Microsoft's own @microsoft/jest-sarif ships it.
const schemaFile = createRequire(import.meta.url).resolve(
  "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
);
const sarifSchema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;

const report = buildReport(
  SCENARIOS.map((s) => recorded(s, "chromium")),
  { kind: "har", file: "lab.har" },
);
const blocked = report.exchanges.filter((x) => x.verdict === "blocked").length;

describe("CI formats", () => {
  it("SARIF validates against the official 2.1.0 schema, one error result per blocked request", () => {
    const sarif = JSON.parse(toSarif(report)) as {
      runs: Array<{
        results: Array<{ ruleId: string; level: string; message: { text: string }; occurrenceCount?: number }>;
      }>;
    };
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const errors =
      sarif.runs[0]?.results.filter((r) => r.level === "error" && !r.ruleId.includes("-masked")) ?? [];
    // One result per endpoint and code: repeats of one are its occurrences.
    expect(
      errors
        .filter((r) => r.message.text.includes("was blocked"))
        .reduce((n, r) => n + (r.occurrenceCount ?? 1), 0),
    ).toBe(blocked);
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === "header-not-allowed")?.message.text).toContain(
      "Fix (",
    );
  });

  it("JUnit XML parses, with a failing test case per blocked request carrying the cause and fix", () => {
    const hostile = exchange({
      url: `https://api.example/x?q=<script>]]>&a="b'\u0001`,
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "https://other.example") },
    });
    const text = toJunit(
      buildReport([...SCENARIOS.map((s) => recorded(s, "chromium")), hostile], {
        kind: "har",
        file: "lab.har",
      }),
    );
    const doc = new DOMParser().parseFromString(text, "application/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    const cases = [...doc.getElementsByTagName("testcase")];
    expect(cases.length).toBe(SCENARIOS.length + 1);
    const failures = [...doc.getElementsByTagName("failure")];
    expect(failures.length).toBe(blocked + 1);
    const header = failures.find((f) => f.getAttribute("type") === "header-not-allowed");
    expect(header?.textContent).toContain("Chromium: HeaderDisallowedByPreflightResponse");
    expect(header?.textContent).toContain("Fix (");
    expect(cases.at(-1)?.getAttribute("name")).toBe(`GET https://api.example/x?q=<script>]]>&a="b'\u2401`);
    expect(text).not.toContain("<script>");
    expect(PAGE).toBeTruthy();
  });
});
