/**
 * Impossible event times (not a number, negative, past any date, far ahead of the clock, before
 * the request's own start) are made possible on entry, so whatever the tracker holds open ages and
 * expires: over shuffled event sequences with such times, nothing is left open once every limit
 * has passed on the worker's clock.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUTURE_SLACK_MS, type ObservedEvent, saneTime } from "../../src/capture/events";
import { ExchangeTracker, LIMITS, type TrackerState } from "../../src/capture/tracker";
import { propertyBudget } from "../property";
import { ev } from "./events";

const BASE = 1_700_000_000_000;
const API = "http://127.0.0.1:5602/api";

/** The events of one request, in the order the browser sends them. */
function requestEvents(kind: number, id: string, tabId: number): ObservedEvent[] {
  const at = { tabId };
  const url = `${API}/${id}`;
  switch (kind) {
    case 0: // a simple GET
      return [
        ev("send", id, url, "GET", 0, at),
        ev("headers", id, url, "GET", 0, at),
        ev("completed", id, url, "GET", 0, at),
      ];
    case 1: // a preflighted PUT: the preflight, then the request
      return [
        ev("send", `${id}p`, url, "OPTIONS", 0, {
          ...at,
          headers: [["Access-Control-Request-Method", "PUT"]],
        }),
        ev("headers", `${id}p`, url, "OPTIONS", 0, { ...at, status: 204 }),
        ev("completed", `${id}p`, url, "OPTIONS", 0, {
          ...at,
          status: 204,
          headers: [
            ["Access-Control-Allow-Origin", "http://127.0.0.1:5601"],
            ["Access-Control-Allow-Methods", "PUT"],
          ],
        }),
        ev("send", id, url, "PUT", 0, { ...at, headers: [["Content-Type", "application/json"]] }),
        ev("completed", id, url, "PUT", 0, at),
      ];
    case 2: // a redirect, then a CORS failure
      return [
        ev("send", id, url, "GET", 0, at),
        ev("redirect", id, url, "GET", 0, { ...at, redirectUrl: `${url}/moved` }),
        ev("send", id, `${url}/moved`, "GET", 0, at),
        ev("error", id, `${url}/moved`, "GET", 0, at),
      ];
    case 3: // Firefox: handed to the page's service worker (an internal redirect), the worker's request
      return [
        ev("send", id, url, "GET", 0, at),
        ev("redirect", id, url, "GET", 0, { ...at, status: 0, redirectUrl: url }),
        ev("send", `${id}w`, url, "GET", 0, { tabId: -1 }),
        ev("completed", `${id}w`, url, "GET", 0, { tabId: -1 }),
      ];
    default: // a preflight whose request never comes
      return [
        ev("send", id, url, "OPTIONS", 0, { ...at, headers: [["Access-Control-Request-Method", "DELETE"]] }),
        ev("completed", id, url, "OPTIONS", 0, { ...at, status: 204 }),
      ];
  }
}

const hostileTime = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -1e15,
  0,
  8.64e15 + 1,
  Number.MAX_SAFE_INTEGER,
  1e300,
  BASE + 1e12, // a valid date, 31 years ahead of the clock
  BASE - 1e9, // backwards: 11 days before the sequence began
);

const sequence = fc
  .record({
    requests: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(7, 8)), {
      minLength: 1,
      maxLength: 6,
    }),
    seed: fc.integer(),
  })
  .chain(({ requests }) => {
    const events = requests.flatMap(([kind, tabId], i) => requestEvents(kind, `r${i}`, tabId));
    return fc.record({
      // Shuffled, and some events lost (as a stopping worker loses them).
      events: fc.shuffledSubarray(events, { minLength: Math.max(1, events.length - 3) }),
      // Each event's time: its place in the sequence, or a hostile one.
      times: fc.array(fc.option(hostileTime, { freq: 3, nil: undefined }), {
        minLength: events.length,
        maxLength: events.length,
      }),
      browser: fc.constantFrom("chromium" as const, "firefox" as const),
      stopAt: fc.integer({ min: -1, max: events.length }),
    });
  });

/** Every limit passed, with room for what one expiry leaves to the next (an awaiting request). */
const HORIZON = Math.max(...Object.values(LIMITS).filter((v) => v >= 1000)) + FUTURE_SLACK_MS + 1;

type Input = typeof sequence extends fc.Arbitrary<infer T> ? T : never;

function openAfterExpiry(input: Input): TrackerState {
  let tracker = new ExchangeTracker(input.browser);
  let now = BASE;
  input.events.forEach((e, i) => {
    now = BASE + 10 * (i + 1);
    if (i === input.stopAt) {
      // A worker stop: the state through JSON, a new tracker takes over.
      tracker = new ExchangeTracker(
        input.browser,
        JSON.parse(JSON.stringify(tracker.snapshot())) as TrackerState,
      );
      tracker.inherit(now);
    }
    tracker.ingest({ ...e, timeStamp: input.times[i] ?? now }, now);
  });
  for (let k = 1; k <= 3; k++) tracker.flush(now + k * HORIZON);
  return tracker.snapshot();
}

describe("impossible event times", () => {
  it("are made possible on entry", () => {
    expect(saneTime(Number.NaN, BASE, null)).toBe(BASE);
    expect(saneTime(-5, BASE, null)).toBe(BASE);
    expect(saneTime(8.64e15 + 1, null, null)).toBe(0);
    expect(saneTime(BASE + FUTURE_SLACK_MS + 1, BASE, null)).toBe(BASE);
    expect(saneTime(BASE + FUTURE_SLACK_MS, BASE, null)).toBe(BASE + FUTURE_SLACK_MS);
    expect(saneTime(BASE - 1e9, BASE, BASE - 5)).toBe(BASE - 5);
    expect(saneTime(BASE - 1e9, BASE, null)).toBe(BASE - 1e9);
  });

  // Every one of the 5,000 sequences, always the same ones: 4.2 s at load 6 (0.85 ms each).
  const SEQUENCES = propertyBudget(5_000, 10);
  it(
    "never keep the tracker's state open: over shuffled sequences, nothing is left after expiry",
    () => {
      fc.assert(
        fc.property(sequence, (input) => {
          const state = openAfterExpiry(input);
          const open = {
            pending: Object.keys(state.pending).length,
            preflights: state.preflights.length,
            awaiting: state.awaiting.length,
            handed: state.handed?.length ?? 0,
          };
          expect(open).toEqual({ pending: 0, preflights: 0, awaiting: 0, handed: 0 });
        }),
        SEQUENCES.params,
      );
    },
    SEQUENCES.timeout,
  );
});
