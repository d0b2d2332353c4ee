import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSE_CODES, type CauseCode } from "../../src/engine";
import { chromiumName, currentChromiumName, firefoxName } from "../../src/engine/browser-names";
import { ROOT } from "../e2e/helpers/paths";

// The (code, stage, browser) → name mapping, checked against the cause table of the project's CORS
// reference: vendored in the repository, so that this test runs (and can fail) in every checkout.
const VENDORED = join(ROOT, "test/fixtures/reference/cause-names.md");
const REFERENCE = join(ROOT, "../shared/cors-reference.md");

/** The table's rows, cells trimmed: a formatter's padding is not a difference. */
function tableLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^\|\s*`[a-z-]+`\s*\|/.test(line))
    .map((line) =>
      line
        .split("|")
        .map((c) => c.trim())
        .join("|"),
    );
}

function partARows(): Map<string, { stage: string; chromium: string; firefox: string }> {
  const rows = new Map<string, { stage: string; chromium: string; firefox: string }>();
  for (const line of tableLines(readFileSync(VENDORED, "utf8"))) {
    const cells = line.split("|").map((c) => c.trim());
    const code = /^`([a-z-]+)`$/.exec(cells[1] ?? "")?.[1];
    if (code && cells.length >= 6)
      rows.set(code, { stage: cells[2] ?? "", chromium: cells[3] ?? "", firefox: cells[4] ?? "" });
  }
  return rows;
}

const names = (cell: string) => [...cell.matchAll(/`([A-Za-z0-9]+)`/g)].map((m) => m[1]);

describe.skipIf(!existsSync(REFERENCE))("test/fixtures/reference/cause-names.md", () => {
  it("is still the cause table it was copied from, line for line", () => {
    const text = readFileSync(REFERENCE, "utf8");
    const partA = text.slice(text.indexOf("## Part A"), text.indexOf("A **finding**"));
    expect(tableLines(readFileSync(VENDORED, "utf8"))).toEqual(tableLines(partA));
  });
});

describe("cause names match test/fixtures/reference/cause-names.md", () => {
  const rows = partARows();

  it("lists exactly the engine's cause codes", () => {
    expect([...rows.keys()].sort()).toEqual([...CAUSE_CODES].sort());
  });

  it.each([...CAUSE_CODES])("%s", (code: CauseCode) => {
    const row = rows.get(code);
    expect(row).toBeDefined();
    if (!row) return;
    const stage =
      row.stage === "any" || row.stage === "redirect"
        ? row.stage === "any"
          ? "response"
          : "redirect"
        : (row.stage as "request" | "preflight");
    const chromium = names(row.chromium);
    if (chromium.length === 0) expect(chromiumName(code, stage)).toBeNull();
    else expect(chromiumName(code, stage)).toBe(chromium[0]);
    if (row.chromium.includes(" / `Preflight"))
      expect(chromiumName(code, "preflight")).toBe(`Preflight${chromium[0]}`);
    const firefox = names(row.firefox);
    const named = firefoxName(code, { allowOriginLines: 1 });
    if (firefox.length === 0) expect(named).toBeNull();
    else expect(firefox).toContain(named);
  });

  it("names duplicate ACAO lines and redirected preflights as Firefox does", () => {
    expect(firefoxName("multiple-allow-origin", { allowOriginLines: 2 })).toBe(
      "CORSMultipleAllowOriginNotAllowed",
    );
    expect(
      firefoxName("preflight-redirected", {
        allowOriginLines: 0,
        redirectAccessFailure: "missing-allow-origin",
      }),
    ).toBe("CORSMissingAllowOrigin2");
  });
});

describe("older Chromium names", () => {
  it("maps the Private Network Access names to the Local Network Access ones", () => {
    expect(currentChromiumName("InsecurePrivateNetwork")).toBe("InsecureLocalNetwork");
    expect(currentChromiumName("InvalidPrivateNetworkAccess")).toBe("InvalidLocalNetworkAccess");
    expect(currentChromiumName("WildcardOriginNotAllowed")).toBe("WildcardOriginNotAllowed");
  });
});
