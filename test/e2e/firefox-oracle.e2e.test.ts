import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { ReportDocument } from "../../src/report/report";
import { waitFor } from "./helpers/devtools";
import { type FirefoxWithExtension, launchFirefoxWithExtension } from "./helpers/firefox";
import { type FirefoxBlock, parseFirefoxBlock } from "./helpers/firefox-reasons";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean; status?: number; error?: string };
}

/**
 * Differences that are Firefox's, not CORS Lens's, each explained:
 * - a dedicated or shared worker's console messages never reach WebDriver BiDi (observed in Firefox
 *   153), so Firefox's reason there is unknown and only its verdict (the page's outcome) is compared.
 */
const REASON_UNOBSERVABLE = new Set(["worker-fetch-missing", "shared-worker-fetch-missing"]);

describe("Firefox oracle: the extension's verdicts against Firefox's console reasons", () => {
  let lab: Lab;
  let firefox: FirefoxWithExtension;
  let runs: Run[];
  let report: ReportDocument;
  const blocks: FirefoxBlock[] = [];

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefoxWithExtension();
    const page = await firefox.browser.newPage();
    page.on("pageerror", (error) => {
      const block = parseFirefoxBlock(error instanceof Error ? error.message : String(error));
      if (block) blocks.push(block);
    });
    await page.goto(`${lab.page}/`);
    runs = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    const extensionPage = await firefox.openExtensionPage("src/devtools/panel.html");
    report = await waitFor(async () => {
      const r = (await extensionPage.evaluate(() =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).browser.runtime.sendMessage({
          type: "cors-lens/report",
          tabId: null,
        }),
      )) as ReportDocument;
      const seen = new Set(r.exchanges.map((x) => x.url));
      return runs.every((run) => seen.has(run.url)) ? r : null;
    }, "the extension to report every lab request");
    // Console messages can trail the page's promise (observed in Firefox 153): wait until every
    // failed request of the page (but the worker's, whose messages never reach BiDi) has its reason.
    await waitFor(async () => {
      const named = new Set(blocks.map((b) => b.url));
      // After a redirect Firefox names the URL it was redirected to.
      const urlsOf = (run: Run) => [
        run.url,
        ...(report.exchanges.findLast((e) => e.url === run.url)?.hops.map((h) => h.url) ?? []),
      ];
      const unnamed = runs.filter(
        (run) =>
          !run.outcome.ok &&
          !REASON_UNOBSERVABLE.has(run.id) &&
          run.id !== "network-refused" &&
          !urlsOf(run).some((u) => named.has(u)),
      );
      return unnamed.length === 0 ? true : null;
    }, "Firefox's console reason for every failed request");
  });

  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it("agrees with Firefox on verdict and reason", () => {
    const rows = runs.map((run) => {
      const x = report.exchanges.findLast((e) => e.url === run.url);
      // After a redirect Firefox names the URL it was redirected to.
      const urls = new Set([run.url, ...(x?.hops.map((h) => h.url) ?? [])]);
      const block = blocks.find((b) => urls.has(b.url));
      const firefoxVerdict = block || !run.outcome.ok ? "blocked" : "allowed";
      const extensionVerdict = x?.verdict === "not-cors" ? "allowed" : (x?.verdict ?? "missing");
      const extensionReason = x?.causes[0]?.firefox ?? null;
      const reasonKnown = !REASON_UNOBSERVABLE.has(run.id) && firefoxVerdict === "blocked";
      const agrees =
        firefoxVerdict === extensionVerdict && (!reasonKnown || extensionReason === (block?.reason ?? null));
      return {
        id: run.id,
        agrees,
        firefox: block?.reason ?? firefoxVerdict,
        extension:
          extensionVerdict === "blocked"
            ? (extensionReason ?? "blocked (no Firefox name)")
            : extensionVerdict,
      };
    });
    const table = rows.map(
      (r) =>
        `${r.agrees ? "ok " : "XX "} ${r.id.padEnd(40)} firefox: ${r.firefox.padEnd(40)} cors-lens: ${r.extension}`,
    );
    for (const r of rows.filter((row) => !row.agrees)) {
      const run = runs.find((x) => x.id === r.id);
      console.log(
        JSON.stringify(
          report.exchanges.find((e) => e.url === run?.url),
          null,
          1,
        ),
      );
    }
    console.log(
      `${table.join("\n")}\nFirefox agreement ${rows.filter((r) => r.agrees).length}/${rows.length}`,
    );
    expect(rows.length).toBe(lab.scenarios.length);
    expect(rows.filter((r) => !r.agrees)).toEqual([]);
  });

  // The whole lab again, re-issued by the page's service worker (`fetch(e.request)`). The worker's
  // console never reaches BiDi, so Firefox's verdict is the page's outcome and its reason the one it
  // gave for the same request without the worker (above). A second tab on the same origin, opened
  // later, must not get the first tab's requests.
  it("agrees with Firefox on a page its service worker controls", async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${lab.page}/?sw=1`);
    expect(await page.evaluate(() => (globalThis as unknown as { swReady: Promise<boolean> }).swReady)).toBe(
      true,
    );
    const other = await firefox.browser.newPage();
    await other.goto(`${lab.page}/?sw=1`);
    await page.bringToFront();
    const viaWorker = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    const extensionPage = await firefox.openExtensionPage("src/devtools/panel.html");
    const ask = (tabId: number | null) =>
      extensionPage.evaluate(
        (id) =>
          (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).browser.runtime.sendMessage({ type: "cors-lens/report", tabId: id }) as Promise<ReportDocument>,
        tabId,
      );
    const all = await waitFor(async () => {
      const r = await ask(null);
      const seen = new Set(r.exchanges.map((x) => x.url));
      return viaWorker.every((run) => seen.has(run.url)) ? r : null;
    }, "the extension to report every request the worker re-issued");
    const kindOf = (id: string) =>
      (lab.scenarios.find((sc: { id: string }) => sc.id === id)?.client as { kind?: string } | undefined)
        ?.kind;
    const rows = viaWorker.map((run) => {
      const mine = all.exchanges.filter((e) => e.url === run.url);
      const x = mine.at(-1);
      const before = runs.find((r) => r.id === run.id);
      const reasonBefore =
        report.exchanges.findLast((e) => e.url === before?.url)?.causes[0]?.firefox ?? null;
      // A beacon's page only learns it was queued: Firefox's verdict is the one it gave before.
      const beacon = kindOf(run.id) === "beacon";
      const blockedBefore = blocks.some((b) => b.url === before?.url);
      // The worker's own fetch is the request CORS Lens shows: how it ended is Firefox's verdict
      // (a preload's page hears "load" even when the worker's fetch failed, in Firefox 153).
      const told = lab.workerOutcomes.get(run.url);
      const firefoxVerdict = (told ?? (beacon ? !blockedBefore : run.outcome.ok)) ? "allowed" : "blocked";
      const extensionVerdict = x?.verdict === "not-cors" ? "allowed" : (x?.verdict ?? "missing");
      const agrees =
        // The preflight-cache scenario makes its request twice by design.
        mine.length === (run.id === "preflight-cached-second-request" ? 2 : 1) &&
        // A cross-origin iframe is not the worker's client: its requests go out as the frame's.
        (x?.viaWorker === true) === (kindOf(run.id) !== "frame") &&
        firefoxVerdict === extensionVerdict &&
        (firefoxVerdict === "allowed" || (x?.causes[0]?.firefox ?? null) === reasonBefore);
      return { id: run.id, agrees, firefoxVerdict, extensionVerdict, n: mine.length, x };
    });
    console.log(
      `${rows
        .map(
          (r) =>
            `${r.agrees ? "ok " : "XX "} ${r.id.padEnd(40)} page: ${r.firefoxVerdict.padEnd(8)} cors-lens: ${r.extensionVerdict} ${r.x?.causes[0]?.firefox ?? ""}${r.n > 1 ? ` (${r.n} exchanges)` : ""}`,
        )
        .join(
          "\n",
        )}\nFirefox agreement via the service worker ${rows.filter((r) => r.agrees).length}/${rows.length}`,
    );
    expect(rows.filter((r) => !r.agrees).map((r) => r.id)).toEqual([]);
    // Every one on the tab whose request the worker took over, none on the newer tab.
    const tabs = (await extensionPage.evaluate(async () =>
      (
        await (
          globalThis as unknown as {
            browser: { tabs: { query(q: unknown): Promise<Array<{ id: number; url?: string }>> } };
          }
        ).browser.tabs.query({})
      ).map((t) => ({ id: t.id, url: t.url ?? "" })),
    )) as Array<{ id: number; url: string }>;
    const swTabs = tabs
      .filter((t) => t.url.startsWith(`${lab.page}/?sw=1`))
      .map((t) => t.id)
      .sort((a, b) => a - b);
    expect(swTabs).toHaveLength(2);
    const [first, second] = swTabs as [number, number];
    const onFirst = new Set((await ask(first)).exchanges.map((x) => x.url));
    // A shared worker serves every tab of its origin and neither browser says which one asked: its
    // requests go to the tab most recently on the origin (here the newer one), so they are left out.
    const tabbed = viaWorker.filter((run) => kindOf(run.id) !== "shared-worker");
    expect(tabbed.filter((run) => !onFirst.has(run.url)).map((r) => r.id)).toEqual([]);
    expect((await ask(second)).exchanges.filter((x) => tabbed.some((r) => r.url === x.url))).toEqual([]);
  });
});
