import { describe, expect, it } from "vitest";
import type { Fix } from "../../src/engine";
import { preferredFix } from "../../src/report/preferred-fix";

const fix = (stack: string): Fix => ({ stack, title: stack, snippet: `${stack} snippet` }) as Fix;
const fixes = [fix("nginx"), fix("generic-headers"), fix("express"), fix("fastapi")];

describe("preferredFix: the one rule for the CLI, the CI formats, the Playwright helper and the panel", () => {
  it("the user's choice first, then the detected server's, then the plain headers, then the first", () => {
    expect(preferredFix(fixes, "express", "fastapi")?.stack).toBe("express");
    expect(preferredFix(fixes, null, "fastapi")?.stack).toBe("fastapi");
    expect(preferredFix(fixes, undefined, undefined)?.stack).toBe("generic-headers");
    expect(preferredFix([fix("client")], null, "express")?.stack).toBe("client");
  });

  it("a choice or a detection the cause has no fix for falls through to the next", () => {
    expect(preferredFix(fixes, "rails", "fastapi")?.stack).toBe("fastapi");
    expect(preferredFix(fixes, "rails", "spring")?.stack).toBe("generic-headers");
    expect(preferredFix([], "express", null)).toBeUndefined();
  });
});
