import { describe, expect, it } from "vitest";
import { type BrowserName, diagnose, type FindingCode } from "../../src/engine";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

const BROWSERS: BrowserName[] = ["chromium", "firefox"];

describe.each(BROWSERS)("diagnose, %s form", (browser) => {
  const scenarios = SCENARIOS.filter((s) => !s.only || s.only === browser);
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const d = diagnose(recorded(scenario, browser), { browser });
    expect(d.verdict, d.unknownReason ?? "").toBe(scenario.verdict);
    const cause = d.causes[0];
    if (scenario.cause) {
      expect(cause?.code).toBe(scenario.cause);
      if (scenario.stage) expect(cause?.stage).toBe(scenario.stage);
      if (scenario.chromium !== undefined) expect(cause?.chromium).toBe(scenario.chromium);
      if (scenario.firefox !== undefined) expect(cause?.firefox).toBe(scenario.firefox);
      expect(cause?.fixes.length).toBeGreaterThan(0);
    } else {
      expect(d.causes).toEqual([]);
    }
    // Exactly the findings the scenario names: an extra one fails as much as a missing one.
    const x = recorded(scenario, browser);
    const expected = new Set<FindingCode>([
      ...(scenario.findings ?? []),
      ...(scenario.findingsIn?.[browser] ?? []),
    ]);
    if (scenario.verdict === "blocked") expected.add("referrer-policy-not-cause");
    if (x.preflight || expected.has("preflight-cached")) expected.add("preflight-avoidable");
    expect(
      d.findings.map((f) => f.code).sort(),
      JSON.stringify(
        d.findings.map((f) => f.message),
        null,
        1,
      ),
    ).toEqual([...expected].sort());
  });
});
