/**
 * A page whose service worker re-issues its cross-origin requests (`fetch(e.request)`): Chromium
 * reports them with `tabId: -1`. CORS Lens must attribute them to the page's tab, mark them "via
 * worker", and decide them as Chromium did (the page's own outcome; the names as the lab oracle
 * established them for the same endpoints).
 */
import { describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { openExtensionPage, reportFor, tabIdOf } from "./helpers/report";

interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean };
}

/** Chromium's CorsError for these endpoints (test/e2e/chromium-oracle.e2e.test.ts); null: allowed. */
const EXPECTED: Record<string, string | null> = {
  "acao-missing": "MissingAllowOriginHeader",
  "seed-django-missing-header": "HeaderDisallowedByPreflightResponse",
  "preflight-method-missing": "MethodDisallowedByPreflightResponse",
  "credentials-ok": null,
  "preflight-ok-put": null,
};

describe("requests re-issued by the page's service worker (Chromium)", () => {
  it("are attributed to the page's tab, marked, and decided as Chromium decided", async () => {
    const lab = await startLab();
    const chromium = await launchChromiumWithExtension();
    try {
      const page = await chromium.context.newPage();
      await page.goto(`${lab.page}/?sw=1`);
      expect(
        await page.evaluate(() => (globalThis as unknown as { swReady: Promise<boolean> }).swReady),
      ).toBe(true);
      const runs: Run[] = [];
      for (const id of Object.keys(EXPECTED))
        runs.push(
          (await page.evaluate(
            (s) => (globalThis as unknown as { runScenario(id: string): Promise<unknown> }).runScenario(s),
            id,
          )) as Run,
        );
      // The page's fetches really went through the worker: the lab saw them, with the page's origin.
      expect(
        lab.log.filter((l: { url: string }) => runs.some((r) => r.url.endsWith(l.url))).length,
      ).toBeGreaterThan(0);
      const extension = await openExtensionPage(chromium.context, chromium.extensionId);
      const tabId = await tabIdOf(extension, `${lab.page}/*`);
      let missing: string[] = [];
      const report = await waitFor(async () => {
        const r = await reportFor(extension, tabId);
        missing = runs.filter((run) => !r.exchanges.some((x) => x.url === run.url)).map((run) => run.id);
        return missing.length === 0 ? r : null;
      }, "CORS Lens to report the worker's requests on the page's tab").catch((error: Error) => {
        throw new Error(`${error.message}; missing: ${missing.join(", ")}`);
      });
      const rows = runs.map((run) => {
        const x = report.exchanges.find((e) => e.url === run.url);
        return {
          id: run.id,
          page: run.outcome.ok ? "allowed" : "blocked",
          lens: x?.verdict === "not-cors" ? "allowed" : x?.verdict,
          name: x?.causes[0]?.chromium ?? null,
          viaWorker: x?.viaWorker === true,
        };
      });
      console.log(
        rows
          .map(
            (r) =>
              `${r.id.padEnd(32)} page: ${r.page.padEnd(8)} cors-lens: ${r.lens} ${r.name ?? ""}${r.viaWorker ? " (via worker)" : ""}`,
          )
          .join("\n"),
      );
      for (const r of rows) {
        expect(r.viaWorker, r.id).toBe(true);
        expect(r.lens, r.id).toBe(r.page);
        expect(r.name, r.id).toBe(EXPECTED[r.id]);
        expect(r.page, r.id).toBe(EXPECTED[r.id] === null ? "allowed" : "blocked");
      }
    } finally {
      await chromium.close();
      await lab.close();
    }
  });
});
