// Benchmark: the background worker stopped again and again during traffic (as Chrome stops idle MV3
// workers, or a crash). The lab page makes N requests over a mix of scenarios while the worker is
// stopped every `everyMs` (CDP ServiceWorker.stopWorker); then CORS Lens's report is compared
// with what the page saw: requests lost, recorded twice, or decided otherwise. A control run of
// the same requests without stops gives the expected cause names.
import { join } from "node:path";
import { startLab } from "../../lab/server.mjs";
import { launchWithExtension } from "./util.mjs";

const MIX = [
  "acao-missing",
  "credentials-ok",
  "seed-django-missing-header",
  "preflight-ok-put",
  "preflight-method-missing",
  "acao-echo-no-vary",
];

async function once(root, lab, { requests, stops, everyMs }) {
  const {
    context,
    extensionId: id,
    close,
  } = await launchWithExtension(join(root, "dist/chrome"), "cors-lens-stops-");
  try {
    await context.serviceWorkers()[0].evaluate(() => true);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const versions = new Map();
    cdp.on("ServiceWorker.workerVersionUpdated", (e) => {
      for (const v of e.versions) versions.set(v.versionId, v);
    });
    await cdp.send("ServiceWorker.enable");
    await page.goto(`${lab.page}/`);
    let stopped = 0;
    let done = false;
    const stopper = (async () => {
      while (!done && stopped < stops) {
        await new Promise((r) => setTimeout(r, everyMs));
        const running = [...versions.values()].find(
          (v) => v.scriptURL.startsWith(`chrome-extension://${id}/`) && v.runningStatus === "running",
        );
        if (!running) continue;
        await cdp.send("ServiceWorker.stopWorker", { versionId: running.versionId }).catch(() => undefined);
        stopped++;
      }
    })();
    const runs = await page.evaluate(
      async ([mix, n]) => {
        const out = [];
        for (let i = 0; i < n; i++) out.push(await globalThis.runScenario(mix[i % mix.length]));
        return out;
      },
      [MIX, requests],
    );
    done = true;
    await stopper;
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${id}/src/devtools/panel.html`);
    // Until every request is there or 12 s have passed: an end a stopped worker lost is shown
    // after the tracker's quiet spell (LIMITS.interruptedQuietMs).
    let report;
    const deadline = Date.now() + 12_000;
    do {
      await new Promise((r) => setTimeout(r, 500));
      report = await ext.evaluate(async (pageUrl) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(pageUrl));
        return chrome.runtime.sendMessage({ type: "cors-lens/report", tabId: tab?.id ?? null });
      }, lab.page);
    } while (
      Date.now() < deadline &&
      !runs.every((run) => report.exchanges.some((x) => x.url === run.url && x.verdict !== "unknown"))
    );
    return { runs, report, stopped };
  } finally {
    await close();
  }
}

function compare(runs, report, names) {
  let lost = 0;
  let twice = 0;
  let wrongVerdict = 0;
  let wrongName = 0;
  let undecided = 0;
  for (const run of runs) {
    const found = report.exchanges.filter((x) => x.url === run.url);
    if (found.length === 0) {
      lost++;
      continue;
    }
    if (found.length > 1) twice++;
    const x = found[0];
    if (x.verdict === "unknown") {
      undecided++;
      continue;
    }
    const verdict = x.verdict === "not-cors" ? "allowed" : x.verdict;
    if (verdict !== (run.outcome.ok ? "allowed" : "blocked")) wrongVerdict++;
    else if (names && (x.causes[0]?.chromium ?? null) !== names.get(run.id)) wrongName++;
  }
  return { lost, twice, wrongVerdict, wrongName, undecided };
}

export async function workerStops(
  root,
  {
    requests = Number(process.env.STOPS_REQUESTS ?? 300),
    stops = 30,
    everyMs = Number(process.env.STOPS_EVERY_MS ?? 120),
  } = {},
) {
  const lab = await startLab();
  try {
    const control = await once(root, lab, { requests, stops: 0, everyMs });
    const names = new Map();
    for (const run of control.runs) {
      const x = control.report.exchanges.find((e) => e.url === run.url);
      if (x && !names.has(run.id)) names.set(run.id, x.causes[0]?.chromium ?? null);
    }
    const stressed = await once(root, lab, { requests, stops, everyMs });
    const rows = [];
    for (const [what, r] of [
      ["no stops (control)", control],
      [`${stressed.stopped} stops`, stressed],
    ]) {
      const c = compare(r.runs, r.report, names);
      rows.push({
        bench: `worker stopped during ${requests} requests`,
        what,
        value: `lost ${c.lost}, twice ${c.twice}, wrong verdict ${c.wrongVerdict}, wrong name ${c.wrongName}, undecided ${c.undecided}`,
        ratio: `${r.report.exchanges.length} recorded`,
      });
    }
    return rows;
  } finally {
    await lab.close();
  }
}
