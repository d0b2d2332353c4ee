import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import { CHROMIUM_FLAGS } from "../../../scripts/chromium-flags.mjs";
import { CHROMIUM_BIN, DIST_CHROME, requireChromium } from "./paths";

export interface DevtoolsSession {
  browser: Browser;
  page: Page;
  devtools: Page;
  extensionId: string;
  /** The CORS Lens panel's frame inside the real DevTools window. */
  panel: Frame;
  close(): Promise<void>;
}

/** Opens real DevTools for `url` in headless Chromium and shows the CORS Lens panel
 * (platform-notes §4: puppeteer's openDevTools + DevToolsAPI.showPanel). */
export async function openCorsLensPanel(url: string, dist = DIST_CHROME): Promise<DevtoolsSession> {
  requireChromium();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    pipe: true,
    enableExtensions: [dist],
    args: [...CHROMIUM_FLAGS, "--window-size=1280,800"],
    defaultViewport: null,
  });
  try {
    const worker = await browser.waitForTarget(
      (t) => t.type() === "service_worker" && t.url().startsWith("chrome-extension://"),
      { timeout: 15_000 },
    );
    const extensionId = new URL(worker.url()).host;
    const page = await browser.newPage();
    await page.goto(url);
    const devtools = await page.openDevTools();
    const panelId = `chrome-extension://${extensionId}CORSLens`;
    const panel = await waitFor(async () => {
      await devtools.evaluate((id) => {
        (globalThis as unknown as { DevToolsAPI?: { showPanel(id: string): void } }).DevToolsAPI?.showPanel(
          id,
        );
      }, panelId);
      return devtools.frames().find((f) => f.url().endsWith("/src/devtools/panel.html")) ?? null;
    }, `the CORS Lens panel (${panelId}) in DevTools`);
    return { browser, page, devtools, extensionId, panel, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Polls a condition; never a fixed sleep standing in for one. */
export async function waitFor<T>(
  probe: () => Promise<T | null>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}
