import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { CdpOracle } from "./helpers/cdp-oracle";
import { openCorsLensPanel, waitFor } from "./helpers/devtools";
import { resultsPath } from "./helpers/paths";
import { analyzeWithCli, chromiumAndCli, type LabRun, OFF_PAGE } from "./helpers/report";

// A real HAR, exported by Chromium's own DevTools (chrome.devtools.network.getHAR in our panel),
// analyzed by the CLI; its verdicts must match what Chromium decided in the same run (CDP).
describe("cors-lens analyze on a HAR exported by real Chromium DevTools", () => {
  it("agrees with Chromium's own verdicts", async () => {
    const lab = await startLab();
    const session = await openCorsLensPanel(`${lab.page}/`);
    try {
      const oracle = await CdpOracle.attach(await session.page.createCDPSession());
      const runs = (await session.page.evaluate(() =>
        (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
      )) as LabRun[];
      const har = await waitFor(async () => {
        const h = (await session.panel.evaluate(
          () =>
            new Promise((resolve) =>
              (
                globalThis as unknown as {
                  chrome: { devtools: { network: { getHAR(cb: (h: unknown) => void): void } } };
                }
              ).chrome.devtools.network.getHAR(resolve),
            ),
        )) as { entries: Array<{ request: { url: string } }> };
        const urls = new Set(h.entries.map((e) => e.request.url));
        return runs.filter((r) => !OFF_PAGE.has(r.id)).every((r) => urls.has(r.url)) ? h : null;
      }, "DevTools' HAR to hold every lab request");
      const path = resultsPath("chromium-devtools.har");
      writeFileSync(
        path,
        JSON.stringify({
          log: { version: "1.2", creator: { name: "WebInspector", version: "156" }, pages: [], ...har },
        }),
      );
      const { code, report } = analyzeWithCli(path);
      expect(code).toBe(1);
      const rows = chromiumAndCli(runs, oracle, report)
        .filter((r) => r.cli !== "missing")
        .map((r) => ({ ...r, agrees: r.chromium === r.cli }));
      // DevTools keeps a beacon's preflight without its response (status 0, no headers, no error):
      // "unknown" is the honest verdict there, and only there.
      const unrecorded = new Set(["beacon-json-wildcard"]);
      console.log(
        `${rows.map((r) => `${r.agrees ? "ok" : unrecorded.has(r.id) && r.cli === "unknown" ? "??" : "XX"} ${r.id.padEnd(40)} chromium: ${r.chromium.padEnd(40)} cli: ${r.cli}`).join("\n")}\nHAR agreement ${rows.filter((r) => r.agrees).length}/${rows.length}`,
      );
      // The workers' and the iframe's requests are not on the page's CDP session (no oracle verdict).
      expect(rows.length).toBeGreaterThanOrEqual(runs.length - OFF_PAGE.size - 1);
      expect(rows.filter((r) => !r.agrees && !(unrecorded.has(r.id) && r.cli === "unknown"))).toEqual([]);
    } finally {
      await session.close();
      await lab.close();
    }
  });
});
