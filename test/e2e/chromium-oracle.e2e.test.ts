import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "../../lab/server.mjs";
import { nodeSend } from "../../src/cli/probe";
import { runProbe } from "../../src/cli/probe-command";
import type { ReportDocument, ReportExchange } from "../../src/report/report";
import schema from "../../src/report/report.schema.json" with { type: "json" };
import { toReportFile } from "../../src/report/report-file";
import { CdpOracle, type ChromiumVerdict } from "./helpers/cdp-oracle";
import { type ChromiumWithExtension, launchChromiumWithExtension } from "./helpers/chromium";
import { waitFor } from "./helpers/devtools";
import { openExtensionPage, reportFor, tabIdOf } from "./helpers/report";

type Lab = Awaited<ReturnType<typeof startLab>>;
interface Run {
  id: string;
  url: string;
  outcome: { ok: boolean; status?: number; error?: string };
}

interface Row {
  id: string;
  chromium: string;
  extension: string;
  verdictAgrees: boolean;
  nameAgrees: boolean;
  pairingAgrees: boolean;
}

/** Chromium's verdict in the report's terms: a net error without CORS status is `network-error`. */
function chromiumSays(v: ChromiumVerdict): string {
  if (v.verdict === "allowed") return "allowed";
  return v.corsError ?? `net error (${v.errorText})`;
}

function extensionSays(x: ReportExchange): string {
  if (x.verdict !== "blocked") return x.verdict;
  const cause = x.causes[0];
  return cause?.chromium ?? `${cause?.code} (${x.hops[x.hops.length - 1]?.error ?? x.error})`;
}

