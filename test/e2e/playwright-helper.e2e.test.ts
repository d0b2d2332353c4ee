/**
 * `cors-lens/playwright` in a Playwright test as users write one: real playwright-core driving
 * Debian's Chromium (no extension) through the lab. The helper's verdicts must agree with Chromium's
 * own (CDP's CORS error), and its assertion must fail with the cause and the fix.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import puppeteer, { type HTTPRequest, type Page as PuppeteerPage } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import type { CorsLens, PageLike, RequestLike } from "../../src/playwright";
import { startServers } from "../fixtures/playwright-project/servers";
import { CdpOracle } from "./helpers/cdp-oracle";
import { CHROMIUM_FLAGS } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { CHROMIUM_BIN, FIREFOX_BIN, ROOT, requireChromium, requireFile, resultsPath } from "./helpers/paths";
import { analyzeWithCli } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean };
}

describe("cors-lens/playwright", () => {
  let lab: Lab;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let lens: CorsLens;
  let oracle: CdpOracle;
  let runs: Run[];

  beforeAll(async () => {
    requireChromium();
    lab = await startLab();
    browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    // What users import: the built package entry (package.json "exports": "./playwright").
    const { attachCorsLens } = (await import(
      join(ROOT, "dist/cli/playwright.mjs")
    )) as typeof import("../../src/playwright");
    lens = await attachCorsLens(page);
    oracle = await CdpOracle.attach(await page.context().newCDPSession(page));
    await page.goto(`${lab.page}/`);
    runs = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    // The late events of the last requests: the helper has seen every cross-origin request end,
    // and Chromium has said on the oracle's session how each ended.
    expect(await lens.settle()).toEqual([]);
    await waitFor(
      async () => runs.every((run) => oracle.ended(run.url)),
      "Chromium's verdict on every lab request",
    );
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it("agrees with Chromium's own verdict and CorsError on every lab request it can see", () => {
    const report = lens.report();
    const rows = runs.flatMap((run) => {
      const seen = oracle.verdictFor(run.url);
      if (!seen) return []; // a dedicated worker's request: not on the page's session
      // A no-cors fetch resolves with an opaque response; DevTools then reports the discarded body
      // as net::ERR_ABORTED: the page got its response (as in chromium-oracle.e2e.test.ts).
      const v =
        run.outcome.ok && seen.corsError === null && seen.errorText === "net::ERR_ABORTED"
          ? { ...seen, verdict: "allowed" as const }
          : seen;
      const x = report.exchanges.findLast((e) => e.url === run.url);
      const mine = x?.verdict === "not-cors" ? "allowed" : x?.verdict;
      const agrees =
        mine === v.verdict && (v.verdict === "allowed" || x?.causes[0]?.chromium === v.corsError);
      return [
        { id: run.id, agrees, chromium: v.corsError ?? v.verdict, lens: x?.causes[0]?.chromium ?? mine },
      ];
    });
    console.log(
      `playwright helper: ${rows.filter((r) => r.agrees).length}/${rows.length} agree with Chromium`,
    );
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => !r.agrees)).toEqual([]);
    expect(lens.limitations).toEqual([]);
  });

  it("writes a HAR that the CLI reads back to the same verdicts (what Playwright's recordHar cannot)", () => {
    const path = resultsPath("playwright-helper.har");
    writeFileSync(path, lens.har());
    const { report } = analyzeWithCli(path);
    const live = lens.report();
    const differ = live.exchanges.filter((x) => {
      const back = report.exchanges.find((y) => y.url === x.url && y.method === x.method);
      return back?.verdict !== x.verdict || back?.causes[0]?.code !== x.causes[0]?.code;
    });
    expect(report.exchanges.length).toBe(live.exchanges.length);
    expect(differ.map((x) => x.url)).toEqual([]);
    expect(report.exchanges.filter((x) => x.verdict === "blocked").length).toBeGreaterThan(30);
  });

  it("fails the test with the cause, both browsers' names and the fix", async () => {
    let message = "";
    try {
      await lens.assertNoCorsErrors();
    } catch (error) {
      message = (error as Error).message;
    }
    console.log(message.split("\n\n").slice(0, 3).join("\n\n"));
    expect(message).toMatch(/^CORS Lens: \d+ cross-origin requests failed \(blocked by CORS policy/);
    expect(message).toContain("/s/seed-django-missing-header?n=");
    expect(message).toContain(
      "Request header x-api-key not allowed (Chromium HeaderDisallowedByPreflightResponse, Firefox CORSMissingAllowHeaderFromPreflight2)",
    );
    expect(message).toMatch(/Fix \(Django \(hand-written middleware\)\):\n {4}# /);
  });
});

/** What Playwright Test's JSON reporter writes (the parts read here). */
interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: Array<{
    title: string;
    tests: Array<{ results: Array<{ status: string; errors: Array<{ message?: string }> }> }>;
  }>;
}

