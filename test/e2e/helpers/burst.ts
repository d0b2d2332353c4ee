/**
 * A burst of mixed lab requests made by the page (simple, preflighted, failing CORS, refused,
 * slow), and the comparison of CORS Lens's report with the page's own record of it: what a test
 * that stops the extension's background during traffic counts.
 */
import type { ReportDocument } from "../../../src/report/report";

/** The kinds of request a real page mixes; every fifth request is slow (0.3–1.5 s). */
export const BURST_MIX = [
  "acao-missing", // simple, blocked
  "preflight-ok-put", // preflighted, allowed
  "credentials-ok", // credentialed, allowed
  "seed-django-missing-header", // preflight rejects a header
  "acao-echo-no-vary", // simple, allowed
  "preflight-method-missing", // preflight rejects the method
  "network-refused", // connection refused
  "seed-django-wildcard-credentials", // * with credentials
] as const;

export interface BurstRun {
  id: string;
  url: string;
  outcome: { ok: boolean };
  /** When the page made it and when its fetch settled (the page's Date.now(), the test's clock). */
  startedAt?: number;
  endedAt?: number;
}

/** What Playwright's and Puppeteer's pages share: evaluating a function with one argument. */
export interface Evaluates {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The page makes `n` requests, `concurrency` at a time, as an app does. */
export function runBurst(page: Evaluates, n: number, concurrency: number): Promise<BurstRun[]> {
  return page.evaluate(
    async ([mix, count, lanes]) => {
      const lab = globalThis as unknown as { runScenario(id: string, delayMs: number): Promise<BurstRun> };
      const out: BurstRun[] = [];
      let next = 0;
      const lane = async () => {
        while (next < count) {
          const i = next++;
          const delay = i % 5 === 4 ? 300 + ((i * 137) % 1200) : 0;
          const startedAt = Date.now();
          const run = await lab.runScenario(mix[i % mix.length] as string, delay);
          out.push({ ...run, startedAt, endedAt: Date.now() });
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return out;
    },
    [BURST_MIX as readonly string[], n, concurrency] as const,
  ) as Promise<BurstRun[]>;
}

export interface Tally {
  lost: string[];
  twice: string[];
  /** Paired with a preflight the API never answered for it (another request's, or none at all). */
  mispaired: string[];
  /** No preflight although the API answered one: the browser never delivered its events. */
  preflightUnseen: string[];
  wrong: string[];
  /**
   * Shown with an unknown verdict: the browser never delivered enough of them to decide (their
   * end, or everything but their end, went to a worker being stopped). Undecided, not wrong.
   */
  undecided: string[];
}

/**
 * Each page request against the report. `preflighted`: the URLs the API saw an OPTIONS for (the
 * lab's log). `names`: the first cause's browser name per scenario, from a run without stops.
 */
export function tally(
  runs: readonly BurstRun[],
  report: ReportDocument,
  preflighted: ReadonlySet<string>,
  names: ReadonlyMap<string, string | null>,
  browser: "chromium" | "firefox",
): Tally {
  const t: Tally = {
    lost: [],
    twice: [],
    mispaired: [],
    preflightUnseen: [],
    wrong: [],
    undecided: [],
  };
  const byUrl = new Map<string, ReportDocument["exchanges"]>();
  for (const x of report.exchanges) byUrl.set(x.url, [...(byUrl.get(x.url) ?? []), x]);
  for (const run of runs) {
    const found = byUrl.get(run.url) ?? [];
    const x = found[0];
    if (!x) {
      t.lost.push(run.url);
      continue;
    }
    if (found.length > 1) t.twice.push(`${run.url}: ${found.map(describeExchange).join(" | ")}`);
    const path = new URL(run.url).pathname + new URL(run.url).search;
    if (x.preflight && (!preflighted.has(path) || x.preflight.url !== run.url))
      t.mispaired.push(`${run.url}: ${describeExchange(x)}`);
    else if (!x.preflight && preflighted.has(path))
      t.preflightUnseen.push(`${run.url}: ${describeExchange(x)}`);
    if (x.verdict === "unknown") {
      t.undecided.push(`${run.url}: ${describeExchange(x)} — ${x.evidence.unknownReason}`);
      continue;
    }
    const verdict = x.verdict === "not-cors" ? "allowed" : x.verdict;
    const name = x.causes[0]?.[browser] ?? null;
    if (verdict !== (run.outcome.ok ? "allowed" : "blocked") || name !== (names.get(run.id) ?? null))
      t.wrong.push(
        `${run.url}: ${name ?? ""}, page ${run.outcome.ok ? "ok" : "failed"}: ${describeExchange(x)}`,
      );
  }
  return t;
}

/** One entry, compactly, for a failure message. */
function describeExchange(x: ReportDocument["exchanges"][number]): string {
  const pf = x.preflight ? `preflight ${x.preflight.status ?? "-"}` : "no preflight";
  const hops = x.hops.map((h) => h.status ?? "-").join(",");
  return `${x.id} ${x.method} ${x.verdict} ${pf} hops [${hops}] error ${x.error ?? "-"}${x.interrupted ? " interrupted" : ""}`;
}

export function tallyLine(t: Tally): string {
  return `lost ${t.lost.length}, recorded twice ${t.twice.length}, mispaired ${t.mispaired.length}, preflight never delivered ${t.preflightUnseen.length}, wrong ${t.wrong.length}, undecided ${t.undecided.length}`;
}
