/**
 * Issue #22's "Must show", measured on real reports CORS Lens had never seen (never-seen/*.ts, one
 * file per GitHub thread): each rebuilt on the server software it names, the page calling it from
 * another origin in real Chromium with the built extension. Per report: (a) Chromium blocked the
 * report's request; (b) CORS Lens's cause names the mistake the accepted answer names (the
 * report's own `names`); (c) nothing in the message contradicts the evidence; (d) the printed fix,
 * applied exactly as printed, makes Chromium allow the request and the server still starts;
 * (e) every request the starting set-up allowed (the page's and BEYOND_REQUESTS) still passes.
 * A report CORS Lens fails states which measure and why (`known`): the test asserts exactly those
 * fail, so the tally printed at the end stays honest and a fix that lands flips it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportExchange } from "../../src/report/report";
import { resultsPath } from "../e2e/helpers/paths";
import { applyPrinted, hasChange } from "./apply-printed";
import { Browser, exchangeFor, fixFor, freePort, type Outcome } from "./harness";
import { REPORTS } from "./never-seen";
import type { Measure, Report } from "./never-seen/report";
import { BEYOND_REQUESTS, PAGE_REQUESTS } from "./page";

interface Measured {
  blocked: boolean;
  named: boolean;
  contradictions: string[];
  allowed: boolean;
  crashed: boolean;
  lost: string[];
  /** Requests beyond the page's own that the starting set-up allowed (and so had to keep). */
  beyondBefore: number;
  cause: string;
  why: string[];
}

const results = new Map<string, Measured>();
let browser: Browser;
const started = Date.now();

beforeAll(async () => {
  browser = await Browser.launch();
}, 60_000);

const pct = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / Math.max(of, 1))}%)`;

afterAll(async () => {
  await browser?.close();
  const rows = REPORTS.filter((r) => results.has(r.id)).map((r) => {
    const m = results.get(r.id) as Measured;
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    return `${r.id.padEnd(28)} ${r.stack.padEnd(20)} ${mark(m.blocked)}       ${mark(m.named)}     ${String(m.contradictions.length).padEnd(6)} ${mark(m.allowed)}        ${m.crashed ? "crash" : "ok   "} ${String(m.lost.length).padEnd(4)} ${String(m.beyondBefore).padEnd(6)} ${m.cause}`;
  });
  const all = [...results.values()];
  const n = all.length;
  const known = REPORTS.filter((r) => results.has(r.id) && r.known).map(
    (r) =>
      `  ${r.id}: ${Object.entries(r.known ?? {})
        .map(([m, why]) => `${m} — ${why}`)
        .join("; ")}`,
  );
  const text = `
