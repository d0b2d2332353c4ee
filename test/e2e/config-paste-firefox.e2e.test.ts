/**
 * "Paste your config" in Firefox (issue #23): the panel page, in a tab of real Firefox with the
 * add-on, lists the lab's failures; the pasted nginx file's patch is made there, by the configuration
 * readers loaded on first use from the add-on's own files (moz-extension://).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { waitFor } from "./helpers/devtools";
import { type FirefoxWithExtension, launchFirefoxWithExtension } from "./helpers/firefox";
import {
  clickMakePatch,
  clickRowWithCause,
  FAILURES,
  labNginxConf,
  pasteConfig,
  readPatch,
} from "./helpers/panel-dom";

type Lab = Awaited<ReturnType<typeof startLab>>;

describe("Paste your config, in Firefox's panel page", () => {
  let lab: Lab;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefoxWithExtension();
    const page = await firefox.browser.newPage();
    await page.goto(`${lab.page}/`);
    for (const id of FAILURES)
      await page.evaluate(
        (s) => (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
        id,
      );
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it("makes the patch for a pasted nginx configuration from the recorded requests", async () => {
    const panel = await firefox.openExtensionPage("src/devtools/panel.html");
    await waitFor(
      () => panel.evaluate(clickRowWithCause, "x-api-key").then((ok) => ok || null),
      "the x-api-key row",
    );
    await waitFor(
      () => panel.evaluate(pasteConfig, labNginxConf(lab.page)).then((ok) => ok || null),
      "the Paste your config form",
    );
    await waitFor(() => panel.evaluate(clickMakePatch).then((ok) => ok || null), "Make the patch");
    const shown = await waitFor(() => panel.evaluate(readPatch), "the patch");
    expect(shown.error).toBeNull();
    expect(shown.diff).toMatch(/^\+\s*add_header Access-Control-Allow-Headers "[^"]*x-api-key/im);
    expect(shown.diff).not.toMatch(/^[-+]\s*# the lab's API/m);
  });
});
