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
 * Firefox: 3 % of the requests at most (0 in every run here: an event page's events are not
 * dropped). Chromium is held to more than a count: see `expectOnlyDropped`.
 */
const UNDECIDED_AT_MOST = Math.ceil(REQUESTS * 0.03);
/** How long an event is taken to be on its way to the worker (see `expectOnlyDropped`). */
const IN_TRANSIT_MS = 100;

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

  /** Nothing recorded twice, mispaired or decided otherwise; the counts printed. */
  const expectNothingWrong = (t: Tally, runs: BurstRun[], stops: number, what: string) => {
    console.log(
      `${runs.length} requests, ${stops} ${what} stops: ${tallyLine(t)}\n${[...t.lost, ...t.twice, ...t.mispaired, ...t.preflightUnseen, ...t.wrong, ...t.undecided].join("\n")}`,
    );
    expect(stops).toBeGreaterThanOrEqual(MIN_STOPS);
    expect(runs.length).toBeGreaterThanOrEqual(REQUESTS);
    expect(t.twice).toEqual([]);
    expect(t.mispaired).toEqual([]);
    expect(t.wrong).toEqual([]);
  };

  /**
   * What Chromium never delivered, and nothing else. Chromium drops every event it dispatches to a
   * worker from the moment it is asked to stop until it has stopped and another one runs (measured
   * here with an instrumented build: each of a stop's lost requests had all its events, each
   * undecided one its end, between those two moments; windows of 0–220 ms). A request with an event
   * in such a window may be missing (all of them were), undecided ("unknown", with the reason in
   * its row) or shown without its preflight; one in no window must be whole. How many fall into the
   * windows is the browser's timing times the page's traffic (0–12 of 240 in 20 runs here), not
   * CORS Lens's to bound; each is listed. A window opens IN_TRANSIT_MS before the stop was asked
   * for: an event Chromium dispatched just before it is still on its way to the worker's thread
   * (an undecided request's page saw its fetch settle 4 ms before a stop here, its end never came).
   */
  const expectOnlyDropped = (
    t: Tally,
    runs: BurstRun[],
    windows: ReadonlyArray<{ from: number; to: number }>,
  ) => {
    const byUrl = new Map(runs.map((r) => [r.url, r]));
    const inWindow = (url: string) => {
      const run = byUrl.get(url);
      if (run?.startedAt === undefined || run.endedAt === undefined) return false;
      const { startedAt, endedAt } = run;
      return windows.some((w) => startedAt <= w.to && endedAt >= w.from - IN_TRANSIT_MS);
    };
    const urlOf = (line: string) => line.split(": ")[0] as string;
    const incomplete = [...t.lost, ...t.undecided.map(urlOf), ...t.preflightUnseen.map(urlOf)];
    const outside = incomplete.filter((url) => !inWindow(url));
    console.log(
      `${windows.length} stop windows (${windows.map((w) => `${w.to - w.from} ms`).join(", ")}): ${incomplete.length} incomplete requests, all in a window: ${outside.length === 0}`,
    );
    const near = (url: string) => {
      const run = byUrl.get(url);
      if (run?.startedAt === undefined || run.endedAt === undefined) return `${url}: no times`;
      const { startedAt, endedAt } = run;
      const gaps = windows.map((w) => Math.max(w.from - IN_TRANSIT_MS - endedAt, startedAt - w.to));
      return `${url}: ${endedAt - startedAt} ms long, ${Math.min(...gaps)} ms from the nearest window`;
    };
    console.log(outside.map(near).join("\n"));
    expect(outside).toEqual([]);
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
    expectNothingWrong(t, runs, stops, "worker");
    expectOnlyDropped(t, runs, worker.stopWindows);
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
      expectNothingWrong(t, runs, stops, "background");
      // Firefox delivers an event page's events (0 incomplete in every run here): a few at most.
      expect(t.lost.length + t.undecided.length + t.preflightUnseen.length).toBeLessThanOrEqual(
        UNDECIDED_AT_MOST,
      );
    } finally {
      await firefox.close();
    }
  }, 180_000);
});
