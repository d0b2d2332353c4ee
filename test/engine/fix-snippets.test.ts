import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { diagnose, type Fix } from "../../src/engine";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

// Snippets must be valid in their language: JSON parses, JavaScript compiles, Python parses.
const fixes: Fix[] = SCENARIOS.flatMap((s) =>
  diagnose(recorded(s, "chromium")).causes.flatMap((c) => c.fixes),
);
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

  it("Express, Fastify, Koa and Hono snippets compile as JavaScript (an async start-up for Fastify's await)", () => {
    const AsyncFunction = (async () => undefined).constructor as new (...args: string[]) => unknown;
    const js = fixes.filter((f) => ["express", "fastify", "koa", "hono"].includes(f.stack));
    expect(new Set(js.map((f) => f.stack)).size).toBe(4);
    for (const fix of js) {
      expect(() => new AsyncFunction("require", "app", fix.snippet), fix.snippet).not.toThrow();
    }
  });

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
    expect(express).toContain('"PUT"');
  });
});
