/**
 * One room per thing, whole: every cause and finding code has a file of its own name, found in one
 * step, with its English words at its top and its Korean beside it (`<code>.ko.ts`); a cause's room
 * names the checks that emit it (`emittedBy`), and this test reads those checks to see that they do.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, FINDING_CODES } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { FINDINGS } from "../../src/engine/findings";
import { SERVER_STACKS } from "../../src/engine/fixes";
import { ROOT } from "../e2e/helpers/paths";

const ENGINE = join(ROOT, "src/engine");
const CAUSES_DIR = join(ENGINE, "causes");
const FINDINGS_DIR = join(ENGINE, "findings");
const FIXES_DIR = join(ENGINE, "fixes");
/** The fixes folder's shared parts: the registry, the policy, the change sentences, what the suite verified. */
const FIXES_SHARED = new Set(["index.ts", "policy.ts", "change.ts", "verified.ts"]);
const MESSAGES_DIR = join(ROOT, "src/i18n/messages");
/** The folders' shared parts, which are not codes. */
const SHARED = new Set(["index.ts", "spec.ts", "words.ts", "context.ts"]);
/** A room is its code's file and, beside it, that code's Korean words. */
const roomOf = (file: string) => file.replace(/(\.ko)?\.ts$/, "");
const camel = (code: string) => code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);

/**
 * Where each code is emitted: a string literal naming it that is a call's argument (`fail("…")`,
 * `requestStageFailure(a ? "…" : "…")`) or a `code:` property's value. Comparisons, type unions and
 * lists (`new Set([...])`) name a code without emitting it.
 */
function emitters(files: readonly string[], codes: readonly string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>(codes.map((c) => [c, new Set()]));
  for (const file of files) {
    const source = parse(file);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) && found.has(node.text)) {
        let at: ts.Node = node;
        while (ts.isConditionalExpression(at.parent) || ts.isParenthesizedExpression(at.parent))
          at = at.parent;
        const parent = at.parent;
        const emits =
          (ts.isCallExpression(parent) && parent.arguments.some((a) => a === at)) ||
          (ts.isPropertyAssignment(parent) &&
            parent.initializer === at &&
            parent.name.getText(source) === "code");
        if (emits) found.get(node.text)?.add(relative(ENGINE, file));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const CHECKS = sources(ENGINE).filter((f) => !f.startsWith(CAUSES_DIR) && !f.endsWith("types.ts"));
const EMITTED = emitters(CHECKS, CAUSE_CODES);

describe("rooms", () => {
  it.each([...CAUSE_CODES])(
    "cause %s lives in src/engine/causes/, named after it, with its spec, its English and its Korean",
    (code) => {
      const file = join(CAUSES_DIR, `${code}.ts`);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(`CauseSpec<"${code}">`);
      expect(text).toMatch(/^export const EN = \{$/m);
      expect(CAUSES[code].code).toBe(code);
      const korean = join(CAUSES_DIR, `${code}.ko.ts`);
      expect(readFileSync(korean, "utf8")).toContain("export const KO: Translation<typeof EN>");
    },
  );

  it.each([...CAUSE_CODES])("cause %s names the checks that emit it, and only those", (code) => {
    const named = [...CAUSES[code].emittedBy].sort();
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual([...(EMITTED.get(code) ?? [])].sort());
    // …in its comment too, so the room reads as its rule's reference.
    const text = readFileSync(join(CAUSES_DIR, `${code}.ts`), "utf8");
    for (const emitter of named) expect(text, emitter).toContain(`\`../${emitter}\``);
  });

  it("would catch a check that emits a cause its room does not name", () => {
    const found = emitters([join(ENGINE, "diagnose.ts")], CAUSE_CODES);
    // diagnose.ts emits disallowed-by-mode; ORDER_OR_NAME_DIFFERS only lists header-not-allowed.
    expect(found.get("disallowed-by-mode")).toEqual(new Set(["diagnose.ts"]));
    expect(found.get("header-not-allowed")).toEqual(new Set());
  });

  it.each([...FINDING_CODES])(
    "finding %s lives in src/engine/findings/, named after it, with its spec (severity), its English and its Korean, and is made there",
    (code) => {
      const file = join(FINDINGS_DIR, `${code}.ts`);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(`FindingSpec<"${code}">`);
      expect(text).toMatch(/^export const EN = \{$/m);
      expect(FINDINGS[code].code).toBe(code);
      expect(["error", "warning", "info"]).toContain(FINDINGS[code].severity);
      expect(readFileSync(join(FINDINGS_DIR, `${code}.ko.ts`), "utf8")).toContain(
        "export const KO: Translation<typeof EN>",
      );
      // The finding is made by its own room: `finding(<its spec>, …)` there, nowhere else.
      const made = new RegExp(`\\bfinding\\(\\s*${camel(code)}Spec\\b`);
      const makers = sources(ENGINE).filter((f) => made.test(readFileSync(f, "utf8")));
      expect(makers.map((f) => relative(ENGINE, f))).toEqual([`findings/${code}.ts`]);
    },
  );

  it("the folders hold nothing but the codes' rooms and their shared parts", () => {
    const strays = (dir: string, codes: readonly string[]) =>
      readdirSync(dir).filter((f) => !SHARED.has(f) && !codes.includes(roomOf(f)));
    expect(strays(CAUSES_DIR, CAUSE_CODES)).toEqual([]);
    expect(strays(FINDINGS_DIR, FINDING_CODES)).toEqual([]);
  });

  it.each([...SERVER_STACKS])(
    "stack %s's fix lives in src/engine/fixes/, named after it, with its English and its Korean",
    (stack) => {
      const text = readFileSync(join(FIXES_DIR, `${stack}.ts`), "utf8");
      expect(text).toMatch(/^export const EN = \{$/m);
      expect(text).toContain(`import { KO } from "./${stack}.ko";`);
      expect(readFileSync(join(FIXES_DIR, `${stack}.ko.ts`), "utf8")).toContain(
        "export const KO: Translation<typeof EN>",
      );
      // Its words are its room's: none left in the catalogue under its name.
      const key = `"fix.${stack}.`;
      const left = readdirSync(MESSAGES_DIR).filter((f) =>
        readFileSync(join(MESSAGES_DIR, f), "utf8").includes(key),
      );
      expect(left, key).toEqual([]);
    },
  );

  it("the fixes folder holds nothing but the stacks' rooms and their shared parts", () => {
    const stacks: readonly string[] = SERVER_STACKS;
    expect(readdirSync(FIXES_DIR).filter((f) => !FIXES_SHARED.has(f) && !stacks.includes(roomOf(f)))).toEqual(
      [],
    );
  });
});
