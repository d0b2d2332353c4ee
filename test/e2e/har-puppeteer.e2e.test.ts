/**
 * A HAR as Puppeteer users record one: the page's DevTools-protocol events turned into HAR by
 * `chrome-har` (what puppeteer-har and sitespeed.io use), of the lab in Debian's Chromium driven by
 * puppeteer-core, analyzed by the CLI against what Chromium decided in the same run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { harFromMessages } from "chrome-har";
import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { analyzeHar } from "../../src/report/analyze-har";
import { CdpOracle } from "./helpers/cdp-oracle";
import { CHROMIUM_FLAGS } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { CHROMIUM_BIN, requireChromium, resultsPath } from "./helpers/paths";
import { analyzeWithCli, chromiumAndCli, type LabRun } from "./helpers/report";

const EVENTS = [
  "Page.loadEventFired",
  "Page.domContentEventFired",
  "Page.frameStartedLoading",
  "Page.frameAttached",
  "Network.requestWillBeSent",
  "Network.requestServedFromCache",
  "Network.dataReceived",
  "Network.responseReceived",
  "Network.resourceChangedPriority",
  "Network.loadingFinished",
  "Network.loadingFailed",
  "Network.requestWillBeSentExtraInfo",
  "Network.responseReceivedExtraInfo",
];

describe("cors-lens analyze on a HAR recorded with Puppeteer (chrome-har)", () => {
  it("agrees with Chromium's own verdicts, or says what the HAR lacks", async () => {
    requireChromium();
    const lab = await startLab();
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM_BIN,
      args: CHROMIUM_FLAGS,
      headless: true,
    });
    try {
      const page = await browser.newPage();
      const session = await page.createCDPSession();
      const messages: Array<{ method: string; params: unknown }> = [];
      for (const method of EVENTS) session.on(method, (params: unknown) => messages.push({ method, params }));
      await session.send("Page.enable");
      await session.send("Network.enable");
      const oracle = await CdpOracle.attach(await page.createCDPSession());
      await page.goto(`${lab.page}/`);
      const runs = (await page.evaluate(() =>
        (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
      )) as LabRun[];
      // The HAR is written from `messages`: every lab request in them has its end there too. (Worker
      // scripts and the other origin's frame end on their own targets' sessions, not this one.)
      const labUrls = new Set(runs.map((run) => run.url));
      const ids = (method: string) =>
        messages
          .filter((m) => m.method === method)
          .map(
            (m) => m.params as { requestId: string; request?: { url: string }; initiator?: { type: string } },
          );
      const open = () => {
        const done = new Set(
          [...ids("Network.loadingFinished"), ...ids("Network.loadingFailed")].map((p) => p.requestId),
        );
        return ids("Network.requestWillBeSent").filter(
          (p) => labUrls.has(p.request?.url ?? "") && !done.has(p.requestId),
        );
      };
      await waitFor(
        async () => open().length === 0,
        "every lab request in the recorded messages to have ended",
      ).catch((error: Error) => {
        throw new Error(
          `${error.message}: ${JSON.stringify(
            open()
              .slice(0, 5)
              .map((p) => [p.request?.url, p.initiator?.type]),
          )}`,
        );
      });
      const path = resultsPath("puppeteer-chrome-har.har");
      writeFileSync(path, JSON.stringify(harFromMessages(messages, { includeTextFromResponseBody: false })));
      const { report } = analyzeWithCli(path);
      const { notes } = analyzeHar(readFileSync(path, "utf8"), "puppeteer-chrome-har.har");
      expect(notes.join(" ")).toContain(
        "chrome-har (Puppeteer's usual HAR writer) leaves out every request that failed",
      );
      const rows = chromiumAndCli(runs, oracle, report).map((r) => {
        // "unknown" (or no exchange at all) where the HAR lacks the evidence is never a wrong verdict.
        const honest = r.cli === "unknown" || r.cli === "missing";
        return { ...r, exact: r.chromium === r.cli, agrees: r.chromium === r.cli || honest };
      });
      console.log(
        `${rows.map((r) => `${r.exact ? "ok" : r.agrees ? "??" : "XX"} ${r.id.padEnd(40)} chromium: ${r.chromium.padEnd(40)} cli: ${r.cli}`).join("\n")}\nPuppeteer HAR: ${rows.filter((r) => r.exact).length}/${rows.length} as Chromium, ${rows.filter((r) => r.agrees && !r.exact).length} unknown or missing for lack of evidence, ${rows.filter((r) => !r.agrees).length} wrong`,
      );
      expect(rows.length).toBeGreaterThan(40);
      expect(rows.filter((r) => !r.agrees)).toEqual([]);
    } finally {
      await browser.close();
      await lab.close();
    }
  });
});
