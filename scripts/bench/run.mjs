#!/usr/bin/env node
// `npm run bench [-- NAME]`: runs the benchmarks and prints one table. Names: page, pause, worker,
// engine, cli, config-fix, scale, panel, latency, stops, listeners, bundle, fuzz, panel-tabs. See BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSizes } from "./bundle-size.mjs";
import { cliHar } from "./cli-har.mjs";
import { configFix } from "./config-fix.mjs";
import { harScale } from "./har-scale.mjs";
import { latency } from "./latency.mjs";
import { listeners } from "./listeners.mjs";
import { pageOverhead } from "./page-overhead.mjs";
import { panelRender } from "./panel-render.mjs";
import { panelTabs } from "./panel-tabs.mjs";
import { pauseCost } from "./pause-cost.mjs";
import { workerMemory } from "./worker-memory.mjs";
import { workerStops } from "./worker-stops.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));

function buildBench() {
  execFileSync("npx", ["vite", "build", "-c", "vite.bench.config.ts", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
}

/** The whole pipeline on 10^6 hostile inputs (FUZZ_INPUTS to change it): scripts/bench/fuzz.ts. */
function fuzz() {
  buildBench();
  const r = JSON.parse(
    execFileSync(process.execPath, [join(root, "dist/bench/fuzz.mjs")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    }),
  );
  return [
    {
      bench: `fuzz, ${r.inputs.toLocaleString("en")} hostile inputs → ${r.exchanges.toLocaleString("en")} exchanges`,
      what: "tracker, report (en, ko), HAR export and import, CLI",
      value: `throws ${r.throws}, problems ${r.problems}, hangs (batch > 10 s) ${r.hangs}`,
      ratio: `${r.seconds} s, slowest batch of 200 ${r.slowestBatchMs} ms`,
    },
  ];
}

function engine() {
  buildBench();
  const r = JSON.parse(
    execFileSync(process.execPath, [join(root, "dist/bench/engine.mjs")], { encoding: "utf8" }),
  );
  return [
    {
      bench: `engine, ${r.exchanges.toLocaleString("en")} synthetic exchanges (${r.distinctScenarios} scenarios)`,
      what: "diagnose()",
      value: `${r.perSecond.toLocaleString("en")} exchanges/s`,
      ratio: `${r.ms} ms in all`,
    },
  ];
}

const BENCHES = {
  page: () => pageOverhead(root),
  // PAUSE_ROUNDS / PAUSE_SIZES (e.g. "100") shorten it for a smoke run; the figures take 5 × 600, 3000.
  pause: () =>
    pauseCost(root, {
      rounds: Number(process.env.PAUSE_ROUNDS ?? 5),
      sizes: (process.env.PAUSE_SIZES ?? "600,3000").split(",").map(Number),
    }),
  worker: () => workerMemory(root),
  engine: async () => engine(),
  cli: () => cliHar(root),
  "config-fix": () => configFix(root),
  scale: () => harScale(root),
  panel: () => panelRender(root),
  "panel-tabs": () => panelTabs(root),
  latency: () => latency(root),
  stops: () => workerStops(root),
  listeners: () => listeners(root),
  bundle: async () => bundleSizes(root),
  fuzz: async () => fuzz(),
};

const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(", ")}; one of: ${Object.keys(BENCHES).join(", ")}\n`,
  );
  process.exit(2);
}
const chromiumVersion = execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${chromiumVersion}\n\n`,
);
const rows = [];
for (const name of names) {
  const t0 = Date.now();
  process.stderr.write(`[bench] ${name}…\n`);
  rows.push(...(await BENCHES[name]()));
  process.stderr.write(`[bench] ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
const cols = ["bench", "what", "value", "ratio"];
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(" | ")} |`;
process.stdout.write(
  `${line(cols)}\n${line(width.map((w) => "-".repeat(w)))}\n${rows.map((r) => line(cols.map((c) => r[c]))).join("\n")}\n`,
);