/**
 * The real `playwright test` CLI on a user's project (test/fixtures/playwright-project), the helper
 * used as the README shows: each test acts, then asserts at once. Against an API without CORS
 * headers every run of every test must fail, with the request, the cause and the fix in its error;
 * against the same API with them, every run must pass. Playwright starts a new worker (a new
 * browser) after each failed test, seconds each on this shared 2-core machine: the README's flow
 * and the failure 1 ms before the assertion run 50 times, the other failing flows 5 times each.
 */
describe("cors-lens/playwright in Playwright Test, run after run", () => {
  const PROJECT = join(ROOT, "test/fixtures/playwright-project");
  const CLI = join(ROOT, "node_modules/@playwright/test/cli.js");
  // 50 for the issue's must-show (`CORS_LENS_PLAYWRIGHT_REPEAT=50`, 12–15 min on this machine under
  // load: Playwright starts a new browser after every failed run); in `npm test`, whose whole run must
  // stay within CI's time, 10 runs of the two key failing flows, 3 of each other failing flow and 5 of
  // every passing one (the helper's risk is passing a failing page: the failing runs weigh most).
  const REPEAT = Number(process.env.CORS_LENS_PLAYWRIGHT_REPEAT ?? 10);
  const OTHER_REPEAT = Number(process.env.CORS_LENS_PLAYWRIGHT_REPEAT ?? 3);
  const CLEAN_REPEAT = Number(process.env.CORS_LENS_PLAYWRIGHT_REPEAT ?? 5);
  // Playwright matches --grep against the whole title ("[chromium] › failing.spec.ts › …"): no anchors.
  const KEY_FLOWS = /save, then assert at once|a response that fails 1 ms before the assertion/;

  function runSuite(spec: string, repeat: number, grep: { only?: RegExp; except?: RegExp } = {}) {
    const output = resultsPath(`playwright-project-${spec}.json`);
    rmSync(output, { force: true });
    const filters = [
      ...(grep.only ? ["--grep", grep.only.source] : []),
      ...(grep.except ? ["--grep-invert", grep.except.source] : []),
    ];
    const run = spawnSync(
      process.execPath,
      [CLI, "test", "-c", PROJECT, spec, "--repeat-each", String(repeat), "--reporter", "json", ...filters],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: output, CHROMIUM_BIN, FORCE_COLOR: "0" },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const report = JSON.parse(readFileSync(output, "utf8")) as { suites: JsonSuite[] };
    const results: Array<{ title: string; status: string; message: string }> = [];
    const walk = (suite: JsonSuite) => {
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests)
          for (const result of test.results)
            results.push({
              title: spec.title,
              status: result.status,
              message: result.errors.map((e) => e.message ?? "").join("\n"),
            });
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of report.suites) walk(suite);
    return { status: run.status, stderr: run.stderr, results };
  }

  // Each test's request and what the error must say about it.
  const EXPECTED: Record<string, RegExp> = {
    "save, then assert at once":
      /PUT http:\/\/127\.0\.0\.1:\d+\/items\/1: Preflight has no Access-Control-Allow-Origin \(Chromium PreflightMissingAllowOriginHeader[\s\S]*Fix \(/,
    "a save the click handler starts a moment later":
      /PUT http:\/\/127\.0\.0\.1:\d+\/items\/1: Preflight has no Access-Control-Allow-Origin[\s\S]*Fix \(/,
    "a request made while the page loads":
      /GET http:\/\/127\.0\.0\.1:\d+\/items: No Access-Control-Allow-Origin header \(Chromium MissingAllowOriginHeader[\s\S]*Fix \(/,
    "a response that fails 1 ms before the assertion":
      /GET http:\/\/127\.0\.0\.1:\d+\/held: No Access-Control-Allow-Origin header[\s\S]*Fix \(/,
    "a response from page.route":
      /GET http:\/\/127\.0\.0\.1:\d+\/routed: failed, cause not recorded \(net::ERR_FAILED; Chromium's CORS error: AllowOriginMismatch\)/,
    "a request the service worker makes":
      /GET http:\/\/127\.0\.0\.1:\d+\/items\?from=sw: failed, cause not recorded \(net::ERR_FAILED/,
    "the fixture, with no assertion in the test":
      /PUT http:\/\/127\.0\.0\.1:\d+\/items\/1: Preflight has no Access-Control-Allow-Origin[\s\S]*Fix \(/,
  };

  /** Per test title: how many runs failed with the expected error, of how many. */
  function failedAsExpected(results: Array<{ title: string; status: string; message: string }>) {
    const byTitle: Record<string, typeof results> = {};
    for (const r of results) byTitle[r.title] = [...(byTitle[r.title] ?? []), r];
    // A run that did not fail as expected, as it ended: a pass (the helper passed a failing page) and
    // a timeout (a wait that never ended) are different bugs.
    for (const r of results)
      if (!(r.status === "failed" && EXPECTED[r.title]?.test(r.message)))
        console.log(
          `not as expected: ${r.title}: ${r.status}: ${r.message.split("\n").slice(0, 3).join(" | ")}`,
        );
    return Object.fromEntries(
      Object.entries(byTitle).map(([title, rs]) => [
        title,
        `${rs.filter((r) => r.status === "failed" && EXPECTED[title]?.test(r.message)).length}/${rs.length}`,
      ]),
    );
  }

  it(`fails ${REPEAT} of ${REPEAT} runs of the README's flow and of a failure 1 ms before the assertion`, () => {
    requireChromium();
    const { status, stderr, results } = runSuite("failing.spec.ts", REPEAT, { only: KEY_FLOWS });
    const counts = failedAsExpected(results);
    console.log("failing.spec.ts, failed with the expected error:", counts);
    expect(status, stderr).toBe(1);
    expect(counts).toEqual({
      "save, then assert at once": `${REPEAT}/${REPEAT}`,
      "a response that fails 1 ms before the assertion": `${REPEAT}/${REPEAT}`,
    });
  }, 3_600_000);

  it(`fails ${OTHER_REPEAT} of ${OTHER_REPEAT} runs of each other failing flow (a later request, page load, page.route, a service worker, the fixture)`, () => {
    requireChromium();
    const { status, stderr, results } = runSuite("failing.spec.ts", OTHER_REPEAT, { except: KEY_FLOWS });
    const counts = failedAsExpected(results);
    console.log("failing.spec.ts, failed with the expected error:", counts);
    expect(status, stderr).toBe(1);
    expect(counts).toEqual(
      Object.fromEntries(
        Object.keys(EXPECTED)
          .filter((title) => !KEY_FLOWS.test(title))
          .map((title) => [title, `${OTHER_REPEAT}/${OTHER_REPEAT}`]),
      ),
    );
  }, 1_800_000);

  it(`passes ${CLEAN_REPEAT} of ${CLEAN_REPEAT} runs of every test when the API allows the page's origin`, () => {
    requireChromium();
    const { status, stderr, results } = runSuite("clean.spec.ts", CLEAN_REPEAT);
    const failed = results.filter((r) => r.status !== "passed");
    console.log(`clean.spec.ts: ${results.length - failed.length}/${results.length} passed`);
    expect(failed.map((r) => `${r.title}: ${r.status} ${r.message}`)).toEqual([]);
    expect(results.length).toBe(Object.keys(EXPECTED).length * CLEAN_REPEAT);
    expect(status, stderr).toBe(0);
  }, 1_800_000);
});

/**
 * A Puppeteer page in the shape the helper reads (Playwright's): Playwright cannot drive Debian's
 * firefox-esr (see the fixture project's config), so Firefox is driven as the repository's other
 * Firefox tests drive it, by Puppeteer over WebDriver BiDi, and the helper takes its request events
 * (its path for every browser but Chromium). No redirects in these pages: `redirectedFrom` is null.
 */
function playwrightShaped(page: PuppeteerPage): PageLike {
  const shaped = new WeakMap<HTTPRequest, RequestLike>();
  const request = (r: HTTPRequest): RequestLike => {
    let s = shaped.get(r);
    if (!s) {
      s = {
        url: () => r.url(),
        method: () => r.method(),
        resourceType: () => r.resourceType(),
        allHeaders: async () => r.headers(),
        failure: () => r.failure(),
        redirectedFrom: () => null,
        response: async () => {
          const res = r.response();
          return res ? { status: () => res.status(), allHeaders: async () => res.headers() } : null;
        },
      };
      shaped.set(r, s);
    }
    return s;
  };
  return {
    url: () => page.url(),
    context: () => ({ browser: () => ({ browserType: () => ({ name: () => "firefox" }) }) }),
    on: (event, listener) => page.on(event, (r: HTTPRequest) => listener(request(r))),
    evaluate: (expression) => page.evaluate(expression as unknown as string),
  };
}

describe("cors-lens/playwright's request-event path, in Firefox", () => {
  // 20 each for the issue's count (`CORS_LENS_FIREFOX_HELPER_RUNS=20`); 10 in `npm test` (CI's time).
  const RUNS = Number(process.env.CORS_LENS_FIREFOX_HELPER_RUNS ?? 10);

  it(`act, then assert at once: fails ${RUNS} of ${RUNS} runs against the broken API, passes ${RUNS} of ${RUNS} against the right one`, async () => {
    requireFile(FIREFOX_BIN, "Debian's firefox-esr", "Run `node scripts/setup.mjs test` as root.");
    const { attachCorsLens } = (await import(
      join(ROOT, "dist/cli/playwright.mjs")
    )) as typeof import("../../src/playwright");
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX_BIN,
      headless: true,
    });
    const outcomes: Record<string, string[]> = {};
    try {
      for (const corsAllowed of [false, true]) {
        const servers = await startServers(corsAllowed);
        try {
          for (let i = 0; i < RUNS; i++) {
            for (const flow of ["save", "held"] as const) {
              const page = await browser.newPage();
              const lens = await attachCorsLens(playwrightShaped(page));
              await page.goto(`${servers.app}/?api=${encodeURIComponent(servers.api)}`);
              if (flow === "save") await page.click("#save");
              else {
                await page.click("#held");
                await servers.held();
                servers.release();
                await new Promise((resolve) => setTimeout(resolve, 1));
              }
              const outcome = await lens.assertNoCorsErrors().then(
                () => "passed",
                (error: Error) => error.message,
              );
              const key = `${corsAllowed ? "right" : "broken"} ${flow}`;
              outcomes[key] = [...(outcomes[key] ?? []), outcome];
              await page.close();
            }
          }
        } finally {
          await servers.close();
        }
      }
    } finally {
      await browser.close();
    }
    const failedWith = (key: string, pattern: RegExp) =>
      `${(outcomes[key] ?? []).filter((o) => pattern.test(o)).length}/${outcomes[key]?.length}`;
    const counts = {
      "broken save": failedWith("broken save", /PUT http:\/\/127\.0\.0\.1:\d+\/items\/1: /),
      "broken held": failedWith("broken held", /GET http:\/\/127\.0\.0\.1:\d+\/held: /),
      "right save": failedWith("right save", /^passed$/),
      "right held": failedWith("right held", /^passed$/),
    };
    console.log(
      "Firefox, request-event path:",
      counts,
      (outcomes["broken save"] ?? [])[0]?.split("\n").slice(0, 3),
    );
    expect(counts).toEqual({
      "broken save": `${RUNS}/${RUNS}`,
      "broken held": `${RUNS}/${RUNS}`,
      "right save": `${RUNS}/${RUNS}`,
      "right held": `${RUNS}/${RUNS}`,
    });
  }, 600_000);
});
