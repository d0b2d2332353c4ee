/**
 * Engine throughput: diagnose() over 100,000 synthetic exchanges covering every cause and finding
 * (the golden scenarios in both browsers' form, each with its own URL).
 */
import { diagnose, type ObservedExchange } from "../../src/engine";
import { recorded, SCENARIOS } from "../../test/fixtures/scenarios";

const COUNT = 100_000;
const base: ObservedExchange[] = SCENARIOS.flatMap((s) => [
  recorded(s, "chromium"),
  ...(s.only === "chromium" ? [] : [recorded(s, "firefox")]),
]);
const exchanges: ObservedExchange[] = Array.from({ length: COUNT }, (_, i) => {
  const x = base[i % base.length] as ObservedExchange;
  return { ...x, id: `b${i}`, url: `${x.url}?n=${i}` };
});

let blocked = 0;
for (const x of exchanges.slice(0, 5_000)) diagnose(x); // warm-up
const start = performance.now();
for (const x of exchanges) if (diagnose(x).verdict === "blocked") blocked++;
const ms = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ exchanges: COUNT, ms: Math.round(ms), perSecond: Math.round((COUNT / ms) * 1000), blocked, distinctScenarios: base.length })}\n`,
);
