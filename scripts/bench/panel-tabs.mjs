// Benchmark: the panel page opened as a tab (every tab's requests) over 20 tabs of 2,000 exchanges
// each, 40,000 in all, in real Chromium: the time from opening it to every exchange listed, the
// first chunk's render, and the panel's JS heap.
import { startBurstServer } from "./burst-server.mjs";
import { launchPuppeteerWithExtension } from "./util.mjs";

export async function panelTabs(root, { tabs = 20, perTab = 2000 } = {}) {
  const server = await startBurstServer();
  const browser = await launchPuppeteerWithExtension(root);
  try {
    const target = await browser.waitForTarget(
      (t) => t.type() === "service_worker" && t.url().startsWith("chrome-extension://"),
    );
    const id = new URL(target.url()).host;
    for (let i = 0; i < tabs; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.page}/`);
      await page.evaluate((api, n) => globalThis.burst(api, n, "panel"), server.api, perTab);
    }
    await new Promise((r) => setTimeout(r, 3000));
    const panel = await browser.newPage();
    await panel.setViewport({ width: 1200, height: 800 });
    await panel.goto(`chrome-extension://${id}/src/devtools/panel.html`);
    const want = tabs * perTab;
    const shown = await panel.evaluate(
      (n) =>
        new Promise((resolve) => {
          const check = () => {
            const counts = document.querySelector(".counts")?.textContent ?? "";
            const total = Number(/\/ ([\d,]+) requests/.exec(counts)?.[1]?.replace(/,/g, "") ?? 0);
            if (total >= n) requestAnimationFrame(() => resolve({ total, at: performance.now() }));
            else if (performance.now() > 300_000) resolve({ total, at: -1 });
            else setTimeout(check, 20);
          };
          check();
        }),
      want,
    );
    const render = await panel.evaluate(() =>
      performance.getEntriesByName("cors-lens:render-snapshot").map((e) => e.duration),
    );
    const heap = await panel.evaluate(() => performance.memory.usedJSHeapSize);
    const label = `panel page, ${want.toLocaleString("en")} exchanges over ${tabs} tabs`;
    return [
      {
        bench: label,
        what: "page load → every exchange listed",
        value: shown.at < 0 ? `not within 300 s (${shown.total} listed)` : `${Math.round(shown.at)} ms`,
        ratio: "snapshot in chunks of 250 (MESSAGE_CHUNK)",
      },
      {
        bench: label,
        what: "render of the first chunk; panel heap",
        value: `${Math.max(...render).toFixed(0)} ms; ${Math.round(heap / 1e6)} MB`,
        ratio: "performance.measure around render()",
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
