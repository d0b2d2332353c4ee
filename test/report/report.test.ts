import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/engine";
import { REDACTED } from "../../src/report/redact";
import { buildReport, reportStream } from "../../src/report/report";
import schema from "../../src/report/report.schema.json" with { type: "json" };
import { reportFileText, toReportFile, writeReportFile } from "../../src/report/report-file";
import { exchange, h, PAGE } from "../engine/build";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe("report document", () => {
  const observed = SCENARIOS.map((s, i) => ({
    ...recorded(s, "chromium"),
    id: `s${i}`,
    startedAt: 1_700_000_000_000 + i,
  }));
  const report = buildReport(observed, { kind: "extension", tabId: 3 });

  it("validates against the JSON Schema kept in the repo", () => {
    expect(validate(toReportFile(report)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("the schema rejects a blocked exchange without a cause", () => {
    const broken = toReportFile(report);
    const blocked = broken.exchanges.find((x) => x.verdict === "blocked");
    if (blocked) blocked.causes = [];
    expect(validate(broken)).toBe(false);
  });

  it("lists exchanges oldest first and keeps the contract's fields", () => {
    expect(report.format).toBe("cors-lens-report");
    expect(report.exchanges.map((x) => x.id)).toEqual(observed.map((x) => x.id));
    expect(report.exchanges[0]?.startedAt).toBe(new Date(1_700_000_000_000).toISOString());
  });

  it("redacts secrets by default, after diagnosing with them", () => {
    const withCookie = exchange({
      requestHeaders: h("Origin", PAGE, "Cookie", "sessionid=s3cr3t", "X-Api-Key", "k"),
      response: { status: 200, headers: h("Access-Control-Allow-Origin", "*", "Set-Cookie", "a=b") },
      error: "net::ERR_FAILED",
    });
    const [x] = buildReport([withCookie], { kind: "extension", tabId: 1 }).exchanges;
    expect(x?.causes[0]?.code).toBe("wildcard-origin-with-credentials");
    const text = JSON.stringify(x);
    expect(text).not.toContain("s3cr3t");
    expect(x?.requestHeaders).toContainEqual(["Cookie", REDACTED]);
    expect(x?.requestHeaders).toContainEqual(["X-Api-Key", REDACTED]);
    expect(x?.hops[0]?.responseHeaders).toContainEqual(["Set-Cookie", REDACTED]);
    const kept = buildReport([withCookie], { kind: "extension", tabId: 1 }, { includeSecrets: true })
      .exchanges[0];
    expect(JSON.stringify(kept)).toContain("s3cr3t");
  });

  it("redacts user:password in URLs and messages", () => {
    const s = SCENARIOS.find((x) => x.cause === "redirect-contains-credentials");
    const [x] = buildReport(s ? [recorded(s, "chromium")] : [], { kind: "extension", tabId: 1 }).exchanges;
    expect(JSON.stringify(x)).not.toContain("user:pw@");
  });

  it("adds the cross-exchange reflection finding", () => {
    const echo = (origin: string, id: string) => ({
      ...exchange({
        origin,
        response: {
          status: 200,
          headers: h(
            "Access-Control-Allow-Origin",
            origin,
            "Access-Control-Allow-Credentials",
            "true",
            "Vary",
            "Origin",
          ),
        },
      }),
      id,
    });
    const r = buildReport([echo("http://a.test", "1"), echo("http://b.test", "2")], {
      kind: "extension",
      tabId: 1,
    });
    expect(
      r.exchanges.every((x) => x.findings.some((f) => f.code === "origin-reflected-with-credentials")),
    ).toBe(true);
  });

  it("without fixes (--no-fixes), renders none: the report is the full one with its fixes taken out", () => {
    const bare = buildReport(observed, { kind: "extension", tabId: 3 }, { fixes: false });
    const stripped = {
      ...report,
      exchanges: report.exchanges.map((x) => ({
        ...x,
        causes: x.causes.map((c) => ({ ...c, fixes: [] })),
        findings: x.findings.map(({ fixes: _fixes, ...f }) => f),
      })),
    };
    expect(bare).toEqual(stripped);
    expect(report.exchanges.some((x) => x.causes.some((c) => c.fixes.length > 0))).toBe(true);
    // The engine's causes hold a plain empty list, not the lazy property that would render them.
    const blocked = observed.find((_, i) => report.exchanges[i]?.verdict === "blocked");
    const cause = blocked && diagnose(blocked, { fixes: false }).causes[0];
    expect(cause && Object.getOwnPropertyDescriptor(cause, "fixes")).toEqual(
      expect.objectContaining({ value: [] }),
    );
  });

  it("streamed, builds each exchange when it is read, and writes the same file as the whole report", () => {
    const stream = reportStream(observed, { kind: "extension", tabId: 3 });
    const first = stream.exchanges().next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(report.exchanges[0]);
    const parts: string[] = [];
    writeReportFile({ ...stream.head, exchanges: stream.exchanges() }, (s) => parts.push(s));
    expect(parts.join("")).toBe(reportFileText(report));
  });
});
