import { describe, expect, it } from "vitest";
import { evidenceRows } from "../../src/engine";
import { CAUSES } from "../../src/engine/causes";
import { buildReport } from "../../src/report/report";
import { recorded, SCENARIOS } from "../fixtures/scenarios";

const LABEL: Record<string, string> = {
  "access-control-allow-origin": "Access-Control-Allow-Origin",
  "access-control-allow-credentials": "Access-Control-Allow-Credentials",
  "access-control-allow-methods": "Access-Control-Allow-Methods",
  "access-control-allow-headers": "Access-Control-Allow-Headers",
};

describe("the evidence table comes from the engine with the cause", () => {
  const blocked = buildReport(
    SCENARIOS.map((s) => recorded(s, "chromium")),
    { kind: "har", file: "scenarios.har" },
  ).exchanges.filter((x) => x.verdict === "blocked");

  it("marks exactly the row of the header the failing check read", () => {
    let checked = 0;
    for (const x of blocked) {
      const cause = x.causes[0];
      if (!cause || CAUSES[cause.code].failingRow !== "header" || !cause.header || !LABEL[cause.header])
        continue;
      const failing = evidenceRows(x)
        .filter((r) => r.failing)
        .map((r) => r.label);
      expect(failing, `${cause.code} on ${x.url}`).toEqual([LABEL[cause.header]]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it("marks the preflight's status for a non-2xx or redirected preflight, and shows where it went", () => {
    const statusCauses = blocked.filter(
      (x) => x.causes[0] && CAUSES[x.causes[0].code].failingRow === "preflight-status",
    );
    expect(statusCauses.length).toBeGreaterThanOrEqual(3);
    for (const x of statusCauses) {
      const rows = evidenceRows(x);
      expect(rows.find((r) => r.label === "Status (preflight)")?.failing).toBe(true);
      if (x.causes[0]?.code === "preflight-redirected")
        expect(rows.find((r) => r.label === "Location")?.sent).not.toBeNull();
    }
  });

  it("requires the exact origin with credentials, and the origin or * without", () => {
    const wildcard = blocked.find((x) => x.causes[0]?.code === "wildcard-origin-with-credentials");
    const acao = wildcard && evidenceRows(wildcard).find((r) => r.label === "Access-Control-Allow-Origin");
    expect(acao?.required).toBe(wildcard?.origin);
    expect(acao?.sent).toBe("*");
  });
});
