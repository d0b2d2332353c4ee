// Benchmark 2: the service worker's JS heap and storage.session bytes after 10,000 and 50,000
// real exchanges over 5 tabs (CDP Runtime.getHeapUsage on the worker target).
import { startBurstServer } from "./burst-server.mjs";
import { launchPuppeteerWithExtension } from "./util.mjs";

export async function workerMemory(root, { totals = [10_000, 50_000], tabs = 5 } = {}) {
  const server = await startBurstServer();
  const browser = await launchPuppeteerWithExtension(root);
  const rows = [];
  try {
    const target = await browser.waitForTarget(
      (t) => t.type() === "service_worker" && t.url().startsWith("chrome-extension://"),
    );
    const pages = [];
    for (let i = 0; i < tabs; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.page}/`);
      pages.push(page);
    }
    let done = 0;
    let tag = 0;
    for (const total of totals) {
      const perTab = Math.ceil((total - done) / tabs);
      await Promise.all(
        pages.map((p, i) =>
          p.evaluate((api, n, t) => globalThis.burst(api, n, t), server.api, perTab, `w${tag}-${i}`),
        ),
      );
      tag++;
      done += perTab * tabs;
      await new Promise((r) => setTimeout(r, 2500)); // let the batched storage writes land
      const worker = await target.worker();
      const session = await target.createCDPSession();
      await session.send("HeapProfiler.collectGarbage").catch(() => undefined);
      const heap = await session.send("Runtime.getHeapUsage");
      const bytes = await worker.evaluate(() => chrome.storage.session.getBytesInUse(null));
      const extensionPage = await browser.newPage();
      await extensionPage.goto(`chrome-extension://${new URL(target.url()).host}/src/devtools/panel.html`);
      const status = await extensionPage.evaluate(() =>
        chrome.runtime.sendMessage({ type: "cors-lens/status" }),
      );
      await extensionPage.close();
      const kept = status.exchanges;
      rows.push({
        bench: `service worker after ${done.toLocaleString("en")} exchanges / ${tabs} tabs`,
        what: "JS heap used",
        value: `${(heap.usedSize / 1048576).toFixed(1)} MB`,
        ratio: `${kept.toLocaleString("en")} kept (2,000 per tab)`,
      });
      rows.push({
        bench: `service worker after ${done.toLocaleString("en")} exchanges / ${tabs} tabs`,
        what: "storage.session",
        value: `${(bytes / 1048576).toFixed(2)} MB`,
        ratio: "",
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
