/**
 * Every word the engine produces for the recorded scenarios is Korean when asked for Korean, and
 * English stays as it was: titles, messages, findings, the credentials evidence, the evidence rows'
 * labels, each fix's title, where it goes and its comments. The codes and the browsers' names do
 * not change with the language.
 */
import { describe, expect, it } from "vitest";
import { diagnose, evidenceRows } from "../../src/engine";
import { translator } from "../../src/i18n";
import { buildReport } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

const HANGUL = /[\uac00-\ud7a3]/;
const blocked = SCENARIOS.filter((s) => s.cause);

describe("the engine's words in Korean", () => {
  it.each(blocked.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const x = recorded(scenario, scenario.only ?? "chromium");
    const en = diagnose(x, { lang: "en" });
    const ko = diagnose(x, { lang: "ko" });
    expect(ko.verdict).toBe(en.verdict);
    const [a, b] = [en.causes[0], ko.causes[0]];
    expect(b?.code).toBe(a?.code);
    expect([b?.chromium, b?.firefox]).toEqual([a?.chromium, a?.firefox]);
    expect(b?.title).toMatch(HANGUL);
    expect(b?.message).toMatch(HANGUL);
    expect(b?.message).not.toMatch(/\{|\}/); // every placeholder filled
    for (const f of ko.findings) {
      expect(f.title, f.code).toMatch(/[\uac00-\ud7a3]|^Origin: null$/);
      expect(f.message, f.code).toMatch(HANGUL);
    }
    expect(ko.credentials.basis).toMatch(HANGUL);
    for (const fix of b?.fixes ?? []) {
      if (fix.where) expect(fix.where, fix.stack).toMatch(HANGUL);
      if (fix.stack !== "client" && fix.stack !== "s3") expect(fix.snippet, fix.stack).toMatch(HANGUL);
    }
    const report = buildReport([x], { kind: "har", file: "x.har" }, { lang: "ko" }).exchanges[0];
    if (report)
      for (const row of evidenceRows(report, translator("ko"))) expect(row.label).not.toBe("Status");
  });

  it("keeps the report's codes, verdicts and shape the same in both languages", () => {
    const xs = SCENARIOS.map((s) => recorded(s, s.only ?? "chromium"));
    const en = buildReport(xs, { kind: "har", file: "x.har" }, { lang: "en" });
    const ko = buildReport(xs, { kind: "har", file: "x.har" }, { lang: "ko" });
    expect(ko.lang).toBe("ko");
    const shape = (r: typeof en) =>
      r.exchanges.map((x) => [x.verdict, x.causes.map((c) => c.code), x.findings.map((f) => f.code)]);
    expect(shape(ko)).toEqual(shape(en));
  });
});
