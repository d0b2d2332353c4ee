import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { ReportDocument } from "../../src/report/report";
import { type ChromiumWithExtension, controlWorker, launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { openExtensionPage, reportFor, tabIdOf } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Session {
  chrome: {
    storage: {
      session: {
        set(items: Record<string, unknown>): Promise<void>;
        remove(keys: string[]): Promise<void>;
      };
    };
  };
}

/** What is left free in storage.session once it is filled, bytes: room for a few dozen requests. */
const LEFT_FREE = 2_000;

// The real storage.session quota (10 MB in Chromium), filled by something else of the extension's
// before the page's requests: the history cannot all be kept. The oldest requests must be dropped
// and said to be (the report's source, the panel's counts), and what is kept must survive a stop.
describe("storage.session full", () => {
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

  it("in Chromium: drops the oldest, says how many, and what it keeps survives a worker stop", async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${lab.page}/`);
    const extensionPage = await openExtensionPage(chromium.context, chromium.extensionId);
    // Fill the quota: blocks of 1 MB, 100 kB, 10 kB, 1 kB until each is refused; then free a little.
    const filled = await extensionPage.evaluate(async (free) => {
      const session = (globalThis as unknown as Session).chrome.storage.session;
      let n = 0;
      let bytes = 0;
      const keys: string[] = [];
      for (const size of [1_000_000, 100_000, 10_000, 1_000]) {
        for (;;) {
          const key = `filler-${n++}`;
          try {
            await session.set({ [key]: "x".repeat(size) });
            keys.push(key);
            bytes += size;
          } catch {
            break;
          }
        }
      }
      const small = keys.filter((_, i) => i >= keys.length - Math.ceil(free / 1_000));
      await session.remove(small);
      return { bytes: bytes - small.length * 1_000, refusedAt: bytes };
    }, LEFT_FREE);
    console.log(
      `storage.session filled with ${filled.bytes} bytes of other data (refused past ${filled.refusedAt})`,
    );

    const runs = (await page.evaluate(async () => {
      const lab = globalThis as unknown as { runAll(): Promise<Array<{ url: string }>> };
      return [...(await lab.runAll()), ...(await lab.runAll())];
    })) as Array<{ url: string }>;
    const tabId = await tabIdOf(extensionPage, `${lab.page}/*`);
    const accounted = (r: ReportDocument) => {
      const source = r.source.kind === "extension" ? r.source : null;
      const recorded = r.exchanges.filter((x) => runs.some((run) => run.url === x.url)).length;
      return { recorded, dropped: source?.dropped ?? 0, storage: source?.storageDropped ?? 0 };
    };
    let last = "";
    const before = await waitFor(async () => {
      const r = await reportFor(extensionPage, tabId);
      const a = accounted(r);
      last = `${JSON.stringify(r.source)} ${JSON.stringify(a)}`;
      return a.storage > 0 && a.recorded > 0 ? r : null;
    }, "the history to be cut to what storage holds").catch((error: Error) => {
      throw new Error(`${error.message}; the report said ${last}`);
    });
    const a = accounted(before);
    console.log(
      `${runs.length} requests: ${a.recorded} kept, ${a.dropped} older dropped, ${a.storage} of them for the storage quota`,
    );
    expect(a.storage).toBeGreaterThan(0);
    expect(a.dropped).toBeGreaterThanOrEqual(a.storage);
    // The newest are kept, the oldest dropped.
    const kept = before.exchanges.map((x) => x.url);
    expect(kept).toContain(runs[runs.length - 1]?.url);
    expect(kept).not.toContain(runs[0]?.url);

    // The panel says it, in words.
    const panel = await openExtensionPage(chromium.context, chromium.extensionId);
    await waitFor(
      async () => ((await panel.textContent(".counts")) ?? "").includes("storage for extensions is full"),
      "the panel's counts to say the storage was full",
    );
    await panel.close();

    // A stop: the new worker has exactly what the old one kept (nothing kept only in memory).
    // Until a batch fits, each failed one drops another quarter (one try per PERSIST_DELAY_MS): the
    // history has settled when it stays the same for 3 s.
    let lastSeen = "";
    let sameSince = Date.now();
    await waitFor(
      async () => {
        const now = JSON.stringify(accounted(await reportFor(extensionPage, tabId)));
        if (now !== lastSeen) [lastSeen, sameSince] = [now, Date.now()];
        return Date.now() - sameSince >= 3_000 ? true : null;
      },
      "the history to settle",
      60_000,
    );
    const settled = await reportFor(extensionPage, tabId);
    // What of the store is the extension's history now (key: JSON bytes), for the log.
    const held = await extensionPage.evaluate(async () => {
      const all = await (
        globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
      ).chrome.storage.session.get(null);
      return Object.entries(all)
        .filter(([k]) => !k.startsWith("filler-"))
        .map(([k, v]) => `${k}: ${k.length + JSON.stringify(v).length}`);
    });
    console.log(`settled: ${JSON.stringify(accounted(settled))}; stored ${held.join(", ")}`);
    const worker = await controlWorker(chromium, page);
    const running = await worker.waitRunning();
    await new Promise((r) => setTimeout(r, 1_500)); // past the batch delay: the last batch is written
    const statusesBefore = worker.statuses.length;
    await worker.stop(running);
    await waitFor(async () => {
      const since = worker.statuses.slice(statusesBefore);
      return since.includes("stopped") || since.includes("stopping") ? true : null;
    }, "the worker to stop").catch((error: Error) => {
      throw new Error(`${error.message} (statuses: ${worker.statuses.join(", ")})`);
    });
    const after = await reportFor(extensionPage, tabId);
    expect(after.exchanges.map((x) => x.id).sort()).toEqual(settled.exchanges.map((x) => x.id).sort());
    expect(accounted(after)).toEqual(accounted(settled));
  }, 120_000);
});
