// Benchmark 4: `cors-lens analyze` on a ~100 MB HAR, every format: wall time and peak RSS, and the
// report's size against the HAR's — each next to its target (issue #25: ≤ 5 s, ≤ 500 MB, report ≤ HAR).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeHar } from "./make-har.mjs";

export async function cliHar(root, { megabytes = 100 } = {}) {
  const rows = [];
  for (const mostlyBlocked of [false, true]) rows.push(...(await oneHar(root, megabytes, mostlyBlocked)));
  return rows;
}

async function oneHar(root, megabytes, mostlyBlocked) {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-har-"));
  const file = join(dir, "big.har");
  try {
    const { entries } = await makeHar(file, megabytes * 1024 * 1024, { mostlyBlocked });
    const size = statSync(file).size;
    const rows = [];
    const out = join(dir, "report.out");
    // "-" : the report to stdout, a pipe read by this process (as `| jq` or CI logs read it).
    for (const mode of [
      [],
      ["--json"],
      ["--json", "-"],
      ["--json", "--stack", "express"],
      ["--json", "--no-fixes"],
      ["--format", "sarif"],
      ["--format", "junit"],
      ["--format", "github"],
    ]) {
      const toPipe = mode.at(-1) === "-";
      const args = toPipe ? mode.slice(0, -1) : [...mode, "-o", out];
      const t0 = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          "--import",
          join(root, "scripts/bench/report-rss.mjs"),
          join(root, "dist/cli/cors-lens.mjs"),
          "analyze",
          file,
          ...args,
        ],
        // Bytes, not a string: a report of the mostly-blocked HAR is past V8's string limit.
        { maxBuffer: 2 ** 31 - 1 },
      );
      const seconds = (performance.now() - t0) / 1000;
      const rss = Number(/maxrss_kb=(\d+)/.exec(run.stderr.toString())?.[1] ?? 0) / 1024;
      const bytes = toPipe ? run.stdout.length : statSync(out).size;
      rows.push({
        bench: `CLI, ${(size / 1048576).toFixed(0)} MB HAR (${entries.toLocaleString("en")} requests${mostlyBlocked ? ", 80% blocked" : ", 20% blocked"})`,
        what: `analyze ${args.join(" ").replace(out, "FILE") || "(summary)"}${toPipe ? " | (pipe)" : ""}`,
        value: `${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB, output ${(bytes / 1048576).toFixed(0)} MB`,
        ratio: `exit ${run.status}; target ≤ 5 s ${seconds <= 5 ? "met" : "MISSED"}, ≤ 500 MB ${rss <= 500 ? "met" : "MISSED"}${
          mode.includes("--json")
            ? `, ${(bytes / size).toFixed(2)}× the HAR (≤ 1×) ${bytes <= size ? "met" : "MISSED"}`
            : ""
        }`,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
