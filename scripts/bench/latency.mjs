// Benchmark: live latency, from the browser's verdict to CORS Lens showing it. A page fires a burst
// of blocked cross-origin requests, one every 10 ms, and notes when each fetch was rejected (the
// browser's verdict, in epoch ms); an open panel page and the toolbar badge are watched for their
// count to reach k. Latency of the k-th = when the panel (badge) first counted k − the k-th verdict.
import { join } from "node:path";
import { startBurstServer } from "./burst-server.mjs";
import { launchWithExtension } from "./util.mjs";

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function latency(root, { count = 90, spacingMs = 10 } = {}) {
  // At most 99: the badge says "99+" beyond.
  const server = await startBurstServer();
  const {
    context,
    extensionId: id,
    close,
  } = await launchWithExtension(join(root, "dist/chrome"), "cors-lens-latency-");
  try {
    const page = await context.newPage();
    await page.goto(`${server.page}/`);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/src/devtools/panel.html`);
    const tabId = await panel.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(url))?.id,
      server.page,
    );
    // In the panel page: when its "N / M requests" count and the tab's badge first reached each k.
    await panel.evaluate((tab) => {
      globalThis.rowsAt = [];
      globalThis.badgeAt = [];
      const counts = () =>
        Number(/\d+\s*\/\s*(\d+)/.exec(document.querySelector(".counts")?.textContent ?? "")?.[1] ?? 0);
      const tick = async () => {
        const now = Date.now();
        const rows = counts();
        while (globalThis.rowsAt.length < rows) globalThis.rowsAt.push(now);
        const badge = Number(await chrome.action.getBadgeText({ tabId: tab })) || 0;
        while (globalThis.badgeAt.length < badge) globalThis.badgeAt.push(now);
        setTimeout(tick, 2);
      };
      new MutationObserver(() => {
        const now = Date.now();
        const rows = counts();
        while (globalThis.rowsAt.length < rows) globalThis.rowsAt.push(now);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      void tick();
    }, tabId);
    const verdicts = await page.evaluate(
      async ([api, n, spacing]) => {
        const at = [];
        await Promise.all(
          Array.from({ length: n }, (_, i) =>
            new Promise((r) => setTimeout(r, i * spacing)).then(() =>
              fetch(`${api}/r/lat-${i}?k=fail`).then(
                () => at.push(-1),
                () => at.push(performance.timeOrigin + performance.now()),
              ),
            ),
          ),
        );
        return at.sort((a, b) => a - b);
      },
      [server.api, count, spacingMs],
    );
    await panel
      .waitForFunction((n) => globalThis.rowsAt.length >= n && globalThis.badgeAt.length >= n, count, {
        timeout: 30_000,
      })
      .catch(async (error) => {
        const seen = await panel.evaluate(() => [
          globalThis.rowsAt.length,
          globalThis.badgeAt.length,
          document.querySelector(".counts")?.textContent,
        ]);
        throw new Error(
          `the panel and badge counted ${JSON.stringify(seen)} of ${count} (${verdicts.length} verdicts): ${error.message}`,
        );
      });
    const { rowsAt, badgeAt } = await panel.evaluate(() => ({
      rowsAt: globalThis.rowsAt,
      badgeAt: globalThis.badgeAt,
    }));
    const row = verdicts.map((v, k) => rowsAt[k] - v);
    const badge = verdicts.map((v, k) => badgeAt[k] - v);
    const fmt = (xs) => `median ${percentile(xs, 50).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms`;
    return [
      {
        bench: `live latency, ${count} blocked requests 10 ms apart`,
        what: "verdict → row in an open panel",
        value: fmt(row),
        ratio: "target median ≤ 100, p95 ≤ 250",
      },
      {
        bench: `live latency, ${count} blocked requests 10 ms apart`,
        what: "verdict → toolbar badge",
        value: fmt(badge),
        ratio: "same bounds",
      },
    ];
  } finally {
    await close();
    await server.close();
  }
}
