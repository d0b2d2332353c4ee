import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { GECKO_ID } from "../../../scripts/manifest-for";
import type { Evaluates } from "./burst";
import { waitFor } from "./devtools";
import { DIST_FIREFOX, FIREFOX_BIN, requireFirefox } from "./paths";

/** Pinned so tests can open moz-extension:// pages (the `extensions.webextensions.uuids` pref). */
export const FIREFOX_EXTENSION_UUID = "5d1f7e0a-cc0e-4b5e-9d1a-c0c5c0de1e25";

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /** Opens an extension page in a tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(dist = DIST_FIREFOX): Promise<FirefoxWithExtension> {
  requireFirefox();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_BIN,
    headless: true,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    },
  });
  try {
    const addonId = await browser.installExtension(dist);
    return {
      browser,
      addonId,
      async openExtensionPage(path) {
        const page = await browser.newPage();
        const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
        // With system access, goto() on a moz-extension:// URL never resolves: fire it and poll.
        page.goto(url).catch(() => undefined);
        await waitFor(
          () =>
            page.evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete"),
          `${url} to load`,
        );
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface BackgroundGlobal {
  browser: { runtime: { getBackgroundPage(): Promise<{ __corsLensLife?: string }> } };
}

/**
 * about:debugging's "Terminate background script" for the add-on (the button a developer uses):
 * Firefox unloads the event page; the next event starts it again. `mark` sets a token on the
 * background page's global through `reader` (an extension page) and returns the one before: a new
 * background page has none, which is how a stop is told from a click that did nothing.
 */
export async function backgroundControl(firefox: FirefoxWithExtension, reader: Page) {
  const debugging = await firefox.browser.newPage();
  debugging.goto("about:debugging#/runtime/this-firefox").catch(() => undefined);
  await waitFor(
    () => debugging.evaluate(() => document.body?.textContent?.includes("CORS Lens") ?? false),
    "about:debugging listing CORS Lens",
  );
  const mark = (token: string | null) =>
    reader.evaluate(async (value: string | null) => {
      const page = await (globalThis as unknown as BackgroundGlobal).browser.runtime.getBackgroundPage();
      const before = page.__corsLensLife ?? null;
      if (value !== null) page.__corsLensLife = value;
      return before;
    }, token);
  const terminate = () =>
    debugging
      .evaluate(() => {
        const button = [...document.querySelectorAll("button")].find(
          (b) => b.textContent === "Terminate background script",
        );
        button?.click();
        return button !== undefined;
      })
      .catch(() => false);
  return {
    mark,
    terminate,
    /** Terminates the background and waits until a new background page answers. */
    async stop(): Promise<void> {
      const token = `stop-${Date.now()}`;
      await mark(token);
      if (!(await terminate())) throw new Error("about:debugging has no Terminate background script button");
      await waitFor(
        async () => ((await mark(null).catch(() => token)) !== token ? true : null),
        "a new background page",
      );
    },
  };
}

/** A Puppeteer page as the shared e2e helpers take one (Playwright's shape). */
export function evaluating(page: Page): Evaluates & {
  textContent(selector: string): Promise<string | null>;
  close(): Promise<void>;
} {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    textContent: (selector) => page.$eval(selector, (el) => el.textContent).catch(() => null),
    close: () => page.close(),
  };
}
