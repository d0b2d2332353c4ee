import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export interface DevtoolsLayout {
  /** Where DevTools is docked. @default "right" */
  dock?: "right" | "bottom";
  /** DevTools' own theme setting, which the panel must follow. @default "light" */
  theme?: "light" | "dark";
  /** Width of DevTools docked right, in CSS pixels. @default DevTools' own default */
  sideWidth?: number;
  /** Chromium's UI language (`--lang`, and LANGUAGE, which Chromium on Linux reads). @default English */
  lang?: string;
}

/**
 * A profile whose DevTools settings say where to dock, at what width, in which theme: the same
 * `devtools.preferences` a user's choices are saved to (setting names as in devtools-frontend).
 */
function profileWith(layout: DevtoolsLayout): string {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-chromium-"));
  mkdirSync(join(dir, "Default"));
  const preferences: Record<string, string> = {
    currentDockState: JSON.stringify(layout.dock ?? "right"),
    "ui-theme": JSON.stringify(layout.theme === "dark" ? "dark" : "default"),
  };
  if (layout.sideWidth !== undefined)
    preferences["inspector-view.split-view-state"] = JSON.stringify({ vertical: { size: layout.sideWidth } });
  writeFileSync(join(dir, "Default", "Preferences"), JSON.stringify({ devtools: { preferences } }));
  return dir;
}

/** Opens real DevTools for `url` in headless Chromium and shows the CORS Lens panel
 * (puppeteer's openDevTools + DevToolsAPI.showPanel, a global of devtools_app.html). */
export async function openCorsLensPanel(
  url: string,
  layout: DevtoolsLayout = {},
  dist = DIST_CHROME,
): Promise<DevtoolsSession> {
  requireChromium();
  const userDataDir = profileWith(layout);
  const launched = await puppeteer.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    pipe: true,
    enableExtensions: [dist],
    args: [...CHROMIUM_FLAGS, "--window-size=1280,800", ...(layout.lang ? [`--lang=${layout.lang}`] : [])],
    ...(layout.lang ? { env: { ...process.env, LANGUAGE: layout.lang } } : {}),
    defaultViewport: null,
    userDataDir,
  });
  const browser = launched;
  const closeAll = async () => {
    await launched.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
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
    return { browser, page, devtools, extensionId, panel, close: closeAll };
  } catch (error) {
    await closeAll();
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
