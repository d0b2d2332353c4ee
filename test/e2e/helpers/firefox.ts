import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { GECKO_ID } from "../../../scripts/manifest-for";
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
