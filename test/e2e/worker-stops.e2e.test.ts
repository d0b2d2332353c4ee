import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { ReportDocument } from "../../src/report/report";
import { BURST_MIX, type BurstRun, runBurst, type Tally, tally, tallyLine } from "./helpers/burst";
import { type ChromiumWithExtension, controlWorker, launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { backgroundControl, evaluating, launchFirefoxWithExtension } from "./helpers/firefox";
import { openExtensionPage, reportFor, tabIdOf } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;

const REQUESTS = 240;
const MIN_STOPS = 10;
/**
 * 3 % of the requests: the few in flight at some stop whose events Chromium dropped (0–4 in 14 runs
 * here; the code before the journal and the takeover: 10).
 */
const UNDECIDED_AT_MOST = Math.ceil(REQUESTS * 0.03);

// The extension's worker stopped again and again (CDP ServiceWorker.stopWorker, as Chrome stops an
// MV3 worker or a crash ends it) during a burst of mixed requests; each new worker must rebuild
// the history from storage. Every request the page made must be in the report once, paired with
// its preflight exactly when the API saw one, with the verdict and name a run without stops gives.
describe("the worker stopped ten times and more during traffic", () => {
  let lab: Lab;
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromiumWithExtension();
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  /**
   * The report against the page's record, once every request is there or the report stopped
   * changing for 10 s (an end never observed is shown after LIMITS.interruptedQuietMs of quiet, an
   * orphan preflight after orphanPreflightMs).
   */
  const settle = async (
    runs: BurstRun[],
    read: () => Promise<ReportDocument>,
    names: ReadonlyMap<string, string | null>,
    browser: "chromium" | "firefox",
  ): Promise<Tally> => {
    const preflighted = new Set(lab.log.filter((l) => l.method === "OPTIONS").map((l) => l.url));
    let t: Tally | null = null;
    let unchanged = 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const next = tally(runs, await read(), preflighted, names, browser);
      unchanged = t && tallyLine(t) === tallyLine(next) ? unchanged + 1 : 0;
      t = next;
      if (t.lost.length === 0 && t.undecided.length === 0 && t.wrong.length === 0) break;
      if (unchanged >= 20) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!t) throw new Error("no report");
    return t;
  };

  const expectNothingLost = (t: Tally, runs: BurstRun[], stops: number, what: string) => {
    console.log(
      `${runs.length} requests, ${stops} ${what} stops: ${tallyLine(t)}\n${[...t.lost, ...t.twice, ...t.mispaired, ...t.preflightUnseen, ...t.wrong, ...t.undecided].join("\n")}`,
    );
    expect(stops).toBeGreaterThanOrEqual(MIN_STOPS);
    expect(runs.length).toBeGreaterThanOrEqual(REQUESTS);
    expect(t.twice).toEqual([]);
    expect(t.mispaired).toEqual([]);
    expect(t.wrong).toEqual([]);
    // What the browser never delivered: Chromium drops the events it dispatches to a worker being
    // stopped (an instrumented build kept every event it received: none of such a request's). Its
    // request is then undecided ("unknown", with the reason, never a verdict), without its
    // preflight, or — all of it inside the stop — missing: a few at most, each listed above.
    expect(t.lost.length + t.undecided.length + t.preflightUnseen.length).toBeLessThanOrEqual(
      UNDECIDED_AT_MOST,
    );
  };

  it("in Chromium: nothing lost, duplicated, mispaired or decided otherwise", async () => {
    const page = await chromium.context.newPage();
    const worker = await controlWorker(chromium, page);
    await page.goto(`${lab.page}/`);
    const extensionPage = await openExtensionPage(chromium.context, chromium.extensionId);
    const tabId = await tabIdOf(extensionPage, `${lab.page}/*`);

    // Without stops first: the name each scenario gets (the expectation for the burst).
    const control = (await page.evaluate(
      (ids) =>
        Promise.all(
          ids.map((id) =>
            (globalThis as unknown as { runScenario(id: string): Promise<BurstRun> }).runScenario(id),
          ),
        ),
      [...BURST_MIX],
    )) as BurstRun[];
    const controlReport = await waitFor(async () => {
      const r = await reportFor(extensionPage, tabId);
      return control.every((c) => r.exchanges.some((x) => x.url === c.url)) ? r : null;
    }, "the control requests in the report");
    const names = new Map<string, string | null>();
    for (const c of control)
      names.set(c.id, controlReport.exchanges.find((x) => x.url === c.url)?.causes[0]?.chromium ?? null);
    await extensionPage.close();

    // The stopper: whenever the extension's worker has been running for 250–650 ms, stop it.
    let stops = 0;
    let bursting = true;
    const stopper = (async () => {
      while (bursting) {
        await new Promise((r) => setTimeout(r, 25));
        const running = worker.running();
        if (!running || Date.now() - running.since < 250 + ((stops * 97) % 400)) continue;
        await worker.stop(running.versionId);
        stops++;
      }
    })();
    const runs = await runBurst(page, REQUESTS, 4);
    bursting = false;
    await stopper;

    const reader = await openExtensionPage(chromium.context, chromium.extensionId);
    const t = await settle(runs, () => reportFor(reader, tabId), names, "chromium");
    expectNothingLost(t, runs, stops, "worker");
  }, 180_000);

  // Firefox's background is an event page: about:debugging's "Terminate background script" (the
  // button a developer uses) unloads it; the next webRequest event starts it again (primed listeners).
  it("in Firefox: nothing lost, duplicated, mispaired or decided otherwise", async () => {
    const firefox = await launchFirefoxWithExtension();
    try {
      const page = await firefox.browser.newPage();
      await page.goto(`${lab.page}/`);
      const asks = evaluating(page);
      const control = await asks.evaluate(
        (ids: string[]) =>
          Promise.all(
            ids.map((id) =>
              (globalThis as unknown as { runScenario(id: string): Promise<BurstRun> }).runScenario(id),
            ),
          ),
        [...BURST_MIX],
      );
      const reader = await firefox.openExtensionPage("src/devtools/panel.html");
      const report = () =>
        reader.evaluate(() =>
          (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).browser.runtime.sendMessage({ type: "cors-lens/report", tabId: null }),
        ) as Promise<ReportDocument>;
      const controlReport = await waitFor(async () => {
        const r = await report();
        return control.every((c) => r.exchanges.some((x) => x.url === c.url)) ? r : null;
      }, "the control requests in the report");
      const names = new Map<string, string | null>();
      for (const c of control)
        names.set(c.id, controlReport.exchanges.find((x) => x.url === c.url)?.causes[0]?.firefox ?? null);

      // A click counts as a stop once the background page is a new one (see backgroundControl).
      const background = await backgroundControl(firefox, reader);
      let stops = 0;
      let bursting = true;
      const stopper = (async () => {
        let clickedOn: string | null = null;
        for (let i = 0; bursting; i++) {
          await new Promise((r) => setTimeout(r, 250 + ((i * 97) % 400)));
          const token = `life-${i}`;
          const before = await background.mark(token).catch(() => null);
          if (clickedOn !== null && before !== clickedOn) stops++;
          clickedOn = (await background.terminate()) ? token : null;
        }
      })();
      await page.bringToFront();
      // Bursts of REQUESTS until the background was stopped MIN_STOPS times (at most four).
      const runs: BurstRun[] = [];
      for (let burst = 0; burst < 4 && (burst === 0 || stops < MIN_STOPS); burst++)
        runs.push(...(await runBurst(asks, REQUESTS, 4)));
      bursting = false;
      await stopper;

      const t = await settle(runs, report, names, "firefox");
      expectNothingLost(t, runs, stops, "background");
    } finally {
      await firefox.close();
    }
  }, 180_000);
});
