#!/usr/bin/env node
// `npm run demo`: the lab with CORS Lens loaded in Chromium. With a display it opens Chromium with
// DevTools on the lab page; with --headless (or no display) it runs every lab scenario and prints
// the extension's own report as a table.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startLab } from "../lab/server.mjs";
import { CHROMIUM_FLAGS, HEADLESS } from "./chromium-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist/chrome");
const headless = process.argv.includes("--headless") || !process.env.DISPLAY;

async function labOnFixedPorts() {
  try {
    return await startLab({ pagePort: 5601, apiPort: 5602, otherPort: 5603 });
  } catch {
    return await startLab(); // 5601–5603 busy: any free ports
  }
}

const lab = await labOnFixedPorts();
const profile = mkdtempSync(join(tmpdir(), "cors-lens-demo-"));
const args = [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`];
if (headless) args.push(HEADLESS);
else args.push("--auto-open-devtools-for-tabs");
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: false,
  args,
  viewport: null,
});
const cleanup = async () => {
  await context.close().catch(() => undefined);
  await lab.close();
  rmSync(profile, { recursive: true, force: true });
};

// The extension observes only once its worker runs: wait for it before the lab page loads.
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
const page = await context.newPage();
for (const blank of context.pages()) if (blank !== page) await blank.close();
await page.goto(`${lab.page}/`);

if (!headless) {
  process.stdout.write(
    `CORS Lens demo: ${lab.page}/ is open in Chromium with DevTools. Pick the "CORS Lens" tab, then run scenarios.\nPress Ctrl+C to stop.\n`,
  );
  process.on("SIGINT", () => void cleanup().then(() => process.exit(0)));
  context.on("close", () => void cleanup().then(() => process.exit(0)));
} else {
  const extensionId = new URL(worker.url()).host;
  const runs = await page.evaluate(() => globalThis.runAll());
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/src/devtools/panel.html`);
  let report;
  for (let i = 0; i < 100; i++) {
    report = await extensionPage.evaluate(async (pattern) => {
      const [tab] = await chrome.tabs.query({ url: pattern });
      return chrome.runtime.sendMessage({ type: "cors-lens/report", tabId: tab?.id ?? null });
    }, `${lab.page}/*`);
    if (runs.every((r) => report.exchanges.some((x) => x.url === r.url))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = runs.map((run) => {
    const x = report.exchanges.find((e) => e.url === run.url);
    const cause = x?.causes[0];
    return [
      run.id,
      x?.verdict ?? "missing",
      cause?.chromium ?? cause?.code ?? "",
      cause?.title ?? x?.findings[0]?.title ?? "",
    ];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  const line = (r) =>
    `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`;
  process.stdout.write(
    `${line(["scenario", "verdict", "Chromium", "CORS Lens says"])}\n${line(widths.map((w) => "-".repeat(w)).concat("-".repeat(14)))}\n`,
  );
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  const blocked = rows.filter((r) => r[1] === "blocked").length;
  process.stdout.write(
    `\n${rows.length} lab scenarios, ${blocked} blocked, as reported by the CORS Lens extension in Chromium.\n`,
  );
  await cleanup();
}
