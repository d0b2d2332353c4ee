/**
 * A HAR recorded by real Firefox (its toolbox's Network monitor, the same builder as "Save All As
 * HAR"), analyzed by the CLI; its verdicts and reasons must match what Firefox itself logged in the
 * same run (the console service's CORS messages, whose category is the reason key).
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { waitFor } from "./helpers/devtools";
import { parseFirefoxBlock } from "./helpers/firefox-reasons";
import { launchFirefoxToolbox } from "./helpers/firefox-toolbox";
import { resultsPath } from "./helpers/paths";
import { analyzeWithCli } from "./helpers/report";

interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean };
}

const TOOLBOX = `
  const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
`;

/** Lab requests Firefox's Network monitor may keep no entry for (it varies between runs). */
const UNRECORDED = new Set([
  "beacon-json-wildcard",
  "network-refused",
  // The toolbox's Network monitor is the tab's: a shared worker's requests are not in it.
  "shared-worker-fetch-missing",
]);

describe("cors-lens analyze on a HAR recorded by real Firefox", () => {
  it("agrees with Firefox's own verdicts and reasons", async () => {
    const lab = await startLab();
    const firefox = await launchFirefoxToolbox(`${lab.page}/`, { host: "bottom", theme: "light" });
    try {
      await waitFor(
        () => firefox.inPage<boolean>("return typeof window.runAll === 'function';"),
        "the lab page in Firefox",
      );
      // Start the Network monitor's recording, and listen to what Firefox logs about CORS.
      await waitFor(
        () =>
          firefox.marionette.run<boolean>(
            "chrome",
            `${TOOLBOX}
            if (!toolbox) return false;
            await toolbox.getNetMonitorAPI();
            window.__corsLensBlocks = [];
            const listener = { observe(m) {
              if (m instanceof Ci.nsIScriptError && m.category.startsWith("CORS"))
                window.__corsLensBlocks.push({ category: m.category, text: m.errorMessage });
            } };
            Services.console.registerListener(listener);
            window.__corsLensListener = listener;
            return true;`,
          ),
        "Firefox's toolbox and Network monitor",
      );
      const runs = await firefox.inPage<Run[]>("return await window.runAll();");
      let missing: string[] = [];
      const { har, blocks } = await waitFor(async () => {
        const got = await firefox.marionette.run<{
          har: { entries: Array<{ request: { url: string } }> };
          blocks: Array<{ category: string; text: string }>;
        }>(
          "chrome",
          `${TOOLBOX} return { har: await toolbox.getHARFromNetMonitor(), blocks: window.__corsLensBlocks };`,
        );
        const urls = new Set(got.har.entries.map((e) => e.request.url));
        // Firefox's Network monitor often records no entry for a refused connection, nor for a
        // beacon whose preflight failed, not even the OPTIONS (observed in Firefox 153; not always).
        missing = runs.filter((r) => !urls.has(r.url)).map((r) => r.id);
        return missing.every((id) => UNRECORDED.has(id)) ? got : null;
      }, "Firefox's HAR to hold every lab request").catch((error: Error) => {
        throw new Error(`${error.message}; missing: ${missing.join(", ")}`);
      });
      const path = resultsPath("firefox-netmonitor.har");
      writeFileSync(path, JSON.stringify({ log: har }, null, 1));
      const { code, report } = analyzeWithCli(path);
      expect(code).toBe(1);
      expect(report.exchanges.length).toBeGreaterThanOrEqual(runs.length - UNRECORDED.size);
      const reasons = blocks.flatMap((b) => {
        const parsed = parseFirefoxBlock(b.text);
        return parsed ? [{ url: parsed.url, reason: b.category }] : [];
      });
      const rows = runs
        .filter((r) => !missing.includes(r.id) && r.id !== "network-refused")
        .map((r) => {
          const x = report.exchanges.findLast((e) => e.url === r.url);
          const urls = new Set([r.url, ...(x?.hops.map((h) => h.url) ?? [])]);
          const block = reasons.find((b) => urls.has(b.url));
          const firefoxSays = block ? block.reason : r.outcome.ok ? "allowed" : "blocked (no CORS reason)";
          const cliSays =
            x?.verdict === "blocked"
              ? (x.causes[0]?.firefox ?? "blocked (no CORS reason)")
              : x?.verdict === "not-cors"
                ? "allowed"
                : (x?.verdict ?? "missing");
          return { id: r.id, firefox: firefoxSays, cli: cliSays, agrees: firefoxSays === cliSays };
        });
      // Firefox's own words for each request of this run, beside its HAR: test/fixtures/har keeps a copy.
      writeFileSync(
        resultsPath("firefox-netmonitor.verdicts.json"),
        JSON.stringify(
          Object.fromEntries(rows.map((r) => [runs.find((x) => x.id === r.id)?.url, r.firefox])),
          null,
          1,
        ),
      );
      console.log(
        `${rows.map((r) => `${r.agrees ? "ok" : "XX"} ${r.id.padEnd(40)} firefox: ${r.firefox.padEnd(40)} cli: ${r.cli}`).join("\n")}\nFirefox HAR agreement ${rows.filter((r) => r.agrees).length}/${rows.length}`,
      );
      expect(rows.filter((r) => !r.agrees)).toEqual([]);
    } finally {
      await firefox.close();
      await lab.close();
    }
  });
});
