import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, diagnose, FINDING_CODES, originReflection } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { words as sharedCauseWords } from "../../src/engine/causes/words";
import { FINDINGS } from "../../src/engine/findings";
import { SERVER_STACKS, stackWords } from "../../src/engine/fixes";
import type { Lang } from "../../src/i18n";
import { argumentsOf } from "../../src/i18n/format";
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

/**
 * The words in the rooms (src/engine/causes|findings/<code>.ts, src/engine/fixes/<stack>.ts, and
 * each one's .ko.ts) meet the catalogue's
 * contract (test/i18n/catalogue.test.ts): the same keys in every language (also a compile error),
 * the same placeholder names, every pattern well-formed, Korean written in Korean, and each code's
 * rule words present.
 */
type Tables = { readonly [L in Lang]: object };
const ROOMS: ReadonlyArray<readonly [string, Tables]> = [
  ...CAUSE_CODES.map((code) => [`causes/${code}`, CAUSES[code].words.tables] as const),
  ...FINDING_CODES.map((code) => [`findings/${code}`, FINDINGS[code].words.tables] as const),
  ["causes/words", sharedCauseWords.tables],
  ...SERVER_STACKS.map((stack) => [`fixes/${stack}`, stackWords(stack).tables] as const),
];
const HANGUL = /[\uac00-\ud7a3]/;
/** Words whose Korean is rightly the same as the English (a header line, separators). */
const SAME_IN_KOREAN = new Set([
  "findings/origin-null title",
  "findings/preflight-avoidable separator",
  "findings/origin-reflected-with-credentials and",
]);
/** The names of the placeholders: Korean counts need no plural form, so a kind may differ. */
const names = (pattern: string) => [...new Set(argumentsOf(pattern).map((a) => a.split(":")[0]))].sort();
const entries = (table: object) => new Map(Object.entries(table).map(([k, v]) => [k, String(v)]));

describe("every room's words", () => {
  it("finds every room", () =>
    expect(ROOMS.length).toBe(CAUSE_CODES.length + FINDING_CODES.length + 1 + SERVER_STACKS.length));

  it.each(ROOMS.map(([room, tables]) => [room, tables] as const))(
    "%s: the same keys and placeholders in English and Korean, well-formed, in Korean",
    (room, tables) => {
      const en = entries(tables.en);
      const ko = entries(tables.ko);
      expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
      // A code's room carries its rule's words; a stack's room says where its snippet goes.
      if (room.startsWith("fixes/")) expect([...en.keys()]).toContain("where");
      else if (room !== "causes/words")
        expect([...en.keys()]).toEqual(expect.arrayContaining(["ruleTitle", "ruleDescription"]));
      for (const [key, english] of en) {
        const korean = ko.get(key) ?? "";
        expect(names(korean), `${room} ${key}: the Korean placeholders`).toEqual(names(english));
        if (!SAME_IN_KOREAN.has(`${room} ${key}`))
          expect(korean, `${room} ${key}: in Korean`).toMatch(HANGUL);
      }
    },
  );
});
