// Benchmark 4: `cors-lens analyze` on a ~100 MB HAR: wall time and peak RSS.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeHar } from "./make-har.mjs";

export async function cliHar(root, { megabytes = 100 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-har-"));
  const file = join(dir, "big.har");
  try {
    const { entries } = await makeHar(file, megabytes * 1024 * 1024);
    const size = statSync(file).size;
    const rows = [];
    for (const mode of [[], ["--json"]]) {
      const t0 = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          "--import",
          join(root, "scripts/bench/report-rss.mjs"),
          join(root, "dist/cli/cors-lens.mjs"),
          "analyze",
          file,
          ...mode,
        ],
        { encoding: "utf8", maxBuffer: 1 << 30 },
      );
      const seconds = (performance.now() - t0) / 1000;
      const rss = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
      rows.push({
        bench: `CLI, ${(size / 1048576).toFixed(0)} MB HAR (${entries.toLocaleString("en")} requests)`,
        what: `analyze ${mode.join(" ") || "(summary)"}`,
        value: `${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB`,
        ratio: `exit ${run.status}`,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
