import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_BIN } from "../../../scripts/chromium-flags.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The Chrome build under test; `CORS_LENS_DIST_CHROME` points the oracle at a variant (bench/listeners). */
export const DIST_CHROME = process.env.CORS_LENS_DIST_CHROME ?? join(ROOT, "dist/chrome");
export const DIST_FIREFOX = join(ROOT, "dist/firefox");
export const RESULTS = join(ROOT, "test-results");

export { CHROMIUM_BIN };
export const FIREFOX_BIN = "/usr/bin/firefox-esr";

/** Fails with a message naming the missing piece and the command that installs it. */
export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} is missing (${path}). ${fix}`);
}

export function requireChromium(): void {
  requireFile(
    CHROMIUM_BIN,
    "Debian's chromium",
    "Run `node scripts/setup.mjs test` as root, or `apt-get install chromium`.",
  );
  requireFile(join(DIST_CHROME, "manifest.json"), "The Chrome build", "Run `npm run build`.");
}

export function requireFirefox(): void {
  requireFile(
    FIREFOX_BIN,
    "Debian's firefox-esr",
    "Run `node scripts/setup.mjs test` as root, or `apt-get install firefox-esr`.",
  );
  requireFile(join(DIST_FIREFOX, "manifest.json"), "The Firefox build", "Run `npm run build`.");
}

export function resultsPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, name);
}
