import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { type ChromiumWithExtension, controlWorker, launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { openExtensionPage, reportFor, tabIdOf } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Run {
  url: string;
}

// CDP ServiceWorker.stopWorker over CDP; the next webRequest event starts a fresh
// worker with empty globals, which must rebuild its state from storage.session.
describe("service worker restart", () => {
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

  it("stopped mid-exchange, loses no exchange and pairs the preflight it saw before the stop", async () => {
    const page = await chromium.context.newPage();
    const worker = await controlWorker(chromium, page);
    await page.goto(`${lab.page}/`);
    const run = (id: string) =>
      page.evaluate(
        (s) => (globalThis as unknown as { runScenario(id: string): Promise<Run> }).runScenario(s),
        id,
      );

    await (await chromium.worker()).evaluate(() => {
      (globalThis as unknown as { beforeStop: boolean }).beforeStop = true;
    });
    const before = [
      await run("seed-django-wildcard-credentials"),
      await run("seed-django-missing-header"),
      await run("acao-missing"),
    ];
    // The slow PUT: its preflight completes at once, its response arrives 2.5 s later.
    const slow = run("slow-preflighted-put");
    const extensionId = chromium.extensionId;
    const running = await worker.waitRunning();
    // Stop it once the slow PUT's preflight is answered and the worker has persisted the request
    // that is still open (its tracker state in storage.session names the slow PUT's preflight).
    await waitFor(async () => {
      const worker = chromium.context
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const saved = await worker?.evaluate(async () =>
        JSON.stringify(
          await (
            globalThis as unknown as {
              chrome: { storage: { session: { get(k: string): Promise<unknown> } } };
            }
          ).chrome.storage.session.get("tracker"),
        ),
      );
      return lab.log.some((l) => l.method === "OPTIONS" && l.url.includes("slow-preflighted-put")) &&
        saved?.includes("slow-preflighted-put") &&
        saved.includes("OPTIONS")
        ? true
        : null;
    }, "the slow PUT's preflight answered and the open request persisted");
    await worker.stop(running);
    await waitFor(async () => (worker.statuses.includes("stopped") ? true : null), "the worker to stop");
    const slowRun = await slow;
    const after = await run("credentials-no-acac");
    // A fresh worker: the global set before the stop is gone, so the state came from storage.
    const fresh = await waitFor(async () => {
      const worker = chromium.context
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const marker = await worker
        ?.evaluate(() => (globalThis as unknown as { beforeStop?: boolean }).beforeStop ?? false)
        .catch(() => null);
      return marker === false ? true : null;
    }, "a restarted worker without the old globals");
    expect(fresh).toBe(true);

    const extensionPage = await openExtensionPage(chromium.context, extensionId);
    const tabId = await tabIdOf(extensionPage, `${lab.page}/*`);
    const report = await waitFor(async () => {
      const r = await reportFor(extensionPage, tabId);
      return [...before, slowRun, after].every((x) => r.exchanges.some((e) => e.url === x.url)) ? r : null;
    }, "every exchange, from before and after the restart");
    const byUrl = (url: string) => report.exchanges.filter((e) => e.url === url);
    const lines = [...before, slowRun, after].map((x) => {
      const found = byUrl(x.url);
      return `${found.length === 1 ? "ok" : "XX"} ${x.url.split("/s/")[1]} → ${found.map((e) => `${e.verdict} ${e.causes[0]?.chromium ?? ""} preflight:${e.preflight ? e.preflight.status : "none"}`).join(" | ")}`;
    });
    console.log(`worker ${running} stopped mid-exchange; after restart:\n${lines.join("\n")}`);
    for (const x of [...before, slowRun, after]) expect(byUrl(x.url)).toHaveLength(1);
    const slowExchange = byUrl(slowRun.url)[0];
    expect(slowExchange?.preflight?.status).toBe(204);
    expect(slowExchange?.verdict).toBe("allowed");
    expect(byUrl(before[1]?.url ?? "")[0]?.causes[0]?.chromium).toBe("HeaderDisallowedByPreflightResponse");
    expect(byUrl(after.url)[0]?.causes[0]?.chromium).toBe("InvalidAllowCredentials");
  });
});
