import type { BrowserContext, Page } from "playwright-core";
import { run } from "../../../src/cli/main";
import type { ReportDocument } from "../../../src/report/report";
import type { Evaluates } from "./burst";
import type { CdpOracle } from "./cdp-oracle";

interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
  };
}

/** An extension page to talk to the background from, as users' own test suites would. */
export async function openExtensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/devtools/panel.html`);
  return page;
}

/** The tab id of the first tab whose URL matches `pattern` (host permissions let us read URLs). */
export async function tabIdOf(extensionPage: Evaluates, pattern: string): Promise<number> {
  const id = await extensionPage.evaluate(async (p: string) => {
    const tabs = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ url: p });
    return tabs[0]?.id ?? null;
  }, pattern);
  if (id === null) throw new Error(`no tab matches ${pattern}`);
  return id;
}

/** The `cors-lens/report` message of report-format.md. */
export async function reportFor(
  extensionPage: Evaluates,
  tabId: number | null,
  includeSecrets = false,
): Promise<ReportDocument> {
  return (await extensionPage.evaluate(
    (message: unknown) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message),
    { type: "cors-lens/report", tabId, includeSecrets },
  )) as ReportDocument;
}

/** `cors-lens analyze FILE --json`, in process: its exit code and the report it printed. */
export function analyzeWithCli(path: string): { code: number; report: ReportDocument } {
  let out = "";
  const code = run(
    ["analyze", path, "--json"],
    (s) => (out += s),
    () => undefined,
    false,
  );
  return { code, report: JSON.parse(out) as ReportDocument };
}

/**
 * Lab requests that are not the page's own DevTools target's: a dedicated and a shared worker's,
 * and a cross-origin iframe's (an out-of-process frame). Chromium's page session, and the HARs
 * recorded from it, do not hold them.
 */
export const OFF_PAGE = new Set([
  "worker-fetch-missing",
  "shared-worker-fetch-missing",
  "frame-fetch-echo-top",
]);

/** A lab run as the page's `runScenario` returns it. */
export interface LabRun {
  id: string;
  url: string;
  outcome: { ok: boolean };
}

/**
 * For each lab run Chromium gave a verdict for (CDP), what Chromium decided and what a CLI report
 * says of the same URL, in the same words: "allowed", a CorsError name, "net error", "unknown" or
 * "missing". A no-cors fetch Chromium answered (then reported ERR_ABORTED for the body) is "allowed".
 */
export function chromiumAndCli(
  runs: readonly LabRun[],
  oracle: CdpOracle,
  report: ReportDocument,
): Array<{ id: string; chromium: string; cli: string }> {
  return runs.flatMap((r) => {
    const v = oracle.verdictFor(r.url);
    if (!v) return [];
    const x = report.exchanges.findLast((e) => e.url === r.url);
    const chromium =
      v.verdict === "allowed" || (r.outcome.ok && v.errorText === "net::ERR_ABORTED")
        ? "allowed"
        : (v.corsError ?? "net error");
    const cli = !x
      ? "missing"
      : x.verdict === "blocked"
        ? (x.causes[0]?.chromium ?? "net error")
        : x.verdict === "not-cors"
          ? "allowed"
          : x.verdict;
    return [{ id: r.id, chromium, cli }];
  });
}
