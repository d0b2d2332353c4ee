// Benchmark: does `cors-lens analyze --json` (and its summary) grow linearly? Lean Chrome-shaped HARs of N preflighted,
// blocked requests (each with its preflight entry), on N distinct URLs and all on one URL (a GraphQL
// endpoint), at N = 10k, 20k, 40k and 200k: wall time, and time per 1,000 requests.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function writeHar(path, n, oneUrl) {
  const out = createWriteStream(path);
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once("drain", resolve)));
  await write('{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"156"},"entries":[');
  const page = "http://127.0.0.1:5601";
  const h = (pairs) => pairs.map(([name, value]) => ({ name, value }));
  for (let i = 0; i < n; i++) {
    const url = oneUrl ? "http://127.0.0.1:5602/graphql" : `http://127.0.0.1:5602/api/${i}`;
    const t = 1_700_000_000_000 + i * 5;
    const preflight = {
      startedDateTime: new Date(t).toISOString(),
      time: 1,
      _resourceType: "preflight",
      _initiator: { type: "preflight", url },
      request: {
        method: "OPTIONS",
        url,
        headers: h([
          ["Origin", page],
          ["Access-Control-Request-Method", "POST"],
          ["Access-Control-Request-Headers", "content-type"],
        ]),
      },
      response: {
        status: 204,
        headers: h([
          ["Access-Control-Allow-Origin", page],
          ["Access-Control-Allow-Methods", "POST"],
        ]),
        redirectURL: "",
      },
    };
    const actual = {
      startedDateTime: new Date(t + 2).toISOString(),
      time: 2,
      _resourceType: "fetch",
      request: {
        method: "POST",
        url,
        headers: h([
          ["Origin", page],
          ["Content-Type", "application/json"],
        ]),
      },
      response: { status: 0, headers: [], redirectURL: "", _error: "net::ERR_FAILED" },
    };
    await write(`${i === 0 ? "" : ","}${JSON.stringify(preflight)},${JSON.stringify(actual)}`);
  }
  await write("]}}");
  await new Promise((resolve) => out.end(resolve));
}

export async function harScale(root, { sizes = [10_000, 20_000, 40_000, 200_000] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cors-lens-scale-"));
  const rows = [];
  try {
    for (const oneUrl of [false, true]) {
      for (const n of sizes) {
        const file = join(dir, `${n}-${oneUrl}.har`);
        await writeHar(file, n, oneUrl);
        // The summary too where every request is one group (grouping was quadratic in a group's size).
        for (const json of oneUrl ? [true, false] : [true]) {
          const t0 = performance.now();
          const run = spawnSync(
            process.execPath,
            [join(root, "dist/cli/cors-lens.mjs"), "analyze", file, ...(json ? ["--json"] : [])],
            {
              stdio: ["ignore", "ignore", "pipe"],
              encoding: "utf8",
              timeout: 600_000,
            },
          );
          const seconds = (performance.now() - t0) / 1000;
          rows.push({
            bench: `analyze ${json ? "--json" : "(summary, one group)"}, ${oneUrl ? "one URL" : "distinct URLs"}`,
            what: `${n.toLocaleString("en")} requests`,
            value: run.status === null ? `killed after ${seconds.toFixed(0)} s` : `${seconds.toFixed(2)} s`,
            ratio: `${((seconds * 1000) / (n / 1000)).toFixed(0)} ms per 1,000, exit ${run.status}${run.status === 2 ? ` (${run.stderr.trim().slice(0, 80)})` : ""}`,
          });
        }
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
