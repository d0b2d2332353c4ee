/** @vitest-environment happy-dom */
import { describe, expect, it } from "vitest";
import { NO_PAINT, summarize } from "../../src/cli/summary";
import {
  GithubSummary,
  type ReportInput,
  toGithubAnnotations,
  toGithubSummary,
  toJunit,
  toSarif,
  writeJunit,
} from "../../src/report/ci-formats";
import { buildReport, type ReportExchange } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

/**
 * Issue #25, streaming end to end: every CI format and the summary read a report's exchanges once,
 * as the CLI builds them, and keep what they print per endpoint or group — never an exchange. Each
 * exchange below can be read only during its own turn (the next one's first read ends it): a
 * format that held exchanges to read them later (groups listing their requests at the end, a
 * second pass for the counts) throws here, or counts nothing on its second pass.
 */
const whole = buildReport(
  // Twice over: groups of more than one request, repeated endpoints.
  [...SCENARIOS, ...SCENARIOS].map((s) => recorded(s, "chromium")),
  { kind: "har", file: "lab.har" },
);

function oneTurnEach(): ReportInput {
  let turn = -1;
  const { exchanges, ...head } = whole;
  return {
    ...head,
    exchanges: (function* () {
      for (let i = 0; i < exchanges.length; i++) {
        turn = i;
        yield new Proxy(exchanges[i] as ReportExchange, {
          get(target, key, receiver) {
            if (turn !== i) throw new Error(`exchange ${i} read after its turn (now ${turn})`);
            return Reflect.get(target, key, receiver);
          },
        });
      }
      turn = -1;
    })(),
  };
}

const lines = (text: string) => text.split("\n");

describe("one pass over the exchanges, as the CLI streams them", () => {
  it("SARIF: the same log, counts included", () => {
    expect(toSarif(oneTurnEach())).toBe(toSarif(whole));
  });

  it("GitHub annotations and the job summary, from the same pass", () => {
    const summary = new GithubSummary(null);
    const input = oneTurnEach();
    summary.report(input);
    const tapped: ReportInput = {
      ...input,
      exchanges: (function* () {
        for (const x of input.exchanges) {
          summary.add(x);
          yield x;
        }
      })(),
    };
    expect(toGithubAnnotations([tapped])).toBe(toGithubAnnotations([whole]));
    expect(summary.text()).toBe(toGithubSummary([whole]));
  });

  it("the text summary: the same lines, groups listing their first five requests", () => {
    const options = { stack: null, paint: NO_PAINT, notes: [] };
    const streamed = summarize(oneTurnEach(), options);
    expect(streamed).toEqual(summarize(whole, options));
    expect(streamed.some((l) => /^✖ [2-9]\d* × /.test(l))).toBe(true);
  });

  it("JUnit with room for the counts: read once, the counts written into the room at the end", () => {
    let text = "";
    const fills: Array<() => void> = [];
    writeJunit(
      oneTurnEach(),
      null,
      {},
      (s) => {
        text += s;
      },
      (width) => {
        const at = text.length;
        text += " ".repeat(width);
        return (counts) =>
          void fills.push(() => {
            expect(counts.length).toBeLessThanOrEqual(width);
            text = text.slice(0, at) + counts.padEnd(width) + text.slice(at + width);
          });
      },
    );
    for (const fill of fills) fill();
    // The same document as the one counted first, but for white space inside the opening tags.
    expect(lines(text).map((l) => l.replace(/\s+>$/, ">"))).toEqual(lines(toJunit(whole)));
    const doc = new DOMParser().parseFromString(text, "application/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    const suites = doc.getElementsByTagName("testsuites")[0];
    const suite = doc.getElementsByTagName("testsuite")[0];
    expect(suites?.getAttribute("tests")).toBe(String(whole.exchanges.length));
    expect(suite?.getAttribute("tests")).toBe(String(whole.exchanges.length));
    expect(suites?.getAttribute("failures")).toBe(
      String(whole.exchanges.filter((x) => x.verdict === "blocked").length),
    );
  });

  it("JUnit without room (a pipe): a report that can be read once is held to be counted first", () => {
    const { exchanges, ...head } = whole;
    const once: ReportInput = { ...head, exchanges: exchanges.values() };
    expect(toJunit(once)).toBe(toJunit(whole));
  });
});
