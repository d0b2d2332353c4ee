import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { CHROMIUM_FLAGS as BASE, HEADLESS } from "../chromium-flags.mjs";

export const CHROMIUM_FLAGS = [HEADLESS, ...BASE];

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Debian's Chromium with the built extension in a fresh profile; its worker is up when this returns. */
export async function launchWithExtension(dist, prefix = "cors-lens-bench-") {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: false, // --headless=new is in CHROMIUM_FLAGS
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent("serviceworker");
  return {
    context,
    extensionId: new URL(context.serviceWorkers()[0].url()).host,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Puppeteer's Chromium with the built extension (its own headless flag, so --headless=new is left out). */
export function launchPuppeteerWithExtension(root) {
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    pipe: true,
    protocolTimeout: 600_000,
    enableExtensions: [`${root}/dist/chrome`],
    args: CHROMIUM_FLAGS.filter((f) => f !== "--headless=new"),
  });
}
