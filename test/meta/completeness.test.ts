import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, diagnose, FINDING_CODES, originReflection } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { ROOT } from "../e2e/helpers/paths";
import { h } from "../engine/build";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

// Every cause and finding code (the reference's cause table: test/fixtures/reference) has an explanation, a golden scenario that produces it, and
// a row in the README's "What it detects" table.
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const documentedRow = (code: string) => new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, "m");

describe("every cause code", () => {
  it.each([...CAUSE_CODES])(
    "%s is explained, produced by a scenario in both browsers' form, and documented",
    (code) => {
      expect(CAUSES[code].code).toBe(code);
      const scenarios = SCENARIOS.filter((s) => s.cause === code);
      expect(scenarios.length).toBeGreaterThan(0);
      for (const browser of ["chromium", "firefox"] as const) {
        const applicable = scenarios.filter((s) => !s.only || s.only === browser);
        if (applicable.length === 0) continue;
        const produced = applicable.some(
          (s) => diagnose(recorded(s, browser), { browser }).causes[0]?.code === code,
        );
        expect(produced, `${code} in ${browser}`).toBe(true);
      }
      expect(readme).toMatch(documentedRow(code));
    },
  );
});

describe("every finding code", () => {
  it.each([...FINDING_CODES])("%s is produced with an explanation and documented", (code) => {
    let messages: string[] = [];
    if (code === "origin-reflected-with-credentials") {
      const echo = (origin: string) => ({
        id: origin,
        url: "http://api.test/me",
        origin,
        responseHeaders: h("Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", "true"),
      });
      messages = [...originReflection([echo("http://a.test"), echo("http://evil.test")]).values()].map(
        (f) => f.message,
      );
    } else {
      messages = SCENARIOS.flatMap((s) => diagnose(recorded(s, "chromium"), { browser: "chromium" }).findings)
        .filter((f) => f.code === code)
        .map((f) => f.message);
    }
    expect(messages.length, `no scenario produces ${code}`).toBeGreaterThan(0);
    expect(messages.every((m) => m.length > 40)).toBe(true);
    expect(readme).toMatch(documentedRow(code));
  });
});
