import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { CHROMIUM_FLAGS as BASE_FLAGS, HEADLESS } from "../../../scripts/chromium-flags.mjs";
import { waitFor } from "./devtools";
import { CHROMIUM_BIN, DIST_CHROME, requireChromium } from "./paths";

export const CHROMIUM_FLAGS = [HEADLESS, ...BASE_FLAGS];

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker as it runs now (it may be replaced after a stop). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchChromiumWithExtension(dist = DIST_CHROME): Promise<ChromiumWithExtension> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "cors-lens-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: false, // --headless=new is passed below, as verified
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
    return running ?? (await context.waitForEvent("serviceworker", { timeout: 15_000 }));
  };
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  // Playwright reports the worker when its target appears, before its script has run: a page
  // loaded at once would make requests no listener sees yet. Wait for the listeners themselves.
  await waitFor(
    () =>
      first.evaluate(() =>
        (
          globalThis as unknown as { chrome: { webRequest: { onCompleted: { hasListeners(): boolean } } } }
        ).chrome.webRequest.onCompleted.hasListeners(),
      ),
    "the extension's webRequest listeners",
  );
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface VersionUpdate {
  versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }>;
}

/** The extension's service worker as CDP's ServiceWorker domain reports it, and a way to stop it. */
export interface WorkerControl {
  /** The running version and since when it runs (ms), or null. */
  running(): { versionId: string; since: number } | null;
  /** The running version, waited for. */
  waitRunning(): Promise<string>;
  /** `ServiceWorker.stopWorker` (as Chrome stops an idle MV3 worker, or a crash ends it). */
  stop(versionId: string): Promise<void>;
  /** Stops the running version and waits until CDP reports it stopping or stopped. */
  stopRunning(): Promise<void>;
  /** Every running status reported since the control was made, in order. */
  statuses: string[];
  /**
   * Each stop's window, from the moment the stop was asked for to the moment a worker of the
   * extension ran again (Infinity while none has): the events Chromium dispatched in it went to the
   * stopping worker and are dropped (see test/e2e/worker-stops.e2e.test.ts).
   */
  stopWindows: Array<{ from: number; to: number }>;
}

export async function controlWorker(chromium: ChromiumWithExtension, page: Page): Promise<WorkerControl> {
  const cdp = await chromium.context.newCDPSession(page);
  const versions = new Map<string, { runningStatus: string; since: number }>();
  const statuses: string[] = [];
  const stopWindows: Array<{ from: number; to: number }> = [];
  const ours = `chrome-extension://${chromium.extensionId}/`;
  cdp.on("ServiceWorker.workerVersionUpdated", (e: VersionUpdate) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(ours)) continue;
      const before = versions.get(v.versionId);
      if (v.runningStatus === "running" && before?.runningStatus !== "running")
        for (const w of stopWindows) if (w.to === Number.POSITIVE_INFINITY) w.to = Date.now();
      const since = before?.runningStatus === v.runningStatus ? before.since : Date.now();
      versions.set(v.versionId, { runningStatus: v.runningStatus, since });
      statuses.push(v.runningStatus);
    }
  });
  await cdp.send("ServiceWorker.enable");
  const running = () => {
    const entry = [...versions.entries()].find(([, v]) => v.runningStatus === "running");
    return entry ? { versionId: entry[0], since: entry[1].since } : null;
  };
  const waitRunning = () =>
    waitFor(async () => running()?.versionId ?? null, "the extension's running worker");
  const stop = async (versionId: string) => {
    stopWindows.push({ from: Date.now(), to: Number.POSITIVE_INFINITY });
    await cdp.send("ServiceWorker.stopWorker", { versionId }).catch(() => undefined);
  };
  return {
    running,
    waitRunning,
    stop,
    async stopRunning() {
      const versionId = await waitRunning();
      const before = statuses.length;
      await stop(versionId);
      await waitFor(async () => {
        const since = statuses.slice(before);
        return since.includes("stopped") || since.includes("stopping") ? true : null;
      }, "the worker to stop").catch((error: Error) => {
        throw new Error(`${error.message} (statuses: ${statuses.join(", ")})`);
      });
    },
    statuses,
    stopWindows,
  };
}