Never-seen reports (issue #22's Must show), rebuilt on real servers in real Chromium
${"report".padEnd(28)} ${"stack (fix applied)".padEnd(20)} blocked named contr. allowed  app   lost beyond cause
${rows.join("\n")}
${n} reports: allowed after the printed fix ${pct(all.filter((m) => m.allowed).length, n)}; mistake named ${pct(all.filter((m) => m.named).length, n)}; contradictions ${all.reduce((s, m) => s + m.contradictions.length, 0)}; crashes ${all.filter((m) => m.crashed).length}; previously-allowed blocked after ${all.reduce((s, m) => s + m.lost.length, 0)}; ${Math.round((Date.now() - started) / 1000)} s
known failures (asserted to fail as stated):
${known.join("\n") || "  none"}
`;
  process.stdout.write(text);
  writeFileSync(resultsPath("never-seen-table.txt"), text);
});

const outcome = (list: Outcome[], name: string) => list.find((o) => o.name === name);

/**
 * Sentences that say what the evidence does not: a status no response of this exchange had, a
 * preflight where there was none, authentication without a `WWW-Authenticate` challenge, and the
 * report's own list.
 */
function contradictions(r: Report, x: ReportExchange, text: string): string[] {
  const out: string[] = [];
  const hops = [x.preflight, ...x.hops].filter((h) => h !== null);
  const statuses = new Set(hops.map((h) => h?.status));
  // "a preflight needs a 2xx status (204 is usual)" is the rule, not a claim about this response.
  const claims = text.replace("(204 is usual)", "");
  for (const m of claims.matchAll(/(?<![\w/:.-])([1-5]\d\d)(?![\w/:.-])/g))
    if (!statuses.has(Number(m[1]))) out.push(`names status ${m[1]}, seen ${[...statuses].join("/")}`);
  if (x.preflight === null && /preflight/i.test(text) && !/no preflight|without a preflight/i.test(text))
    out.push("speaks of a preflight; the request had none");
  const challenged = hops.some((h) =>
    h?.responseHeaders.some(([n]) => n.toLowerCase() === "www-authenticate"),
  );
  // Named as a possibility among others ("an authentication or CSRF check, a firewall, or …") is
  // not blaming; saying authentication answered is.
  if (
    !challenged &&
    /authentication answered|answered by (an )?authentication|requires? (a )?log ?in/i.test(text)
  )
    out.push("blames authentication without a WWW-Authenticate challenge");
  for (const re of r.contradicts ?? []) if (re.test(text)) out.push(`says ${re}`);
  return out;
}

async function measure(r: Report, dir: string): Promise<Measured> {
  const why: string[] = [];
  const requests = [...PAGE_REQUESTS, ...(r.extra ?? [])];
  const target = requests.find((q) => q.name === r.target);
  if (!target) throw new Error(`no request ${r.target}`);
  const broken = r.config(browser.pageOrigin);
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;

  let server = await r.start(broken, port, dir);
  let before: Awaited<ReturnType<Browser["runPage"]>>;
  try {
    before = await browser.runPage(api, requests);
  } finally {
    await server.stop();
  }
  const x = exchangeFor(before.report, before.urls.get(r.target) as string, target.method);
  const cause = x?.causes[0];
  const blocked = outcome(before.outcomes, r.target)?.allowed === false && x?.verdict === "blocked";
  if (!blocked)
    why.push(`not blocked: ${JSON.stringify(outcome(before.outcomes, r.target))}\n${server.log()}`);
  const text = `${cause?.title ?? ""} ${cause?.message ?? ""}`;
  const codeOk = cause !== undefined && r.expect.includes(cause.code);
  const unnamed = r.names.filter((re) => !re.test(text));
  const named = codeOk && unnamed.length === 0;
  if (!named) why.push(`named ${cause?.code} without ${unnamed.join(", ")}: ${text}`);
  const contra = x ? contradictions(r, x, text) : [];
  if (contra.length > 0) why.push(`contradicts: ${contra.join("; ")} in: ${text}`);

  // What the starting set-up allowed beyond the page's own requests.
  server = await r.start(broken, port, dir);
  let beyond: Awaited<ReturnType<Browser["runPage"]>>;
  try {
    beyond = await browser.runPage(api, BEYOND_REQUESTS);
  } finally {
    await server.stop();
  }
  const keptBefore = [...before.outcomes, ...beyond.outcomes].filter((o) => o.allowed).map((o) => o.name);

  const fix = x ? fixFor(x, r.stack) : undefined;
  let fixed: string | null = null;
  if (!fix) why.push(`no ${r.stack} fix (fixes: ${cause?.fixes.map((f) => f.stack).join(", ")})`);
  else
    try {
      fixed =
        r.shape && (!r.apply || hasChange(broken, fix, r.shape))
          ? applyPrinted(withOptionsObject(broken, r), fix, r.shape, r.form ?? null)
          : (r.apply?.(broken, fix) ?? null);
    } catch (error) {
      why.push(
        `the printed fix cannot be applied as printed: ${String(error)}\n${fix.change ?? ""}\n${fix.snippet}`,
      );
    }
  let allowed = false;
  let crashed = false;
  let lost: string[] = [];
  if (fixed !== null) {
    const detail = `change: ${fix?.change}\nfix:\n${fix?.snippet}\n\nfixed:\n${fixed}`;
    try {
      server = await r.start(fixed, port, dir);
    } catch (error) {
      crashed = true;
      why.push(`the app does not start after the fix: ${String(error)}\n${detail}`);
    }
    if (!crashed) {
      let after: Awaited<ReturnType<Browser["runPage"]>>;
      try {
        after = await browser.runPage(api, [...requests, ...BEYOND_REQUESTS]);
      } finally {
        await server.stop();
      }
      allowed = outcome(after.outcomes, r.target)?.allowed === true;
      if (!allowed) why.push(`still blocked after the fix\n${detail}\n${server.log()}`);
      lost = keptBefore.filter((name) => !outcome(after.outcomes, name)?.allowed);
      if (lost.length > 0) why.push(`allowed before, blocked after: ${lost.join(", ")}\n${detail}`);
    }
  }
  return {
    blocked,
    named,
    contradictions: contra,
    allowed,
    crashed,
    lost,
    beyondBefore: beyond.outcomes.filter((o) => o.allowed).length,
    cause: `${cause?.code ?? "none"}`,
    why,
  };
}

/**
 * The printed change names the set-up as `app.use(cors({…}))`: in an app that wrote `cors()`, that
 * object is the empty one the reader writes in (`cors({})`) before setting an option in it.
 */
function withOptionsObject(text: string, r: Report): string {
  if (r.shape?.syntax !== "js" || !r.shape.call) return text;
  return text.replace(`${r.shape.call})`, `${r.shape.call}{})`);
}

function failing(m: Measured): Measure[] {
  const out: Measure[] = [];
  if (!m.blocked) out.push("blocked");
  if (!m.named) out.push("named");
  if (m.contradictions.length > 0) out.push("contradiction");
  if (!m.allowed) out.push("allowed");
  if (m.crashed) out.push("crash");
  if (m.lost.length > 0) out.push("kept");
  return out;
}

const only = process.env.CORS_LENS_NEVER_SEEN?.split(",");

describe("never-seen reports, rebuilt on real servers", () => {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-never-seen-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const r of REPORTS.filter((x) => !only || only.includes(x.id))) {
    it(`${r.id} (${r.stack}): ${r.mistake}`, async () => {
      const m = await measure(r, dir);
      results.set(r.id, m);
      if (process.env.CORS_LENS_FIX_DEBUG) process.stdout.write(`${r.id}\n${m.why.join("\n")}\n`);
      expect(failing(m), m.why.join("\n\n")).toEqual(
        Object.keys(r.known ?? {}).sort((a, b) => order(a) - order(b)),
      );
    });
  }
});

const MEASURES: Measure[] = ["blocked", "named", "contradiction", "allowed", "crash", "kept"];
const order = (m: string) => MEASURES.indexOf(m as Measure);
