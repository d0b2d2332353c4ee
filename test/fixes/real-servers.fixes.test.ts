/**
 * CORS Lens's fixes on real servers. For every stack × common misconfiguration: the real server
 * runs the broken config; real Chromium (with the built extension) makes the page's requests from
 * another origin and blocks one; CORS Lens names the cause; the fix CORS Lens gives for that
 * stack is applied mechanically where it says it goes; the server restarts, and Chromium now
 * allows that request and every request of the page that it allowed before.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFIED } from "../../src/engine";
import { resultsPath } from "../e2e/helpers/paths";
import { applyPrinted, hasChange } from "./apply-printed";
import { Browser, exchangeFor, fixFor, freePort, type Outcome } from "./harness";
import { BEYOND_REQUESTS, PAGE_REQUESTS } from "./page";
import { CASE_NAMES, type StackUnderTest } from "./stack";
import { STACKS } from "./stacks";

const only = process.env.CORS_LENS_FIX_STACKS?.split(",");
const stacks = only ? STACKS.filter((s) => only.includes(s.stack) || only.includes(s.label)) : STACKS;

type Cell = "pass" | "fail";
const table = new Map<string, Map<string, Cell>>();
const versions = new Map<string, string>();

let browser: Browser;
beforeAll(async () => {
  browser = await Browser.launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  const width = Math.max(...stacks.map((s) => s.label.length));
  const lines = [
    `${"stack".padEnd(width)}  ${CASE_NAMES.map((c) => c.padEnd(9).slice(0, 20)).join(" ")}`,
    ...stacks.map((s) => {
      const row = table.get(s.label);
      const cells = CASE_NAMES.map((c) => {
        const cell = row?.get(c);
        const gap = s.notApplicable?.[c]?.startsWith("not covered yet") ? "·" : "–";
        return (cell === "pass" ? "✓" : cell === "fail" ? "✗" : gap).padEnd(
          Math.max(9, Math.min(c.length, 20)),
        );
      });
      return `${s.label.padEnd(width)}  ${cells.join(" ")}  ${versions.get(s.label) ?? "not installed"}`;
    }),
  ];
  const passed = [...table.values()].flatMap((r) => [...r.values()]).filter((c) => c === "pass").length;
  const failed = [...table.values()].flatMap((r) => [...r.values()]).filter((c) => c === "fail").length;
  const reasons = stacks.flatMap((s) =>
    Object.entries(s.notApplicable ?? {}).map(([c, why]) => `  ${s.label} × ${c}: ${why}`),
  );
  const text = `\nstack × cause (✓ blocked, named, fixed mechanically, siblings kept; – cannot arise there; · not covered yet)\n${lines.join("\n")}\n${reasons.join("\n")}\n${passed} passed, ${failed} failed\n`;
  process.stdout.write(text);
  writeFileSync(resultsPath("fixes-table.txt"), text);
});

function describeStack(s: StackUnderTest): void {
  describe(s.label, () => {
    const dir = mkdtempSync(join(tmpdir(), `cors-lens-fix-${s.stack}-`));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("is installed", () => {
      const version = s.version();
      expect(version, `${s.label} is not installed: ${s.install}`).not.toBeNull();
      versions.set(s.label, version as string);
    });

    for (const c of s.cases) {
      it(`${c.name}: blocked, named, fixed, siblings kept`, async () => {
        const row = table.get(s.label) ?? new Map<string, Cell>();
        table.set(s.label, row);
        row.set(c.name, "fail");
        const requests = [...PAGE_REQUESTS, ...(c.extra ?? [])];
        const target = requests.find((r) => r.name === c.target);
        if (!target) throw new Error(`no request ${c.target}`);
        const broken = c.config(browser.pageOrigin);
        const port = await freePort();
        const api = `http://127.0.0.1:${port}`;

        let server = await s.start(broken, port, dir);
        let before: Awaited<ReturnType<Browser["runPage"]>>;
        try {
          before = await browser.runPage(api, requests);
        } finally {
          await server.stop();
        }
        if (process.env.CORS_LENS_FIX_DEBUG)
          process.stdout.write(
            `${s.label} ${c.name} before: ${JSON.stringify(before.outcomes.map((o) => [o.name, o.allowed, o.status]))}\n`,
          );
        const outcome = (list: Outcome[], name: string) => list.find((o) => o.name === name);
        const log = () => `${server.log()}\nconfig:\n${broken}`;
        expect(
          outcome(before.outcomes, c.target)?.allowed,
          `the broken config did not block ${c.target}\n${log()}`,
        ).toBe(false);
        const exchange = exchangeFor(before.report, before.urls.get(c.target) as string, target.method);
        expect(exchange?.verdict, `CORS Lens's verdict for ${c.target}`).toBe("blocked");
        expect(
          c.expect,
          `CORS Lens named ${exchange?.causes[0]?.code}: ${exchange?.causes[0]?.message}`,
        ).toContain(exchange?.causes[0]?.code);
        if (c.says) expect(exchange?.causes[0]?.message).toContain(c.says);
        if (s.detected && !c.undetectable) {
          expect(exchange?.server?.stack, `detected from ${exchange?.server?.basis}`).toBe(s.detected);
          expect(exchange?.causes[0]?.fixes[0]?.stack, "the detected stack's fix comes first").toBe(
            s.detected,
          );
        }
        const fix = fixFor(exchange, s.stack);
        expect(fix, `no ${s.stack} fix`).toBeDefined();
        const printed = fix as NonNullable<typeof fix>;
        // Exactly as printed: the change where the app has a set-up, else the imports it lacks and
        // the snippet (pasted `times` times); the stacks without a shape follow their `where`.
        let fixed = broken;
        for (let i = 0; i < (c.times ?? 1); i++)
          fixed =
            s.shape && (!s.apply || (i === 0 && hasChange(fixed, printed, s.shape)))
              ? applyPrinted(fixed, printed, s.shape, s.form ?? null, i > 0)
              : (s.apply?.(fixed, printed, c.name) ?? fixed);

        // What the broken set-up allowed beyond the page's own requests (not in the recording).
        server = await s.start(broken, port, dir);
        let beyond: Awaited<ReturnType<Browser["runPage"]>>;
        try {
          beyond = await browser.runPage(api, BEYOND_REQUESTS);
        } finally {
          await server.stop();
        }
        if (s.broad && !c.bare)
          expect(
            beyond.outcomes.filter((o) => o.allowed).length,
            `the starting set-up allows at least 5 requests beyond the page's: ${JSON.stringify(beyond.outcomes)}`,
          ).toBeGreaterThanOrEqual(5);

        server = await s.start(fixed, port, dir);
        let after: Awaited<ReturnType<Browser["runPage"]>>;
        try {
          after = await browser.runPage(api, [...requests, ...BEYOND_REQUESTS]);
        } finally {
          await server.stop();
        }
        const detail = `change: ${printed.change}\nfix:\n${printed.snippet}\n\nfixed config:\n${fixed}\n\nserver log:\n${server.log()}`;
        expect(outcome(after.outcomes, c.target), `after the fix\n${detail}`).toMatchObject({
          allowed: true,
        });
        const keptBefore = [...before.outcomes, ...beyond.outcomes]
          .filter((o) => o.allowed)
          .map((o) => o.name);
        const lost = keptBefore.filter((name) => !outcome(after.outcomes, name)?.allowed);
        expect(lost, `allowed before the fix, blocked after\n${detail}`).toEqual([]);
        row.set(c.name, "pass");
      });
    }
  });
}

for (const s of stacks) describeStack(s);

describe("the verified table", () => {
  it.skipIf(only !== undefined)(
    "claims only stacks whose every case passed here, at the versions run",
    () => {
      for (const [stack, claim] of Object.entries(VERIFIED)) {
        const suites = STACKS.filter((x) => x.stack === stack);
        expect(suites.length, `VERIFIED lists ${stack}, which this suite does not run`).toBeGreaterThan(0);
        for (const s of suites) {
          const row = table.get(s.label);
          const failing = s.cases.filter((c) => row?.get(c.name) !== "pass").map((c) => c.name);
          expect(failing, `${s.label}: not every case passed`).toEqual([]);
          // Upstream versions must match; a Debian revision (a security update) may differ.
          const upstream = (v: string) => v.replace(/-[0-9][^,\s)]*/g, "");
          expect(upstream(claim.versions), `${s.label} ran another version`).toContain(
            upstream(versions.get(s.label) ?? "(not installed)"),
          );
        }
      }
    },
  );
});
