/**
 * "Paste your config" with a Django settings file (issue #23), in the panel page of real Chromium and
 * real Firefox: the Python grammar's wasm is fetched from the extension's own files and compiled in
 * the extension page (its CSP allows 'wasm-unsafe-eval'), and the patch adds the page's header.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { launchFirefoxWithExtension } from "./helpers/firefox";
import { clickMakePatch, clickRowWithCause, FAILURES, pasteConfig, readPatch } from "./helpers/panel-dom";

type Lab = Awaited<ReturnType<typeof startLab>>;

const settings = (origin: string) => `MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["${origin}"]
`;

/** Names the pasted file (the format is told from it); false until the form is there. */
function nameFile(name: string): boolean {
  const input = document.querySelector<HTMLInputElement>(".config-name input");
  if (!input) return false;
  input.value = name;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

interface PanelPage {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  evaluate<R>(fn: () => R): Promise<R>;
}

async function pasteDjango(panel: PanelPage, origin: string) {
  await waitFor(
    () => panel.evaluate(clickRowWithCause, "x-api-key").then((ok) => ok || null),
    "the x-api-key row",
  );
  await waitFor(() => panel.evaluate(pasteConfig, settings(origin)).then((ok) => ok || null), "the form");
  await waitFor(() => panel.evaluate(nameFile, "settings.py").then((ok) => ok || null), "the file name");
  await waitFor(() => panel.evaluate(clickMakePatch).then((ok) => ok || null), "Make the patch");
  const started = Date.now();
  const shown = await waitFor(() => panel.evaluate(readPatch), "the patch");
  return { shown, ms: Date.now() - started };
}

describe("Paste your config: a Django settings file in the panel page", () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  async function runScenarios(page: { goto(u: string): Promise<unknown> } & PanelPage) {
    await page.goto(`${lab.page}/`);
    for (const id of FAILURES)
      await page.evaluate(
        (s: string) =>
          (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
        id,
      );
  }

  it("in Chromium", async () => {
    const chromium = await launchChromiumWithExtension();
    try {
      await runScenarios(await chromium.context.newPage());
      const panel = await chromium.context.newPage();
      await panel.goto(`chrome-extension://${chromium.extensionId}/src/devtools/panel.html`);
      const { shown } = await pasteDjango(panel, lab.page);
      expect(shown.error).toBeNull();
      expect(shown.diff).toMatch(/^\+CORS_ALLOW_HEADERS = \(\*default_headers, "x-api-key"\)$/m);
    } finally {
      await chromium.close();
    }
  });

  it("in Firefox", async () => {
    const firefox = await launchFirefoxWithExtension();
    try {
      await runScenarios(await firefox.browser.newPage());
      const panel = await firefox.openExtensionPage("src/devtools/panel.html");
      const { shown } = await pasteDjango(panel, lab.page);
      expect(shown.error).toBeNull();
      expect(shown.diff).toMatch(/^\+CORS_ALLOW_HEADERS = \(\*default_headers, "x-api-key"\)$/m);
    } finally {
      await firefox.close();
    }
  });
});
