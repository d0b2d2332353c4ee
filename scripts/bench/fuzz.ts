/**
 * `npm run bench -- fuzz`: the whole pipeline of test/fuzz/pipeline.ts on FUZZ_INPUTS (default
 * 10^6) generated inputs, in batches of 200 (each input through the tracker on its own, each batch
 * through report, HAR export, import and the CLI's output). Prints inputs, exchanges, HAR entries,
 * throws, problems, hangs (a batch over 10 s) and the slowest batch.
 */
import fc from "fast-check";
import { downstream, inputsWith, track } from "../../test/fuzz/pipeline";

const total = Number(process.env.FUZZ_INPUTS ?? 1_000_000);
const BATCH = 200;
const HANG_MS = 10_000;
// Hostile more often than in life, rarely enough that 10^6 inputs run in minutes on 2 cores.
const arb = fc.array(inputsWith({ dupOneIn: 200, hugeOneIn: 2_000 }), { minLength: BATCH, maxLength: BATCH });

let inputs = 0;
let exchanges = 0;
let harEntries = 0;
let jsonChars = 0;
let throws = 0;
let problems = 0;
let hangs = 0;
let slowest = 0;
const firstProblems: string[] = [];
const started = performance.now();
for (let seed = 1; inputs < total; seed++) {
  const [batch] = fc.sample(arb, { numRuns: 1, seed });
  if (!batch) break;
  const t = performance.now();
  try {
    const xs = batch.flatMap((input, k) => track(input).map((x, i) => ({ ...x, id: `${x.id}-${k}-${i}` })));
    const outcome = downstream(xs, batch[0]?.browser ?? "chromium");
    exchanges += outcome.exchanges;
    harEntries += outcome.imported;
    jsonChars += outcome.jsonChars;
    problems += outcome.problems.length;
    for (const p of outcome.problems) if (firstProblems.length < 5) firstProblems.push(`seed ${seed}: ${p}`);
  } catch (error) {
    throws++;
    if (firstProblems.length < 5) firstProblems.push(`seed ${seed}: threw ${String(error)}`);
  }
  const ms = performance.now() - t;
  slowest = Math.max(slowest, ms);
  if (ms > HANG_MS) hangs++;
  inputs += batch.length;
  if (seed % 100 === 0)
    process.stderr.write(
      `${inputs.toLocaleString("en")} inputs, ${Math.round((performance.now() - started) / 1000)} s\n`,
    );
}
console.log(
  JSON.stringify({
    inputs,
    exchanges,
    importedExchanges: harEntries,
    jsonCharsPerExchange: Math.round(jsonChars / Math.max(1, harEntries)),
    throws,
    problems,
    hangs,
    slowestBatchMs: Math.round(slowest),
    seconds: Math.round((performance.now() - started) / 1000),
    firstProblems,
  }),
);
