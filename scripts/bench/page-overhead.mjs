// Benchmark 1: page overhead. Bursts of N cross-origin requests, measured by the page, with no
// extension, with the floor extension, with CORS Lens recording, paused, and narrowed to a host
// the burst never calls;
// configurations interleaved round-robin.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startBurstServer } from "./burst-server.mjs";
import { writeFloorExtension } from "./floor-extension.mjs";
import { CHROMIUM_FLAGS, summary } from "./util.mjs";

/** Sends CORS Lens the runtime message the popup sends (pause, or narrow to hosts). */
async function tell(context, message, check) {
  const [worker] = context.serviceWorkers();
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/src/devtools/panel.html`);
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!check(reply))
    throw new Error(`CORS Lens did not take ${JSON.stringify(message)}: ${JSON.stringify(reply)}`);
  await page.close();
}
const pause = (context) => tell(context, { type: "cors-lens/recording", on: false }, (r) => r?.on === false);
/** Recording narrowed to an API host the burst never calls: the listeners' filter excludes it all. */
const narrow = (context) =>
  tell(
    context,
    { type: "cors-lens/recording", hosts: ["api.example.com"] },
    (r) => r?.hosts?.[0] === "api.example.com",
  );

async function launch(extensionDir) {
  const profile = mkdtempSync(join(tmpdir(), "cors-lens-bench-"));
  const args = [
    ...CHROMIUM_FLAGS,
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: false,
    args,
  });
  if (extensionDir && context.serviceWorkers().length === 0) await context.waitForEvent("serviceworker");
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function pageOverhead(root, { rounds = 5, sizes = [600, 3000] } = {}) {
  const server = await startBurstServer();
  const floorDir = writeFloorExtension(root);
  const configs = [
    { name: "no extension", dir: null },
    { name: "floor (empty listeners)", dir: floorDir },
    { name: "CORS Lens", dir: join(root, "dist/chrome") },
    { name: "CORS Lens paused", dir: join(root, "dist/chrome"), paused: true },
    { name: "CORS Lens narrowed to another host", dir: join(root, "dist/chrome"), narrowed: true },
    // CORS_LENS_BENCH_NO_JOURNAL: a build without the per-event journal appends (CORS_LENS_DROP=journal),
    // what the appends cost next to the same rounds.
    ...(process.env.CORS_LENS_BENCH_NO_JOURNAL
      ? [{ name: "CORS Lens without the journal", dir: process.env.CORS_LENS_BENCH_NO_JOURNAL }]
      : []),
    // CORS_LENS_BENCH_OTHER=<name>=<dir>: another build of CORS Lens (an earlier commit, a variant)
    // measured in the same interleaved rounds, so its ratio is comparable to this one's.
    ...(process.env.CORS_LENS_BENCH_OTHER?.includes("=")
      ? [
          {
            name: `CORS Lens ${process.env.CORS_LENS_BENCH_OTHER.split("=")[0]}`,
            dir: process.env.CORS_LENS_BENCH_OTHER.split("=").slice(1).join("="),
          },
        ]
      : []),
  ];
  const browsers = [];
  for (const c of configs) {
    const b = await launch(c.dir);
    if (c.paused) await pause(b.context);
    if (c.narrowed) await narrow(b.context);
    browsers.push(b);
  }
  const results = {};
  let tag = 0;
  const burst = async (i, n) => {
    const page = await browsers[i].context.newPage();
    await page.goto(`${server.page}/`);
    const ms = await page.evaluate(
      ([api, count, t]) => globalThis.burst(api, count, t),
      [server.api, n, `t${tag++}`],
    );
    await page.close();
    return ms;
  };
  try {
    for (const n of sizes) {
      for (let i = 0; i < configs.length; i++) await burst(i, Math.min(n, 600)); // warm-up
      const times = configs.map(() => []);
      for (let r = 0; r < rounds; r++)
        for (let i = 0; i < configs.length; i++) times[i].push(await burst(i, n));
      results[n] = configs.map((c, i) => ({ config: c.name, ...summary(times[i]) }));
    }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const rows = [];
  for (const n of sizes) {
    const [none, floor, lens, paused, narrowed] = results[n];
    for (const r of results[n]) {
      rows.push({
        bench: `page overhead, N=${n}`,
        what: r.config,
        value: `${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}–max ${r.max.toFixed(0)})`,
        ratio: `${(r.median / none.median).toFixed(2)}× none${r === lens || (r.config.startsWith("CORS Lens ") && !r.config.includes("paused") && !r.config.includes("narrowed")) ? `, ${(r.median / floor.median).toFixed(2)}× floor` : ""}${r === paused || r === narrowed ? " (target ≤ 1.02×)" : ""}`,
      });
    }
  }
  return rows;
}
