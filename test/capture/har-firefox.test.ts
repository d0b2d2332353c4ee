/**
 * A HAR really recorded by Firefox 153's Network monitor (test/e2e/har-firefox.e2e.test.ts wrote it,
 * with what Firefox itself logged for each request of that run): its shape (the request's start
 * recorded before its preflight's, no error marker on blocked responses) read without a browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHar } from "../../src/capture/har-import";
import { analyzeHar } from "../../src/report/analyze-har";
import { ROOT } from "../e2e/helpers/paths";

const DIR = join(ROOT, "test/fixtures/har");
const text = readFileSync(join(DIR, "firefox-netmonitor.har"), "utf8");
const firefoxSaid = JSON.parse(readFileSync(join(DIR, "firefox-netmonitor.verdicts.json"), "utf8")) as Record<
  string,
  string
>;

describe("a HAR recorded by Firefox", () => {
  it("is recognized as Firefox's, with its preflights paired to their requests", () => {
    const har = parseHar(text);
    expect(har.recordedBy).toBe("firefox");
    expect(har.hasPreflights).toBe(true);
    const options = JSON.parse(text).log.entries.filter(
      (e: { request: { method: string } }) => e.request.method === "OPTIONS",
    );
    const paired = har.exchanges.filter((x) => x.preflight !== null && x.hops.length > 0);
    // Every preflight whose request went out is paired: none is left over as a preflight-only exchange.
    const orphans = har.exchanges.filter((x) => x.preflight !== null && x.hops.length === 0);
    expect(paired.length + orphans.length).toBe(options.length);
    expect(
      orphans.every(
        (x) => x.url.includes("/s/preflight-") || x.url.includes("/s/seed-django-missing-header"),
      ),
    ).toBe(true);
  });

  it("gives every request Firefox's own verdict and reason key", () => {
    const { report } = analyzeHar(text, "firefox-netmonitor.har");
    const rows = Object.entries(firefoxSaid).map(([url, said]) => {
      const x = report.exchanges.findLast((e) => e.url === url);
      const ours =
        x?.verdict === "blocked"
          ? (x.causes[0]?.firefox ?? "blocked (no CORS reason)")
          : x?.verdict === "not-cors"
            ? "allowed"
            : (x?.verdict ?? "missing");
      return { url, said, ours };
    });
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.said !== r.ours)).toEqual([]);
  });
});
