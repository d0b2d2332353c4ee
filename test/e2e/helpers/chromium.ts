import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";
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
