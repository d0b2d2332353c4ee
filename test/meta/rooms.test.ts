/** One room per thing: every cause and finding code has a file of its own name, found in one step. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, FINDING_CODES } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { ROOT } from "../e2e/helpers/paths";

const CAUSES_DIR = join(ROOT, "src/engine/causes");
const FINDINGS_DIR = join(ROOT, "src/engine/findings");
/** The folders' shared parts, which are not codes. */
const SHARED = new Set(["index.ts", "spec.ts", "words.ts", "words.ko.ts", "fix-focus.ts", "context.ts"]);
/** A room is its code's file and, beside it, that code's Korean words. */
const roomOf = (file: string) => file.replace(/(\.ko)?\.ts$/, "");

describe("rooms", () => {
  it.each([...CAUSE_CODES])(
    "cause %s lives in src/engine/causes/, named after it, and exports its spec",
    (code) => {
      const file = join(CAUSES_DIR, `${code}.ts`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, "utf8")).toContain(`CauseSpec<"${code}">`);
      expect(CAUSES[code].code).toBe(code);
    },
  );

  it.each([...FINDING_CODES])("finding %s lives in src/engine/findings/, named after it", (code) => {
    const file = join(FINDINGS_DIR, `${code}.ts`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toContain(`"${code}"`);
  });

  it("the folders hold nothing but the codes' rooms and their shared parts", () => {
    const strays = (dir: string, codes: readonly string[]) =>
      readdirSync(dir).filter((f) => !SHARED.has(f) && !codes.includes(roomOf(f)));
    expect(strays(CAUSES_DIR, CAUSE_CODES)).toEqual([]);
    expect(strays(FINDINGS_DIR, FINDING_CODES)).toEqual([]);
  });
});
