/**
 * `check --config` and `fix --config` on broken files: every held-out configuration (sets 2–16, the
 * shapes real projects write), cut short, a line dropped or doubled, a bracket or quote put in, a
 * NUL or a replacement character, a 64 kB line. What a reader cannot read must come out as its
 * error (ConfigSyntaxError, ConfigError: a clear message, exit 2) or a finding, never another
 * exception (the CLI would print a stack trace) and never a hang.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type ConfigFile, checkConfig, fixConfig, prepareConfig } from "../../src/config";
import { ConfigError, ConfigSyntaxError } from "../../src/config/types";
import type { ObservedExchange } from "../../src/engine";
import { propertyBudget } from "../property";
import { grammarBytes, recordedFrom } from "./recorded";

const FIXES = join(__dirname, "../fixes");

/** The file name each suite gives a case's text (the readers detect most formats from the text). */
function nameFor(stack: string, field: string, c: Record<string, unknown>, text: string): string | null {
  if (field === "site") return stack === "caddy" ? "Caddyfile" : "site.conf";
  if (field === "settings") return "settings.py";
  if (field === "app")
    return ["fastapi", "flask", "aiohttp", "django"].includes(stack)
      ? "app.py"
      : typeof c.file === "string"
        ? c.file
        : "server.js";
  if (field === "text")
    return stack === "rack" ? "config.ru" : text.trimStart().startsWith("<") ? "cors.xml" : "cors.json";
  return null;
}

async function corpus(): Promise<ConfigFile[]> {
  const out: ConfigFile[] = [];
  for (const f of readdirSync(FIXES).sort()) {
    const m = /^config-heldout\d*-([a-z]+)\.ts$/.exec(f);
    if (!m || m[1] === "check") continue;
    const stack = m[1] as string;
    const mod = (await import(join(FIXES, f))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (!Array.isArray(value)) continue;
      for (const c of value as Array<Record<string, unknown>>) {
        if (!c || typeof c !== "object") continue;
        for (const field of ["site", "settings", "app", "text"]) {
          const text = c[field];
          if (typeof text !== "string") continue;
          const path = nameFor(stack, field, c, text);
          if (path) out.push({ path, text });
        }
      }
    }
  }
  return out;
}

const JUNK = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  '"',
  "'",
  "`",
  ";",
  "\n",
  "\0",
  "\uFFFD",
  "\\",
  "#",
  "<",
  ">",
  "*",
];

type Mutation =
  | { kind: "cut"; at: number }
  | { kind: "drop-line"; at: number }
  | { kind: "double-line"; at: number }
  | { kind: "insert"; at: number; junk: string }
  | { kind: "long-line"; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("drop-line" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("double-line" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    junk: fc.constantFrom(...JUNK),
  }),
  fc.record({ kind: fc.constant("long-line" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function mutate(text: string, m: Mutation): string {
  const offset = Math.min(text.length, Math.floor(m.at * text.length));
  const lines = text.split("\n");
  const line = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
  switch (m.kind) {
    case "cut":
      return text.slice(0, offset);
    case "drop-line":
      return lines.filter((_, i) => i !== line).join("\n");
    case "double-line":
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join("\n");
    case "insert":
      return text.slice(0, offset) + m.junk + text.slice(offset);
    case "long-line":
      return `${text.slice(0, offset)}${"a".repeat(65_536)}\n${text.slice(offset)}`;
  }
}

/** What a reader may throw: its own errors, in the user's words. */
const expected = (e: unknown) => e instanceof ConfigSyntaxError || e instanceof ConfigError;

// 600 inputs here (3 s); CORS_LENS_FUZZ_RUNS / CORS_LENS_FUZZ_SEED for a longer hunt (15,000 from seed 7:
// 44 s, nothing thrown, 2026-12-06).
const BUDGET = propertyBudget(
  Number(process.env.CORS_LENS_FUZZ_RUNS ?? 600),
  300,
  Number(process.env.CORS_LENS_FUZZ_SEED ?? 20261206),
);
let files: ConfigFile[] = [];
const evidence = new Map<string, ObservedExchange[]>();

beforeAll(async () => {
  await prepareConfig([{ path: "app.py", text: "from aiohttp import web\n" }], grammarBytes);
  files = await corpus();
  for (const f of files) {
    try {
      evidence.set(
        f.text,
        recordedFrom(
          [f],
          [{ url: "http://127.0.0.1:8080/api/items", method: "PUT", headers: [["X-Api-Key", "k"]] }],
        ),
      );
    } catch {
      evidence.set(f.text, []);
    }
  }
}, 120_000);

describe("check and fix on broken configuration files", () => {
  it("read 300+ real configurations", () => {
    expect(files.length).toBeGreaterThan(300);
  });
  it(
    "say what they cannot read, never throw anything else",
    () => {
      const crashes: string[] = [];
      fc.assert(
        fc.property(fc.nat(), mutationArb, (pick, m) => {
          const original = files[pick % files.length] as ConfigFile;
          const file = { path: original.path, text: mutate(original.text, m) };
          for (const run of [
            () => checkConfig([file]),
            () => fixConfig([file], evidence.get(original.text) ?? []),
          ])
            try {
              run();
            } catch (e) {
              if (!expected(e))
                crashes.push(
                  `${original.path} ${JSON.stringify(m)}: ${e instanceof Error ? e.stack?.split("\n").slice(0, 4).join(" | ") : String(e)}`,
                );
            }
        }),
        BUDGET.params,
      );
      expect(crashes).toEqual([]);
    },
    BUDGET.timeout,
  );
});
