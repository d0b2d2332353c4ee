/**
 * A HAR recorded by Playwright itself (`recordHar`, as CI jobs record them), of the lab in Debian's
 * Chromium, analyzed by the CLI against what Chromium decided in the same run (CDP). Playwright keeps
 * no response headers (and no preflight) for a request the browser blocked: those must come out
 * "unknown" and said so, never "allowed" and never a wrong cause.
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { analyzeHar } from "../../src/report/analyze-har";
import { causeNotRecorded, tally } from "../../src/report/ci-formats";
import { runCli } from "../cli/run-cli";
import { CdpOracle } from "./helpers/cdp-oracle";
import { CHROMIUM_FLAGS } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { CHROMIUM_BIN, requireChromium, resultsPath } from "./helpers/paths";
import { analyzeWithCli, chromiumAndCli, type LabRun, OFF_PAGE } from "./helpers/report";

describe("cors-lens analyze on a HAR recorded by Playwright", () => {
  it("agrees with Chromium's own verdicts", async () => {
    requireChromium();
    const lab = await startLab();
    const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
    const path = resultsPath("playwright-chromium.har");
    try {
      const context = await browser.newContext({ recordHar: { path } });
      // Requests Playwright has not yet seen end: its HAR recorder writes an entry when one ends.
      // (A shared worker's script ends on the worker's target, never here: only the lab requests count.)
      const open = new Set<{ url(): string }>();
      context.on("request", (request) => open.add(request));
      context.on("requestfinished", (request) => open.delete(request));
      context.on("requestfailed", (request) => open.delete(request));
      const page = await context.newPage();
      const oracle = await CdpOracle.attach(await context.newCDPSession(page));
      await page.goto(`${lab.page}/`);
      const runs = (await page.evaluate(() =>
        (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
      )) as LabRun[];
      await waitFor(
        async () =>
          runs.every((run) => oracle.ended(run.url)) &&
          [...open].every((request) => !runs.some((run) => run.url === request.url())),
        "every lab request to have ended, for Playwright and on the oracle's session",
      ).catch((error: Error) => {
        const still = [...open].map((r) => r.url());
        const notEnded = runs.filter((run) => !oracle.ended(run.url)).map((run) => run.url);
        throw new Error(
          `${error.message}: ${JSON.stringify({ still: still.slice(0, 5), notEnded: notEnded.slice(0, 5) })}`,
        );
      });
      await context.close(); // writes the HAR
      const { code, report } = analyzeWithCli(path);
      expect(code).toBe(1);
      const rows = chromiumAndCli(runs, oracle, report).map((r) => {
        const honest = r.chromium !== "allowed" && r.cli === "unknown";
        return { ...r, exact: r.chromium === r.cli, agrees: r.chromium === r.cli || honest };
      });
      console.log(
        `${rows.map((r) => `${r.exact ? "ok" : r.agrees ? "??" : "XX"} ${r.id.padEnd(40)} chromium: ${r.chromium.padEnd(40)} cli: ${r.cli}`).join("\n")}\nPlaywright HAR: ${rows.filter((r) => r.exact).length}/${rows.length} as Chromium, ${rows.filter((r) => r.agrees && !r.exact).length} unknown for lack of evidence, ${rows.filter((r) => !r.agrees).length} wrong`,
      );
      const { notes } = analyzeHar(readFileSync(path, "utf8"), "playwright-chromium.har");
      expect(notes.join(" ")).toMatch(
        /failed requests have no response headers in this HAR \(Playwright's recordHar drops them\)/,
      );
      // The workers' and the iframe's requests are not on the page's CDP session (no oracle verdict).
      expect(rows.length).toBeGreaterThanOrEqual(runs.length - OFF_PAGE.size - 1);
      expect(rows.filter((r) => !r.agrees)).toEqual([]);
      // Nothing the browser blocked reads "allowed".
      expect(rows.filter((r) => r.chromium !== "allowed" && r.cli === "allowed")).toEqual([]);

      // Unknown is not success: every request Chromium blocked that the HAR left "unknown" is a
      // failure whose cause was not recorded, counted in the last line of every format.
      const hidden = rows.filter((r) => r.chromium !== "allowed" && r.cli === "unknown");
      expect(hidden.length).toBeGreaterThan(0);
      for (const r of hidden) {
        const run = runs.find((x) => x.id === r.id);
        const x = run ? [...report.exchanges].reverse().find((e) => e.url === run.url) : undefined;
        expect(x && causeNotRecorded(x), r.id).toBe(true);
      }
      const counts = tally([report]);
      expect(counts.unrecorded).toBeGreaterThanOrEqual(hidden.length);
      const last = new RegExp(
        `^✖ 1 file, ${counts.requests} requests: ${counts.blocked} blocked, ${counts.unknown} unknown \\(${counts.unrecorded} failed, cause not recorded\\), \\d+ with warnings$`,
      );
      for (const format of ["text", "json", "sarif", "junit", "github"]) {
        const r = runCli({}, "analyze", path, "--format", format);
        expect(r.code, format).toBe(1);
        const log = format === "text" || format === "github" ? r.out : r.err;
        expect(log.trimEnd().split("\n").at(-1), format).toMatch(last);
      }
      console.log(
        `Playwright HAR: ${counts.requests} requests, ${counts.blocked} blocked, ${counts.unknown} unknown, ${counts.unrecorded} failed without a recorded cause (${hidden.length} of them blocked per Chromium); exit 1 in every format`,
      );
    } finally {
      await browser.close();
      await lab.close();
    }
  });
});
