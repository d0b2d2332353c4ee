import type { BrowserContext, Page } from "playwright-core";
import { run } from "../../../src/cli/main";
import type { ReportDocument } from "../../../src/report/report";

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
export async function tabIdOf(extensionPage: Page, pattern: string): Promise<number> {
  const id = await extensionPage.evaluate(async (p) => {
    const tabs = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ url: p });
    return tabs[0]?.id ?? null;
  }, pattern);
  if (id === null) throw new Error(`no tab matches ${pattern}`);
  return id;
}

/** The `cors-lens/report` message of report-format.md. */
export async function reportFor(
  extensionPage: Page,
  tabId: number | null,
  includeSecrets = false,
): Promise<ReportDocument> {
  return (await extensionPage.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message),
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
