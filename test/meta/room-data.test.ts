/**
 * The rooms' data read as data, where test/meta/rooms.test.ts reads source text (and so cannot run
 * under Stryker, whose sandbox holds instrumented text): each cause names checks that exist and
 * mention it, a failing row the evidence table has, links that open, and the words that name a
 * library's credentials option name the option its own fix writes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSES } from "../../src/engine/causes";
import { LOCAL_NETWORK, WEB_DEV_CORS } from "../../src/engine/causes/spec";
import { CREDENTIALS_OPTION } from "../../src/engine/causes/words";
import { SERVER_STACKS } from "../../src/engine/fixes";
import { ROOT } from "../e2e/helpers/paths";
import { stackFix } from "../engine/stack-fixes";

const ENGINE = join(ROOT, "src/engine");

describe("each cause's room, as data", () => {
  it.each(Object.values(CAUSES).map((spec) => [spec.code, spec] as const))("%s", (code, spec) => {
    // The checks that emit it: files of the engine that mention the code as a string.
    expect(spec.emittedBy.length).toBeGreaterThan(0);
    for (const file of spec.emittedBy) {
      expect(file).toMatch(/^[a-z-]+(\/[a-z-]+)*\.ts$/);
      const path = join(ENGINE, file);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, "utf8")).toContain(`"${code}"`);
    }
    expect(["header", "preflight-status", null]).toContain(spec.failingRow);
    if (spec.chromiumDocs) {
      expect(spec.chromiumDocs.url).toMatch(/^https:\/\/\S+$/);
      expect(spec.chromiumDocs.title.trim()).not.toBe("");
    }
  });

  it("the shared links open a page and say which", () => {
    for (const link of [WEB_DEV_CORS, LOCAL_NETWORK]) {
      expect(link.url).toMatch(/^https:\/\/[a-z.-]+\/\S+$/);
      expect(link.title.length).toBeGreaterThan(5);
    }
  });
});

describe("a library's credentials option, as the cause words name it", () => {
  // "credentials" is the situation whose fix turns credentials on: the option named in the words
  // must be the one the stack's own snippet writes, letter for letter (spacing aside).
  const squeeze = (s: string) => s.replace(/\s+/g, " ");
  it.each(Object.entries(CREDENTIALS_OPTION))("%s: %s", (stack, option) => {
    expect(option).toMatch(/\S/);
    expect(squeeze(stackFix("credentials", stack).snippet)).toContain(squeeze(option as string));
  });
});

describe("each stack's change names its set-up", () => {
  // "methods": a set-up that answered and a method to add, which every stack with options changes.
  it.each(SERVER_STACKS.map((s) => [s]))("%s", (stack) => {
    const change = stackFix("methods", stack).change;
    if (change === null || change === undefined) return;
    const setup = /^In (.+?), (add|set|replace)/.exec(change)?.[1] ?? "";
    expect(setup.replace(/[`\s]/g, ""), change).not.toBe("");
  });
});
