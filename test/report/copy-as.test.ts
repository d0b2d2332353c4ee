import { describe, expect, it } from "vitest";
import { actualFetch, actualPowerShell, preflightPowerShell } from "../../src/report/copy-as";
import { buildReport } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

function reportOf(name: string) {
  const s = SCENARIOS.find((x) => x.name === name);
  const [x] = buildReport(s ? [recorded(s, "chromium")] : [], { kind: "extension", tabId: 1 }).exchanges;
  if (!x) throw new Error(`no scenario ${name}`);
  return x;
}

describe("Copy as fetch / PowerShell", () => {
  it("fetch: the page's own headers, none the browser adds itself, and valid JavaScript", () => {
    const x = reportOf("custom header missing from a fixed Allow-Headers list (seed)");
    const code = actualFetch(x);
    expect(code).toContain('method: "PUT"');
    expect(code).toContain('"X-Api-Key": "<redacted>"');
    expect(code).not.toMatch(/"Origin"|Sec-Fetch/i);
    // Parses as the body of an async function.
    expect(() => new Function(`return (async () => { ${code} })`)).not.toThrow();
  });

  it("fetch keeps credentials: include when the request was credentialed", () => {
    expect(actualFetch(reportOf("ACAO * with the session cookie (seed: Django middleware)"))).toContain(
      'credentials: "include"',
    );
  });

  it("PowerShell: the preflight's Access-Control-Request-* headers, single-quoted, and a lowercase method kept as written", () => {
    const x = reportOf("custom header missing from a fixed Allow-Headers list (seed)");
    const ps = preflightPowerShell(x) ?? "";
    expect(ps).toMatch(
      /^Invoke-WebRequest -UseBasicParsing -Uri 'http:\/\/127\.0\.0\.1:8000\/api\/data' -Method OPTIONS -Headers @\{/,
    );
    expect(ps).toContain("'Access-Control-Request-Method' = 'PUT'");
    expect(actualPowerShell({ ...x, url: "http://a.test/it's" })).toContain("-Uri 'http://a.test/it''s'");
    expect(actualPowerShell(reportOf("lower-case patch against PATCH"))).toContain("-CustomMethod 'patch'");
  });
});