describe("Chromium oracle: the extension's verdicts against Chromium's own", () => {
  let lab: Lab;
  let chromium: ChromiumWithExtension;
  let runs: Run[];
  let oracle: CdpOracle;
  let report: ReportDocument;

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromiumWithExtension();
    const page = await chromium.context.newPage();
    oracle = await CdpOracle.attach(await chromium.context.newCDPSession(page));
    await page.goto(`${lab.page}/`);
    runs = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    const extensionPage = await openExtensionPage(chromium.context, chromium.extensionId);
    const tabId = await tabIdOf(extensionPage, `${lab.page}/*`);
    let missing: string[] = [];
    report = await waitFor(async () => {
      const r = await reportFor(extensionPage, tabId);
      const seen = new Set(r.exchanges.map((x) => x.url));
      missing = runs.filter((run) => !seen.has(run.url)).map((run) => run.id);
      return missing.length === 0 ? r : null;
    }, "the extension to report every lab request").catch((error: Error) => {
      throw new Error(`${error.message}; missing: ${missing.join(", ")}`);
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  /** Chromium's verdict on a run, as DevTools saw it (or the page, where DevTools did not). */
  const chromiumVerdictOf = (run: Run): ChromiumVerdict => {
    // Requests from a dedicated worker are not on the page's DevTools session: the page's own
    // outcome is Chromium's verdict there.
    const v = oracle.verdictFor(run.url) ?? {
      verdict: run.outcome.ok ? "allowed" : "blocked",
      corsError: null,
      failedParameter: null,
      errorText: "seen by the page only",
      preflights: 0,
    };
    // A no-cors fetch resolves with an opaque response (and a 304 with its headers), after which
    // DevTools reports the discarded body as net::ERR_ABORTED: the page got its response.
    return run.outcome.ok && v.corsError === null && v.errorText === "net::ERR_ABORTED"
      ? { ...v, verdict: "allowed", errorText: null }
      : v;
  };

  it("agrees with Chromium on verdict and CorsError for every lab scenario, and pairs every preflight", () => {
    const rows: Row[] = [];
    for (const run of runs) {
      const x = report.exchanges.findLast((e) => e.url === run.url);
      const chromiumVerdict = chromiumVerdictOf(run);
      // Not on the page's DevTools session (a dedicated worker's): no name or pairing to compare.
      const v = oracle.verdictFor(run.url);
      const extensionVerdict = x?.verdict === "not-cors" ? "allowed" : x?.verdict;
      rows.push({
        id: run.id,
        chromium: chromiumSays(chromiumVerdict),
        extension: x ? extensionSays(x) : "missing",
        verdictAgrees: extensionVerdict === chromiumVerdict.verdict,
        nameAgrees:
          chromiumVerdict.verdict === "allowed" ||
          (x?.causes[0]?.chromium ?? null) === chromiumVerdict.corsError ||
          v === null,
        pairingAgrees:
          v === null ||
          chromiumVerdict.preflights > 0 === (x?.preflight !== null && x?.preflight !== undefined),
      });
    }
    const table = rows.map(
      (r) =>
        `${r.verdictAgrees && r.nameAgrees && r.pairingAgrees ? "ok " : "XX "} ${r.id.padEnd(40)} chromium: ${r.chromium.padEnd(42)} cors-lens: ${r.extension}`,
    );
    const agree = rows.filter((r) => r.verdictAgrees && r.nameAgrees).length;
    const paired = rows.filter((r) => r.pairingAgrees).length;
    console.log(
      `${table.join("\n")}\nagreement ${agree}/${rows.length}, preflight pairing ${paired}/${rows.length}`,
    );
    expect(rows.length).toBe(lab.scenarios.length);
    expect(rows.filter((r) => !(r.verdictAgrees && r.nameAgrees && r.pairingAgrees))).toEqual([]);
  });

  it("cors-lens probe agrees with Chromium on every lab scenario a probe can reproduce", async () => {
    interface Client {
      kind?: string;
      method?: string;
      headers?: Record<string, string>;
      credentials?: string;
      mode?: string;
      warmUp?: boolean;
      target?: string;
    }
    // A probe is one request from a page origin: not an <img>, a font, a worker, an XHR flag, a
    // no-cors or same-origin mode, a preflight cache, or a closed port (its own error message).
    const why = (c: Client): string | null =>
      c.kind && c.kind !== "fetch"
        ? `kind ${c.kind}`
        : c.mode && c.mode !== "cors"
          ? `mode ${c.mode}`
          : c.warmUp
            ? "made twice, for a cache"
            : c.target === "closed"
              ? "no server (probe exits 2: connection refused)"
              : null;
    const rows: string[] = [];
    const excluded: string[] = [];
    let disagree = 0;
    for (const run of runs) {
      const scenario = lab.scenarios.find((sc: { id: string }) => sc.id === run.id) as { client: Client };
      const reason = why(scenario.client);
      if (reason) {
        excluded.push(`${run.id} (${reason})`);
        continue;
      }
      if (!oracle.verdictFor(run.url)) continue;
      const chromiumVerdict = chromiumVerdictOf(run);
      const c = scenario.client;
      let out = "";
      const code = await runProbe(
        [
          run.url.replace(/\?n=.*/, "?n=probe"),
          "--origin",
          lab.page,
          "--method",
          c.method ?? "GET",
          ...Object.entries(c.headers ?? {}).flatMap(([n, v]) => ["--header", `${n}: ${v}`]),
          ...(c.credentials === "include" ? ["--credentials"] : []),
          "--browser",
          "chromium",
          "--format",
          "json",
        ],
        nodeSend,
        (t) => (out += t),
        () => undefined,
        false,
      );
      const x = code === 2 ? undefined : (JSON.parse(out) as ReportDocument).exchanges[0];
      const probeSays = x ? extensionSays(x) : "error";
      const agrees =
        (x?.verdict === "blocked" ? "blocked" : "allowed") === chromiumVerdict.verdict &&
        (chromiumVerdict.verdict === "allowed" ||
          (x?.causes[0]?.chromium ?? null) === chromiumVerdict.corsError);
      if (!agrees) disagree++;
      rows.push(
        `${agrees ? "ok " : "XX "} ${run.id.padEnd(40)} chromium: ${chromiumSays(chromiumVerdict).padEnd(42)} probe: ${probeSays}`,
      );
    }
    console.log(
      `${rows.join("\n")}\nprobe agreement ${rows.length - disagree}/${rows.length}; excluded: ${excluded.join(", ")}`,
    );
    expect(rows.length).toBeGreaterThan(35);
    expect(disagree).toBe(0);
  });

  it("says when a request was served from the preflight cache", () => {
    const run = runs.find((r) => r.id === "preflight-cached-second-request");
    const cached = report.exchanges.filter((e) => e.url === run?.url);
    expect(cached.map((x) => x.preflight !== null)).toEqual([true, false]);
    expect(oracle.verdictFor(run?.url ?? "")?.preflights).toBe(0);
    expect(cached[1]?.findings.map((f) => f.code)).toContain("preflight-cached");
  });

  it("returns a report that validates against the JSON Schema, with secrets redacted", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    // As the panel's "Export report" writes it: format 2, each fix once.
    expect(validate(toReportFile(report)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const text = JSON.stringify(report);
    expect(text).toContain("<redacted>");
    expect(text).not.toContain("lab-session");
  });

  // Last: the worker then controls the lab's origin. The whole lab again, re-issued by the page's
  // service worker (`fetch(e.request)`): Chromium reports those with `tabId: -1`, on the worker's
  // DevTools target, not the page's. Its verdict is the page's outcome; its CorsError the one it
  // gave for the same request without the worker (above).
  it("agrees with Chromium on a page its service worker controls", async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${lab.page}/?sw=1`);
    expect(await page.evaluate(() => (globalThis as unknown as { swReady: Promise<boolean> }).swReady)).toBe(
      true,
    );
    const viaWorker = (await page.evaluate(() =>
      (globalThis as unknown as { runAll(): Promise<unknown> }).runAll(),
    )) as Run[];
    const extensionPage = await openExtensionPage(chromium.context, chromium.extensionId);
    const tabIds = await extensionPage.evaluate(async (p) => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<Array<{ id: number }>> } } }
      ).chrome.tabs.query({ url: p });
      return tabs.map((t) => t.id);
    }, `${lab.page}/?sw=1`);
    expect(tabIds).toHaveLength(1);
    let missing: string[] = [];
    const onTab = await waitFor(async () => {
      const r = await reportFor(extensionPage, tabIds[0] as number);
      missing = viaWorker.filter((run) => !r.exchanges.some((x) => x.url === run.url)).map((run) => run.id);
      return missing.length === 0 ? r : null;
    }, "the worker's requests on the page's tab").catch((error: Error) => {
      throw new Error(`${error.message}; missing: ${missing.join(", ")}`);
    });
    const kindOf = (id: string) =>
      (lab.scenarios.find((sc: { id: string }) => sc.id === id)?.client as { kind?: string } | undefined)
        ?.kind;
    const rows = viaWorker.map((run) => {
      const mine = onTab.exchanges.filter((e) => e.url === run.url);
      const x = mine.at(-1);
      const before = runs.find((r) => r.id === run.id);
      const named = before ? oracle.verdictFor(before.url)?.corsError : undefined;
      // A beacon's page only learns it was queued: Chromium's verdict is the one it gave before.
      const beacon = kindOf(run.id) === "beacon";
      const verdictBefore = before ? oracle.verdictFor(before.url)?.verdict : undefined;
      // The worker's own fetch is the request CORS Lens shows: how it ended is Chromium's verdict.
      const told = lab.workerOutcomes.get(run.url);
      const page =
        told !== undefined
          ? told
            ? "allowed"
            : "blocked"
          : beacon && verdictBefore
            ? verdictBefore
            : run.outcome.ok
              ? "allowed"
              : "blocked";
      const lens = x?.verdict === "not-cors" ? "allowed" : x?.verdict;
      // The preflight-cache scenario makes its request twice by design.
      const once = mine.length === (run.id === "preflight-cached-second-request" ? 2 : 1);
      const agrees =
        once &&
        // A cross-origin iframe is not the worker's client: its requests go out as the frame's.
        (x?.viaWorker === true) === (kindOf(run.id) !== "frame") &&
        lens === page &&
        (page === "allowed" || named === undefined || (x?.causes[0]?.chromium ?? null) === named);
      return `${agrees ? "ok " : "XX "} ${run.id.padEnd(40)} page: ${page.padEnd(8)} cors-lens: ${x ? extensionSays(x) : "missing"}${x?.viaWorker ? " (via worker)" : ""}${once ? "" : ` (${mine.length} exchanges)`}`;
    });
    console.log(
      `${rows.join("\n")}\nagreement via the service worker ${rows.filter((r) => r.startsWith("ok")).length}/${rows.length}`,
    );
    expect(rows.length).toBe(lab.scenarios.length);
    expect(rows.filter((r) => !r.startsWith("ok"))).toEqual([]);
  });
});
