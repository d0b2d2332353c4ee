import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose, type Fix } from "../../src/engine";
import { recorded, SCENARIOS } from "../fixtures/scenarios";
import { stackFix } from "./stack-fixes";

// Snippets must be valid in their language: JSON parses, JavaScript compiles, Python parses. With
// the page-wide situations no single scenario has (a server that answered back any header).
const fixes: Fix[] = [
  ...SCENARIOS.flatMap((s) => diagnose(recorded(s, "chromium")).causes.flatMap((c) => c.fixes)),
  ...(["several", "wide"] as const).flatMap((s) =>
    ["django", "django-cors-headers", "fastapi", "flask-cors", "s3"].map((stack) => stackFix(s, stack)),
  ),
];
const python = spawnSync("python3", ["--version"]).status === 0;

describe("fix snippets", () => {
  it("exist for every stack on header-fixable causes", () => {
    expect(new Set(fixes.map((f) => f.stack)).size).toBeGreaterThanOrEqual(14);
  });

  it("S3 policies are JSON with the fields AWS takes", () => {
    for (const fix of fixes.filter((f) => f.stack === "s3")) {
      const rules = JSON.parse(fix.snippet) as Array<Record<string, unknown>>;
      expect(Object.keys(rules[0] ?? {})).toEqual(
        expect.arrayContaining(["AllowedOrigins", "AllowedMethods", "AllowedHeaders"]),
      );
    }
  });

  it("Express, Fastify, Koa and Hono snippets are paste-safe in CommonJS and ES modules, pasted twice", () => {
    const js = fixes.filter((f) => ["express", "fastify", "koa", "hono"].includes(f.stack));
    expect(new Set(js.map((f) => f.stack)).size).toBe(4);
    const distinct = [...new Map(js.map((f) => [f.snippet, f])).values()];
    for (const fix of distinct) {
      // The import is shown apart, in both module systems; the snippet declares nothing.
      expect(fix.snippet, fix.snippet).not.toMatch(/\brequire\(|^import\b|^\s*(const|let|var|class)\s/m);
      expect(fix.imports?.map((m) => m.form)).toEqual(["esm", "cjs"]);
    }
    const dir = mkdtempSync(join(tmpdir(), "cors-lens-snippets-"));
    try {
      for (const stack of ["express", "fastify", "koa", "hono"])
        for (const form of ["esm", "cjs"] as const) {
          // One module per stack as its author has it (the import at the top, an app), every snippet
          // pasted twice at its top level: `node --check` is the real parser (top-level await,
          // redeclarations).
          const mine = distinct.filter((f) => f.stack === stack);
          const imports = new Set(
            mine
              .flatMap((f) => f.imports ?? [])
              .filter((m) => m.form === form)
              .map((m) => m.code),
          );
          const body = mine.map((f) => `${f.snippet}\n${f.snippet}`).join("\n");
          const file = join(dir, `${stack}.${form === "esm" ? "mjs" : "cjs"}`);
          writeFileSync(file, `${[...imports].join("\n")}\nconst app = {};\n${body}\n`);
          const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
          expect(check.stderr, `${stack} ${form}`).toBe("");
        }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!python)("Python snippets parse", () => {
    const snippets = fixes
      .filter((f) => ["django", "django-cors-headers", "fastapi", "flask-cors"].includes(f.stack))
      .map((f) => f.snippet);
    const script =
      "import ast, json, sys\nfor s in json.load(sys.stdin):\n    ast.parse(s)\nprint(len(json.load(open('/dev/null'))) if False else 'ok')";
    const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(snippets), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("ok");
  });

  it("name the request's real origin, method and headers", () => {
    const seed = SCENARIOS.find((s) => s.cause === "header-not-allowed" && s.name.includes("seed"));
    const cause = seed && diagnose(recorded(seed, "chromium")).causes[0];
    const express = cause?.fixes.find((f) => f.stack === "express")?.snippet ?? "";
    expect(express).toContain('"http://localhost:5173"');
    expect(express).toContain('"x-api-key"');
  });
});
