import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyBudget } from "../property";
import { downstream, inputArb, track } from "./pipeline";

// The 10^6-input run of the same pipeline is `npm run bench -- fuzz` (figures in BENCHMARKS.md).
// 300 page loads took 30 s at load 6 (100 ms each): the budget is three times that.
const PIPELINE = propertyBudget(300, 300, 20261202);

describe("the whole pipeline on hostile input", () => {
  it(
    "never throws, decides every exchange, and keeps the terminal clean",
    () => {
      let slowest = 0;
      fc.assert(
        fc.property(fc.array(inputArb, { minLength: 1, maxLength: 8 }), (inputs) => {
          const started = performance.now();
          const exchanges = inputs.flatMap((input) =>
            track(input).map((x, i) => ({ ...x, id: `${x.id}-${inputs.indexOf(input)}-${i}` })),
          );
          const outcome = downstream(exchanges, inputs[0]?.browser ?? "chromium");
          slowest = Math.max(slowest, performance.now() - started);
          expect(outcome.problems).toEqual([]);
        }),
        PIPELINE.params,
      );
      // Bounded work per input: 1 MiB values and thousands of duplicate headers included.
      expect(slowest).toBeLessThan(3_000);
    },
    PIPELINE.timeout,
  );
});
