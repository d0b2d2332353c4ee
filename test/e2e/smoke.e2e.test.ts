import { describe, expect, it } from "vitest";
import { VERSION } from "../../scripts/version";
import type { StatusReply } from "../../src/protocol/messages";
import { launchChromiumWithExtension } from "./helpers/chromium";
import { openCorsLensPanel, waitFor } from "./helpers/devtools";
import { launchFirefoxWithExtension } from "./helpers/firefox";
import { resultsPath } from "./helpers/paths";

/** The part of an extension page's globals these tests call. */
interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

describe("Chromium", () => {
  it("starts the service worker, which answers a status message", async () => {
    const chromium = await launchChromiumWithExtension();
    try {
      const worker = await chromium.worker();
      expect(worker.url()).toBe(`chrome-extension://${chromium.extensionId}/service-worker-loader.js`);
      const page = await chromium.context.newPage();
      await page.goto(`chrome-extension://${chromium.extensionId}/src/devtools/panel.html`);
      const reply = await page.evaluate(() =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: "cors-lens/status" }),
      );
      expect(reply).toMatchObject({ type: "cors-lens/status", target: "chrome", version: VERSION });
    } finally {
      await chromium.close();
    }
  });

  it("shows the CORS Lens panel in real DevTools", async () => {
    const session = await openCorsLensPanel("data:text/html,<title>inspected</title><h1>inspected page</h1>");
    try {
      const heading = await waitFor(
        () => session.panel.evaluate(() => document.querySelector(".empty h2")?.textContent ?? null),
        "the panel to render its empty state",
      );
      expect(heading).toBe("No cross-origin requests yet");
      await session.devtools.screenshot({ path: resultsPath("smoke-devtools-panel.png") });
    } finally {
      await session.close();
    }
  });
});

describe("Firefox", () => {
  it("installs the add-on, whose background answers a status message", async () => {
    const firefox = await launchFirefoxWithExtension();
    try {
      expect(firefox.addonId).toBe("cors-lens@cors-lens.dev");
      const page = await firefox.openExtensionPage("src/devtools/panel.html");
      const reply = (await page.evaluate(() =>
        (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage({ type: "cors-lens/status" }),
      )) as StatusReply;
      expect(reply).toMatchObject({ type: "cors-lens/status", target: "firefox", version: VERSION });
    } finally {
      await firefox.close();
    }
  });
});
