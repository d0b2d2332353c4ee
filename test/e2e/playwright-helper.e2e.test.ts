/**
 * `cors-lens/playwright` in a Playwright test as users write one: real playwright-core driving
 * Debian's Chromium (no extension) through the lab. The helper's verdicts must agree with Chromium's
 * own (CDP's CORS error), and its assertion must fail with the cause and the fix.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { CorsLens } from "../../src/playwright";
import { CdpOracle } from "./helpers/cdp-oracle";
import { CHROMIUM_FLAGS } from "./helpers/chromium";
import { CHROMIUM_BIN, ROOT, requireChromium, resultsPath } from "./helpers/paths";
import { analyzeWithCli } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean };
}

describe("cors-lens/playwright", () => {
  let lab: Lab;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let lens: CorsLens;
  let oracle: CdpOracle;
  let runs: Run[];

  beforeAll(async () => {
    requireChromium();
    lab = await startLab();
    browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    // What users import: the built package entry (package.json "exports": "./playwright").
    const { attachCorsLens } = (await import(
      join(ROOT, "dist/cli/playwright.mjs")
    )) as typeof import("../../src/playwright");
    lens = await attachCorsLens(page);
    oracle = await CdpOracle.attach(await page.context().newCDPSession(page));
    await page.goto(`${lab.page}/`);
    runs = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    await page.waitForTimeout(300);
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it("agrees with Chromium's own verdict and CorsError on every lab request it can see", () => {
    const report = lens.report();
    const rows = runs.flatMap((run) => {
      const seen = oracle.verdictFor(run.url);
      if (!seen) return []; // a dedicated worker's request: not on the page's session
      // A no-cors fetch resolves with an opaque response; DevTools then reports the discarded body
      // as net::ERR_ABORTED: the page got its response (as in chromium-oracle.e2e.test.ts).
      const v =
        run.outcome.ok && seen.corsError === null && seen.errorText === "net::ERR_ABORTED"
          ? { ...seen, verdict: "allowed" as const }
          : seen;
      const x = report.exchanges.findLast((e) => e.url === run.url);
      const mine = x?.verdict === "not-cors" ? "allowed" : x?.verdict;
      const agrees =
        mine === v.verdict && (v.verdict === "allowed" || x?.causes[0]?.chromium === v.corsError);
      return [
        { id: run.id, agrees, chromium: v.corsError ?? v.verdict, lens: x?.causes[0]?.chromium ?? mine },
      ];
    });
    console.log(
      `playwright helper: ${rows.filter((r) => r.agrees).length}/${rows.length} agree with Chromium`,
    );
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => !r.agrees)).toEqual([]);
    expect(lens.limitations).toEqual([]);
  });

  it("writes a HAR that the CLI reads back to the same verdicts (what Playwright's recordHar cannot)", () => {
    const path = resultsPath("playwright-helper.har");
    writeFileSync(path, lens.har());
    const { report } = analyzeWithCli(path);
    const live = lens.report();
    const differ = live.exchanges.filter((x) => {
      const back = report.exchanges.find((y) => y.url === x.url && y.method === x.method);
      return back?.verdict !== x.verdict || back?.causes[0]?.code !== x.causes[0]?.code;
    });
    expect(report.exchanges.length).toBe(live.exchanges.length);
    expect(differ.map((x) => x.url)).toEqual([]);
    expect(report.exchanges.filter((x) => x.verdict === "blocked").length).toBeGreaterThan(30);
  });

  it("fails the test with the cause, both browsers' names and the fix", () => {
    let message = "";
    try {
      lens.assertNoCorsErrors();
    } catch (error) {
      message = (error as Error).message;
    }
    console.log(message.split("\n\n").slice(0, 3).join("\n\n"));
    expect(message).toMatch(/^CORS Lens: \d+ cross-origin requests were blocked by CORS policy/);
    expect(message).toContain("/s/seed-django-missing-header?n=");
    expect(message).toContain(
      "Request header x-api-key not allowed (Chromium HeaderDisallowedByPreflightResponse, Firefox CORSMissingAllowHeaderFromPreflight2)",
    );
    expect(message).toMatch(/Fix \(Django \(hand-written middleware\)\):\n {4}# /);
  });
});
