// The subscription, measured: for each webRequest listener CORS Lens registers, a build without it
// (CORS_LENS_DROP), the Chromium oracle's agreement with that build (what the listener contributes
// to fidelity) and the page overhead it saves (what it costs), interleaved with the full build.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startBurstServer } from "./burst-server.mjs";
import { CHROMIUM_FLAGS, summary } from "./util.mjs";

const LISTENERS = [
  "onSendHeaders",
  "onHeadersReceived",
  "onBeforeRedirect",
  "onCompleted",
  "onErrorOccurred",
];

function build(root, drop) {
  const out = mkdtempSync(join(tmpdir(), `cors-lens-drop-${drop}-`));
  execFileSync("npx", ["vite", "build", "--mode", "chrome", "--logLevel", "warn"], {
    cwd: root,
    env: { ...process.env, CORS_LENS_DROP: drop, CORS_LENS_OUT: out },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return out;
}

function oracle(root, dist) {
  const r = spawnSync(
    "npx",
    ["vitest", "run", "-c", "vitest.e2e.config.ts", "test/e2e/chromium-oracle.e2e.test.ts"],
    {
      cwd: root,
      env: { ...process.env, CORS_LENS_DIST_CHROME: dist },
      encoding: "utf8",
    },
  );
  const m = /agreement (\d+)\/(\d+)/.exec(r.stdout);
  if (m) return `${m[1]}/${m[2]} agree`;
  // Without the listener the extension cannot even report the lab run: nothing agrees.
  const why = /Timed out waiting for ([^\n:]+)/.exec(r.stdout + r.stderr)?.[1] ?? "the oracle test failed";
  return `0 agree (${why.trim()})`;
}

async function burstTimes(dists, server, { rounds = 5, n = 600 } = {}) {
  const browsers = [];
  for (const dist of dists) {
    const profile = mkdtempSync(join(tmpdir(), "cors-lens-bench-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      headless: false,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    });
    if (context.serviceWorkers().length === 0) await context.waitForEvent("serviceworker");
    browsers.push({ context, profile });
  }
  const times = dists.map(() => []);
  let tag = 0;
  const burst = async (i, count) => {
    const page = await browsers[i].context.newPage();
    await page.goto(`${server.page}/`);
    const ms = await page.evaluate(
      ([api, c, t]) => globalThis.burst(api, c, t),
      [server.api, count, `l${tag++}`],
    );
    await page.close();
    return ms;
  };
  try {
    for (let i = 0; i < dists.length; i++) await burst(i, 200);
    for (let r = 0; r < rounds; r++) for (let i = 0; i < dists.length; i++) times[i].push(await burst(i, n));
  } finally {
    for (const b of browsers) {
      await b.context.close();
      rmSync(b.profile, { recursive: true, force: true });
    }
  }
  return times.map((t) => summary(t).median);
}

export async function listeners(root) {
  const full = join(root, "dist/chrome");
  const variants = LISTENERS.map((name) => ({ name, dist: build(root, name) }));
  const server = await startBurstServer();
  try {
    const fullAgreement = oracle(root, full);
    const agreements = variants.map((v) => oracle(root, v.dist));
    const [fullMs, ...variantMs] = await burstTimes([full, ...variants.map((v) => v.dist)], server);
    return [
      {
        bench: "subscription, per listener",
        what: "all five listeners",
        value: `Chromium oracle ${fullAgreement}`,
        ratio: `${fullMs.toFixed(0)} ms per 600-request burst`,
      },
      ...variants.map((v, i) => ({
        bench: "subscription, per listener",
        what: `without ${v.name}`,
        value: `Chromium oracle ${agreements[i]}`,
        ratio: `${variantMs[i].toFixed(0)} ms (${(variantMs[i] / fullMs).toFixed(2)}× all five)`,
      })),
    ];
  } finally {
    await server.close();
    for (const v of variants) rmSync(v.dist, { recursive: true, force: true });
  }
}
